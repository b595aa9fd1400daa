/**
 * The ELF reader word for word on images written in memory (no compiler): every header field,
 * every refusal with its exact message and offset, both classes and byte orders.
 */
import { describe, expect, test } from 'vitest';
import { ElfInput, Fields } from '../../src/elf/elf-input.js';
import { elfSteps, type ElfInfo } from '../../src/elf/reader.js';
import { buildImage, DT, writers } from '../helpers/elf-image.js';
import { drive, formatError, hex, parse, parseError } from './elf-exact.js';

const PREFIX = 't.so: not a valid ELF file: ';

const EMPTY: Omit<ElfInfo, 'class' | 'endian' | 'machine' | 'machineName' | 'type'> = {
  dynamic: false,
  needed: [],
  rpath: [],
  runpath: [],
  versionNeeds: [],
  versionDefs: [],
};

describe('identification and header', () => {
  test('too short, no magic, bad class or byte order: exact messages and offsets', () => {
    expect(parseError(Buffer.alloc(15))).toBe(
      `${PREFIX}file is 15 bytes, too short for the 16-byte ELF identification`,
    );
    expect(formatError(() => parse(Buffer.alloc(16))).offset).toBe(0);
    expect(parseError(Buffer.alloc(16))).toBe(`${PREFIX}missing the \\x7fELF magic (offset 0x0)`);
    const ident = (cls: number, data: number) =>
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, cls, data, 1, ...Array<number>(57).fill(0)]);
    expect(parseError(ident(0, 1))).toBe(
      `${PREFIX}unknown ELF class 0 (expected 1 or 2) (offset 0x4)`,
    );
    expect(parseError(ident(3, 1))).toBe(
      `${PREFIX}unknown ELF class 3 (expected 1 or 2) (offset 0x4)`,
    );
    expect(parseError(ident(1, 0))).toBe(
      `${PREFIX}unknown byte order 0 (expected 1 or 2) (offset 0x5)`,
    );
    expect(parseError(ident(2, 3))).toBe(
      `${PREFIX}unknown byte order 3 (expected 1 or 2) (offset 0x5)`,
    );
    // A 32-bit header is 52 bytes, a 64-bit one 64.
    expect(parseError(ident(1, 1).subarray(0, 51))).toBe(
      `${PREFIX}32-bit ELF header (52 bytes) extends past the end of the 51-byte file (offset 0x0)`,
    );
    expect(parse(ident(1, 1).subarray(0, 52)).class).toBe(32);
    expect(parseError(ident(2, 2).subarray(0, 63))).toBe(
      `${PREFIX}64-bit ELF header (64 bytes) extends past the end of the 63-byte file (offset 0x0)`,
    );
  });

  test('a header without program headers: class, byte order, machine and type only', () => {
    for (const [cls, endian] of [
      [32, 'little'],
      [32, 'big'],
      [64, 'little'],
      [64, 'big'],
    ] as const) {
      const bytes = Buffer.alloc(cls === 32 ? 52 : 64);
      bytes.set([0x7f, 0x45, 0x4c, 0x46, cls === 32 ? 1 : 2, endian === 'little' ? 1 : 2], 0);
      const w = writers(bytes, cls, endian);
      const types = ['none', 'rel', 'exec', 'shared', 'core', 'unknown', 'unknown'];
      types.forEach((type, i) => {
        w.u16(16, i === 6 ? 0xfe00 : i);
        w.u16(18, 0x2b + i);
        expect(parse(bytes)).toEqual({
          class: cls,
          endian,
          machine: 0x2b + i,
          machineName: i === 0 ? 'sparcv9' : `unknown(0x${(0x2b + i).toString(16)})`,
          type,
          ...EMPTY,
        });
      });
    }
  });

  test('e_phnum 0 or e_phoff 0 means no program headers; 0xffff and short entries are refused', () => {
    const layout = buildImage({ cls: 64, endian: 'big', needed: ['liba.so'] });
    const w = (b: Buffer) => writers(b, 64, 'big');
    const noCount = Buffer.from(layout.bytes);
    w(noCount).u16(56, 0);
    expect(parse(noCount)).toMatchObject({ dynamic: false, needed: [] });
    const noOffset = Buffer.from(layout.bytes);
    w(noOffset).word(32, 0);
    expect(parse(noOffset)).toMatchObject({ dynamic: false, needed: [] });
    const xnum = Buffer.from(layout.bytes);
    w(xnum).u16(56, 0xffff);
    expect(parseError(xnum)).toBe(
      `${PREFIX}extended program header numbering (e_phnum = 0xffff) is not supported (offset 0x38)`,
    );
    // e_phnum of a 32-bit header is at 0x2c: the error points there, not at the 64-bit 0x38.
    const xnum32 = Buffer.from(buildImage({ cls: 32, endian: 'big', needed: ['liba.so'] }).bytes);
    writers(xnum32, 32, 'big').u16(44, 0xffff);
    expect(formatError(() => parse(xnum32)).offset).toBe(0x2c);
    const short = Buffer.from(layout.bytes);
    w(short).u16(54, 55);
    expect(parseError(short)).toBe(
      `${PREFIX}program header entry size 55 is below 56 (offset 0x36)`,
    );
    const small32 = buildImage({ cls: 32, endian: 'little', needed: ['liba.so'] });
    const s32 = Buffer.from(small32.bytes);
    writers(s32, 32, 'little').u16(42, 31);
    expect(parseError(s32)).toBe(`${PREFIX}program header entry size 31 is below 32 (offset 0x2a)`);
    // A larger entry size is fine: the fields sit at the start of each entry.
    const wide = buildImage({ cls: 32, endian: 'little', needed: ['liba.so'] });
    const padded = Buffer.alloc(wide.bytes.length + 64);
    wide.bytes.copy(padded);
    writers(padded, 32, 'little').u16(44, 1); // only the PT_LOAD: no PT_DYNAMIC
    expect(parse(padded).dynamic).toBe(false);
  });

  test('the program header table past the end names its size and entry count', () => {
    const layout = buildImage({ cls: 32, endian: 'big', needed: ['liba.so'] });
    const bytes = Buffer.from(layout.bytes);
    writers(bytes, 32, 'big').u16(44, 900);
    expect(parseError(bytes)).toBe(
      `${PREFIX}program header table (900 entries) (28800 bytes) extends past the end of the ${bytes.length}-byte file (offset 0x34)`,
    );
  });
});

describe('the whole ElfInfo of written images', () => {
  test('NEEDED, SONAME, RPATH and RUNPATH in the four layouts', () => {
    for (const [cls, endian] of [
      [32, 'little'],
      [32, 'big'],
      [64, 'little'],
      [64, 'big'],
    ] as const) {
      const { bytes } = buildImage({
        cls,
        endian,
        machine: 3,
        type: 2,
        needed: ['libm.so.6', 'libc.so.6'],
        soname: 'libz.so.1',
        rpath: '/opt/a:$ORIGIN/../b',
        runpath: '$ORIGIN',
        interp: '/lib/ld-linux.so.2',
      });
      expect(parse(bytes)).toEqual({
        ...EMPTY,
        class: cls,
        endian,
        machine: 3,
        machineName: 'i386',
        type: 'exec',
        dynamic: true,
        interpreter: '/lib/ld-linux.so.2',
        soname: 'libz.so.1',
        needed: ['libm.so.6', 'libc.so.6'],
        rpath: ['/opt/a', '$ORIGIN/../b'],
        runpath: ['$ORIGIN'],
      });
    }
  });

  test('an empty RPATH or RUNPATH gives no entries; two RUNPATH tags add up', () => {
    const { bytes } = buildImage({ cls: 64, endian: 'little', rpath: '', runpath: 'a:b' });
    expect(parse(bytes)).toMatchObject({ rpath: [], runpath: ['a', 'b'] });
    const layout = buildImage({ cls: 64, endian: 'little', runpath: 'x' });
    const twice = buildImage({
      cls: 64,
      endian: 'little',
      runpath: 'x',
      extra: [[DT.RUNPATH, layout.stringAt.get('x')!]],
    });
    expect(parse(twice.bytes).runpath).toEqual(['x', 'x']);
    const empty = buildImage({ cls: 32, endian: 'big', runpath: '' });
    expect(parse(empty.bytes).runpath).toEqual([]);
  });

  test('PT_INTERP: up to its NUL, all of it without one, at most 4096 bytes', () => {
    const layout = buildImage({ cls: 64, endian: 'little', interp: '/lib/ld.so' });
    const interpAt = layout.phoff + 2 * 56;
    const cut = Buffer.from(layout.bytes);
    writers(cut, 64, 'little').word(interpAt + 32, 4); // filesz 4: "/lib", no NUL
    expect(parse(cut).interpreter).toBe('/lib');
    // A huge filesz is read as 4096 bytes: the file holds them, it does not hold 5000.
    const offset = layout.bytes.readUInt32LE(interpAt + 8);
    const big = Buffer.alloc(offset + 4096 + 100);
    layout.bytes.copy(big);
    writers(big, 64, 'little').word(interpAt + 32, 5000);
    expect(parse(big).interpreter).toBe('/lib/ld.so');
    const short = Buffer.alloc(offset + 4000);
    layout.bytes.copy(short);
    writers(short, 64, 'little').word(interpAt + 32, 5000);
    expect(parseError(short)).toBe(
      `${PREFIX}PT_INTERP segment (4096 bytes) extends past the end of the ${short.length}-byte file (offset ${hex(offset)})`,
    );
  });

  test('no PT_DYNAMIC: not dynamic; PT_DYNAMIC without names or versions needs no DT_STRTAB', () => {
    const layout = buildImage({ cls: 32, endian: 'little', needed: ['liba.so'], interp: '/l' });
    const bytes = Buffer.from(layout.bytes);
    writers(bytes, 32, 'little').u32(layout.phoff + 32, 4); // PT_DYNAMIC -> PT_NOTE
    expect(parse(bytes)).toMatchObject({ dynamic: false, needed: [], interpreter: '/l' });
    const bare = buildImage({ cls: 64, endian: 'big', omit: [DT.STRTAB, DT.STRSZ] });
    expect(parse(bare.bytes)).toMatchObject({ dynamic: true, needed: [] });
    const named = buildImage({ cls: 64, endian: 'big', needed: ['liba.so'], omit: [DT.STRTAB] });
    expect(parseError(named.bytes)).toBe(
      `${PREFIX}the dynamic section names libraries but has no DT_STRTAB (offset ${hex(named.dynamic)})`,
    );
    const versioned = buildImage({
      cls: 64,
      endian: 'big',
      verdef: [{ name: 'V_1', index: 2 }],
      omit: [DT.STRTAB],
    });
    expect(parseError(versioned.bytes)).toMatch(/has no DT_STRTAB/);
    const needs = buildImage({
      cls: 64,
      endian: 'big',
      verneed: [{ file: 'libc.so.6', versions: [{ name: 'GLIBC_2.2.5', index: 2 }] }],
      omit: [DT.STRTAB],
    });
    expect(parseError(needs.bytes)).toMatch(/has no DT_STRTAB/);
  });
});

describe('the input bounds and the field readers', () => {
  test('a read must lie inside the file: both ends inclusive of the exact fit', () => {
    const input = new ElfInput('t.so', 10);
    const ask = (offset: number, length: number) => input.read(offset, length, 'thing').next();
    expect(ask(10, 0).value).toEqual({ offset: 10, length: 0 });
    expect(ask(4, 6).value).toEqual({ offset: 4, length: 6 });
    expect(ask(0, 10).value).toEqual({ offset: 0, length: 10 });
    const refused = (offset: number, length: number) => formatError(() => ask(offset, length));
    expect(refused(11, 0)).toEqual({
      message: `${PREFIX}thing (0 bytes) extends past the end of the 10-byte file (offset 0xb)`,
      offset: 11,
    });
    expect(refused(4, 7).message).toBe(
      `${PREFIX}thing (7 bytes) extends past the end of the 10-byte file (offset 0x4)`,
    );
    expect(refused(-1, 1).offset).toBe(-1);
    expect(refused(0, -1).message).toMatch(/thing \(-1 bytes\) extends past/);
  });

  test('fields in both byte orders and classes; 64-bit values above 2^53 are refused', () => {
    const buf = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const le32 = new Fields('t.so', 32, true);
    const be64 = new Fields('t.so', 64, false);
    expect(le32.u16(buf, 1)).toBe(0x0302);
    expect(be64.u16(buf, 1)).toBe(0x0203);
    expect(le32.u32(buf, 0)).toBe(0x04030201);
    expect(be64.u32(buf, 0)).toBe(0x01020304);
    expect(le32.word(buf, 4, 0)).toBe(0x08070605);
    const w64 = Buffer.from([0, 7, 6, 5, 4, 3, 2, 1]);
    expect(be64.word(w64, 0, 0)).toBe(0x07060504030201);
    expect(new Fields('t.so', 64, true).word(w64.reverse(), 0, 0)).toBe(0x07060504030201);
    const max = Buffer.alloc(8);
    max.writeBigUInt64LE(BigInt(Number.MAX_SAFE_INTEGER));
    expect(new Fields('t.so', 64, true).word(max, 0, 0)).toBe(Number.MAX_SAFE_INTEGER);
    max.writeBigUInt64LE(BigInt(Number.MAX_SAFE_INTEGER) + 1n);
    expect(formatError(() => new Fields('t.so', 64, true).word(max, 0, 0x40))).toEqual({
      message: `${PREFIX}value 0x20000000000000 is out of range (offset 0x40)`,
      offset: 0x40,
    });
    max.writeBigUInt64BE(BigInt(Number.MAX_SAFE_INTEGER) + 1n);
    expect(formatError(() => be64.word(max, 0, 8)).message).toMatch(/value 0x20000000000000/);
  });

  test('tags are signed: 32-bit as is, 64-bit beyond the safe range read as -1', () => {
    const buf = Buffer.alloc(8);
    buf.writeInt32LE(-2, 0);
    buf.writeInt32BE(-3, 4);
    expect(new Fields('t.so', 32, true).tag(buf, 0)).toBe(-2);
    expect(new Fields('t.so', 32, false).tag(buf, 4)).toBe(-3);
    const le = new Fields('t.so', 64, true);
    const be = new Fields('t.so', 64, false);
    for (const [value, read] of [
      [BigInt(Number.MIN_SAFE_INTEGER), Number.MIN_SAFE_INTEGER],
      [BigInt(Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER],
      [BigInt(Number.MIN_SAFE_INTEGER) - 1n, -1],
      [BigInt(Number.MAX_SAFE_INTEGER) + 1n, -1],
      [0x6ffffffen, 0x6ffffffe],
    ] as const) {
      buf.writeBigInt64LE(value);
      expect(le.tag(buf, 0)).toBe(read);
      buf.writeBigInt64BE(value);
      expect(be.tag(buf, 0)).toBe(read);
    }
  });

  test('the parser asks only for the ranges it needs, in the loader order', () => {
    const layout = buildImage({ cls: 64, endian: 'little', needed: ['liba.so'] });
    const reads: { offset: number; length: number }[] = [];
    drive(elfSteps('t.so', layout.bytes.length), layout.bytes, reads);
    expect(reads).toEqual([
      { offset: 0, length: 16 },
      { offset: 0, length: 64 },
      { offset: 64, length: 112 },
      { offset: layout.dynamic, length: 4 * 16 },
      { offset: layout.strtab + 1, length: layout.strsz - 1 },
    ]);
  });
});
