import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressLine, throttledProgress } from '../../src/log/progress.js';
import { packWheel, type PackageFile } from '../../src/wheel/pack.js';

describe('throttledProgress (pure, with a clock)', () => {
  it('prints at most once per interval, never for the last file, nothing on a short run', () => {
    let time = 0;
    const lines: string[] = [];
    const tick = throttledProgress('Packing', { bytes: 4 << 20, files: 4 }, (l) => lines.push(l), {
      now: () => time,
    });
    time = 4_000;
    tick({ bytes: 1 << 20, files: 1 });
    expect(lines).toEqual([]);
    time = 10_500;
    tick({ bytes: 2 << 20, files: 2 });
    time = 12_000;
    tick({ bytes: 3 << 20, files: 3 });
    time = 30_000;
    tick({ bytes: 4 << 20, files: 4 });
    expect(lines).toEqual(['Packing: 2.0 of 4.0 MiB (50%), 2 of 4 files']);
  });

  it('the line says bytes and files done of total', () => {
    expect(progressLine('Packing', { bytes: 0, files: 0 }, { bytes: 0, files: 0 })).toBe(
      'Packing: 0.0 of 0.0 MiB (100%), 0 of 0 files',
    );
  });
});

describe('packWheel reports progress on a real tree', () => {
  it('counts a line per file when the interval is 0, in order, with the totals', async () => {
    const root = mkdtempSync(join(tmpdir(), 'progress-'));
    mkdirSync(join(root, 'pkg'));
    const files: PackageFile[] = [];
    for (let i = 0; i < 40; i++) {
      const path = join(root, 'pkg', `part${String(i).padStart(2, '0')}.bin`);
      writeFileSync(path, randomBytes(256 * 1024));
      files.push({
        archivePath: `pkg/part${String(i).padStart(2, '0')}.bin`,
        sourcePath: path,
        size: 256 * 1024,
        executable: false,
      });
    }
    const lines: string[] = [];
    await packWheel({
      files,
      metadata: { name: 'pkg', version: '1.0' },
      tag: { interpreter: 'py3', abi: 'none', platform: 'any' },
      mtime: new Date(1_700_000_000_000),
      outputDir: join(root, 'dist'),
      generator: 'progress-test',
      onProgress: throttledProgress(
        'Packing',
        { bytes: 10 << 20, files: 40 },
        (l) => lines.push(l),
        {
          intervalMs: 0,
        },
      ),
    });
    // Every file but the last (the step's own timing line says it finished).
    expect(lines).toHaveLength(39);
    expect(lines[0]).toBe('Packing: 0.3 of 10.0 MiB (2%), 1 of 40 files');
    expect(lines[38]).toBe('Packing: 9.8 of 10.0 MiB (97%), 39 of 40 files');
  });
});
