/**
 * The ELF reader at its boundaries (no compiler): exact fits, off-by-one counts, the error each
 * table names when it lies outside the file, and the offsets of 64-bit fields.
 */
import { describe, expect, test } from 'vitest';
import { readDynamic, readSegments } from '../../src/elf/elf-dynamic.js';
import { parseElf } from '../../src/elf/reader.js';
import { buildImage, DT, writers } from '../helpers/elf-image.js';
import { drive, elfOf, formatError, hex, parse, parseError } from './elf-exact.js';

const PREFIX = 't.so: not a valid ELF file: ';
const NEEDS = [{ file: 'libc.so.6', versions: [{ name: 'GLIBC_2.2.5', index: 2 }] }];
const SYMBOLS = [
  { name: 'memcpy', version: 2 },
  { name: 'mine', version: 1, defined: true },
];

describe('headers', () => {
  test('a buffer without a name is <buffer> in the message', () => {
    expect(formatError(() => parseElf(Buffer.alloc(3))).message).toBe(
      '<buffer>: not a valid ELF file: file is 3 bytes, too short for the 16-byte ELF identification',
    );
  });

  test('e_phoff of a 64-bit header above 2^53 names offset 0x20', () => {
    const bytes = Buffer.from(buildImage({ cls: 64, endian: 'big' }).bytes);
    writers(bytes, 64, 'big').word(32, 1n << 60n);
    expect(formatError(() => parse(bytes)).offset).toBe(0x20);
  });

  test('no program headers: e_phoff 0 with a table that would not fit, e_phnum 0 with e_phentsize 0', () => {
    const layout = buildImage({ cls: 32, endian: 'little', needed: ['liba.so'] });
    const zeroOffset = Buffer.from(layout.bytes);
    const w = writers(zeroOffset, 32, 'little');
    w.u32(28, 0);
    w.u16(44, 900);
    expect(parse(zeroOffset)).toMatchObject({ dynamic: false, needed: [] });
    const object = Buffer.from(layout.bytes);
    writers(object, 32, 'little').u16(44, 0);
    writers(object, 32, 'little').u16(42, 0);
    expect(parse(object)).toMatchObject({ dynamic: false, needed: [] });
  });

  test('the offset of a 64-bit field in the second program header', () => {
    const buf = Buffer.alloc(8 + 2 * 56);
    writers(buf, 64, 'little').word(8 + 56 + 32, 1n << 60n);
    expect(
      formatError(() =>
        drive(readSegments(elfOf(buf, 64, 'little'), { phoff: 8, phentsize: 56, phnum: 2 }), buf),
      ).offset,
    ).toBe(8 + 56 + 32);
  });

  test('PT_DYNAMIC past the end of the file; a last entry that fills it exactly is read', () => {
    const layout = buildImage({ cls: 64, endian: 'little', needed: ['liba.so'] });
    const bytes = Buffer.from(layout.bytes);
    writers(bytes, 64, 'little').word(layout.phoff + 56 + 32, 0x1000);
    expect(parseError(bytes)).toBe(
      `${PREFIX}PT_DYNAMIC segment (4096 bytes) extends past the end of the ${bytes.length}-byte file (offset ${hex(layout.dynamic)})`,
    );
    const buf = Buffer.alloc(32);
    const w = writers(buf, 32, 'big');
    w.tag(24, DT.NEEDED);
    w.word(28, 5);
    const dyn = { type: 2, offset: 0, vaddr: 0, filesz: 32 };
    expect(drive(readDynamic(elfOf(buf, 32, 'big'), dyn), buf).strings).toEqual([]);
    w.tag(0, DT.SONAME);
    expect(drive(readDynamic(elfOf(buf, 32, 'big'), dyn), buf).strings).toEqual([
      { kind: 'soname', value: 0 },
    ]);
    w.tag(0, DT.STRSZ);
    for (const at of [8, 16]) w.tag(at, 0x7ffffff0);
    expect(drive(readDynamic(elfOf(buf, 32, 'big'), dyn), buf).strings).toEqual([
      { kind: 'needed', value: 5 },
    ]);
  });
});

describe('symbols', () => {
  const spec = { cls: 64, endian: 'little', verneed: NEEDS, symbols: SYMBOLS } as const;

  test('no needed version: the symbol table is not read at all', () => {
    const layout = buildImage({ ...spec, verneed: [] });
    const bytes = Buffer.from(layout.bytes);
    writers(bytes, 64, 'little').word(layout.entry.get(DT.SYMENT)! + 8, 15);
    expect(parse(bytes, { symbols: true }).versionNeeds).toEqual([]);
  });

  test('each table outside every PT_LOAD names itself', () => {
    const layout = buildImage(spec);
    const gnu = buildImage({ ...spec, hash: 'gnu' });
    for (const [image, tag, name] of [
      [layout, DT.VERSYM, 'DT_VERSYM'],
      [layout, DT.SYMTAB, 'DT_SYMTAB'],
      [layout, DT.HASH, 'DT_HASH'],
      [gnu, DT.GNU_HASH, 'DT_GNU_HASH'],
    ] as const) {
      const bytes = Buffer.from(image.bytes);
      writers(bytes, 64, 'little').word(image.entry.get(tag)! + 8, 0x900000);
      expect(parseError(bytes, { symbols: true })).toBe(
        `${PREFIX}${name} address 0x900000 is not inside any PT_LOAD segment (offset ${hex(image.dynamic)})`,
      );
    }
  });

  test('each table past the end of the file names itself', () => {
    const layout = buildImage(spec);
    // DT_HASH at the last 4 bytes of the PT_LOAD: its 8-byte header does not fit.
    const end = layout.bytes.length - 4;
    const hash = Buffer.from(layout.bytes);
    writers(hash, 64, 'little').word(layout.entry.get(DT.HASH)! + 8, 0x10000 + end);
    expect(parseError(hash, { symbols: true })).toBe(
      `${PREFIX}DT_HASH header (8 bytes) extends past the end of the ${hash.length}-byte file (offset ${hex(end)})`,
    );
    const gnu = buildImage({ ...spec, hash: 'gnu' });
    const gnuEnd = gnu.bytes.length - 8;
    const header = Buffer.from(gnu.bytes);
    writers(header, 64, 'little').word(gnu.entry.get(DT.GNU_HASH)! + 8, 0x10000 + gnuEnd);
    expect(parseError(header, { symbols: true })).toBe(
      `${PREFIX}DT_GNU_HASH header (16 bytes) extends past the end of the ${header.length}-byte file (offset ${hex(gnuEnd)})`,
    );
    const versym = Buffer.from(layout.bytes);
    writers(versym, 64, 'little').word(layout.entry.get(DT.VERSYM)! + 8, 0x10000 + end);
    expect(parseError(versym, { symbols: true })).toBe(
      `${PREFIX}symbol version table (DT_VERSYM) (6 bytes) extends past the end of the ${versym.length}-byte file (offset ${hex(end)})`,
    );
  });

  test('a count of exactly a million, and a table that exactly fills the file, pass the bound', () => {
    const layout = buildImage(spec);
    const size = Math.ceil(layout.bytes.length / 24) * 24;
    const exact = Buffer.alloc(size);
    layout.bytes.copy(exact);
    writers(exact, 64, 'little').u32(layout.hash + 4, size / 24);
    // Past the bound check, the version table read fails instead.
    expect(parseError(exact, { symbols: true })).toMatch(
      /^t\.so: not a valid ELF file: (symbol version table \(DT_VERSYM\)|dynamic symbol table) \(\d+ bytes\) extends past/,
    );
    const million = Buffer.alloc(24 * 1_000_000 + 24);
    layout.bytes.copy(million);
    writers(million, 64, 'little').u32(layout.hash + 4, 1_000_000);
    expect(parseError(million, { symbols: true })).toMatch(
      /dynamic symbol table \(24000000 bytes\)/,
    );
  });

  test('DT_GNU_HASH: a million bloom words pass the bound; the highest of several buckets', () => {
    const gnu = buildImage({ ...spec, hash: 'gnu' });
    const bloom = Buffer.from(gnu.bytes);
    writers(bloom, 64, 'little').u32(gnu.hash + 8, 1_000_000);
    expect(parseError(bloom, { symbols: true })).toMatch(
      /DT_GNU_HASH buckets \(4 bytes\) extends past/,
    );
    // Two buckets: the second (the first chain word, 0x2000) is the highest; its chain is far
    // past the end of the file.
    const two = Buffer.from(gnu.bytes);
    writers(two, 64, 'little').u32(gnu.hash, 2);
    const chains = gnu.hash + 16 + 8 + 8;
    expect(parseError(two, { symbols: true })).toBe(
      `${PREFIX}DT_GNU_HASH chain runs past the end of the file (offset ${hex(chains + (0x2000 - 1) * 4)})`,
    );
  });

  test('DT_GNU_HASH: a chain whose last entry is the last 4 bytes of the file', () => {
    const gnu = buildImage({ ...spec, hash: 'gnu' });
    const bloom = Math.ceil((gnu.bytes.length - gnu.hash - 16) / 8);
    const buckets = gnu.hash + 16 + bloom * 8;
    // 1025 chain entries: one full chunk of 1024, then exactly 4 bytes with the end bit.
    const bytes = Buffer.alloc(buckets + 4 + 1025 * 4);
    gnu.bytes.copy(bytes);
    const w = writers(bytes, 64, 'little');
    w.u32(gnu.hash + 8, bloom);
    w.u32(buckets, 1);
    w.u32(buckets + 4 + 1024 * 4, 1);
    expect(parseError(bytes, { symbols: true })).toBe(
      `${PREFIX}1026 dynamic symbols do not fit the ${bytes.length}-byte file (offset ${hex(gnu.dynamic)})`,
    );
  });
});
