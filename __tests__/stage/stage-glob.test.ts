import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstKept, globFiles, hiddenMatch } from '../../src/stage/stage-glob.js';
import { rejectedInputError } from '../helpers/input-error.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'stage-glob-'));
  roots.push(root);
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), file);
  }
  return root;
}

describe('hiddenMatch (pure)', () => {
  const file = (path: string) => ({ path, folder: false });
  const folder = (path: string) => ({ path, folder: true });

  it.each([
    ['**', [file('a\nb.txt')], 'a\nb.txt'],
    ['**', [file('ok.txt\r')], 'ok.txt\r'],
    ['build/**/*.so', [file('build/x/a\u2028.so')], 'build/x/a\u2028.so'],
    ['build/**/*.so', [file('build/x/a\n.txt'), file('build/y\u2029.so')], 'build/y\u2029.so'],
    ['**', [folder('sub\ndir')], 'sub\ndir'],
    ['src/**', [folder('src/a\rb')], 'src/a\rb'],
    ['**/lib/*.so', [folder('x\ny')], 'x\ny'],
  ])('%s reaches %j', (pattern, hidden, expected) => {
    expect(hiddenMatch(pattern, [], hidden)?.path).toBe(expected);
  });

  it.each([
    ['build/**/*.so', [file('build/x/a\n.txt')]],
    ['*.so', [file('a\n.txt')]],
    ['build/*.so', [folder('build/x\ny')]],
    ['build/*/x.so', [folder('build/a\nb')]],
    ['**', []],
  ])('%s leaves %j alone', (pattern, hidden) => {
    expect(hiddenMatch(pattern, [], hidden)).toBeUndefined();
  });

  it('leaves ignored paths alone, judged with the line breaks replaced', () => {
    const ignore = ['**/__pycache__/**', '**/*.pyc'];
    expect(hiddenMatch('**', ignore, [file('a\n.pyc')])).toBeUndefined();
    expect(hiddenMatch('**', ignore, [file('__pycache__/x\ny.py')])).toBeUndefined();
    expect(hiddenMatch('**', ignore, [file('a\n.py')])?.path).toBe('a\n.py');
  });
});

describe('globFiles', () => {
  it('finds dot files and files below folders, not folders', async () => {
    const root = tree(['a.txt', '.hidden', 'sub/b.so', 'sub/deep/c.so', '__pycache__/x.pyc']);
    const found = await globFiles('**', {
      cwd: root,
      ignore: ['**/__pycache__/**'],
      input: 'stage',
    });
    expect(found.sort()).toEqual(['.hidden', 'a.txt', 'sub/b.so', 'sub/deep/c.so']);
    expect((await globFiles('sub/*.so', { cwd: root, ignore: [], input: 'stage' })).sort()).toEqual(
      ['sub/b.so'],
    );
  });

  it('expands a folder only when asked to', async () => {
    const root = tree(['sub/b.so', 'sub/deep/c.so']);
    expect(
      await globFiles('sub', { cwd: root, ignore: [], input: 'stage', expandDirectories: false }),
    ).toEqual([]);
    expect((await globFiles('sub', { cwd: root, ignore: [], input: 'stage' })).sort()).toEqual([
      'sub/b.so',
      'sub/deep/c.so',
    ]);
  });

  it('refuses a file that ** would miss for a line break, naming the input and the file', async () => {
    const root = tree(['ok.so', 'build/a\nb.so']);
    const error = await rejectedInputError(() =>
      globFiles('build/**', { cwd: root, ignore: [], input: 'stage' }),
    );
    expect(error.input).toBe('stage');
    expect(error.message).toBe(
      `the file "build/a\\nb.so" in ${root} has a line break in its name; globs cannot match it, so it would be missing from the wheel.`,
    );
    expect(error.fix).toMatch(/^rename it in the build/);
  });

  it('refuses a folder with a line break below a **, naming package-dir', async () => {
    const root = tree(['pkg/__init__.py', 'pkg/a\u2028b/mod.py']);
    const error = await rejectedInputError(() =>
      globFiles('**', { cwd: join(root, 'pkg'), ignore: [], input: 'package-dir' }),
    );
    expect(error.input).toBe('package-dir');
    expect(error.message).toMatch(/^the folder "a\\u2028b" in .* has a line break in its name/);
  });

  it('returns a line-break name a * matches (the stager refuses it later)', async () => {
    const root = tree(['a\nb.so']);
    expect(await globFiles('*.so', { cwd: root, ignore: [], input: 'stage' })).toEqual(['a\nb.so']);
  });
});

describe('hiddenMatch: exact edges', () => {
  const file = (path: string) => ({ path, folder: false });
  const folder = (path: string) => ({ path, folder: true });

  it('judges a file with each line break replaced by one ordinary character, every one of them', () => {
    // `?` stands for exactly one character: the line break, not nothing.
    expect(hiddenMatch('a?b.so', [], [file('a\nb.so')])?.path).toBe('a\nb.so');
    expect(hiddenMatch('a?b.so', [], [file('a\u2028b.so')])?.path).toBe('a\u2028b.so');
    expect(hiddenMatch('ab.so', [], [file('a\nb.so')])).toBeUndefined();
    expect(hiddenMatch('x*.so', [], [file('x\na\rb\u2029c.so')])?.path).toBe('x\na\rb\u2029c.so');
    expect(hiddenMatch('x?a?b?c.so', [], [file('x\na\rb\u2029c.so')])?.path).toBe(
      'x\na\rb\u2029c.so',
    );
    // Only line breaks are replaced: other characters keep their meaning.
    expect(hiddenMatch('x_?.so', [], [file('xy\n.so')])).toBeUndefined();
  });

  it('matches dot files, as the glob does', () => {
    expect(hiddenMatch('**', [], [file('.hidden\nname')])?.path).toBe('.hidden\nname');
    expect(hiddenMatch('build/*', [], [file('build/.a\nb')])?.path).toBe('build/.a\nb');
  });

  it('knows POSIX character classes, as the glob does', () => {
    expect(hiddenMatch('lib[[:digit:]]*.so', [], [file('lib1\n.so')])?.path).toBe('lib1\n.so');
    expect(hiddenMatch('lib[[:digit:]]*.so', [], [file('libx\n.so')])).toBeUndefined();
  });

  it('returns the first hidden entry reached, in the given order', () => {
    const entries = [file('a\n.txt'), file('b\n.so'), file('c\n.so')];
    expect(hiddenMatch('*.so', [], entries)).toEqual(file('b\n.so'));
    expect(hiddenMatch('**', [], [folder('z\ny'), ...entries])).toEqual(folder('z\ny'));
  });

  it.each([
    ['**', true],
    ['src/**', true],
    ['**/lib/*.so', true],
    ['src/**/x', true],
    ['a**/x', false],
    ['src/a**', false],
    ['**a', false],
    ['src/**a/x', false],
    ['src/*', false],
    ['*/*', false],
  ])('a folder with a line break is reached by %s: %s', (pattern, reached) => {
    const result = hiddenMatch(pattern, [], [folder('src/a\nb')]);
    expect(result).toEqual(reached ? folder('src/a\nb') : undefined);
  });

  it('an ignored folder is left alone even below a **', () => {
    expect(hiddenMatch('**', ['**/.git/**'], [folder('.git/a\nb')])).toBeUndefined();
    expect(hiddenMatch('**', ['**/.git/**'], [folder('src/a\nb')])).toEqual(folder('src/a\nb'));
  });
});

describe('globFiles: exact results', () => {
  it('expands a folder by default and when asked to, not when told not to', async () => {
    const root = tree(['sub/b.so']);
    const base = { cwd: root, ignore: [], input: 'stage' };
    expect(await globFiles('sub', base)).toEqual(['sub/b.so']);
    expect(await globFiles('sub', { ...base, expandDirectories: true })).toEqual(['sub/b.so']);
    expect(await globFiles('sub', { ...base, expandDirectories: false })).toEqual([]);
  });

  it('names a file with a line break by its path below cwd, with "/" between folders', async () => {
    const root = tree(['pkg/__init__.py', 'pkg/deep/er/a\rb.so']);
    const error = await rejectedInputError(() =>
      globFiles('pkg/**', { cwd: root, ignore: [], input: 'package-dir' }),
    );
    expect(error.message).toBe(
      `the file "pkg/deep/er/a\\rb.so" in ${root} has a line break in its name; globs cannot match it, so it would be missing from the wheel.`,
    );
    expect(error.input).toBe('package-dir');
    expect(error.fix).toBe(
      'rename it in the build (a wheel path may hold no control characters), or remove it.',
    );
  });

  it('says "the folder" for a folder, quoting U+2028 as an escape', async () => {
    const root = tree(['pkg/a\u2028b/mod.py']);
    const error = await rejectedInputError(() =>
      globFiles('pkg/**', { cwd: root, ignore: [], input: 'stage' }),
    );
    expect(error.message).toBe(
      `the folder "pkg/a\\u2028b" in ${root} has a line break in its name; globs cannot match it, so it would be missing from the wheel.`,
    );
  });

  it('lets an ignored file with a line break be, and finds the rest', async () => {
    const root = tree(['ok.py', '__pycache__/a\nb.pyc']);
    expect(
      await globFiles('**', { cwd: root, ignore: ['**/__pycache__/**'], input: 'stage' }),
    ).toEqual(['ok.py']);
  });
});

describe('globFiles: folders the walk cannot read', () => {
  /** A tree whose own path is about 3900 bytes: a folder in it with a long name passes PATH_MAX. */
  function deepTree(): { root: string; sub: string } {
    let root = tree(['.keep']);
    while (root.length < 3900) root = join(root, 'd'.repeat(Math.min(250, 3900 - root.length)));
    mkdirSync(root, { recursive: true });
    const sub = 's'.repeat(240);
    // Made from inside: the full paths are too long to create from outside.
    execFileSync(
      'sh',
      ['-c', `mkdir ${sub} && touch ${sub}/x.py a.py && mkdir ok && touch ok/y.py`],
      {
        cwd: root,
      },
    );
    return { root, sub };
  }

  it('refuses a folder the walk wanted but could not read, naming it, its code and the input', async () => {
    const { root, sub } = deepTree();
    for (const [pattern, input] of [
      ['**', 'stage'],
      ['*/*.py', 'package-dir'],
    ] as const) {
      const error = await rejectedInputError(() =>
        globFiles(pattern, { cwd: root, ignore: [], input }),
      );
      expect(error.message).toBe(
        `the folder "${join(root, sub)}" cannot be read (ENAMETOOLONG); the files in it would be missing from the wheel.`,
      );
      expect(error.input).toBe(input);
      expect(error.fix).toBe(
        'make it readable (a folder created by root in a container?), shorten its path (Linux allows 4096 bytes), or narrow the glob to leave it out.',
      );
    }
  });

  it('a glob that does not walk into that folder still works', async () => {
    const { root } = deepTree();
    const options = { cwd: root, ignore: [], input: 'stage' };
    expect(await globFiles('*.py', options)).toEqual(['a.py']);
    expect(await globFiles('ok/*.py', options)).toEqual(['ok/y.py']);
    expect((await globFiles('**', { ...options, ignore: ['s*/**'] })).sort()).toEqual([
      'a.py',
      'ok/y.py',
    ]);
  });

  it('a folder that is not there, or is a file, hides nothing: no files', async () => {
    const root = tree(['a.py']);
    const options = { cwd: root, ignore: [], input: 'stage' };
    expect(await globFiles('missing/**', options)).toEqual([]);
    expect(await globFiles('a.py/*', options)).toEqual([]);
    expect(await globFiles('**', { ...options, cwd: join(root, 'gone') })).toEqual([]);
  });
});

describe('firstKept (pure): unreadable folders whose files are not all ignored', () => {
  const at = (path: string) => ({ path, code: 'EACCES' });

  it('returns the first folder in the given order that no ignore pattern covers', () => {
    expect(firstKept([], [at('a'), at('b')])).toEqual(at('a'));
    expect(firstKept([], [])).toBeUndefined();
    expect(firstKept(['**/.git/**'], [at('.git'), at('src/.git'), at('src')])).toEqual(at('src'));
    expect(firstKept(['**/.git/**', '**/__pycache__/**'], [at('pkg/__pycache__')])).toBeUndefined();
  });

  it('judges the folder, not a file of that name', () => {
    // `*.pyc` leaves files out, not what is inside a folder named like one.
    expect(firstKept(['**/*.pyc'], [at('odd.pyc')])).toEqual(at('odd.pyc'));
    expect(firstKept(['build/*.so'], [at('build')])).toEqual(at('build'));
    expect(firstKept(['build/**'], [at('build')])).toBeUndefined();
  });

  it('matches dot folders and POSIX classes, as the glob does', () => {
    expect(firstKept(['.*/**'], [at('.cache')])).toBeUndefined();
    expect(firstKept(['[[:digit:]]*/**'], [at('1x'), at('y')])).toEqual(at('y'));
  });

  it('the cwd itself (an empty path) counts like any folder', () => {
    expect(firstKept(['**/.git/**'], [at('')])).toEqual(at(''));
  });
});
