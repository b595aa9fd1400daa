/**
 * Error mapping for answers moto cannot give (ACLs disabled, wrong region, access denied). The
 * inputs are the SDK's own exception class, built as the SDK builds them from a response.
 */
import { AWS_ACCESS_KEY_ID, redactText } from '../../../src/log/redact.js';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';

import { PublishError } from '../../../src/base/errors.js';
import {
  describeS3Error,
  isPreconditionFailure,
  type S3ErrorContext,
} from '../../../src/publish/s3/s3-errors.js';

const context: S3ErrorContext = {
  bucket: 'my-wheels',
  key: 'w/demo-1.0-py3-none-any.whl',
  region: 'eu-west-1',
  operation: 'PutObject',
  secrets: ['s3cr3t-value-123'],
};

function sdkError(name: string, status: number, message = `${name} happened`) {
  return new S3ServiceException({
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status, requestId: 'REQ123' },
    message,
  });
}

describe('describeS3Error', () => {
  it('points at s3-acl when the bucket has ACLs disabled', () => {
    const error = describeS3Error(sdkError('AccessControlListNotSupported', 400), context);
    expect(error).toBeInstanceOf(PublishError);
    expect(error.input).toBe('s3-acl');
    expect(error.message).toContain("'my-wheels' has ACLs disabled");
    expect(error.fix).toContain('bucket policy');
  });

  it('points at s3-region when the bucket lives elsewhere', () => {
    const error = describeS3Error(sdkError('PermanentRedirect', 301), context);
    expect(error.input).toBe('s3-region');
    expect(error.message).toContain('not in region eu-west-1');
  });

  it('names the object and the permissions to grant on access denied', () => {
    const error = describeS3Error(sdkError('AccessDenied', 403), context);
    expect(error.message).toBe(`Access denied to s3://my-wheels/${context.key} (PutObject).`);
    expect(error.fix).toContain(`arn:aws:s3:::my-wheels/${context.key}`);
    expect(error.details).toContain('request id: REQ123');
  });

  it('never repeats credentials found in an error message', () => {
    const error = describeS3Error(
      sdkError('SignatureDoesNotMatch', 403, 'key AKIAABCDEFGHIJKLMNOP secret s3cr3t-value-123'),
      context,
    );
    expect(error.message).toContain('S3 rejected the AWS credentials (SignatureDoesNotMatch)');
    expect(error.details).not.toContain('AKIAABCDEFGHIJKLMNOP');
    expect(error.details).not.toContain('s3cr3t-value-123');
    expect(error.cause).toBeUndefined();
  });

  it('falls back to the code and operation for anything else', () => {
    const error = describeS3Error(sdkError('SlowDown', 503), context);
    expect(error.message).toBe(`S3 PutObject failed for s3://my-wheels/${context.key}: SlowDown.`);
    expect(error.details).toContain('HTTP 503');
  });

  it('passes a PublishError through unchanged', () => {
    const original = new PublishError('already explained');
    expect(describeS3Error(original, context)).toBe(original);
  });
});

describe('isPreconditionFailure / redactText with AWS_ACCESS_KEY_ID', () => {
  it('recognizes a lost conditional write (412) and a conditional conflict (409)', () => {
    expect(isPreconditionFailure(sdkError('PreconditionFailed', 412))).toBe(true);
    expect(isPreconditionFailure(sdkError('ConditionalRequestConflict', 409))).toBe(true);
    expect(isPreconditionFailure(sdkError('NoSuchBucket', 404))).toBe(false);
  });

  it('masks given secrets and access key ids', () => {
    expect(
      redactText('a ASIAABCDEFGHIJKLMNOP b topsecret', ['topsecret'], [AWS_ACCESS_KEY_ID]),
    ).toBe('a *** b ***');
  });
});
