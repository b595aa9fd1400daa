import { describe, expect, it } from 'vitest';
import { InputError, RunnerError, UserError } from '../../src/base/errors.js';
import { explainFsFailure, type FsPlaces } from '../../src/pipeline/fs-failure.js';

const places: FsPlaces = {
  outputDir: '/work/out',
  tempRoot: '/runner/tmp',
  tempFromRunner: true,
  stagingInput: 'package-dir',
};

function fsError(code: string, path: string, syscall = 'open'): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, path, syscall });
}

describe('explainFsFailure', () => {
  it('passes through what is not a placed file-system failure', () => {
    const user = new UserError('already explained');
    expect(explainFsFailure(user, places)).toBe(user);
    const plain = new Error('no code');
    expect(explainFsFailure(plain, places)).toBe(plain);
    const unknownCode = fsError('EIO', '/work/out/x.whl');
    expect(explainFsFailure(unknownCode, places)).toBe(unknownCode);
    expect(explainFsFailure('text', places)).toBe('text');
  });

  it('names output-dir for a failure inside it, with the code and syscall', () => {
    const error = explainFsFailure(fsError('EROFS', '/work/out/a.whl'), places) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('output-dir');
    expect(error.message).toBe(
      'cannot write the wheel to /work/out: the file system is read-only (EROFS in open) at /work/out/a.whl.',
    );
  });

  it('does not take a sibling folder with the same prefix for output-dir', () => {
    const error = explainFsFailure(fsError('EACCES', '/work/outside/a'), places);
    expect(error).not.toBeInstanceOf(InputError);
  });

  it('names RUNNER_TEMP when the runner set the temp folder, the system temp folder otherwise', () => {
    const runner = explainFsFailure(fsError('EACCES', '/runner/tmp/w/x'), places) as RunnerError;
    expect(runner).toBeInstanceOf(RunnerError);
    expect(runner.message).toContain('the temporary folder /runner/tmp cannot be used');
    const system = explainFsFailure(fsError('EACCES', '/runner/tmp/w/x'), {
      ...places,
      tempFromRunner: false,
    }) as UserError;
    expect(system).not.toBeInstanceOf(RunnerError);
    expect(system.fix).toBe('make the system temp folder (TMPDIR) writable.');
  });

  it('blames the whole path for ENAMETOOLONG on the staging input (each name on disk already fits)', () => {
    const path = `/src/${'d/'.repeat(2100)}f`;
    const error = explainFsFailure(fsError('ENAMETOOLONG', path), places) as InputError;
    expect(error.input).toBe('package-dir');
    expect(error.message).toBe(`a staged path is too long for the file system: ${path}.`);
    expect(error.fix).toBe(
      'use a shallower folder layout or shorter file and folder names in what you stage: Linux allows 4096 bytes for a whole path and 255 for each name.',
    );
  });

  it('names output-dir and its folder for a full disk there, and says nothing was left', () => {
    const error = explainFsFailure(
      fsError('ENOSPC', '/work/out/.algorithmia-wheel-1/.a.whl.1.partial', 'write'),
      places,
    ) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('output-dir');
    expect(error.message).toBe(
      'cannot write the wheel to /work/out: the disk is full (ENOSPC in write) while writing /work/out/.algorithmia-wheel-1/.a.whl.1.partial; nothing was left there.',
    );
    expect(error.fix).toMatch(/^free space on the disk that holds `output-dir`/);
    const quota = explainFsFailure(fsError('EDQUOT', '/work/out/a.whl'), places) as InputError;
    expect(quota.input).toBe('output-dir');
  });

  it('names RUNNER_TEMP for a full disk under it, with a fix about space', () => {
    const error = explainFsFailure(
      fsError('ENOSPC', '/runner/tmp/algorithmia-wheel-x/f', 'write'),
      places,
    ) as RunnerError;
    expect(error).toBeInstanceOf(RunnerError);
    expect(error.fix).toMatch(/^free space on the disk that holds RUNNER_TEMP/);
  });

  it('reports a full disk without blaming an input', () => {
    const error = explainFsFailure(fsError('ENOSPC', '/anywhere/f', 'write'), places) as UserError;
    expect(error).not.toBeInstanceOf(InputError);
    expect(error.message).toBe('cannot write /anywhere/f: the disk is full (ENOSPC in write).');
  });
});
