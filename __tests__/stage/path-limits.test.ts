// Wheel paths no installer could write: a name over 255 bytes, a path over 3072 bytes.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { checkPathLimits, MAX_NAME_BYTES, MAX_PATH_BYTES } from '../../src/stage/path-limits.js';

function refusal(path: string): InputError {
  try {
    checkPathLimits(path, 'stage');
  } catch (error) {
    return error as InputError;
  }
  throw new Error(`${path.slice(0, 40)}... was accepted`);
}

describe('checkPathLimits', () => {
  it('are the limits of Linux file systems and a safe share of PATH_MAX', () => {
    expect(MAX_NAME_BYTES).toBe(255);
    expect(MAX_PATH_BYTES).toBe(3072);
  });

  it('accepts names of 255 bytes, counted in UTF-8 bytes, and refuses 256', () => {
    expect(() => checkPathLimits(`pkg/${'a'.repeat(255)}`, 'stage')).not.toThrow();
    expect(() => checkPathLimits(`${'é'.repeat(127)}a/x`, 'stage')).not.toThrow();
    const long = `${'é'.repeat(128)}`;
    const error = refusal(`pkg/${long}/x.py`);
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('stage');
    expect(error.message).toContain(
      `the wheel path "pkg/${long}/x.py" has a name of 256 bytes; file systems allow 255, so pip could not install it.`,
    );
    expect(error.fix).toBe('use file and folder names of at most 255 bytes.');
  });

  it('names the first long name and checks it before the length of the whole path', () => {
    const first = 'b'.repeat(300);
    const path = `${'a'.repeat(200)}/${first}/${'c'.repeat(400)}/${'d'.repeat(3000)}`;
    expect(refusal(path).message).toContain('has a name of 300 bytes');
  });

  it('accepts a path of 3072 bytes and refuses 3073, quoting its first 80 characters', () => {
    const segment = `${'s'.repeat(254)}/`; // 255 bytes with the slash
    const exact = `${segment.repeat(12)}${'t'.repeat(3072 - 12 * 255)}`;
    expect(Buffer.byteLength(exact)).toBe(3072);
    expect(() => checkPathLimits(exact, 'package-dir')).not.toThrow();
    const over = `${exact}u`;
    const error = refusal(over.replace(/^s/, 'é').slice(0, -1));
    expect(error.input).toBe('stage');
    expect(error.message).toContain(
      `the wheel path "${over.replace(/^s/, 'é').slice(0, 80)}..." is 3073 bytes long; at most 3072 install reliably.`,
    );
    expect(error.fix).toBe('use a shallower folder layout or shorter names.');
  });
});
