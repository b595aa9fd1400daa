// The executable bit and the order of staged files, exactly (both reach the wheel's bytes).
import { chmodSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/log.js';
import { parseStageRules, stagePackage } from '../../src/stage/stage.js';
import { stageTrees } from '../helpers/stage-trees.js';

const { tree } = stageTrees('stage-modes-');

describe('the executable bit of staged files', () => {
  it.each([
    [0o644, false],
    [0o600, false],
    [0o444, false],
    [0o666, false],
    [0o755, true],
    [0o700, true],
    [0o744, true],
    [0o654, true],
    [0o645, true],
    [0o711, true],
    [0o111, true],
  ])('mode %o: executable %s, on both routes', async (mode, executable) => {
    const root = tree({ 'pkg/__init__.py': '', 'pkg/tool': 'bytes', 'build/tool2': 'more bytes' });
    chmodSync(join(root, 'pkg/tool'), mode);
    chmodSync(join(root, 'build/tool2'), mode);
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: parseStageRules('build/tool2 => pkg/bin'),
      log: new MemoryLog(),
    });
    const byPath = new Map(staged.files.map((f) => [f.archivePath, f]));
    expect(byPath.get('pkg/tool')).toEqual({
      archivePath: 'pkg/tool',
      sourcePath: join(root, 'pkg/tool'),
      size: 5,
      executable,
    });
    expect(byPath.get('pkg/bin/tool2')).toEqual({
      archivePath: 'pkg/bin/tool2',
      sourcePath: join(root, 'build/tool2'),
      size: 10,
      executable,
    });
  });

  it("a symbolic link takes its target's mode and size, not its own", async () => {
    const root = tree({
      'pkg/__init__.py': '',
      'pkg/plain.txt': 'twelve bytes',
      'pkg/run.sh': 'x',
    });
    chmodSync(join(root, 'pkg/run.sh'), 0o755);
    symlinkSync('plain.txt', join(root, 'pkg/link-to-plain'));
    symlinkSync('run.sh', join(root, 'pkg/link-to-run'));
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
      log: new MemoryLog(),
    });
    const byPath = new Map(staged.files.map((f) => [f.archivePath, f]));
    expect(byPath.get('pkg/link-to-plain')).toEqual({
      archivePath: 'pkg/link-to-plain',
      sourcePath: join(root, 'pkg/plain.txt'),
      size: 12,
      executable: false,
    });
    expect(byPath.get('pkg/link-to-run')).toEqual({
      archivePath: 'pkg/link-to-run',
      sourcePath: join(root, 'pkg/run.sh'),
      size: 1,
      executable: true,
    });
  });
});

describe('the order of staged files', () => {
  // Created in an order unlike the sorted one; the directory's own order is the file system's.
  const names = Array.from(
    { length: 40 },
    (_, i) => `m${((i * 17) % 40).toString().padStart(2, '0')}.so`,
  );

  it('each stage rule adds its files sorted, rule after rule', async () => {
    const files: Record<string, string> = { 'py/__init__.py': '' };
    for (const name of names) {
      files[`build/${name}`] = name;
      files[`extra/${name}`] = name;
    }
    const root = tree(files);
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules(
        'py/__init__.py => pkg\nbuild/*.so => pkg/lib\nextra/*.so => pkg/extra',
      ),
      log: new MemoryLog(),
    });
    const sorted = [...names].sort();
    expect(staged.files.map((f) => f.archivePath)).toEqual([
      'pkg/__init__.py',
      ...sorted.map((n) => `pkg/lib/${n}`),
      ...sorted.map((n) => `pkg/extra/${n}`),
    ]);
    expect(staged.files.map((f) => f.sourcePath)).toEqual([
      join(root, 'py/__init__.py'),
      ...sorted.map((n) => join(root, 'build', n)),
      ...sorted.map((n) => join(root, 'extra', n)),
    ]);
  });

  it('a ** rule adds its files in sorted order, not in the order folders are walked', async () => {
    // The walk lists a folder's files before its subfolders: a-b, sub.txt, z, sub/x, a/b/c.
    const root = tree({
      'pkg/__init__.py': '',
      'build/z': '',
      'build/sub.txt': '',
      'build/sub/x': '',
      'build/a-b': '',
      'build/a/b/c': '',
    });
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: parseStageRules('build/** => pkg/data'),
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => f.archivePath).slice(1)).toEqual([
      'pkg/data/a-b',
      'pkg/data/a/b/c',
      'pkg/data/sub.txt',
      'pkg/data/sub/x',
      'pkg/data/z',
    ]);
  });
});
