import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import { parseStageRules, stagePackage, validateArchivePath } from '../../src/stage/stage.js';
import { stageRefusal, stageTrees } from '../helpers/stage-trees.js';
import { thrownInputError } from '../helpers/input-error.js';

/** Working directories with a package, a build product and earlier wheels in several places. */
const { tree } = stageTrees('stage-contents-');

const PACKAGE = {
  'python/pkg/__init__.py': 'from ._x import f\n',
  'python/pkg/sub/mod.py': 'x = 1\n',
  'build/_x.so': 'ELF',
};

describe('stagePackage: output-dir contents never reach the wheel', () => {
  it('package-dir route, output-dir inside the package: everything in it is left out', async () => {
    const root = tree({
      ...PACKAGE,
      'python/pkg/dist/pkg-0.9-py3-none-any.whl': 'old wheel',
      'python/pkg/dist/.algorithmia-wheel-7/pkg-0.9-py3-none-any.whl': 'pending',
      'python/pkg/dist/notes.txt': 'x',
    });
    const log = new MemoryLog();
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: join(root, 'python/pkg'),
      rules: parseStageRules('build/_x.so => pkg'),
      outputDir: join(root, 'python/pkg/dist'),
      log,
    });
    expect(staged.files.map((f) => f.archivePath).sort()).toEqual([
      'pkg/__init__.py',
      'pkg/_x.so',
      'pkg/sub/mod.py',
    ]);
    expect(log.lines).toContain(
      `stage: left out 3 files: output-dir ${join(root, 'python/pkg/dist')} is inside ${join(root, 'python/pkg')}: everything in it is left out`,
    );
  });

  it('package-dir route, output-dir is the package: its wheels and pending folders are left out', async () => {
    const root = tree({
      ...PACKAGE,
      'python/pkg/pkg-0.9-py3-none-any.whl': 'old wheel',
      'python/pkg/.algorithmia-wheel-7/pkg-0.9-py3-none-any.whl': 'pending',
      'python/pkg/sub/data.whl': 'a data file that happens to end in .whl',
    });
    const log = new MemoryLog();
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: join(root, 'python/pkg'),
      rules: [],
      outputDir: join(root, 'python/pkg'),
      log,
    });
    expect(staged.files.map((f) => f.archivePath).sort()).toEqual([
      'pkg/__init__.py',
      'pkg/sub/data.whl',
      'pkg/sub/mod.py',
    ]);
    expect(log.lines).toContain(
      `stage: left out 2 files: output-dir ${join(root, 'python/pkg')} is the folder being staged: its wheels (*.whl), their receipts (*.whl.verification.json) and .algorithmia-wheel-* folders are left out`,
    );
  });

  it('stage route: a glob that also matches output-dir only stages the rest', async () => {
    const root = tree({
      ...PACKAGE,
      'python/pkg/dist/pkg-0.9-py3-none-any.whl': 'old wheel',
    });
    const log = new MemoryLog();
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('python/pkg/** => pkg\nbuild/_x.so => pkg'),
      outputDir: join(root, 'python/pkg/dist'),
      log,
    });
    expect(staged.files.map((f) => f.archivePath).sort()).toEqual([
      'pkg/__init__.py',
      'pkg/_x.so',
      'pkg/sub/mod.py',
    ]);
    expect(log.lines).toContain(
      `stage: left out 1 files: output-dir ${join(root, 'python/pkg/dist')} is inside ${root}: everything in it is left out`,
    );
    expect(log.lines).toContain('stage: python/pkg/** => pkg (2 files)');
  });

  it('stage route: output-dir is the working directory, its top-level wheels are left out', async () => {
    const root = tree({ ...PACKAGE, 'pkg-0.9-py3-none-any.whl': 'old', README: 'r' });
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('python/pkg/** => pkg\n* => pkg/top'),
      outputDir: root,
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath).sort()).toEqual([
      'pkg/__init__.py',
      'pkg/sub/mod.py',
      'pkg/top/README',
    ]);
  });

  it('stage route: a glob that matches only output-dir files is refused, saying so', async () => {
    const root = tree({ ...PACKAGE, 'dist/pkg-0.9-py3-none-any.whl': 'old' });
    const e = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('python/pkg/** => pkg\ndist/*.whl => pkg/wheels'),
      outputDir: join(root, 'dist'),
    });
    expect(e.message).toBe(
      `line 2: "dist/*.whl" matched no files in ${root} but the 1 files in output-dir, which are never packed.`,
    );
    expect(e.input).toBe('stage');
  });

  it('a glob that matches nothing at all says only that', async () => {
    const root = tree(PACKAGE);
    const e = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('nothing/* => pkg'),
      outputDir: join(root, 'dist'),
    });
    expect(e.message).toBe(`line 1: "nothing/*" matched no files in ${root}.`);
  });

  it('says nothing when an output-dir inside the tree holds nothing yet', async () => {
    const root = tree(PACKAGE);
    const log = new MemoryLog();
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('python/pkg/** => pkg'),
      outputDir: join(root, 'dist'),
      log,
    });
    expect(staged.files).toHaveLength(2);
    expect(log.lines.filter((l) => l.includes('left out'))).toEqual([]);
  });

  it('stages everything when output-dir is elsewhere', async () => {
    const root = tree({ ...PACKAGE, 'python/pkg/dist/kept.whl': 'x' });
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: join(root, 'python/pkg'),
      rules: [],
      outputDir: mkdtempSync(join(tmpdir(), 'out-')),
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath)).toContain('pkg/dist/kept.whl');
  });
});

describe('stagePackage: metadata and data folders', () => {
  it('refuses a stage rule into a .dist-info folder, naming stage', async () => {
    const root = tree(PACKAGE);
    const e = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('python/pkg/** => pkg\nbuild/_x.so => pkg-1.0.dist-info'),
    });
    expect(e.message).toBe(
      '"pkg-1.0.dist-info/_x.so" is staged into pkg-1.0.dist-info/, a metadata folder: only the packer writes one.',
    );
    expect(e.input).toBe('stage');
  });

  it('refuses a package-dir that is a .dist-info folder, naming package-dir', async () => {
    const root = tree({ 'pkg-1.0.dist-info/METADATA': 'Name: evil\n' });
    const e = await stageRefusal({
      workingDirectory: root,
      packageDir: join(root, 'pkg-1.0.dist-info'),
      rules: [],
    });
    expect(e.message).toBe(
      '"pkg-1.0.dist-info/METADATA" is staged into pkg-1.0.dist-info/, a metadata folder: only the packer writes one.',
    );
    expect(e.input).toBe('package-dir');
  });

  it('stages scripts into the data folder beside the package, which stays the package', async () => {
    const root = tree({ ...PACKAGE, 'build/tool': '#!/bin/sh\n' });
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('python/pkg/** => pkg\nbuild/tool => pkg-1.0.data/scripts'),
      log: new MemoryLog(),
    });
    expect(staged.packageName).toBe('pkg');
    expect(staged.files.map((f) => f.archivePath).sort()).toEqual([
      'pkg-1.0.data/scripts/tool',
      'pkg/__init__.py',
      'pkg/sub/mod.py',
    ]);
  });

  it('refuses a data folder file outside the scheme folders', async () => {
    const root = tree({ ...PACKAGE, 'build/tool': '#!/bin/sh\n' });
    const e = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('python/pkg/** => pkg\nbuild/tool => pkg-1.0.data/bin'),
    });
    expect(e.message).toBe(
      '"pkg-1.0.data/bin/tool" is staged into pkg-1.0.data/ but not into one of its scheme folders (data, headers, platlib, purelib, scripts).',
    );
    expect(e.input).toBe('stage');
  });
});

describe('stage rules and wheel paths: exact refusals', () => {
  it.each([
    [
      '# c\nbuild/*.so caffe',
      'line 2 ("build/*.so caffe") is not of the form SOURCE_GLOB => DEST_DIR.',
    ],
    ['a => b => c', 'line 1 ("a => b => c") is not of the form SOURCE_GLOB => DEST_DIR.'],
    ['  => caffe', 'line 1 ("=> caffe") is not of the form SOURCE_GLOB => DEST_DIR.'],
    ['x =>   ', 'line 1 ("x =>") is not of the form SOURCE_GLOB => DEST_DIR.'],
  ])('refuses the rule %j', (raw, message) => {
    const e = thrownInputError(() => parseStageRules(raw));
    expect(e.message).toBe(message);
    expect(e.input).toBe('stage');
    expect(e.fix).toBe('write one rule per line, e.g. `build/lib/*.so* => mypkg/lib`.');
  });

  it.each(['../secrets/* => caffe', '/etc/* => caffe', 'a/../../b => caffe'])(
    'refuses the glob of %j',
    (raw) => {
      const e = thrownInputError(() => parseStageRules(`\n${raw}`));
      expect(e.message).toBe(
        `line 2: the glob "${raw.split(' => ')[0]}" leaves the working directory.`,
      );
      expect(e.input).toBe('stage');
      expect(e.fix).toBe('use a glob relative to `working-directory`, without "..".');
    },
  );

  it.each(['..', '../x', 'a/../..', '/usr/lib', 'a\\b'])('refuses the destination %j', (dest) => {
    const e = thrownInputError(() => parseStageRules(`\nbuild/*.so => ${dest}`));
    expect(e.message).toBe(
      `line 2: DEST_DIR "${dest}" must be a relative folder inside the wheel.`,
    );
    expect(e.input).toBe('stage');
    expect(e.fix).toBe('name the folder relative to the wheel root, e.g. `mypkg/lib`.');
  });

  it('takes a destination with trailing slashes as the folder', () => {
    expect(parseStageRules('a => pkg//lib///')).toEqual([
      { source: 'a', dest: 'pkg/lib', line: 1 },
    ]);
    expect(parseStageRules('a => ./')).toEqual([{ source: 'a', dest: '', line: 1 }]);
  });
});

describe('validateArchivePath: exact refusals', () => {
  it.each(['', '/abs', 'a/', 'a//b', './a', 'a/./b', 'a/..', '..', 'a\\b'])(
    'refuses %j',
    (path) => {
      let error: unknown;
      try {
        validateArchivePath(path, 'package-dir');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      const e = error as InputError;
      expect(e.message).toBe(`"${path}" is not a safe path inside a wheel.`);
      expect(e.input).toBe('package-dir');
      expect(e.fix).toBe(
        'rename the file: wheel paths are relative, without "..", backslashes or empty segments.',
      );
    },
  );

  it.each(['a', 'pkg/a.py', 'pkg/..a/b..', 'pkg/.hidden'])('accepts %j', (path) => {
    expect(() => validateArchivePath(path)).not.toThrow();
  });
});
