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
import {
  isElf,
  machineName,
  type ElfClass,
  type ElfEndian,
  type ElfType,
  type ElfInfo,
  type ReadElfOptions,
} from './elf-format.js';
import {
  DynamicView,
  PT_DYNAMIC,
  PT_INTERP,
  readDynamic,
  readSegments,
  type Segment,
} from './elf-dynamic.js';
import { ElfInput, Fields, type Elf, type ReadRequest, type Reads } from './elf-input.js';
import { nameSymbols } from './elf-symbols.js';
import { readVersionDefs, readVersionNeeds } from './elf-versions.js';

export * from './elf-format.js';
export { MAX_SYMBOLS_PER_VERSION } from './elf-symbols.js';

const TYPES: Record<number, ElfType> = { 0: 'none', 1: 'rel', 2: 'exec', 3: 'shared', 4: 'core' };

const PN_XNUM = 0xffff;

export type ElfSteps = Generator<ReadRequest, ElfInfo, Buffer>;

/** The parser: the steps in the loader's order, each asking for the byte ranges it needs. */
export function* elfSteps(file: string, size: number, options: ReadElfOptions = {}): ElfSteps {
  const elf = yield* readIdentification(new ElfInput(file, size));
  const { info, programHeaders } = yield* readHeader(elf);
  if (!programHeaders) return info;
  const segments = yield* readSegments(elf, programHeaders);
  yield* readInterpreter(elf, segments, info);
  const dyn = segments.find((s) => s.type === PT_DYNAMIC);
  if (!dyn) return info;
  info.dynamic = true;
  const tags = yield* readDynamic(elf, dyn);
  const { verneed, verdef } = tags.addresses;
  if (tags.strings.length === 0 && verneed === undefined && verdef === undefined) return info;
  const view = new DynamicView(elf, segments, dyn, tags);
  yield* readNames(view, info);
  const byIndex = yield* readVersionNeeds(view, info);
  yield* readVersionDefs(view, info);
  if (options.symbols && byIndex.size > 0) {
    yield* nameSymbols(view, byIndex);
  }
  return info;
}

/** The 16-byte identification: magic, class and byte order, which every later field needs. */
function* readIdentification(input: ElfInput): Reads<Elf> {
  const { size } = input;
  if (size < 16) input.fail(`file is ${size} bytes, too short for the 16-byte ELF identification`);
  const ident = yield* input.read(0, 16, 'ELF identification');
  if (!isElf(ident)) input.fail('missing the \\x7fELF magic', 0);
  const clsByte = ident[4];
  const dataByte = ident[5];
  if (clsByte !== 1 && clsByte !== 2)
    input.fail(`unknown ELF class ${clsByte} (expected 1 or 2)`, 4);
  if (dataByte !== 1 && dataByte !== 2)
    input.fail(`unknown byte order ${dataByte} (expected 1 or 2)`, 5);
  const cls: ElfClass = clsByte === 1 ? 32 : 64;
  const endian: ElfEndian = dataByte === 1 ? 'little' : 'big';
  return { input, f: new Fields(input.file, cls, endian === 'little'), endian };
}

/** The ELF header: what the file is, and where its program headers are (none: undefined). */
function* readHeader({ input, f, endian }: Elf): Reads<{
  info: ElfInfo;
  programHeaders?: { phoff: number; phentsize: number; phnum: number };
}> {
  const { cls } = f;
  const header = yield* input.read(0, cls === 32 ? 52 : 64, `${cls}-bit ELF header`);
  const type = TYPES[f.u16(header, 16)] ?? 'unknown';
  const machine = f.u16(header, 18);
  const phoffAt = cls === 32 ? 28 : 32;
  const phoff = f.word(header, phoffAt, phoffAt);
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
  if (phnum === 0 || phoff === 0) return { info };
  if (phnum === PN_XNUM)
    input.fail(
      'extended program header numbering (e_phnum = 0xffff) is not supported',
      cls === 32 ? 44 : 56,
    );
  const minEntry = cls === 32 ? 32 : 56;
  if (phentsize < minEntry)
    input.fail(`program header entry size ${phentsize} is below ${minEntry}`, cls === 32 ? 42 : 54);
  return { info, programHeaders: { phoff, phentsize, phnum } };
}

/** PT_INTERP: the program interpreter (the dynamic loader) an executable names. */
function* readInterpreter({ input }: Elf, segments: Segment[], info: ElfInfo): Reads<void> {
  const interp = segments.find((s) => s.type === PT_INTERP);
  if (!interp) return;
  const bytes = yield* input.read(
    interp.offset,
    Math.min(interp.filesz, 4096),
    'PT_INTERP segment',
  );
  const end = bytes.indexOf(0);
  info.interpreter = bytes.toString('latin1', 0, end === -1 ? bytes.length : end);
}

/** DT_NEEDED, DT_SONAME, DT_RPATH and DT_RUNPATH, read from the dynamic string table. */
function* readNames(view: DynamicView, info: ElfInfo): Reads<void> {
  for (const entry of view.tags.strings) {
    const value = yield* view.stringAt(entry.value);
    if (entry.kind === 'needed') info.needed.push(value);
    else if (entry.kind === 'soname') info.soname = value;
    else if (entry.kind === 'rpath') info.rpath.push(...splitPath(value));
    else info.runpath.push(...splitPath(value));
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
