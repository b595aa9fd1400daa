// explainFsFailure word for word: each code's reason, each place's input or variable and fix,
// and what is passed through untouched.
import { describe, expect, it } from 'vitest';
import { InputError, RunnerError, UserError } from '../../src/base/errors.js';
import { explainFsFailure, failedAt, type FsPlaces } from '../../src/pipeline/fs-failure.js';

const places: FsPlaces = {
  outputDir: '/work/out',
  tempRoot: '/runner/tmp/',
  tempFromRunner: true,
  stagingInput: 'stage',
};

const fsError = (fields: Record<string, unknown>) => Object.assign(new Error('fs'), fields);

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists and is not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

describe('explainFsFailure, exactly', () => {
  it.each(Object.entries(WHY))('%s in output-dir says %s', (code, why) => {
    const error = explainFsFailure(
      fsError({ code, path: '/work/out/a.whl', syscall: 'open' }),
      places,
    ) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `cannot write the wheel to /work/out: ${why} (${code} in open) at /work/out/a.whl.`,
    );
    expect(error.input).toBe('output-dir');
    expect(error.fix).toBe(
      'point `output-dir` at a writable folder (it is created when missing), not a file or a read-only place.',
    );
  });

  it('leaves out the syscall when there is none, and prefers dest over path', () => {
    const error = explainFsFailure(
      fsError({ code: 'EACCES', path: '/elsewhere/src', dest: '/work/out' }),
      places,
    ) as InputError;
    expect(error.message).toBe(
      'cannot write the wheel to /work/out: permission denied (EACCES) at /work/out.',
    );
    const numeric = explainFsFailure(
      fsError({ code: 'EACCES', path: '/work/out/x', syscall: 5 }),
      places,
    ) as InputError;
    expect(numeric.message).toBe(
      'cannot write the wheel to /work/out: permission denied (EACCES) at /work/out/x.',
    );
  });

  it('says the disk is full or over quota: in output-dir naming it, elsewhere as a plain UserError', () => {
    for (const [code, why] of [
      ['ENOSPC', 'the disk is full'],
      ['EDQUOT', 'the disk quota is exhausted'],
    ]) {
      const error = explainFsFailure(
        fsError({ code, path: '/work/ws/build/a.o', syscall: 'write' }),
        places,
      ) as UserError;
      expect(error.constructor).toBe(UserError);
      expect(error.message).toBe(`cannot write /work/ws/build/a.o: ${why} (${code} in write).`);
      expect(error.input).toBeUndefined();
      expect(error.fix).toBe(
        'free space on the runner (or use a larger runner), then run the job again.',
      );
      const inOutput = explainFsFailure(
        fsError({ code, path: '/work/out/a.whl', syscall: 'write' }),
        places,
      ) as InputError;
      expect(inOutput).toBeInstanceOf(InputError);
      expect(inOutput.message).toBe(
        `cannot write the wheel to /work/out: ${why} (${code} in write) while writing /work/out/a.whl; nothing was left there.`,
      );
      expect(inOutput.input).toBe('output-dir');
    }
  });

  it('names RUNNER_TEMP for the runner temp folder, TMPDIR for the system one', () => {
    const runner = explainFsFailure(
      fsError({ code: 'EROFS', path: '/runner/tmp/w/x', syscall: 'mkdir' }),
      places,
    ) as RunnerError;
    expect(runner).toBeInstanceOf(RunnerError);
    expect(runner.variable).toBe('RUNNER_TEMP');
    expect(runner.message).toBe(
      'the temporary folder /runner/tmp/ cannot be used: the file system is read-only (EROFS in mkdir) at /runner/tmp/w/x.',
    );
    expect(runner.fix).toBe(
      'leave RUNNER_TEMP as the runner sets it, or point it at a writable folder.',
    );
    const system = explainFsFailure(fsError({ code: 'EACCES', path: '/runner/tmp/' }), {
      ...places,
      tempFromRunner: false,
    }) as UserError;
    expect(system.constructor).toBe(UserError);
    expect(system.message).toBe(
      'the temporary folder /runner/tmp/ cannot be used: permission denied (EACCES) at /runner/tmp/.',
    );
    expect(system.fix).toBe('make the system temp folder (TMPDIR) writable.');
  });

  it('places a path by whole folder names: /work/out2 is not in /work/out', () => {
    const error = fsError({ code: 'EACCES', path: '/work/out2/a' });
    expect(explainFsFailure(error, places)).toBe(error);
    const tmp = fsError({ code: 'EACCES', path: '/runner/tmpx/a' });
    expect(explainFsFailure(tmp, places)).toBe(tmp);
    const exact = explainFsFailure(fsError({ code: 'EACCES', path: '/work/out' }), places);
    expect(exact).toBeInstanceOf(InputError);
  });

  it('names the staging input for a path too long anywhere else', () => {
    const error = explainFsFailure(
      fsError({ code: 'ENAMETOOLONG', path: '/src/very/long', syscall: 'copyfile' }),
      places,
    ) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('a staged path is too long for the file system: /src/very/long.');
    expect(error.input).toBe('stage');
    expect(error.file).toBe('/src/very/long');
    expect(error.fix).toBe(
      'use a shallower folder layout or shorter file and folder names in what you stage: Linux allows 4096 bytes for a whole path and 255 for each name.',
    );
    const other = fsError({ code: 'EACCES', path: '/src/x' });
    expect(explainFsFailure(other, places)).toBe(other);
  });

  it('passes through errors without a string code or path, unknown codes, and non-objects', () => {
    const user = new InputError('x', { input: 'output-dir' });
    const cases: unknown[] = [
      user,
      null,
      undefined,
      'EACCES',
      42,
      fsError({ code: 13, path: '/work/out/a' }),
      fsError({ code: ['EACCES'], path: '/work/out/a' }),
      fsError({ code: 'EACCES' }),
      fsError({ code: 'EACCES', path: 7 }),
      fsError({ path: '/work/out/a' }),
      fsError({ code: '', path: '/work/out/a' }),
      fsError({ code: 'EACCES', path: '' }),
      fsError({ code: 'toString', path: '/work/out/a' }),
      fsError({ code: 'EIO', path: '/work/out/a' }),
    ];
    for (const error of cases) expect(explainFsFailure(error, places)).toBe(error);
    // A UserError that happens to carry fs fields stays as it is.
    const placed = Object.assign(new UserError('mine'), { code: 'EACCES', path: '/work/out/a' });
    expect(explainFsFailure(placed, places)).toBe(placed);
    // A plain object with fs fields is explained like an Error.
    expect(explainFsFailure({ code: 'EACCES', path: '/work/out/a' }, places)).toBeInstanceOf(
      InputError,
    );
  });
});

describe('failedAt: a failed write learns the path it was writing', () => {
  const rethrown = (error: unknown): unknown => {
    try {
      failedAt('/work/out/x.whl')(error);
    } catch (thrown) {
      return thrown;
    }
    throw new Error('failedAt returned');
  };

  it('gives a coded error without a path that path, and rethrows the same object', () => {
    const error = fsError({ code: 'ENOSPC' });
    expect(rethrown(error)).toBe(error);
    expect(error).toMatchObject({ code: 'ENOSPC', path: '/work/out/x.whl' });
  });

  it('leaves an error that names its own path, one without a code, and a non-error alone', () => {
    const own = fsError({ code: 'EACCES', path: '/elsewhere' });
    expect(rethrown(own)).toBe(own);
    expect((own as { path?: string }).path).toBe('/elsewhere');
    const plain = new Error('no code');
    expect(rethrown(plain)).toBe(plain);
    expect('path' in plain).toBe(false);
    const coded = { code: 'ENOSPC' };
    expect(rethrown(coded)).toBe(coded);
    expect('path' in coded).toBe(false);
  });
});
