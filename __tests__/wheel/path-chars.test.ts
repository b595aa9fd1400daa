import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { checkPathCharacters, forbiddenCharacter, quotePath } from '../../src/wheel/path-chars.js';

describe('wheel path characters', () => {
  it.each([
    ['a\u0000b', 'U+0000'],
    ['a\nb', 'U+000A'],
    ['a\rb', 'U+000D'],
    ['a\tb', 'U+0009'],
    ['\u001f', 'U+001F'],
    ['x\u007f', 'U+007F'],
    ['x\u0080', 'U+0080'],
    ['x\u0085', 'U+0085'],
    ['x\u009f', 'U+009F'],
    ['x\u2028y', 'U+2028'],
    ['x\u2029y', 'U+2029'],
    ['ok/then\u001b[31m', 'U+001B'],
    ['two\t\n', 'U+0009'],
  ])('finds the first forbidden character of %j: %s', (path, code) => {
    expect(forbiddenCharacter(path)).toBe(code);
  });

  it.each([
    'pkg/a b.txt',
    'pkg/q"uo\'te,.so',
    'pkg/\u0020\u007e',
    'pkg/\u00a0nbsp',
    'pkg/caf\u00e9',
    'pkg/\ufffd',
    'pkg/\u2027\u202a',
    'pkg/😀',
  ])('accepts %j', (path) => {
    expect(forbiddenCharacter(path)).toBeUndefined();
    expect(() => checkPathCharacters(path, 'stage')).not.toThrow();
  });

  it('refuses with the input, the escaped path, the code point and a fix', () => {
    let error: unknown;
    try {
      checkPathCharacters('pkg/a\nb\u0085\u2028.so', 'package-dir');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const refusal = error as InputError;
    expect(refusal.input).toBe('package-dir');
    expect(refusal.message).toBe(
      'the wheel path "pkg/a\\nb\\u0085\\u2028.so" holds a control character or line break (U+000A); pip 19 on Python 2.7 cannot install such a wheel, and the name cannot be logged safely.',
    );
    expect(refusal.fix).toMatch(/^rename the file or folder in the build/);
  });

  it('quotes a path on one safe line', () => {
    expect(quotePath('a"b\\c\n\t\u001b\u007f\u0080\u009f\u00a0\u2028\u2029é')).toBe(
      '"a\\"b\\\\c\\n\\t\\u001b\\u007f\\u0080\\u009f\u00a0\\u2028\\u2029é"',
    );
  });
});
