import { describe, expect, it } from 'vitest';
import { closestName, editDistance, unknownInputWarnings } from '../../src/inputs/closest-name.js';
import { INPUT_NAMES } from '../../src/inputs/input-spec.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['ab', 'abc', 1],
    ['abc', 'xabc', 1],
    ['ab', 'ba', 1],
    ['pyhton', 'python', 1],
    ['abcd', 'badc', 2],
    ['ca', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['stage', 'stgae', 1],
    ['abcdef', 'azcdeg', 2],
  ])('editDistance(%j, %j) is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestName', () => {
  const known = ['python', 's3-bucket', 's3-prefix', 'stage', 'build-command', 'build-timeout'];

  it('suggests the nearest name, the first of equals, case-insensitively', () => {
    expect(closestName('PYHTON', known)).toBe('python');
    expect(closestName('stgae', known)).toBe('stage');
    // `build-comand` is 1 edit from build-command and 4 from build-timeout.
    expect(closestName('build-comand', known)).toBe('build-command');
    // Two names at the same distance: the first listed wins.
    expect(closestName('ab', ['xb', 'ay'])).toBe('xb');
    expect(closestName('ab', ['ay', 'xb'])).toBe('ay');
  });

  it('allows 2 edits for a short word and a third of a long one, not more', () => {
    // 'ab' -> 'abcd': 2 edits, allowed however short the word.
    expect(closestName('ab', ['abcd'])).toBe('abcd');
    expect(closestName('ab', ['abcde'])).toBeUndefined();
    // 9 letters: floor(9/3) = 3 edits.
    expect(closestName('abcdefghi', ['abcdefxyz'])).toBe('abcdefxyz');
    expect(closestName('abcdefghi', ['abcdewxyz'])).toBeUndefined();
    // 8 letters: floor(8/3) = 2 edits, so 3 is too many.
    expect(closestName('abcdefgh', ['abcdexyz'])).toBeUndefined();
    expect(closestName('abcdefgh', ['abcdefyz'])).toBe('abcdefyz');
  });

  it('falls back to a whole dash-separated word of a name, else nothing', () => {
    expect(closestName('bucket', known)).toBe('s3-bucket');
    expect(closestName('timeout', known)).toBe('build-timeout');
    expect(closestName('Prefix', known)).toBe('s3-prefix');
    // A part of a word is not a word.
    expect(closestName('bucke', ['s3-buckets-list'])).toBeUndefined();
    expect(closestName('qqqqqqqq', known)).toBeUndefined();
    expect(closestName('python', [])).toBeUndefined();
  });
});

describe('unknownInputWarnings', () => {
  it('warns once per unknown INPUT_ variable, with the closest input when there is one', () => {
    expect(
      unknownInputWarnings(
        {
          'INPUT_BUILD-COMANDS': 'make',
          INPUT_PYTHON: '3',
          'INPUT_S3-BUCKET': 'b',
          INPUT_QQQQQQQQ: 'x',
          PYTHON: 'not an input',
          MY_INPUT_STAGE: 'not an input either',
        },
        INPUT_NAMES,
      ),
    ).toEqual([
      "Unknown input 'build-comands' (INPUT_BUILD-COMANDS) is ignored. Did you mean 'build-command'? The inputs are listed in docs/inputs-outputs.md.",
      "Unknown input 'qqqqqqqq' (INPUT_QQQQQQQQ) is ignored. The inputs are listed in docs/inputs-outputs.md.",
    ]);
  });

  it('reads a name the way @actions/core writes it: upper-cased, spaces as underscores', () => {
    expect(unknownInputWarnings({ INPUT_MY_INPUT: 'x' }, ['my input'])).toEqual([]);
    expect(unknownInputWarnings({ 'INPUT_MY INPUT': 'x' }, ['my input'])).toEqual([
      "Unknown input 'my input' (INPUT_MY INPUT) is ignored. Did you mean 'my input'? The inputs are listed in docs/inputs-outputs.md.",
    ]);
  });
});
