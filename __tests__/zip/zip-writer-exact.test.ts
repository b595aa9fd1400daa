// ZipWriter byte for byte, fast enough to run per mutant: the whole archive is rebuilt from the
// records it must hold (zip-records.ts, tested on its own) around the deflated data found in it,
// and each entry's data inflates to its bytes. Small, batched, chunked, empty, file-backed and
// zip64 entries; the size-change refusals word for word; the digest; finish and abort.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildError } from '../../src/base/errors.js';
import { readCentralDirectory } from '../../src/zip/zip-listing.js';
import {
  centralHeader,
  dosDateTime,
  endRecords,
  localHeader,
  type CentralRecord,
} from '../../src/zip/zip-records.js';
import { ZipWriter, type ZipEntrySource } from '../../src/zip/zip-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'zipwriter-exact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const MTIME = new Date(Date.UTC(2021, 5, 7, 8, 9, 10));
let made = 0;

/** Compressible bytes that differ along their length (so each chunk's dictionary matters). */
function pattern(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = 97 + ((x >>> 16) % 7);
  }
  return bytes;
}

const contentOf = (entry: ZipEntrySource): Buffer =>
  entry.data ?? (entry.path ? readFileSync(entry.path) : Buffer.alloc(0));

async function write(
  entries: ZipEntrySource[],
  options: { concurrency: number; level?: number; forceZip64?: boolean },
) {
  const path = join(dir, `${made++}.zip`);
  const writer = new ZipWriter(path, { mtime: MTIME, level: 6, ...options });
  const written = [];
  for (const entry of entries) written.push(await writer.add(entry));
  const size = await writer.finish();
  return { path, size, written, digest: writer.sha256(), bytes: readFileSync(path) };
}

/** The archive the entries must give: its records around the data found in `bytes`. */
async function expected(path: string, bytes: Buffer, entries: ZipEntrySource[], zip64: boolean) {
  const file = await open(path, 'r');
  const listed = await readCentralDirectory(file, path).finally(() => file.close());
  const [dosDate, dosTime] = dosDateTime(MTIME);
  const records: CentralRecord[] = [];
  const parts: Buffer[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const content = contentOf(entry);
    const name = Buffer.from(entry.name, 'utf8');
    const entryZip64 = zip64 || entry.size >= 0xffffffff - 2 * (1 << 20);
    const dataStart = offset + 30 + name.length + (entryZip64 ? 20 : 0);
    const compressedSize = listed[i]!.compressedSize;
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (entry.size === 0) expect(data.length).toBe(0);
    else expect(inflateRawSync(data).equals(content)).toBe(true);
    const record: CentralRecord = {
      name,
      utf8: name.length !== entry.name.length,
      method: entry.size === 0 ? 0 : 8,
      crc: crc32(content),
      compressedSize,
      size: entry.size,
      offset,
      mode: entry.mode,
      zip64: entryZip64,
    };
    records.push(record);
    parts.push(localHeader(record, dosDate, dosTime), data);
    offset = dataStart + compressedSize;
  });
  const start = offset;
  const central = records.map((r) => centralHeader(r, dosDate, dosTime));
  const size = central.reduce((s, b) => s + b.length, 0);
  const ends = endRecords({
    count: records.length,
    size,
    start,
    here: start + size,
    needZip64: zip64,
  });
  return Buffer.concat([...parts, ...central, ...ends]);
}

const small = (name: string, text: string, mode = 0o644): ZipEntrySource => ({
  name,
  data: Buffer.from(text),
  size: Buffer.byteLength(text),
  mode,
});

describe('ZipWriter, byte for byte', () => {
  it('writes small, empty, unicode and file-backed entries, the same with or without threads', async () => {
    const onDisk = join(dir, 'on-disk.bin');
    writeFileSync(onDisk, pattern(5000, 3));
    const entries: ZipEntrySource[] = [
      small('pkg/__init__.py', 'from ._x import *\n'),
      { name: 'pkg/empty', data: Buffer.alloc(0), size: 0, mode: 0o644 },
      small('pkg/ünï.txt', 'x', 0o755),
      { name: 'pkg/disk.bin', path: onDisk, size: 5000, mode: 0o755 },
    ];
    const inline = await write(entries, { concurrency: 0 });
    expect(inline.bytes.equals(await expected(inline.path, inline.bytes, entries, false))).toBe(
      true,
    );
    expect(inline.size).toBe(inline.bytes.length);
    expect(inline.digest).toBe(createHash('sha256').update(inline.bytes).digest('hex'));
    expect(
      inline.written.map((w) => [w.name, w.size, w.sha256.toString('hex'), w.compressedSize]),
    ).toEqual(
      entries.map((e) => [
        e.name,
        e.size,
        createHash('sha256').update(contentOf(e)).digest('hex'),
        0,
      ]),
    );
    const threaded = await write(entries, { concurrency: 1 });
    expect(threaded.bytes.equals(inline.bytes)).toBe(true);
  });

  it('batches many small entries past one batch, and chunks big ones with their dictionaries', async () => {
    const entries: ZipEntrySource[] = [];
    for (let i = 0; i < 6; i++) {
      const data = pattern(200_000 + i, i);
      entries.push({ name: `small/${i}`, data, size: data.length, mode: 0o644 });
    }
    const limit = pattern(256 * 1024, 40);
    entries.push({ name: 'edge/256k', data: limit, size: limit.length, mode: 0o644 });
    const over = pattern(256 * 1024 + 1, 41);
    entries.push({ name: 'edge/256k+1', data: over, size: over.length, mode: 0o644 });
    const big = pattern(2 * (1 << 20) + 70_000, 42);
    entries.push({ name: 'big/lib.so', data: big, size: big.length, mode: 0o755 });
    const exact = pattern(1 << 20, 43);
    entries.push({ name: 'big/one-chunk', data: exact, size: exact.length, mode: 0o644 });
    entries.push(small('after/big', 'tail'));
    const one = await write(entries, { concurrency: 1 });
    expect(one.bytes.equals(await expected(one.path, one.bytes, entries, false))).toBe(true);
    const two = await write(entries, { concurrency: 2 });
    expect(two.bytes.equals(one.bytes)).toBe(true);
    const inline = await write(entries, { concurrency: 0 });
    expect(inline.bytes.equals(one.bytes)).toBe(true);
  });

  it('carries the last 32 KiB of each chunk into the next as its dictionary', async () => {
    // Random 16 KiB blocks repeated: without a dictionary each 1 MiB chunk would have to spell
    // out its first block again (16 KiB of literals per chunk); with it, the chunks together are
    // as small as one deflate stream of the whole file.
    const block = Buffer.from(Array.from({ length: 16 * 1024 }, (_, i) => (i * 2654435761) >>> 24));
    const data = Buffer.concat(Array.from({ length: 4 * 64 + 3 }, () => block));
    const entries = [{ name: 'big/repeated.so', data, size: data.length, mode: 0o755 }];
    const one = await write(entries, { concurrency: 1 });
    expect(one.bytes.equals(await expected(one.path, one.bytes, entries, false))).toBe(true);
    const whole = deflateRawSync(data, { level: 6 }).length;
    // The whole archive: the deflated data plus about 150 bytes of records.
    expect(one.bytes.length).toBeLessThanOrEqual(whole + 1024);
  });

  it('writes zip64 records when forced, and hashes an archive over 8 MiB while writing', async () => {
    const entries = [
      small('a', 'alpha'),
      { name: 'e', data: Buffer.alloc(0), size: 0, mode: 0o644 },
    ];
    const forced = await write(entries, { concurrency: 0, forceZip64: true });
    expect(forced.bytes.equals(await expected(forced.path, forced.bytes, entries, true))).toBe(
      true,
    );
    const stored: ZipEntrySource[] = [];
    for (let i = 0; i < 3; i++) {
      const data = pattern(3 * (1 << 20) + i, 50 + i);
      stored.push({ name: `s${i}`, data, size: data.length, mode: 0o644 });
    }
    const big = await write(stored, { concurrency: 1, level: 0 });
    expect(big.size).toBeGreaterThan(8 * (1 << 20));
    expect(big.digest).toBe(createHash('sha256').update(big.bytes).digest('hex'));
  });
});

describe('ZipWriter refusals', () => {
  it('refuses a file that grew or shrank since it was staged, naming it and the fix', async () => {
    const path = join(dir, 'changing.bin');
    // [bytes on disk, size when staged, deflate threads, bytes read]: small and chunked entries.
    for (const [actual, size, concurrency, read] of [
      [100, 99, 0, 100],
      [100, 101, 0, 100],
      [299_999, 300_000, 1, 299_999],
      [300_010, 300_000, 1, 300_001],
      // Grown past its last chunk: the last read asks only for what was staged.
      [(1 << 20) + 100_010, (1 << 20) + 100_000, 1, (1 << 20) + 100_001],
    ] as const) {
      writeFileSync(path, pattern(actual, actual));
      const writer = new ZipWriter(join(dir, `${made++}.zip`), {
        mtime: MTIME,
        level: 6,
        concurrency,
      });
      let error: unknown;
      try {
        await writer.add({ name: 'x', path, size, mode: 0o644 });
      } catch (caught) {
        error = caught;
      }
      await writer.abort();
      expect(error).toBeInstanceOf(BuildError);
      expect((error as BuildError).message).toBe(
        `${path} changed size while it was packed (${size} bytes when staged, ${read} read).`,
      );
      expect((error as BuildError).input).toBe('build-command');
      expect((error as BuildError).file).toBe(path);
      expect((error as BuildError).fix).toBe(
        'make sure nothing writes to the staged files while the action packs them: wait for ' +
          'background processes the build command started (or stage a copy).',
      );
    }
  });

  it('names a generated entry by its name, without a file', async () => {
    const writer = new ZipWriter(join(dir, `${made++}.zip`), {
      mtime: MTIME,
      level: 6,
      concurrency: 0,
    });
    const error = await writer
      .add({ name: 'gen/METADATA', data: Buffer.from('abc'), size: 5, mode: 0o644 })
      .catch((caught: unknown) => caught);
    await writer.abort();
    expect((error as BuildError).message).toBe(
      'gen/METADATA changed size while it was packed (5 bytes when staged, 3 read).',
    );
    expect((error as BuildError).file).toBeUndefined();
  });

  it('surfaces a failed write (a full disk) through add or finish, and abort still closes', async () => {
    for (const concurrency of [0, 1]) {
      const writer = new ZipWriter('/dev/full', { mtime: MTIME, level: 6, concurrency });
      let error: unknown;
      try {
        for (let i = 0; i < 40; i++) await writer.add(small(`f${i}`, 'x'.repeat(1000)));
        await writer.add({ name: 'big', data: pattern(3 << 20, 9), size: 3 << 20, mode: 0o644 });
        await writer.finish();
      } catch (caught) {
        error = caught;
      }
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      await writer.abort();
      await expect(writer.add(small('late', 'x'))).rejects.toThrow('ZipWriter.add after finish');
    }
  });

  it('a failed write reaches the next add, and a big first entry on a full disk fails, not hangs', async () => {
    for (const concurrency of [0, 1]) {
      const writer = new ZipWriter('/dev/full', { mtime: MTIME, level: 6, concurrency });
      // The first small entry is only read: its header write fails in the writer, after.
      await writer.add(small('first', 'x'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await expect(writer.add(small('second', 'y'))).rejects.toMatchObject({ code: 'ENOSPC' });
      await writer.abort();
    }
    // Eight chunks through two slots: the writer fails on the first header while the entry
    // waits for a slot; the wait ends with the failure.
    const writer = new ZipWriter('/dev/full', { mtime: MTIME, level: 6, concurrency: 1 });
    const big = pattern(8 << 20, 5);
    await expect(
      writer.add({ name: 'big', data: big, size: big.length, mode: 0o644 }),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    await writer.abort();
  });

  it('leaves no file open: staged files after each add, the archive after finish or abort', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const files = [0, 1, 2].map((i) => {
      const path = join(dir, `fd-${i}.bin`);
      writeFileSync(path, pattern(1000 + i * 400_000, i));
      return { name: `fd/${i}`, path, size: 1000 + i * 400_000, mode: 0o644 };
    });
    const before = openFiles();
    const finished = new ZipWriter(join(dir, `${made++}.zip`), {
      mtime: MTIME,
      level: 6,
      concurrency: 0,
    });
    for (const file of files) await finished.add(file);
    expect(openFiles()).toBe(before + 1); // the archive itself
    await finished.finish();
    expect(openFiles()).toBe(before);
    const aborted = new ZipWriter(join(dir, `${made++}.zip`), {
      mtime: MTIME,
      level: 6,
      concurrency: 0,
    });
    await aborted.add(files[0]!);
    await aborted.abort();
    expect(openFiles()).toBe(before);
  });

  it('aborts with an unsent batch: the file is closed, nothing more is written', async () => {
    const path = join(dir, `${made++}.zip`);
    const writer = new ZipWriter(path, { mtime: MTIME, level: 6, concurrency: 1 });
    await writer.add(small('a', 'alpha'));
    await writer.abort();
    const size = readFileSync(path).length;
    await writer.abort();
    expect(readFileSync(path).length).toBe(size);
    expect(() => writer.sha256()).toThrow('ZipWriter.sha256 before finish');
  });

  it('refuses add after finish and a digest before it', async () => {
    const writer = new ZipWriter(join(dir, `${made++}.zip`), {
      mtime: MTIME,
      level: 6,
      concurrency: 0,
    });
    expect(() => writer.sha256()).toThrow('ZipWriter.sha256 before finish');
    await writer.finish();
    await expect(writer.add(small('late', 'x'))).rejects.toThrow('ZipWriter.add after finish');
    await writer.abort();
  });
});
