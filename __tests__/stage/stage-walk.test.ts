// Staging on real trees: the synchronous walk, symlinks and exclusions.
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryLog } from '../../src/log/log.js';
import { parseStageRules, stagePackage } from '../../src/stage/stage.js';
import { stageTrees } from '../helpers/stage-trees.js';

const { tree } = stageTrees('stage-');

describe('stagePackage', () => {
  it('maps every file of package-dir, with sizes, modes and resolved links inside the tree', async () => {
    const root = tree(
      {
        'mypkg/__init__.py': 'x = 1\n',
        'mypkg/lib/_native.so': 'ELF',
        'mypkg/data/big.txt': 'y'.repeat(1000),
        'mypkg/__pycache__/a.cpython-311.pyc': 'junk',
      },
      'pkgdir',
    );
    chmodSync(join(root, 'mypkg/lib/_native.so'), 0o755);
    symlinkSync('_native.so', join(root, 'mypkg/lib/_native.so.1'));
    symlinkSync('data', join(root, 'mypkg/linked'));
    // Enough files that several lookup batches are needed.
    for (let i = 0; i < 150; i++) writeFileSync(join(root, `mypkg/data/f${i}.txt`), String(i));

    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'mypkg',
      rules: [],
      log: new MemoryLog(),
    });
    const byPath = new Map(staged.files.map((f) => [f.archivePath, f]));
    expect(staged.packageName).toBe('mypkg');
    expect(staged.files).toHaveLength(4 + 150 + 150 + 1);
    expect(byPath.get('mypkg/lib/_native.so')).toEqual({
      archivePath: 'mypkg/lib/_native.so',
      sourcePath: join(root, 'mypkg/lib/_native.so'),
      size: 3,
      executable: true,
    });
    // A link is stored as its target's bytes, read from the target.
    expect(byPath.get('mypkg/lib/_native.so.1')?.sourcePath).toBe(
      join(root, 'mypkg/lib/_native.so'),
    );
    expect(byPath.get('mypkg/linked/big.txt')).toMatchObject({
      sourcePath: join(root, 'mypkg/data/big.txt'),
      size: 1000,
      executable: false,
    });
    expect([...byPath.keys()].some((p) => p.includes('__pycache__'))).toBe(false);
  });

  it('lets a later stage rule replace an earlier file with the same wheel path', async () => {
    const root = tree(
      {
        'python/mypkg/__init__.py': 'a\n',
        'python/mypkg/mod.py': 'first\n',
        'override/mod.py': 'second!\n',
      },
      'rules',
    );
    const staged = await stagePackage({
      workingDirectory: root,
      rules: parseStageRules('python/mypkg/** => mypkg\noverride/mod.py => mypkg'),
      log: new MemoryLog(),
    });
    const mod = staged.files.find((f) => f.archivePath === 'mypkg/mod.py');
    expect(mod).toMatchObject({ sourcePath: join(root, 'override/mod.py'), size: 8 });
  });

  it('refuses a link to a file outside the tree, and a dangling link by name', async () => {
    const root = tree({ 'mypkg/__init__.py': '', 'secret.txt': 'pw' }, 'outside');
    symlinkSync(join(root, 'secret.txt'), join(root, 'mypkg/data.txt'));
    await expect(
      stagePackage({
        workingDirectory: root,
        packageDir: 'mypkg',
        rules: [],
        log: new MemoryLog(),
      }),
    ).rejects.toThrow(/data\.txt is a symbolic link to .*secret\.txt, outside/);

    // A dangling link is no file the wheel could hold: named, not silently left out.
    const broken = tree({ 'mypkg/__init__.py': '' }, 'broken');
    symlinkSync(join(broken, 'nowhere'), join(broken, 'mypkg/gone.so'));
    await expect(
      stagePackage({
        workingDirectory: broken,
        rules: parseStageRules('mypkg/** => mypkg'),
        log: new MemoryLog(),
      }),
    ).rejects.toThrow(
      /1 entry in .* is not a regular file or folder.*"mypkg\/gone\.so": a broken symbolic link\./,
    );
  });
});
