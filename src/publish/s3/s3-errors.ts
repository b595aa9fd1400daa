/**
 * Turns an S3 / AWS SDK failure into a PublishError that says what went wrong in the user's terms
 * (which bucket, which input, what to check). Pure: it reads the error's fields, nothing else.
 * Raw SDK errors are never attached as `cause`: some carry the access key id in their fields.
 */
import { AWS_ACCESS_KEY_ID, redactText } from '../../log/redact.js';
import { PublishError, errorMessage } from '../../base/errors.js';

export interface S3ErrorContext {
  bucket: string;
  key: string;
  region: string;
  endpoint?: string;
  /** The S3 operation that failed, e.g. PutObject. */
  operation: string;
  /** Values that must never appear in a message (credentials from the environment). */
  secrets?: readonly string[];
  /** S3 answered earlier requests of this publish (the endpoint is reachable). */
  reached?: boolean;
}

interface SdkErrorFields {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  Region?: unknown;
  /** From the x-amz-bucket-region header (see s3-region-header.ts). */
  BucketRegion?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
}

/** The error's code (`NoSuchBucket`, `ECONNREFUSED`...) and HTTP status, when it has them. */
export function s3ErrorCode(error: unknown): { code: string; status: number | undefined } {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorFields;
  const code = [fields.Code, fields.name, fields.code].find(
    (value): value is string => typeof value === 'string' && value !== '' && value !== 'Error',
  );
  return { code: code ?? 'Error', status: fields.$metadata?.httpStatusCode };
}

/** True for the answers S3 gives when a conditional write lost (412) or raced (409). */
export function isPreconditionFailure(error: unknown): boolean {
  const { code, status } = s3ErrorCode(error);
  return (
    status === 412 ||
    code === 'PreconditionFailed' ||
    code === 'ConditionalRequestConflict' ||
    (status === 409 && code !== 'BucketAlreadyExists')
  );
}

const CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidToken',
  'ExpiredToken',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
  'RequestTimeout',
]);

const DIGEST_CODES = new Set([
  'BadDigest',
  'InvalidDigest',
  'XAmzContentSHA256Mismatch',
  'InvalidChecksum',
]);

const REGION_CODES = new Set([
  'PermanentRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
]);

/** What every case reads: the failure's code and status, where it happened, the SDK's fields. */
interface Failure {
  code: string;
  status: number | undefined;
  fields: SdkErrorFields;
  context: S3ErrorContext;
  /** ` at <endpoint>` or ` in <region>`. */
  where: string;
  /** `s3://bucket/key` */
  target: string;
}

/** One kind of failure: when it applies, and what the user is told (message, input, fix). */
interface FailureCase {
  when(failure: Failure): boolean;
  tell(failure: Failure): { message: string; input?: string; fix: string };
}

/** The kinds of failure, most specific first; the first that applies describes the error. */
const CASES: readonly FailureCase[] = [
  {
    when: ({ code }) => code === 'NoSuchBucket',
    tell: ({ context, where }) => ({
      message: `The S3 bucket '${context.bucket}' does not exist${where}.`,
      input: 's3-bucket',
      fix:
        'check the bucket name, s3-region and s3-endpoint, and create the bucket before ' +
        'publishing (the action never creates buckets).',
    }),
  },
  {
    when: ({ code }) => code === 'CredentialsProviderError',
    tell: () => ({
      message: 'No AWS credentials were found for the S3 upload.',
      fix:
        'add aws-actions/configure-aws-credentials before this step (OIDC role: the job needs ' +
        '`permissions: id-token: write`), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ' +
        'from repository secrets. The action never takes keys as inputs.',
    }),
  },
  {
    when: ({ code }) => CREDENTIAL_CODES.has(code),
    tell: ({ code, context, target }) => ({
      message: `S3 rejected the AWS credentials (${code}) while publishing to ${target}.`,
      fix:
        'check the credentials step (the role or secrets used by ' +
        'aws-actions/configure-aws-credentials): the keys may be wrong, expired, or for ' +
        'another account or partition' +
        (context.endpoint ? `; they must be valid for ${context.endpoint}.` : '.'),
    }),
  },
  {
    when: ({ code }) => DIGEST_CODES.has(code),
    tell: ({ code, target }) => ({
      message:
        `S3 rejected the bytes sent for ${target} (${code}): they did not match their SHA-256, ` +
        'so they were corrupted on the way; nothing was published.',
      fix: 'run the job again; if it keeps happening, check proxies or network equipment between the runner and S3.',
    }),
  },
  {
    when: ({ code }) => code === 'AccessControlListNotSupported',
    tell: ({ context }) => ({
      message: `The bucket '${context.bucket}' has ACLs disabled, so the object cannot be made public-read.`,
      input: 's3-acl',
      fix:
        "use s3-acl: private and grant public read with a bucket policy, or set the bucket's " +
        'Object Ownership to allow ACLs.',
    }),
  },
  {
    when: ({ code, status }) => REGION_CODES.has(code) || status === 301,
    tell: ({ fields, context }) => {
      const region = [fields.BucketRegion, fields.Region].find(
        (value): value is string => typeof value === 'string' && /^[a-z0-9-]+$/.test(value),
      );
      const actual = region ? ` (it is in ${region})` : '';
      return {
        message: `The S3 bucket '${context.bucket}' is not in region ${context.region}${actual}.`,
        input: 's3-region',
        fix: region ? `Set s3-region: ${region}.` : "Set s3-region to the bucket's region.",
      };
    },
  },
  {
    when: ({ code, status }) => code === 'AccessDenied' || code === 'Forbidden' || status === 403,
    tell: ({ context, target }) => ({
      message: `Access denied to ${target} (${context.operation}).`,
      fix:
        `grant the role s3:PutObject, s3:GetObject and s3:AbortMultipartUpload on ` +
        `arn:aws:s3:::${context.bucket}/${context.key}` +
        ' (and s3:PutObjectAcl for s3-acl: public-read); check bucket policies and KMS key access.',
    }),
  },
  {
    when: ({ code }) => code === 'AbortError',
    tell: ({ target }) => ({
      message: `The S3 upload to ${target} did not finish in time and was stopped.`,
      fix: 'check the network to S3, or raise the time limit / max attempts.',
    }),
  },
  {
    // The endpoint answered before: this request was cut on every attempt (a proxy or firewall
    // cutting large bodies, a flaky link), which s3-endpoint cannot fix.
    when: ({ code, context }) => NETWORK_CODES.has(code) && context.reached === true,
    tell: ({ code, context, where }) => ({
      message:
        `The connection to S3${where} failed (${code}) during ${context.operation} on every ` +
        'attempt, although S3 answered the earlier requests of this publish; nothing was published.',
      input: 's3-max-attempts',
      fix:
        'run the job again or raise s3-max-attempts; if it keeps happening, check proxies or ' +
        'firewalls between the runner and S3 that cut long uploads.',
    }),
  },
  {
    when: ({ code }) => NETWORK_CODES.has(code),
    tell: ({ code, context, where }) => ({
      message: `Cannot reach S3${where} (${code}).`,
      input: context.endpoint ? 's3-endpoint' : undefined,
      fix: context.endpoint
        ? 'Check s3-endpoint (scheme, host, port) and that the server is reachable from the runner.'
        : 'Check the network from the runner to S3 and the s3-region.',
    }),
  },
];

/** Any other failure: the operation and S3's code, with where to look the code up. */
const tellOther: FailureCase['tell'] = ({ code, context, target }) => ({
  message: `S3 ${context.operation} failed for ${target}: ${code}.`,
  fix: 'see the details; S3 error codes are listed at https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html',
});

export function describeS3Error(error: unknown, context: S3ErrorContext): PublishError {
  if (error instanceof PublishError) return error;
  const { code, status } = s3ErrorCode(error);
  const fields = (typeof error === 'object' && error !== null ? error : {}) as SdkErrorFields;
  const failure: Failure = {
    code,
    status,
    fields,
    context,
    where: context.endpoint ? ` at ${context.endpoint}` : ` in ${context.region}`,
    target: `s3://${context.bucket}/${context.key}`,
  };
  const tell = CASES.find((c) => c.when(failure))?.tell ?? tellOther;
  const { message, ...told } = tell(failure);
  return new PublishError(message, { ...told, details: failureDetails(error, failure) });
}

/** The lines under the message: operation, code and status, the SDK's message, the request id;
 * credentials and anything shaped like an access key id redacted. */
function failureDetails(error: unknown, { code, status, fields, context }: Failure): string {
  const requestId = fields.$metadata?.requestId;
  return redactText(
    [
      `${context.operation} failed: ${code}${status ? ` (HTTP ${status})` : ''}`,
      errorMessage(error),
      requestId ? `request id: ${requestId}` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    context.secrets ?? [],
    [AWS_ACCESS_KEY_ID],
  );
}
