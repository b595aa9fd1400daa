/**
 * Turns a file-system failure of Node (an error with `code` and `path`) into a UserError that
 * names the input (or the runner's variable) the path came from, and what to do. Pure.
 */
import { sep } from 'node:path';
import { InputError, RunnerError, UserError } from '../base/errors.js';

export interface FsPlaces {
  outputDir: string;
  /** RUNNER_TEMP, or the system's temp folder when it is not set. */
  tempRoot: string;
  /** Whether RUNNER_TEMP set tempRoot (else it is the system's temp folder). */
  tempFromRunner: boolean;
  /** The input that staged the files: package-dir, stage, or project-dir. */
  stagingInput: string;
}

interface FsErrorFields {
  code?: unknown;
  path?: unknown;
  dest?: unknown;
  syscall?: unknown;
}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists and is not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

function inside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The UserError for `error`, or `error` itself when it is not a file-system failure we place. */
export function explainFsFailure(error: unknown, places: FsPlaces): unknown {
  if (error instanceof UserError || typeof error !== 'object' || error === null) return error;
  const fields = error as FsErrorFields;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const path = [fields.dest, fields.path].find((p): p is string => typeof p === 'string');
  if (!code || !path || !Object.hasOwn(WHY, code)) return error;
  const why = `${WHY[code]} (${code}${typeof fields.syscall === 'string' ? ` in ${fields.syscall}` : ''})`;
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  if (full && inside(path, places.outputDir)) {
    return new InputError(
      `cannot write the wheel to ${places.outputDir}: ${why} while writing ${path}; nothing was left there.`,
      {
        input: 'output-dir',
        fix: 'free space on the disk that holds `output-dir`, or point `output-dir` at a folder on a disk with room for the wheel and its receipt.',
      },
    );
  }
  if (full && !inside(path, places.tempRoot)) {
    return new UserError(`cannot write ${path}: ${why}.`, {
      fix: 'free space on the runner (or use a larger runner), then run the job again.',
    });
  }
  if (inside(path, places.outputDir)) {
    return new InputError(`cannot write the wheel to ${places.outputDir}: ${why} at ${path}.`, {
      input: 'output-dir',
      fix: 'point `output-dir` at a writable folder (it is created when missing), not a file or a read-only place.',
    });
  }
  if (inside(path, places.tempRoot)) {
    const message = `the temporary folder ${places.tempRoot} cannot be used: ${why} at ${path}.`;
    const fix = full
      ? 'free space on the disk that holds RUNNER_TEMP (or use a larger runner), then run the job again.'
      : 'leave RUNNER_TEMP as the runner sets it, or point it at a writable folder.';
    return places.tempFromRunner
      ? new RunnerError('RUNNER_TEMP', message, { fix })
      : new UserError(message, { fix: 'make the system temp folder (TMPDIR) writable.' });
  }
  if (code === 'ENAMETOOLONG') {
    return new InputError(`a staged path is too long for the file system: ${path}.`, {
      input: places.stagingInput,
      fix: 'use a shallower folder layout or shorter file and folder names in what you stage: Linux allows 4096 bytes for a whole path and 255 for each name.',
      file: path,
    });
  }
  return error;
}

/**
 * For `.catch`: a failed write (ENOSPC from writeFile) carries no path; give it `path`, the file
 * being written, so that explainFsFailure can name its folder. Rethrows.
 */
export function failedAt(path: string): (error: unknown) => never {
  return (error: unknown) => {
    if (error instanceof Error && 'code' in error && !('path' in error)) {
      Object.assign(error, { path });
    }
    throw error;
  };
}
