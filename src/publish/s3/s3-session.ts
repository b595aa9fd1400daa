/**
 * The one S3 session of a run, and the only way to the AWS SDK: every publishing path (the
 * wheel, the index, the files beside the wheel, the consumer check, yank) sends through the same
 * object, which holds the client (its retry policy: the SDK's standard retries, `s3-max-attempts`
 * attempts per request), the credentials masked before any request, the redaction of messages,
 * and the run's cancellation signal, merged into every request. A path adds its own deadline
 * (`deadline`); only a clean-up request (aborting a multipart upload) goes out after a cancel.
 * The paths differ in what they do, never in how they talk to S3. Nothing outside src/publish/s3/
 * imports the SDK (lint: no-restricted-imports; __tests__/layers.test.ts).
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectAclCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type AbortMultipartUploadCommandInput,
  type AbortMultipartUploadCommandOutput,
  type CompleteMultipartUploadCommandInput,
  type CompleteMultipartUploadCommandOutput,
  type CreateMultipartUploadCommandInput,
  type CreateMultipartUploadCommandOutput,
  type GetObjectAclCommandInput,
  type GetObjectAclCommandOutput,
  type GetObjectCommandInput,
  type GetObjectCommandOutput,
  type HeadObjectCommandInput,
  type HeadObjectCommandOutput,
  type ListMultipartUploadsCommandInput,
  type ListMultipartUploadsCommandOutput,
  type ListObjectsV2CommandInput,
  type ListObjectsV2CommandOutput,
  type PutObjectAclCommandInput,
  type PutObjectAclCommandOutput,
  type PutObjectCommandInput,
  type PutObjectCommandOutput,
  type UploadPartCommandInput,
  type UploadPartCommandOutput,
} from '@aws-sdk/client-s3';

import { PublishError, errorMessage } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { AWS_ACCESS_KEY_ID, redactText, Redactor } from '../../log/redact.js';
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
async function sendTagged<T>(
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

/** The S3 operations we use: each one's input and output. */
export interface S3Operations {
  AbortMultipartUpload: [AbortMultipartUploadCommandInput, AbortMultipartUploadCommandOutput];
  CompleteMultipartUpload: [
    CompleteMultipartUploadCommandInput,
    CompleteMultipartUploadCommandOutput,
  ];
  CreateMultipartUpload: [CreateMultipartUploadCommandInput, CreateMultipartUploadCommandOutput];
  GetObject: [GetObjectCommandInput, GetObjectCommandOutput];
  GetObjectAcl: [GetObjectAclCommandInput, GetObjectAclCommandOutput];
  HeadObject: [HeadObjectCommandInput, HeadObjectCommandOutput];
  ListMultipartUploads: [ListMultipartUploadsCommandInput, ListMultipartUploadsCommandOutput];
  ListObjectsV2: [ListObjectsV2CommandInput, ListObjectsV2CommandOutput];
  PutObject: [PutObjectCommandInput, PutObjectCommandOutput];
  PutObjectAcl: [PutObjectAclCommandInput, PutObjectAclCommandOutput];
  UploadPart: [UploadPartCommandInput, UploadPartCommandOutput];
}
export type S3Operation = keyof S3Operations;

const COMMANDS: { [K in S3Operation]: new (input: S3Operations[K][0]) => unknown } = {
  AbortMultipartUpload: AbortMultipartUploadCommand,
  CompleteMultipartUpload: CompleteMultipartUploadCommand,
  CreateMultipartUpload: CreateMultipartUploadCommand,
  GetObject: GetObjectCommand,
  GetObjectAcl: GetObjectAclCommand,
  HeadObject: HeadObjectCommand,
  ListMultipartUploads: ListMultipartUploadsCommand,
  ListObjectsV2: ListObjectsV2Command,
  PutObject: PutObjectCommand,
  PutObjectAcl: PutObjectAclCommand,
  UploadPart: UploadPartCommand,
};

export interface S3SendOptions {
  /** A deadline of the caller (see `deadline`); the run's cancellation applies in any case. */
  signal?: AbortSignal;
  /** The name tagged onto a failure (default: the operation), e.g. `UploadPart 3`. */
  tag?: string;
  /** The key tagged onto a failure (default: the input's Key). */
  key?: string;
  /**
   * A clean-up request (aborting a multipart upload, listing the uploads to abort): its own time
   * budget instead of the run's signal, because it is how a cancelled or failed run leaves
   * nothing behind.
   */
  cleanupMs?: number;
}

export interface S3Session {
  /** The resolved region (for URLs and messages). */
  region: string;
  /** The credentials masked for this session (environment and chain), for describeS3Error. */
  secrets: string[];
  /** The run's cancellation (and the session's own bound, if it was given one). */
  signal: AbortSignal;
  /**
   * `text` without the run's secrets (its redactor), the session's credentials or anything shaped
   * like an access key id: every text we put in the bucket (pages, sidecars) goes through it.
   */
  redact(text: string): string;
  /** The session's signal merged with a deadline of `timeoutMs`: one path's upper bound. */
  deadline(timeoutMs: number): AbortSignal;
  /**
   * Sends one request with the session's signal (merged with `options.signal`), tagging a
   * failure with the operation and key for describeS3Error.
   */
  send<K extends S3Operation>(
    operation: K,
    input: S3Operations[K][0],
    options?: S3SendOptions,
  ): Promise<S3Operations[K][1]>;
  close(): void;
}

/**
 * Opens a session: the client, its credentials masked on `log` before any request, and the
 * run's cancellation `signal` (with `timeoutMs`, a bound for the whole session). One per run:
 * the pipeline opens it when the first S3 step needs it and closes it at the end.
 */
export async function openS3Session(
  options: S3ClientOptions,
  log: Log,
  limits: { signal?: AbortSignal; timeoutMs?: number; redactor?: Redactor } = {},
): Promise<S3Session> {
  // The run's redactor (the log's); a session of its own (yank) learns the environment's.
  const redactor = limits.redactor ?? Redactor.fromEnvironment(process.env);
  const client = createS3Client(options);
  const secrets = await maskCredentials(client, log);
  const bounds = [
    ...(limits.signal ? [limits.signal] : []),
    ...(limits.timeoutMs === undefined ? [] : [AbortSignal.timeout(limits.timeoutMs)]),
  ];
  const signal = bounds.length ? AbortSignal.any(bounds) : new AbortController().signal;
  const requestSignal = (options: S3SendOptions): AbortSignal => {
    if (options.cleanupMs !== undefined) return AbortSignal.timeout(options.cleanupMs);
    return options.signal ? AbortSignal.any([signal, options.signal]) : signal;
  };
  return {
    region: resolveRegion(options.region, process.env),
    secrets,
    signal,
    redact: (text) => redactText(redactor.redact(text), secrets, [AWS_ACCESS_KEY_ID]),
    deadline: (timeoutMs) => AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    send: (operation, input, options = {}) => {
      const command = new COMMANDS[operation](input);
      const key = options.key ?? (input as { Key?: string }).Key;
      return sendTagged(options.tag ?? operation, key, () =>
        client.send(command as GetObjectCommand, { abortSignal: requestSignal(options) }),
      ) as Promise<S3Operations[typeof operation][1]>;
    },
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
