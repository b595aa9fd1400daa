/**
 * Symbol versions (DT_VERNEED, DT_VERDEF) and the symbols that need them (DT_VERSYM, DT_SYMTAB,
 * DT_HASH, DT_GNU_HASH) word for word, on images written in memory (no compiler).
 */
import { describe, expect, test } from 'vitest';
import { MAX_SYMBOLS_PER_VERSION } from '../../src/elf/reader.js';
import { buildImage, DT, writers, type ImageSpec } from '../helpers/elf-image.js';
import { hex, parse, parseError } from './elf-exact.js';

const PREFIX = 't.so: not a valid ELF file: ';
const LAYOUTS = [
  [32, 'little'],
  [32, 'big'],
  [64, 'little'],
  [64, 'big'],
] as const;

const NEEDS: ImageSpec['verneed'] = [
  {
    file: 'libc.so.6',
    versions: [
      { name: 'GLIBC_2.2.5', index: 2 },
      { name: 'GLIBC_2.34', index: 3 | 0x8000 }, // hidden bit: the same index 3
    ],
  },
  { file: 'libstdc++.so.6', versions: [{ name: 'GLIBCXX_3.4.26', index: 4 }] },
];

describe('needed and defined versions', () => {
  test('every need in order, the base definition and empty definitions left out', () => {
    for (const [cls, endian] of LAYOUTS) {
      const { bytes } = buildImage({
        cls,
        endian,
        needed: ['libc.so.6'],
        verneed: NEEDS,
        verdef: [
          { name: 'libself.so', index: 1, flags: 1 },
          { name: 'SELF_1', index: 2 },
          { name: 'SELF_2', index: 3, flags: 2 }, // VER_FLG_WEAK: still a definition
          { name: 'SELF_1', index: 4 }, // a repeat: listed once
        ],
      });
      expect(parse(bytes)).toMatchObject({
        needed: ['libc.so.6'],
        versionNeeds: [
          { library: 'libc.so.6', version: 'GLIBC_2.2.5', symbols: [] },
          { library: 'libc.so.6', version: 'GLIBC_2.34', symbols: [] },
          { library: 'libstdc++.so.6', version: 'GLIBCXX_3.4.26', symbols: [] },
        ],
        versionDefs: ['SELF_1', 'SELF_2'],
      });
    }
  });

  test('a definition with no Verdaux (vd_cnt 0) is skipped', () => {
    const layout = buildImage({
      cls: 64,
      endian: 'little',
      verdef: [
        { name: 'A_1', index: 2 },
        { name: 'B_1', index: 3 },
      ],
    });
    const bytes = Buffer.from(layout.bytes);
    writers(bytes, 64, 'little').u16(layout.verdef + 6, 0);
    expect(parse(bytes).versionDefs).toEqual(['B_1']);
  });

  test('without DT_VERNEEDNUM / DT_VERDEFNUM the chains end at their zero next', () => {
    const { bytes } = buildImage({
      cls: 32,
      endian: 'big',
      verneed: NEEDS,
      verdef: [
        { name: 'A_1', index: 2 },
        { name: 'B_1', index: 3 },
      ],
      omit: [DT.VERNEEDNUM, DT.VERDEFNUM],
    });
    const info = parse(bytes);
    expect(info.versionNeeds.map((n) => n.version)).toEqual([
      'GLIBC_2.2.5',
      'GLIBC_2.34',
      'GLIBCXX_3.4.26',
    ]);
    expect(info.versionDefs).toEqual(['A_1', 'B_1']);
  });

  test('the counts bound the chains even when next points on', () => {
    const layout = buildImage({ cls: 64, endian: 'big', verneed: NEEDS });
    const bytes = Buffer.from(layout.bytes);
    const w = writers(bytes, 64, 'big');
    w.word(layout.entry.get(DT.VERNEEDNUM)! + 8, 1);
    w.u16(layout.verneed + 2, 1); // vn_cnt 1: only GLIBC_2.2.5
    expect(parse(bytes).versionNeeds.map((n) => n.version)).toEqual(['GLIBC_2.2.5']);
    const defs = buildImage({
      cls: 64,
      endian: 'big',
      verdef: [
        { name: 'A_1', index: 2 },
        { name: 'B_1', index: 3 },
      ],
    });
    const one = Buffer.from(defs.bytes);
    writers(one, 64, 'big').word(defs.entry.get(DT.VERDEFNUM)! + 8, 1);
    expect(parse(one).versionDefs).toEqual(['A_1']);
  });

  test('4096 entries per table at most; a larger count is refused before any is read', () => {
    const layout = buildImage({
      cls: 32,
      endian: 'little',
      verneed: NEEDS,
      verdef: [{ name: 'A', index: 2 }],
    });
    const need = Buffer.from(layout.bytes);
    writers(need, 32, 'little').u32(layout.entry.get(DT.VERNEEDNUM)! + 4, 4097);
    expect(parseError(need)).toBe(
      `${PREFIX}4097 version need (Verneed) entries (offset ${hex(layout.dynamic)})`,
    );
    const def = Buffer.from(layout.bytes);
    writers(def, 32, 'little').u32(layout.entry.get(DT.VERDEFNUM)! + 4, 4097);
    expect(parseError(def)).toBe(
      `${PREFIX}4097 version definition (Verdef) entries (offset ${hex(layout.dynamic)})`,
    );
    // 4096 is allowed: the chain still ends at its zero next.
    writers(def, 32, 'little').u32(layout.entry.get(DT.VERDEFNUM)! + 4, 4096);
    expect(parse(def).versionDefs).toEqual(['A']);
  });

  test('more than 4096 needed versions in all are refused at the Vernaux that passes the limit', () => {
    const layout = buildImage({ cls: 64, endian: 'little', verneed: NEEDS });
    const w = (b: Buffer) => writers(b, 64, 'little');
    const over = Buffer.from(layout.bytes);
    w(over).u16(layout.verneed + 2, 4095); // 4095 + the second library's 1 = 4096: allowed...
    expect(parse(over).versionNeeds).toHaveLength(3); // (the chain still ends at its zero next)
    w(over).u16(layout.verneed + 2, 4096); // ...4096 + 1 is not
    const second = layout.verneed + 16 + 2 * 16;
    expect(parseError(over)).toBe(
      `${PREFIX}more than 4096 needed versions (offset ${hex(second + 16)})`,
    );
  });

  test('a Verneed chain past the end of the file names what it was reading', () => {
    const layout = buildImage({ cls: 64, endian: 'little', verneed: NEEDS });
    const bytes = Buffer.from(layout.bytes);
    writers(bytes, 64, 'little').u32(layout.verneed + 12, 0x100000);
    expect(parseError(bytes)).toBe(
      `${PREFIX}version need (Verneed) (16 bytes) extends past the end of the ${bytes.length}-byte file (offset ${hex(layout.verneed + 0x100000)})`,
    );
    const aux = Buffer.from(layout.bytes);
    writers(aux, 64, 'little').u32(layout.verneed + 8, 0x100000);
    expect(parseError(aux)).toMatch(
      /^t\.so: not a valid ELF file: version need \(Vernaux\) \(16 bytes\)/,
    );
    const defs = buildImage({ cls: 32, endian: 'big', verdef: [{ name: 'A', index: 2 }] });
    const daux = Buffer.from(defs.bytes);
    writers(daux, 32, 'big').u32(defs.verdef + 12, 0x100000);
    expect(parseError(daux)).toBe(
      `${PREFIX}Verdaux (8 bytes) extends past the end of the ${daux.length}-byte file (offset ${hex(defs.verdef + 0x100000)})`,
    );
    const moved = Buffer.from(defs.bytes);
    writers(moved, 32, 'big').u32(defs.entry.get(DT.VERDEF)! + 4, 0x900000);
    expect(parseError(moved)).toBe(
      `${PREFIX}DT_VERDEF address 0x900000 is not inside any PT_LOAD segment (offset ${hex(defs.dynamic)})`,
    );
    const movedNeed = Buffer.from(layout.bytes);
    writers(movedNeed, 64, 'little').word(layout.entry.get(DT.VERNEED)! + 8, 0x900000);
    expect(parseError(movedNeed)).toMatch(/DT_VERNEED address 0x900000 is not inside/);
  });
});

const SYMBOLS: ImageSpec['symbols'] = [
  { name: 'memcpy', version: 2 },
  { name: 'dlsym', version: 3 | 0x8000 },
  { name: 'local', version: 1 }, // VER_NDX_GLOBAL: no need
  { name: 'mine', version: 4, defined: true }, // defined here
  { name: '', version: 4 }, // nameless: not listed
  { name: '_ZNSt6thread', version: 4 },
];

describe('the symbols of each needed version', () => {
  for (const hash of ['sysv', 'gnu'] as const) {
    test(`through DT_VERSYM and DT_SYMTAB, counted by ${hash} hash, in the four layouts`, () => {
      for (const [cls, endian] of LAYOUTS) {
        const { bytes } = buildImage({ cls, endian, verneed: NEEDS, symbols: SYMBOLS, hash });
        expect(parse(bytes, { symbols: true }).versionNeeds).toEqual([
          { library: 'libc.so.6', version: 'GLIBC_2.2.5', symbols: ['memcpy'] },
          { library: 'libc.so.6', version: 'GLIBC_2.34', symbols: ['dlsym'] },
          { library: 'libstdc++.so.6', version: 'GLIBCXX_3.4.26', symbols: ['_ZNSt6thread'] },
        ]);
        // Without the option the symbols are not read.
        expect(parse(bytes).versionNeeds.every((n) => n.symbols.length === 0)).toBe(true);
      }
    });
  }

  test(`at most ${MAX_SYMBOLS_PER_VERSION} symbols per version, in table order`, () => {
    const names = Array.from({ length: 10 }, (_, i) => `f${i}`);
    const { bytes } = buildImage({
      cls: 64,
      endian: 'little',
      verneed: NEEDS,
      symbols: names.map((name) => ({ name, version: 2 })),
    });
    expect(MAX_SYMBOLS_PER_VERSION).toBe(8);
    expect(parse(bytes, { symbols: true }).versionNeeds[0]!.symbols).toEqual(names.slice(0, 8));
  });

  test('no symbols without a hash table, DT_SYMTAB, DT_VERSYM or any need', () => {
    const spec = { cls: 64, endian: 'big', verneed: NEEDS, symbols: SYMBOLS } as const;
    const none = (extra: Partial<ImageSpec>) =>
      parse(buildImage({ ...spec, ...extra }).bytes, { symbols: true }).versionNeeds.flatMap(
        (n) => n.symbols,
      );
    expect(none({ hash: 'none' })).toEqual([]);
    expect(none({ omit: [DT.SYMTAB] })).toEqual([]);
    expect(none({ omit: [DT.VERSYM] })).toEqual([]);
    const noNeeds = buildImage({ ...spec, verneed: [] });
    expect(parse(noNeeds.bytes, { symbols: true }).versionNeeds).toEqual([]);
    // A symbol table of only the null symbol (DT_HASH nchain 1).
    const empty = buildImage({ ...spec, symbols: [] });
    expect(parse(empty.bytes, { symbols: true }).versionNeeds.flatMap((n) => n.symbols)).toEqual(
      [],
    );
  });

  test('DT_HASH nchain 0 reads nothing; DT_SYMENT from the default to 256, else refused', () => {
    const layout = buildImage({ cls: 32, endian: 'little', verneed: NEEDS, symbols: SYMBOLS });
    const zero = Buffer.from(layout.bytes);
    writers(zero, 32, 'little').u32(layout.hash + 4, 0);
    expect(parse(zero, { symbols: true }).versionNeeds.flatMap((n) => n.symbols)).toEqual([]);
    const syment = (value: number) => {
      const bytes = Buffer.from(layout.bytes);
      writers(bytes, 32, 'little').u32(layout.entry.get(DT.SYMENT)! + 4, value);
      return bytes;
    };
    expect(parseError(syment(15), { symbols: true })).toBe(
      `${PREFIX}DT_SYMENT 15 (offset ${hex(layout.dynamic)})`,
    );
    expect(parseError(syment(257), { symbols: true })).toBe(
      `${PREFIX}DT_SYMENT 257 (offset ${hex(layout.dynamic)})`,
    );
    // 256-byte entries: 7 of them do not fit this small file.
    expect(parseError(syment(256), { symbols: true })).toBe(
      `${PREFIX}7 dynamic symbols do not fit the ${layout.bytes.length}-byte file (offset ${hex(layout.dynamic)})`,
    );
    const omitted = buildImage({
      cls: 64,
      endian: 'big',
      verneed: NEEDS,
      symbols: SYMBOLS,
      omit: [DT.SYMENT],
    });
    expect(parse(omitted.bytes, { symbols: true }).versionNeeds[0]!.symbols).toEqual(['memcpy']);
    const l64 = buildImage({ cls: 64, endian: 'big', verneed: NEEDS, symbols: SYMBOLS });
    const s23 = Buffer.from(l64.bytes);
    writers(s23, 64, 'big').word(l64.entry.get(DT.SYMENT)! + 8, 23);
    expect(parseError(s23, { symbols: true })).toMatch(/DT_SYMENT 23 /);
  });

  test('a symbol count beyond the file or beyond a million is refused', () => {
    const layout = buildImage({ cls: 64, endian: 'little', verneed: NEEDS, symbols: SYMBOLS });
    const count = (n: number) => {
      const bytes = Buffer.from(layout.bytes);
      writers(bytes, 64, 'little').u32(layout.hash + 4, n);
      return bytes;
    };
    const size = layout.bytes.length;
    const fits = Math.floor(size / 24);
    expect(parseError(count(fits + 1), { symbols: true })).toBe(
      `${PREFIX}${fits + 1} dynamic symbols do not fit the ${size}-byte file (offset ${hex(layout.dynamic)})`,
    );
    // As many as fit: the version table read runs past the end instead.
    expect(parseError(count(fits), { symbols: true })).toMatch(/DT_VERSYM\)|dynamic symbol table/);
    const big = Buffer.alloc(24 * 1_000_001);
    layout.bytes.copy(big);
    writers(big, 64, 'little').u32(layout.hash + 4, 1_000_001);
    expect(parseError(big, { symbols: true })).toBe(
      `${PREFIX}1000001 dynamic symbols do not fit the ${big.length}-byte file (offset ${hex(layout.dynamic)})`,
    );
  });

  test('DT_GNU_HASH: symoffset when every bucket is below it, a long chain in chunks, bounds', () => {
    const spec = { cls: 64, endian: 'little', verneed: NEEDS, hash: 'gnu' } as const;
    // Every bucket empty: the count is symoffset, here all 7 symbols (none hashed).
    const unhashed = buildImage({ ...spec, symbols: SYMBOLS, gnuSymoffset: 7 });
    expect(parse(unhashed.bytes, { symbols: true }).versionNeeds[2]!.symbols).toEqual([
      '_ZNSt6thread',
    ]);
    // 1500 symbols: the chain is walked in two chunks.
    const many = Array.from({ length: 1500 }, (_, i) => ({ name: `s${i}`, version: 4 }));
    many[1498] = { name: 'last', version: 2 };
    const long = buildImage({ ...spec, symbols: many });
    expect(parse(long.bytes, { symbols: true }).versionNeeds[0]!.symbols).toEqual(['last']);
    // 32-bit bloom words are 4 bytes.
    const small = buildImage({ ...spec, cls: 32, symbols: SYMBOLS });
    expect(parse(small.bytes, { symbols: true }).versionNeeds[0]!.symbols).toEqual(['memcpy']);

    const layout = buildImage({ ...spec, symbols: SYMBOLS });
    const w = (b: Buffer) => writers(b, 64, 'little');
    const header = (nbuckets: number, bloom: number) => {
      const bytes = Buffer.from(layout.bytes);
      w(bytes).u32(layout.hash, nbuckets);
      w(bytes).u32(layout.hash + 8, bloom);
      return bytes;
    };
    expect(parseError(header(1_000_001, 1), { symbols: true })).toBe(
      `${PREFIX}DT_GNU_HASH with 1000001 buckets and 1 bloom words (offset ${hex(layout.hash)})`,
    );
    expect(parseError(header(1, 1_000_001), { symbols: true })).toBe(
      `${PREFIX}DT_GNU_HASH with 1 buckets and 1000001 bloom words (offset ${hex(layout.hash)})`,
    );
    expect(parseError(header(1_000_000, 1), { symbols: true })).toMatch(
      /DT_GNU_HASH buckets \(4000000 bytes\) extends past/,
    );
    // Bucket and chain moved past the image (by the bloom size): two entries without the end
    // bit, then 2 stray bytes: the walk runs out of file.
    const bloom = Math.ceil((layout.bytes.length - layout.hash - 16) / 8);
    const buckets = layout.hash + 16 + bloom * 8;
    const open = Buffer.alloc(buckets + 4 + 10);
    layout.bytes.copy(open);
    w(open).u32(layout.hash + 8, bloom);
    w(open).u32(buckets, 1);
    w(open).u32(buckets + 4, 2);
    w(open).u32(buckets + 8, 4);
    expect(parseError(open, { symbols: true })).toBe(
      `${PREFIX}DT_GNU_HASH chain runs past the end of the file (offset ${hex(buckets + 12)})`,
    );
    // With the end bit on the second entry the count is 3.
    w(open).u32(buckets + 8, 5);
    expect(parse(open, { symbols: true }).versionNeeds.map((n) => n.symbols)).toEqual([
      ['memcpy'],
      ['dlsym'],
      [],
    ]);
  });
});
