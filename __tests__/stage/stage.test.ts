import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import {
  globBase,
  parseStageRules,
  stagePackage,
  validateArchivePath,
} from '../../src/stage/stage.js';

describe('stage rules', () => {
  it('parses SOURCE_GLOB => DEST_DIR lines, skipping blanks and comments', () => {
    expect(
      parseStageRules('# caffe\npython/caffe/** => caffe\n\n  build/lib/*.so* =>  caffe/lib/ \n'),
    ).toEqual([
      { source: 'python/caffe/**', dest: 'caffe', line: 2 },
      { source: 'build/lib/*.so*', dest: 'caffe/lib', line: 4 },
    ]);
    expect(parseStageRules('build/x.so => .')).toEqual([
      { source: 'build/x.so', dest: '', line: 1 },
    ]);
  });

  it.each([
    ['no arrow', 'build/*.so caffe'],
    ['two arrows', 'a => b => c'],
    ['empty source', ' => caffe'],
    ['empty dest', 'build/*.so => '],
    ['glob escaping the working directory', '../secrets/* => caffe'],
    ['absolute glob', '/etc/* => caffe'],
    ['dest escaping the wheel', 'build/*.so => ../x'],
    ['absolute dest', 'build/*.so => /usr/lib'],
  ])('refuses %s', (_label, raw) => {
    expect(() => parseStageRules(raw)).toThrow(InputError);
  });

  it.each([
    ['python/caffe/**', 'python/caffe'],
    ['build/lib/*.so*', 'build/lib'],
    ['build/lib/libx.so', 'build/lib'],
    ['*.so', ''],
    ['src/{a,b}/*.py', 'src'],
  ])('the static base of %s is %j', (pattern, base) => {
    expect(globBase(pattern)).toBe(base);
  });

  it.each(['/abs', 'a/../b', 'a//b', 'a\\b', '', './a'])('refuses the wheel path %j', (path) => {
    expect(() => validateArchivePath(path)).toThrow(InputError);
  });
});

describe('stagePackage', () => {
  function tree(): string {
    const root = mkdtempSync(join(tmpdir(), 'stage-'));
    mkdirSync(join(root, 'python', 'pkg', 'sub'), { recursive: true });
    mkdirSync(join(root, 'python', 'pkg', '__pycache__'), { recursive: true });
    mkdirSync(join(root, 'build', 'lib'), { recursive: true });
    writeFileSync(join(root, 'python', 'pkg', '__init__.py'), 'from ._x import f\n');
    writeFileSync(join(root, 'python', 'pkg', 'sub', 'mod.py'), 'x = 1\n');
    writeFileSync(join(root, 'python', 'pkg', '__pycache__', 'mod.cpython-311.pyc'), 'junk');
    writeFileSync(join(root, 'build', '_x.so'), 'ELF');
    writeFileSync(join(root, 'build', 'lib', 'libx.so.1'), 'ELF1');
    symlinkSync('libx.so.1', join(root, 'build', 'lib', 'libx.so'));
    return root;
  }

  it('maps files to wheel paths keeping the layout below each glob base, without copying', async () => {
    const root = tree();
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules(
        'python/pkg/** => pkg\nbuild/_x.so => pkg\nbuild/lib/*.so* => pkg/lib',
      ),
      log: new MemoryLog(),
    });
    expect(staged.packageName).toBe('pkg');
    const byPath = Object.fromEntries(staged.files.map((f) => [f.archivePath, f.sourcePath]));
    expect(Object.keys(byPath).sort()).toEqual([
      'pkg/__init__.py',
      'pkg/_x.so',
      'pkg/lib/libx.so',
      'pkg/lib/libx.so.1',
      'pkg/sub/mod.py',
    ]);
    // The symlink is stored as its target's bytes; __pycache__ is left out.
    expect(byPath['pkg/lib/libx.so']).toBe(join(root, 'build', 'lib', 'libx.so.1'));
    expect(byPath['pkg/_x.so']).toBe(join(root, 'build', '_x.so'));
  });

  it('takes package-dir as the package, and stage rules on top of it', async () => {
    const root = tree();
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: join(root, 'python', 'pkg'),
      rules: parseStageRules('build/_x.so => pkg'),
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath).sort()).toEqual([
      'pkg/__init__.py',
      'pkg/_x.so',
      'pkg/sub/mod.py',
    ]);
  });

  it('refuses a package folder without __init__.py, and a folder that is not an importable name', async () => {
    const root = tree();
    await expect(
      stagePackage({
        workingDirectory: root,
        rules: parseStageRules('python/pkg/** => pkg\nbuild/_x.so => other'),
        log: new MemoryLog(),
      }),
    ).rejects.toThrow(/^the package "other" has no __init__\.py\.$/);
    mkdirSync(join(root, 'my-pkg'));
    writeFileSync(join(root, 'my-pkg', '__init__.py'), '');
    await expect(
      stagePackage({
        workingDirectory: root,
        packageDir: join(root, 'my-pkg'),
        rules: [],
        log: new MemoryLog(),
      }),
    ).rejects.toThrow(/"my-pkg" is not an importable Python name/);
  });

  it('stages top-level modules with `=> .`: the one module names the wheel', async () => {
    const root = tree();
    writeFileSync(join(root, 'build', 'fast.cpython-311-x86_64-linux-gnu.so'), 'ELF');
    const log = new MemoryLog();
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('build/fast*.so => .'),
      log,
    });
    expect(staged.files.map((f) => f.archivePath)).toEqual([
      'fast.cpython-311-x86_64-linux-gnu.so',
    ]);
    expect(staged.distribution).toBe('fast');
    expect(staged.packageName).toBe('fast');
    expect(staged.topLevel.modules).toEqual(['fast']);
    expect(log.lines).toContain('staged 1 files: top-level modules fast');
  });

  it('needs `name` for several top-level modules and packages, and warns about stray root files', async () => {
    const root = tree();
    writeFileSync(join(root, 'helper.py'), 'import _x\n');
    const rules = parseStageRules(
      'build/_x.so => .\nhelper.py => .\npython/pkg/** => pkg\nbuild/lib/libx.so.1 => .',
    );
    await expect(
      stagePackage({ workingDirectory: root, rules, log: new MemoryLog() }),
    ).rejects.toThrow(/several top-level modules and packages \(_x, helper, pkg\)/);
    const log = new MemoryLog();
    const staged = await stagePackage({ workingDirectory: root, rules, name: 'x-tools', log });
    expect(staged.distribution).toBe('x-tools');
    expect(staged.packageName).toBe('pkg');
    expect(staged.topLevel).toEqual({
      packages: ['pkg'],
      modules: ['_x', 'helper'],
      otherFolders: [],
      strayFiles: ['libx.so.1'],
    });
    expect(log.lines).toContain(
      'warning: files at the wheel root that are no module land directly in site-packages: libx.so.1',
    );
  });

  it('refuses a staged file behind a symlinked folder pointing outside the working directory', async () => {
    const root = tree();
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secret.so'), 'x');
    symlinkSync(outside, join(root, 'build', 'linked'));
    await expect(
      stagePackage({
        workingDirectory: root,
        rules: parseStageRules('python/pkg/** => pkg\nbuild/linked/*.so => pkg'),
        log: new MemoryLog(),
      }),
    ).rejects.toThrow(/outside/);
  });
});
