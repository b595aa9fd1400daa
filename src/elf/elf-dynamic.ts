/**
 * The loader's view of an ELF file (pure): the program headers, the tags of PT_DYNAMIC, virtual
 * addresses mapped to file offsets through the PT_LOAD segments, and the dynamic string table.
 * Section headers are not used (they are optional and `strip`/`sstrip` may drop them).
 */
import type { Elf, Reads } from './elf-input.js';

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;

const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_SONAME = 14;
const DT_RPATH = 15;
const DT_RUNPATH = 29;

/** The tags whose values are addresses or counts the version and symbol steps read. */
export interface DynamicAddresses {
  hash?: number;
  symtab?: number;
  syment?: number;
  gnuHash?: number;
  versym?: number;
  verdef?: number;
  verdefnum?: number;
  verneed?: number;
  verneednum?: number;
}

const ADDRESS_TAGS = new Map<number, keyof DynamicAddresses>([
  [4, 'hash'], // DT_HASH
  [6, 'symtab'], // DT_SYMTAB
  [11, 'syment'], // DT_SYMENT
  [0x6ffffef5, 'gnuHash'], // DT_GNU_HASH
  [0x6ffffff0, 'versym'], // DT_VERSYM
  [0x6ffffffc, 'verdef'], // DT_VERDEF
  [0x6ffffffd, 'verdefnum'], // DT_VERDEFNUM
  [0x6ffffffe, 'verneed'], // DT_VERNEED
  [0x6fffffff, 'verneednum'], // DT_VERNEEDNUM
]);

const STRING_TAGS = new Map<number, DynamicString['kind']>([
  [DT_NEEDED, 'needed'],
  [DT_SONAME, 'soname'],
  [DT_RPATH, 'rpath'],
  [DT_RUNPATH, 'runpath'],
]);

/** Limits far above anything a real linker produces; they only stop crafted files. */
const MAX_DYNAMIC_BYTES = 16 * 1024 * 1024;
const MAX_STRING_ENTRIES = 10_000;
const MAX_STRING_BYTES = 64 * 1024;

export interface Segment {
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
}

/** A NEEDED, SONAME, RPATH or RUNPATH entry: its offset in the dynamic string table. */
export interface DynamicString {
  kind: 'needed' | 'soname' | 'rpath' | 'runpath';
  value: number;
}

export interface DynamicTags {
  strings: DynamicString[];
  strtab?: number;
  strsz?: number;
  /** The first value of each address tag. */
  addresses: DynamicAddresses;
}

/** The program header table: `phnum` entries of `phentsize` bytes at `phoff`. */
export function* readSegments(
  { input, f }: Elf,
  table: { phoff: number; phentsize: number; phnum: number },
): Reads<Segment[]> {
  const { phoff, phentsize, phnum } = table;
  const bytes = yield* input.read(
    phoff,
    phnum * phentsize,
    `program header table (${phnum} entries)`,
  );
  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const at = i * phentsize;
    const fileAt = phoff + at;
    const type = f.u32(bytes, at);
    segments.push(
      f.cls === 32
        ? {
            type,
            offset: f.u32(bytes, at + 4),
            vaddr: f.u32(bytes, at + 8),
            filesz: f.u32(bytes, at + 16),
          }
        : {
            type,
            offset: f.word(bytes, at + 8, fileAt + 8),
            vaddr: f.word(bytes, at + 16, fileAt + 16),
            filesz: f.word(bytes, at + 32, fileAt + 32),
          },
    );
  }
  return segments;
}

/** The tags of PT_DYNAMIC we use, up to DT_NULL; the others may hold any 64-bit value. */
export function* readDynamic({ input, f }: Elf, dyn: Segment): Reads<DynamicTags> {
  if (dyn.filesz > MAX_DYNAMIC_BYTES)
    input.fail(`PT_DYNAMIC is ${dyn.filesz} bytes, implausibly large`, dyn.offset);
  const dynamic = yield* input.read(dyn.offset, dyn.filesz, 'PT_DYNAMIC segment');
  const entsize = f.cls === 32 ? 8 : 16;
  const tags: DynamicTags = { strings: [], addresses: {} };
  for (let at = 0; at + entsize <= dynamic.length; at += entsize) {
    const tag = f.tag(dynamic, at);
    if (tag === DT_NULL) break;
    // Only the tags we use are decoded: others may hold any 64-bit value.
    const value = (): number => f.word(dynamic, at + entsize / 2, dyn.offset + at + entsize / 2);
    const kind = STRING_TAGS.get(tag);
    const address = ADDRESS_TAGS.get(tag);
    if (tag === DT_STRTAB) tags.strtab = value();
    else if (tag === DT_STRSZ) tags.strsz = value();
    else if (kind) tags.strings.push({ kind, value: value() });
    else if (address) tags.addresses[address] ??= value();
  }
  return tags;
}

/**
 * PT_DYNAMIC once its string table is located: addresses mapped to file offsets, strings read
 * (each once) from the table. Errors about the dynamic section point at its file offset.
 */
export class DynamicView {
  readonly offset: number;
  private readonly tableOffset: number;
  private readonly tableSize: number;
  private readonly cache = new Map<number, string>();

  constructor(
    readonly elf: Elf,
    private readonly segments: readonly Segment[],
    dyn: Segment,
    readonly tags: DynamicTags,
  ) {
    const { input } = elf;
    this.offset = dyn.offset;
    if (tags.strings.length > MAX_STRING_ENTRIES)
      input.fail(`${tags.strings.length} NEEDED/SONAME/RPATH entries`, dyn.offset);
    if (tags.strtab === undefined)
      elf.input.fail('the dynamic section names libraries but has no DT_STRTAB', dyn.offset);
    // DT_STRTAB is a virtual address: map it to a file offset through the PT_LOAD that holds it.
    const mapped = this.map(tags.strtab, 'DT_STRTAB');
    this.tableOffset = mapped.offset;
    this.tableSize = Math.min(
      tags.strsz ?? mapped.rest,
      mapped.rest,
      Math.max(0, input.size - mapped.offset),
    );
  }

  /** Maps a virtual address to a file offset through the PT_LOAD that holds it. */
  map(address: number, what: string): { offset: number; rest: number } {
    const load = this.segments.find(
      (s) => s.type === PT_LOAD && s.vaddr <= address && address - s.vaddr < s.filesz,
    );
    if (!load)
      this.elf.input.fail(
        `${what} address 0x${address.toString(16)} is not inside any PT_LOAD segment`,
        this.offset,
      );
    return {
      offset: load.offset + (address - load.vaddr),
      rest: load.filesz - (address - load.vaddr),
    };
  }

  /** The NUL-terminated string at `offset` in the dynamic string table. */
  *stringAt(offset: number): Reads<string> {
    const { input } = this.elf;
    const { tableOffset, tableSize } = this;
    let value = this.cache.get(offset);
    if (value === undefined) {
      if (offset >= tableSize) {
        input.fail(
          `string offset ${offset} is outside the ${tableSize}-byte string table`,
          tableOffset,
        );
      }
      // Most names are short: read 256 bytes first, the whole allowance only when needed.
      const length = Math.min(tableSize - offset, MAX_STRING_BYTES);
      let bytes = yield* input.read(tableOffset + offset, Math.min(length, 256), 'dynamic string');
      if (bytes.indexOf(0) === -1 && length > bytes.length) {
        bytes = yield* input.read(tableOffset + offset, length, 'dynamic string');
      }
      const end = bytes.indexOf(0);
      if (end === -1)
        input.fail('unterminated string in the dynamic string table', tableOffset + offset);
      value = bytes.toString('utf8', 0, end);
      this.cache.set(offset, value);
    }
    return value;
  }
}
