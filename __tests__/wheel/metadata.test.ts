import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import {
  metadataText,
  readmeContentType,
  recordText,
  validateLicensePath,
  wheelText,
  type ProjectMetadata,
} from '../../src/wheel/metadata.js';
import { parseWheelTag } from '../../src/wheel/tags.js';
import { thrownInputError } from '../helpers/input-error.js';

describe('dist-info files', () => {
  it('writes METADATA 2.1 with the optional fields given', () => {
    expect(
      metadataText({
        name: 'vecmath',
        version: '1.0.0',
        summary: 'C++ vectors',
        requires: ['numpy>=1.11', 'six'],
        author: 'Team',
        license: 'MIT',
        homePage: 'https://example.com',
      }),
    ).toBe(
      [
        'Metadata-Version: 2.1',
        'Name: vecmath',
        'Version: 1.0.0',
        'Summary: C++ vectors',
        'Home-page: https://example.com',
        'Author: Team',
        'License: MIT',
        'Requires-Dist: numpy>=1.11',
        'Requires-Dist: six',
        '',
      ].join('\n'),
    );
    expect(metadataText({ name: 'x', version: '1' })).toBe(
      'Metadata-Version: 2.1\nName: x\nVersion: 1\n',
    );
  });

  it('writes the readme as the body, license files as 2.4 headers, in setuptools order', () => {
    expect(
      metadataText({
        name: 'demo-pkg',
        version: '1.0',
        summary: 'A demo',
        homePage: 'https://example.org',
        author: 'Ann',
        license: 'MIT',
        requiresPython: '>=3.6',
        requires: ['numpy>=1.0'],
        licenseFiles: ['LICENSE', 'third_party/COPYING.txt'],
        description: { text: '# Demo\r\n\r\nhello', contentType: 'text/markdown' },
      }),
    ).toBe(
      [
        'Metadata-Version: 2.4',
        'Name: demo-pkg',
        'Version: 1.0',
        'Summary: A demo',
        'Home-page: https://example.org',
        'Author: Ann',
        'License: MIT',
        'Requires-Python: >=3.6',
        'Description-Content-Type: text/markdown',
        'License-File: LICENSE',
        'License-File: third_party/COPYING.txt',
        'Requires-Dist: numpy>=1.0',
        '',
        '# Demo',
        '',
        'hello',
        '',
      ].join('\n'),
    );
    // Without license files the version stays 2.1, which every old installer reads.
    expect(
      metadataText({
        name: 'x',
        version: '1',
        description: { text: 'plain\n', contentType: 'text/plain' },
      }),
    ).toBe(
      'Metadata-Version: 2.1\nName: x\nVersion: 1\nDescription-Content-Type: text/plain\n\nplain\n',
    );
  });

  it.each([
    ['README.md', 'text/markdown'],
    ['docs/README.MARKDOWN', 'text/markdown'],
    ['README.rst', 'text/x-rst'],
    ['readme.txt', 'text/plain'],
  ])('takes the content type of %s from its extension', (path, type) => {
    expect(readmeContentType(path)).toBe(type);
  });

  it.each(['README', 'README.html', 'docs.md/README', 'README.md.bak'])(
    'refuses the readme %s, naming the input',
    (path) => {
      expect(() => readmeContentType(path)).toThrow(
        expect.objectContaining({ input: 'readme', message: expect.stringContaining(path) }),
      );
    },
  );

  it.each(['', '/etc/LICENSE', '../LICENSE', 'a/../LICENSE', 'a//b', './LICENSE', 'a\\b', 'L*'])(
    'refuses the License-File path %j',
    (path) => {
      expect(() => validateLicensePath(path)).toThrow(
        expect.objectContaining({ input: 'license-files' }),
      );
    },
  );

  it('writes METADATA that packaging.metadata validates, field for field', () => {
    const cases: ProjectMetadata[] = [
      { name: 'x', version: '1' },
      {
        name: 'demo-pkg',
        version: '1.0.post1+gpu.2',
        summary: 'A demo: ünïcode',
        homePage: 'https://example.org',
        author: 'Ann <a@example.org>',
        license: 'MIT',
        requiresPython: '>=2.7,!=3.0.*',
        requires: ['numpy>=1.0', 'six; python_version < "3"'],
        licenseFiles: ['LICENSE', 'licenses/NOTICE.txt'],
        description: { text: 'Title\n=====\n\nSee: `x`\n', contentType: 'text/x-rst' },
      },
    ];
    const code = [
      'import json, sys',
      'from packaging.metadata import Metadata',
      'out = []',
      'for text in json.load(sys.stdin):',
      '    m = Metadata.from_email(text, validate=True)',
      '    out.append({"metadata_version": m.metadata_version, "name": m.name,',
      '        "version": str(m.version), "summary": m.summary, "home_page": m.home_page,',
      '        "author": m.author, "license": m.license,',
      '        "requires_python": str(m.requires_python) if m.requires_python else None,',
      '        "requires_dist": [str(r) for r in m.requires_dist or []],',
      '        "license_files": m.license_files, "description": m.description,',
      '        "content_type": m.description_content_type})',
      'print(json.dumps(out))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', code], {
      input: JSON.stringify(cases.map(metadataText)),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      {
        metadata_version: '2.1',
        name: 'x',
        version: '1',
        summary: null,
        home_page: null,
        author: null,
        license: null,
        requires_python: null,
        requires_dist: [],
        license_files: null,
        description: null,
        content_type: null,
      },
      {
        metadata_version: '2.4',
        name: 'demo-pkg',
        version: '1.0.post1+gpu.2',
        summary: 'A demo: ünïcode',
        home_page: 'https://example.org',
        author: 'Ann <a@example.org>',
        license: 'MIT',
        requires_python: '!=3.0.*,>=2.7',
        requires_dist: ['numpy>=1.0', 'six; python_version < "3"'],
        license_files: ['LICENSE', 'licenses/NOTICE.txt'],
        description: 'Title\n=====\n\nSee: `x`\n',
        content_type: 'text/x-rst',
      },
    ]);
  });

  it('refuses a field that would inject another header', () => {
    expect(() => metadataText({ name: 'x', version: '1', summary: 'a\nVersion: 2' })).toThrow(
      InputError,
    );
  });

  it('writes WHEEL with one Tag line per expanded tag', () => {
    expect(wheelText(parseWheelTag('cp36-cp36m-linux_x86_64'), 'gen 1')).toBe(
      'Wheel-Version: 1.0\nGenerator: gen 1\nRoot-Is-Purelib: false\nTag: cp36-cp36m-linux_x86_64\n',
    );
    expect(wheelText(parseWheelTag('py2.py3-none-any'), 'gen 1')).toBe(
      'Wheel-Version: 1.0\nGenerator: gen 1\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n',
    );
  });

  it('writes RECORD rows with urlsafe unpadded sha256, CSV quoting, and its own empty row', () => {
    const digest = createHash('sha256').update('hello').digest();
    expect(
      recordText(
        [
          { path: 'pkg/__init__.py', sha256: digest, size: 5 },
          { path: 'pkg/a,b.txt', sha256: digest, size: 5 },
        ],
        'pkg-1.dist-info/RECORD',
      ),
    ).toBe(
      'pkg/__init__.py,sha256=LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ,5\n' +
        '"pkg/a,b.txt",sha256=LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ,5\n' +
        'pkg-1.dist-info/RECORD,,\n',
    );
  });
});

describe('Requires-Python', () => {
  it('is written after the optional fields, before Requires-Dist', () => {
    expect(
      metadataText({ name: 'v', version: '1', requiresPython: '>=3.6,<4', requires: ['six'] }),
    ).toBe(
      'Metadata-Version: 2.1\nName: v\nVersion: 1\nRequires-Python: >=3.6,<4\nRequires-Dist: six\n',
    );
    expect(metadataText({ name: 'v', version: '1' })).not.toContain('Requires-Python');
  });
});

describe('METADATA, exactly', () => {
  it('trims every field, skips blank optional ones, and writes Provides-Extra before Requires-Dist', () => {
    expect(
      metadataText({
        name: ' x ',
        version: '\t1\t',
        summary: 'One line\r\n',
        homePage: '  ',
        author: ' Ann ',
        license: '\n',
        requiresPython: ' ',
        providesExtra: ['gpu', ' test '],
        requires: [' six ', 'cupy; extra == "gpu"'],
      }),
    ).toBe(
      [
        'Metadata-Version: 2.1',
        'Name: x',
        'Version: 1',
        'Summary: One line',
        'Author: Ann',
        'Provides-Extra: gpu',
        'Provides-Extra: test',
        'Requires-Dist: six',
        'Requires-Dist: cupy; extra == "gpu"',
        '',
      ].join('\n'),
    );
  });

  it('writes the body with Unix line ends, without a BOM, ending in exactly one line break', () => {
    const body = (text: string): string =>
      metadataText({ name: 'x', version: '1', description: { text, contentType: 'text/plain' } });
    const head =
      'Metadata-Version: 2.1\nName: x\nVersion: 1\nDescription-Content-Type: text/plain\n\n';
    expect(body('\uFEFFa\rb\r\nc\n\nd')).toBe(`${head}a\nb\nc\n\nd\n`);
    expect(body('a\n')).toBe(`${head}a\n`);
    expect(body('a\n\n')).toBe(`${head}a\n\n`);
    expect(body('a\r\r\n')).toBe(`${head}a\n\n`);
    expect(body('x\uFEFF')).toBe(`${head}x\uFEFF\n`);
    expect(body('')).toBe(`${head}\n`);
  });

  it.each<[string, keyof ProjectMetadata | 'extra' | 'requirement', string]>([
    ['name', 'name', 'name'],
    ['version', 'version', 'version'],
    ['summary', 'summary', 'summary'],
    ['home-page', 'homePage', 'home-page'],
    ['author', 'author', 'author'],
    ['license', 'license', 'license'],
    ['requires-python', 'requiresPython', 'requires-python'],
    ['an extra', 'extra', 'project-dir'],
    ['a requirement', 'requirement', 'requires'],
  ])('refuses a line break inside %s, naming the input', (_what, field, input) => {
    const meta: ProjectMetadata = { name: 'x', version: '1' };
    if (field === 'extra') meta.providesExtra = ['a\rb'];
    else if (field === 'requirement') meta.requires = ['six\n; python_version < "3"'];
    else (meta as unknown as Record<string, string>)[field] = 'a\r\nb';
    const error = thrownInputError(() => metadataText(meta));
    expect(error.message).toBe('a metadata field cannot span several lines.');
    expect(error.input).toBe(input);
    expect(error.fix).toBe('put it on one line (for `requires`, one requirement per line).');
  });

  it('refuses a line break in the readme content type', () => {
    const error = thrownInputError(() =>
      metadataText({
        name: 'x',
        version: '1',
        description: { text: 'a', contentType: 'text/plain\nX: y' as 'text/plain' },
      }),
    );
    expect(error.input).toBe('readme');
  });

  it('writes a requirement as validateRequirement normalizes it', () => {
    expect(metadataText({ name: 'x', version: '1', requires: ['Six >= 1.0'] })).toBe(
      'Metadata-Version: 2.1\nName: x\nVersion: 1\nRequires-Dist: Six>=1.0\n',
    );
    expect(() => metadataText({ name: 'x', version: '1', requires: ['six >>> 1'] })).toThrow(
      expect.objectContaining({ input: 'requires' }),
    );
  });
});

describe('readme content types, exactly', () => {
  it.each([
    ['a.MD', 'text/markdown'],
    ['a.Rst', 'text/x-rst'],
    ['a.TXT', 'text/plain'],
    ['.md', 'text/markdown'],
    ['a.b.md', 'text/markdown'],
    ['dir.rst/a.md', 'text/markdown'],
    ['dir\\a.txt', 'text/plain'],
  ])('%s is %s', (path, type) => {
    expect(readmeContentType(path)).toBe(type);
  });

  it.each(['a.md/', 'a.md.', 'a.md\\b', 'a.mdx', 'a.xmd', 'a.', 'md', 'a.md\n'])(
    'refuses %j',
    (path) => {
      expect(() => readmeContentType(path)).toThrow(InputError);
    },
  );

  it('says which readme and what to name instead', () => {
    const error = thrownInputError(() => readmeContentType('docs/README.adoc'));
    expect(error.message).toBe(
      'cannot tell the format of the readme "docs/README.adoc" from its extension.',
    );
    expect(error.input).toBe('readme');
    expect(error.fix).toBe(
      'name a .md (Markdown), .rst (reStructuredText) or .txt (plain text) file.',
    );
  });
});

describe('License-File paths, exactly', () => {
  it.each(['LICENSE', 'a/b/COPYING.txt', 'a.b/..c', '...', 'x/.hidden', 'é/ü'])(
    'accepts %j as it is',
    (path) => {
      expect(validateLicensePath(path)).toBe(path);
    },
  );

  it.each(['a/', '/', 'a/.', 'a/./b', 'a/..', 'L?', 'L[1]', 'L]', 'L[', 'a\rb', 'a\nb', 'a*'])(
    'refuses %j',
    (path) => {
      expect(() => validateLicensePath(path)).toThrow(InputError);
    },
  );

  it('says which path, the input and the fix', () => {
    const error = thrownInputError(() => validateLicensePath('../COPYING'));
    expect(error.message).toBe('"../COPYING" cannot be a License-File path.');
    expect(error.input).toBe('license-files');
    expect(error.fix).toBe(
      'license files must lie inside `working-directory`, with plain names (no "*", "?", "[", "]", backslashes or line breaks).',
    );
  });

  it('validates every path of metadataText and writes the version 2.4 with them', () => {
    expect(() => metadataText({ name: 'x', version: '1', licenseFiles: ['ok', '../no'] })).toThrow(
      expect.objectContaining({ input: 'license-files' }),
    );
    expect(metadataText({ name: 'x', version: '1', licenseFiles: ['L'] })).toBe(
      'Metadata-Version: 2.4\nName: x\nVersion: 1\nLicense-File: L\n',
    );
  });
});

describe('RECORD, exactly', () => {
  it('quotes a field with a quote, a comma, CR or LF, doubling the quotes, as Python csv does', () => {
    const digest = createHash('sha256').update('hello').digest();
    const text = recordText(
      [
        { path: 'a"b', sha256: digest, size: 0 },
        { path: 'a\rb', sha256: digest, size: 1 },
        { path: 'a\nb', sha256: digest, size: 12 },
        { path: '"q""', sha256: digest, size: 3 },
        { path: "a'b c", sha256: digest, size: 4 },
      ],
      'x,1.dist-info/RECORD',
    );
    const d = 'LPJNul-wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ'; // urlsafe (a -), unpadded
    expect(text).toBe(
      [
        `"a""b",sha256=${d},0`,
        `"a\rb",sha256=${d},1`,
        `"a\nb",sha256=${d},12`,
        `"""q""""",sha256=${d},3`,
        `a'b c,sha256=${d},4`,
        '"x,1.dist-info/RECORD",,',
        '',
      ].join('\n'),
    );
    const run = spawnSync(
      'python3',
      [
        '-c',
        'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))',
      ],
      { input: text, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([
      ['a"b', `sha256=${d}`, '0'],
      ['a\rb', `sha256=${d}`, '1'],
      ['a\nb', `sha256=${d}`, '12'],
      ['"q""', `sha256=${d}`, '3'],
      ["a'b c", `sha256=${d}`, '4'],
      ['x,1.dist-info/RECORD', '', ''],
    ]);
  });

  it('writes only its own row for no files', () => {
    expect(recordText([], 'x-1.dist-info/RECORD')).toBe('x-1.dist-info/RECORD,,\n');
  });
});
