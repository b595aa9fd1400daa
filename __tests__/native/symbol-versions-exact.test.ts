/**
 * Symbol versions against targets and policies word for word, on ElfInfo-shaped values built in
 * memory: the violations, the error the user reads, the strictest policy, the log and summary.
 */
import { describe, expect, test } from 'vitest';
import { parseTargetGlibc, targetFromDefinitions } from '../../src/native/glibc-target.js';
import {
  assertWithinTarget,
  describeLibraryMaxima,
  findViolations,
  maximaMarkdown,
  maximaPerLibrary,
  overallHighest,
  strictestPolicy,
  TARGET_FIX,
  type LibraryMaximum,
  type VersionedFile,
} from '../../src/native/symbol-versions.js';
import type { VersionNeed } from '../../src/elf/reader.js';
import { MANYLINUX_POLICIES } from '../../src/native/manylinux-policy.js';
import { LibraryError } from '../../src/base/errors.js';

const need = (library: string, version: string, symbols: string[] = []): VersionNeed => ({
  library,
  version,
  symbols,
});
const file = (path: string, versionNeeds: VersionNeed[], more: Partial<VersionedFile> = {}) => ({
  path,
  needed: [...new Set(versionNeeds.map((n) => n.library))],
  versionNeeds,
  ...more,
});

function thrown(run: () => void): LibraryError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(LibraryError);
  return caught as LibraryError;
}

describe('maxima per file and library', () => {
  test('the highest numbered version of each family, in the order first seen', () => {
    const files = [
      file('pkg/_a.so', [
        need('libc.so.6', 'GLIBC_2.3'),
        need('libc.so.6', 'GLIBC_2.17'),
        need('libc.so.6', 'GLIBC_2.4'),
        need('libc.so.6', 'GLIBC_PRIVATE'),
        need('libstdc++.so.6', 'CXXABI_1.3.9'),
        need('libstdc++.so.6', 'GLIBCXX_3.4.26'),
        need('libstdc++.so.6', 'GLIBCXX_3.4.26.0'),
        need('libstdc++.so.6', 'CXXABI_TM_1'),
      ]),
      file('pkg/_b.so', [need('libgcc_s.so.1', 'GCC_3.0'), need('libz.so.1', 'ZLIB_1.2.9')]),
      file('pkg/_c.so', [need('libc.so.6', 'GLIBC_PRIVATE')]),
    ];
    const maxima = maximaPerLibrary(files);
    expect(maxima).toEqual([
      { path: 'pkg/_a.so', library: 'libc.so.6', highest: { GLIBC: 'GLIBC_2.17' } },
      {
        path: 'pkg/_a.so',
        library: 'libstdc++.so.6',
        highest: { CXXABI: 'CXXABI_1.3.9', GLIBCXX: 'GLIBCXX_3.4.26' },
      },
      { path: 'pkg/_b.so', library: 'libgcc_s.so.1', highest: { GCC: 'GCC_3.0' } },
      { path: 'pkg/_b.so', library: 'libz.so.1', highest: { ZLIB: 'ZLIB_1.2.9' } },
    ]);
    expect(describeLibraryMaxima(maxima)).toEqual([
      'pkg/_a.so needs at most: libc.so.6 GLIBC_2.17; libstdc++.so.6 CXXABI_1.3.9, GLIBCXX_3.4.26',
      'pkg/_b.so needs at most: libgcc_s.so.1 GCC_3.0; libz.so.1 ZLIB_1.2.9',
    ]);
    expect(overallHighest(maxima)).toBe(
      'GLIBC_2.17, GLIBCXX_3.4.26, CXXABI_1.3.9, GCC_3.0, ZLIB_1.2.9',
    );
  });

  test('overallHighest: the highest over files, the four families first, then others by name', () => {
    const maxima = maximaPerLibrary([
      file('a.so', [need('libz.so.1', 'ZLIB_1.2.3'), need('libc.so.6', 'GLIBC_2.34')]),
      file('b.so', [
        need('libatomic.so.1', 'LIBATOMIC_1.2'),
        need('libc.so.6', 'GLIBC_2.17'),
        need('libz.so.1', 'ZLIB_1.2.9'),
        need('libgcc_s.so.1', 'GCC_7.0.0'),
        need('libx.so', 'AAA_1'),
      ]),
    ]);
    expect(overallHighest(maxima)).toBe('GLIBC_2.34, GCC_7.0.0, AAA_1, LIBATOMIC_1.2, ZLIB_1.2.9');
    expect(overallHighest([])).toBe('');
    // Equal numbers: the first one seen stays.
    const equal = maximaPerLibrary([
      file('a.so', [need('libc.so.6', 'GLIBC_2.17')]),
      file('b.so', [need('libc.so.6', 'GLIBC_2.17.0')]),
    ]);
    expect(overallHighest(equal)).toBe('GLIBC_2.17');
    // Other families by name, whatever order they come in.
    const names = ['ZZ_1', 'AA_1', 'MM_1', 'BB_1', 'YY_1'];
    for (let shift = 0; shift < names.length; shift++) {
      const order = [...names.slice(shift), ...names.slice(0, shift)];
      const highest = maximaPerLibrary([
        file(
          'a.so',
          order.map((v) => need('libx.so', v)),
        ),
      ]);
      expect(overallHighest(highest)).toBe('AA_1, BB_1, MM_1, YY_1, ZZ_1');
      expect(overallHighest(highest.reverse())).toBe('AA_1, BB_1, MM_1, YY_1, ZZ_1');
    }
  });

  test('the summary table: target or not, cells escaped, empty cells as -', () => {
    expect(maximaMarkdown([])).toBe('');
    const maxima: LibraryMaximum[] = [
      { path: 'pkg/a|b.so', library: 'libc.so.6', highest: { GLIBC: 'GLIBC_2.17' } },
      { path: 'x\ny.so', library: '', highest: {} },
      {
        path: 'c.so',
        library: 'libstdc++.so.6',
        highest: { GLIBCXX: 'GLIBCXX_3.4', CXXABI: 'CXXABI_1.3' },
      },
    ];
    expect(maximaMarkdown(maxima)).toBe(
      [
        '### Symbol versions needed',
        '',
        'No target-glibc: not checked against a runtime.',
        '',
        '| File | Library | Highest versions |',
        '| --- | --- | --- |',
        '| pkg/a\\|b.so | libc.so.6 | GLIBC_2.17 |',
        '| x y.so | - | - |',
        '| c.so | libstdc++.so.6 | GLIBCXX_3.4, CXXABI_1.3 |',
        '',
      ].join('\n'),
    );
    expect(maximaMarkdown(maxima, parseTargetGlibc('manylinux2014'))).toContain(
      '\n\nTarget: manylinux2014 (manylinux_2_17, glibc 2.17)\n\n',
    );
    expect(
      maximaMarkdown(maxima, { ...parseTargetGlibc('2.17')!, label: 'a|b' }).split('\n')[2],
    ).toBe('Target: a\\|b');
  });
});

describe('violations of a target', () => {
  const target = parseTargetGlibc('manylinux2014')!;

  test('above the maximum, equal allowed; non-numbered by the extra list; other families ignored', () => {
    const files = [
      file('a.so', [
        need('libc.so.6', 'GLIBC_2.17'),
        need('libc.so.6', 'GLIBC_2.18', ['f']),
        need('libstdc++.so.6', 'CXXABI_TM_1'),
        need('libstdc++.so.6', 'CXXABI_FLOAT128', ['g']),
        need('libz.so.1', 'ZLIB_9.9'),
        need('libc.so.6', 'GLIBC_PRIVATE'),
      ]),
    ];
    expect(findViolations(files, target)).toEqual([
      {
        path: 'a.so',
        library: 'libc.so.6',
        version: 'GLIBC_2.18',
        family: 'GLIBC',
        allowed: '2.17',
        symbols: ['f'],
      },
      {
        path: 'a.so',
        library: 'libstdc++.so.6',
        version: 'CXXABI_FLOAT128',
        family: 'CXXABI',
        allowed: '1.3.7',
        symbols: ['g'],
      },
      {
        path: 'a.so',
        library: 'libc.so.6',
        version: 'GLIBC_PRIVATE',
        family: 'GLIBC',
        allowed: '2.17',
        symbols: [],
      },
    ]);
  });

  test('versions needed from a library the wheel carries (by SONAME) are not the runtime business', () => {
    const files = [
      file('a.so', [need('libfoo.so.1', 'GLIBC_9.0'), need('libc.so.6', 'GLIBC_2.18')]),
      file('libfoo.so.1', [], { soname: 'libfoo.so.1' }),
    ];
    expect(findViolations(files, target).map((v) => v.version)).toEqual(['GLIBC_2.18']);
  });

  test('of equal versions (two non-numbered ones) the first is the headline', () => {
    const error = thrown(() =>
      assertWithinTarget(
        [
          file('a.so', [
            need('libstdc++.so.6', 'CXXABI_FLOAT128'),
            need('libstdc++.so.6', 'CXXABI_TM_1'),
          ]),
        ],
        parseTargetGlibc('manylinux1')!,
      ),
    );
    expect(error.message).toBe(
      'the wheel needs newer glibc/libstdc++ symbol versions than manylinux1 (manylinux_2_5, glibc 2.5) provides: a.so needs CXXABI_FLOAT128 from libstdc++.so.6; the target allows CXXABI up to 1.3.1',
    );
  });

  test('a runtime without a family refuses every version of it', () => {
    const slim = targetFromDefinitions('the image slim', { libc: ['GLIBC_2.36'] });
    const error = thrown(() =>
      assertWithinTarget([file('a.so', [need('libstdc++.so.6', 'GLIBCXX_3.4')])], slim),
    );
    expect(error.message).toBe(
      'the wheel needs newer glibc/libstdc++ symbol versions than the image slim provides: a.so needs GLIBCXX_3.4 from libstdc++.so.6; the target has no GLIBCXX versions',
    );
    expect(error.input).toBe('image');
  });

  test('the error: the worst version per file, library and family first, every one in details', () => {
    const files = [
      file('pkg/_a.so', [
        need('libc.so.6', 'GLIBC_2.18', ['a1']),
        need('libc.so.6', 'GLIBC_2.34', ['b1', 'b2', 'b3', 'b4', 'b5']),
        need('libc.so.6', 'GLIBC_2.28', ['c1', 'c2', 'c3', 'c4']),
        need('libstdc++.so.6', 'CXXABI_FLOAT128'),
        need('libstdc++.so.6', 'CXXABI_1.3.9'),
        need('libstdc++.so.6', 'CXXABI_1.3.8'),
      ]),
      file('pkg/_b.so', [
        need('libstdc++.so.6', 'CXXABI_1.3.8'),
        need('libstdc++.so.6', 'CXXABI_FLOAT128'),
      ]),
    ];
    expect(() =>
      assertWithinTarget([file('ok.so', [need('libc.so.6', 'GLIBC_2.17')])], target),
    ).not.toThrow();
    const error = thrown(() => assertWithinTarget(files, target));
    expect(error.message).toBe(
      'the wheel needs newer glibc/libstdc++ symbol versions than manylinux2014 (manylinux_2_17, glibc 2.17) provides: ' +
        'pkg/_a.so needs GLIBC_2.34 from libc.so.6 (b1, b2, b3, b4, ...); the target allows GLIBC up to 2.17; ' +
        'pkg/_a.so needs CXXABI_1.3.9 from libstdc++.so.6; the target allows CXXABI up to 1.3.7; ' +
        'pkg/_b.so needs CXXABI_1.3.8 from libstdc++.so.6; the target allows CXXABI up to 1.3.7',
    );
    expect(error.input).toBe('target-glibc');
    expect(error.file).toBe('pkg/_a.so');
    expect(error.fix).toBe(TARGET_FIX);
    expect(TARGET_FIX).toBe(
      'build where the runtime is: set `image` to the image your algorithm runs in (or a manylinux image), or build with an older toolchain (older glibc and GCC) so the symbols bind to older versions; if the runtime really is newer, raise target-glibc.',
    );
    expect(error.details).toBe(
      [
        'pkg/_a.so needs GLIBC_2.18 from libc.so.6 (a1); the target allows GLIBC up to 2.17',
        'pkg/_a.so needs GLIBC_2.34 from libc.so.6 (b1, b2, b3, b4, ...); the target allows GLIBC up to 2.17',
        'pkg/_a.so needs GLIBC_2.28 from libc.so.6 (c1, c2, c3, c4); the target allows GLIBC up to 2.17',
        'pkg/_a.so needs CXXABI_FLOAT128 from libstdc++.so.6; the target allows CXXABI up to 1.3.7',
        'pkg/_a.so needs CXXABI_1.3.9 from libstdc++.so.6; the target allows CXXABI up to 1.3.7',
        'pkg/_a.so needs CXXABI_1.3.8 from libstdc++.so.6; the target allows CXXABI up to 1.3.7',
        'pkg/_b.so needs CXXABI_1.3.8 from libstdc++.so.6; the target allows CXXABI up to 1.3.7',
        'pkg/_b.so needs CXXABI_FLOAT128 from libstdc++.so.6; the target allows CXXABI up to 1.3.7',
      ].join('\n'),
    );
  });
});

describe('the strictest policy', () => {
  test('the oldest policy whose versions and libraries the files satisfy', () => {
    const at = (files: VersionedFile[], carried?: string[]) =>
      strictestPolicy(files, carried ? { carried } : {});
    expect(at([file('a.so', [need('libc.so.6', 'GLIBC_2.5')])])).toEqual({
      policy: MANYLINUX_POLICIES[0],
      blockers: [],
    });
    expect(
      at([file('a.so', [need('libc.so.6', 'GLIBC_2.17'), need('libstdc++.so.6', 'CXXABI_TM_1')])])
        .policy?.name,
    ).toBe('manylinux_2_17');
    // libexpat joins the list in manylinux_2_12, libmvec in manylinux_2_24.
    expect(at([{ path: 'a.so', needed: ['libexpat.so.1'], versionNeeds: [] }]).policy?.name).toBe(
      'manylinux_2_12',
    );
    expect(at([{ path: 'a.so', needed: ['libmvec.so.1'], versionNeeds: [] }]).policy?.name).toBe(
      'manylinux_2_24',
    );
    // The program loader is the platform's; carried libraries (by name or SONAME) are the wheel's.
    expect(
      at(
        [
          {
            path: 'a.so',
            needed: ['ld-linux-x86-64.so.2', 'libfoo.so.1', 'libbar.so'],
            versionNeeds: [],
          },
          {
            path: 'libbar.so',
            needed: [],
            versionNeeds: [],
            soname: 'libbar.so',
          },
        ],
        ['libfoo.so.1'],
      ).policy?.name,
    ).toBe('manylinux_2_5');
  });

  test('ZLIB_ and LIBATOMIC_ versions limit the policy, from libz.so.1 and libatomic.so.1 only', () => {
    const at = (...needs: VersionNeed[]) => strictestPolicy([file('a.so', needs)]);
    const glibc = need('libc.so.6', 'GLIBC_2.17');
    expect(at(need('libz.so.1', 'ZLIB_1.2.9', ['crc32_z']), glibc)).toEqual({
      policy: MANYLINUX_POLICIES.find((p) => p.name === 'manylinux_2_27'),
      blockers: [],
      older: {
        name: 'manylinux_2_26',
        reasons: [
          'a.so needs ZLIB_1.2.9 from libz.so.1 (crc32_z); the target allows ZLIB up to 1.2.5.2',
        ],
      },
    });
    const name = (...needs: VersionNeed[]) => at(...needs).policy?.name;
    // Each policy's own maximum is allowed, the next version is not.
    expect(name(need('libz.so.1', 'ZLIB_1.2.2.4'))).toBe('manylinux_2_12');
    expect(name(need('libz.so.1', 'ZLIB_1.2.3.3'))).toBe('manylinux_2_17');
    expect(name(need('libz.so.1', 'ZLIB_1.2.5.2'))).toBe('manylinux_2_17');
    expect(name(need('libz.so.1', 'ZLIB_1.2.11'))).toBe('manylinux_2_37');
    expect(name(need('libz.so.1', 'ZLIB_1.2.12'))).toBe('manylinux_2_37');
    expect(name(need('libatomic.so.1', 'LIBATOMIC_1.0'))).toBe('manylinux_2_24');
    expect(name(need('libatomic.so.1', 'LIBATOMIC_1.2'))).toBe('manylinux_2_24');
    // manylinux_2_5 allows no ZLIB version at all (auditwheel's empty list).
    expect(at(need('libz.so.1', 'ZLIB_1.2.0'))).toEqual({
      policy: MANYLINUX_POLICIES[1],
      blockers: [],
      older: {
        name: 'manylinux_2_5',
        reasons: ['a.so needs ZLIB_1.2.0 from libz.so.1; the target has no ZLIB versions'],
      },
    });
    // The same names from another library are not zlib's or libatomic's versions.
    expect(
      strictestPolicy(
        [file('a.so', [need('libfoo.so.1', 'ZLIB_1.3'), need('libfoo.so.1', 'LIBATOMIC_9')])],
        { carried: ['libfoo.so.1'] },
      ),
    ).toEqual({ policy: MANYLINUX_POLICIES[0], blockers: [] });
    expect(
      strictestPolicy([
        {
          path: 'a.so',
          needed: ['libz.so.1'],
          versionNeeds: [need('libfoo.so.1', 'ZLIB_1.3'), need('libc.so.6', 'LIBATOMIC_9')],
        },
      ]),
    ).toEqual({ policy: MANYLINUX_POLICIES[0], blockers: [] });
    // Above every policy: the newest policy's maxima in the blockers.
    expect(
      at(need('libz.so.1', 'ZLIB_1.3', ['f']), need('libatomic.so.1', 'LIBATOMIC_1.3')),
    ).toEqual({
      blockers: [
        'a.so needs ZLIB_1.3 from libz.so.1 (f); the target allows ZLIB up to 1.2.12',
        'a.so needs LIBATOMIC_1.3 from libatomic.so.1; the target allows LIBATOMIC up to 1.2',
      ],
    });
  });

  test('older: the version reasons of the policy just before the chosen one, libraries left out', () => {
    expect(
      strictestPolicy([
        {
          path: 'a.so',
          needed: ['libexpat.so.1', 'libc.so.6'],
          versionNeeds: [need('libc.so.6', 'GLIBC_2.12', ['g'])],
        },
      ]),
    ).toEqual({
      policy: MANYLINUX_POLICIES[1],
      blockers: [],
      older: {
        name: 'manylinux_2_5',
        reasons: ['a.so needs GLIBC_2.12 from libc.so.6 (g); the target allows GLIBC up to 2.5'],
      },
    });
    // Only a library keeps it from the older policy: no version reason to give.
    expect(
      strictestPolicy([{ path: 'a.so', needed: ['libexpat.so.1'], versionNeeds: [] }]),
    ).toStrictEqual({ policy: MANYLINUX_POLICIES[1], blockers: [] });
  });

  test('target-glibc and image targets check the glibc, libstdc++ and libgcc_s families only', () => {
    const files = [file('a.so', [need('libz.so.1', 'ZLIB_1.2.9'), need('libc.so.6', 'GLIBC_2.5')])];
    expect(findViolations(files, parseTargetGlibc('manylinux1')!)).toEqual([]);
    expect(() => assertWithinTarget(files, parseTargetGlibc('2.5')!)).not.toThrow();
  });

  test('none: the blockers of the newest policy, libraries first', () => {
    const result = strictestPolicy([
      file('a.so', [need('libc.so.6', 'GLIBC_2.42', ['f']), need('libfoo.so.2', 'FOO_1')]),
      { path: 'b.so', needed: ['libfoo.so.2', 'libbar.so.1'], versionNeeds: [] },
    ]);
    expect(result).toEqual({
      blockers: [
        "libfoo.so.2 is not in any manylinux policy's library list",
        "libbar.so.1 is not in any manylinux policy's library list",
        'a.so needs GLIBC_2.42 from libc.so.6 (f); the target allows GLIBC up to 2.41',
      ],
    });
  });
});
