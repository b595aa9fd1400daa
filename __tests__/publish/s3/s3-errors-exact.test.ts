// describeS3Error word for word: every code of every family, the status fallbacks, where and
// what failed, and the details (redacted).
import { describe, expect, it } from 'vitest';
import { PublishError } from '../../../src/base/errors.js';
import {
  describeS3Error,
  isPreconditionFailure,
  s3ErrorCode,
  type S3ErrorContext,
} from '../../../src/publish/s3/s3-errors.js';

const context: S3ErrorContext = {
  bucket: 'my-bucket',
  key: 'wheels/a-1.0-py3-none-any.whl',
  region: 'eu-west-1',
  operation: 'PutObject',
};
const target = 's3://my-bucket/wheels/a-1.0-py3-none-any.whl';

const sdk = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    ...(status === undefined ? {} : { $metadata: { httpStatusCode: status } }),
    ...extra,
  });

describe('s3ErrorCode', () => {
  it('prefers Code, then name, then code, skipping empty and generic names', () => {
    expect(s3ErrorCode({ Code: 'A', name: 'B', code: 'C' })).toEqual({
      code: 'A',
      status: undefined,
    });
    expect(s3ErrorCode({ Code: '', name: 'B', code: 'C' }).code).toBe('B');
    expect(s3ErrorCode({ Code: 5, name: 'Error', code: 'C' }).code).toBe('C');
    expect(s3ErrorCode({ name: 'Error' }).code).toBe('Error');
    expect(s3ErrorCode(null)).toEqual({ code: 'Error', status: undefined });
    expect(s3ErrorCode('NoSuchBucket')).toEqual({ code: 'Error', status: undefined });
    expect(s3ErrorCode({ $metadata: { httpStatusCode: 404 } })).toEqual({
      code: 'Error',
      status: 404,
    });
  });
});

describe('isPreconditionFailure', () => {
  it('is 412, PreconditionFailed, ConditionalRequestConflict, or a 409 other than BucketAlreadyExists', () => {
    expect(isPreconditionFailure(sdk('Whatever', 412))).toBe(true);
    expect(isPreconditionFailure(sdk('PreconditionFailed'))).toBe(true);
    expect(isPreconditionFailure(sdk('ConditionalRequestConflict'))).toBe(true);
    expect(isPreconditionFailure(sdk('OperationAborted', 409))).toBe(true);
    expect(isPreconditionFailure(sdk('BucketAlreadyExists', 409))).toBe(false);
    expect(isPreconditionFailure(sdk('BucketAlreadyExists'))).toBe(false);
    expect(isPreconditionFailure(sdk('NoSuchKey', 404))).toBe(false);
    expect(isPreconditionFailure(sdk('OperationAborted', 400))).toBe(false);
  });
});

describe('describeS3Error', () => {
  it('passes a PublishError through', () => {
    const error = new PublishError('already told');
    expect(describeS3Error(error, context)).toBe(error);
  });

  it('names a missing bucket, in the region or at the endpoint', () => {
    const error = describeS3Error(sdk('NoSuchBucket', 404), context);
    expect(error.message).toBe("The S3 bucket 'my-bucket' does not exist in eu-west-1.");
    expect(error.input).toBe('s3-bucket');
    expect(error.fix).toBe(
      'check the bucket name, s3-region and s3-endpoint, and create the bucket before publishing (the action never creates buckets).',
    );
    expect(
      describeS3Error(sdk('NoSuchBucket'), { ...context, endpoint: 'http://minio:9000' }).message,
    ).toBe("The S3 bucket 'my-bucket' does not exist at http://minio:9000.");
  });

  it('says no credentials were found', () => {
    const error = describeS3Error(sdk('CredentialsProviderError'), context);
    expect(error.message).toBe('No AWS credentials were found for the S3 upload.');
    expect(error.input).toBeUndefined();
    expect(error.fix).toBe(
      'add aws-actions/configure-aws-credentials before this step (OIDC role: the job needs `permissions: id-token: write`), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from repository secrets. The action never takes keys as inputs.',
    );
  });

  it.each([
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'InvalidToken',
    'ExpiredToken',
    'TokenRefreshRequired',
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'AuthFailure',
  ])('says the credentials were rejected for %s', (code) => {
    const error = describeS3Error(sdk(code, 403), context);
    expect(error.message).toBe(
      `S3 rejected the AWS credentials (${code}) while publishing to ${target}.`,
    );
    expect(error.fix).toBe(
      'check the credentials step (the role or secrets used by aws-actions/configure-aws-credentials): the keys may be wrong, expired, or for another account or partition.',
    );
    expect(describeS3Error(sdk(code), { ...context, endpoint: 'https://e.example' }).fix).toMatch(
      /partition; they must be valid for https:\/\/e\.example\.$/,
    );
  });

  it.each(['BadDigest', 'InvalidDigest', 'XAmzContentSHA256Mismatch', 'InvalidChecksum'])(
    'says the bytes were corrupted for %s',
    (code) => {
      const error = describeS3Error(sdk(code, 400), context);
      expect(error.message).toBe(
        `S3 rejected the bytes sent for ${target} (${code}): they did not match their SHA-256, so they were corrupted on the way; nothing was published.`,
      );
      expect(error.fix).toBe(
        'run the job again; if it keeps happening, check proxies or network equipment between the runner and S3.',
      );
    },
  );

  it('says the bucket has ACLs disabled', () => {
    const error = describeS3Error(sdk('AccessControlListNotSupported', 400), context);
    expect(error.message).toBe(
      "The bucket 'my-bucket' has ACLs disabled, so the object cannot be made public-read.",
    );
    expect(error.input).toBe('s3-acl');
    expect(error.fix).toBe(
      "use s3-acl: private and grant public read with a bucket policy, or set the bucket's Object Ownership to allow ACLs.",
    );
  });

  it('names the right region when S3 tells it, for each redirect code and a bare 301', () => {
    for (const code of [
      'PermanentRedirect',
      'AuthorizationHeaderMalformed',
      'IllegalLocationConstraintException',
    ]) {
      const error = describeS3Error(sdk(code, 400, { BucketRegion: 'us-east-2' }), context);
      expect(error.message).toBe(
        "The S3 bucket 'my-bucket' is not in region eu-west-1 (it is in us-east-2).",
      );
      expect(error.input).toBe('s3-region');
      expect(error.fix).toBe('Set s3-region: us-east-2.');
    }
    expect(describeS3Error(sdk('Unknown', 301, { Region: 'ap-south-1' }), context).fix).toBe(
      'Set s3-region: ap-south-1.',
    );
    const unknown = describeS3Error(
      sdk('PermanentRedirect', 301, { BucketRegion: 'us east;rm', Region: 7 }),
      context,
    );
    expect(unknown.message).toBe("The S3 bucket 'my-bucket' is not in region eu-west-1.");
    expect(unknown.fix).toBe("Set s3-region to the bucket's region.");
    expect(
      describeS3Error(
        sdk('PermanentRedirect', 301, { BucketRegion: 'bad!', Region: 'us-west-2' }),
        context,
      ).fix,
    ).toBe('Set s3-region: us-west-2.');
    expect(
      describeS3Error(sdk('PermanentRedirect', 301, { BucketRegion: 'x-us-west-2!' }), context).fix,
    ).toBe("Set s3-region to the bucket's region.");
  });

  it('says access was denied, with the grants the key needs, for AccessDenied, Forbidden or a 403', () => {
    for (const error of [sdk('AccessDenied'), sdk('Forbidden'), sdk('Other', 403)]) {
      const told = describeS3Error(error, context);
      expect(told.message).toBe(`Access denied to ${target} (PutObject).`);
      expect(told.fix).toBe(
        'grant the role s3:PutObject, s3:GetObject and s3:AbortMultipartUpload on arn:aws:s3:::my-bucket/wheels/a-1.0-py3-none-any.whl (and s3:PutObjectAcl for s3-acl: public-read); check bucket policies and KMS key access.',
      );
    }
  });

  it('says an aborted upload did not finish in time', () => {
    const error = describeS3Error(sdk('AbortError'), context);
    expect(error.message).toBe(
      `The S3 upload to ${target} did not finish in time and was stopped.`,
    );
    expect(error.fix).toBe('check the network to S3, or raise the time limit / max attempts.');
  });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'TimeoutError',
    'RequestTimeout',
  ])('tells a network failure (%s) before and after S3 answered', (code) => {
    const before = describeS3Error(Object.assign(new Error('net'), { code }), context);
    expect(before.message).toBe(`Cannot reach S3 in eu-west-1 (${code}).`);
    expect(before.input).toBeUndefined();
    expect(before.fix).toBe('Check the network from the runner to S3 and the s3-region.');
    const endpoint = describeS3Error(Object.assign(new Error('net'), { code }), {
      ...context,
      endpoint: 'http://127.0.0.1:9',
    });
    expect(endpoint.message).toBe(`Cannot reach S3 at http://127.0.0.1:9 (${code}).`);
    expect(endpoint.input).toBe('s3-endpoint');
    expect(endpoint.fix).toBe(
      'Check s3-endpoint (scheme, host, port) and that the server is reachable from the runner.',
    );
    const cut = describeS3Error(Object.assign(new Error('net'), { code }), {
      ...context,
      operation: 'UploadPart',
      reached: true,
    });
    expect(cut.message).toBe(
      `The connection to S3 in eu-west-1 failed (${code}) during UploadPart on every attempt, although S3 answered the earlier requests of this publish; nothing was published.`,
    );
    expect(cut.input).toBe('s3-max-attempts');
    expect(cut.fix).toBe(
      'run the job again or raise s3-max-attempts; if it keeps happening, check proxies or firewalls between the runner and S3 that cut long uploads.',
    );
    expect(
      describeS3Error(Object.assign(new Error('net'), { code }), { ...context, reached: false })
        .message,
    ).toBe(`Cannot reach S3 in eu-west-1 (${code}).`);
  });

  it('tells any other failure with its code and a link, and the details with status and request id', () => {
    const error = describeS3Error(
      sdk('SlowDown', 503, { $metadata: { httpStatusCode: 503, requestId: 'REQ123' } }),
      context,
    );
    expect(error.message).toBe(`S3 PutObject failed for ${target}: SlowDown.`);
    expect(error.input).toBeUndefined();
    expect(error.fix).toBe(
      'see the details; S3 error codes are listed at https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html',
    );
    expect(error.details).toBe(
      'PutObject failed: SlowDown (HTTP 503)\nSlowDown happened\nrequest id: REQ123',
    );
    expect(describeS3Error('plain text', context).details).toBe(
      'PutObject failed: Error\nplain text',
    );
    expect(describeS3Error(null, context).message).toBe(
      `S3 PutObject failed for ${target}: Error.`,
    );
  });

  it('masks the secrets and access key ids in the details', () => {
    const error = describeS3Error(
      Object.assign(new Error('key AKIAABCDEFGHIJKLMNOP signed with hunter22-secret'), {
        name: 'SignatureDoesNotMatch',
      }),
      { ...context, secrets: ['hunter22-secret'] },
    );
    expect(error.details).toBe('PutObject failed: SignatureDoesNotMatch\nkey *** signed with ***');
  });
});
