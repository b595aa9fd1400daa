import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { metadataText, recordText, wheelText } from '../../src/wheel/metadata.js';
import { parseWheelTag } from '../../src/wheel/tags.js';

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
