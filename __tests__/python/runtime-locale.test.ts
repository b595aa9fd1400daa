import { describe, expect, it } from 'vitest';
import {
  isLocaleVariable,
  localeInstallError,
  nonAsciiPaths,
  withoutLocale,
} from '../../src/python/runtime-locale.js';

describe("the runtime's locale", () => {
  it('names the variables that decide a locale or python text encoding, and only those', () => {
    for (const name of ['LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'PYTHONUTF8', 'PYTHONIOENCODING'])
      expect(isLocaleVariable(name), name).toBe(true);
    for (const name of ['PATH', 'CLANG', 'LANG_X', 'LC', 'GITHUB_SHA', 'PYTHONPATH'])
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
});
