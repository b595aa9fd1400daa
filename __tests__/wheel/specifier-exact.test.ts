// Each refusal of a requires-python specifier set word for word (specifier.test.ts compares what
// is accepted with packaging itself), and the edges packaging accepts: epochs, capitals, `~=`.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { parseSpecifierSet } from '../../src/wheel/specifier.js';

function refusal(raw: string, input?: string): string {
  try {
    parseSpecifierSet(raw, input);
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error(`${raw} was accepted`);
}

const FIX = 'Fix: write comma-separated clauses such as `>=3.6` or `>=2.7, !=3.0.*, !=3.1.*, <4`.';

describe('parseSpecifierSet refuses, naming the input, the set, why and the fix', () => {
  it.each([
    ['', '"" is not a PEP 440 version specifier set: it is empty.'],
    ['   ', '"" is not a PEP 440 version specifier set: it is empty.'],
    [
      '>=3.6,,<4',
      '">=3.6,,<4" is not a PEP 440 version specifier set: a clause between commas is empty.',
    ],
    [
      ' >=3.6, ',
      '">=3.6," is not a PEP 440 version specifier set: a clause between commas is empty.',
    ],
    ['>=3.6\n<4', '">=3.6\n<4" is not a PEP 440 version specifier set: it spans several lines.'],
    [
      '3.6',
      '"3.6" is not a PEP 440 version specifier set: "3.6" has no operator (write ==3.6 or >=3.6).',
    ],
    [
      '=>3.6',
      '"=>3.6" is not a PEP 440 version specifier set: "=>3.6" is not an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a version.',
    ],
    ['===1;x', '"===1;x" is not a PEP 440 version specifier set: an arbitrary-equality version.'],
    [
      '==3.x.*',
      '"==3.x.*" is not a PEP 440 version specifier set: ".*" must follow a release like 3.7.',
    ],
    ['==3.x', '"==3.x" is not a PEP 440 version specifier set: "3.x" is not a PEP 440 version.'],
    [
      '>=3.*',
      '">=3.*" is not a PEP 440 version specifier set: ".*" is only allowed after == or !=.',
    ],
    [
      '>=3.6+local',
      '">=3.6+local" is not a PEP 440 version specifier set: a local version label ("+...") is only allowed after == or !=.',
    ],
    [
      '>=three',
      '">=three" is not a PEP 440 version specifier set: "three" is not a PEP 440 version.',
    ],
    [
      '~=3',
      '"~=3" is not a PEP 440 version specifier set: "~=" needs at least two release segments (~=3.6).',
    ],
    [
      '~=1!3',
      '"~=1!3" is not a PEP 440 version specifier set: "~=" needs at least two release segments (~=3.6).',
    ],
  ])('%j', (raw, message) => {
    expect(refusal(raw)).toBe(`Input 'requires-python': ${message} ${FIX}`);
  });

  it('names another input when asked', () => {
    expect(refusal('3', 'python-requires')).toMatch(
      /^Input 'python-requires': "3" is not a PEP 440 version specifier set: "3" has no/,
    );
  });
});

describe('parseSpecifierSet accepts', () => {
  it.each([
    ['===1.0-weird', '===1.0-weird'],
    ['~=3.6', '~=3.6'],
    ['~=10.1', '~=10.1'],
    ['~=1!3.6', '~=1!3.6'],
    ['~=10!3.6', '~=10!3.6'],
    ['~=V3.6', '~=V3.6'],
    ['==V3.7.*', '==V3.7.*'],
    ['!=1!3.*', '!=1!3.*'],
    ['==1.0+ABC.1', '==1.0+ABC.1'],
    ['==1.0RC1', '==1.0RC1'],
    ['>=3.6RC1', '>=3.6RC1'],
    ['>= 3.6, < 4', '>=3.6,<4'],
  ])('%j as %j', (raw, canonical) => {
    expect(parseSpecifierSet(raw)).toBe(canonical);
  });
});
