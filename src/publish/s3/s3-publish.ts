/**
 * Publishes a built wheel to S3 (or an S3-compatible store) under `<prefix><wheel file name>`.
 *
 * - Idempotent: identical bytes already there -> "already published"; different bytes -> refused
 *   unless overwrite. Identity is proven (S3's full-object checksum, else length + a SHA-256 of
 *   the bytes read back; see s3-existing.ts), never taken from x-amz-meta-sha256. Writes are
 *   conditional (If-None-Match: * to create, If-Match: <etag> to overwrite), so two concurrent
 *   jobs can never both create, or silently replace, the object.
 * - Integrity: every request carries a SHA-256 the server verifies (the whole object's for a
 *   single PUT, each part's for multipart), and the bytes read from disk are checked against the
 *   wheel's sha256 before the object is committed (s3-upload.ts, s3-multipart.ts). The hex
 *   digest is stored as x-amz-meta-sha256.
 * - Credentials come from the SDK's default chain only and never appear in messages.
 *
 * This file holds the rounds of look-then-write and what the user is told; the steps live in
 * s3-existing.ts (look), s3-upload.ts and s3-multipart.ts (write).
 */
import { PublishError } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { describeS3Error, isPreconditionFailure } from './s3-errors.js';
import {
  compareExisting,
  headObject,
  landed,
  type Existing,
  type Identity,
} from './s3-existing.js';
import {
  objectUrl,
  pinnedRequirement,
  resolveRegion,
  s3Key,
  s3Uri,
  validateBucketName,
} from './s3-plan.js';
import type { S3PublishOptions, S3PublishRun, WriteCondition } from './s3-publish-run.js';
import { abortError, type S3Session } from './s3-session.js';
import { upload } from './s3-upload.js';
import type { BuiltWheel } from '../built-wheel.js';

export type { S3PublishOptions } from './s3-publish-run.js';

export type S3PublishStatus = 'created' | 'already-published' | 'overwritten';

export interface S3PublishResult {
  bucket: string;
  key: string;
  /** `s3://bucket/key` */
  uri: string;
  /** https (or the endpoint's scheme) URL of the object. */
  url: string;
  /** The line for the algorithm's dependencies file: the wheel's URL with `#sha256=`. */
  requirement: string;
  status: S3PublishStatus;
  sha256: string;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** Rounds of look-then-write when a concurrent job changes the object between the two. */
const MAX_ROUNDS = 3;

/** What a look at the key decided: write with a condition, stop, or look again. */
type Decision =
  { write: WriteCondition; status: 'created' | 'overwritten' } | 'already-published' | 'look-again';

export async function publishToS3(
  session: S3Session,
  wheel: BuiltWheel,
  options: S3PublishOptions,
  log: Log,
): Promise<S3PublishResult> {
  const bucket = validateBucketName(options.bucket);
  const key = s3Key(options.prefix, wheel.fileName);
  const region = resolveRegion(options.region, process.env);
  const url = objectUrl({
    bucket,
    key,
    region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
  });
  const run: S3PublishRun = {
    session,
    wheel,
    options,
    key,
    region,
    log,
    signal: session.deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    secrets: session.secrets,
    reached: false,
  };
  log.info(`Publishing ${wheel.fileName} (${wheel.size} bytes) to ${s3Uri(bucket, key)}`);
  try {
    const status = await publishRounds(run, url);
    return {
      bucket,
      key,
      uri: s3Uri(bucket, key),
      url,
      requirement: pinnedRequirement(url, wheel.sha256),
      status,
      sha256: wheel.sha256,
    };
  } catch (error) {
    throw publishFailure(run, error);
  }
}

/** Look, then write; again when a concurrent job changed the key between the two. */
async function publishRounds(run: S3PublishRun, url: string): Promise<S3PublishStatus> {
  const uri = s3Uri(run.options.bucket, run.key);
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const existing = await headObject(run);
    const decision = await decide(run, existing);
    if (decision === 'look-again') continue;
    if (decision === 'already-published') return decision;
    const written = await write(run, existing, decision.write);
    if (written === 'uploaded') run.log.info(`Published ${uri}\n  ${url}`);
    if (written !== 'lost-race') return decision.status;
    run.log.info(`${uri} changed while uploading (concurrent publish); checking it.`);
  }
  throw new PublishError(`${uri} kept changing while publishing.`, {
    fix: 'make sure only one job publishes this wheel version.',
  });
}

/** Whether to create the key, replace it (s3-overwrite), or leave it: it is this wheel already. */
async function decide(run: S3PublishRun, existing: Existing): Promise<Decision> {
  if (!existing.exists) return { write: { IfNoneMatch: '*' }, status: 'created' };
  const uri = s3Uri(run.options.bucket, run.key);
  const identity = await compareExisting(run, existing).catch((error: unknown) => {
    // Replaced between HEAD and GetObject (If-Match failed): look again.
    if (isPreconditionFailure(error)) return undefined;
    throw error;
  });
  if (!identity) return 'look-again';
  if (identity.same) {
    run.log.info(`${uri} is already published with the same bytes (${identity.why}); skipping.`);
    return 'already-published';
  }
  if (!run.options.overwrite) throw differentBytes(run, existing, identity);
  run.log.warning(`Overwriting ${uri} (s3-overwrite is true).`);
  return { write: { IfMatch: existing.etag ?? '*' }, status: 'overwritten' };
}

/**
 * Uploads with the condition: 'uploaded'; 'landed' when the answer was lost but S3 holds the
 * wheel; 'lost-race' when another job wrote the key between our look and our write.
 */
async function write(
  run: S3PublishRun,
  existing: Existing,
  condition: WriteCondition,
): Promise<'uploaded' | 'landed' | 'lost-race'> {
  try {
    await upload(run, condition);
    return 'uploaded';
  } catch (error) {
    if (run.session.signal.aborted) throw error;
    if (isPreconditionFailure(error)) {
      if (existing.unknown) throw unreadable(run);
      return 'lost-race';
    }
    // The write may have landed although its answer was lost (a reset or cut-short response on
    // every attempt): then the wheel is published, and saying it failed would be wrong.
    if (!(error instanceof PublishError) && (await landed(run))) {
      run.log.info(
        `${s3Uri(run.options.bucket, run.key)} holds this build's bytes although the answer to ` +
          'the upload was lost; it is published.',
      );
      return 'landed';
    }
    throw error;
  }
}

/** What the user is told: our own PublishError, the cancellation, or the S3 failure explained. */
function publishFailure(run: S3PublishRun, error: unknown): unknown {
  if (error instanceof PublishError) return error;
  // Cancelled: the upload was aborted on the way out; say so, not that S3 failed.
  if (run.session.signal.aborted) return run.session.signal.reason;
  return describeS3Error(run.signal.aborted ? abortError(error) : error, {
    bucket: run.options.bucket,
    key: run.key,
    region: run.region,
    endpoint: run.options.endpoint,
    operation: operationOf(error),
    secrets: run.secrets,
    reached: run.reached,
  });
}

function operationOf(error: unknown): string {
  const operation = (error as { operation?: unknown } | null)?.operation;
  return typeof operation === 'string' ? operation : 'upload';
}

function differentBytes(run: S3PublishRun, existing: Existing, identity: Identity): PublishError {
  const uri = s3Uri(run.options.bucket, run.key);
  const claimed =
    existing.metaSha256 === run.wheel.sha256.toLowerCase()
      ? " (its x-amz-meta-sha256 claims this build's digest, but the bytes are not this wheel)"
      : '';
  return new PublishError(
    `${uri} already exists with different content: ${identity.why}${claimed}; this build has ` +
      `${run.wheel.size} bytes with sha256 ${run.wheel.sha256}. A published version is never ` +
      'replaced silently.',
    {
      input: 's3-overwrite',
      fix:
        'bump the version so the wheel gets a new file name, or set s3-overwrite: true to ' +
        'replace the object.',
    },
  );
}

function unreadable(run: S3PublishRun): PublishError {
  const uri = s3Uri(run.options.bucket, run.key);
  return new PublishError(
    `${uri} already exists, but the credentials may not read it (HEAD was refused), so it ` +
      'cannot be compared with this build.',
    {
      fix: `grant s3:GetObject on arn:aws:s3:::${run.options.bucket}/${run.key}, or bump the version.`,
    },
  );
}
