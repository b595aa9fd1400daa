import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { checkVersionLength, MAX_WHEEL_FILE_NAME_BYTES } from '../../src/wheel/file-name-length.js';
import { RECEIPT_SUFFIX, wheelFileName } from '../../src/wheel/names.js';

function refusal(fn: () => void): InputError {
  try {
    fn();
  } catch (error) {
    return error as InputError;
  }
  throw new Error('not refused');
}

describe('checkVersionLength', () => {
  it('leaves room for the receipt beside the wheel within 255 bytes', () => {
    expect(MAX_WHEEL_FILE_NAME_BYTES).toBe(255 - RECEIPT_SUFFIX.length);
  });

  it('takes the longest version that fits, and refuses one byte more, naming version', () => {
    const rest = wheelFileName('pkg', '', 'py3-none-any').length;
    const longest = `1+${'a'.repeat(MAX_WHEEL_FILE_NAME_BYTES - rest - 2)}`;
    expect(() => checkVersionLength(longest, 'pkg', 'py3-none-any')).not.toThrow();
    const error = refusal(() => checkVersionLength(`${longest}b`, 'pkg', 'py3-none-any'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('version');
    expect(error.message).toContain(`(${longest.length + 1} bytes)`);
    expect(error.message).toContain(`leaves ${longest.length} bytes for the version`);
    expect(error.fix).toBe(
      `use a version of at most ${longest.length} bytes (shorten the local label after "+").`,
    );
  });

  it('assumes the shortest name and tag when they are not known yet', () => {
    const version = `1+${'a'.repeat(240)}`;
    const error = refusal(() => checkVersionLength(version));
    expect(error.message).toMatch(/makes the wheel's file name at least 261 bytes long/);
    expect(error.message).not.toContain('the wheel "');
    // A long tag leaves less room: the exact check in the packer refuses what the inputs let by.
    const fits = `1+${'a'.repeat(188)}`;
    expect(() => checkVersionLength(fits)).not.toThrow();
    expect(() =>
      checkVersionLength(fits, 'vecmath', 'cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64'),
    ).toThrow(/leaves \d+ bytes for the version/);
  });

  it('shows a long version cut, with its length', () => {
    const error = refusal(() => checkVersionLength(`1.0.0+${'a'.repeat(236)}`, 'tinypkg'));
    expect(error.message).toMatch(/^the version "1\.0\.0\+a{26}\.\.\." \(242 bytes\)/);
  });

  it('names the wheel when the name is known, and shows a version of 40 characters whole', () => {
    const name = 'n'.repeat(200);
    const version = `1+${'a'.repeat(38)}`;
    const error = refusal(() => checkVersionLength(version, name));
    expect(error.message).toBe(
      `the version "${version}" (40 bytes) makes the wheel's file name at least 258 bytes long; ` +
        `file systems allow 255 bytes for a name and the receipt beside the wheel adds 18, so the ` +
        `wheel "${name}" leaves 19 bytes for the version.`,
    );
    const short = refusal(() => checkVersionLength('1.0', 'n'.repeat(240)));
    expect(short.message).toMatch(/^the version "1\.0" \(3 bytes\) makes/);
    expect(short.message).toMatch(/ leaves 0 bytes for the version\.$/);
    expect(short.fix).toBe('use a version of at most 0 bytes (shorten the local label after "+").');
  });

  it('without a name, the message names no wheel', () => {
    const error = refusal(() => checkVersionLength(`1+${'a'.repeat(240)}`));
    expect(error.message).toMatch(
      /receipt beside the wheel adds 18, so the wheel leaves 218 bytes for the version\.$/,
    );
  });
});
