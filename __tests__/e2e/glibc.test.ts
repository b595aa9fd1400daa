// Issue 14, parts 3 and 4, through the bundled action: the symbol versions a wheel needs against
// target-glibc (a C++ library built here with g++ 12 needing GLIBC_2.34 and GLIBCXX_3.4.26),
// platform-tag: manylinux, and bundle-libs the way auditwheel does it (no libpython, exclude-libs,
// unique names).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readElf } from '../../src/elf/read-file.js';
import { listZipEntries } from '../../src/zip/zip-listing.js';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import {
  buildModernPackage,
  extensionSource,
  gccShared,
  pythonBuildInfo,
} from '../helpers/native-fixtures.js';
import { defaultPython3, pyenvPython, runPython } from '../helpers/python.js';
import { pipInstallTarget } from '../helpers/pip-target.js';

let python: string;
let modern: string;

beforeAll(() => {
  python = defaultPython3();
  modern = buildModernPackage(python);
});

function outDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'glibc-out-')), 'dist');
}

function pipInstall(py: string, wheels: string[]): string {
  const target = mkdtempSync(join(tmpdir(), 'glibc-target-'));
  const install = pipInstallTarget(py, target, wheels);
  if (install.status !== 0)
    throw new Error(`pip install failed:\n${install.stdout}${install.stderr}`);
  return target;
}

const modernInputs = (extra: Record<string, string>) => ({
  'working-directory': modern,
  'package-dir': 'modernpkg',
  python,
  version: '1.0.0',
  'artifact-name': 'false',
  ...extra,
});

describe('target-glibc', () => {
  it('the fixture really needs GLIBC_2.34 and GLIBCXX_3.4.26 (readelf agrees in the unit tests)', async () => {
    const info = await readElf(join(modern, 'modernpkg', 'libmodern.so'));
    const versions = info.versionNeeds.map((n) => n.version);
    expect(versions).toContain('GLIBC_2.34');
    expect(versions).toContain('GLIBCXX_3.4.26');
  });

  it('2.31 refuses the wheel naming the file, libc.so.6, GLIBC_2.34 and its symbols; nothing is written', async () => {
    const out = outDir();
    const run = await runBundledAction(modernInputs({ 'target-glibc': '2.31', 'output-dir': out }));
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /modernpkg\/libmodern\.so needs GLIBC_2\.34 from libc\.so\.6 \(pthread_(create|join), pthread_(create|join)\)/,
    );
    expect(errors[0]).toMatch(/glibc 2\.31/);
    expect(errors[0]).toMatch(/image/); // the fix
    expect(errors[0]).not.toMatch(/GLIBCXX/); // 3.4.26 is within manylinux_2_31's 3.4.28
    expect(run.outputs.wheel).toBeUndefined();
    expect(readdirSync(out)).toEqual(['failed']); // the failed check's evidence only
    expect(run.summary).toContain('The wheel was not published');
  });

  it('manylinux2014 refuses GLIBC_2.34 and GLIBCXX_3.4.26', async () => {
    const out = outDir();
    const run = await runBundledAction(
      modernInputs({ 'target-glibc': 'manylinux2014', 'output-dir': out }),
    );
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/manylinux2014 \(manylinux_2_17, glibc 2\.17\)/);
    expect(errors[0]).toMatch(/GLIBC_2\.34 from libc\.so\.6/);
    expect(errors[0]).toMatch(/GLIBCXX_3\.4\.26 from libstdc\+\+\.so\.6 \(_ZN/);
    expect(readdirSync(out)).toEqual(['failed']); // the failed check's evidence only
  });

  it('2.36 accepts it; the summary and the log show the highest version per library', async () => {
    const out = outDir();
    const run = await runBundledAction(modernInputs({ 'target-glibc': '2.36', 'output-dir': out }));
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toMatch(/-linux_x86_64\.whl$/); // the default platform tag
    expect(run.stdout).toMatch(/modernpkg\/libmodern\.so needs at most: .*libc\.so\.6 GLIBC_2\.34/);
    expect(run.stdout).toMatch(/target-glibc: every native file fits glibc 2\.36/);
    expect(run.summary).toContain('Symbol versions needed');
    expect(run.summary).toContain(
      '| Runtime needs | GLIBC_2.34, GLIBCXX_3.4.26, CXXABI_1.3.9, GCC_3.0 (target: glibc 2.36) |',
    );
    expect(run.summary).toMatch(
      /\| modernpkg\/libmodern\.so \| libstdc\+\+\.so\.6 \| [^|]*GLIBCXX_3\.4\.26/,
    );
    const target = pipInstall(python, [run.outputs.wheel!]);
    const answer = runPython(
      python,
      `import sys; sys.path.insert(0, ${JSON.stringify(target)}); import modernpkg; print(modernpkg.answer())`,
    );
    expect(answer.trim()).toBe('42');
  });

  it('platform-tag: manylinux tags it with the strictest policy it meets, and pip installs it', async () => {
    const out = outDir();
    const run = await runBundledAction(
      modernInputs({ 'platform-tag': 'manylinux', 'output-dir': out }),
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toMatch(/-manylinux_2_34_x86_64\.whl$/);
    const target = pipInstall(python, [run.outputs.wheel!]);
    expect(
      runPython(
        python,
        `import sys; sys.path.insert(0, ${JSON.stringify(target)}); import modernpkg; print(modernpkg.answer())`,
      ).trim(),
    ).toBe('42');
  });
});

describe('platform-tag: manylinux on an old pip', () => {
  it('a plain C extension for 2.7 gets manylinux_2_5.manylinux1, which pip 19.2 installs', async () => {
    const py27 = pyenvPython('2.7.18');
    const info = pythonBuildInfo(py27);
    const dir = mkdtempSync(join(tmpdir(), 'plain27-'));
    mkdirSync(join(dir, 'plain'));
    gccShared(
      dir,
      '_plain',
      extensionSource('_plain', 'static int seven(void) { return 7; }', 'seven()'),
      join(dir, 'plain', `_plain${info.suffix}`),
      [`-I${info.include}`],
    );
    execFileSync('sh', [
      '-c',
      `echo 'from ._plain import answer' > ${join(dir, 'plain', '__init__.py')}`,
    ]);
    const run = await runBundledAction({
      'working-directory': dir,
      'package-dir': 'plain',
      python: py27,
      version: '1.0.0',
      'output-dir': outDir(),
      'platform-tag': 'manylinux',
      'artifact-name': 'false',
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe(
      'plain-1.0.0-cp27-cp27mu-manylinux_2_5_x86_64.manylinux1_x86_64.whl',
    );
    const target = pipInstall(py27, [run.outputs.wheel!]);
    expect(
      runPython(
        py27,
        `import sys; sys.path.insert(0, ${JSON.stringify(target)}); import plain; print(plain.answer())`,
      ).trim(),
    ).toBe('7');
  });
});

describe('bundle-libs like auditwheel', () => {
  it("an extension linked against pyenv 2.7's shared libpython gets no copy of it", async () => {
    const py27 = pyenvPython('2.7.18');
    const info = pythonBuildInfo(py27);
    expect(info.ldlibrary).toBe('libpython2.7.so');
    const dir = mkdtempSync(join(tmpdir(), 'withpy-'));
    mkdirSync(join(dir, 'build'));
    mkdirSync(join(dir, 'withpy'));
    gccShared(
      dir,
      'foo',
      'int foo_value(void) { return 27; }\n',
      join(dir, 'build', 'libfoo.so.1'),
      ['-Wl,-soname,libfoo.so.1'],
    );
    gccShared(
      dir,
      '_withpy',
      extensionSource('_withpy', 'int foo_value(void);', 'foo_value()'),
      join(dir, 'withpy', `_withpy${info.suffix}`),
      [
        `-I${info.include}`,
        `-L${info.libdir}`,
        '-lpython2.7',
        `-L${join(dir, 'build')}`,
        '-l:libfoo.so.1',
      ],
    );
    execFileSync('sh', [
      '-c',
      `echo 'from ._withpy import answer' > ${join(dir, 'withpy', '__init__.py')}`,
    ]);
    const needed = (await readElf(join(dir, 'withpy', `_withpy${info.suffix}`))).needed;
    expect(needed).toContain('libpython2.7.so.1.0');
    const run = await runBundledAction({
      'working-directory': dir,
      'package-dir': 'withpy',
      python: py27,
      version: '1.0.0',
      'output-dir': outDir(),
      'bundle-libs': 'true',
      'library-path': `build\n${info.libdir}`,
      'artifact-name': 'false',
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/leaving out libpython2\.7\.so\.1\.0 \(the Python runtime/);
    const entries = (await listZipEntries(run.outputs.wheel!)).map((e) => e.path);
    expect(entries.filter((p) => /libpython/.test(p))).toEqual([]);
    expect(entries.filter((p) => p.startsWith('withpy.libs/'))).toEqual([
      expect.stringMatching(/^withpy\.libs\/libfoo-[0-9a-f]{8}\.so\.1$/),
    ]);
    const target = pipInstall(py27, [run.outputs.wheel!]);
    expect(
      runPython(
        py27,
        `import sys; sys.path.insert(0, ${JSON.stringify(target)}); import withpy; print(withpy.answer())`,
      ).trim(),
    ).toBe('27');
  });

  describe('exclude-libs', () => {
    let dir: string;
    beforeAll(() => {
      const info = pythonBuildInfo(python);
      dir = mkdtempSync(join(tmpdir(), 'gpu-'));
      mkdirSync(join(dir, 'driver'));
      mkdirSync(join(dir, 'gpu'));
      gccShared(
        dir,
        'drv',
        'int drv_value(void) { return 5; }\n',
        join(dir, 'driver', 'libfakecuda.so.1'),
        ['-Wl,-soname,libfakecuda.so.1'],
      );
      gccShared(
        dir,
        '_gpu',
        extensionSource('_gpu', 'int drv_value(void);', 'drv_value()'),
        join(dir, 'gpu', `_gpu${info.suffix}`),
        [`-I${info.include}`, `-L${join(dir, 'driver')}`, '-l:libfakecuda.so.1'],
      );
      execFileSync('sh', [
        '-c',
        `echo 'from ._gpu import answer' > ${join(dir, 'gpu', '__init__.py')}`,
      ]);
    });
    const inputs = () => ({
      'working-directory': dir,
      'package-dir': 'gpu',
      python,
      version: '1.0.0',
      'output-dir': outDir(),
      'bundle-libs': 'true',
      'exclude-libs': 'libfakecuda.so.*',
      'artifact-name': 'false',
    });

    it('an excluded library the runtime lacks is named in the check-libs error', async () => {
      const run = await runBundledAction(inputs());
      expect(run.status).not.toBe(0);
      const errors = errorAnnotations(run.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/libfakecuda\.so\.1 \(exclude-libs\)/);
      expect(run.stdout).toMatch(
        /leaving out libfakecuda\.so\.1 \(exclude-libs: the runtime provides it\)/,
      );
    });

    it('stays out of the wheel and resolves where the runtime has it', async () => {
      const run = await runBundledAction(inputs(), { LD_LIBRARY_PATH: join(dir, 'driver') });
      expect(errorAnnotations(run.stdout)).toEqual([]);
      expect(run.status).toBe(0);
      const entries = (await listZipEntries(run.outputs.wheel!)).map((e) => e.path);
      expect(entries.filter((p) => /fakecuda|\.libs\//.test(p))).toEqual([]);
    });
  });

  it('two wheels bundling different builds of libshared.so.1 both work in one python process', async () => {
    const info = pythonBuildInfo(python);
    const wheels: string[] = [];
    const names: string[] = [];
    for (const [pkg, value] of [
      ['alpha', 1],
      ['beta', 2],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), `${pkg}-`));
      mkdirSync(join(dir, 'build'));
      mkdirSync(join(dir, pkg));
      gccShared(
        dir,
        'shared',
        `int shared_value(void) { return ${value}; }\n`,
        join(dir, 'build', 'libshared.so.1'),
        ['-Wl,-soname,libshared.so.1'],
      );
      gccShared(
        dir,
        `_${pkg}`,
        extensionSource(`_${pkg}`, 'int shared_value(void);', 'shared_value()'),
        join(dir, pkg, `_${pkg}${info.suffix}`),
        [`-I${info.include}`, `-L${join(dir, 'build')}`, '-l:libshared.so.1'],
      );
      execFileSync('sh', [
        '-c',
        `echo 'from ._${pkg} import answer' > ${join(dir, pkg, '__init__.py')}`,
      ]);
      const run = await runBundledAction({
        'working-directory': dir,
        'package-dir': pkg,
        python,
        version: '1.0.0',
        'output-dir': outDir(),
        'bundle-libs': 'true',
        'library-path': 'build',
        'artifact-name': 'false',
      });
      expect(errorAnnotations(run.stdout)).toEqual([]);
      expect(run.status).toBe(0);
      wheels.push(run.outputs.wheel!);
      const entries = (await listZipEntries(run.outputs.wheel!)).map((e) => e.path);
      const copy = entries.find((p) => p.startsWith(`${pkg}.libs/`))!;
      expect(copy).toMatch(new RegExp(`^${pkg}\\.libs/libshared-[0-9a-f]{8}\\.so\\.1$`));
      names.push(copy.slice(copy.indexOf('/') + 1));
    }
    expect(names[0]).not.toBe(names[1]);
    const target = pipInstall(python, wheels);
    const both = runPython(
      python,
      `import sys; sys.path.insert(0, ${JSON.stringify(target)}); import alpha, beta; print(alpha.answer(), beta.answer())`,
    );
    expect(both.trim()).toBe('1 2');
  });
});
