/**
 * A small ELF reader: just what the wheel checks need (class, byte order, machine, type, and the
 * dynamic section's SONAME, NEEDED, RPATH and RUNPATH, plus PT_INTERP, the symbol versions the
 * file needs and defines, and optionally which undefined symbols need each version).
 *
 * It follows the loader's view: program headers, then PT_DYNAMIC, then the dynamic string table
 * located through the PT_LOAD mapping of DT_STRTAB. Section headers are not used (they are
 * optional and `strip`/`sstrip` may drop them).
 *
 * The parser is a generator that asks for byte ranges, so the same code runs on an in-memory
 * Buffer (`parseElf`) and on a file read range by range (`readElf`): shared objects can be
 * hundreds of MB and only their headers are read. Every offset is checked against the file size
 * before it is read and every loop is bounded by it, so a crafted file cannot hang or crash it.
 */
import { open } from 'node:fs/promises';
import { LibraryError } from '../errors.js';

export type ElfClass = 32 | 64;
export type ElfEndian = 'little' | 'big';
export type ElfType = 'none' | 'rel' | 'exec' | 'shared' | 'core' | 'unknown';

export interface ElfInfo {
  class: ElfClass;
  endian: ElfEndian;
  /** e_machine, e.g. 62 for x86-64. */
  machine: number;
  /** 'x86_64', 'i386', 'aarch64', 'arm', 'ppc64le', 's390x', ... or 'unknown(0x1234)'. */
  machineName: string;
  /** e_type; position-independent executables are ET_DYN, so they read as 'shared'. */
  type: ElfType;
  /** True when the file has a PT_DYNAMIC segment (false for static executables and .o files). */
  dynamic: boolean;
  /** PT_INTERP: the program loader an executable asks for (absent for most shared objects). */
  interpreter?: string;
  soname?: string;
  needed: string[];
  /** DT_RPATH entries (colon-separated list split), in order. */
  rpath: string[];
  /** DT_RUNPATH entries, in order. */
  runpath: string[];
  /**
   * Symbol versions the file needs (DT_VERNEED, `.gnu.version_r`): one entry per library and
   * version, e.g. libc.so.6 GLIBC_2.34. `symbols` (filled by `readElf(path, { symbols: true })`)
   * names the undefined symbols bound to that version, at most MAX_SYMBOLS_PER_VERSION.
   */
  versionNeeds: VersionNeed[];
  /** Versions the file defines (DT_VERDEF, `.gnu.version_d`), without the base (SONAME) entry. */
  versionDefs: string[];
}

export interface VersionNeed {
  /** The vn_file name: a NEEDED library, e.g. libstdc++.so.6. */
  library: string;
  /** e.g. GLIBCXX_3.4.26. */
  version: string;
  /** Some undefined symbols that need this version (empty unless symbols were read). */
  symbols: string[];
}

export interface ReadElfOptions {
  /** Also read the dynamic symbol table to name the symbols of each needed version. */
  symbols?: boolean;
}

/**
 * A file that starts like an ELF file but cannot be parsed. It is a LibraryError: a truncated or
 * corrupt binary in a package cannot load either.
 */
export class ElfFormatError extends LibraryError {
  /** The file offset the problem was found at, when there is one. */
  readonly offset: number | undefined;

  constructor(file: string, problem: string, offset?: number) {
    const where = offset === undefined ? '' : ` (offset 0x${offset.toString(16)})`;
    super(`${file}: not a valid ELF file: ${problem}${where}`, {
      file,
      fix: 'rebuild the file; it is truncated or corrupt (or it is not an ELF binary and should not start with "\\x7fELF").',
    });
    this.offset = offset;
  }
}

export const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** True when `head` (the first bytes of a file, at least 4) starts with the ELF magic. */
export function isElf(head: Buffer): boolean {
  return head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC);
}

const MACHINES: Record<number, string | ((cls: ElfClass, endian: ElfEndian) => string)> = {
  2: 'sparc',
  3: 'i386',
  8: (_c, e) => (e === 'little' ? 'mipsel' : 'mips'),
  20: 'ppc',
  21: (_c, e) => (e === 'little' ? 'ppc64le' : 'ppc64'),
  22: (c) => (c === 64 ? 's390x' : 's390'),
  40: 'arm',
  43: 'sparcv9',
  50: 'ia64',
  62: 'x86_64',
  183: 'aarch64',
  243: (c) => (c === 64 ? 'riscv64' : 'riscv32'),
  258: 'loongarch64',
};

/** A readable name for an ELF e_machine value (depends on class and byte order for a few). */
export function machineName(machine: number, cls: ElfClass, endian: ElfEndian): string {
  const entry = MACHINES[machine];
  if (entry === undefined) return `unknown(0x${machine.toString(16)})`;
  return typeof entry === 'string' ? entry : entry(cls, endian);
}

const TYPES: Record<number, ElfType> = { 0: 'none', 1: 'rel', 2: 'exec', 3: 'shared', 4: 'core' };

const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_SONAME = 14;
const DT_RPATH = 15;
const DT_RUNPATH = 29;
const DT_HASH = 4;
const DT_SYMTAB = 6;
const DT_SYMENT = 11;
const DT_GNU_HASH = 0x6ffffef5;
const DT_VERSYM = 0x6ffffff0;
const DT_VERDEF = 0x6ffffffc;
const DT_VERDEFNUM = 0x6ffffffd;
const DT_VERNEED = 0x6ffffffe;
const DT_VERNEEDNUM = 0x6fffffff;
const VER_FLG_BASE = 1;
const PN_XNUM = 0xffff;

/** Limits far above anything a real linker produces; they only stop crafted files. */
const MAX_DYNAMIC_BYTES = 16 * 1024 * 1024;
const MAX_STRING_ENTRIES = 10_000;
const MAX_STRING_BYTES = 64 * 1024;
/** Version entries (needs or definitions) per file: libc.so.6 defines about 40. */
const MAX_VERSION_ENTRIES = 4096;
/** Dynamic symbols read to name the symbols of a needed version (libstdc++ has about 7000). */
const MAX_SYMBOLS = 1_000_000;
export const MAX_SYMBOLS_PER_VERSION = 8;

interface ReadRequest {
  offset: number;
  length: number;
}

type ElfSteps = Generator<ReadRequest, ElfInfo, Buffer>;

interface Segment {
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

/** Reads little- or big-endian fields of the right width for the file's class. */
class Fields {
  constructor(
    private readonly file: string,
    readonly cls: ElfClass,
    private readonly little: boolean,
  ) {}

  u16(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
  }

  u32(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
  }

  /** An address/offset-sized field (4 or 8 bytes); 64-bit values beyond 2^53 are rejected. */
  word(buf: Buffer, at: number, fileOffset: number): number {
    if (this.cls === 32) return this.u32(buf, at);
    const value = this.little ? buf.readBigUInt64LE(at) : buf.readBigUInt64BE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ElfFormatError(
        this.file,
        `value 0x${value.toString(16)} is out of range`,
        fileOffset,
      );
    }
    return Number(value);
  }

  /** A signed word (d_tag is signed); tags we care about are small and positive. */
  tag(buf: Buffer, at: number): number {
    if (this.cls === 32) return this.little ? buf.readInt32LE(at) : buf.readInt32BE(at);
    const value = this.little ? buf.readBigInt64LE(at) : buf.readBigInt64BE(at);
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : -1;
  }
}

function* elfSteps(file: string, size: number, options: ReadElfOptions = {}): ElfSteps {
  function fail(problem: string, offset?: number): never {
    throw new ElfFormatError(file, problem, offset);
  }
  /** Yields a read after checking that the range lies inside the file. */
  function* read(
    offset: number,
    length: number,
    what: string,
  ): Generator<ReadRequest, Buffer, Buffer> {
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
      fail(`${what} (${length} bytes) extends past the end of the ${size}-byte file`, offset);
    }
    return yield { offset, length };
  }

  if (size < 16) fail(`file is ${size} bytes, too short for the 16-byte ELF identification`);
  const ident = yield* read(0, 16, 'ELF identification');
  if (!isElf(ident)) fail('missing the \\x7fELF magic', 0);
  const clsByte = ident[4];
  const dataByte = ident[5];
  if (clsByte !== 1 && clsByte !== 2) fail(`unknown ELF class ${clsByte} (expected 1 or 2)`, 4);
  if (dataByte !== 1 && dataByte !== 2) fail(`unknown byte order ${dataByte} (expected 1 or 2)`, 5);
  const cls: ElfClass = clsByte === 1 ? 32 : 64;
  const endian: ElfEndian = dataByte === 1 ? 'little' : 'big';
  const f = new Fields(file, cls, endian === 'little');

  const ehsize = cls === 32 ? 52 : 64;
  const header = yield* read(0, ehsize, `${cls}-bit ELF header`);
  const type = TYPES[f.u16(header, 16)] ?? 'unknown';
  const machine = f.u16(header, 18);
  const phoff = f.word(header, cls === 32 ? 28 : 32, cls === 32 ? 28 : 32);
  const phentsize = f.u16(header, cls === 32 ? 42 : 54);
  const phnum = f.u16(header, cls === 32 ? 44 : 56);

  const info: ElfInfo = {
    class: cls,
    endian,
    machine,
    machineName: machineName(machine, cls, endian),
    type,
    dynamic: false,
    needed: [],
    rpath: [],
    runpath: [],
    versionNeeds: [],
    versionDefs: [],
  };
  if (phnum === 0 || phoff === 0) return info;
  if (phnum === PN_XNUM)
    fail('extended program header numbering (e_phnum = 0xffff) is not supported', 56);
  const minEntry = cls === 32 ? 32 : 56;
  if (phentsize < minEntry)
    fail(`program header entry size ${phentsize} is below ${minEntry}`, cls === 32 ? 42 : 54);

  const table = yield* read(phoff, phnum * phentsize, `program header table (${phnum} entries)`);
  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = i * phentsize;
    const fileAt = phoff + at;
    const type = f.u32(table, at);
    segments.push(
      cls === 32
        ? {
            type,
            offset: f.u32(table, at + 4),
            vaddr: f.u32(table, at + 8),
            filesz: f.u32(table, at + 16),
          }
        : {
            type,
            offset: f.word(table, at + 8, fileAt + 8),
            vaddr: f.word(table, at + 16, fileAt + 16),
            filesz: f.word(table, at + 32, fileAt + 32),
          },
    );
  }

  const interp = segments.find((s) => s.type === PT_INTERP);
  if (interp) {
    const bytes = yield* read(interp.offset, Math.min(interp.filesz, 4096), 'PT_INTERP segment');
    const end = bytes.indexOf(0);
    info.interpreter = bytes.toString('latin1', 0, end === -1 ? bytes.length : end);
  }

  const dyn = segments.find((s) => s.type === PT_DYNAMIC);
  if (!dyn) return info;
  info.dynamic = true;
  if (dyn.filesz > MAX_DYNAMIC_BYTES)
    fail(`PT_DYNAMIC is ${dyn.filesz} bytes, implausibly large`, dyn.offset);
  const dynamic = yield* read(dyn.offset, dyn.filesz, 'PT_DYNAMIC segment');
  const entsize = cls === 32 ? 8 : 16;
  const strings: { tag: number; value: number }[] = [];
  let strtab: number | undefined;
  let strsz: number | undefined;
  const addr: Partial<Record<number, number>> = {};
  const ADDRESS_TAGS = [
    DT_HASH,
    DT_SYMTAB,
    DT_SYMENT,
    DT_GNU_HASH,
    DT_VERSYM,
    DT_VERDEF,
    DT_VERDEFNUM,
    DT_VERNEED,
    DT_VERNEEDNUM,
  ];
  for (let at = 0; at + entsize <= dynamic.length; at += entsize) {
    const tag = f.tag(dynamic, at);
    if (tag === DT_NULL) break;
    // Only the tags we use are decoded: others may hold any 64-bit value.
    const value = (): number => f.word(dynamic, at + entsize / 2, dyn.offset + at + entsize / 2);
    if (tag === DT_STRTAB) strtab = value();
    else if (tag === DT_STRSZ) strsz = value();
    else if (tag === DT_NEEDED || tag === DT_SONAME || tag === DT_RPATH || tag === DT_RUNPATH) {
      strings.push({ tag, value: value() });
    } else if (ADDRESS_TAGS.includes(tag)) addr[tag] ??= value();
  }
  const hasVersions = addr[DT_VERNEED] !== undefined || addr[DT_VERDEF] !== undefined;
  if (strings.length === 0 && !hasVersions) return info;
  if (strings.length > MAX_STRING_ENTRIES)
    fail(`${strings.length} NEEDED/SONAME/RPATH entries`, dyn.offset);
  if (strtab === undefined)
    fail('the dynamic section names libraries but has no DT_STRTAB', dyn.offset);
  const strtabAddr = strtab;

  /** Maps a virtual address to a file offset through the PT_LOAD that holds it. */
  function mapAddress(address: number, what: string): { offset: number; rest: number } {
    const load = segments.find(
      (s) => s.type === PT_LOAD && s.vaddr <= address && address - s.vaddr < s.filesz,
    );
    if (!load)
      fail(
        `${what} address 0x${address.toString(16)} is not inside any PT_LOAD segment`,
        dyn!.offset,
      );
    return {
      offset: load.offset + (address - load.vaddr),
      rest: load.filesz - (address - load.vaddr),
    };
  }

  // DT_STRTAB is a virtual address: map it to a file offset through the PT_LOAD that holds it.
  const mapped = mapAddress(strtabAddr, 'DT_STRTAB');
  const tableOffset = mapped.offset;
  const segmentRest = mapped.rest;
  const tableSize = Math.min(strsz ?? segmentRest, segmentRest, Math.max(0, size - tableOffset));

  const cache = new Map<number, string>();
  function* stringAt(offset: number): Generator<ReadRequest, string, Buffer> {
    let value = cache.get(offset);
    if (value === undefined) {
      if (offset >= tableSize) {
        fail(`string offset ${offset} is outside the ${tableSize}-byte string table`, tableOffset);
      }
      // Most names are short: read 256 bytes first, the whole allowance only when needed.
      const length = Math.min(tableSize - offset, MAX_STRING_BYTES);
      let bytes = yield* read(tableOffset + offset, Math.min(length, 256), 'dynamic string');
      if (bytes.indexOf(0) === -1 && length > bytes.length) {
        bytes = yield* read(tableOffset + offset, length, 'dynamic string');
      }
      const end = bytes.indexOf(0);
      if (end === -1) fail('unterminated string in the dynamic string table', tableOffset + offset);
      value = bytes.toString('utf8', 0, end);
      cache.set(offset, value);
    }
    return value;
  }
  for (const entry of strings) {
    const value = yield* stringAt(entry.value);
    if (entry.tag === DT_NEEDED) info.needed.push(value);
    else if (entry.tag === DT_SONAME) info.soname = value;
    else if (entry.tag === DT_RPATH) info.rpath.push(...splitPath(value));
    else info.runpath.push(...splitPath(value));
  }

  /** Reads `count` linked records (verneed/verdef style) of `recordSize` bytes. */
  function* records(
    start: number,
    count: number,
    recordSize: number,
    what: string,
  ): Generator<ReadRequest, { at: number; bytes: Buffer }[], Buffer> {
    if (count > MAX_VERSION_ENTRIES) fail(`${count} ${what} entries`, dyn!.offset);
    return yield* linked(start, count, recordSize, what);
  }
  /** Follows at most `count` records whose last u32 field is the offset to the next one. */
  function* linked(
    start: number,
    count: number,
    recordSize: number,
    what: string,
  ): Generator<ReadRequest, { at: number; bytes: Buffer }[], Buffer> {
    const out: { at: number; bytes: Buffer }[] = [];
    let at = start;
    for (let i = 0; i < count; i++) {
      const bytes = yield* read(at, recordSize, what);
      out.push({ at, bytes });
      const next = f.u32(bytes, recordSize - 4);
      if (next === 0) break;
      at += next;
    }
    return out;
  }

  // Needed versions: Elf_Verneed { u16 version, u16 cnt, u32 file, u32 aux, u32 next } and
  // Elf_Vernaux { u32 hash, u16 flags, u16 other, u32 name, u32 next }, the same in both classes.
  const byIndex = new Map<number, VersionNeed>();
  if (addr[DT_VERNEED] !== undefined) {
    const start = mapAddress(addr[DT_VERNEED], 'DT_VERNEED').offset;
    const count = addr[DT_VERNEEDNUM] ?? MAX_VERSION_ENTRIES;
    let total = 0;
    for (const need of yield* records(start, count, 16, 'version need (Verneed)')) {
      const library = yield* stringAt(f.u32(need.bytes, 4));
      const auxCount = f.u16(need.bytes, 2);
      const aux = need.at + f.u32(need.bytes, 8);
      total += auxCount;
      if (total > MAX_VERSION_ENTRIES)
        fail(`more than ${MAX_VERSION_ENTRIES} needed versions`, aux);
      for (const entry of yield* linked(aux, auxCount, 16, 'version need (Vernaux)')) {
        const version = yield* stringAt(f.u32(entry.bytes, 8));
        const item: VersionNeed = { library, version, symbols: [] };
        info.versionNeeds.push(item);
        byIndex.set(f.u16(entry.bytes, 6) & 0x7fff, item);
      }
    }
  }

  // Defined versions: Elf_Verdef { u16 version, u16 flags, u16 ndx, u16 cnt, u32 hash, u32 aux,
  // u32 next } whose first Elf_Verdaux { u32 name, u32 next } names the version.
  if (addr[DT_VERDEF] !== undefined) {
    const start = mapAddress(addr[DT_VERDEF], 'DT_VERDEF').offset;
    const count = addr[DT_VERDEFNUM] ?? MAX_VERSION_ENTRIES;
    for (const def of yield* records(start, count, 20, 'version definition (Verdef)')) {
      if (f.u16(def.bytes, 2) & VER_FLG_BASE) continue;
      if (f.u16(def.bytes, 6) === 0) continue;
      const auxBytes = yield* read(def.at + f.u32(def.bytes, 12), 8, 'Verdaux');
      const name = yield* stringAt(f.u32(auxBytes, 0));
      if (!info.versionDefs.includes(name)) info.versionDefs.push(name);
    }
  }

  if (options.symbols && byIndex.size > 0 && addr[DT_VERSYM] !== undefined) {
    yield* nameSymbols(addr, byIndex);
  }
  return info;

  /** Names some undefined symbols of each needed version, through DT_VERSYM and DT_SYMTAB. */
  function* nameSymbols(
    tags: Partial<Record<number, number>>,
    versions: Map<number, VersionNeed>,
  ): Generator<ReadRequest, void, Buffer> {
    const symtab = tags[DT_SYMTAB];
    if (symtab === undefined) return;
    const syment = tags[DT_SYMENT] ?? (cls === 32 ? 16 : 24);
    if (syment < (cls === 32 ? 16 : 24) || syment > 256) fail(`DT_SYMENT ${syment}`, dyn!.offset);
    const count = yield* symbolCount(tags);
    if (count === undefined || count === 0) return;
    if (count > MAX_SYMBOLS || count * syment > size) {
      fail(`${count} dynamic symbols do not fit the ${size}-byte file`, dyn!.offset);
    }
    const versym = mapAddress(tags[DT_VERSYM]!, 'DT_VERSYM');
    const symbols = mapAddress(symtab, 'DT_SYMTAB');
    const indexes = yield* read(versym.offset, count * 2, 'symbol version table (DT_VERSYM)');
    const table = yield* read(symbols.offset, count * syment, 'dynamic symbol table');
    for (let i = 1; i < count; i++) {
      const need = versions.get(f.u16(indexes, i * 2) & 0x7fff);
      if (!need || need.symbols.length >= MAX_SYMBOLS_PER_VERSION) continue;
      const at = i * syment;
      const shndx = f.u16(table, cls === 32 ? at + 14 : at + 6);
      if (shndx !== 0) continue; // defined here, not needed from the library
      const name = yield* stringAt(f.u32(table, at));
      if (name !== '') need.symbols.push(name);
    }
  }

  /** The number of dynamic symbols, from DT_HASH's nchain or by walking DT_GNU_HASH. */
  function* symbolCount(
    tags: Partial<Record<number, number>>,
  ): Generator<ReadRequest, number | undefined, Buffer> {
    if (tags[DT_HASH] !== undefined) {
      const at = mapAddress(tags[DT_HASH], 'DT_HASH').offset;
      return f.u32(yield* read(at, 8, 'DT_HASH header'), 4);
    }
    if (tags[DT_GNU_HASH] === undefined) return undefined;
    const at = mapAddress(tags[DT_GNU_HASH], 'DT_GNU_HASH').offset;
    const header = yield* read(at, 16, 'DT_GNU_HASH header');
    const nbuckets = f.u32(header, 0);
    const symoffset = f.u32(header, 4);
    const bloomWords = f.u32(header, 8);
    if (nbuckets > MAX_SYMBOLS || bloomWords > MAX_SYMBOLS) {
      fail(`DT_GNU_HASH with ${nbuckets} buckets and ${bloomWords} bloom words`, at);
    }
    const bucketsAt = at + 16 + bloomWords * (cls === 32 ? 4 : 8);
    const buckets = yield* read(bucketsAt, nbuckets * 4, 'DT_GNU_HASH buckets');
    let last = 0;
    for (let i = 0; i < nbuckets; i++) last = Math.max(last, f.u32(buckets, i * 4));
    if (last < symoffset) return symoffset;
    const chainsAt = bucketsAt + nbuckets * 4;
    // Walk the last chain to its end (the entry with the low bit set), in bounded chunks.
    for (let index = last; index <= MAX_SYMBOLS;) {
      const chunk = Math.min(1024, MAX_SYMBOLS - index + 1);
      const from = chainsAt + (index - symoffset) * 4;
      const length = Math.min(chunk * 4, size - from);
      if (length < 4) fail('DT_GNU_HASH chain runs past the end of the file', from);
      const bytes = yield* read(from, length - (length % 4), 'DT_GNU_HASH chain');
      for (let j = 0; j + 4 <= bytes.length; j += 4, index++) {
        if (f.u32(bytes, j) & 1) return index + 1;
      }
    }
    fail(`DT_GNU_HASH chain longer than ${MAX_SYMBOLS} symbols`, chainsAt);
  }
}

function splitPath(value: string): string[] {
  return value === '' ? [] : value.split(':');
}

/**
 * Parses an ELF file held in memory. `name` only appears in error messages.
 * Throws ElfFormatError for anything malformed, including a non-ELF buffer.
 */
export function parseElf(buf: Buffer, name = '<buffer>', options: ReadElfOptions = {}): ElfInfo {
  const steps = elfSteps(name, buf.length, options);
  let next = steps.next();
  while (!next.done) {
    const { offset, length } = next.value;
    next = steps.next(buf.subarray(offset, offset + length));
  }
  return next.value;
}

/** Reads the ELF facts of a file, reading only its headers, dynamic section and strings. */
export async function readElf(path: string, options: ReadElfOptions = {}): Promise<ElfInfo> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const steps = elfSteps(path, size, options);
    let next = steps.next();
    while (!next.done) {
      const { offset, length } = next.value;
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      if (bytesRead !== length)
        throw new ElfFormatError(path, 'file changed while being read', offset);
      next = steps.next(buffer);
    }
    return next.value;
  } finally {
    await handle.close();
  }
}

/** Reads the first bytes of a file and tells whether it is an ELF file (by magic, not by name). */
export async function fileIsElf(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && isElf(head);
  } finally {
    await handle.close();
  }
}
