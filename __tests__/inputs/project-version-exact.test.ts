// The project version's edges word for word: which push names a tag, what a tag's version is,
// when two versions are one for pip, every message and fix, and what pyproject.toml holds.
import { describe, expect, it } from 'vitest';
import {
  checkProjectVersion,
  pushedTag,
  sameVersion,
  staticPyprojectVersion,
  tagVersion,
} from '../../src/inputs/project-version.js';
import { thrownInputError } from '../helpers/input-error.js';

describe('pushedTag and tagVersion', () => {
  it.each<[Record<string, string>, string | undefined]>([
    // A tag type without its name says nothing; GITHUB_REF is read only without a type.
    [{ GITHUB_REF_TYPE: 'tag', GITHUB_REF: 'refs/tags/v1' }, undefined],
    [{ GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: '' }, undefined],
    [{ GITHUB_REF_TYPE: '', GITHUB_REF: 'refs/tags/v2' }, 'v2'],
    [{ GITHUB_REF: 'refs/tags/' }, undefined],
    [{ GITHUB_REF: 'x/refs/tags/v3' }, undefined],
    // A ref is one line: anything after a line break is no tag.
    [{ GITHUB_REF: 'refs/tags/v4\nx' }, undefined],
  ])('pushedTag(%j) is %j', (env, tag) => {
    expect(pushedTag(env)).toBe(tag);
  });

  it.each([
    ['v1.2.0', '1.2.0'],
    ['1.2.0', '1.2.0'],
    ['version-1', 'version-1'],
    ['vv1', 'vv1'],
    ['v', 'v'],
    ['av1', 'av1'],
    ['v1v2', '1v2'],
  ])('tagVersion(%s) is %s', (tag, version) => {
    expect(tagVersion(tag)).toBe(version);
  });
});

describe('sameVersion', () => {
  it.each([
    ['1.0', '1', true],
    ['1.0.0', '1', true],
    ['1.00', '1', true],
    ['1.01', '1.1', false],
    ['2!1.0', '2!1', true],
    ['1!1.0', '2!1.0', false],
    ['1.0.post1', '1.post1', true],
    ['1.0.1', '1.1', false],
    ['0', '0.0', true],
    ['10.0', '1', false],
    ['10.0', '10', true],
    ['10!1.0', '10!1', true],
    // Not a normalized version: compared as it is.
    ['x1.0', 'x1', false],
    ['1.0a1', '1a1', true],
    ['local', 'local', true],
    ['local', 'other', false],
  ])('sameVersion(%s, %s) is %s', (a, b, same) => {
    expect(sameVersion(a, b)).toBe(same);
    expect(sameVersion(b, a)).toBe(same);
  });
});

describe('checkProjectVersion messages', () => {
  it('the tag disagrees: the whole fix', () => {
    const error = thrownInputError(() =>
      checkProjectVersion({ version: '1.2.3', from: { tag: 'v1.2.3' } }, '1.2.4', 'setup.py'),
    );
    expect(error.fix).toBe(
      "bump the project's version to 1.2.3 and tag that commit, or tag the commit with v1.2.4 instead; a project-dir wheel always carries the project's own version.",
    );
  });

  it('the input disagrees: the whole fix, with the normalized project version', () => {
    const error = thrownInputError(() =>
      checkProjectVersion({ version: '2.0.0', from: { input: 'version' } }, '2.1-1', 'x'),
    );
    expect(error.message).toBe("`version` says 2.0.0, but the project's version is 2.1.post1 (x).");
    expect(error.fix).toBe(
      "leave `version` empty to use the project's own version (2.1.post1), or change the version in the project's setup.py/pyproject.toml.",
    );
  });
});

describe('staticPyprojectVersion', () => {
  it.each<[string, string | undefined]>([
    ['[project]\nversion = "  1.2  "\n', '1.2'],
    ['project = "1.0"\n', undefined],
    ['project = ["1.0"]\n', undefined],
    ['[project]\nname = "x"\n', undefined],
    ['', undefined],
  ])('reads %j as %j', (toml, version) => {
    expect(staticPyprojectVersion(toml)).toBe(version);
  });

  it('a TOML error: its first line, the fix and the file', () => {
    const error = thrownInputError(() => staticPyprojectVersion('[project\nversion = "1"\n'));
    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeGreaterThan('pyproject.toml is not valid TOML: '.length + 5);
    expect(error.fix).toBe("correct pyproject.toml's syntax (pip's build would refuse it too).");
    expect(error.file).toBe('pyproject.toml');
  });
});
