// The ABI check as the pack step calls it (checkStagedAbi, checkAbiForProbe): the probed
// interpreter named as the message names it, the staged source of the module, the whole fix.
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../src/base/errors.js';
import { checkAbiForProbe, checkStagedAbi } from '../../src/python/abi-check.js';
import type { PackageFile } from '../../src/wheel/package-file.js';
import type { PythonProbe } from '../../src/wheel/tags.js';

const probe = {
  executable: '/opt/conda/bin/python',
  version: [3, 6, 15],
  implementation: 'CPython',
  extensionSuffixes: ['.cpython-36m-x86_64-linux-gnu.so', '.abi3.so', '.so'],
} as PythonProbe;

const file = (archivePath: string, sourcePath: string): PackageFile => ({
  archivePath,
  sourcePath,
  size: 1,
  executable: false,
});

function thrown(fn: () => void): BuildError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error('no BuildError');
}

describe('checkStagedAbi', () => {
  it('names the one mismatching module, its staged source, the probed interpreter and the fix', () => {
    const error = thrown(() =>
      checkStagedAbi(probe, [
        file('pkg/__init__.py', '/ws/python/pkg/__init__.py'),
        file(
          'pkg/_ok.cpython-36m-x86_64-linux-gnu.so',
          '/ws/build/_ok.cpython-36m-x86_64-linux-gnu.so',
        ),
        file(
          'pkg/_core.cpython-311-x86_64-linux-gnu.so',
          '/ws/build/_core.cpython-311-x86_64-linux-gnu.so',
        ),
      ]),
    );
    expect(error.describe()).toBe(
      "Input 'python': the extension module pkg/_core.cpython-311-x86_64-linux-gnu.so has the suffix .cpython-311-x86_64-linux-gnu.so, which CPython 3.6.15 (/opt/conda/bin/python) does not import; it imports .cpython-36m-x86_64-linux-gnu.so, .abi3.so, .so. Fix: build the extension with the interpreter you package for (pass the same python to the build, e.g. `./build.sh python3` with `python: python3`), or set `python` to the interpreter it was built for.",
    );
    expect(error.file).toBe('/ws/build/_core.cpython-311-x86_64-linux-gnu.so');
    expect(error.details).toBe(
      'pkg/_core.cpython-311-x86_64-linux-gnu.so: .cpython-311-x86_64-linux-gnu.so',
    );
  });

  it('passes what the interpreter imports', () => {
    expect(() =>
      checkStagedAbi(probe, [file('pkg/_ok.abi3.so', '/ws/build/_ok.abi3.so')]),
    ).not.toThrow();
  });
});

describe('checkAbiForProbe', () => {
  it('without sources the error names no file; a probe that could not tell judges nothing', () => {
    const error = thrown(() => checkAbiForProbe(probe, ['_c.cpython-27mu-x86_64-linux-gnu.so']));
    expect(error.file).toBeUndefined();
    expect(error.message).toMatch(/^the extension module _c\.cpython-27mu/);
    expect(() =>
      checkAbiForProbe({ ...probe, extensionSuffixes: null }, [
        '_c.cpython-27mu-x86_64-linux-gnu.so',
      ]),
    ).not.toThrow();
  });
});
