import { describe, expect, it } from 'vitest';
import { metadataText } from '../../src/wheel/metadata.js';
import { metadataFromEggInfo, requiresFromTxt } from '../../src/wheel/pkg-info.js';
import { askPackaging } from '../helpers/packaging-oracle.js';

// What setuptools 41 (pyenv's 2.7.18) writes for a project with every field set.
const PKG_INFO = [
  'Metadata-Version: 2.1',
  'Name: fastsum',
  'Version: 0.3.0',
  'Summary: Fast sums',
  'Home-page: https://e.org',
  'Author: Ann',
  'License: MIT',
  'Description: Fast',
  '        ====',
  '        ',
  '        sums',
  'Platform: UNKNOWN',
  'Description-Content-Type: text/x-rst',
  'Provides-Extra: np',
  '',
].join('\n');
const REQUIRES =
  'six\n\n[:python_version < "3.4"]\nenum34\n\n[np]\nnumpy\n\n[np:sys_platform == "linux"]\nscipy>=1\n';

describe('egg_info metadata (the setup.py route without `wheel`)', () => {
  it('turns requires.txt sections into markers', () => {
    expect(requiresFromTxt(REQUIRES)).toEqual([
      'six',
      'enum34; python_version < "3.4"',
      'numpy; extra == "np"',
      'scipy>=1; (sys_platform == "linux") and extra == "np"',
    ]);
    expect(requiresFromTxt('')).toEqual([]);
  });

  it("reads PKG-INFO's fields, unfolding the Description header into the body", () => {
    expect(metadataFromEggInfo(PKG_INFO, REQUIRES)).toEqual({
      summary: 'Fast sums',
      homePage: 'https://e.org',
      author: 'Ann',
      license: 'MIT',
      requiresPython: undefined,
      requires: requiresFromTxt(REQUIRES),
      providesExtra: ['np'],
      description: { text: 'Fast\n====\n\nsums', contentType: 'text/x-rst' },
    });
  });

  it('leaves out UNKNOWN and missing fields; reads a body description', () => {
    const meta = metadataFromEggInfo(
      'Metadata-Version: 2.1\nName: x\nVersion: 1\nSummary: UNKNOWN\nDescription-Content-Type: text/markdown\n\n# Title\n',
      '',
    );
    expect(meta.summary).toBeUndefined();
    expect(meta.description).toEqual({ text: '# Title\n', contentType: 'text/markdown' });
    expect(
      metadataFromEggInfo('Metadata-Version: 1.0\nName: x\nDescription: UNKNOWN\n', '').description,
    ).toBeUndefined();
  });

  it('gives METADATA that packaging validates, with the extras declared', () => {
    const text = metadataText({
      name: 'fastsum',
      version: '0.3.0',
      ...metadataFromEggInfo(PKG_INFO, REQUIRES),
    });
    const answer = askPackaging<string>(
      'import json, sys\nfrom packaging.metadata import Metadata\n' +
        'm = Metadata.from_email(json.load(sys.stdin), validate=True)\n' +
        'print(json.dumps("%s %s %r" % (m.provides_extra, [str(r) for r in m.requires_dist], m.description)))',
      text,
    );
    expect(answer).toBe(
      "['np'] ['six', 'enum34; python_version < \"3.4\"', 'numpy; extra == \"np\"', " +
        '\'scipy>=1; sys_platform == "linux" and extra == "np"\'] \'Fast\\n====\\n\\nsums\\n\'',
    );
  });
});
