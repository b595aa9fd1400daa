import { describe, expect, test } from 'vitest';
import { planBundle, uniqueLibraryName, type BundleFile } from '../../src/native/bundle-plan.js';
import { parseTargetGlibc } from '../../src/native/glibc-target.js';
import { exclusionReason, NO_FILTER, parseLibraryGlobs } from '../../src/native/library-filter.js';
import { InputError } from '../../src/base/errors.js';

const found = (name: string, path: string) => ({ name, path, notFound: false });
const missing = (name: string) => ({ name, notFound: true });

function file(path: string, needed: string[], deps: BundleFile['deps']): BundleFile {
  return { path, info: { needed, rpath: [], runpath: [], dynamic: true, type: 'shared' }, deps };
}

describe('exclude-libs globs', () => {
  test('match library file names like the shell', () => {
    const globs = parseLibraryGlobs(['libcuda.so.*', 'libGL*.so.1', 'libnv[a-z]ml.so.?']);
    const filter = { policyLibraries: [], exclude: globs };
    expect(exclusionReason('libcuda.so.1', filter)).toBe('excluded');
    expect(exclusionReason('/usr/lib/x86_64-linux-gnu/libcuda.so.1', filter)).toBe('excluded');
    expect(exclusionReason('libcudart.so.12', filter)).toBeUndefined();
    expect(exclusionReason('libGLX.so.1', filter)).toBe('excluded');
    expect(exclusionReason('libnvxml.so.1', filter)).toBe('excluded');
    expect(exclusionReason('libnvidia-ml.so.1', filter)).toBeUndefined();
    // A dot is a dot, not any character.
    expect(exclusionReason('libcudaXso.1', filter)).toBeUndefined();
  });

  test.each(['lib/libcuda.so.1', 'libfoo.so.1 libbar.so', 'libx[.so', 'lib$(id).so'])(
    'refuses %s naming the input',
    (pattern) => {
      let caught: unknown;
      try {
        parseLibraryGlobs([pattern]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).input).toBe('exclude-libs');
      expect((caught as InputError).message).toContain(pattern);
      expect((caught as InputError).fix).toMatch(/libcuda\.so\.\*/);
    },
  );
});

describe('what bundle-libs leaves out', () => {
  test('libpython and libpypy are never bundled; the base system is not either', () => {
    for (const name of [
      'libpython2.7.so.1.0',
      'libpython3.11.so.1.0',
      'libpython3.8d.so',
      'libpypy3.9-c.so',
    ])
      expect(exclusionReason(name, NO_FILTER)).toBe('python');
    expect(exclusionReason('libstdc++.so.6', NO_FILTER)).toBe('system');
    expect(exclusionReason('libz.so.1', NO_FILTER)).toBeUndefined();
    expect(exclusionReason('libpythonic.so', NO_FILTER)).toBeUndefined();
  });

  test("a manylinux target's library list stays out (libz.so.1, libexpat.so.1 for manylinux2014)", () => {
    const filter = { policyLibraries: parseTargetGlibc('manylinux2014')!.libraries, exclude: [] };
    expect(exclusionReason('libz.so.1', filter)).toBe('policy');
    expect(exclusionReason('libexpat.so.1', filter)).toBe('policy');
    expect(exclusionReason('libmvec.so.1', filter)).toBeUndefined(); // from manylinux_2_24 on
  });

  test('the plan copies libfoo, leaves out libpython and an excluded driver the build machine lacks', () => {
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'pkg',
      files: [
        file(
          '/r/pkg/_ext.so',
          ['libpython2.7.so.1.0', 'libfoo.so.1', 'libcuda.so.1', 'libc.so.6'],
          [
            found('libpython2.7.so.1.0', '/root/.pyenv/versions/2.7.18/lib/libpython2.7.so.1.0'),
            found('libfoo.so.1', '/build/libfoo.so.1'),
            missing('libcuda.so.1'),
            found('libc.so.6', '/lib/x86_64-linux-gnu/libc.so.6'),
          ],
        ),
      ],
      filter: { policyLibraries: [], exclude: parseLibraryGlobs(['libcuda.so.*']) },
    });
    expect(plan.copies.map((c) => c.name)).toEqual(['libfoo.so.1']);
    expect(plan.missing).toEqual([]);
    expect(plan.excluded).toEqual([
      { name: 'libpython2.7.so.1.0', reason: 'python', neededBy: ['/r/pkg/_ext.so'] },
      { name: 'libcuda.so.1', reason: 'excluded', neededBy: ['/r/pkg/_ext.so'] },
    ]);
  });
});

describe('unique names', () => {
  test('the hash goes before the first .so', () => {
    const sha = 'abcdef0123456789'.repeat(4);
    expect(uniqueLibraryName('libfoo.so.1', sha)).toBe('libfoo-abcdef01.so.1');
    expect(uniqueLibraryName('libfoo.so', sha)).toBe('libfoo-abcdef01.so');
    expect(uniqueLibraryName('libboost_python-py27.so.1.67.0', sha)).toBe(
      'libboost_python-py27-abcdef01.so.1.67.0',
    );
    expect(uniqueLibraryName('plugin', sha)).toBe('plugin-abcdef01');
  });
});
