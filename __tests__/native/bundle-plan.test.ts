// The patchelf edits of bundle-libs: which versions get one call per file, the argument lists,
// and the read-back check, which is held against this machine's real patchelf doing all the edits
// of one file in one call.
import { execFileSync } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  editMismatches,
  parsePatchelfVersion,
  patchelfCalls,
  trustsCombinedEdits,
  type FileEdit,
} from '../../src/native/bundle-plan.js';
import { readElf } from '../../src/elf/read-file.js';
import { gxx, tempDir } from '../elf/toolchain.js';

describe('patchelf versions', () => {
  test('parses the version line, with or without a patch number', () => {
    expect(parsePatchelfVersion('patchelf 0.14.3\n')).toEqual([0, 14, 3]);
    expect(parsePatchelfVersion('patchelf 0.18')).toEqual([0, 18, 0]);
    expect(parsePatchelfVersion('patchelf: command not found')).toBeUndefined();
  });

  test('one call per file from 0.14.5 on (auditwheel 6.8.1), one call per edit before', () => {
    expect(trustsCombinedEdits([0, 14, 5])).toBe(true);
    expect(trustsCombinedEdits([0, 18, 0])).toBe(true);
    expect(trustsCombinedEdits([1, 0, 0])).toBe(true);
    expect(trustsCombinedEdits([0, 14, 4])).toBe(false);
    expect(trustsCombinedEdits([0, 14, 3])).toBe(false);
    expect(trustsCombinedEdits([0, 12, 0])).toBe(false);
    expect(trustsCombinedEdits(undefined)).toBe(false);
  });
});

describe('patchelfCalls', () => {
  const edit: FileEdit = {
    path: '/r/pkg.libs/libfoo-1234abcd.so.1',
    soname: 'libfoo-1234abcd.so.1',
    replaceNeeded: [
      ['libbar.so.2', 'libbar-00ff00ff.so.2'],
      ['libbaz.so', 'libbaz-0a0b0c0d.so'],
    ],
    rpath: ['$ORIGIN', '$ORIGIN/../keep'],
  };

  test('a trusted patchelf gets every edit of a file in one call', () => {
    expect(patchelfCalls(edit, true)).toEqual([
      [
        'patchelf',
        '--set-soname',
        'libfoo-1234abcd.so.1',
        '--replace-needed',
        'libbar.so.2',
        'libbar-00ff00ff.so.2',
        '--replace-needed',
        'libbaz.so',
        'libbaz-0a0b0c0d.so',
        '--force-rpath',
        '--set-rpath',
        '$ORIGIN:$ORIGIN/../keep',
        edit.path,
      ],
    ]);
  });

  test('an older one gets one edit per call', () => {
    expect(patchelfCalls(edit, false)).toEqual([
      ['patchelf', '--set-soname', 'libfoo-1234abcd.so.1', edit.path],
      ['patchelf', '--replace-needed', 'libbar.so.2', 'libbar-00ff00ff.so.2', edit.path],
      ['patchelf', '--replace-needed', 'libbaz.so', 'libbaz-0a0b0c0d.so', edit.path],
      ['patchelf', '--force-rpath', '--set-rpath', '$ORIGIN:$ORIGIN/../keep', edit.path],
    ]);
    expect(patchelfCalls({ path: '/x.so', replaceNeeded: [] }, true)).toEqual([]);
  });

  test('editMismatches names every edit that did not land', () => {
    const landed = {
      soname: 'libfoo-1234abcd.so.1',
      needed: ['libbar-00ff00ff.so.2', 'libbaz-0a0b0c0d.so', 'libc.so.6'],
      rpath: ['$ORIGIN', '$ORIGIN/../keep'],
      runpath: [],
    };
    expect(editMismatches(edit, landed)).toEqual([]);
    expect(
      editMismatches(edit, {
        soname: 'libbar-00ff00ff.so.2',
        needed: ['libbar-00ff00ff.so.2', 'libbaz.so'],
        rpath: ['/build/lib'],
        runpath: ['/build/lib'],
      }),
    ).toEqual([
      'SONAME is libbar-00ff00ff.so.2, not libfoo-1234abcd.so.1',
      'still NEEDS libbaz.so',
      'does not NEED libbaz-0a0b0c0d.so',
      'RPATH is /build/lib, not $ORIGIN:$ORIGIN/../keep',
      'kept a RUNPATH /build/lib',
    ]);
  });
});

describe("this machine's patchelf, all edits of a library in one call", () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let lib: string;

  beforeAll(async () => {
    tmp = await tempDir('patchelf-edits');
    await gxx(tmp.dir, 'libdeep.so', 'int deep() { return 1; }\n', [
      '-shared',
      '-fPIC',
      '-Wl,-soname,libdeep.so',
    ]);
    lib = await gxx(tmp.dir, 'libextra.so', 'int deep();\nint extra() { return deep(); }\n', [
      '-shared',
      '-fPIC',
      '-Wl,-soname,libextra.so',
      `-L${tmp.dir}`,
      '-ldeep',
      '-Wl,-rpath,/build/lib',
    ]);
  });

  afterAll(async () => {
    await tmp?.remove();
  });

  test('lands when the version is trusted; the read-back catches it when it is not', async () => {
    const version = parsePatchelfVersion(
      execFileSync('patchelf', ['--version'], { encoding: 'utf8' }),
    );
    const target = join(tmp.dir, 'libextra-1234abcd.so');
    await copyFile(lib, target);
    const edit: FileEdit = {
      path: target,
      soname: 'libextra-1234abcd.so',
      replaceNeeded: [['libdeep.so', 'libdeep-abcdef01.so']],
      rpath: ['$ORIGIN'],
    };
    const [call] = patchelfCalls(edit, true);
    execFileSync(call![0]!, call!.slice(1));
    const problems = editMismatches(edit, await readElf(target));
    if (trustsCombinedEdits(version)) expect(problems).toEqual([]);
    else {
      // patchelf 0.14.3 (Debian 12) writes the NEEDED name into the SONAME and loses the RPATH.
      expect(problems.length).toBeGreaterThan(0);
      // One call per edit, as bundle-libs does with it, lands.
      await copyFile(lib, target);
      for (const argv of patchelfCalls(edit, false)) execFileSync(argv[0]!, argv.slice(1));
      expect(editMismatches(edit, await readElf(target))).toEqual([]);
    }
  });
});
