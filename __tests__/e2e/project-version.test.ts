// project-dir on a tag push: the project's own version is the wheel's; a tag that disagrees
// fails before the project is built, and metadata inputs the build would drop are refused.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction } from '../helpers/example.js';
import { wheelContents } from '../helpers/installed.js';
import { pyenvPython } from '../helpers/python.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'fastsum');

function copyFixture(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'fastsum-')), 'fastsum');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const tagPush = (tag: string) => ({ GITHUB_REF: `refs/tags/${tag}` });

describe('project-dir version on a tag push', () => {
  it("a matching tag (v0.3 for the project's 0.3.0) builds the project's version", async () => {
    const run = await runBundledAction(
      {
        'working-directory': copyFixture(),
        'project-dir': '.',
        python: '/usr/bin/python3',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      tagPush('v0.3'),
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs.version).toBe('0.3.0');
    expect(run.outputs['wheel-name']).toMatch(/^fastsum-0\.3\.0-cp311-/);
  });

  it.each([
    ['pip wheel (python3)', () => '/usr/bin/python3', /pip wheel|bdist_wheel/],
    ['setup.py build (2.7 without wheel)', () => pyenvPython('2.7.18'), /setup\.py build/],
  ])(
    'a tag that disagrees fails before the build with %s, naming both versions',
    async (_label, python, buildLine) => {
      const output = mkdtempSync(join(tmpdir(), 'out-'));
      const run = await runBundledAction(
        {
          'working-directory': copyFixture(),
          'project-dir': '.',
          python: python(),
          'output-dir': output,
        },
        tagPush('v0.4.0'),
      );
      expect(run.status).toBe(1);
      const errors = errorAnnotations(run.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("input 'version'");
      expect(errors[0]).toContain(
        "the pushed tag v0.4.0 means version 0.4.0, but the project's version is 0.3.0 (`setup.py --version`).",
      );
      expect(errors[0]).toContain('tag the commit with v0.3.0');
      expect(errors[0]).not.toContain('leave `version` empty');
      // Nothing was compiled.
      expect(run.stdout + run.stderr).not.toMatch(buildLine);
      expect(run.stdout).toContain('::group::Build project wheel');
    },
  );

  it('reads a static pyproject.toml version before the build', async () => {
    const project = copyFixture();
    writeFileSync(
      join(project, 'pyproject.toml'),
      '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n' +
        '[project]\nname = "fastsum"\nversion = "0.3.0"\n',
    );
    const run = await runBundledAction(
      {
        'working-directory': project,
        'project-dir': '.',
        python: '/usr/bin/python3',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      tagPush('v1.0.0'),
    );
    expect(run.status).toBe(1);
    expect(errorAnnotations(run.stdout)[0]).toContain(
      "the pushed tag v1.0.0 means version 1.0.0, but the project's version is 0.3.0 (pyproject.toml).",
    );
  });

  it('reads pyproject.toml with a TOML parser: a multi-line description holding `version = "9.9"`', async () => {
    const project = copyFixture();
    writeFileSync(
      join(project, 'setup.py'),
      'from setuptools import Extension, setup\n' +
        'setup(packages=["fastsum"], ext_modules=[Extension("fastsum._fastsum", ["src/fastsum.c"])])\n',
    );
    writeFileSync(
      join(project, 'pyproject.toml'),
      '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n\n' +
        '[project]\nname = "fastsum"\ndescription = """Fast sums.\nversion = "9.9"\n"""\n' +
        'version = "1.2.0"\n',
    );
    const run = await runBundledAction(
      {
        'working-directory': project,
        'project-dir': '.',
        python: '/usr/bin/python3',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      tagPush('v1.2.0'),
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs.version).toBe('1.2.0');
    expect(run.outputs['wheel-name']).toBe('fastsum-1.2.0-cp311-cp311-linux_x86_64.whl');
  });

  it("2.7 without `wheel`: the packed wheel's METADATA is setup.py's own (egg_info)", async () => {
    const project = copyFixture();
    writeFileSync(
      join(project, 'setup.py'),
      [
        'from setuptools import Extension, setup',
        'setup(name="fastsum", version="0.3.0", packages=["fastsum"], description="Fast sums",',
        '      author="Ann", license="MIT", url="https://example.org",',
        '      long_description="Fast\\n====\\n\\nsums", long_description_content_type="text/x-rst",',
        '      install_requires=["six", "enum34; python_version<\'3.4\'"],',
        '      ext_modules=[Extension("fastsum._fastsum", ["src/fastsum.c"])])',
      ].join('\n'),
    );
    const run = await runBundledAction({
      'working-directory': project,
      'project-dir': '.',
      python: pyenvPython('2.7.18'),
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    const { metadata } = wheelContents(run.outputs.wheel!);
    expect(metadata).toBe(
      [
        'Metadata-Version: 2.1',
        'Name: fastsum',
        'Version: 0.3.0',
        'Summary: Fast sums',
        'Home-page: https://example.org',
        'Author: Ann',
        'License: MIT',
        'Description-Content-Type: text/x-rst',
        'Requires-Dist: six',
        'Requires-Dist: enum34; python_version < "3.4"',
        '',
        'Fast',
        '====',
        '',
        'sums',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['summary', 'A summary'],
    ['requires', 'numpy'],
    ['readme', 'README.md'],
  ])('refuses `%s` with project-dir before anything runs', async (input, value) => {
    const run = await runBundledAction({
      'working-directory': copyFixture(),
      'project-dir': '.',
      python: '/usr/bin/python3',
      [input]: value,
    });
    expect(run.status).toBe(1);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`input '${input}'`);
    expect(errors[0]).toContain('cannot be applied to a `project-dir` wheel');
    expect(run.stdout).not.toContain('Python');
  });
});
