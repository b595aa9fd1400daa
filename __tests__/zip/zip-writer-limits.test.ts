// ZipWriter at the entry-count limit of plain end records: 65,535 entries need zip64's. Apart
// from the mutation group's fast file (zip-writer-exact), since it adds 65,535 entries.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipWriter } from '../../src/zip/zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'zipwriter-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MTIME = new Date(Date.UTC(2021, 5, 7, 8, 9, 10));

describe('ZipWriter at the entry-count limit', () => {
  it('writes zip64 end records for 65,535 entries, and plain ones for 65,534', async () => {
    for (const count of [0xfffe, 0xffff]) {
      const path = join(dir, `${count}.zip`);
      const writer = new ZipWriter(path, { mtime: MTIME, level: 6, concurrency: 0 });
      const empty = Buffer.alloc(0);
      for (let i = 0; i < count; i++) {
        await writer.add({ name: `e/${i}`, data: empty, size: 0, mode: 0o644 });
      }
      await writer.finish();
      const bytes = readFileSync(path);
      const zip64End = bytes.length - 22 - 20 - 56;
      expect(bytes.readUInt32LE(zip64End) === 0x06064b50).toBe(count === 0xffff);
      expect(bytes.readUInt16LE(bytes.length - 22 + 8)).toBe(count);
    }
  });
});
