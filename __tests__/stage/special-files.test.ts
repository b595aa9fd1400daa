import { describe, expect, it } from 'vitest';
import { specialFilesError } from '../../src/stage/special-files.js';
import { matchedEntries } from '../../src/stage/stage-glob.js';

describe('specialFilesError', () => {
  it('names each entry once, sorted, with what it is', () => {
    const error = specialFilesError(
      '/ws/pkg',
      [
        { path: 'z', kind: 'a socket' },
        { path: 'a', kind: 'a named pipe (FIFO)' },
        { path: 'z', kind: 'a socket' },
      ],
      'package-dir',
    );
    expect(error.input).toBe('package-dir');
    expect(error.message).toBe(
      '2 entries in /ws/pkg are not a regular file or folder, so the wheel could not hold them: "a": a named pipe (FIFO); "z": a socket.',
    );
    expect(error.fix).toMatch(/^remove them in the build/);
  });

  it('does not name again what was reached through a refused link', () => {
    const error = specialFilesError(
      '/ws/pkg',
      [
        { path: 'self', kind: 'a loop' },
        { path: 'self/sock', kind: 'a socket' },
        { path: 'sock', kind: 'a socket' },
        { path: 'selfish', kind: 'a socket' },
      ],
      'package-dir',
    );
    expect(error.message).toContain(': "self": a loop; "selfish": a socket; "sock": a socket.');
  });

  it('says "is" for one entry, and counts those over 20', () => {
    const one = specialFilesError('/d', [{ path: 'p', kind: 'a socket' }], 'stage');
    expect(one.message).toBe(
      '1 entry in /d is not a regular file or folder, so the wheel could not hold it: "p": a socket.',
    );
    const many = Array.from({ length: 25 }, (_, i) => ({
      path: `f${String(i).padStart(2, '0')}`,
      kind: 'a socket',
    }));
    const error = specialFilesError('/d', many, 'stage');
    expect(error.message).toContain('"f19": a socket; ... and 5 more.');
    expect(error.message).not.toContain('"f20"');
  });
});

describe('matchedEntries', () => {
  it('keeps what the pattern reaches and no ignore pattern leaves out', () => {
    const entries = [
      { path: 'build/a.so' },
      { path: 'build/b.txt' },
      { path: 'x/__pycache__/c.so' },
    ];
    expect(matchedEntries('build/*.so', [], entries)).toEqual([{ path: 'build/a.so' }]);
    expect(matchedEntries('**', ['**/__pycache__/**'], entries).map((e) => e.path)).toEqual([
      'build/a.so',
      'build/b.txt',
    ]);
  });
});
