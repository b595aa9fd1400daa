/**
 * Publishes a built wheel to S3 (or an S3-compatible store) under `<prefix><wheel file name>`.
 *
 * - Idempotent: identical bytes already there -> "already published"; different bytes -> refused
 *   unless overwrite. Identity is proven (S3's full-object checksum, else length + a SHA-256 of
 *   the bytes read back; see s3-identity.ts), never taken from x-amz-meta-sha256. Writes are conditional (If-None-Match: * to create, If-Match: <etag> to
 *   overwrite), so two concurrent jobs can never both create, or silently replace, the object.
 * - Integrity: every request carries a SHA-256 the server verifies (the whole object's for a
 *   single PUT, each part's for multipart), and the bytes read from disk are checked against the
 *   wheel's sha256 before the object is committed. The hex digest is stored as x-amz-meta-sha256.
 * - Multipart is done here rather than with lib-storage's Upload so that the whole-file digest can
 *   be checked before CompleteMultipartUpload and every failure aborts the upload (no orphan
 *   parts). Parts are read from disk one at a time, so memory stays below partSize x queueSize.
 * - Credentials come from the SDK's default chain only and never appear in messages.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';

import { PublishError, errorMessage } from '../errors.js';
import type { Log } from '../log.js';
import { describeS3Error, isPreconditionFailure, s3ErrorCode } from './s3-errors.js';
import {
  abortError,
  aclParams,
  openS3Session,
  sendTagged,
  type S3ClientOptions,
} from './s3-session.js';
import {
  DEFAULT_PART_SIZE,
  DEFAULT_QUEUE_SIZE,
  cacheControl,
  hexToBase64,
  objectUrl,
  planUpload,
  resolveRegion,
  s3Key,
  s3Uri,
  validateBucketName,
  type PartRange,
  type S3Acl,
  type UploadPlan,
} from './s3-plan.js';
import { identityFromHead, type HeadFacts } from './s3-identity.js';
import type { BuiltWheel } from './wheel-file.js';

export interface S3PublishOptions extends S3ClientOptions {
  bucket: string;
  /** Key prefix; normalized to end in `/` when not empty. */
  prefix: string;
  acl: S3Acl;
  overwrite: boolean;
  /** Multipart part size in bytes (default 8 MiB; S3 needs at least 5 MiB but the last part). */
  partSize?: number;
  /** Files up to this size go in one PUT (default: the part size). */
  multipartThreshold?: number;
  /** Parts uploaded at once (default 4). */
  queueSize?: number;
  /** Upper bound for the whole publish, retries included (default 30 minutes). */
  timeoutMs?: number;
  /** Called after each part (or the single PUT) is stored: bytes confirmed so far, total. */
  onProgress?: (sent: number, total: number) => void;
  /**
   * Cancels the publish: requests in flight are aborted, a multipart upload is aborted (no
   * object is created), and the signal's reason is thrown.
   */
  signal?: AbortSignal;
}

export type S3PublishStatus = 'created' | 'already-published' | 'overwritten';

export interface S3PublishResult {
  bucket: string;
  key: string;
  /** `s3://bucket/key` */
  uri: string;
  /** https (or the endpoint's scheme) URL of the object. */
  url: string;
  /** The line for the algorithm's dependencies file: the wheel's URL. */
  requirement: string;
  status: S3PublishStatus;
  sha256: string;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** Rounds of look-then-write when a concurrent job changes the object between the two. */
const MAX_ROUNDS = 3;
/** Budget of the clean-up requests made after a failure (the publish deadline may be spent). */
const CLEANUP_TIMEOUT_MS = 30_000;
/** Clock skew allowed when matching uploads S3 began to our CreateMultipartUpload attempts. */
const STRAY_UPLOAD_SLACK_MS = 30_000;

interface Existing {
  exists: boolean;
  /** HEAD was refused (no s3:ListBucket/GetObject): rely on the conditional write. */
  unknown?: boolean;
  etag?: string;
  /** Length and S3's checksum: what identityFromHead decides from. */
  head: HeadFacts;
  /** x-amz-meta-sha256: shown in messages, never trusted as proof. */
  metaSha256?: string;
}

/** Whether the object is this wheel, and what says so (or what differs). */
interface Identity {
  same: boolean;
  why: string;
}

interface Context {
  client: S3Client;
  wheel: BuiltWheel;
  options: S3PublishOptions;
  key: string;
  region: string;
  log: Log;
  signal: AbortSignal;
  secrets: string[];
  /** S3 answered at least one request: a later network failure is not the endpoint's fault. */
  reached: boolean;
}

export async function publishToS3(
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
  const result = (status: S3PublishStatus): S3PublishResult => ({
    bucket,
    key,
    uri: s3Uri(bucket, key),
    url,
    requirement: url,
    status,
    sha256: wheel.sha256,
  });
  const session = await openS3Session(options, log, {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: options.signal,
  });
  const { client, secrets } = session;
  const ctx: Context = {
    client,
    wheel,
    options,
    key,
    region,
    log,
    signal: session.signal,
    secrets,
    reached: false,
  };
  log.info(`Publishing ${wheel.fileName} (${wheel.size} bytes) to ${s3Uri(bucket, key)}`);
  try {
    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const existing = await headObject(ctx);
      let condition: { IfNoneMatch: '*' } | { IfMatch: string };
      let status: S3PublishStatus;
      if (existing.exists) {
        const identity = await compareExisting(ctx, existing).catch((error: unknown) => {
          // Replaced between HEAD and GetObject (If-Match failed): look again.
          if (isPreconditionFailure(error)) return undefined;
          throw error;
        });
        if (!identity) continue;
        if (identity.same) {
          log.info(
            `${s3Uri(bucket, key)} is already published with the same bytes (${identity.why}); skipping.`,
          );
          return result('already-published');
        }
        if (!options.overwrite) throw differentBytes(ctx, existing, identity);
        log.warning(`Overwriting ${s3Uri(bucket, key)} (s3-overwrite is true).`);
        condition = { IfMatch: existing.etag ?? '*' };
        status = 'overwritten';
      } else {
        condition = { IfNoneMatch: '*' };
        status = 'created';
      }
      try {
        await upload(ctx, condition);
        log.info(`Published ${s3Uri(bucket, key)}\n  ${url}`);
        return result(status);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (!isPreconditionFailure(error)) {
          // The write may have landed although its answer was lost (a reset or cut-short
          // response on every attempt): then the wheel is published, and saying it failed would
          // be wrong.
          if (!(error instanceof PublishError) && (await landed(ctx))) {
            log.info(
              `${s3Uri(bucket, key)} holds this build's bytes although the answer to the upload ` +
                'was lost; it is published.',
            );
            return result(status);
          }
          throw error;
        }
        // Another job wrote the key between our look and our write: look again.
        if (existing.unknown) throw unreadable(ctx);
        log.info(
          `${s3Uri(bucket, key)} changed while uploading (concurrent publish); checking it.`,
        );
      }
    }
    throw new PublishError(`${s3Uri(bucket, key)} kept changing while publishing.`, {
      fix: 'make sure only one job publishes this wheel version.',
    });
  } catch (error) {
    if (error instanceof PublishError) throw error;
    // Cancelled: the upload was aborted on the way out; say so, not that S3 failed.
    if (options.signal?.aborted) throw options.signal.reason;
    throw describeS3Error(ctx.signal.aborted ? abortError(error) : error, {
      bucket,
      key,
      region,
      endpoint: options.endpoint,
      operation: operationOf(error),
      secrets,
      reached: ctx.reached,
    });
  } finally {
    session.close();
  }
}

function operationOf(error: unknown): string {
  const operation = (error as { operation?: unknown } | null)?.operation;
  return typeof operation === 'string' ? operation : 'upload';
}

function differentBytes(ctx: Context, existing: Existing, identity: Identity): PublishError {
  const uri = s3Uri(ctx.options.bucket, ctx.key);
  const claimed =
    existing.metaSha256 === ctx.wheel.sha256.toLowerCase()
      ? " (its x-amz-meta-sha256 claims this build's digest, but the bytes are not this wheel)"
      : '';
  return new PublishError(
    `${uri} already exists with different content: ${identity.why}${claimed}; this build has ` +
      `${ctx.wheel.size} bytes with sha256 ${ctx.wheel.sha256}. A published version is never ` +
      'replaced silently.',
    {
      input: 's3-overwrite',
      fix:
        'bump the version so the wheel gets a new file name, or set s3-overwrite: true to ' +
        'replace the object.',
    },
  );
}

function unreadable(ctx: Context): PublishError {
  const uri = s3Uri(ctx.options.bucket, ctx.key);
  return new PublishError(
    `${uri} already exists, but the credentials may not read it (HEAD was refused), so it ` +
      'cannot be compared with this build.',
    {
      fix: `grant s3:GetObject on arn:aws:s3:::${ctx.options.bucket}/${ctx.key}, or bump the version.`,
    },
  );
}

/** After a failed write: does S3 hold exactly this wheel anyway? (Own time budget.) */
async function landed(ctx: Context): Promise<boolean> {
  try {
    const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
    const existing = await headObject(ctx, signal);
    return existing.exists && (await compareExisting(ctx, existing, signal)).same;
  } catch {
    return false;
  }
}

async function headObject(ctx: Context, signal: AbortSignal = ctx.signal): Promise<Existing> {
  try {
    const head = await ctx.client.send(
      new HeadObjectCommand({ Bucket: ctx.options.bucket, Key: ctx.key, ChecksumMode: 'ENABLED' }),
      { abortSignal: signal },
    );
    ctx.reached = true;
    return {
      exists: true,
      etag: head.ETag,
      head: {
        size: head.ContentLength,
        checksumSha256: head.ChecksumSHA256,
        checksumType: head.ChecksumType,
      },
      metaSha256: head.Metadata?.sha256?.toLowerCase(),
    };
  } catch (error) {
    const { status } = s3ErrorCode(error);
    if (status !== undefined) ctx.reached = true;
    if (status === 404) return { exists: false, head: {} };
    // Without s3:ListBucket S3 answers 403 for a missing key; the conditional write still
    // protects an existing object, and a real permission problem shows up there with details.
    if (status === 403) {
      ctx.log.debug(`HEAD ${ctx.key} was refused (403); relying on the conditional write.`);
      return { exists: false, unknown: true, head: {} };
    }
    Object.assign(error as object, { operation: 'HeadObject' });
    throw error;
  }
}

/**
 * Proves whether the existing object is this wheel: S3's full-object checksum when it has one,
 * else the length, else a SHA-256 of its bytes streamed with GetObject (If-Match the ETag HEAD
 * saw, so a concurrent replacement is not mixed in). Metadata is never trusted.
 */
async function compareExisting(
  ctx: Context,
  existing: Existing,
  signal: AbortSignal = ctx.signal,
): Promise<Identity> {
  const decided = identityFromHead(existing.head, ctx.wheel);
  if (decided.verdict === 'same') return { same: true, why: decided.proof };
  if (decided.verdict === 'different') return { same: false, why: decided.reason };
  const got = await sendTagged('GetObject', ctx.key, () =>
    ctx.client.send(
      new GetObjectCommand({
        Bucket: ctx.options.bucket,
        Key: ctx.key,
        ...(existing.etag ? { IfMatch: existing.etag } : {}),
      }),
      { abortSignal: signal },
    ),
  );
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of got.Body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  const digest = hash.digest('hex');
  if (size === ctx.wheel.size && digest === ctx.wheel.sha256.toLowerCase()) {
    return { same: true, why: "its bytes, read back, hash to this build's sha256" };
  }
  return { same: false, why: `its ${size} bytes hash to sha256 ${digest}` };
}

function objectParams(ctx: Context) {
  return {
    Bucket: ctx.options.bucket,
    Key: ctx.key,
    ContentType: 'application/zip',
    CacheControl: cacheControl(ctx.options.acl),
    Metadata: { sha256: ctx.wheel.sha256 },
    ...aclParams(ctx.options.acl),
  };
}

async function upload(
  ctx: Context,
  condition: { IfNoneMatch: '*' } | { IfMatch: string },
): Promise<void> {
  const partSize = ctx.options.partSize ?? DEFAULT_PART_SIZE;
  const plan = planUpload(ctx.wheel.size, partSize, ctx.options.multipartThreshold ?? partSize);
  let file: FileHandle;
  try {
    file = await open(ctx.wheel.path, 'r');
  } catch (error) {
    throw new PublishError(`Cannot read the wheel ${ctx.wheel.path}: ${errorMessage(error)}`, {
      file: ctx.wheel.path,
    });
  }
  try {
    const actualSize = (await file.stat()).size;
    if (actualSize !== ctx.wheel.size) throw changedOnDisk(ctx, `${actualSize} bytes`);
    if (plan.multipart) await uploadMultipart(ctx, file, plan, condition);
    else await uploadSingle(ctx, file, condition);
  } finally {
    await file.close();
  }
}

function changedOnDisk(ctx: Context, found: string): PublishError {
  return new PublishError(
    `${ctx.wheel.path} is not the wheel that was built and verified (expected ` +
      `${ctx.wheel.size} bytes with sha256 ${ctx.wheel.sha256}, read ${found}); nothing was published.`,
    { file: ctx.wheel.path, fix: 'make sure nothing modifies the wheel after the build step.' },
  );
}

/** Reads the range into `memory` when given (a reused part buffer), else into a new buffer. */
async function readRange(
  ctx: Context,
  file: FileHandle,
  range: PartRange,
  memory?: Buffer,
): Promise<Buffer> {
  const length = range.end - range.start;
  const buffer = memory ? memory.subarray(0, length) : Buffer.allocUnsafe(length);
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesRead } = await file.read(
      buffer,
      offset,
      buffer.length - offset,
      range.start + offset,
    );
    if (bytesRead === 0) throw changedOnDisk(ctx, `only ${range.start + offset} bytes`);
    offset += bytesRead;
  }
  return buffer;
}

async function uploadSingle(
  ctx: Context,
  file: FileHandle,
  condition: { IfNoneMatch: '*' } | { IfMatch: string },
): Promise<void> {
  const body = await readRange(ctx, file, { partNumber: 1, start: 0, end: ctx.wheel.size });
  const digest = createHash('sha256').update(body).digest('hex');
  if (digest !== ctx.wheel.sha256) throw changedOnDisk(ctx, `sha256 ${digest}`);
  await sendTagged('PutObject', ctx.key, () =>
    ctx.client.send(
      new PutObjectCommand({
        ...objectParams(ctx),
        ...condition,
        Body: body,
        ContentLength: body.length,
        // The wheel's own digest: S3 rejects the request (BadDigest) unless the bytes match it.
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: hexToBase64(ctx.wheel.sha256),
      }),
      { abortSignal: ctx.signal },
    ),
  );
  ctx.options.onProgress?.(body.length, ctx.wheel.size);
}

async function uploadMultipart(
  ctx: Context,
  file: FileHandle,
  plan: UploadPlan,
  condition: { IfNoneMatch: '*' } | { IfMatch: string },
): Promise<void> {
  const { Bucket, Key } = objectParams(ctx);
  const queueSize = Math.max(1, ctx.options.queueSize ?? DEFAULT_QUEUE_SIZE);
  ctx.log.info(
    `Multipart upload: ${plan.parts.length} parts of up to ${plan.partSize} bytes, ` +
      `${queueSize} at a time`,
  );
  // A run killed mid-upload (SIGKILL leaves no time to abort) left its upload of this key open.
  // Only uploads begun before this process started are a dead run's: a concurrent publisher's
  // upload, begun since, is left alone (the conditional write decides between us).
  await abortStrayUploads(ctx, { before: performance.timeOrigin });
  const createStarted = Date.now();
  let created: { UploadId?: string; $metadata: { attempts?: number } };
  try {
    created = await sendTagged('CreateMultipartUpload', ctx.key, () =>
      ctx.client.send(
        new CreateMultipartUploadCommand({ ...objectParams(ctx), ChecksumAlgorithm: 'SHA256' }),
        { abortSignal: ctx.signal },
      ),
    );
  } catch (error) {
    const { status } = s3ErrorCode(error);
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    if (status === undefined || attempts > 1)
      await abortStrayUploads(ctx, { since: createStarted });
    throw error;
  }
  const uploadId = created.UploadId;
  if (!uploadId) throw new PublishError('S3 did not return an upload id for the multipart upload.');
  if ((created.$metadata.attempts ?? 1) > 1) {
    await abortStrayUploads(ctx, { since: createStarted }, uploadId);
  }

  // Stops the other parts as soon as one fails, before the upload is aborted.
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  try {
    const completed: CompletedPart[] = [];
    const whole = createHash('sha256');
    const inFlight = new Set<Promise<void>>();
    let sent = 0;
    let failure: unknown;
    // Part buffers are reused once their part is stored: allocating one per part leaves the
    // garbage to V8, which lets it pile up to several times partSize x queueSize.
    const spare: Buffer[] = [];
    for (const range of plan.parts) {
      // Wait for a free slot before reading, so at most queueSize parts are in memory.
      while (inFlight.size >= queueSize && failure === undefined) await Promise.race(inFlight);
      if (failure !== undefined) break;
      // Parts are read in order, so the whole-file digest is computed on the bytes actually sent.
      const memory = spare.pop() ?? Buffer.allocUnsafeSlow(plan.partSize);
      const body = await readRange(ctx, file, range, memory);
      whole.update(body);
      const checksum = createHash('sha256').update(body).digest('base64');
      const task = sendTagged(`UploadPart ${range.partNumber}`, ctx.key, () =>
        ctx.client.send(
          new UploadPartCommand({
            Bucket,
            Key,
            UploadId: uploadId,
            PartNumber: range.partNumber,
            Body: body,
            ContentLength: body.length,
            ChecksumAlgorithm: 'SHA256',
            ChecksumSHA256: checksum,
          }),
          { abortSignal: signal },
        ),
      ).then(
        (part) => {
          completed.push({
            PartNumber: range.partNumber,
            ETag: part.ETag,
            ChecksumSHA256: part.ChecksumSHA256 ?? checksum,
          });
          sent += body.length;
          ctx.options.onProgress?.(sent, ctx.wheel.size);
        },
        (error: unknown) => {
          failure ??= error;
          stop.abort();
        },
      );
      const tracked: Promise<void> = task.finally(() => {
        inFlight.delete(tracked);
        spare.push(memory);
      });
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure;

    const digest = whole.digest('hex');
    if (digest !== ctx.wheel.sha256) throw changedOnDisk(ctx, `sha256 ${digest}`);
    completed.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    await sendTagged('CompleteMultipartUpload', ctx.key, () =>
      ctx.client.send(
        new CompleteMultipartUploadCommand({
          Bucket,
          Key,
          UploadId: uploadId,
          MultipartUpload: { Parts: completed },
          ...condition,
        }),
        { abortSignal: ctx.signal },
      ),
    );
  } catch (error) {
    await abortUpload(ctx, uploadId);
    throw error;
  }
}

/**
 * A CreateMultipartUpload whose answer was lost (connection reset, response cut short) still
 * began an upload that the client never heard of; the SDK's retry then begins another one, and
 * the first stays open, its parts billed, forever. After a retried or failed create, abort the
 * uploads of this exact key that S3 began since our first attempt (with slack for clock skew),
 * except our own. A concurrent job publishing the same key in that window would see its upload
 * vanish and fail with NoSuchUpload: a clear failure, never an overwrite.
 */
async function abortStrayUploads(
  ctx: Context,
  window: { since: number } | { before: number },
  keep?: string,
): Promise<void> {
  const inWindow = (initiated: number) =>
    'since' in window
      ? initiated >= window.since - STRAY_UPLOAD_SLACK_MS
      : initiated < window.before;
  let stray: string[];
  try {
    const list = await ctx.client.send(
      new ListMultipartUploadsCommand({ Bucket: ctx.options.bucket, Prefix: ctx.key }),
      { abortSignal: AbortSignal.timeout(CLEANUP_TIMEOUT_MS) },
    );
    stray = (list.Uploads ?? [])
      .filter(
        (upload) =>
          upload.Key === ctx.key &&
          upload.UploadId !== undefined &&
          upload.UploadId !== keep &&
          inWindow(upload.Initiated?.getTime() ?? 0),
      )
      .map((upload) => upload.UploadId!);
  } catch (error) {
    // Without s3:ListBucketMultipartUploads only a lifecycle rule can clean up.
    ctx.log.debug(
      `Could not list the multipart uploads of ${ctx.key} (${s3ErrorCode(error).code}).`,
    );
    return;
  }
  for (const id of stray) await abortUpload(ctx, id);
}

/** Aborts with its own time budget: the publish deadline may be what failed. */
async function abortUpload(ctx: Context, uploadId: string): Promise<void> {
  try {
    await ctx.client.send(
      new AbortMultipartUploadCommand({
        Bucket: ctx.options.bucket,
        Key: ctx.key,
        UploadId: uploadId,
      }),
      { abortSignal: AbortSignal.timeout(60_000) },
    );
    ctx.log.info(`Aborted the multipart upload of ${ctx.key}: no parts are left behind.`);
  } catch (error) {
    const { code } = s3ErrorCode(error);
    ctx.log.warning(
      `Could not abort the multipart upload ${uploadId} of ${ctx.key} (${code}); its parts are ` +
        'billed until a lifecycle rule (AbortIncompleteMultipartUpload) removes them.',
    );
  }
}
