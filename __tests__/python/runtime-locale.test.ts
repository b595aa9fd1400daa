import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  isLocaleVariable,
  RUNTIME_C_LOCALE,
  localeInstallError,
  nonAsciiPaths,
  withoutLocale,
} from '../../src/python/runtime-locale.js';
import { pyenvPython } from '../helpers/python.js';

describe("the runtime's locale", () => {
  it('names the variables that decide a locale or python text encoding, and only those', () => {
    for (const name of [
      'LANG',
      'LANGUAGE',
      'LC_ALL',
      'LC_CTYPE',
      'LC_MESSAGES',
      'PYTHONUTF8',
      'PYTHONIOENCODING',
      'PYTHONCOERCECLOCALE',
    ])
      expect(isLocaleVariable(name), name).toBe(true);
    for (const name of ['PATH', 'CLANG', 'LANG_X', 'XLANG', 'LC', 'LC_', 'lc_all', 'PYTHONPATH'])
      expect(isLocaleVariable(name), name).toBe(false);
  });

  it('drops them from an environment and says which', () => {
    expect(withoutLocale({ CI: 'true', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', CC: 'gcc' })).toEqual({
      env: { CI: 'true', CC: 'gcc' },
      dropped: ['LANG', 'LC_ALL'],
    });
  });

  it('finds the non-ASCII names of a wheel', () => {
    expect(
      nonAsciiPaths(['pkg/__init__.py', 'pkg/data/café.txt', 'pkg/データ.bin', 'pkg/a~b.txt']),
    ).toEqual(['pkg/data/café.txt', 'pkg/データ.bin']);
  });

  it("turns pip's UnicodeEncodeError into one error naming the file and the fix; other failures are not its business", () => {
    const error = localeInstallError(
      "Traceback...\n    fp = open(fn, 'wb')\nUnicodeEncodeError: 'ascii' codec can't encode character '\\xe9'\n",
      ['pkg/data/café.txt'],
      '/py/3.6/bin/python',
      'this machine',
    )!;
    expect(error.describe()).toBe(
      "Input 'python': pip (/py/3.6/bin/python) on this machine cannot install pkg/data/café.txt without a UTF-8 locale, and the runtime sets none (LANG unset): pip fails with UnicodeEncodeError. Fix: give that file an ASCII name, or build for python 3.7 or newer, whose UTF-8 mode installs such names in the C locale.",
    );
    expect(error.file).toBe('pkg/data/café.txt');
    expect(error.details).toContain('UnicodeEncodeError');
    expect(localeInstallError('not a supported wheel', ['a/é'], 'p', 'here')).toBeUndefined();
  });

  it('names every file in the fix when there are several, and keeps the last three error lines', () => {
    const output = [
      'Processing ./pkg-1.0-py2-none-any.whl',
      'ERROR: first Error',
      'no problem here',
      'UnicodeDecodeError: second',
      'KeyError: third',
      "UnicodeEncodeError: 'ascii' codec can't encode",
      '  (pip exited)',
      '',
    ].join('\n');
    const error = localeInstallError(output, ['a/é', 'b/ü'], '/py/2.7/bin/python', 'image x')!;
    expect(error.message).toBe(
      'pip (/py/2.7/bin/python) on image x cannot install a/é without a UTF-8 locale, and the runtime sets none (LANG unset): pip fails with UnicodeEncodeError.',
    );
    expect(error.fix).toBe(
      'give the 2 files (a/é, b/ü) an ASCII name, or build for python 3.7 or newer, whose UTF-8 mode installs such names in the C locale.',
    );
    expect(error.details).toBe(
      "UnicodeDecodeError: second\nKeyError: third\nUnicodeEncodeError: 'ascii' codec can't encode",
    );
    // A decode error alone is the same failure; without names the message says "a file".
    const decode = localeInstallError('  UnicodeDecodeError: x\n', [], 'p', 'here')!;
    expect(decode.details).toBe('UnicodeDecodeError: x');
    expect(decode.message).toMatch(/^pip \(p\) on here cannot install a file without/);
    expect(decode.file).toBe('a file');
  });

  it("the runtime's C locale makes python 2.7 read and write ASCII, whatever the runner set", () => {
    expect(RUNTIME_C_LOCALE).toEqual({ LC_ALL: 'C', LANG: 'C' });
    const python27 = pyenvPython('2.7.18');
    const encoding = (env: Record<string, string>) =>
      spawnSync(python27, ['-c', 'import locale; print(locale.getpreferredencoding())'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH!, ...env },
      }).stdout.trim();
    const runner = { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
    expect(encoding(runner)).toBe('UTF-8');
    expect(encoding({ ...runner, ...RUNTIME_C_LOCALE })).toBe('ANSI_X3.4-1968');
  });
});
