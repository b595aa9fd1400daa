// What a staged entry that is no regular file or folder is called, word for word: the kinds, and
// each bad symbolic link made for real in a tmp folder (broken, a loop, a folder link that contains
// itself, a link to a pipe or a device, a link through a file). Light: no build, no walk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { badLink, specialFilesError, specialKind } from '../../src/stage/special-files.js';

const dir = mkdtempSync(join(tmpdir(), 'special-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function entry(kind?: 'fifo' | 'socket' | 'block' | 'char') {
  return {
    isFIFO: () => kind === 'fifo',
    isSocket: () => kind === 'socket',
    isBlockDevice: () => kind === 'block',
    isCharacterDevice: () => kind === 'char',
  };
}

describe('specialKind', () => {
  it.each([
    ['fifo', 'a named pipe (FIFO)'],
    ['socket', 'a socket'],
    ['block', 'a block device'],
    ['char', 'a character device'],
  ] as const)('%s is %j', (kind, words) => {
    expect(specialKind(entry(kind))).toBe(words);
  });

  it('a file, a folder or a link is none of them', () => {
    expect(specialKind(entry())).toBeUndefined();
  });
});

describe('specialFilesError counts', () => {
  it('twenty entries are all named, with no "... and 0 more"', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({
      path: `f${String(i).padStart(2, '0')}`,
      kind: 'a socket',
    }));
    const error = specialFilesError('/d', twenty.reverse(), 'stage');
    expect(error.message).toMatch(
      /^20 entries in \/d are not a regular file or folder, so the wheel could not hold them: "f00": a socket; /,
    );
    expect(error.message).toMatch(/; "f19": a socket\.$/);
  });

  it('sorts by code unit, capitals first', () => {
    const error = specialFilesError(
      '/d',
      [
        { path: 'b', kind: 'a socket' },
        { path: 'B', kind: 'a socket' },
        { path: 'a', kind: 'a socket' },
        { path: 'a-b', kind: 'a socket' },
      ],
      'stage',
    );
    expect(error.message).toMatch(
      /: "B": a socket; "a": a socket; "a-b": a socket; "b": a socket\.$/,
    );
  });
});

describe('badLink (real links)', () => {
  const at = (name: string) => join(dir, name);
  mkdirSync(at('pkg/sub'), { recursive: true });
  writeFileSync(at('pkg/file.txt'), 'x');
  mkdirSync(at('other'));
  execFileSync('mkfifo', [at('pipe')]);

  it('a link to a file or to a folder elsewhere can be packed', () => {
    symlinkSync(at('pkg/file.txt'), at('pkg/to-file'));
    symlinkSync(at('other'), at('pkg/to-other'));
    symlinkSync('sub', at('pkg/to-sub'));
    expect(badLink(at('pkg/to-file'))).toBeUndefined();
    expect(badLink(at('pkg/to-other'))).toBeUndefined();
    // A folder inside the link's own folder does not contain the link.
    expect(badLink(at('pkg/to-sub'))).toBeUndefined();
  });

  it('broken, a loop, or through a file', () => {
    symlinkSync(at('nowhere'), at('pkg/broken'));
    symlinkSync('loop-b', at('pkg/loop-a'));
    symlinkSync('loop-a', at('pkg/loop-b'));
    symlinkSync(at('pkg/file.txt/inside'), at('pkg/through-file'));
    expect(badLink(at('pkg/broken'))).toBe('a broken symbolic link');
    expect(badLink(at('pkg/loop-a'))).toBe('a symbolic link loop');
    expect(badLink(at('pkg/through-file'))).toBe(
      'a symbolic link that cannot be followed (ENOTDIR)',
    );
  });

  it('a link to a pipe or a device names it and its target', () => {
    symlinkSync(at('pipe'), at('pkg/to-pipe'));
    symlinkSync('/dev/null', at('pkg/to-null'));
    expect(badLink(at('pkg/to-pipe'))).toBe(
      `a symbolic link to a named pipe (FIFO), ${at('pipe')}`,
    );
    expect(badLink(at('pkg/to-null'))).toBe('a symbolic link to a character device, /dev/null');
  });

  it('a link to the folder it is in, or to one above, would pack the tree again', () => {
    symlinkSync('.', at('pkg/sub/self'));
    symlinkSync(at('pkg'), at('pkg/sub/up'));
    symlinkSync(dir, at('pkg/sub/top'));
    // `pkg-twin` starts like `pkg` but does not contain pkg/sub.
    mkdirSync(at('pkg-twin'));
    symlinkSync(at('pkg'), at('pkg-twin/to-pkg'));
    expect(badLink(at('pkg/sub/self'))).toBe(
      `a symbolic link to ${at('pkg/sub')}, a folder that contains it (the tree would be packed again inside itself)`,
    );
    expect(badLink(at('pkg/sub/up'))).toBe(
      `a symbolic link to ${at('pkg')}, a folder that contains it (the tree would be packed again inside itself)`,
    );
    expect(badLink(at('pkg/sub/top'))).toMatch(/^a symbolic link to .*, a folder that contains it/);
    expect(badLink(at('pkg-twin/to-pkg'))).toBeUndefined();
  });
});
