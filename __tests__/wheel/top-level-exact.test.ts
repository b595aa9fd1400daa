// What a wheel's root holds, at the edges: folders that only look special, other folders sorted,
// the lists an error shows cut after six names, and the whole fix.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { nameWheel, topLevelOf } from '../../src/wheel/top-level.js';

function refusal(fn: () => void): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('topLevelOf, exactly', () => {
  it("only a folder that ends in .libs, .data or .dist-info is the wheel format's", () => {
    expect(topLevelOf(['my.database/x', 'b-2/y', 'a-1.libsx/z', 'pkg.libs/libx.so'])).toEqual({
      packages: [],
      modules: [],
      otherFolders: ['a-1.libsx', 'b-2', 'my.database'],
      strayFiles: [],
    });
  });
});

describe('nameWheel lists at most six names', () => {
  const strays = (n: number) => Array.from({ length: n }, (_, i) => `lib${i}.so.1`);

  it('six stray files are all named, a seventh is left to "..."; the fix says what to stage', () => {
    const six = refusal(() => nameWheel(topLevelOf(strays(6)), undefined, 'stage'));
    expect(six.message).toBe(
      'the staged files contain no Python module or package (at the wheel root: lib0.so.1, lib1.so.1, lib2.so.1, lib3.so.1, lib4.so.1, lib5.so.1).',
    );
    const seven = refusal(() => nameWheel(topLevelOf(strays(7)), undefined, 'package-dir'));
    expect(seven.describe()).toBe(
      "Input 'package-dir': the staged files contain no Python module or package (at the wheel root: lib0.so.1, lib1.so.1, lib2.so.1, lib3.so.1, lib4.so.1, lib5.so.1, ...). Fix: stage a package folder (`python/mypkg/** => mypkg`) or top-level modules (`build/mymod*.so => .`, `mymod.py => .`).",
    );
  });

  it('seven top-level names without `name`: six of them and the fix', () => {
    const modules = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((m) => `${m}.py`);
    expect(refusal(() => nameWheel(topLevelOf(modules), undefined, 'stage')).describe()).toBe(
      "Input 'name': the wheel has several top-level modules and packages (a, b, c, d, e, f, ...), so its distribution name cannot be derived. Fix: set `name` to the distribution name (what `pip install` and the dependencies file use).",
    );
  });
});
