import { describe, expect, it } from 'vitest';
import { BuildError } from '../../src/base/errors.js';
import {
  abiMismatches,
  checkExtensionSuffixes,
  taggedExtensionSuffix,
} from '../../src/python/abi-check.js';

// What the interpreters on our machines report (probe: EXTENSION_SUFFIXES / imp.get_suffixes()).
const CP311 = ['.cpython-311-x86_64-linux-gnu.so', '.abi3.so', '.so'];
const CP36 = ['.cpython-36m-x86_64-linux-gnu.so', '.abi3.so', '.so'];
const CP27 = ['.so', 'module.so'];
const PYPY39 = ['.pypy39-pp73-x86_64-linux-gnu.so'];

describe('taggedExtensionSuffix', () => {
  it.each([
    ['fastjson.cpython-36m-x86_64-linux-gnu.so', '.cpython-36m-x86_64-linux-gnu.so'],
    ['pkg/_core.cpython-311-x86_64-linux-gnu.so', '.cpython-311-x86_64-linux-gnu.so'],
    ['pkg/sub/_core.abi3.so', '.abi3.so'],
    ['_core.pypy39-pp73-x86_64-linux-gnu.so', '.pypy39-pp73-x86_64-linux-gnu.so'],
    ['_core.pypy-41.so', '.pypy-41.so'],
    ['_core.x86_64-linux-gnu.so', '.x86_64-linux-gnu.so'],
    ['_core.cpython-313t-x86_64-linux-gnu.so', '.cpython-313t-x86_64-linux-gnu.so'],
  ])('%s has the ABI suffix %s', (path, suffix) => {
    expect(taggedExtensionSuffix(path)).toBe(suffix);
  });

  it.each([
    'pkg/_core.so', // plain .so: a module or a library, judged by the import check
    'pkg/lib/libvecmath.so.1',
    'pkg.libs/libfoo-1a2b3c4d.so.1',
    'pkg/plugins/filter.1.so',
    'pkg/lib/libfoo.plugin.so',
    'pkg/my-ext.cpython-311-x86_64-linux-gnu.so', // not an importable name: not a module
    'pkg/core.cpython-311-x86_64-linux-gnu.so.debug',
    'pkg/core.py',
  ])('%s carries no ABI suffix', (path) => {
    expect(taggedExtensionSuffix(path)).toBeUndefined();
  });
});

describe('abiMismatches', () => {
  const wheel = [
    'cfast.cpython-36m-x86_64-linux-gnu.so',
    'helper.py',
    'pkg/_core.abi3.so',
    'pkg/lib/libx.so',
    'pkg/_other.cpython-311-x86_64-linux-gnu.so',
  ];

  it('accepts what the interpreter lists and nothing else', () => {
    expect(abiMismatches(wheel, CP311)).toEqual([
      { path: 'cfast.cpython-36m-x86_64-linux-gnu.so', suffix: '.cpython-36m-x86_64-linux-gnu.so' },
    ]);
    expect(abiMismatches(wheel, CP36)).toEqual([
      {
        path: 'pkg/_other.cpython-311-x86_64-linux-gnu.so',
        suffix: '.cpython-311-x86_64-linux-gnu.so',
      },
    ]);
    // 2.7 imports untagged modules only; PyPy does not import abi3 modules.
    expect(abiMismatches(wheel, CP27).map((m) => m.suffix)).toEqual([
      '.cpython-36m-x86_64-linux-gnu.so',
      '.abi3.so',
      '.cpython-311-x86_64-linux-gnu.so',
    ]);
    expect(abiMismatches(['pkg/_core.abi3.so'], PYPY39)).toHaveLength(1);
    expect(abiMismatches(['_c.pypy39-pp73-x86_64-linux-gnu.so', '_d.so'], PYPY39)).toEqual([]);
  });
});

describe('checkExtensionSuffixes', () => {
  const run = (paths: string[], accepted: string[] | null | undefined) => () =>
    checkExtensionSuffixes({
      paths,
      accepted,
      python: '/usr/bin/python3',
      interpreter: 'CPython 3.11.7',
      sourceOf: (path) => `/src/build/${path}`,
    });

  it('passes matching modules and judges nothing when the suffixes are unknown', () => {
    expect(run(['a.cpython-311-x86_64-linux-gnu.so', 'b.abi3.so'], CP311)).not.toThrow();
    expect(run(['a.cpython-36m-x86_64-linux-gnu.so'], null)).not.toThrow();
    expect(run(['a.cpython-36m-x86_64-linux-gnu.so'], undefined)).not.toThrow();
  });

  it('names the file, its suffix, the accepted suffixes, the input and the source', () => {
    let error: unknown;
    try {
      run(
        ['cfast.cpython-36m-x86_64-linux-gnu.so', 'pkg/_x.cpython-37m-x86_64-linux-gnu.so'],
        CP311,
      )();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BuildError);
    const e = error as BuildError;
    expect(e.message).toBe(
      'the extension module cfast.cpython-36m-x86_64-linux-gnu.so has the suffix ' +
        '.cpython-36m-x86_64-linux-gnu.so, which CPython 3.11.7 (/usr/bin/python3) does not ' +
        'import (and 1 more); it imports .cpython-311-x86_64-linux-gnu.so, .abi3.so, .so.',
    );
    expect(e.input).toBe('python');
    expect(e.file).toBe('/src/build/cfast.cpython-36m-x86_64-linux-gnu.so');
    expect(e.details).toBe(
      'cfast.cpython-36m-x86_64-linux-gnu.so: .cpython-36m-x86_64-linux-gnu.so\n' +
        'pkg/_x.cpython-37m-x86_64-linux-gnu.so: .cpython-37m-x86_64-linux-gnu.so',
    );
    expect(e.fix).toMatch(/build the extension with the interpreter you package for/);
  });

  it('says so when the interpreter imports no extension modules at all', () => {
    expect(run(['a.abi3.so'], [])).toThrow(/it imports no extension modules\.$/);
  });
});
