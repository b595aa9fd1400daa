import { describe, expect, it } from 'vitest';
import { fixText, InputError, PublishError } from '../../src/base/errors.js';

describe('one message style: "Fix: use ..."', () => {
  it.each([
    ['Check the network.', 'check the network.'],
    ['Re-run the job.', 're-run the job.'],
    ['use true or false.', 'use true or false.'],
    ['AWS credentials are missing: add them.', 'AWS credentials are missing: add them.'],
    ['S3 answers 404: check the key.', 'S3 answers 404: check the key.'],
    ['Python 3.6 needs pip 18.', 'Python 3.6 needs pip 18.'],
    ['`wheel-tag`: leave it empty.', '`wheel-tag`: leave it empty.'],
  ])('%j reads on after "Fix:" as %j', (fix, expected) => {
    expect(fixText(fix)).toBe(expected);
  });

  it('describe() names the input, says what was wrong, then the fix in that style', () => {
    const error = new InputError('"x" is not a boolean.', {
      input: 'check-libs',
      fix: 'Use true or false.',
    });
    expect(error.describe()).toBe(
      `Input 'check-libs': "x" is not a boolean. Fix: use true or false.`,
    );
    expect(new PublishError('Cannot reach S3.', { fix: 'Check s3-endpoint.' }).describe()).toBe(
      'Cannot reach S3. Fix: check s3-endpoint.',
    );
    expect(new PublishError('Failed.').describe()).toBe('Failed.');
  });
});
