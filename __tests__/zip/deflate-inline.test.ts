import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deflateThreads, INLINE_DEFLATE_MAX_BYTES } from '../../src/zip/deflate-inline.js';
import { packWheel } from '../../src/wheel/pack.js';
import type { PackageFile } from '../../src/wheel/package-file.js';
import { ZipWriter, type ZipEntrySource } from '../../src/zip/zip-writer.js';
import { defaultPython3, runPython } from '../helpers/python.js';

const dir = mkdtempSync(join(tmpdir(), 'deflate-inline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeZip(path: string, entries: ZipEntrySource[], concurrency: number) {
  const writer = new ZipWriter(path, {
    mtime: new Date(Date.UTC(2021, 4, 5)),
    level: 4,
    concurrency,
  });
  for (const entry of entries) await writer.add(entry);
  await writer.finish();
  return readFileSync(path);
}

describe('inline deflate (no worker threads)', () => {
  it('gives the same bytes as the worker path: small batched files, multi-chunk entries with dictionaries, random data', async () => {
    // 2.6 MiB of text (3 chunks, each continuing the previous one's window), 1.2 MiB random,
    // and small files that share a batch.
    const text = Buffer.from('int f(int x) { return x * 2; }\n'.repeat(90_000));
    const random = randomBytes(1_200_000);
    writeFileSync(join(dir, 'text.cpp'), text);
    writeFileSync(join(dir, 'random.so'), random);
    const entries: ZipEntrySource[] = [
      { name: 'pkg/__init__.py', data: Buffer.from('from ._x import *\n'), size: 18, mode: 0o644 },
      { name: 'pkg/empty.txt', data: Buffer.alloc(0), size: 0, mode: 0o644 },
      { name: 'pkg/random.so', path: join(dir, 'random.so'), size: random.length, mode: 0o755 },
      { name: 'pkg/text.cpp', path: join(dir, 'text.cpp'), size: text.length, mode: 0o644 },
      ...Array.from({ length: 40 }, (_, i) => {
        const data = Buffer.from(`value_${i} = ${'x'.repeat(i * 37)}\n`);
        return { name: `pkg/m${i}.py`, data, size: data.length, mode: 0o644 };
      }),
    ];
    const inline = await writeZip(join(dir, 'inline.zip'), entries, 0);
    const one = await writeZip(join(dir, 'one.zip'), entries, 1);
    const two = await writeZip(join(dir, 'two.zip'), entries, 2);
    expect(inline.length).toBeGreaterThan(1_200_000);
    expect(inline.equals(one)).toBe(true);
    expect(inline.equals(two)).toBe(true);
    // And Python reads it back.
    const checked = runPython(
      defaultPython3(),
      `import zipfile; z = zipfile.ZipFile(${JSON.stringify(join(dir, 'inline.zip'))}); print(z.testzip(), len(z.namelist()))`,
    ).trim();
    expect(checked).toBe(`None ${entries.length}`);
  });

  it('packs a small wheel inline by default, byte-identical to one worker', async () => {
    const source = join(dir, 'mod.py');
    writeFileSync(source, 'def twice(x):\n    return 2 * x\n');
    const files: PackageFile[] = [
      { archivePath: 'tiny/__init__.py', sourcePath: source, size: 31, executable: false },
    ];
    const pack = (outputDir: string, concurrency?: number) =>
      packWheel({
        files,
        metadata: { name: 'tiny', version: '1.0.0' },
        tag: { interpreter: 'py3', abi: 'none', platform: 'any' },
        mtime: new Date(Date.UTC(2022, 0, 1)),
        outputDir: join(dir, outputDir),
        generator: 'test',
        ...(concurrency === undefined ? {} : { concurrency }),
      });
    const byDefault = await pack('default');
    const oneWorker = await pack('worker', 1);
    expect(byDefault.sha256).toBe(oneWorker.sha256);
    expect(readFileSync(byDefault.path).equals(readFileSync(oneWorker.path))).toBe(true);
  });

  it('chooses inline deflate up to the threshold, the cores above it, and what the caller asks', () => {
    expect(deflateThreads(0, undefined, 4)).toBe(0);
    expect(deflateThreads(INLINE_DEFLATE_MAX_BYTES, undefined, 4)).toBe(0);
    expect(deflateThreads(INLINE_DEFLATE_MAX_BYTES + 1, undefined, 4)).toBe(4);
    expect(deflateThreads(10, 3, 4)).toBe(3);
    expect(deflateThreads(10 * INLINE_DEFLATE_MAX_BYTES, 0, 4)).toBe(0);
  });
});
