// The verification inputs read on their own (verifyInputs), every refusal word for word: a bad
// image line names its line, a duplicate is named, test-find-links is a folder (relative to
// working-directory) or an http(s) URL and nothing else.
import { describe, expect, it } from 'vitest';
import type { InputName } from '../../src/inputs/input-spec.js';
import { inputReader } from '../../src/inputs/input-reader.js';
import { verifyInputs } from '../../src/inputs/inputs-verify.js';
import { thrownInputError } from '../helpers/input-error.js';

const verify = (values: Partial<Record<InputName, string>>) =>
  verifyInputs(
    inputReader((name) => values[name] ?? ''),
    '/ws/project',
  );

describe('verifyInputs', () => {
  it('nothing set: no images, no requirements, and no test-find-links key at all', () => {
    expect(verify({})).toStrictEqual({ verifyImages: [], testRequires: [] });
  });

  it('a folder is resolved against working-directory unless absolute; an http(s) URL is an index', () => {
    expect(verify({ 'test-find-links': '../wheels' }).testFindLinks).toEqual({
      kind: 'folder',
      path: '/ws/wheels',
    });
    expect(verify({ 'test-find-links': '/abs/wheels' }).testFindLinks).toEqual({
      kind: 'folder',
      path: '/abs/wheels',
    });
    // A colon alone is no scheme: `c:x` and `a:/b` are folder names, and so is a folder with
    // `://` further in.
    expect(verify({ 'test-find-links': 'a:/b' }).testFindLinks).toEqual({
      kind: 'folder',
      path: '/ws/project/a:/b',
    });
    expect(verify({ 'test-find-links': 'cache/x://y' }).testFindLinks).toEqual({
      kind: 'folder',
      path: '/ws/project/cache/x:/y',
    });
    for (const url of ['HTTPS://Index.example.com/simple', 'http://127.0.0.1:8080']) {
      expect(verify({ 'test-find-links': url }).testFindLinks).toEqual({ kind: 'index', url });
    }
  });

  it.each(['ftp://x/simple', 'file:///wheels', 'git+https://host/x', 'https:///simple', 'http://'])(
    'refuses %s',
    (raw) => {
      expect(thrownInputError(() => verify({ 'test-find-links': raw })).describe()).toBe(
        `Input 'test-find-links': "${raw}" is neither a folder nor an http(s) index URL. Fix: give a folder of wheels (relative to working-directory) or an index URL such as https://pypi.org/simple.`,
      );
    },
  );

  it('a bad image names its line, the image and the image fix', () => {
    const error = thrownInputError(() => verify({ 'verify-image': 'Bad Image\nok:1' }));
    expect(error.describe()).toBe(
      "Input 'verify-image': line 1: 'Bad Image' is not a valid image reference. Fix: use a name like algorithmiahq/langserver:python3.7 or registry.example.com/team/image@sha256:<digest> (lowercase name, no spaces, no leading dash).",
    );
  });

  it('names the image listed twice, after others', () => {
    expect(verify({ 'verify-image': 'a:1\nb:1' }).verifyImages).toEqual(['a:1', 'b:1']);
    expect(
      thrownInputError(() => verify({ 'verify-image': 'a:1\nb:1\nc:1\nb:1' })).describe(),
    ).toBe("Input 'verify-image': 'b:1' is listed twice. Fix: list each image once.");
  });

  it('test-requires needs test-command, then a source; each line is a valid requirement', () => {
    expect(
      thrownInputError(() =>
        verify({ 'test-requires': 'pytest', 'test-find-links': 'w' }),
      ).describe(),
    ).toBe(
      "Input 'test-requires': `test-requires` is installed for `test-command` only, which is empty. Fix: set test-command to the command that needs them, or remove test-requires.",
    );
    expect(
      thrownInputError(() => verify({ 'test-command': 't', 'test-requires': 'pytest>=7\nsix' }))
        .message,
    ).toBe('pytest>=7, six has no source: the verification never downloads from PyPI on its own.');
    expect(
      verify({ 'test-command': 't', 'test-requires': 'pytest >=7', 'test-find-links': 'w' }),
    ).toStrictEqual({
      verifyImages: [],
      testRequires: ['pytest>=7'],
      testFindLinks: { kind: 'folder', path: '/ws/project/w' },
    });
    // A source and a command without requirements are no mistake.
    expect(verify({ 'test-find-links': 'w' }).testRequires).toEqual([]);
  });
});
