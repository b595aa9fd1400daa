// describeIndexError word for word: access denied (by status or by code, with or without a
// prefix), a server without conditional writes (by code or by status), every other failure left
// to describeS3Error, the operation and key a failed request carries, and a deadline's abort.
import { describe, expect, it } from 'vitest';
import { PublishError } from '../../../src/base/errors.js';
import { describeIndexError } from '../../../src/publish/index/index-errors.js';

const context = { bucket: 'b', prefix: 'p/', region: 'us-east-1' };
const sdk = (name: string, status?: number, fields: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} said no`), {
    name,
    $metadata: { httpStatusCode: status },
    ...fields,
  });

const DENIED_FIX =
  'the index needs s3:ListBucket on arn:aws:s3:::b (prefix p/), s3:GetObject on ' +
  'arn:aws:s3:::b/p/*, and s3:PutObject (plus s3:PutObjectAcl for public-read) on ' +
  'arn:aws:s3:::b/p/simple/* and arn:aws:s3:::b/p/index.html; or set s3-index: false.';
const CONDITIONAL =
  'The S3 server does not support conditional writes (If-Match / If-None-Match), which the ' +
  "pip index needs so that concurrent jobs do not lose each other's wheels.";

describe('describeIndexError', () => {
  it.each([
    ['a 403 of any code', sdk('Forbidden', 403), 'Forbidden (HTTP 403)'],
    ['AccessDenied without a status', sdk('AccessDenied'), 'AccessDenied'],
  ])('access denied: %s names every permission the index needs', (_, error, code) => {
    const described = describeIndexError(error, context);
    expect(described).toBeInstanceOf(PublishError);
    expect(described.message).toBe(
      'Access denied while updating the pip index of s3://b/p/ (index update); the wheel ' +
        'itself is published.',
    );
    expect(described.input).toBe('s3-index');
    expect(described.fix).toBe(DENIED_FIX);
    expect(described.details).toBe(`index update failed: ${code}\n${code.split(' ')[0]} said no`);
  });

  it('access denied at the top of the bucket: the request operation, prefix *', () => {
    const described = describeIndexError(
      sdk('AccessDenied', 403, { operation: 'PutObject', key: 'simple/demo/' }),
      { ...context, prefix: '' },
    );
    expect(described.message).toBe(
      'Access denied while updating the pip index of s3://b/ (PutObject); the wheel itself is ' +
        'published.',
    );
    expect(described.fix).toBe(
      'the index needs s3:ListBucket on arn:aws:s3:::b (prefix *), s3:GetObject on ' +
        'arn:aws:s3:::b/*, and s3:PutObject (plus s3:PutObjectAcl for public-read) on ' +
        'arn:aws:s3:::b/simple/* and arn:aws:s3:::b/index.html; or set s3-index: false.',
    );
    expect(described.details).toBe(
      'PutObject failed: AccessDenied (HTTP 403)\nAccessDenied said no',
    );
  });

  it.each([
    ['NotImplemented without a status', sdk('NotImplemented'), 'NotImplemented'],
    ['a 501 of any code', sdk('Unsupported', 501), 'Unsupported (HTTP 501)'],
  ])('no conditional writes: %s', (_, error, code) => {
    const described = describeIndexError(error, context);
    expect(described.message).toBe(CONDITIONAL);
    expect(described.input).toBe('s3-index');
    expect(described.fix).toBe(
      'use a store that supports conditional writes (AWS S3, recent MinIO), or set s3-index: false.',
    );
    expect(described.details).toBe(`index update failed: ${code}\n${code.split(' ')[0]} said no`);
  });

  it('leaves any other failure to describeS3Error, with the bucket, prefix and secrets', () => {
    const described = describeIndexError(sdk('SlowDown', 503), context);
    expect(described.message).toBe('S3 index update failed for s3://b/p/: SlowDown.');
    expect(described.details).toBe('index update failed: SlowDown (HTTP 503)\nSlowDown said no');
    const secret = describeIndexError(sdk('AccessDenied', 403, { message: 'key k3y-v4lue-1 no' }), {
      ...context,
      secrets: ['k3y-v4lue-1'],
    });
    expect(secret.details).toBe('index update failed: AccessDenied (HTTP 403)\nkey *** no');
  });

  it('reports a failure after the deadline as the timeout it is', () => {
    const described = describeIndexError(new Error('socket hang up'), {
      ...context,
      aborted: true,
    });
    expect(described.message).toBe(
      'The S3 upload to s3://b/p/ did not finish in time and was stopped.',
    );
    expect(described.details).toBe('index update failed: AbortError\nsocket hang up');
    const notAborted = describeIndexError(new Error('socket hang up'), {
      ...context,
      aborted: false,
    });
    expect(notAborted.message).not.toContain('did not finish in time');
  });
});
