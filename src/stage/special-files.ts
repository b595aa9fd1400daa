// Entries of a staged tree that are neither regular files nor folders: the glob walk leaves them
// out without a word (broken links, link loops, FIFOs, sockets, devices), and a link to a folder
// that contains it packs the tree again inside itself. Each is named, never silently dropped.
import { realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, sep } from 'node:path';
import { InputError } from '../base/errors.js';
import { quotePath } from '../wheel/path-chars.js';

/** A refused entry: its path relative to the glob's folder, and what it is. */
export interface SpecialEntry {
  path: string;
  kind: string;
}

/** What a non-regular file is, in words; undefined for a file, a folder or a link. */
export function specialKind(
  entry: Pick<Dirent | Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>,
): string | undefined {
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isCharacterDevice()) return 'a character device';
  return undefined;
}

/**
 * What is wrong with the symbolic link at `path` (absolute), or undefined when it can be packed:
 * broken, a loop, or a folder link whose target contains the link (the tree would repeat).
 */
export function badLink(path: string): string | undefined {
  let target: string;
  try {
    target = realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'a symbolic link loop';
    if (code === 'ENOENT') return 'a broken symbolic link';
    return `a symbolic link that cannot be followed (${String(code)})`;
  }
  // Stryker disable next-line all: reachable only when the target vanishes between realpath and stat.
  const info = statSync(target, { throwIfNoEntry: false });
  // Stryker disable next-line all: the same race.
  if (!info) return 'a broken symbolic link';
  const special = specialKind(info);
  if (special) return `a symbolic link to ${special}, ${target}`;
  const home = realpathSync.native(dirname(path));
  if (info.isDirectory() && (home === target || home.startsWith(target + sep))) {
    return `a symbolic link to ${target}, a folder that contains it (the tree would be packed again inside itself)`;
  }
  return undefined;
}

/** Most entries named in the error; the rest are counted. */
const SHOWN = 20;

/** One error naming each refused entry (pure). */
export function specialFilesError(
  folder: string,
  entries: readonly SpecialEntry[],
  input: string,
): InputError {
  // The walk may read a folder twice (through a link to it): name each entry once, and not
  // again below a refused link (`self/sock` is `sock`).
  const unique = new Map(entries.map((entry) => [entry.path, entry]));
  for (const path of unique.keys()) {
    if ([...unique.keys()].some((other) => path.startsWith(`${other}/`))) unique.delete(path);
  }
  // By path, code unit by code unit (the paths are unique: they are the map's keys).
  const sorted = [...unique.keys()].sort().map((path) => unique.get(path)!);
  const lines = sorted.slice(0, SHOWN).map((entry) => `${quotePath(entry.path)}: ${entry.kind}`);
  if (sorted.length > SHOWN) lines.push(`... and ${sorted.length - SHOWN} more`);
  const count = sorted.length === 1 ? '1 entry' : `${sorted.length} entries`;
  return new InputError(
    `${count} in ${folder} ${sorted.length === 1 ? 'is' : 'are'} not a regular file or folder, so the wheel could not hold ${sorted.length === 1 ? 'it' : 'them'}: ${lines.join('; ')}.`,
    {
      input,
      fix: 'remove them in the build (or fix the links), or leave them out of what you stage: a wheel holds regular files only, and a link is packed as the file it points at.',
    },
  );
}
