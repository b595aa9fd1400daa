/**
 * One S3 session for every publishing path (the wheel, the index, the files beside the wheel,
 * the consumer check, yank): the client, the credentials it will use masked before any request,
 * one way to send (the operation and key tagged onto a failure, for describeS3Error), one
 * deadline merged with the run's cancellation, one redaction of messages, the ACL parameter and
 * the SHA-256 read from a HEAD. The paths differ in what they do, never in how they talk to S3.
 */
import { S3Client } from '@aws-sdk/client-s3';

import { PublishError, errorMessage } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { AWS_ACCESS_KEY_ID, redactText } from '../../log/redact.js';
import { base64ToHex, parseEndpoint, resolveRegion, type S3Acl } from './s3-plan.js';
import { captureBucketRegion } from './s3-region-header.js';

export interface S3ClientOptions {
  region?: string;
  endpoint?: string;
  forcePathStyle: boolean;
  /** Attempts per request (SDK standard retry strategy), 1 = no retry. */
  maxAttempts: number;
}

/** Per attempt: time to connect, and how long a socket may stay silent. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** The variables the SDK's chain reads first; masked even when the chain then fails. */
const CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];

export function createS3Client(options: S3ClientOptions): S3Client {
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new PublishError(`max attempts must be a positive integer, got ${options.maxAttempts}.`);
  }
  const client = new S3Client({
    region: resolveRegion(options.region, process.env),
    endpoint: options.endpoint ? parseEndpoint(options.endpoint).toString() : undefined,
    forcePathStyle: options.forcePathStyle,
    maxAttempts: options.maxAttempts,
    retryMode: 'standard',
    // We always send our own SHA-256; the SDK must not add its default CRC32 on top.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      socketTimeout: SOCKET_TIMEOUT_MS,
    },
  });
  captureBucketRegion(client);
  return client;
}

/**
 * Masks the AWS credentials of the environment and those the default chain finds although the
 * environment does not show them (a profile file, SSO, a container or instance role, web
 * identity), before any request; returns them for the error messages. A chain that finds
 * nothing is left to the first request, which reports it with its fix.
 */
export async function maskCredentials(client: S3Client, log: Log): Promise<string[]> {
  const secrets = CREDENTIAL_VARIABLES.map((name) => process.env[name]).filter(
    (value): value is string => !!value,
  );
  for (const secret of secrets) log.setSecret(secret);
  let found: { accessKeyId?: string; secretAccessKey?: string; sessionToken?: string };
  try {
    found = await client.config.credentials();
  } catch {
    return secrets;
  }
  for (const value of [found.accessKeyId, found.secretAccessKey, found.sessionToken]) {
    if (value && !secrets.includes(value)) {
      log.setSecret(value);
      secrets.push(value);
    }
  }
  return secrets;
}

/** Tags an SDK error with the operation (and key) that raised it, for describeS3Error. */
export async function sendTagged<T>(
  operation: string,
  key: string | undefined,
  request: () => Promise<T>,
): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (typeof error === 'object' && error !== null && !('operation' in error)) {
      Object.assign(error, key === undefined ? { operation } : { operation, key });
    }
    throw error;
  }
}

/** The operation and key a failure was tagged with by sendTagged (fallbacks when untagged). */
export function taggedRequest(
  error: unknown,
  fallback: { operation: string; key: string },
): { operation: string; key: string } {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    operation?: unknown;
    key?: unknown;
  };
  return {
    operation: typeof fields.operation === 'string' ? fields.operation : fallback.operation,
    key: typeof fields.key === 'string' ? fields.key : fallback.key,
  };
}

/** A failure after the deadline passed, reported as the timeout it is. */
export function abortError(error: unknown): Error {
  return Object.assign(new Error(errorMessage(error)), { name: 'AbortError' });
}

/** The ACL parameter of a write: 'private' is S3's default, and not sending it keeps buckets
 * with ACLs disabled working. */
export function aclParams(acl: S3Acl): { ACL?: 'public-read' } {
  return acl === 'public-read' ? { ACL: 'public-read' } : {};
}

/** The hex SHA-256 of an object: our metadata, else S3's full-object (not composite) checksum. */
export function objectSha256(head: {
  Metadata?: Record<string, string>;
  ChecksumSHA256?: string;
  ChecksumType?: string;
}): string | undefined {
  const meta = head.Metadata?.sha256?.toLowerCase();
  if (meta && /^[0-9a-f]{64}$/.test(meta)) return meta;
  const composite = head.ChecksumType === 'COMPOSITE' || head.ChecksumSHA256?.includes('-');
  if (head.ChecksumSHA256 && !composite) {
    const hex = base64ToHex(head.ChecksumSHA256);
    if (hex.length === 64) return hex;
  }
  return undefined;
}

export interface S3Session {
  client: S3Client;
  /** The resolved region (for URLs and messages). */
  region: string;
  /** The credentials masked for this session (environment and chain), for describeS3Error. */
  secrets: string[];
  /** The session's deadline, merged with the caller's cancellation. */
  signal: AbortSignal;
  /** `text` without the session's credentials or anything shaped like an access key id. */
  redact(text: string): string;
  close(): void;
}

/**
 * Opens a session: the client, its credentials masked on `log` before any request, and a
 * deadline of `timeoutMs` merged with `signal`. Close it in a `finally`.
 */
export async function openS3Session(
  options: S3ClientOptions,
  log: Log,
  limits: { timeoutMs: number; signal?: AbortSignal },
): Promise<S3Session> {
  const client = createS3Client(options);
  const secrets = await maskCredentials(client, log);
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  return {
    client,
    region: resolveRegion(options.region, process.env),
    secrets,
    signal: limits.signal ? AbortSignal.any([deadline, limits.signal]) : deadline,
    redact: (text) => redactText(text, secrets, [AWS_ACCESS_KEY_ID]),
    close: () => client.destroy(),
  };
}

/** Where a publishing step writes: the session's connection, the bucket, prefix and ACL. */
export interface S3Target extends S3ClientOptions {
  bucket: string;
  prefix: string;
  acl: S3Acl;
}

/** The target fields of a larger settings object (the S3 inputs), and nothing else. */
export function s3Target(settings: S3Target): S3Target {
  const { bucket, prefix, region, endpoint, forcePathStyle, maxAttempts, acl } = settings;
  return { bucket, prefix, region, endpoint, forcePathStyle, maxAttempts, acl };
}
