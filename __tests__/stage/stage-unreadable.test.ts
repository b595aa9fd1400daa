// Staged files that cannot be looked at, on real trees: a name that is not UTF-8, a path longer
// than Linux allows, a file or link target that vanishes between the glob and the lookup, and
// links that lead out of the tree. Each refusal is checked word for word.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import {
  parseStageRules,
  stagePackage,
  unreadableSource,
  type StageItem,
} from '../../src/stage/stage.js';
import { stageTrees, stageRefusal } from '../helpers/stage-trees.js';

const { dir, tree } = stageTrees('stage-unreadable-');

/**
 * A log that runs `act` when the stager says it left output-dir files out: that line comes after
 * the glob and before the files are looked up, where a background process of the build could
 * delete a file.
 */
class InterferingLog extends MemoryLog {
  constructor(private readonly act: () => void) {
    super();
  }
  override info(message: string): void {
    super.info(message);
    if (message.startsWith('stage: left out ')) this.act();
  }
}

describe('a file name that is not UTF-8', () => {
  /** Writes pkg/__init__.py and pkg/f<0xff>.so (bytes Node can list but not name). */
  function withBadName(): string {
    const root = tree({ 'pkg/__init__.py': '' });
    writeFileSync(Buffer.concat([Buffer.from(join(root, 'pkg/f')), Buffer.from([0xff, 0xfe])]), '');
    return root;
  }

  it('is refused as such on the package-dir route, not as a broken link', async () => {
    const root = withBadName();
    const error = await stageRefusal({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
    });
    const shown = `${root}/pkg/f\uFFFD\uFFFD`;
    expect(error.message).toBe(
      `the file name "${shown}" is not valid UTF-8 (shown with \uFFFD for the bytes that are not); a wheel's file names must be UTF-8.`,
    );
    expect(error.input).toBe('package-dir');
    expect(error.fix).toBe(
      'rename the file to a UTF-8 name in the build (or leave it out of what you stage).',
    );
    // The name cannot be given to an annotation either: no file= for it.
    expect(error.file).toBeUndefined();
  });

  it('names stage on the stage route, and quotes the name as JSON', async () => {
    const root = withBadName();
    writeFileSync(
      Buffer.concat([Buffer.from(join(root, 'pkg/q"')), Buffer.from([0xc3]), Buffer.from('.so')]),
      '',
    );
    const error = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('pkg/q* => pkg'),
    });
    expect(error.message).toBe(
      `the file name "${root}/pkg/q\\"\uFFFD.so" is not valid UTF-8 (shown with \uFFFD for the bytes that are not); a wheel's file names must be UTF-8.`,
    );
    expect(error.input).toBe('stage');
  });

  it('a valid name that holds U+FFFD itself is staged like any other', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'pkg/odd\uFFFD.txt': 'abc' });
    const staged = await stagePackage({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
      log: new MemoryLog(),
    });
    expect(staged.files.find((f) => f.archivePath === 'pkg/odd\uFFFD.txt')).toEqual({
      archivePath: 'pkg/odd\uFFFD.txt',
      sourcePath: join(root, 'pkg/odd\uFFFD.txt'),
      size: 3,
      executable: false,
    });
  });
});

describe('a path longer than Linux allows (ENAMETOOLONG)', () => {
  it('names the path and says to shorten it', async () => {
    // A working directory of about 3900 bytes, readable itself, holding a file whose full path
    // passes PATH_MAX (4096): the glob lists it, the lookup cannot reach it.
    let root = tree({});
    while (root.length < 3900) root = join(root, 'd'.repeat(Math.min(250, 3900 - root.length)));
    mkdirSync(root, { recursive: true });
    const name = `${'f'.repeat(240)}.py`;
    execFileSync('touch', ['__init__.py', name], { cwd: root });
    expect(Buffer.byteLength(join(root, name))).toBeGreaterThan(4096);

    const error = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('*.py => pkg'),
    });
    expect(error.message).toBe(`the path ${join(root, name)} is too long for the file system.`);
    expect(error.input).toBe('stage');
    expect(error.fix).toBe(
      'use a shallower folder layout or shorter file and folder names: Linux allows 4096 bytes for a whole path and 255 for each name.',
    );
  });
});

describe('a folder the walk cannot read (its path passes PATH_MAX)', () => {
  it('is refused naming package-dir, not left out of the wheel', async () => {
    let root = tree({});
    while (root.length < 3890) root = join(root, 'd'.repeat(Math.min(250, 3890 - root.length)));
    const pkg = join(root, 'pkg');
    mkdirSync(pkg, { recursive: true });
    const sub = 's'.repeat(240);
    execFileSync('sh', ['-c', `touch __init__.py && mkdir ${sub} && touch ${sub}/mod.py`], {
      cwd: pkg,
    });
    const error = await stageRefusal({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
    });
    expect(error.message).toBe(
      `the folder "${join(pkg, sub)}" cannot be read (ENAMETOOLONG); the files in it would be missing from the wheel.`,
    );
    expect(error.input).toBe('package-dir');
  });
});

describe('a file that vanishes while staged', () => {
  it('is said to have disappeared, with its code, naming the input and the file', async () => {
    const root = tree({
      'pkg/__init__.py': '',
      'pkg/mod.py': 'x',
      'pkg/dist/old-1.0-py3-none-any.whl': 'w',
    });
    const gone = join(root, 'pkg/mod.py');
    const error = await stageRefusal({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
      outputDir: join(root, 'pkg/dist'),
      log: new InterferingLog(() => unlinkSync(gone)),
    });
    expect(error.message).toBe(`${gone} disappeared or cannot be read while staging (ENOENT).`);
    expect(error.input).toBe('package-dir');
    expect(error.fix).toBe(
      'make sure nothing deletes or renames build products while the action runs (a background process of the build?).',
    );
    expect(error.file).toBe(gone);
  });

  it('a link whose target vanishes is a broken symbolic link, on the stage route', async () => {
    const root = tree({
      'pkg/__init__.py': '',
      'build/libx.so.1': 'ELF',
      'build/dist/old-1.0-py3-none-any.whl': 'w',
    });
    symlinkSync('libx.so.1', join(root, 'build/libx.so'));
    const link = join(root, 'build/libx.so');
    const error = await stageRefusal({
      workingDirectory: root,
      rules: parseStageRules('pkg/** => pkg\nbuild/** => pkg/lib'),
      outputDir: join(root, 'build/dist'),
      log: new InterferingLog(() => rmSync(join(root, 'build/libx.so.1'), { force: true })),
    });
    expect(error.message).toBe(`${link} is a broken symbolic link.`);
    expect(error.input).toBe('stage');
    expect(error.fix).toBe('remove it or make it point at a file that exists.');
    expect(error.file).toBe(link);
  });
});

describe('links that lead out of the tree', () => {
  it('a file behind a linked folder: the message says behind, names the target and the root', async () => {
    const root = tree({ 'pkg/__init__.py': '' });
    const outside = tree({ 'x.so': 'x' });
    symlinkSync(outside, join(root, 'pkg/linked'));
    const error = await stageRefusal({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
    });
    const source = join(root, 'pkg/linked/x.so');
    expect(error.message).toBe(
      `${source} is behind a symbolic link to ${join(outside, 'x.so')}, outside ${join(root, 'pkg')}.`,
    );
    expect(error.input).toBe('package-dir');
    expect(error.fix).toBe(
      'copy the file into the package instead of linking to it, or stage it with a `stage` rule.',
    );
    expect(error.file).toBe(source);
  });

  it('a link to a sibling folder whose name starts like the root is outside it', async () => {
    const root = tree({ 'pkg/__init__.py': '', 'pkg2/x.so': 'x' });
    symlinkSync('../pkg2/x.so', join(root, 'pkg/x.so'));
    const error = await stageRefusal({
      workingDirectory: root,
      packageDir: 'pkg',
      rules: [],
    });
    expect(error.message).toBe(
      `${join(root, 'pkg/x.so')} is a symbolic link to ${join(root, 'pkg2/x.so')}, outside ${join(root, 'pkg')}.`,
    );
  });

  it('a working directory reached through a link stages its files from their real place', async () => {
    const real = tree({ 'pkg/__init__.py': 'x = 1\n', 'build/_x.so': 'ELF' });
    const linked = join(dir, 'linked');
    symlinkSync(real, linked);
    const staged = await stagePackage({
      workingDirectory: linked,
      rules: parseStageRules('pkg/** => pkg\nbuild/_x.so => pkg'),
      log: new MemoryLog(),
    });
    expect(staged.files.map((f) => [f.archivePath, f.sourcePath])).toEqual([
      ['pkg/__init__.py', join(real, 'pkg/__init__.py')],
      ['pkg/_x.so', join(real, 'build/_x.so')],
    ]);
  });
});

describe('unreadableSource (pure): what a failed lookup is reported as', () => {
  const item: StageItem = {
    source: '/w/pkg/mod.py',
    archivePath: 'pkg/mod.py',
    root: '/w/pkg',
    input: 'package-dir',
  };
  const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

  it.each([
    [errno('ENOENT'), 'ENOENT'],
    [errno('EACCES'), 'EACCES'],
    [errno('ELOOP'), 'ELOOP'],
    [new Error('no code at all'), 'Error: no code at all'],
    [Object.assign(new Error('odd'), { code: 42 }), 'Error: odd'],
    [undefined, 'undefined'],
    ['a string', 'a string'],
  ])('%s: the code, or the error itself', (error, shown) => {
    const result = unreadableSource(item, error);
    expect(result).toBeInstanceOf(InputError);
    expect(result.message).toBe(
      `/w/pkg/mod.py disappeared or cannot be read while staging (${shown}).`,
    );
    expect(result.input).toBe('package-dir');
    expect(result.file).toBe('/w/pkg/mod.py');
  });

  it('ENAMETOOLONG names the path, without file= (no tool could open it)', () => {
    const result = unreadableSource({ ...item, input: 'stage' }, errno('ENAMETOOLONG'));
    expect(result.message).toBe('the path /w/pkg/mod.py is too long for the file system.');
    expect(result.input).toBe('stage');
    expect(result.file).toBeUndefined();
  });

  it('a name Node decoded with U+FFFD is reported as not UTF-8, whatever the code', () => {
    for (const error of [errno('ENOENT'), errno('ENAMETOOLONG'), undefined]) {
      const result = unreadableSource({ ...item, source: '/w/pkg/\uFFFD.so' }, error);
      expect(result.message).toMatch(/^the file name "\/w\/pkg\/\uFFFD\.so" is not valid UTF-8 /);
      expect(result.input).toBe('package-dir');
      expect(result.file).toBeUndefined();
    }
  });
});
