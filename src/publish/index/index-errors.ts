/**
 * The index's wording for the S3 failures whose fix differs from a wheel upload's (the index
 * needs listing and conditional writes); every other failure is described by describeS3Error.
 */
import { PublishError } from '../../base/errors.js';
import { describeS3Error, s3ErrorCode } from '../s3/s3-errors.js';
import { abortError, taggedRequest } from '../s3/s3-session.js';

/** Index-specific wording for the failures whose fix differs from a wheel upload's. */
export function describeIndexError(
  error: unknown,
  context: {
    bucket: string;
    prefix: string;
    region: string;
    endpoint?: string;
    aborted?: boolean;
    secrets?: readonly string[];
  },
): PublishError {
  const { operation, key } = taggedRequest(error, {
    operation: 'index update',
    key: context.prefix,
  });
  const { code, status } = s3ErrorCode(error);
  const arn = `arn:aws:s3:::${context.bucket}`;
  const described = describeS3Error(context.aborted ? abortError(error) : error, {
    bucket: context.bucket,
    key,
    region: context.region,
    endpoint: context.endpoint,
    operation,
    secrets: context.secrets,
  });
  if (status === 403 || code === 'AccessDenied') {
    return new PublishError(
      `Access denied while updating the pip index of s3://${context.bucket}/${context.prefix} ` +
        `(${operation}); the wheel itself is published.`,
      {
        input: 's3-index',
        fix:
          `the index needs s3:ListBucket on ${arn} (prefix ${context.prefix || '*'}), ` +
          `s3:GetObject on ${arn}/${context.prefix}*, and s3:PutObject (plus ` +
          `s3:PutObjectAcl for public-read) on ${arn}/${context.prefix}simple/* and ` +
          `${arn}/${context.prefix}index.html; or set s3-index: false.`,
        details: described.details,
      },
    );
  }
  if (code === 'NotImplemented' || status === 501) {
    return new PublishError(
      `The S3 server does not support conditional writes (If-Match / If-None-Match), which ` +
        `the pip index needs so that concurrent jobs do not lose each other's wheels.`,
      {
        input: 's3-index',
        fix: 'use a store that supports conditional writes (AWS S3, recent MinIO), or set s3-index: false.',
        details: described.details,
      },
    );
  }
  return described;
}
