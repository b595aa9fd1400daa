/**
 * The loader's view word for word (no compiler): program headers in both classes, the tags of
 * PT_DYNAMIC, address mapping through PT_LOAD, the dynamic string table and its bounds.
 */
import { describe, expect, test } from 'vitest';
import {
  DynamicView,
  readDynamic,
  readSegments,
  type DynamicTags,
  type Segment,
} from '../../src/elf/elf-dynamic.js';
import { buildImage, DT, writers } from '../helpers/elf-image.js';
import { drive, elfOf, formatError, hex, parse, parseError } from './elf-exact.js';

const PREFIX = 't.so: not a valid ELF file: ';

describe('program headers', () => {
  test('type, offset, vaddr and filesz of each entry, 32- and 64-bit, at any entry size', () => {
    for (const [cls, endian, entsize] of [
      [32, 'big', 32],
      [32, 'little', 40],
      [64, 'little', 56],
      [64, 'big', 64],
    ] as const) {
      const buf = Buffer.alloc(8 + 2 * entsize);
      const w = writers(buf, cls, endian);
      for (let i = 0; i < 2; i++) {
        const at = 8 + i * entsize;
        w.u32(at, 1 + i);
        if (cls === 32) {
          w.u32(at + 4, 0x100 + i);
          w.u32(at + 8, 0x2000 + i);
          w.u32(at + 12, 0xdead); // p_paddr: not read
          w.u32(at + 16, 0x30 + i);
        } else {
          w.word(at + 8, 0x100 + i);
          w.word(at + 16, 0x2000 + i);
          w.word(at + 24, 0xdead);
          w.word(at + 32, 0x30 + i);
        }
      }
      const segments = drive(
        readSegments(elfOf(buf, cls, endian), { phoff: 8, phentsize: entsize, phnum: 2 }),
        buf,
      );
      expect(segments).toEqual([
        { type: 1, offset: 0x100, vaddr: 0x2000, filesz: 0x30 },
        { type: 2, offset: 0x101, vaddr: 0x2001, filesz: 0x31 },
      ]);
    }
  });

  test('a 64-bit field above 2^53 names its own file offset', () => {
    const buf = Buffer.alloc(8 + 56);
    const w = writers(buf, 64, 'little');
    w.word(8 + 32, 1n << 60n);
    expect(
      formatError(() =>
        drive(readSegments(elfOf(buf, 64, 'little'), { phoff: 8, phentsize: 56, phnum: 1 }), buf),
      ),
    ).toEqual({
      message: `${PREFIX}value 0x1000000000000000 is out of range (offset 0x28)`,
      offset: 0x28,
    });
    w.word(8 + 32, 0);
    w.word(8 + 16, 1n << 60n);
    expect(
      formatError(() =>
        drive(readSegments(elfOf(buf, 64, 'little'), { phoff: 8, phentsize: 56, phnum: 1 }), buf),
      ).offset,
    ).toBe(0x18);
    w.word(8 + 16, 0);
    w.word(8 + 8, 1n << 60n);
    expect(
      formatError(() =>
        drive(readSegments(elfOf(buf, 64, 'little'), { phoff: 8, phentsize: 56, phnum: 1 }), buf),
      ).offset,
    ).toBe(0x10);
  });
});

describe('the dynamic section', () => {
  const dyn = (filesz: number, offset = 0): Segment => ({ type: 2, offset, vaddr: 0, filesz });

  test('tags up to DT_NULL; the first value of an address tag wins; a partial entry is ignored', () => {
    for (const [cls, endian] of [
      [32, 'little'],
      [64, 'big'],
    ] as const) {
      const ent = cls === 32 ? 8 : 16;
      const entries: [number, number][] = [
        [DT.NEEDED, 7],
        [DT.STRTAB, 0x400],
        [DT.STRSZ, 0x40],
        [DT.SONAME, 9],
        [DT.RPATH, 11],
        [DT.RUNPATH, 13],
        [DT.HASH, 0x10],
        [DT.SYMTAB, 0x20],
        [DT.SYMENT, 24],
        [DT.GNU_HASH, 0x30],
        [DT.VERSYM, 0x40],
        [DT.VERDEF, 0x50],
        [DT.VERDEFNUM, 2],
        [DT.VERNEED, 0x60],
        [DT.VERNEEDNUM, 3],
        [DT.VERNEED, 0x70], // a second one: ignored
        [DT.STRSZ, 0x41], // a second one: the last wins
        [0x7ffffff0, 5], // an unknown tag
      ];
      const buf = Buffer.alloc((entries.length + 2) * ent + ent / 2);
      const w = writers(buf, cls, endian);
      entries.forEach(([tag, value], i) => {
        w.tag(i * ent, tag);
        w.word(i * ent + ent / 2, value);
      });
      const expected: DynamicTags = {
        strings: [
          { kind: 'needed', value: 7 },
          { kind: 'soname', value: 9 },
          { kind: 'rpath', value: 11 },
          { kind: 'runpath', value: 13 },
        ],
        strtab: 0x400,
        strsz: 0x41,
        addresses: {
          hash: 0x10,
          symtab: 0x20,
          syment: 24,
          gnuHash: 0x30,
          versym: 0x40,
          verdef: 0x50,
          verdefnum: 2,
          verneed: 0x60,
          verneednum: 3,
        },
      };
      // No DT_NULL: the loop ends with the segment; the trailing half entry is not read.
      w.tag(entries.length * ent, DT.NEEDED);
      w.word(entries.length * ent + ent / 2, 15);
      w.tag((entries.length + 1) * ent, DT.NEEDED);
      const all = drive(readDynamic(elfOf(buf, cls, endian), dyn(buf.length - ent)), buf);
      expect(all).toEqual({
        ...expected,
        strings: [...expected.strings, { kind: 'needed', value: 15 }],
      });
      const half = drive(
        readDynamic(elfOf(buf, cls, endian), dyn(entries.length * ent + ent / 2)),
        buf,
      );
      expect(half).toEqual(expected);
      // DT_NULL ends it.
      w.tag(entries.length * ent, DT.NULL);
      expect(drive(readDynamic(elfOf(buf, cls, endian), dyn(buf.length)), buf)).toEqual(expected);
    }
  });

  test('a used tag with a value above 2^53 names the value offset; unused tags may hold anything', () => {
    const buf = Buffer.alloc(64);
    const w = writers(buf, 64, 'little');
    w.tag(16, 0x7ffffff0);
    w.word(24, 1n << 62n);
    w.tag(32, DT.STRSZ);
    w.word(40, 1n << 62n);
    expect(
      formatError(() => drive(readDynamic(elfOf(buf, 64, 'little'), dyn(48, 16)), buf)),
    ).toEqual({
      message: `${PREFIX}value 0x4000000000000000 is out of range (offset 0x28)`,
      offset: 0x28,
    });
    expect(drive(readDynamic(elfOf(buf, 64, 'little'), dyn(16, 16)), buf)).toEqual({
      strings: [],
      addresses: {},
    });
  });

  test('PT_DYNAMIC up to 16 MiB is read, one byte more is refused', () => {
    const limit = 16 * 1024 * 1024;
    const buf = Buffer.alloc(limit + 1);
    const elf = elfOf(buf, 32, 'little');
    expect(drive(readDynamic(elf, dyn(limit)), buf)).toEqual({ strings: [], addresses: {} });
    expect(formatError(() => drive(readDynamic(elf, dyn(limit + 1, 0x10)), buf))).toEqual({
      message: `${PREFIX}PT_DYNAMIC is 16777217 bytes, implausibly large (offset 0x10)`,
      offset: 0x10,
    });
  });
});

describe('the dynamic string table', () => {
  const load = (offset: number, vaddr: number, filesz: number): Segment => ({
    type: 1,
    offset,
    vaddr,
    filesz,
  });
  const tags = (strtab: number | undefined, strsz?: number, count = 1): DynamicTags => ({
    strings: Array.from({ length: count }, () => ({ kind: 'needed' as const, value: 1 })),
    ...(strtab === undefined ? {} : { strtab }),
    ...(strsz === undefined ? {} : { strsz }),
    addresses: {},
  });
  const DYN: Segment = { type: 2, offset: 0x30, vaddr: 0, filesz: 0 };

  test('addresses map through the PT_LOAD that holds them, both ends of it', () => {
    const buf = Buffer.alloc(0x200);
    const elf = elfOf(buf, 64, 'little');
    const segments = [
      { type: 2, offset: 0x10, vaddr: 0x1000, filesz: 0x100 }, // not a PT_LOAD
      load(0x40, 0x1000, 0x100),
      load(0x180, 0x3000, 0x20),
    ];
    const view = new DynamicView(elf, segments, DYN, tags(0x1000));
    expect(view.offset).toBe(0x30);
    expect(view.map(0x1000, 'X')).toEqual({ offset: 0x40, rest: 0x100 });
    expect(view.map(0x10ff, 'X')).toEqual({ offset: 0x13f, rest: 1 });
    expect(view.map(0x3010, 'X')).toEqual({ offset: 0x190, rest: 0x10 });
    expect(formatError(() => view.map(0x1100, 'DT_X'))).toEqual({
      message: `${PREFIX}DT_X address 0x1100 is not inside any PT_LOAD segment (offset 0x30)`,
      offset: 0x30,
    });
    expect(formatError(() => view.map(0xfff, 'DT_X')).message).toMatch(/address 0xfff is not/);
    expect(formatError(() => new DynamicView(elf, segments, DYN, tags(0x2000))).message).toBe(
      `${PREFIX}DT_STRTAB address 0x2000 is not inside any PT_LOAD segment (offset 0x30)`,
    );
  });

  test('10,000 NEEDED/SONAME/RPATH entries are read, 10,001 refused; no DT_STRTAB refused', () => {
    const buf = Buffer.alloc(0x100);
    const elf = elfOf(buf, 32, 'big');
    const segments = [load(0, 0, 0x100)];
    expect(new DynamicView(elf, segments, DYN, tags(0x10, undefined, 10_000)).offset).toBe(0x30);
    expect(formatError(() => new DynamicView(elf, segments, DYN, tags(0x10, 1, 10_001)))).toEqual({
      message: `${PREFIX}10001 NEEDED/SONAME/RPATH entries (offset 0x30)`,
      offset: 0x30,
    });
    expect(formatError(() => new DynamicView(elf, segments, DYN, tags(undefined)))).toEqual({
      message: `${PREFIX}the dynamic section names libraries but has no DT_STRTAB (offset 0x30)`,
      offset: 0x30,
    });
  });

  test('the table ends at DT_STRSZ, at the end of its PT_LOAD or of the file, whichever is first', () => {
    const buf = Buffer.alloc(0x100, 0x41);
    buf.write('a\0', 0x80);
    const elf = elfOf(buf, 64, 'little');
    const view = (strsz: number | undefined, segment: Segment) =>
      new DynamicView(elf, [segment], DYN, tags(0x1080, strsz));
    const outside = (v: DynamicView, offset: number) =>
      formatError(() => drive(v.stringAt(offset), buf));
    // DT_STRSZ 4: offsets 0-3.
    expect(drive(view(4, load(0, 0x1000, 0x100)).stringAt(0), buf)).toBe('a');
    expect(outside(view(4, load(0, 0x1000, 0x100)), 4)).toEqual({
      message: `${PREFIX}string offset 4 is outside the 4-byte string table (offset 0x80)`,
      offset: 0x80,
    });
    // No DT_STRSZ: the rest of the PT_LOAD (0x20 bytes).
    expect(outside(view(undefined, load(0, 0x1000, 0xa0)), 0x20).message).toMatch(
      /string offset 32 is outside the 32-byte string table/,
    );
    // DT_STRSZ beyond the PT_LOAD: the PT_LOAD ends it.
    expect(outside(view(0x1000, load(0, 0x1000, 0xa0)), 0x20).message).toMatch(
      /outside the 32-byte string table/,
    );
    // A PT_LOAD beyond the file: the file ends it.
    expect(outside(view(0x1000, load(0, 0x1000, 0x1000)), 0x80).message).toMatch(
      /outside the 128-byte string table/,
    );
    // A table starting past the end of the file has no bytes.
    const past = new DynamicView(elf, [load(0x200, 0x1000, 0x100)], DYN, tags(0x1000));
    expect(formatError(() => drive(past.stringAt(0), buf)).message).toBe(
      `${PREFIX}string offset 0 is outside the 0-byte string table (offset 0x200)`,
    );
  });

  test('strings: 256 bytes first, then up to 64 KiB; each read once; UTF-8; unterminated refused', () => {
    const size = 0x20000;
    const buf = Buffer.alloc(size, 0x62);
    buf.write('short\0', 0);
    buf.write('h\u00e9\0', 10);
    buf[300] = 0; // offset 20: a 280-byte name
    buf[0x1000 + 0xffff] = 0; // offset 0x1000: a name ending at the last byte of the 64 KiB allowance
    const elf = elfOf(buf, 64, 'big');
    const view = new DynamicView(elf, [load(0, 0, size)], DYN, tags(0));
    const reads: { offset: number; length: number }[] = [];
    expect(drive(view.stringAt(0), buf, reads)).toBe('short');
    expect(drive(view.stringAt(0), buf, reads)).toBe('short');
    expect(drive(view.stringAt(10), buf, reads)).toBe('hé');
    expect(drive(view.stringAt(20), buf, reads)).toBe('b'.repeat(280));
    expect(reads).toEqual([
      { offset: 0, length: 256 },
      { offset: 10, length: 256 },
      { offset: 20, length: 256 },
      { offset: 20, length: 0x10000 },
    ]);
    expect(drive(view.stringAt(0x1000), buf)).toBe('b'.repeat(0xffff));
    // One byte earlier, the NUL is one byte past the 64 KiB allowance: unterminated.
    expect(formatError(() => drive(view.stringAt(0xfff), buf))).toEqual({
      message: `${PREFIX}unterminated string in the dynamic string table (offset 0xfff)`,
      offset: 0xfff,
    });
    // At the end of the table: only what is left is read.
    const tail = new DynamicView(elf, [load(0, 0, size)], DYN, tags(0, 0x110));
    const tailReads: { offset: number; length: number }[] = [];
    expect(formatError(() => drive(tail.stringAt(0x100), buf, tailReads)).offset).toBe(0x100);
    expect(tailReads).toEqual([{ offset: 0x100, length: 0x10 }]);
  });

  test('NEEDED names read through a whole image, with the string table at its offset', () => {
    const layout = buildImage({ cls: 32, endian: 'little', needed: ['a', 'b'] });
    const moved = Buffer.from(layout.bytes);
    expect(parse(moved).needed).toEqual(['a', 'b']);
    // Move the PT_LOAD: DT_STRTAB falls before it.
    writers(moved, 32, 'little').u32(layout.phoff + 8, 0x10000 + layout.strtab + 1);
    expect(parseError(moved)).toBe(
      `${PREFIX}DT_STRTAB address ${hex(0x10000 + layout.strtab)} is not inside any PT_LOAD segment (offset ${hex(layout.dynamic)})`,
    );
  });
});
