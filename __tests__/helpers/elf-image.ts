/**
 * Writes whole small ELF shared objects in memory, in either class and byte order: header,
 * PT_LOAD of the whole file (vaddr = BASE + offset), PT_DYNAMIC, optional PT_INTERP, a dynamic
 * string table, DT_VERNEED / DT_VERDEF chains, a dynamic symbol table with its DT_VERSYM and a
 * DT_HASH or DT_GNU_HASH. The layout (every part's file offset) comes back with the bytes, so a
 * test can corrupt exactly one field. Built in microseconds: the mutation group's ELF tests need
 * no compiler. `__tests__/elf/elf-image-readelf.test.ts` holds the format against readelf.
 */
export const BASE = 0x10000;

export const DT = {
  NULL: 0,
  NEEDED: 1,
  HASH: 4,
  STRTAB: 5,
  SYMTAB: 6,
  STRSZ: 10,
  SYMENT: 11,
  SONAME: 14,
  RPATH: 15,
  RUNPATH: 29,
  GNU_HASH: 0x6ffffef5,
  VERSYM: 0x6ffffff0,
  VERDEF: 0x6ffffffc,
  VERDEFNUM: 0x6ffffffd,
  VERNEED: 0x6ffffffe,
  VERNEEDNUM: 0x6fffffff,
} as const;

export interface ImageSpec {
  cls: 32 | 64;
  endian: 'little' | 'big';
  machine?: number;
  /** e_type: 1 rel, 2 exec, 3 shared (default). */
  type?: number;
  needed?: string[];
  soname?: string;
  rpath?: string;
  runpath?: string;
  interp?: string;
  /** Elf_Verneed records: a library and the versions needed from it (vna_other = index). */
  verneed?: { file: string; versions: { name: string; index: number; flags?: number }[] }[];
  /** Elf_Verdef records (flags 1 = VER_FLG_BASE); each has one Verdaux naming it. */
  verdef?: { name: string; index: number; flags?: number }[];
  /** Dynamic symbols after the null one: the version index, and defined (st_shndx != 0). */
  symbols?: { name: string; version: number; defined?: boolean }[];
  /** How the symbol count is found: DT_HASH (sysv, default), DT_GNU_HASH, or neither. */
  hash?: 'sysv' | 'gnu' | 'none';
  /** DT_GNU_HASH's symoffset (default 1: every symbol but the null one is hashed). */
  gnuSymoffset?: number;
  /** Dynamic tags left out (e.g. DT.STRSZ, DT.VERNEEDNUM, DT.SYMENT). */
  omit?: number[];
  /** Entries added before DT_NULL, as written (values as given). */
  extra?: [number, number | bigint][];
  /** Leave out DT_NULL (the section ends at the end of PT_DYNAMIC). */
  noNull?: boolean;
}

export interface ImageLayout {
  bytes: Buffer;
  phoff: number;
  strtab: number;
  strsz: number;
  dynamic: number;
  /** Offsets of each dynamic entry by tag (the first one). */
  entry: Map<number, number>;
  verneed: number;
  verdef: number;
  dynsym: number;
  versym: number;
  hash: number;
  /** Offset of a string in the string table (relative to it), by its text. */
  stringAt: Map<string, number>;
}

/** Field writers in the image's byte order and class. */
export function writers(buf: Buffer, cls: 32 | 64, endian: 'little' | 'big') {
  const little = endian === 'little';
  const u16 = (at: number, v: number) =>
    little ? buf.writeUInt16LE(v, at) : buf.writeUInt16BE(v, at);
  const u32 = (at: number, v: number) =>
    little ? buf.writeUInt32LE(v, at) : buf.writeUInt32BE(v, at);
  const word = (at: number, v: number | bigint) => {
    if (cls === 32) return u32(at, Number(v));
    return little ? buf.writeBigUInt64LE(BigInt(v), at) : buf.writeBigUInt64BE(BigInt(v), at);
  };
  const tag = (at: number, v: number | bigint) => {
    if (cls === 32)
      return little ? buf.writeInt32LE(Number(v), at) : buf.writeInt32BE(Number(v), at);
    return little ? buf.writeBigInt64LE(BigInt(v), at) : buf.writeBigInt64BE(BigInt(v), at);
  };
  return { u16, u32, word, tag };
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

export function buildImage(spec: ImageSpec): ImageLayout {
  const is64 = spec.cls === 64;
  const ehsize = is64 ? 64 : 52;
  const phentsize = is64 ? 56 : 32;
  const phnum = spec.interp === undefined ? 2 : 3;
  const phoff = ehsize;
  const omit = new Set(spec.omit ?? []);

  // The string table: "\0", then each distinct string once.
  const stringAt = new Map<string, number>();
  const parts: Buffer[] = [Buffer.from([0])];
  let strsz = 1;
  const str = (s: string): number => {
    const known = stringAt.get(s);
    if (known !== undefined) return known;
    const at = strsz;
    const b = Buffer.from(`${s}\0`, 'utf8');
    parts.push(b);
    strsz += b.length;
    stringAt.set(s, at);
    return at;
  };
  const dyn: [number, number | bigint | string][] = [];
  for (const name of spec.needed ?? []) dyn.push([DT.NEEDED, str(name)]);
  if (spec.soname !== undefined) dyn.push([DT.SONAME, str(spec.soname)]);
  if (spec.rpath !== undefined) dyn.push([DT.RPATH, str(spec.rpath)]);
  if (spec.runpath !== undefined) dyn.push([DT.RUNPATH, str(spec.runpath)]);
  for (const need of spec.verneed ?? []) {
    str(need.file);
    for (const v of need.versions) str(v.name);
  }
  for (const def of spec.verdef ?? []) str(def.name);
  const symbols = spec.symbols ?? [];
  for (const s of symbols) str(s.name);

  // Layout, in file order.
  const strtab = phoff + phnum * phentsize;
  let at = strtab + strsz;
  const interpBytes = spec.interp === undefined ? Buffer.alloc(0) : Buffer.from(`${spec.interp}\0`);
  const interp = at;
  at = align(at + interpBytes.length, 4);
  const verneedCount = (spec.verneed ?? []).length;
  const verneed = at;
  at += (spec.verneed ?? []).reduce((n, r) => n + 16 + 16 * r.versions.length, 0);
  const verdef = at;
  at += (spec.verdef ?? []).length * 28;
  const symCount = symbols.length + (spec.symbols ? 1 : 0);
  const syment = is64 ? 24 : 16;
  at = align(at, 8);
  const dynsym = at;
  at += symCount * syment;
  const versym = at;
  at = align(at + symCount * 2, 8);
  const hashKind = spec.symbols ? (spec.hash ?? 'sysv') : 'none';
  const hash = at;
  const symoffset = spec.gnuSymoffset ?? 1;
  if (hashKind === 'sysv')
    at += 8 + 4 + symCount * 4; // nbucket 1, nchain, bucket, chains
  else if (hashKind === 'gnu') {
    at += 16 + (is64 ? 8 : 4) + 4 + Math.max(0, symCount - symoffset) * 4;
  }
  at = align(at, 8);

  if (verneedCount) dyn.push([DT.VERNEED, BASE + verneed], [DT.VERNEEDNUM, verneedCount]);
  if (spec.verdef?.length) dyn.push([DT.VERDEF, BASE + verdef], [DT.VERDEFNUM, spec.verdef.length]);
  if (spec.symbols) {
    dyn.push([DT.SYMTAB, BASE + dynsym], [DT.SYMENT, syment], [DT.VERSYM, BASE + versym]);
    if (hashKind === 'sysv') dyn.push([DT.HASH, BASE + hash]);
    if (hashKind === 'gnu') dyn.push([DT.GNU_HASH, BASE + hash]);
  }
  dyn.push([DT.STRTAB, BASE + strtab], [DT.STRSZ, strsz], ...(spec.extra ?? []));
  const entries = dyn.filter(([tag]) => !omit.has(tag));
  if (!spec.noNull) entries.push([DT.NULL, 0]);
  const dynent = is64 ? 16 : 8;
  const dynamic = at;
  const total = dynamic + entries.length * dynent;
  const buf = Buffer.alloc(total);
  const w = writers(buf, spec.cls, spec.endian);

  buf.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, spec.endian === 'little' ? 1 : 2, 1], 0);
  w.u16(16, spec.type ?? 3);
  w.u16(18, spec.machine ?? 62);
  w.u32(20, 1);
  w.word(is64 ? 32 : 28, phoff);
  w.u16(is64 ? 52 : 40, ehsize);
  w.u16(is64 ? 54 : 42, phentsize);
  w.u16(is64 ? 56 : 44, phnum);
  const phdr = (index: number, type: number, offset: number, size: number) => {
    const p = phoff + index * phentsize;
    w.u32(p, type);
    if (is64) {
      w.u32(p + 4, 6);
      w.word(p + 8, offset);
      w.word(p + 16, BASE + offset);
      w.word(p + 24, BASE + offset);
      w.word(p + 32, size);
      w.word(p + 40, size);
      w.word(p + 48, 8);
    } else {
      w.u32(p + 4, offset);
      w.u32(p + 8, BASE + offset);
      w.u32(p + 12, BASE + offset);
      w.u32(p + 16, size);
      w.u32(p + 20, size);
      w.u32(p + 24, 6);
      w.u32(p + 28, 4);
    }
  };
  phdr(0, 1, 0, total);
  phdr(1, 2, dynamic, entries.length * dynent);
  if (spec.interp !== undefined) phdr(2, 3, interp, interpBytes.length);
  Buffer.concat(parts).copy(buf, strtab);
  interpBytes.copy(buf, interp);

  // Elf_Verneed { u16 version, u16 cnt, u32 file, u32 aux, u32 next } + Vernaux records.
  let p = verneed;
  (spec.verneed ?? []).forEach((need, i) => {
    const size = 16 + 16 * need.versions.length;
    w.u16(p, 1);
    w.u16(p + 2, need.versions.length);
    w.u32(p + 4, str(need.file));
    w.u32(p + 8, need.versions.length ? 16 : 0);
    w.u32(p + 12, i === verneedCount - 1 ? 0 : size);
    need.versions.forEach((v, j) => {
      const a = p + 16 + 16 * j;
      w.u32(a, 0x0d696910 + j);
      w.u16(a + 4, v.flags ?? 0);
      w.u16(a + 6, v.index);
      w.u32(a + 8, str(v.name));
      w.u32(a + 12, j === need.versions.length - 1 ? 0 : 16);
    });
    p += size;
  });
  // Elf_Verdef { u16 version, u16 flags, u16 ndx, u16 cnt, u32 hash, u32 aux, u32 next } + one
  // Verdaux { u32 name, u32 next } right after it.
  p = verdef;
  (spec.verdef ?? []).forEach((def, i, all) => {
    w.u16(p, 1);
    w.u16(p + 2, def.flags ?? 0);
    w.u16(p + 4, def.index);
    w.u16(p + 6, 1);
    w.u32(p + 8, 0x0a1b2c3d + i);
    w.u32(p + 12, 20);
    w.u32(p + 16, i === all.length - 1 ? 0 : 28);
    w.u32(p + 20, str(def.name));
    w.u32(p + 24, 0);
    p += 28;
  });
  // Symbols: index 0 is the null symbol.
  symbols.forEach((s, k) => {
    const i = k + 1;
    const e = dynsym + i * syment;
    w.u32(e, str(s.name));
    if (is64) {
      buf[e + 4] = 0x12; // STB_GLOBAL, STT_FUNC
      w.u16(e + 6, s.defined ? 11 : 0);
    } else {
      buf[e + 12] = 0x12;
      w.u16(e + 14, s.defined ? 11 : 0);
    }
    w.u16(versym + i * 2, s.version);
  });
  if (hashKind === 'sysv') {
    w.u32(hash, 1);
    w.u32(hash + 4, symCount);
  } else if (hashKind === 'gnu') {
    const hashed = Math.max(0, symCount - symoffset);
    w.u32(hash, 1);
    w.u32(hash + 4, symoffset);
    w.u32(hash + 8, 1);
    w.u32(hash + 12, 6);
    const buckets = hash + 16 + (is64 ? 8 : 4);
    w.u32(buckets, hashed ? symoffset : 0);
    for (let k = 0; k < hashed; k++) {
      w.u32(buckets + 4 + k * 4, ((0x1000 + k) << 1) | (k === hashed - 1 ? 1 : 0));
    }
  }
  const entry = new Map<number, number>();
  entries.forEach(([tag, value], i) => {
    const e = dynamic + i * dynent;
    if (!entry.has(tag)) entry.set(tag, e);
    w.tag(e, tag);
    w.word(e + dynent / 2, typeof value === 'string' ? 0 : value);
  });
  return {
    bytes: buf,
    phoff,
    strtab,
    strsz,
    dynamic,
    entry,
    verneed,
    verdef,
    dynsym,
    versym,
    hash,
    stringAt,
  };
}
