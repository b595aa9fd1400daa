import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { validateRequirement } from '../../src/wheel/requirement.js';

describe('validateRequirement (PEP 508)', () => {
  it.each([
    'numpy',
    'numpy>=1.11',
    ' numpy >= 1.11 ',
    'six (>=1.10)',
    'pkg==1.0.*',
    'Django~=2.2,!=2.2.1',
    'requests[socks,security]>=2,<3; python_version >= "3"',
    'enum34; python_version < "3.4"',
    'foo @ https://example.com/foo-1.0-py3-none-any.whl',
  ])('accepts %s', (text) => {
    expect(validateRequirement(text)).toBe(text.trim());
  });

  it.each([
    ['numpy>=', /"numpy>=" is not a valid requirement: ">=" is not a version specifier/],
    ['>=1.0', /must start with a project name/],
    ['numpy 1.0', /"1\.0" is not a version specifier/],
    ['foo[bar', /extras are not closed/],
    ['foo[bad name]>=1', /an extra is not a name/],
    ['numpy>=1.0;', /marker after ";" is empty/],
    ['foo @ not-a-url', /"@" must be followed by a URL/],
  ])('refuses %s', (text, message) => {
    let error: unknown;
    try {
      validateRequirement(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).input).toBe('requires');
    expect((error as InputError).fix).toContain('PEP 508');
  });
});
