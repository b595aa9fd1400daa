// Reading zips made by someone else (yazl, an independent writer): the central directory listing
// (zip64, comments, extras) and one entry's bytes, and each way a damaged zip is refused.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { isTopLevelMetadata, readZipEntry } from '../../src/zip/zip-entry.js';
import { listZipEntries, readCentralDirectory } from '../../src/zip/zip-listing.js';
import { centralHeader, endRecords, U32_MAX } from '../../src/zip/zip-records.js';

const dir = mkdtempSync(join(tmpdir(), 'zip-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Member {
  name: string;
  data?: Buffer;
  compress?: boolean;
  comment?: string;
  dir?: boolean;
}

let made = 0;
async function makeZip(
  members: Member[],
  options: { zip64?: boolean; comment?: string } = {},
): Promise<string> {
  const zip = new ZipFile();
  const mtime = new Date(Date.UTC(2021, 0, 2));
  for (const m of members) {
    if (m.dir) zip.addEmptyDirectory(m.name, { mtime });
    else {
      zip.addBuffer(m.data ?? Buffer.from(m.name), m.name, {
        mtime,
        compress: m.compress ?? true,
        forceZip64Format: options.zip64 ?? false,
        ...(m.comment ? { fileComment: m.comment } : {}),
      });
    }
  }
  const chunks: Buffer[] = [];
  zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => zip.outputStream.on('end', resolve));
  zip.end({ forceZip64Format: options.zip64 ?? false, comment: options.comment ?? '' });
  await done;
  const path = join(dir, `z${made++}.zip`);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

async function central(path: string) {
  const file = await open(path, 'r');
  try {
    return await readCentralDirectory(file, path);
  } finally {
    await file.close();
  }
}

const text = Buffer.from('Metadata-Version: 2.1\nName: x\n'.repeat(50));
const binary = Buffer.from([...Array(300).keys()].map((i) => (i * 7919) % 256));

describe('readCentralDirectory', () => {
  it('lists names, methods, sizes and the offsets of the local headers', async () => {
    const path = await makeZip([
      { name: 'a.txt', data: text },
      { name: 'b.bin', data: binary, compress: false },
      { name: 'ünï/c', data: Buffer.alloc(0) },
    ]);
    const zip = readFileSync(path);
    const entries = await central(path);
    expect(entries.map(({ name, method, size }) => [name, method, size])).toEqual([
      ['a.txt', 8, text.length],
      ['b.bin', 0, 300],
      ['ünï/c', 8, 0],
    ]);
    expect(entries[0]!.compressedSize).toBeLessThan(text.length);
    expect(entries[1]!.compressedSize).toBe(300);
    expect(entries[0]!.localHeaderOffset).toBe(0);
    for (const entry of entries) {
      expect(zip.readUInt32LE(entry.localHeaderOffset)).toBe(0x04034b50);
      const nameLength = zip.readUInt16LE(entry.localHeaderOffset + 26);
      const at = entry.localHeaderOffset + 30;
      expect(zip.toString('utf8', at, at + nameLength)).toBe(entry.name);
    }
  });

  it('reads the zip64 end records and the 64-bit values of the zip64 extra after another extra', async () => {
    const path = await makeZip(
      [
        { name: 'a.txt', data: text },
        { name: 'b.bin', data: binary, compress: false },
      ],
      { zip64: true },
    );
    const zip = readFileSync(path);
    // yazl: the classic end record holds 0xffff.. placeholders, the values are in the zip64 one.
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    expect(zip.readUInt16LE(eocd + 10)).toBe(0xffff);
    const entries = await central(path);
    expect(entries.map(({ name, method, size }) => [name, method, size])).toEqual([
      ['a.txt', 8, text.length],
      ['b.bin', 0, 300],
    ]);
    expect(entries[1]!.compressedSize).toBe(300);
    for (const entry of entries) {
      expect(zip.readUInt32LE(entry.localHeaderOffset)).toBe(0x04034b50);
    }
    expect(entries[1]!.localHeaderOffset).toBeGreaterThan(0);
  });

  it('steps over entry comments and finds the end record behind the longest archive comment', async () => {
    const path = await makeZip(
      [
        { name: 'one', data: text, comment: 'a comment on one' },
        { name: 'two', data: binary, comment: 'x'.repeat(300) },
        { name: 'three', data: Buffer.from('3') },
      ],
      { comment: 'c'.repeat(65_535), zip64: true },
    );
    const entries = await central(path);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['one', text.length],
      ['two', 300],
      ['three', 1],
    ]);
  });

  it('reads an empty zip as no entries', async () => {
    const path = await makeZip([]);
    expect(readFileSync(path).length).toBe(22);
    expect(await central(path)).toEqual([]);
  });

  it('refuses a file with no end record, and a directory that runs past the end or is not one', async () => {
    const notZip = join(dir, 'not.zip');
    writeFileSync(notZip, 'PK\x03\x04 just a local header');
    await expect(central(notZip)).rejects.toThrow(
      `${notZip} is not a zip file (no end of central directory)`,
    );

    const good = readFileSync(await makeZip([{ name: 'a', data: text }]));
    const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const past = Buffer.from(good);
    past.writeUInt32LE(past.readUInt32LE(eocd + 12) + 100, eocd + 12);
    const pastPath = join(dir, 'past.zip');
    writeFileSync(pastPath, past);
    await expect(central(pastPath)).rejects.toThrow(`${pastPath}: corrupt central directory`);

    const bad = Buffer.from(good);
    bad.writeUInt32LE(0x02014b51, bad.readUInt32LE(eocd + 16));
    const badPath = join(dir, 'bad.zip');
    writeFileSync(badPath, bad);
    await expect(central(badPath)).rejects.toThrow(`${badPath}: corrupt central directory`);
  });

  it('stops at the end of the directory when the count claims more entries', async () => {
    const good = readFileSync(await makeZip([{ name: 'a', data: text }]));
    const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const more = Buffer.from(good);
    more.writeUInt16LE(5, eocd + 10);
    const path = join(dir, 'more.zip');
    writeFileSync(path, more);
    expect((await central(path)).map((e) => e.name)).toEqual(['a']);
  });
});

describe('listZipEntries', () => {
  it('lists the files with their sizes, leaving folders out', async () => {
    const path = await makeZip([
      { name: 'pkg/', dir: true },
      { name: 'pkg/a.py', data: text },
      { name: 'pkg/b.so', data: binary },
    ]);
    expect(await listZipEntries(path)).toEqual([
      { path: 'pkg/a.py', size: text.length },
      { path: 'pkg/b.so', size: 300 },
    ]);
  });
});

describe('readZipEntry', () => {
  it('returns the bytes of the one matching entry, deflated or stored, zip64 or not', async () => {
    for (const zip64 of [false, true]) {
      const path = await makeZip(
        [
          { name: 'a.txt', data: text },
          { name: 'b.bin', data: binary, compress: false },
        ],
        { zip64 },
      );
      const a = await readZipEntry(path, (n) => n === 'a.txt');
      expect(a?.name).toBe('a.txt');
      expect(a?.bytes.equals(text)).toBe(true);
      const b = await readZipEntry(path, (n) => n.endsWith('.bin'));
      expect(b?.name).toBe('b.bin');
      expect(b?.bytes.equals(binary)).toBe(true);
      expect(await readZipEntry(path, (n) => n === 'c')).toBeUndefined();
    }
  });

  it('refuses several matches, naming them', async () => {
    const path = await makeZip([
      { name: 'x/METADATA', data: text },
      { name: 'y/METADATA', data: text },
      { name: 'z', data: text },
    ]);
    await expect(readZipEntry(path, (n) => n.endsWith('METADATA'))).rejects.toThrow(
      `${path} has several entries named like x/METADATA, y/METADATA`,
    );
  });

  it('reads an entry of exactly maxBytes and refuses one a byte larger, deflated or stored', async () => {
    const path = await makeZip([
      { name: 'big', data: text },
      { name: 'raw', data: binary, compress: false },
    ]);
    expect((await readZipEntry(path, (n) => n === 'big', text.length))?.bytes.length).toBe(
      text.length,
    );
    await expect(readZipEntry(path, (n) => n === 'big', text.length - 1)).rejects.toThrow(
      `${path}: big is larger than ${text.length - 1} bytes`,
    );
    // Stored: the compressed size alone decides.
    expect((await readZipEntry(path, (n) => n === 'raw', 300))?.bytes.length).toBe(300);
    await expect(readZipEntry(path, (n) => n === 'raw', 299)).rejects.toThrow(
      `${path}: raw is larger than 299 bytes`,
    );
  });

  it('refuses a compressed size over the limit even when the stated size is under it', async () => {
    const zip = readFileSync(await makeZip([{ name: 'r', data: binary, compress: false }]));
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = zip.readUInt32LE(eocd + 16);
    zip.writeUInt32LE(10, cd + 24); // the uncompressed size
    const path = join(dir, 'lying.zip');
    writeFileSync(path, zip);
    await expect(readZipEntry(path, () => true, 100)).rejects.toThrow(
      `${path}: r is larger than 100 bytes`,
    );
    // Under the limit, the size that does not match the data is refused.
    await expect(readZipEntry(path, () => true)).rejects.toThrow(`${path}: r has the wrong size`);
  });

  it('refuses a damaged local header and an unknown compression method', async () => {
    const good = readFileSync(await makeZip([{ name: 'm', data: text }]));
    const damaged = Buffer.from(good);
    damaged.writeUInt32LE(0x04034b51, 0);
    const damagedPath = join(dir, 'damaged.zip');
    writeFileSync(damagedPath, damaged);
    await expect(readZipEntry(damagedPath, () => true)).rejects.toThrow(
      `${damagedPath}: corrupt local header`,
    );

    const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = good.readUInt32LE(eocd + 16);
    const bzip = Buffer.from(good);
    bzip.writeUInt16LE(12, cd + 10);
    const bzipPath = join(dir, 'bzip.zip');
    writeFileSync(bzipPath, bzip);
    await expect(readZipEntry(bzipPath, () => true)).rejects.toThrow(
      `${bzipPath}: m uses compression method 12`,
    );
  });

  it('skips the local header name and extra, whatever their length', async () => {
    // yazl writes no local extra; an extra added to the local header moves the data.
    const name = 'pkg-1.0.dist-info/METADATA';
    const good = readFileSync(await makeZip([{ name, data: text, compress: false }]));
    const extra = Buffer.alloc(9);
    extra.writeUInt16LE(0xcafe, 0);
    extra.writeUInt16LE(5, 2);
    const headerEnd = 30 + name.length;
    const moved = Buffer.concat([good.subarray(0, headerEnd), extra, good.subarray(headerEnd)]);
    moved.writeUInt16LE(9, 28);
    const eocd = moved.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    moved.writeUInt32LE(moved.readUInt32LE(eocd + 16) + 9, eocd + 16);
    const path = join(dir, 'moved.zip');
    writeFileSync(path, moved);
    expect((await readZipEntry(path, isTopLevelMetadata))?.bytes.equals(text)).toBe(true);
  });
});

describe('isTopLevelMetadata', () => {
  it('matches only <name>.dist-info/METADATA at the top of the wheel', () => {
    expect(isTopLevelMetadata('pkg-1.0.dist-info/METADATA')).toBe(true);
    expect(isTopLevelMetadata('a.dist-info/METADATA')).toBe(true);
    expect(isTopLevelMetadata('.dist-info/METADATA')).toBe(false);
    expect(isTopLevelMetadata('/a.dist-info/METADATA')).toBe(false);
    expect(isTopLevelMetadata('x/a.dist-info/METADATA')).toBe(false);
    expect(isTopLevelMetadata('a.dist-info/METADATA.orig')).toBe(false);
    expect(isTopLevelMetadata('a-dist-info/METADATA')).toBe(false);
    expect(isTopLevelMetadata('a.dist-info/x/METADATA')).toBe(false);
    expect(isTopLevelMetadata('a.dist-info/RECORD')).toBe(false);
  });
});

/** A zip of central records only (no local headers: the listing never reads them). */
function centralOnly(records: Buffer[], count = records.length): string {
  const size = records.reduce((n, r) => n + r.length, 0);
  const [end] = endRecords({ count, size, start: 0, here: size, needZip64: false });
  const path = join(dir, `central${made++}.zip`);
  writeFileSync(path, Buffer.concat([...records, end!]));
  return path;
}

const record = (name: string, over: Partial<Parameters<typeof centralHeader>[0]> = {}) =>
  centralHeader(
    {
      name: Buffer.from(name),
      utf8: false,
      method: 0,
      crc: 0,
      compressedSize: 10,
      size: 10,
      offset: 0,
      mode: 0o644,
      zip64: false,
      ...over,
    },
    0,
    0,
  );

describe('readCentralDirectory on hand-made directories', () => {
  it('reads only the values set to 0xffffffff from the zip64 extra', async () => {
    const path = centralOnly([record('far', { size: 5, compressedSize: 7, offset: 2 ** 32 + 9 })]);
    expect(await central(path)).toEqual([
      { name: 'far', method: 0, size: 5, compressedSize: 7, localHeaderOffset: 2 ** 32 + 9 },
    ]);
  });

  it('keeps 0xffffffff when the zip64 extra is too short to hold the value', async () => {
    const short = record('short', { size: U32_MAX, compressedSize: 3 });
    // Claim a compressed size in the extra as well, without the bytes for it.
    short.writeUInt32LE(U32_MAX, 20);
    const path = centralOnly([short]);
    expect(await central(path)).toEqual([
      { name: 'short', method: 0, size: U32_MAX, compressedSize: U32_MAX, localHeaderOffset: 0 },
    ]);
  });

  it('lists a last entry of exactly 46 bytes (empty name, no extra, no comment)', async () => {
    const path = centralOnly([record('a'), record('')]);
    expect((await central(path)).map((e) => e.name)).toEqual(['a', '']);
  });

  it('reads no more entries than the end record counts', async () => {
    const path = centralOnly([record('a'), record('b'), record('c')], 2);
    expect((await central(path)).map((e) => e.name)).toEqual(['a', 'b']);
  });

  it('closes the file after listing and after reading an entry', async () => {
    const path = await makeZip([{ name: 'a', data: text }]);
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = fds();
    for (let i = 0; i < 20; i++) {
      await listZipEntries(path);
      await readZipEntry(path, () => true);
      await readZipEntry(path, () => false);
    }
    expect(fds()).toBe(before);
  });

  it('stops inflating at maxBytes even when the directory understates the size', async () => {
    const zeros = Buffer.alloc(200_000);
    const zip = readFileSync(await makeZip([{ name: 'bomb', data: zeros }]));
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cd = zip.readUInt32LE(eocd + 16);
    zip.writeUInt32LE(50, cd + 24);
    const path = join(dir, 'bomb.zip');
    writeFileSync(path, zip);
    await expect(readZipEntry(path, () => true, 1000)).rejects.toMatchObject({
      code: 'ERR_BUFFER_TOO_LARGE',
    });
  });
});
