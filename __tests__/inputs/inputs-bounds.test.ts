/**
 * The bounds of the numeric and enumerated inputs, exactly: each edge accepted with its value,
 * each value just outside refused with the input named.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import type { InputName } from '../../src/inputs/input-spec.js';
import { parseBoolean } from '../../src/inputs/input-reader.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { thrownInputError } from '../helpers/input-error.js';

const base = { 'package-dir': 'build/pkg', version: '1.0.0' };
const s3 = { 's3-bucket': 'my-wheels' };
const read = (values: Partial<Record<InputName, string>>) =>
  getInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: '/ws' });

function refusal(values: Partial<Record<InputName, string>>): InputError {
  return thrownInputError(() => read({ ...base, ...values }), `accepted ${JSON.stringify(values)}`);
}

describe('compression-level', () => {
  it.each(['1', '2', '3', '4', '5', '6', '7', '8', '9'])('accepts %s', (level) => {
    expect(read({ ...base, 'compression-level': level }).compressionLevel).toBe(Number(level));
  });

  it('is 4 when not given, and trimmed', () => {
    expect(read(base).compressionLevel).toBe(4);
    expect(read({ ...base, 'compression-level': ' 7 \n' }).compressionLevel).toBe(7);
  });

  it.each(['0', '10', '11', '99', '-1', '4.0', '04', '4x', 'x4', '1e0', 'nine', '٤'])(
    'refuses %j',
    (level) => {
      const error = refusal({ 'compression-level': level });
      expect(error.input).toBe('compression-level');
      expect(error.message).toBe(`"${level}" is not a compression level.`);
      expect(error.fix).toBe(
        'use a whole number from 1 (fastest) to 9 (smallest); 4 is the default, 6 matches zip -6.',
      );
    },
  );
});

describe('s3-max-attempts', () => {
  it.each([
    ['1', 1],
    ['2', 2],
    ['5', 5],
    ['19', 19],
    ['20', 20],
    ['007', 7],
  ])('accepts %s', (raw, attempts) => {
    expect(read({ ...base, ...s3, 's3-max-attempts': raw }).s3?.maxAttempts).toBe(attempts);
  });

  it('is 5 when not given', () => {
    expect(read({ ...base, ...s3 }).s3?.maxAttempts).toBe(5);
  });

  it.each(['0', '21', '100', '5x', 'x5', '5 5', '1.5', '-1', '+3', '2e1', 'five', '٥'])(
    'refuses %j',
    (raw) => {
      const error = refusal({ ...s3, 's3-max-attempts': raw });
      expect(error.input).toBe('s3-max-attempts');
      expect(error.message).toBe(`"${raw}" is not a number of attempts.`);
      expect(error.fix).toBe('use a whole number from 1 (no retries) to 20.');
    },
  );
});

describe('s3-acl and s3-region', () => {
  it.each(['private', 'public-read'])('accepts the ACL %s', (acl) => {
    expect(read({ ...base, ...s3, 's3-acl': acl }).s3?.acl).toBe(acl);
  });

  it.each(['public-read-write', 'Private', 'authenticated-read', 'public'])(
    'refuses the ACL %j',
    (acl) => {
      const error = refusal({ ...s3, 's3-acl': acl });
      expect(error.input).toBe('s3-acl');
      expect(error.message).toBe(`"${acl}" is not a supported ACL.`);
    },
  );

  it.each(['us-east-1', 'eu-west-3', 'cn-north-1'])('accepts the region %s', (region) => {
    expect(read({ ...base, ...s3, 's3-region': region }).s3?.region).toBe(region);
  });

  it.each(['US-EAST-1', 'us_east_1', 'us east 1', 'eu-west-1/'])(
    'refuses the region %j',
    (region) => {
      const error = refusal({ ...s3, 's3-region': region });
      expect(error.input).toBe('s3-region');
      expect(error.message).toBe(`"${region}" is not an AWS region name.`);
    },
  );
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    [' True ', true],
    ['false', false],
    ['FALSE', false],
    ['\tfalse\n', false],
  ])('%j is %s', (raw, value) => {
    expect(parseBoolean(raw, 'check-libs')).toBe(value);
  });

  it.each(['yes', 'no', '1', '0', 'on', 't', 'truee', ''])('refuses %j naming the input', (raw) => {
    let error: unknown;
    try {
      parseBoolean(raw, 's3-overwrite');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('s3-overwrite');
    expect((error as InputError).message).toBe(`"${raw}" is not a boolean.`);
    expect((error as InputError).fix).toBe('use true or false.');
  });
});
