// The stager's exact results on small real trees: build junk left out (and only it), the input
// each refusal names, rule parsing at its edges, and the log lines word for word.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/log.js';
import { globBase, parseStageRules, stagePackage } from '../../src/stage/stage.js';
import { stageRefusal, stageTrees } from '../helpers/stage-trees.js';

const { tree } = stageTrees('stage-exact-');

/** Build junk of every kind, beside names that only look like it. */
const JUNK_AND_NEAR_MISSES = {
  '__init__.py': '',
  'a.pyc': '',
  'b.pyo': '',
  'sub/c.pyc': '',
  'sub/d.pyo': '',
  '__pycache__/e.py': '',
  'sub/__pycache__/f.txt': '',
  '.git/config': '',
  'sub/.git/HEAD': '',
  '.DS_Store': '',
  'sub/.DS_Store': '',
  // Kept: only the exact names and suffixes are junk.
  'a.pycx': '',
  'a.pyc.txt': '',
  '.gitignore': '',
  'git/x': '',
  'x.DS_Store': '',
  'pycache/g.py': '',
};

const KEPT = [
  '.gitignore',
  '__init__.py',
  'a.pyc.txt',
  'a.pycx',
  'git/x',
  'pycache/g.py',
  'x.DS_Store',
];

describe('build junk is left out, and only it', () => {
  it('on the package-dir route', async () => {
    const root = tree(
      Object.fromEntries(Object.entries(JUNK_AND_NEAR_MISSES).map(([p, t]) => [`pkg/${p}`, t])),
    );
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath).sort()).toEqual(KEPT.map((p) => `pkg/${p}`));
  });

  it('on the stage route', async () => {
    const root = tree(
      Object.fromEntries(Object.entries(JUNK_AND_NEAR_MISSES).map(([p, t]) => [`src/${p}`, t])),
    );
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('src/** => pkg'),
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath)).toEqual(KEPT.map((p) => `pkg/${p}`));
  });
});

describe('the package-dir route', () => {
  it('names the package after the real folder when package-dir is a link to it', async () => {
    const root = tree({ 'real_pkg/__init__.py': '' });
    symlinkSync('real_pkg', join(root, 'alias'));
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'alias',
      rules: [],
      log: new MemoryLog(),
    });
    expect(staged.packageName).toBe('real_pkg');
    expect(staged.files).toEqual([
      {
        archivePath: 'real_pkg/__init__.py',
        sourcePath: join(root, 'real_pkg/__init__.py'),
        size: 0,
        executable: false,
      },
    ]);
  });

  it('a folder with a line break in it is refused naming package-dir', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'pkg/a\nb/mod.py': '' });
    const error = await stageRefusal({ workingDirectory: root, packageDir: 'pkg', rules: [] });
    expect(error.input).toBe('package-dir');
    expect(error.message).toBe(
      `the folder "a\\nb" in ${join(root, 'pkg')} has a line break in its name; globs cannot match it, so it would be missing from the wheel.`,
    );
  });

  it('a file with a control character is refused naming package-dir', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'pkg/a\tb.py': '' });
    const error = await stageRefusal({ workingDirectory: root, packageDir: 'pkg', rules: [] });
    expect(error.input).toBe('package-dir');
    expect(error.message).toMatch(/^the wheel path "pkg\/a\\tb\.py" holds a control character/);
  });
});

describe('the stage route', () => {
  it('a folder with a line break below a ** is refused naming stage', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'src/a\rb/mod.py': '' });
    const error = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('pkg/** => pkg\nsrc/** => pkg/src'),
    });
    expect(error.input).toBe('stage');
    expect(error.message).toBe(
      `the folder "src/a\\rb" in ${root} has a line break in its name; globs cannot match it, so it would be missing from the wheel.`,
    );
  });

  it('a glob naming a folder matches no files: folders are not expanded', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'build/lib/x.so': '' });
    const error = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('pkg/** => pkg\nbuild/lib => pkg/lib'),
    });
    expect(error.message).toBe(`line 2: "build/lib" matched no files in ${root}.`);
    expect(error.input).toBe('stage');
    expect(error.fix).toBe(
      'check that `build-command` produced them and that the glob is relative to `working-directory`.',
    );
  });

  it('a glob without a static folder keeps the matched paths whole', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'pkg/sub/m.py': '' });
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('**/*.py => .'),
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath)).toEqual(['pkg/__init__.py', 'pkg/sub/m.py']);
  });
});

describe('log lines and warnings with several names', () => {
  it('joins packages, modules and stray files with commas, the groups with a semicolon', async () => {
    const root = tree({
      'a/__init__.py': '',
      'b/__init__.py': '',
      'm.py': '',
      'n.py': '',
      'notes.txt': '',
      LICENSE: '',
    });
    const log = new MemoryLog();
    await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('a/** => a\nb/** => b\n*.py => .\nnotes.txt => .\nLICENSE => .'),
      name: 'demo',
      log,
    });
    expect(log.lines).toEqual([
      'stage: a/** => a (1 files)',
      'stage: b/** => b (1 files)',
      'stage: *.py => . (2 files)',
      'stage: notes.txt => . (1 files)',
      'stage: LICENSE => . (1 files)',
      'warning: files at the wheel root that are no module land directly in site-packages: LICENSE, notes.txt',
      'staged 6 files: packages a, b; top-level modules m, n',
    ]);
  });
});

describe('log lines with one kind of name only', () => {
  it('packages only: no warning, no modules part', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'pkg/m.py': '' });
    const log = new MemoryLog();
    await stagePackage({ workingDirectory: root, packageDir: 'pkg', rules: [], log });
    expect(log.lines).toEqual(['staged 2 files: packages pkg']);
  });

  it('modules only: no packages part', async () => {
    const root = tree({ 'build/fast.so': '' });
    const log = new MemoryLog();
    await stagePackage({ workingDirectory: root, rules: parseStageRules('build/*.so => .'), log });
    expect(log.lines).toEqual([
      'stage: build/*.so => . (1 files)',
      'staged 1 files: top-level modules fast',
    ]);
  });
});

describe('parseStageRules at its edges', () => {
  it('splits Windows line ends and counts blank and comment lines in the line numbers', () => {
    expect(
      parseStageRules('# one\r\n\r\n  # indented comment\r\na => b\r\n\t\r\nc/* => d/e/'),
    ).toEqual([
      { source: 'a', dest: 'b', line: 4 },
      { source: 'c/*', dest: 'd/e', line: 6 },
    ]);
  });

  it('reports the line number of a bad line after CRLF lines', () => {
    expect(() => parseStageRules('a => b\r\n\r\nbad')).toThrow(
      /^line 3 \("bad"\) is not of the form SOURCE_GLOB => DEST_DIR\.$/,
    );
  });

  it('a "#" that does not start the line is part of the rule', () => {
    expect(parseStageRules('a#b => c')).toEqual([{ source: 'a#b', dest: 'c', line: 1 }]);
  });

  it('normalizes the destination folder', () => {
    expect(parseStageRules('a => ./pkg/./lib/../bin')).toEqual([
      { source: 'a', dest: 'pkg/bin', line: 1 },
    ]);
    expect(parseStageRules('a => pkg/..')).toEqual([{ source: 'a', dest: '', line: 1 }]);
    expect(parseStageRules('a => ..x')).toEqual([{ source: 'a', dest: '..x', line: 1 }]);
  });

  it('keeps ".." inside a glob segment, refuses it as a segment', () => {
    expect(parseStageRules('build/a..b/*.so => x')).toEqual([
      { source: 'build/a..b/*.so', dest: 'x', line: 1 },
    ]);
    expect(() => parseStageRules('build/../*.so => x')).toThrow(/leaves the working directory/);
  });

  it.each([
    ['a/b?/c.so', 'a'],
    ['a/[bc]/c.so', 'a'],
    ['a/b]/c.so', 'a'],
    ['a/{b}/c.so', 'a'],
    ['a/b}/c.so', 'a'],
    ['a/@(b)/c.so', 'a'],
    ['a/b)/c.so', 'a'],
    ['a/!(b)/c.so', 'a'],
    ['a/b/c/d.so', 'a/b/c'],
    ['a/b/c*/d.so', 'a/b'],
    ['x.so', ''],
  ])('the static base of %s is %j', (pattern, base) => {
    expect(globBase(pattern)).toBe(base);
  });
});
