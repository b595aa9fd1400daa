import { readdir, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { InputError } from '../base/errors.js';
import { quotePath } from '../wheel/path-chars.js';
import { badLink, specialFilesError, specialKind, type SpecialEntry } from './special-files.js';

/**
 * Line breaks a glob can never match: picomatch's `*` and `**` compile to `.`, which stops at
 * \n, \r, U+2028 and U+2029, so tinyglobby silently leaves such files out. (Other control
 * characters are matched and then refused by checkPathCharacters.)
 */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** readdir errors that mean there is no folder to read, so no file is missed. */
const NOTHING_THERE = new Set<string | undefined>(['ENOENT', 'ENOTDIR']);

/** How tinyglobby matches (dot files, POSIX character classes), for the checks made here. */
const MATCH = { dot: true, posix: true };

export interface GlobOptions {
  cwd: string;
  ignore: readonly string[];
  expandDirectories?: boolean;
  /** The input named by the error (`package-dir` or `stage`). */
  input: string;
}

/**
 * tinyglobby's files for `pattern` (dot files included, folders not), refusing with an InputError
 * a file the glob would match but for a line break in its name, a folder with a line break in
 * its name where a `**` looks, and a folder below `cwd` the walk wanted but could not read (a path
 * over PATH_MAX, no permission): left out silently, their files would be missing from the wheel.
 */
export async function globFiles(pattern: string, options: GlobOptions): Promise<string[]> {
  const hidden: { path: string; folder: boolean }[] = [];
  const unreadable: { path: string; code: string }[] = [];
  const special: SpecialEntry[] = [];
  const below = (path: string): string => relative(options.cwd, path).split(sep).join('/');
  const watchingReaddir = (
    path: string,
    opts: { withFileTypes: true },
    callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void,
  ): void => {
    readdir(path, opts, (error, entries) => {
      if (error) {
        // Nothing there (a glob's folder that does not exist, or is a file) hides nothing.
        if (!NOTHING_THERE.has(error.code)) {
          unreadable.push({ path: below(path), code: String(error.code) });
        }
      } else {
        for (const entry of entries) {
          const full = join(path, entry.name);
          const kind = specialKind(entry) ?? (entry.isSymbolicLink() ? badLink(full) : undefined);
          if (kind !== undefined) special.push({ path: below(full), kind });
          if (LINE_BREAK.test(entry.name)) {
            hidden.push({ path: below(join(path, entry.name)), folder: entry.isDirectory() });
          }
        }
      }
      callback(error, entries);
    });
  };
  const files = await glob(pattern, {
    cwd: options.cwd,
    dot: true,
    ignore: [...options.ignore],
    onlyFiles: true,
    expandDirectories: options.expandDirectories !== false,
    fs: { readdir: watchingReaddir as never },
  });
  const closed = firstKept(options.ignore, unreadable);
  if (closed !== undefined) {
    throw new InputError(
      `the folder ${quotePath(resolve(options.cwd, closed.path))} cannot be read (${closed.code}); the files in it would be missing from the wheel.`,
      {
        input: options.input,
        fix: 'make it readable (a folder created by root in a container?), shorten its path (Linux allows 4096 bytes), or narrow the glob to leave it out.',
      },
    );
  }
  // The walk drops what is not a file or folder: refuse it by name instead (ignored ones aside).
  const dropped = matchedEntries(pattern, options.ignore, special);
  if (dropped.length > 0) throw specialFilesError(options.cwd, dropped, options.input);
  // A `*` does match a line break: what glob found is no hidden file (the stager refuses it).
  const returned = new Set(files);
  const bad = hiddenMatch(
    pattern,
    options.ignore,
    hidden.filter((entry) => !returned.has(entry.path)),
  );
  if (bad !== undefined) {
    throw new InputError(
      `${bad.folder ? 'the folder' : 'the file'} ${quotePath(bad.path)} in ${options.cwd} has a line break in its name; globs cannot match it, so it would be missing from the wheel.`,
      {
        input: options.input,
        fix: 'rename it in the build (a wheel path may hold no control characters), or remove it.',
      },
    );
  }
  return files;
}

/**
 * The first unreadable folder (relative to the glob's cwd) whose files are not all ignored: the
 * walk reads a folder an `X/**` ignore pattern names before it leaves out what is inside. Pure.
 */
export function firstKept<T extends { path: string }>(
  ignore: readonly string[],
  folders: readonly T[],
): T | undefined {
  const ignored = picomatch([...ignore], MATCH);
  // A file in it that no name pattern aims at: left out only by a pattern for the whole folder.
  return folders.find(({ path }) => !ignored(`${path}/_`));
}

/** The entries the pattern reaches and no ignore pattern leaves out. Pure. */
export function matchedEntries<T extends { path: string }>(
  pattern: string,
  ignore: readonly string[],
  entries: readonly T[],
): T[] {
  const matches = picomatch(pattern, MATCH);
  const ignored = picomatch([...ignore], MATCH);
  return entries.filter(({ path }) => matches(path) && !ignored(path));
}

/** The first hidden entry the pattern would reach if its line breaks were ordinary characters. Pure. */
export function hiddenMatch(
  pattern: string,
  ignore: readonly string[],
  hidden: readonly { path: string; folder: boolean }[],
): { path: string; folder: boolean } | undefined {
  const matches = picomatch(pattern, MATCH);
  // No patterns at all match nothing.
  const ignored = picomatch([...ignore], MATCH);
  return hidden.find(({ path, folder }) => {
    const visible = path.replace(/[\n\r\u2028\u2029]/g, '_');
    if (ignored(visible)) return false;
    // Below a folder with a line break, a `**` matches nothing (a `*` does: its files are found).
    return folder ? /(^|\/)\*\*(\/|$)/.test(pattern) : matches(visible);
  });
}
