import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { normalizeVersion } from '../../src/wheel/version.js';

describe('PEP 440 versions', () => {
  it.each([
    ['1.0.0', '1.0.0'],
    ['v1.2', '1.2'],
    ['1.0-1', '1.0.post1'],
    ['1.0RC1', '1.0rc1'],
    ['1.0.0+GPU', '1.0.0+gpu'],
    ['01.02', '1.2'],
    ['2.0.dev3', '2.0.dev3'],
    [' 1.4.0 ', '1.4.0'],
  ])('%j normalizes to %s', (raw, normalized) => {
    expect(normalizeVersion(raw)).toBe(normalized);
  });

  it('refuses a dash label with the local-version hint', () => {
    let error: unknown;
    try {
      normalizeVersion('0.1.4-gpu');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.input).toBe('version');
    expect(e.message).toContain('"0.1.4-gpu" is not a valid PEP 440 version');
    expect(e.fix).toContain('0.1.4+gpu');
  });

  it.each(['', 'latest', '1.0.0 beta', '1..0', 'abc-def'])('refuses %j', (raw) => {
    expect(() => normalizeVersion(raw)).toThrow(InputError);
  });
});
