/**
 * `bundle-libs` decided without I/O, word for word: the whole plan (copies, RPATHs, missing,
 * conflicts, unknown needs, exclusions), the exclude-libs globs, and the patchelf edits.
 */
import { describe, expect, test } from 'vitest';
import {
  editMismatches,
  parsePatchelfVersion,
  patchelfCalls,
  PATCHELF_COMBINED_EDITS,
  planBundle,
  trustsCombinedEdits,
  uniqueLibraryName,
  type BundleFile,
} from '../../src/native/bundle-plan.js';
import {
  exclusionReason,
  isPythonRuntimeLibrary,
  NO_FILTER,
  parseLibraryGlobs,
} from '../../src/native/library-filter.js';
import { InputError } from '../../src/base/errors.js';

const found = (name: string, path: string) => ({ name, path, notFound: false });
const missing = (name: string, missingVersion?: string) => ({
  name,
  notFound: true,
  ...(missingVersion ? { missingVersion } : {}),
});
function file(
  path: string,
  needed: string[],
  deps: BundleFile['deps'],
  info: Partial<BundleFile['info']> = {},
): BundleFile {
  return {
    path,
    info: { needed, rpath: [], runpath: [], dynamic: true, type: 'shared', ...info },
    deps,
  };
}

describe('planBundle', () => {
  test('copies, RPATHs relative to each file, transitive needs, the copies themselves', () => {
    const plan = planBundle({
      packageRoot: '/r/./stage/',
      packageName: 'pkg',
      files: [
        file(
          '/r/stage/pkg/_ext.so',
          ['libfoo.so.1', 'libc.so.6', 'libbar.so.2'],
          [
            found('libfoo.so.1', '/opt/a/libfoo.so.1'),
            found('libc.so.6', '/lib/libc.so.6'),
            found('libbar.so.2', '/opt/b/libbar.so.2'),
          ],
          { rpath: ['/opt/a', '$ORIGIN/keep'], runpath: ['${ORIGIN}/x', '/opt/b'] },
        ),
        file(
          '/r/stage/pkg/sub/_two.so',
          ['libfoo.so.1'],
          [found('libfoo.so.1', '/other/libfoo.so.1')],
        ),
        file('/r/stage/pkg/_plain.so', ['libc.so.6'], [found('libc.so.6', '/lib/libc.so.6')]),
      ],
      libraryNeeds: new Map([
        ['/opt/a/libfoo.so.1', ['libbaz.so', 'libm.so.6', 'libbar.so.2']],
        ['/opt/b/libbar.so.2', []],
      ]),
    });
    expect(plan).toEqual({
      libsDir: '/r/stage/pkg.libs',
      copies: [
        {
          name: 'libfoo.so.1',
          from: '/opt/a/libfoo.so.1',
          to: '/r/stage/pkg.libs/libfoo.so.1',
          neededBy: ['/r/stage/pkg/_ext.so', '/r/stage/pkg/sub/_two.so'],
        },
        {
          name: 'libbar.so.2',
          from: '/opt/b/libbar.so.2',
          to: '/r/stage/pkg.libs/libbar.so.2',
          neededBy: ['/r/stage/pkg/_ext.so', '/r/stage/pkg.libs/libfoo.so.1'],
        },
      ],
      rpaths: [
        {
          path: '/r/stage/pkg/_ext.so',
          rpath: ['$ORIGIN/../pkg.libs', '$ORIGIN/keep', '${ORIGIN}/x'],
          dropped: ['/opt/a', '/opt/b'],
        },
        { path: '/r/stage/pkg/sub/_two.so', rpath: ['$ORIGIN/../../pkg.libs'], dropped: [] },
        { path: '/r/stage/pkg.libs/libfoo.so.1', rpath: ['$ORIGIN'], dropped: [] },
        { path: '/r/stage/pkg.libs/libbar.so.2', rpath: ['$ORIGIN'], dropped: [] },
      ],
      // libbaz.so: the copy needs it and the package files' loader view does not know it.
      missing: [{ path: '/r/stage/pkg.libs/libfoo.so.1', names: ['libbaz.so'] }],
      conflicts: [{ name: 'libfoo.so.1', sources: ['/opt/a/libfoo.so.1', '/other/libfoo.so.1'] }],
      unknownNeeds: [],
      excluded: [],
    });
  });

  test('copies whose own needs are not known yet are listed to read; static and .o files are skipped', () => {
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'p',
      files: [
        file('/r/p/a.so', ['liba.so'], [found('liba.so', '/x/liba.so')]),
        file('/r/p/b.o', ['libb.so'], [found('libb.so', '/x/libb.so')], { type: 'rel' }),
        file('/r/p/c', ['libc2.so'], [found('libc2.so', '/x/libc2.so')], { dynamic: false }),
      ],
    });
    expect(plan.copies.map((c) => c.name)).toEqual(['liba.so']);
    expect(plan.unknownNeeds).toEqual(['/x/liba.so']);
    expect(plan.rpaths.map((r) => r.path)).toEqual(['/r/p/a.so', '/r/p.libs/liba.so']);
    expect(plan.conflicts).toEqual([]);
  });

  test('libraries the package provides: found inside it, or by name / SONAME with an RPATH to them', () => {
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'p',
      files: [
        file(
          '/r/p/ext/_a.so',
          ['libin.so', 'libown.so.1', 'libname.so', 'libgone.so'],
          [
            found('libin.so', '/r/p/lib/libin.so'),
            missing('libown.so.1'),
            missing('libname.so'),
            missing('libgone.so'),
          ],
        ),
        file('/r/p/lib/libin.so', [], []),
        file('/r/p/lib/libown-real.so', [], [], { soname: 'libown.so.1' }),
        file('/r/p/libname.so', [], [], { dynamic: false }),
        // Resolved to a file in a folder beside the package root: outside, so copied.
        file('/r/p/ext/_c.so', ['libnext.so'], [found('libnext.so', '/rx/libnext.so')]),
        // The package root itself is inside the root.
        file('/r/p/ext/_d.so', ['libroot.so'], [found('libroot.so', '/r')]),
      ],
      libraryNeeds: new Map([['/rx/libnext.so', []]]),
    });
    expect(plan.rpaths).toEqual([
      { path: '/r/p/ext/_a.so', rpath: ['$ORIGIN/../lib', '$ORIGIN/..'], dropped: [] },
      { path: '/r/p/ext/_c.so', rpath: ['$ORIGIN/../../p.libs'], dropped: [] },
      { path: '/r/p.libs/libnext.so', rpath: ['$ORIGIN'], dropped: [] },
    ]);
    expect(plan.missing).toEqual([{ path: '/r/p/ext/_a.so', names: ['libgone.so'] }]);
    expect(plan.copies.map((c) => c.name)).toEqual(['libnext.so']);
  });

  test('a name the loader found for one file and not for another is still copied; a missing version is not missing', () => {
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'p',
      files: [
        file('/r/p/a.so', ['libv.so', 'libw.so'], [missing('libv.so', 'V_2'), missing('libw.so')]),
        file('/r/p/b.so', ['libw.so'], [found('libw.so', '/x/libw.so')]),
        file('/r/p/c.so', ['libw.so'], [{ name: 'libw.so', notFound: false }]),
        file('/r/p/libv.so', [], []),
      ],
      libraryNeeds: new Map([['/x/libw.so', []]]),
    });
    // libv.so is the package's own; its missing version is the loader check's business, no RPATH.
    expect(plan.rpaths.map((r) => [r.path, r.rpath])).toEqual([
      ['/r/p/a.so', ['$ORIGIN/../p.libs']],
      ['/r/p/b.so', ['$ORIGIN/../p.libs']],
      ['/r/p/c.so', ['$ORIGIN/../p.libs']],
      ['/r/p.libs/libw.so', ['$ORIGIN']],
    ]);
    expect(plan.copies[0]!.neededBy).toEqual(['/r/p/a.so', '/r/p/b.so', '/r/p/c.so']);
    expect(plan.missing).toEqual([]);
  });

  test('exclusions: one entry per name with every file that needs it, never a copy', () => {
    const filter = {
      policyLibraries: ['libz.so.1'],
      exclude: parseLibraryGlobs(['libcuda.so.*']),
    };
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'p',
      filter,
      files: [
        file('/r/p/a.so', ['libz.so.1', 'libcuda.so.1', 'libpython3.11.so.1.0'], []),
        file('/r/p/b.so', ['libz.so.1', 'libz.so.1'], [found('libz.so.1', '/lib/libz.so.1')]),
      ],
    });
    expect(plan.excluded).toEqual([
      { name: 'libz.so.1', reason: 'policy', neededBy: ['/r/p/a.so', '/r/p/b.so'] },
      { name: 'libcuda.so.1', reason: 'excluded', neededBy: ['/r/p/a.so'] },
      { name: 'libpython3.11.so.1.0', reason: 'python', neededBy: ['/r/p/a.so'] },
    ]);
    expect(plan.copies).toEqual([]);
    expect(plan.rpaths).toEqual([]);
    expect(plan.missing).toEqual([]);
  });

  test('a copy needed twice by one file is listed once; conflicts only for copied names', () => {
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'p',
      files: [
        file(
          '/r/p/a.so',
          ['libq.so', 'libq.so', 'libc.so.6'],
          [found('libq.so', '/x/libq.so'), found('libc.so.6', '/lib/libc.so.6')],
        ),
        file('/r/p/b.so', ['libc.so.6'], [found('libc.so.6', '/lib64/libc.so.6')]),
      ],
      libraryNeeds: new Map([['/x/libq.so', ['libq.so']]]),
    });
    expect(plan.copies).toEqual([
      {
        name: 'libq.so',
        from: '/x/libq.so',
        to: '/r/p.libs/libq.so',
        neededBy: ['/r/p/a.so', '/r/p.libs/libq.so'],
      },
    ]);
    expect(plan.rpaths[0]).toEqual({
      path: '/r/p/a.so',
      rpath: ['$ORIGIN/../p.libs'],
      dropped: [],
    });
    expect(plan.conflicts).toEqual([]);
  });

  test('a file in the .libs folder itself gets $ORIGIN', () => {
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'p',
      files: [file('/r/p.libs/x.so', ['liby.so'], [found('liby.so', '/y/liby.so')])],
      libraryNeeds: new Map([['/y/liby.so', []]]),
    });
    expect(plan.rpaths[0]!.rpath).toEqual(['$ORIGIN']);
  });
});

describe('planBundle, what the loader found', () => {
  test('a path under the package root that is no package file is not copied; a missing version is no path', () => {
    const plan = planBundle({
      packageRoot: '/r',
      packageName: 'p',
      files: [
        file(
          '/r/p/a.so',
          ['libv.so', 'libw.so'],
          [
            found('libv.so', '/r/p/vendor/libv.so'),
            { name: 'libw.so', path: '/x/libw.so', notFound: true, missingVersion: 'W_2' },
          ],
        ),
      ],
    });
    expect(plan.copies).toEqual([]);
    expect(plan.rpaths).toEqual([]);
    expect(plan.missing).toEqual([{ path: '/r/p/a.so', names: ['libw.so'] }]);
  });
});

describe('exclude-libs globs and the reasons', () => {
  test('the regular expression of each glob', () => {
    expect(
      parseLibraryGlobs(['lib*.so.?', 'libnv[a-z0-9]ml.so', 'libx[ab].so', 'lib+c-d_e.so']).map(
        (g) => [g.pattern, g.regex.source],
      ),
    ).toEqual([
      ['lib*.so.?', '^lib.*\\.so\\..$'],
      ['libnv[a-z0-9]ml.so', '^libnv[a-z0-9]ml\\.so$'],
      ['libx[ab].so', '^libx[ab]\\.so$'],
      ['lib+c-d_e.so', '^lib\\+c\\-d_e\\.so$'],
    ]);
    const [range] = parseLibraryGlobs(['lib[a-]x.so']);
    expect(range!.regex.test('lib-x.so')).toBe(true);
    expect(parseLibraryGlobs([])).toEqual([]);
    expect(parseLibraryGlobs(['lib][ab].so'])[0]!.regex.source).toBe('^lib\\][ab]\\.so$');
  });

  test('refusals: the exact message and fix', () => {
    for (const pattern of [
      'libx[!ab].so',
      'lib\\x.so',
      'a/b.so',
      'lib foo.so',
      'libx[.so',
      '',
      'lib$x.so',
      'lib[a]b[c.so',
    ]) {
      let caught: unknown;
      try {
        parseLibraryGlobs(['libok.so', pattern]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).message).toBe(
        `exclude-libs "${pattern}" is not a library file name glob.`,
      );
      expect((caught as InputError).input).toBe('exclude-libs');
      expect((caught as InputError).fix).toBe(
        'give one library name pattern per line, without a folder, e.g. libcuda.so.* or libGL*.so.1 (the characters * ? [ ] are wildcards).',
      );
    }
    expect(parseLibraryGlobs(['lib[ab]x.so[c]'])[0]!.regex.test('libax.soc')).toBe(true);
  });

  test('the order of the reasons: excluded, python, system, policy; paths reduced to names', () => {
    const filter = {
      policyLibraries: ['libc.so.6', 'libz.so.1', 'libpython3.so'],
      exclude: parseLibraryGlobs(['libc.so.6']),
    };
    expect(exclusionReason('/lib/libc.so.6', filter)).toBe('excluded');
    expect(exclusionReason('libpython3.so', filter)).toBe('python');
    expect(
      exclusionReason('/usr/lib/libm.so.6', { ...filter, policyLibraries: ['libm.so.6'] }),
    ).toBe('system');
    expect(exclusionReason('/usr/lib/libz.so.1', filter)).toBe('policy');
    expect(exclusionReason('libz.so.1', NO_FILTER)).toBeUndefined();
    expect(NO_FILTER).toEqual({ policyLibraries: [], exclude: [] });
  });

  test('the Python runtime: libpython<digit> and libpypy, by file name', () => {
    expect(isPythonRuntimeLibrary('/opt/py/lib/libpython3.6m.so.1.0')).toBe(true);
    expect(isPythonRuntimeLibrary('libpypy3-c.so')).toBe(true);
    expect(isPythonRuntimeLibrary('libpython.so')).toBe(false);
    expect(isPythonRuntimeLibrary('/libpython3/libx.so')).toBe(false);
    expect(isPythonRuntimeLibrary('xlibpython3.so')).toBe(false);
  });
});

describe('unique names and patchelf', () => {
  test('the hash goes before the first .so, not at its very start', () => {
    const sha = '0123456789abcdef'.repeat(4);
    expect(uniqueLibraryName('libfoo.so.1', sha)).toBe('libfoo-01234567.so.1');
    expect(uniqueLibraryName('.so.1', sha)).toBe('.so.1-01234567');
    expect(uniqueLibraryName('a.so', sha)).toBe('a-01234567.so');
  });

  test('versions: the oldest trusted is 0.14.5, each part compared in turn', () => {
    expect(PATCHELF_COMBINED_EDITS).toEqual([0, 14, 5]);
    expect(parsePatchelfVersion('patchelf  0.14.5')).toEqual([0, 14, 5]);
    expect(parsePatchelfVersion('patchelf 1')).toBeUndefined();
    expect(trustsCombinedEdits([0, 15, 0])).toBe(true);
    expect(trustsCombinedEdits([0, 13, 9])).toBe(false);
    expect(trustsCombinedEdits([0, 14, 6])).toBe(true);
    expect(trustsCombinedEdits([0, 14])).toBe(false);
    expect(trustsCombinedEdits([0, 14, 5, 1])).toBe(true);
  });

  test('version lines: two-digit parts, no patch number; no version trusts nothing', () => {
    expect(parsePatchelfVersion('patchelf 10.2')).toEqual([10, 2, 0]);
    expect(parsePatchelfVersion('patchelf 0.14.10\n')).toEqual([0, 14, 10]);
    expect(trustsCombinedEdits(undefined)).toBe(false);
    expect(trustsCombinedEdits([0, 14, 5])).toBe(true);
    expect(trustsCombinedEdits([0, 14, 4])).toBe(false);
  });

  test('calls: every edit in one call, or one call per edit', () => {
    const edit = {
      path: '/p.libs/liba-1.so',
      soname: 'liba-1.so',
      replaceNeeded: [['libb.so', 'libb-2.so'] as const],
      rpath: ['$ORIGIN', '$ORIGIN/x'],
    };
    expect(patchelfCalls(edit, true)).toEqual([
      [
        'patchelf',
        '--set-soname',
        'liba-1.so',
        '--replace-needed',
        'libb.so',
        'libb-2.so',
        '--force-rpath',
        '--set-rpath',
        '$ORIGIN:$ORIGIN/x',
        '/p.libs/liba-1.so',
      ],
    ]);
    expect(patchelfCalls(edit, false)).toEqual([
      ['patchelf', '--set-soname', 'liba-1.so', '/p.libs/liba-1.so'],
      ['patchelf', '--replace-needed', 'libb.so', 'libb-2.so', '/p.libs/liba-1.so'],
      ['patchelf', '--force-rpath', '--set-rpath', '$ORIGIN:$ORIGIN/x', '/p.libs/liba-1.so'],
    ]);
    expect(patchelfCalls({ path: '/a.so', replaceNeeded: [] }, true)).toEqual([]);
    expect(
      editMismatches(edit, {
        soname: 'liba-1.so',
        needed: ['libb-2.so'],
        rpath: ['$ORIGIN', '$ORIGIN/x'],
        runpath: [],
      }),
    ).toEqual([]);
    expect(
      editMismatches(edit, { needed: ['libb.so'], rpath: ['$ORIGIN'], runpath: ['/a', '/b'] }),
    ).toEqual([
      'SONAME is (none), not liba-1.so',
      'still NEEDS libb.so',
      'does not NEED libb-2.so',
      'RPATH is $ORIGIN, not $ORIGIN:$ORIGIN/x',
      'kept a RUNPATH /a:/b',
    ]);
    expect(
      editMismatches(
        { path: '/a.so', replaceNeeded: [] },
        { soname: 'x', needed: [], rpath: [], runpath: [] },
      ),
    ).toEqual([]);
  });

  test('calls: only the edits asked for', () => {
    expect(patchelfCalls({ path: '/a.so', replaceNeeded: [], rpath: [] }, false)).toEqual([
      ['patchelf', '--force-rpath', '--set-rpath', '', '/a.so'],
    ]);
    expect(patchelfCalls({ path: '/a.so', soname: '', replaceNeeded: [] }, true)).toEqual([
      ['patchelf', '--set-soname', '', '/a.so'],
    ]);
    expect(patchelfCalls({ path: '/a.so', replaceNeeded: [] }, false)).toEqual([]);
  });

  test('mismatches: each check only for the edits planned', () => {
    const facts = { needed: ['liba.so'], rpath: [], runpath: ['/x'] };
    expect(editMismatches({ path: '/a.so', replaceNeeded: [] }, facts)).toEqual([]);
    expect(editMismatches({ path: '/a.so', soname: 's', replaceNeeded: [] }, facts)).toEqual([
      'SONAME is (none), not s',
    ]);
    expect(editMismatches({ path: '/a.so', replaceNeeded: [], rpath: ['$ORIGIN'] }, facts)).toEqual(
      ['RPATH is (none), not $ORIGIN', 'kept a RUNPATH /x'],
    );
    expect(
      editMismatches(
        { path: '/a.so', replaceNeeded: [], rpath: ['a', 'b'] },
        { needed: [], rpath: ['a', 'b'], runpath: [] },
      ),
    ).toEqual([]);
  });
});
