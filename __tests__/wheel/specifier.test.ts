import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { parseSpecifierSet } from '../../src/wheel/specifier.js';
import { askPackaging } from '../helpers/packaging-oracle.js';

const CORPUS = [
  '>=3.6',
  '>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, <4',
  '~=3.6',
  '~=3',
  '~=3.6.*',
  '==3.*',
  '==3.7.*',
  '!=3.7.*',
  '>=3.*',
  '<3.10',
  '>3.6.1rc1',
  '==2.7.18+local',
  '>=2.7+local',
  '===3.6-weird',
  '==1!2.0',
  '>=3.6.0.post1',
  '>=3.6.dev0',
  '3.6',
  '>=',
  '>= 3.6 ,',
  ', >=3.6',
  '=>3.6',
  '>=3.6 <4',
  '>=three',
  '==3.x',
  '>=3.6;python_version<"4"',
  '  >=3.6  ,<4  ',
  '>=v3.6',
  '==3.6.*.*',
  '<=3.12',
];

function packagingVerdicts(specs: string[]): boolean[] {
  const code = [
    'import json, sys',
    'from packaging.specifiers import SpecifierSet, InvalidSpecifier',
    'out = []',
    'for s in json.load(sys.stdin):',
    '    try:',
    '        SpecifierSet(s)',
    '        out.append(s.strip() != "" and not s.strip().startswith(",") and not s.strip().endswith(","))',
    '    except InvalidSpecifier:',
    '        out.append(False)',
    'print(json.dumps(out))',
  ].join('\n');
  return askPackaging<boolean[]>(code, specs);
}

function ours(spec: string): boolean {
  try {
    parseSpecifierSet(spec);
    return true;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return false;
  }
}

describe('requires-python specifier sets', () => {
  it('accepts and refuses exactly what packaging.specifiers does', () => {
    const expected = packagingVerdicts(CORPUS);
    const table = CORPUS.map((spec, i) => ({ spec, ours: ours(spec), packaging: expected[i] }));
    expect(table.filter((row) => row.ours !== row.packaging)).toEqual([]);
    // Both outcomes occur, so the comparison means something.
    expect(table.some((row) => row.ours)).toBe(true);
    expect(table.some((row) => !row.ours)).toBe(true);
  });

  it('returns the canonical text written to METADATA', () => {
    expect(parseSpecifierSet('  >=2.7 , !=3.0.* ,<4 ')).toBe('>=2.7,!=3.0.*,<4');
  });

  it('names the input, what was wrong and the fix', () => {
    let error: unknown;
    try {
      parseSpecifierSet('3.6');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.input).toBe('requires-python');
    expect(e.message).toContain('has no operator (write ==3.6 or >=3.6)');
    expect(e.fix).toContain('>=3.6');
    expect(() => parseSpecifierSet('~=3')).toThrow(/two release segments/);
    expect(() => parseSpecifierSet('>=3.6\n<4')).toThrow(/several lines/);
  });
});
