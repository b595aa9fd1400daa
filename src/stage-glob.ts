import { readdir, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { InputError } from './errors.js';
import { quotePath } from './wheel/path-chars.js';

/**
 * Line breaks a glob can never match: picomatch's `*` and `**` compile to `.`, which stops at
 * \n, \r, U+2028 and U+2029, so tinyglobby silently leaves such files out. (Other control
 * characters are matched and then refused by checkPathCharacters.)
 */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

export interface GlobOptions {
  cwd: string;
  ignore: readonly string[];
  expandDirectories?: boolean;
  /** The input named by the error (`package-dir` or `stage`). */
  input: string;
}

/**
 * tinyglobby's files for `pattern` (dot files included, folders not), refusing with an InputError
 * a file the glob would match but for a line break in its name, and a folder with a line break in
 * its name where a `**` looks: left out silently, they would be missing from the wheel.
 */
export async function globFiles(pattern: string, options: GlobOptions): Promise<string[]> {
  const hidden: { path: string; folder: boolean }[] = [];
  const watchingReaddir = (
    path: string,
    opts: { withFileTypes: true },
    callback: (error: NodeJS.ErrnoException | null, entries: Dirent[]) => void,
  ): void => {
    readdir(path, opts, (error, entries) => {
      for (const entry of entries ?? []) {
        if (LINE_BREAK.test(entry.name)) {
          const rel = relative(options.cwd, join(path, entry.name)).split(sep).join('/');
          hidden.push({ path: rel, folder: entry.isDirectory() });
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

/** The first hidden entry the pattern would reach if its line breaks were ordinary characters. Pure. */
export function hiddenMatch(
  pattern: string,
  ignore: readonly string[],
  hidden: readonly { path: string; folder: boolean }[],
): { path: string; folder: boolean } | undefined {
  const options = { dot: true, posix: true };
  const matches = picomatch(pattern, options);
  const ignored = ignore.length ? picomatch([...ignore], options) : () => false;
  return hidden.find(({ path, folder }) => {
    const visible = path.replace(/[\n\r\u2028\u2029]/g, '_');
    if (ignored(visible)) return false;
    // Below a folder with a line break, a `**` matches nothing (a `*` does: its files are found).
    return folder ? /(^|\/)\*\*(\/|$)/.test(pattern) : matches(visible);
  });
}
