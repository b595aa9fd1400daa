import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundleLibraries, PATCHELF_FIX } from '../../src/native/bundle.js';
import { planBundle, uniqueLibraryName, type BundleFile } from '../../src/native/bundle-plan.js';
import { checkInstalledLibraries } from '../../src/native/library-check.js';
import { readElf } from '../../src/elf/read-file.js';
import { LibraryError } from '../../src/base/errors.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log/log.js';
import { gxx, readelfDynamic, run, tempDir } from '../elf/toolchain.js';

function file(
  path: string,
  needed: string[],
  deps: BundleFile['deps'],
  extra: Partial<BundleFile['info']> = {},
): BundleFile {
  return {
    path,
    info: { needed, rpath: [], runpath: [], dynamic: true, type: 'shared', ...extra },
    deps,
  };
}

const found = (name: string, path: string) => ({ name, path, notFound: false });
const libc = found('libc.so.6', '/lib/x86_64-linux-gnu/libc.so.6');

describe('planBundle', () => {
  const core = file(
    '/r/pkg/sub/_core.so',
    ['libfoo.so.1', 'libc.so.6', 'libpkg.so', 'libGL.so.1'],
    [
      { name: 'linux-vdso.so.1', notFound: false },
      found('libfoo.so.1', '/usr/local/lib/libfoo.so.1'),
      libc,
      { name: 'libpkg.so', notFound: true },
      found('libGL.so.1', '/lib/x86_64-linux-gnu/libGL.so.1'),
      // Transitive: libbar via libfoo, libGLdispatch via the system's libGL.
      found('libbar.so.2', '/opt/bar/libbar.so.2'),
      found('libGLdispatch.so.0', '/lib/x86_64-linux-gnu/libGLdispatch.so.0'),
    ],
    { rpath: ['/home/me/build/lib', '$ORIGIN/keep'] },
  );
  const pkgLib = file('/r/pkg/lib/libpkg.so', ['libc.so.6'], [libc], { soname: 'libpkg.so' });
  const input = { packageRoot: '/r', packageName: 'pkg', files: [core, pkgLib] };

  test('copies direct non-system needs, points RPATH at them and at in-package providers', () => {
    const plan = planBundle(input);
    expect(plan.libsDir).toBe('/r/pkg.libs');
    expect(plan.copies).toEqual([
      {
        name: 'libfoo.so.1',
        from: '/usr/local/lib/libfoo.so.1',
        to: '/r/pkg.libs/libfoo.so.1',
        neededBy: ['/r/pkg/sub/_core.so'],
      },
    ]);
    expect(plan.rpaths).toEqual([
      {
        path: '/r/pkg/sub/_core.so',
        rpath: ['$ORIGIN/../../pkg.libs', '$ORIGIN/../lib', '$ORIGIN/keep'],
        dropped: ['/home/me/build/lib'],
      },
      { path: '/r/pkg.libs/libfoo.so.1', rpath: ['$ORIGIN'], dropped: [] },
    ]);
    // libfoo's own needs are not known yet: read the copy and plan again.
    expect(plan.unknownNeeds).toEqual(['/usr/local/lib/libfoo.so.1']);
    expect(plan.missing).toEqual([]);
  });

  test("follows the copies' own needs, but never a system library's", () => {
    const second = planBundle({
      ...input,
      libraryNeeds: new Map([['/usr/local/lib/libfoo.so.1', ['libbar.so.2', 'libm.so.6']]]),
    });
    expect(second.copies.map((c) => c.name)).toEqual(['libfoo.so.1', 'libbar.so.2']);
    expect(second.copies[1]!.neededBy).toEqual(['/r/pkg.libs/libfoo.so.1']);
    expect(second.unknownNeeds).toEqual(['/opt/bar/libbar.so.2']);
    const closed = planBundle({
      ...input,
      libraryNeeds: new Map([
        ['/usr/local/lib/libfoo.so.1', ['libbar.so.2', 'libm.so.6']],
        ['/opt/bar/libbar.so.2', ['libc.so.6']],
      ]),
    });
    expect(closed.unknownNeeds).toEqual([]);
    expect(closed.copies.map((c) => c.name)).not.toContain('libGLdispatch.so.0');
    expect(closed.rpaths.map((r) => r.path)).toEqual([
      '/r/pkg/sub/_core.so',
      '/r/pkg.libs/libfoo.so.1',
      '/r/pkg.libs/libbar.so.2',
    ]);
  });

  test('missing libraries, conflicts, system-only files and non-dynamic files', () => {
    const a = file(
      '/r/pkg/a.so',
      ['libq.so', 'libgone.so'],
      [found('libq.so', '/opt/one/libq.so'), { name: 'libgone.so', notFound: true }],
    );
    const b = file('/r/pkg/b.so', ['libq.so'], [found('libq.so', '/opt/two/libq.so')]);
    const system = file('/r/pkg/c.so', ['libstdc++.so.6', 'libc.so.6'], [libc]);
    const object = file('/r/pkg/d.o', ['libnever.so'], [], { type: 'rel', dynamic: false });
    const plan = planBundle({
      packageRoot: '/r/',
      packageName: 'pkg',
      files: [a, b, system, object],
    });
    expect(plan.missing).toEqual([{ path: '/r/pkg/a.so', names: ['libgone.so'] }]);
    expect(plan.copies).toEqual([
      {
        name: 'libq.so',
        from: '/opt/one/libq.so',
        to: '/r/pkg.libs/libq.so',
        neededBy: ['/r/pkg/a.so', '/r/pkg/b.so'],
      },
    ]);
    expect(plan.conflicts).toEqual([
      { name: 'libq.so', sources: ['/opt/one/libq.so', '/opt/two/libq.so'] },
    ]);
    expect(plan.rpaths.map((r) => [r.path, r.rpath])).toEqual([
      ['/r/pkg/a.so', ['$ORIGIN/../pkg.libs']],
      ['/r/pkg/b.so', ['$ORIGIN/../pkg.libs']],
      ['/r/pkg.libs/libq.so', ['$ORIGIN']],
    ]);
  });

  test('a library the loader already finds inside the package is left alone', () => {
    const a = file('/r/pkg/a.so', ['libin.so'], [found('libin.so', '/r/pkg/vendor/libin.so')], {
      runpath: ['$ORIGIN/vendor'],
    });
    const plan = planBundle({ packageRoot: '/r', packageName: 'pkg', files: [a] });
    expect(plan).toMatchObject({ copies: [], rpaths: [], missing: [], unknownNeeds: [] });
  });
});

describe('bundleLibraries end to end with real g++ builds', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let stage: string;
  let deepDir: string;
  let extraDir: string;
  let goneDir: string;
  let main: string;
  let plain: string;
  const executor = new LocalExecutor();
  const buildEnv = () => ({ LD_LIBRARY_PATH: `${extraDir}:${deepDir}` });

  beforeAll(async () => {
    tmp = await tempDir('bundle');
    deepDir = join(tmp.dir, 'build-deep');
    extraDir = join(tmp.dir, 'build-extra');
    goneDir = join(tmp.dir, 'build-gone');
    stage = join(tmp.dir, 'stage');
    await Promise.all([
      mkdir(deepDir),
      mkdir(extraDir),
      mkdir(goneDir),
      mkdir(join(stage, 'pkg', 'sub'), { recursive: true }),
    ]);
    // libextra needs libdeep; neither has an RPATH, and both live in build folders only.
    await gxx(deepDir, 'libdeep.so', 'int deep() { return 41; }\n', ['-shared', '-fPIC']);
    await gxx(goneDir, 'libgone.so', 'int gone() { return 0; }\n', ['-shared', '-fPIC']);
    await gxx(extraDir, 'libextra.so', 'int deep();\nint extra() { return deep() + 1; }\n', [
      '-shared',
      '-fPIC',
      `-L${deepDir}`,
      '-ldeep',
    ]);
    [main, plain] = await Promise.all([
      gxx(
        join(stage, 'pkg', 'sub'),
        '_main.so',
        'int extra();\nextern "C" int answer() { return extra(); }\n',
        ['-shared', '-fPIC', `-L${extraDir}`, '-lextra', '-Wl,-rpath,/nonexistent/build/lib'],
      ),
      gxx(join(stage, 'pkg'), '_plain.so', '#include <string>\nstd::string s() { return "x"; }\n', [
        '-shared',
        '-fPIC',
      ]),
    ]);
  });

  afterAll(async () => {
    await tmp?.remove();
  });

  test('before bundling, the loader cannot find libextra.so', async () => {
    const error = await checkInstalledLibraries(executor, [plain, main], new MemoryLog()).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(LibraryError);
    expect(error.details).toContain(`${main}\n  libextra.so => not found`);
    expect(error.details).not.toContain(plain);
  });

  test('a clear error when patchelf is missing', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = tmp.dir; // no patchelf here
    try {
      const error = await bundleLibraries({
        executor: new LocalExecutor(),
        packageRoot: stage,
        packageName: 'pkg',
        files: [main],
        log: new MemoryLog(),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(LibraryError);
      expect(error.message).toBe(
        'bundle-libs needs patchelf, which is not installed on this machine',
      );
      expect(error.input).toBe('bundle-libs');
      expect(error.fix).toBe(PATCHELF_FIX);
      expect(error.fix).toContain('apt-get install -y patchelf');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  test('a library the build environment cannot find either is an error, and nothing is copied', async () => {
    const error = await bundleLibraries({
      executor,
      packageRoot: stage,
      packageName: 'pkg',
      files: ['pkg/sub/_main.so', 'pkg/_plain.so'],
      log: new MemoryLog(),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error.message).toContain('cannot find libextra.so');
    expect(await readdir(stage)).toEqual(['pkg']);
  });

  test('the refusal names the whole missing tree: a library missing behind a found one too', async () => {
    // _tree.so needs libgone.so (nowhere) and libextra.so (found), which needs libdeep.so
    // (not on the loader's path): the first round alone would name only libgone.so.
    const tree = await gxx(
      join(stage, 'pkg'),
      '_tree.so',
      'int extra();\nint gone();\nextern "C" int t() { return extra() + gone(); }\n',
      ['-shared', '-fPIC', `-L${extraDir}`, '-lextra', `-L${goneDir}`, '-lgone'],
    );
    const error = await bundleLibraries({
      executor,
      packageRoot: stage,
      packageName: 'pkg',
      files: [tree],
      log: new MemoryLog(),
      env: { LD_LIBRARY_PATH: extraDir },
    }).catch((e) => e);
    await rm(tree);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error.message).toBe(
      'bundle-libs: cannot find libgone.so (needed by pkg/_tree.so), libdeep.so (needed by pkg.libs/libextra.so) on this machine, so they cannot be bundled',
    );
    expect(error.input).toBe('library-path');
    expect(error.fix).toMatch(/^add the folders that hold them to the input library-path/);
    expect(await readdir(stage)).toEqual(['pkg']); // nothing copied
  });

  test('bundles libextra and libdeep into pkg.libs with $ORIGIN RPATHs; the install loads without the build folders', async () => {
    const log = new MemoryLog();
    const plan = await bundleLibraries({
      executor,
      packageRoot: stage,
      packageName: 'pkg',
      files: ['pkg/sub/_main.so', 'pkg/_plain.so'],
      log,
      env: buildEnv(),
    });
    expect(plan.copies.map((c) => c.name)).toEqual(['libextra.so', 'libdeep.so']);
    // Unique names from the sha256 of each library as built, SONAMEs and NEEDED rewritten.
    const sha = async (path: string) =>
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex');
    const extraName = uniqueLibraryName('libextra.so', await sha(join(extraDir, 'libextra.so')));
    const deepName = uniqueLibraryName('libdeep.so', await sha(join(deepDir, 'libdeep.so')));
    expect(extraName).toMatch(/^libextra-[0-9a-f]{8}\.so$/);
    expect(plan.bundled.map((c) => c.unique)).toEqual([extraName, deepName]);
    expect((await readdir(join(stage, 'pkg.libs'))).sort()).toEqual([deepName, extraName].sort());
    const extraInfo = await readElf(join(stage, 'pkg.libs', extraName));
    expect(extraInfo.soname).toBe(extraName);
    expect(extraInfo.needed).toContain(deepName);
    expect(extraInfo.needed).not.toContain('libdeep.so');
    expect((await readelfDynamic(join(stage, 'pkg.libs', extraName))).soname).toBe(extraName);

    const mainInfo = await readElf(main);
    expect(mainInfo.needed).toContain(extraName);
    expect(mainInfo.needed).not.toContain('libextra.so');
    expect(mainInfo.rpath).toEqual(['$ORIGIN/../../pkg.libs']);
    expect(mainInfo.runpath).toEqual([]); // --force-rpath turned the RUNPATH into an RPATH
    expect((await readelfDynamic(main)).rpath).toEqual(['$ORIGIN/../../pkg.libs']);
    expect(extraInfo.rpath).toEqual(['$ORIGIN']);
    expect((await readElf(plain)).rpath).toEqual([]); // needs only system libraries: untouched
    expect(log.lines).toContain(
      'bundle-libs: RPATH of pkg/sub/_main.so = $ORIGIN/../../pkg.libs (dropped /nonexistent/build/lib)',
    );

    // "Install" the tree elsewhere and remove the build folders: only the wheel's copies remain.
    await rm(deepDir, { recursive: true });
    await rm(extraDir, { recursive: true });
    const site = join(tmp.dir, 'site-packages');
    await cp(stage, site, { recursive: true });
    const installed = [
      join(site, 'pkg', 'sub', '_main.so'),
      join(site, 'pkg', '_plain.so'),
      join(site, 'pkg.libs', extraName),
      join(site, 'pkg.libs', deepName),
    ];
    const views = await checkInstalledLibraries(executor, installed, new MemoryLog());
    const mainView = views[0]!;
    expect(mainView.entries.find((e) => e.name === extraName)?.path).toBe(
      `${site}/pkg/sub/../../pkg.libs/${extraName}`, // $ORIGIN expanded by the loader
    );
    expect(mainView.entries.find((e) => e.name === deepName)?.path).toMatch(
      new RegExp(`^${site}/.*pkg\\.libs/${deepName.replace('.', '\\.')}$`),
    );
    // Even with LD_LIBRARY_PATH pointing elsewhere, the RPATH wins.
    const [view] = await checkInstalledLibraries(executor, [installed[0]!], new MemoryLog(), {
      env: { LD_LIBRARY_PATH: tmp.dir },
    });
    expect(view!.entries.filter((e) => e.notFound)).toEqual([]);
  });

  test('python3 ctypes loads the bundled object in a fresh process', async () => {
    const site = join(tmp.dir, 'site-packages');
    const env = { ...process.env };
    delete env.LD_LIBRARY_PATH;
    const { stdout } = await run(
      [
        'python3',
        '-c',
        'import ctypes, sys; print(ctypes.CDLL(sys.argv[1]).answer())',
        join(site, 'pkg', 'sub', '_main.so'),
      ],
      { env },
    );
    expect(stdout.trim()).toBe(String(41 + 1));
  });
});
