import { describe, expect, it } from 'vitest';
import {
  checkProjectVersion,
  pushedTag,
  sameVersion,
  staticPyprojectVersion,
} from '../../src/inputs/project-version.js';
import { thrownInputError } from '../helpers/input-error.js';

describe('the project version on a tag push', () => {
  it.each<[Record<string, string>, string | undefined]>([
    [
      { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.2.3', GITHUB_REF: 'refs/tags/v1.2.3' },
      'v1.2.3',
    ],
    [{ GITHUB_REF: 'refs/tags/v1.2.3' }, 'v1.2.3'],
    [{ GITHUB_REF: 'refs/tags/release/2.0' }, 'release/2.0'],
    [{ GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'v1', GITHUB_REF: 'refs/heads/v1' }, undefined],
    [{ GITHUB_REF_TYPE: 'branch', GITHUB_REF: 'refs/tags/v9' }, undefined],
    [{ GITHUB_REF: 'refs/heads/main' }, undefined],
    [{}, undefined],
  ])('pushedTag(%j) is %j', (env, tag) => {
    expect(pushedTag(env)).toBe(tag);
  });

  it.each([
    ['1.2', '1.2.0', true],
    ['1.2.0.0', '1.2', true],
    ['1!1.0', '1!1', true],
    ['1.2rc1', '1.2.0rc1', true],
    ['1.0+local', '1+local', true],
    ['1.10', '1.1', false],
    ['1.2', '1.2.post0', false],
    ['1.2', '1!1.2', false],
    ['1.0+a', '1.0+b', false],
    ['10', '1', false],
  ])('sameVersion(%s, %s) is %s', (a, b, same) => {
    expect(sameVersion(a, b)).toBe(same);
  });

  it('returns the normalized project version when it agrees', () => {
    expect(
      checkProjectVersion({ version: '1.2.3', from: { tag: 'v1.2.3' } }, '1.2.3', 'setup.py'),
    ).toBe('1.2.3');
    expect(
      checkProjectVersion({ version: '2.0.0rc1', from: { input: 'version' } }, '2.0.0-RC1', 'x'),
    ).toBe('2.0.0rc1');
    expect(checkProjectVersion(undefined, '1.0-1', 'x')).toBe('1.0.post1');
  });

  it('names the tag, both versions and the fix when the tag disagrees', () => {
    const error = thrownInputError(() =>
      checkProjectVersion({ version: '1.2.3', from: { tag: 'v1.2.3' } }, '1.2.4', 'setup.py'),
    );
    expect(error.input).toBe('version');
    expect(error.message).toBe(
      "the pushed tag v1.2.3 means version 1.2.3, but the project's version is 1.2.4 (setup.py).",
    );
    expect(error.fix).toContain('tag the commit with v1.2.4');
    expect(error.fix).not.toContain('leave `version` empty');
  });

  it('tells to leave `version` empty when the input disagrees', () => {
    const error = thrownInputError(() =>
      checkProjectVersion(
        { version: '2.0.0', from: { input: 'version' } },
        '2.1',
        'pyproject.toml',
      ),
    );
    expect(error.input).toBe('version');
    expect(error.message).toBe(
      "`version` says 2.0.0, but the project's version is 2.1 (pyproject.toml).",
    );
    expect(error.fix).toContain('leave `version` empty');
  });

  it('refuses a project version that is not PEP 440, naming project-dir', () => {
    expect(
      thrownInputError(() => checkProjectVersion(undefined, '1.0-gpu-x', 'setup.py')).input,
    ).toBe('project-dir');
  });

  it.each<[string, string | undefined]>([
    ['[project]\nname = "x"\nversion = "1.2.3"\n', '1.2.3'],
    ["[build-system]\nrequires = []\n\n[project]\nversion='0.1' # comment\n", '0.1'],
    ['[project]\nname = "x"\ndynamic = ["version"]\n[tool.x]\nversion = "9"\n', undefined],
    ['[tool.poetry]\nversion = "1.0"\n', undefined],
    ['[project]\r\nversion = "3.0"\r\n', '3.0'],
    ['[project.urls]\nversion = "no"\n', undefined],
    // A multi-line description holding a `version = ` line is still the description.
    [
      '[project]\nname = "x"\ndescription = """\nversion = "9.9"\n"""\nversion = "1.2.0"\n',
      '1.2.0',
    ],
    ['project.name = "x"\nproject.version = "1.2.0"\n', '1.2.0'],
    ['project = { name = "x", version = "1.2.0" }\n', '1.2.0'],
    ['[project]\nversion = 1\n', undefined],
  ])('reads the static pyproject version of %j', (toml, version) => {
    expect(staticPyprojectVersion(toml)).toBe(version);
  });

  it('refuses a pyproject.toml that is not TOML, naming project-dir', () => {
    const error = thrownInputError(() => staticPyprojectVersion('[project\nversion = "1"\n'));
    expect(error.input).toBe('project-dir');
    expect(error.message).toMatch(/^pyproject\.toml is not valid TOML: /);
  });
});
