/**
 * Names some undefined symbols of each needed version (pure), through DT_VERSYM and DT_SYMTAB;
 * the number of dynamic symbols comes from DT_HASH's nchain or a walk of DT_GNU_HASH.
 */
import type { DynamicView } from './elf-dynamic.js';
import type { VersionNeed } from './elf-format.js';
import type { Reads } from './elf-input.js';

/** Dynamic symbols read to name the symbols of a needed version (libstdc++ has about 7000). */
const MAX_SYMBOLS = 1_000_000;
export const MAX_SYMBOLS_PER_VERSION = 8;

/** Adds to each needed version (by its index) up to MAX_SYMBOLS_PER_VERSION symbol names. */
export function* nameSymbols(view: DynamicView, versions: Map<number, VersionNeed>): Reads<void> {
  const { f, input } = view.elf;
  const { symtab, syment: declared, versym } = view.tags.addresses;
  if (symtab === undefined || versym === undefined) return;
  const smallest = f.cls === 32 ? 16 : 24;
  const syment = declared ?? smallest;
  if (syment < smallest || syment > 256) input.fail(`DT_SYMENT ${syment}`, view.offset);
  const count = yield* symbolCount(view);
  if (count === undefined || count === 0) return;
  if (count > MAX_SYMBOLS || count * syment > input.size) {
    input.fail(`${count} dynamic symbols do not fit the ${input.size}-byte file`, view.offset);
  }
  const indexesAt = view.map(versym, 'DT_VERSYM');
  const symbols = view.map(symtab, 'DT_SYMTAB');
  const indexes = yield* input.read(
    indexesAt.offset,
    count * 2,
    'symbol version table (DT_VERSYM)',
  );
  const table = yield* input.read(symbols.offset, count * syment, 'dynamic symbol table');
  for (let i = 1; i < count; i++) {
    const need = versions.get(f.u16(indexes, i * 2) & 0x7fff);
    if (!need || need.symbols.length >= MAX_SYMBOLS_PER_VERSION) continue;
    const at = i * syment;
    const shndx = f.u16(table, f.cls === 32 ? at + 14 : at + 6);
    if (shndx !== 0) continue; // defined here, not needed from the library
    const name = yield* view.stringAt(f.u32(table, at));
    if (name !== '') need.symbols.push(name);
  }
}

/** The number of dynamic symbols, from DT_HASH's nchain or by walking DT_GNU_HASH. */
function* symbolCount(view: DynamicView): Reads<number | undefined> {
  const { f, input } = view.elf;
  const { hash, gnuHash } = view.tags.addresses;
  if (hash !== undefined) {
    const at = view.map(hash, 'DT_HASH').offset;
    return f.u32(yield* input.read(at, 8, 'DT_HASH header'), 4);
  }
  if (gnuHash === undefined) return undefined;
  const at = view.map(gnuHash, 'DT_GNU_HASH').offset;
  const header = yield* input.read(at, 16, 'DT_GNU_HASH header');
  const nbuckets = f.u32(header, 0);
  const symoffset = f.u32(header, 4);
  const bloomWords = f.u32(header, 8);
  if (nbuckets > MAX_SYMBOLS || bloomWords > MAX_SYMBOLS) {
    input.fail(`DT_GNU_HASH with ${nbuckets} buckets and ${bloomWords} bloom words`, at);
  }
  const bucketsAt = at + 16 + bloomWords * (f.cls === 32 ? 4 : 8);
  const buckets = yield* input.read(bucketsAt, nbuckets * 4, 'DT_GNU_HASH buckets');
  let last = 0;
  for (let i = 0; i < nbuckets; i++) last = Math.max(last, f.u32(buckets, i * 4));
  if (last < symoffset) return symoffset;
  const chainsAt = bucketsAt + nbuckets * 4;
  // Walk the last chain to its end (the entry with the low bit set), in bounded chunks.
  for (let index = last; index <= MAX_SYMBOLS;) {
    const chunk = Math.min(1024, MAX_SYMBOLS - index + 1);
    const from = chainsAt + (index - symoffset) * 4;
    const length = Math.min(chunk * 4, input.size - from);
    if (length < 4) input.fail('DT_GNU_HASH chain runs past the end of the file', from);
    const bytes = yield* input.read(from, length - (length % 4), 'DT_GNU_HASH chain');
    for (let j = 0; j + 4 <= bytes.length; j += 4, index++) {
      if (f.u32(bytes, j) & 1) return index + 1;
    }
  }
  input.fail(`DT_GNU_HASH chain longer than ${MAX_SYMBOLS} symbols`, chainsAt);
}
