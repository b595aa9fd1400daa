/**
 * Which needed libraries `bundle-libs` leaves out of the wheel, and why: the base system (the
 * manylinux allow-list), the target policy's library list, the Python runtime itself
 * (libpython*, libpypy*: the interpreter that imports the extension has already loaded it, and
 * a second copy would be a second, uninitialised interpreter), and the user's `exclude-libs`
 * globs (libraries the runtime provides: CUDA drivers, libGL). Pure.
 */
import { InputError } from '../base/errors.js';
import { isSystemLibrary } from './system-libs.js';

export type ExclusionReason = 'system' | 'policy' | 'python' | 'excluded';

export interface LibraryFilter {
  /** The target policy's library list (empty without a manylinux target). */
  policyLibraries: readonly string[];
  /** Parsed `exclude-libs` globs. */
  exclude: readonly LibraryGlob[];
}

export interface LibraryGlob {
  pattern: string;
  regex: RegExp;
}

const PYTHON_RUNTIME = /^lib(?:python\d|pypy)/;

/** libpython*, libpypy*: loaded by the interpreter before it imports any extension. */
export function isPythonRuntimeLibrary(name: string): boolean {
  return PYTHON_RUNTIME.test(name.slice(name.lastIndexOf('/') + 1));
}
const GLOB_CHARS = /^[\w.+*?[\]-]+$/;

/** Parses `exclude-libs` lines: shell globs on library file names (libcuda.so.*, libGL*). */
export function parseLibraryGlobs(lines: readonly string[]): LibraryGlob[] {
  return lines.map((pattern) => {
    if (pattern.includes('/') || !GLOB_CHARS.test(pattern) || /\[[^\]]*$/.test(pattern)) {
      throw new InputError(`exclude-libs "${pattern}" is not a library file name glob.`, {
        input: 'exclude-libs',
        fix: 'give one library name pattern per line, without a folder, e.g. libcuda.so.* or libGL*.so.1 (the characters * ? [ ] are wildcards).',
      });
    }
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '*') source += '.*';
      else if (c === '?') source += '.';
      else if (c === '[') {
        // GLOB_CHARS admits no `!` and no backslash: the class is copied as it is.
        const end = pattern.indexOf(']', i + 1);
        source += `[${pattern.slice(i + 1, end)}]`;
        i = end;
      } else source += c.replace(/[.+\-\]]/g, '\\$&');
    }
    return { pattern, regex: new RegExp(`^${source}$`) };
  });
}

/** Why `name` (a NEEDED entry) stays out of the wheel, or undefined when it is bundled. */
export function exclusionReason(name: string, filter: LibraryFilter): ExclusionReason | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (filter.exclude.some((g) => g.regex.test(base))) return 'excluded';
  if (isPythonRuntimeLibrary(base)) return 'python';
  if (isSystemLibrary(base)) return 'system';
  if (filter.policyLibraries.includes(base)) return 'policy';
  return undefined;
}

export const NO_FILTER: LibraryFilter = { policyLibraries: [], exclude: [] };
