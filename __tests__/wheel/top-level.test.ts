import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import {
  defaultImports,
  importNames,
  nameWheel,
  rootModuleName,
  topLevelOf,
} from '../../src/wheel/top-level.js';

describe('rootModuleName', () => {
  it.each([
    ['helper.py', 'helper'],
    ['helper.pyi', 'helper'],
    ['fastjson.cpython-36m-x86_64-linux-gnu.so', 'fastjson'],
    ['fastjson.cpython-311-x86_64-linux-gnu.so', 'fastjson'],
    ['_speedups.abi3.so', '_speedups'],
    ['cfast.so', 'cfast'],
    ['cfast.pypy39-pp73-x86_64-linux-gnu.so', 'cfast'],
    ['cfast.x86_64-linux-gnu.so', 'cfast'],
  ])('%s provides the module %s', (file, module) => {
    expect(rootModuleName(file)).toBe(module);
  });

  it.each([
    'libfoo.so', // a shared library beside the extension, not a module `libfoo`
    'libfoo.so.1',
    'libfoo.so.1.2.3',
    'README.md',
    'LICENSE',
    'my-mod.py', // not importable
    '2fast.so',
    'class.py', // a keyword
    'helper.pyc',
    'nested.two.dots.py',
    'site.pth',
  ])('%s provides no module', (file) => {
    expect(rootModuleName(file)).toBeUndefined();
  });

  it('takes a lib-prefixed file with an ABI tag for the module it is', () => {
    expect(rootModuleName('libtorrent.cpython-311-x86_64-linux-gnu.so')).toBe('libtorrent');
  });
});

describe('topLevelOf', () => {
  it('sorts a wheel into packages, modules, other folders and stray files', () => {
    expect(
      topLevelOf([
        'zeta/__init__.py',
        'zeta/core.so',
        'alpha/__init__.py',
        'helper.py',
        'helper.pyi',
        'cfast.cpython-311-x86_64-linux-gnu.so',
        'cfast.py', // the same module name twice: listed once
        'zeta.libs/libz-12345678.so.1',
        'zeta-1.0.dist-info/METADATA',
        'zeta-1.0.data/scripts/run',
        'my-data/file.txt',
        'libhelper.so.1',
        'NOTES.txt',
      ]),
    ).toEqual({
      packages: ['alpha', 'zeta'],
      modules: ['cfast', 'helper'],
      otherFolders: ['my-data'],
      strayFiles: ['NOTES.txt', 'libhelper.so.1'],
    });
  });

  it('lists a stub without its module as a stray-free nothing', () => {
    expect(topLevelOf(['only.pyi'])).toEqual({
      packages: [],
      modules: [],
      otherFolders: [],
      strayFiles: [],
    });
  });

  it('gives every top-level module and package as the default import list', () => {
    expect(importNames(topLevelOf(['pkg/__init__.py', 'b.py', 'a.so', 'pkg/x.py']))).toEqual([
      'a',
      'b',
      'pkg',
    ]);
  });
});

describe('nameWheel', () => {
  const top = (...paths: string[]) => topLevelOf(paths);

  it('derives the name from the one top-level module', () => {
    expect(nameWheel(top('fastjson.cpython-311-x86_64-linux-gnu.so'), undefined, 'stage')).toEqual({
      distribution: 'fastjson',
      packageName: 'fastjson',
    });
  });

  it('derives the name from the one package, and keeps the package for its .libs folder', () => {
    expect(nameWheel(top('pkg/__init__.py', 'pkg.libs/libx.so.1'), undefined, 'stage')).toEqual({
      distribution: 'pkg',
      packageName: 'pkg',
    });
    expect(nameWheel(top('pkg/__init__.py'), 'My.Dist', 'stage')).toEqual({
      distribution: 'My.Dist',
      packageName: 'pkg',
    });
  });

  it('takes `name` when there are several, with the escaped name as the .libs prefix', () => {
    expect(nameWheel(top('cfast.so', 'helper.py'), 'c-fast', 'stage')).toEqual({
      distribution: 'c-fast',
      packageName: 'c_fast',
    });
  });

  it('refuses several top-level names without `name`, naming them and the input', () => {
    let error: unknown;
    try {
      nameWheel(top('cfast.so', 'helper.py', 'pkg/__init__.py'), undefined, 'stage');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('name');
    expect((error as InputError).message).toBe(
      'the wheel has several top-level modules and packages (cfast, helper, pkg), so its distribution name cannot be derived.',
    );
    expect((error as InputError).fix).toMatch(/set `name`/);
  });

  it('refuses a wheel without any module or package, naming the stray files', () => {
    let error: unknown;
    try {
      nameWheel(top('libfoo.so.1', 'README'), 'x', 'stage');
    } catch (e) {
      error = e;
    }
    expect((error as InputError).input).toBe('stage');
    expect((error as InputError).message).toBe(
      'the staged files contain no Python module or package (at the wheel root: README, libfoo.so.1).',
    );
    expect(() => nameWheel(top(), undefined, 'package-dir')).toThrow(
      /^the staged files contain no Python module or package\.$/,
    );
  });
});

describe('defaultImports (a wheel pip built)', () => {
  it('takes modules and folders with an __init__.py', () => {
    expect(
      defaultImports([
        'pkg/__init__.py',
        'pkg/core.so',
        'tests/test_x.py',
        'helper.py',
        'cfast.cpython-311-x86_64-linux-gnu.so',
        'pkg-1.0.dist-info/RECORD',
      ]),
    ).toEqual(['cfast', 'helper', 'pkg']);
  });

  it('falls back to every name when no folder has an __init__.py and there is no module', () => {
    expect(defaultImports(['nspkg/sub/__init__.py', 'x-1.0.dist-info/RECORD'])).toEqual(['nspkg']);
  });
});
