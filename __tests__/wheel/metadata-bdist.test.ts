// Our METADATA against what setuptools' bdist_wheel (Debian's python3-setuptools/python3-wheel
// for /usr/bin/python3) writes for the same project: every field we carry must parse to the
// same value; only Metadata-Version differs (2.4 for License-File, which setuptools 66 puts in a
// 2.1 file).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metadataText } from '../../src/wheel/metadata.js';

const README = '# Demo\n\nA *demo* with `code`.\n\n- one\n- two\n';

// Reads METADATA texts with packaging's parser (not validating: setuptools 66's own file has
// License-File in a 2.1 file), field by field.
const PARSE = `
import json, sys
from packaging.metadata import parse_email
out = []
for text in json.load(sys.stdin):
    raw, unparsed = parse_email(text)
    raw["requires_dist"] = sorted(
        str(__import__("packaging.requirements").requirements.Requirement(r))
        for r in raw.get("requires_dist", []))
    out.append({"raw": raw, "unparsed": unparsed})
print(json.dumps(out))
`;

describe("METADATA next to bdist_wheel's", () => {
  it('carries every field setuptools writes for the same inputs, with the same values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bdist-'));
    mkdirSync(join(dir, 'demo'));
    writeFileSync(join(dir, 'demo', '__init__.py'), '');
    writeFileSync(join(dir, 'LICENSE'), 'MIT License\n');
    writeFileSync(join(dir, 'NOTICE'), 'notice\n');
    writeFileSync(join(dir, 'README.md'), README);
    writeFileSync(
      join(dir, 'setup.py'),
      [
        'from setuptools import setup',
        "setup(name='demo-pkg', version='1.0.post1', packages=['demo'], description='A demo',",
        "      author='Ann', license='MIT', url='https://example.org',",
        "      install_requires=['numpy>=1.0', 'six; python_version < \"3\"'],",
        "      long_description=open('README.md').read(),",
        "      long_description_content_type='text/markdown')",
      ].join('\n'),
    );
    const build = spawnSync('/usr/bin/python3', ['setup.py', '-q', 'bdist_wheel', '-d', 'out'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    const theirs = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        'import glob, zipfile; w = glob.glob("out/*.whl")[0]; ' +
          'print(zipfile.ZipFile(w).read("demo_pkg-1.0.post1.dist-info/METADATA").decode(), end="")',
      ],
      { cwd: dir, encoding: 'utf8' },
    ).stdout;
    const ours = metadataText({
      name: 'demo-pkg',
      version: '1.0.post1',
      summary: 'A demo',
      author: 'Ann',
      license: 'MIT',
      homePage: 'https://example.org',
      requires: ['numpy>=1.0', 'six; python_version < "3"'],
      licenseFiles: ['LICENSE', 'NOTICE'],
      description: { text: README, contentType: 'text/markdown' },
    });
    const parsed = spawnSync('python3', ['-c', PARSE], {
      input: JSON.stringify([theirs, ours]),
      encoding: 'utf8',
    });
    expect(parsed.stderr).toBe('');
    const [bdist, mine] = JSON.parse(parsed.stdout) as {
      raw: Record<string, unknown>;
      unparsed: Record<string, unknown>;
    }[];
    expect(bdist!.unparsed).toEqual({});
    expect(mine!.unparsed).toEqual({});
    expect(bdist!.raw.metadata_version).toBe('2.1');
    expect(mine!.raw.metadata_version).toBe('2.4');
    const theirFields = { ...bdist!.raw };
    const ourFields = { ...mine!.raw };
    delete theirFields.metadata_version;
    delete ourFields.metadata_version;
    expect(ourFields).toEqual(theirFields);
    expect(Object.keys(ourFields).sort()).toEqual([
      'author',
      'description',
      'description_content_type',
      'home_page',
      'license',
      'license_files',
      'name',
      'requires_dist',
      'summary',
      'version',
    ]);
  });
});
