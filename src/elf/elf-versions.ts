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

interface Record {
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
  const start = view.map(verneed, 'DT_VERNEED').offset;
  const count = verneednum ?? MAX_VERSION_ENTRIES;
  let total = 0;
  for (const need of yield* records(view, start, count, 16, 'version need (Verneed)')) {
    const library = yield* view.stringAt(f.u32(need.bytes, 4));
    const auxCount = f.u16(need.bytes, 2);
    const aux = need.at + f.u32(need.bytes, 8);
    total += auxCount;
    if (total > MAX_VERSION_ENTRIES)
      input.fail(`more than ${MAX_VERSION_ENTRIES} needed versions`, aux);
    for (const entry of yield* linked(view, aux, auxCount, 16, 'version need (Vernaux)')) {
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
  const start = view.map(verdef, 'DT_VERDEF').offset;
  const count = verdefnum ?? MAX_VERSION_ENTRIES;
  for (const def of yield* records(view, start, count, 20, 'version definition (Verdef)')) {
    if (f.u16(def.bytes, 2) & VER_FLG_BASE) continue;
    if (f.u16(def.bytes, 6) === 0) continue;
    const auxBytes = yield* input.read(def.at + f.u32(def.bytes, 12), 8, 'Verdaux');
    const name = yield* view.stringAt(f.u32(auxBytes, 0));
    if (!info.versionDefs.includes(name)) info.versionDefs.push(name);
  }
}

/** Reads `count` linked records (verneed/verdef style) of `recordSize` bytes. */
function* records(
  view: DynamicView,
  start: number,
  count: number,
  recordSize: number,
  what: string,
): Reads<Record[]> {
  if (count > MAX_VERSION_ENTRIES) view.elf.input.fail(`${count} ${what} entries`, view.offset);
  return yield* linked(view, start, count, recordSize, what);
}

/** Follows at most `count` records whose last u32 field is the offset to the next one. */
function* linked(
  view: DynamicView,
  start: number,
  count: number,
  recordSize: number,
  what: string,
): Reads<Record[]> {
  const { f, input } = view.elf;
  const out: Record[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    const bytes = yield* input.read(at, recordSize, what);
    out.push({ at, bytes });
    const next = f.u32(bytes, recordSize - 4);
    if (next === 0) break;
    at += next;
  }
  return out;
}
