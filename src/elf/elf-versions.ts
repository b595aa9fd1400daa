/**
 * The symbol versions an ELF file needs (DT_VERNEED: which library, which version) and defines
 * (DT_VERDEF), read through the dynamic view (pure). Every chain is bounded.
 */
import type { DynamicView } from './elf-dynamic.js';
import type { ElfInfo, VersionNeed } from './elf-format.js';
import type { Reads } from './elf-input.js';

/** Version entries (needs or definitions) per file: libc.so.6 defines about 40. */
const MAX_VERSION_ENTRIES = 4096;
const VER_FLG_BASE = 1;

/** A record of a chain: where it is, and its bytes. */
interface Linked {
  at: number;
  bytes: Buffer;
}

/**
 * Needed versions: Elf_Verneed { u16 version, u16 cnt, u32 file, u32 aux, u32 next } and
 * Elf_Vernaux { u32 hash, u16 flags, u16 other, u32 name, u32 next }, the same in both classes.
 * Adds them to `info.versionNeeds`; returns them by their version index (for the symbols).
 */
export function* readVersionNeeds(
  view: DynamicView,
  info: ElfInfo,
): Reads<Map<number, VersionNeed>> {
  const { f, input } = view.elf;
  const { verneed, verneednum } = view.tags.addresses;
  const byIndex = new Map<number, VersionNeed>();
  if (verneed === undefined) return byIndex;
  const needs = yield* records(view, {
    start: view.map(verneed, 'DT_VERNEED').offset,
    count: verneednum ?? MAX_VERSION_ENTRIES,
    size: 16,
    what: 'version need (Verneed)',
  });
  let total = 0;
  for (const need of needs) {
    const library = yield* view.stringAt(f.u32(need.bytes, 4));
    const auxCount = f.u16(need.bytes, 2);
    const aux = need.at + f.u32(need.bytes, 8);
    total += auxCount;
    if (total > MAX_VERSION_ENTRIES)
      input.fail(`more than ${MAX_VERSION_ENTRIES} needed versions`, aux);
    const entries = yield* linked(view, {
      start: aux,
      count: auxCount,
      size: 16,
      what: 'version need (Vernaux)',
    });
    for (const entry of entries) {
      const version = yield* view.stringAt(f.u32(entry.bytes, 8));
      const item: VersionNeed = { library, version, symbols: [] };
      info.versionNeeds.push(item);
      byIndex.set(f.u16(entry.bytes, 6) & 0x7fff, item);
    }
  }
  return byIndex;
}

/**
 * Defined versions: Elf_Verdef { u16 version, u16 flags, u16 ndx, u16 cnt, u32 hash, u32 aux,
 * u32 next } whose first Elf_Verdaux { u32 name, u32 next } names the version. Adds them to
 * `info.versionDefs` (the file's own base version left out).
 */
export function* readVersionDefs(view: DynamicView, info: ElfInfo): Reads<void> {
  const { f, input } = view.elf;
  const { verdef, verdefnum } = view.tags.addresses;
  if (verdef === undefined) return;
  const defs = yield* records(view, {
    start: view.map(verdef, 'DT_VERDEF').offset,
    count: verdefnum ?? MAX_VERSION_ENTRIES,
    size: 20,
    what: 'version definition (Verdef)',
  });
  for (const def of defs) {
    if (f.u16(def.bytes, 2) & VER_FLG_BASE) continue;
    if (f.u16(def.bytes, 6) === 0) continue;
    const auxBytes = yield* input.read(def.at + f.u32(def.bytes, 12), 8, 'Verdaux');
    const name = yield* view.stringAt(f.u32(auxBytes, 0));
    if (!info.versionDefs.includes(name)) info.versionDefs.push(name);
  }
}

/** A chain of records (verneed/verdef style) of `size` bytes: at most `count`, from `start`. */
interface Chain {
  start: number;
  count: number;
  size: number;
  what: string;
}

/** Reads a table's chain of records, its count bounded first. */
function* records(view: DynamicView, chain: Chain): Reads<Linked[]> {
  if (chain.count > MAX_VERSION_ENTRIES)
    view.elf.input.fail(`${chain.count} ${chain.what} entries`, view.offset);
  return yield* linked(view, chain);
}

/** Follows at most `count` records whose last u32 field is the offset to the next one. */
function* linked(view: DynamicView, { start, count, size, what }: Chain): Reads<Linked[]> {
  const { f, input } = view.elf;
  const out: Linked[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    const bytes = yield* input.read(at, size, what);
    out.push({ at, bytes });
    const next = f.u32(bytes, size - 4);
    if (next === 0) break;
    at += next;
  }
  return out;
}
