import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { dosDateTime, ZipWriter, type ZipEntrySource } from '../../src/zip/zip-writer.js';
import { defaultPython3, runPython } from '../helpers/python.js';

const dir = mkdtempSync(join(tmpdir(), 'zipwriter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Text-like data compresses, random data does not: a mix exercises both paths of deflate.
function sampleFiles(): ZipEntrySource[] {
  const text = Buffer.from('def f(x):\n    return x * 2\n'.repeat(200_000)); // ~5.4 MiB, 6 chunks
  const random = randomBytes(3 * 1024 * 1024 + 17);
  writeFileSync(join(dir, 'text.py'), text);
  writeFileSync(join(dir, 'random.so'), random);
  writeFileSync(join(dir, 'empty'), '');
  return [
    { name: 'pkg/__init__.py', data: Buffer.from('from ._x import *\n'), size: 18, mode: 0o644 },
    { name: 'pkg/empty', path: join(dir, 'empty'), size: 0, mode: 0o644 },
    { name: 'pkg/random.so', path: join(dir, 'random.so'), size: random.length, mode: 0o755 },
    { name: 'pkg/text.py', path: join(dir, 'text.py'), size: text.length, mode: 0o644 },
    { name: 'pkg/ünïcode.txt', data: Buffer.from('x'), size: 1, mode: 0o644 },
  ];
}

async function writeZip(
  path: string,
  entries: ZipEntrySource[],
  options: { concurrency: number; forceZip64?: boolean },
) {
  const writer = new ZipWriter(path, {
    mtime: new Date(Date.UTC(2020, 1, 3, 4, 5, 6)),
    level: 6,
    ...options,
  });
  const written = [];
  for (const entry of entries) written.push(await writer.add(entry));
  const size = await writer.finish();
  return { written, size, digest: writer.sha256() };
}

describe('ZipWriter', () => {
  it('writes an archive Python reads back byte for byte, with modes, times and hashes', async () => {
    const entries = sampleFiles();
    const path = join(dir, 'a.zip');
    const { written, size } = await writeZip(path, entries, { concurrency: 2 });
    expect(size).toBe(readFileSync(path).length);
    const listing = JSON.parse(
      runPython(
        defaultPython3(),
        `import zipfile, json, hashlib
z = zipfile.ZipFile(${JSON.stringify(path)})
assert z.testzip() is None
print(json.dumps([[i.filename, i.file_size, i.external_attr >> 16, list(i.date_time), i.compress_type,
  hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))`,
      ),
    ) as [string, number, number, number[], number, string][];
    expect(listing.map((row) => row[0])).toEqual(entries.map((e) => e.name));
    for (const [i, row] of listing.entries()) {
      const entry = entries[i]!;
      expect(row[1]).toBe(entry.size);
      expect(row[2]).toBe(0o100000 | entry.mode);
      expect(row[3]).toEqual([2020, 2, 3, 4, 5, 6]);
      expect(row[4]).toBe(entry.size === 0 ? 0 : 8);
      expect(row[5]).toBe(written[i]!.sha256.toString('hex'));
    }
  });

  it('gives identical bytes for any concurrency (chunk boundaries do not depend on timing)', async () => {
    const entries = sampleFiles();
    await writeZip(join(dir, 'c1.zip'), entries, { concurrency: 1 });
    await writeZip(join(dir, 'c4.zip'), entries, { concurrency: 4 });
    expect(readFileSync(join(dir, 'c1.zip')).equals(readFileSync(join(dir, 'c4.zip')))).toBe(true);
  });

  it('compresses a multi-chunk entry as one valid deflate stream close to single-stream size', async () => {
    const text = Buffer.from('def f(x):\n    return x * 2\n'.repeat(200_000));
    const path = join(dir, 'one.zip');
    await writeZip(path, [{ name: 't', data: text, size: text.length, mode: 0o644 }], {
      concurrency: 2,
    });
    const zip = readFileSync(path);
    const compressedSize = zip.readUInt32LE(18);
    const start = 30 + 1;
    expect(inflateRawSync(zip.subarray(start, start + compressedSize)).equals(text)).toBe(true);
  });

  it('writes zip64 records that Python accepts', async () => {
    const path = join(dir, 'z64.zip');
    await writeZip(path, sampleFiles(), { concurrency: 2, forceZip64: true });
    const out = runPython(
      defaultPython3(),
      `import zipfile
z = zipfile.ZipFile(${JSON.stringify(path)})
assert z.testzip() is None
print(len(z.infolist()))`,
    );
    expect(out.trim()).toBe('5');
    // The zip64 end-of-central-directory record is present.
    expect(readFileSync(path).includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
  });

  it('fails before queuing anything when a file is missing', async () => {
    const writer = new ZipWriter(join(dir, 'missing.zip'), {
      mtime: new Date(0),
      level: 6,
      concurrency: 2,
    });
    await expect(
      writer.add({ name: 'x', path: join(dir, 'nope'), size: 1, mode: 0o644 }),
    ).rejects.toThrow(/ENOENT/);
    await writer.abort();
  });

  it('batches many small entries next to chunked big ones, identically for any worker count', async () => {
    // Sizes around the small-entry limit (256 KiB) and the batch size (1 MiB), in a fixed order.
    const entries: ZipEntrySource[] = [];
    for (let i = 0; i < 300; i++) {
      const size = [0, 1, 700, 5000, 40_000, 262_144, 262_145, 300_000][i % 8]! + (i % 13);
      const text = Buffer.from(`# file ${i}\n` + 'x = [1, 2, 3]\n'.repeat(size / 14 + 1));
      const body = i % 5 === 0 ? randomBytes(size) : text.subarray(0, size);
      const path = join(dir, `small-${i}`);
      writeFileSync(path, body);
      entries.push({ name: `pkg/m${String(i).padStart(3, '0')}.py`, path, size, mode: 0o644 });
    }
    const big = randomBytes(2 * 1024 * 1024 + 123);
    writeFileSync(join(dir, 'big.so'), big);
    entries.push({
      name: 'pkg/z/big.so',
      path: join(dir, 'big.so'),
      size: big.length,
      mode: 0o755,
    });
    const record = Buffer.from('r'.repeat(400_000));
    entries.push({ name: 'pkg/z/RECORD', data: record, size: record.length, mode: 0o644 });

    const one = join(dir, 'many-1.zip');
    const three = join(dir, 'many-3.zip');
    await writeZip(one, entries, { concurrency: 1 });
    const { digest } = await writeZip(three, entries, { concurrency: 3 });
    const bytes = readFileSync(three);
    expect(readFileSync(one).equals(bytes)).toBe(true);
    expect(digest).toBe(createHash('sha256').update(bytes).digest('hex'));
    const out = runPython(
      defaultPython3(),
      `import zipfile, hashlib
z = zipfile.ZipFile(${JSON.stringify(three)})
assert z.testzip() is None
print(len(z.infolist()), hashlib.sha256(b"".join(z.read(i) for i in z.infolist())).hexdigest())`,
    );
    const all = Buffer.concat(entries.map((e) => e.data ?? readFileSync(e.path!)));
    expect(out.trim()).toBe(`${entries.length} ${createHash('sha256').update(all).digest('hex')}`);
  });

  it('refuses a file that changed size since it was listed, small or chunked', async () => {
    const path = join(dir, 'changing');
    writeFileSync(path, Buffer.alloc(3 * 1024 * 1024, 7));
    for (const size of [10, 3 * 1024 * 1024 - 1, 3 * 1024 * 1024 + 1]) {
      const writer = new ZipWriter(join(dir, 'changed.zip'), {
        mtime: new Date(0),
        level: 6,
        concurrency: 2,
      });
      // A healthy small entry first, so an unsent batch is open when the failure comes.
      await writer.add({ name: 'ok', data: Buffer.from('fine'), size: 4, mode: 0o644 });
      await expect(writer.add({ name: 'x', path, size, mode: 0o644 })).rejects.toThrow(
        /changed size while it was packed/,
      );
      await writer.abort();
    }
  });

  it('encodes DOS timestamps in UTC and clamps to the 1980 epoch', () => {
    expect(dosDateTime(new Date(0))).toEqual([(0 << 9) | (1 << 5) | 1, 0]);
    expect(dosDateTime(new Date(Date.UTC(2024, 11, 31, 23, 59, 59)))).toEqual([
      (44 << 9) | (12 << 5) | 31,
      (23 << 11) | (59 << 5) | 29,
    ]);
  });
});
