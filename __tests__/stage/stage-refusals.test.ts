// The stager's refusals and log lines, word for word (fast: small real trees).
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import { parseStageRules, stagePackage, validateArchivePath } from '../../src/stage/stage.js';
import { stageRefusal, stageTrees } from '../helpers/stage-trees.js';

const { tree } = stageTrees('stage-refusals-');

describe('validateArchivePath', () => {
  it.each(['', '/abs/x.py', 'a//b', 'a/./b', 'a/../b', '../b', 'a/', './a', 'a\\b', '..'])(
    'refuses %j',
    (path) => {
      let error: unknown;
      try {
        validateArchivePath(path, 'stage');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('stage');
      expect((error as InputError).message).toBe(`"${path}" is not a safe path inside a wheel.`);
      expect((error as InputError).fix).toBe(
        'rename the file: wheel paths are relative, without "..", backslashes or empty segments.',
      );
    },
  );

  it.each(['a', 'pkg/x.py', '.hidden', 'pkg/..x', 'pkg/x..', 'a/b/c/d'])('accepts %j', (path) => {
    expect(() => validateArchivePath(path, 'stage')).not.toThrow();
  });
});

describe('package-dir', () => {
  it('that does not exist', async () => {
    const root = tree({});
    const error = await stageRefusal({ workingDirectory: root, packageDir: 'missing', rules: [] });
    expect(error.input).toBe('package-dir');
    expect(error.message).toBe(`the package folder ${join(root, 'missing')} does not exist.`);
    expect(error.fix).toBe(
      'build first (`build-command`), or point `package-dir` at the folder named like the package.',
    );
  });

  it('that is a file', async () => {
    const root = tree({ 'pkg.py': '' });
    const error = await stageRefusal({ workingDirectory: root, packageDir: 'pkg.py', rules: [] });
    expect(error.input).toBe('package-dir');
    expect(error.message).toBe(`${join(root, 'pkg.py')} is a file, not the package folder.`);
    expect(error.fix).toMatch(/^point `package-dir` at the folder named like the package/);
  });
});

describe('package-dir linked out of the tree', () => {
  it('a link to a folder outside the working directory: refused, naming both', async () => {
    const outside = tree({ 'creds/__init__.py': '', 'creds/credentials': 'secret' });
    const root = tree({});
    symlinkSync(join(outside, 'creds'), join(root, 'pkg'));
    const error = await stageRefusal({ workingDirectory: root, packageDir: 'pkg', rules: [] });
    expect(error.input).toBe('package-dir');
    expect(error.message).toBe(
      `${join(root, 'pkg')} is a symbolic link to ${realpathSync(join(outside, 'creds'))}, outside ${realpathSync(root)}.`,
    );
    expect(error.fix).toMatch(/^point `package-dir` at a real folder inside the working directory/);
  });

  it('behind a linked folder: refused; inside the workspace it may leave the working directory', async () => {
    const outside = tree({ 'creds/__init__.py': '' });
    const workspace = tree({ 'ws/keep': '', 'sibling/pkg/__init__.py': '' });
    const root = join(workspace, 'ws');
    symlinkSync(outside, join(root, 'up'));
    const error = await stageRefusal({ workingDirectory: root, packageDir: 'up/creds', rules: [] });
    expect(error.message).toMatch(/up\/creds is behind a symbolic link to .*\/creds, outside /);
    // Written outside the working directory but inside the workspace: held to the workspace.
    const staged = await stagePackage({
      workingDirectory: root,
      workspace,
      packageDir: '../sibling/pkg',
      rules: [],
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath)).toEqual(['pkg/__init__.py']);
    symlinkSync(outside, join(workspace, 'away'));
    const away = await stageRefusal({
      workingDirectory: root,
      workspace,
      packageDir: '../away/creds',
      rules: [],
    });
    expect(away.message).toContain(`outside ${realpathSync(workspace)}.`);
  });

  it('a link that stays inside the working directory is packed under the target name', async () => {
    const root = tree({ 'build/realpkg/__init__.py': '' });
    symlinkSync(join(root, 'build', 'realpkg'), join(root, 'pkg'));
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath)).toEqual(['realpkg/__init__.py']);
  });
});

describe('top-level folders', () => {
  it('a folder that is no Python name', async () => {
    const root = tree({ 'build/x.py': '' });
    const error = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('build/x.py => my-pkg'),
    });
    expect(error.input).toBe('stage');
    expect(error.message).toBe('the package folder "my-pkg" is not an importable Python name.');
    expect(error.fix).toBe(
      'name the folder like the import: ASCII letters, digits and "_", not starting with a digit.',
    );
  });

  it('a package without __init__.py, on both routes', async () => {
    const root = tree({ 'pkg/mod.py': '', 'build/x.py': '' });
    const viaDir = await stageRefusal({ workingDirectory: root, packageDir: 'pkg', rules: [] });
    expect(viaDir.input).toBe('package-dir');
    expect(viaDir.message).toBe('the package "pkg" has no __init__.py.');
    expect(viaDir.fix).toBe(
      'add pkg/__init__.py that imports from the extension (e.g. `from ._native import *`).',
    );
    const viaRule = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('build/x.py => other'),
    });
    expect(viaRule.input).toBe('stage');
    expect(viaRule.message).toBe('the package "other" has no __init__.py.');
  });

  it('logs stray root files and what was staged', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'build/notes.txt': '', 'build/tool.py': '' });
    const log = new MemoryLog();
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: parseStageRules('build/notes.txt => .\nbuild/tool.py => .'),
      name: 'demo',
      log,
    });
    expect(staged.files).toHaveLength(3);
    expect(log.lines).toEqual([
      'stage: build/notes.txt => . (1 files)',
      'stage: build/tool.py => . (1 files)',
      'warning: files at the wheel root that are no module land directly in site-packages: notes.txt',
      'staged 3 files: packages pkg; top-level modules tool',
    ]);
  });
});
