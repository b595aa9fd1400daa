/**
 * The multipart upload of a wheel, done here rather than with lib-storage's Upload so that the
 * whole-file digest is checked before CompleteMultipartUpload and every failure aborts the
 * upload (no orphan parts). Parts are read from disk in order, at most queueSize at a time, into
 * reused buffers, so memory stays below partSize x queueSize. Uploads a dead or retried run left
 * open on this key are aborted.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

import type { CompletedPart } from '@aws-sdk/client-s3';

import { PublishError } from '../../base/errors.js';
import { s3ErrorCode } from './s3-errors.js';
import { DEFAULT_QUEUE_SIZE, type PartRange, type UploadPlan } from './s3-plan.js';
import {
  CLEANUP_TIMEOUT_MS,
  objectParams,
  type S3PublishRun,
  type WriteCondition,
} from './s3-publish-run.js';
import { changedOnDisk, readRange } from './s3-wheel-bytes.js';

/** Clock skew allowed when matching uploads S3 began to our CreateMultipartUpload attempts. */
const STRAY_UPLOAD_SLACK_MS = 30_000;

export async function uploadMultipart(
  run: S3PublishRun,
  file: FileHandle,
  plan: UploadPlan,
  condition: WriteCondition,
): Promise<void> {
  const queueSize = Math.max(1, run.options.queueSize ?? DEFAULT_QUEUE_SIZE);
  run.log.info(
    `Multipart upload: ${plan.parts.length} parts of up to ${plan.partSize} bytes, ` +
      `${queueSize} at a time`,
  );
  // A run killed mid-upload (SIGKILL leaves no time to abort) left its upload of this key open.
  // Only uploads begun before this process started are a dead run's: a concurrent publisher's
  // upload, begun since, is left alone (the conditional write decides between us).
  await abortStrayUploads(run, { before: performance.timeOrigin });
  const uploadId = await createUpload(run);
  try {
    const { parts, sha256 } = await uploadParts(run, file, plan, { uploadId, queueSize });
    if (sha256 !== run.wheel.sha256) throw changedOnDisk(run.wheel, `sha256 ${sha256}`);
    await run.session.send(
      'CompleteMultipartUpload',
      {
        Bucket: run.options.bucket,
        Key: run.key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts },
        ...condition,
      },
      { signal: run.signal },
    );
  } catch (error) {
    await abortUpload(run, uploadId);
    throw error;
  }
}

/** Begins the upload; a retried or failed create aborts the uploads it may have left open. */
async function createUpload(run: S3PublishRun): Promise<string> {
  const createStarted = Date.now();
  let created: { UploadId?: string; $metadata: { attempts?: number } };
  try {
    created = await run.session.send(
      'CreateMultipartUpload',
      { ...objectParams(run), ChecksumAlgorithm: 'SHA256' },
      { signal: run.signal },
    );
  } catch (error) {
    const { status } = s3ErrorCode(error);
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
    if (status === undefined || attempts > 1)
      await abortStrayUploads(run, { since: createStarted });
    throw error;
  }
  const uploadId = created.UploadId;
  if (!uploadId) throw new PublishError('S3 did not return an upload id for the multipart upload.');
  if ((created.$metadata.attempts ?? 1) > 1) {
    await abortStrayUploads(run, { since: createStarted }, uploadId);
  }
  return uploadId;
}

/**
 * Sends every part, at most queueSize at once; the first failure stops the others. Returns the
 * parts in order and the SHA-256 of the bytes actually sent (parts are read in order).
 */
async function uploadParts(
  run: S3PublishRun,
  file: FileHandle,
  plan: UploadPlan,
  { uploadId, queueSize }: { uploadId: string; queueSize: number },
): Promise<{ parts: CompletedPart[]; sha256: string }> {
  // Stops the other parts as soon as one fails, before the upload is aborted.
  const stop = new AbortController();
  const signal = AbortSignal.any([run.signal, stop.signal]);
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
    const memory = spare.pop() ?? Buffer.allocUnsafeSlow(plan.partSize);
    const body = await readRange(run.wheel, file, range, memory);
    whole.update(body);
    const tracked: Promise<void> = uploadPart(run, { uploadId, range, body, signal })
      .then(
        (part) => {
          completed.push(part);
          sent += body.length;
          run.options.onProgress?.(sent, run.wheel.size);
        },
        (error: unknown) => {
          failure ??= error;
          stop.abort();
        },
      )
      .finally(() => {
        inFlight.delete(tracked);
        spare.push(memory);
      });
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  completed.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
  return { parts: completed, sha256: whole.digest('hex') };
}

/** One part, with the SHA-256 S3 verifies it against. */
async function uploadPart(
  run: S3PublishRun,
  part: { uploadId: string; range: PartRange; body: Buffer; signal: AbortSignal },
): Promise<CompletedPart> {
  const { range, body } = part;
  const checksum = createHash('sha256').update(body).digest('base64');
  const stored = await run.session.send(
    'UploadPart',
    {
      Bucket: run.options.bucket,
      Key: run.key,
      UploadId: part.uploadId,
      PartNumber: range.partNumber,
      Body: body,
      ContentLength: body.length,
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: checksum,
    },
    { signal: part.signal, tag: `UploadPart ${range.partNumber}` },
  );
  return {
    PartNumber: range.partNumber,
    ETag: stored.ETag,
    ChecksumSHA256: stored.ChecksumSHA256 ?? checksum,
  };
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
  run: S3PublishRun,
  window: { since: number } | { before: number },
  keep?: string,
): Promise<void> {
  const inWindow = (initiated: number) =>
    'since' in window
      ? initiated >= window.since - STRAY_UPLOAD_SLACK_MS
      : initiated < window.before;
  let stray: string[];
  try {
    const list = await run.session.send(
      'ListMultipartUploads',
      { Bucket: run.options.bucket, Prefix: run.key },
      { cleanupMs: CLEANUP_TIMEOUT_MS },
    );
    stray = (list.Uploads ?? [])
      .filter(
        (upload) =>
          upload.Key === run.key &&
          upload.UploadId !== undefined &&
          upload.UploadId !== keep &&
          inWindow(upload.Initiated?.getTime() ?? 0),
      )
      .map((upload) => upload.UploadId!);
  } catch (error) {
    // Without s3:ListBucketMultipartUploads only a lifecycle rule can clean up.
    run.log.debug(
      `Could not list the multipart uploads of ${run.key} (${s3ErrorCode(error).code}).`,
    );
    return;
  }
  for (const id of stray) await abortUpload(run, id);
}

/** Aborts with its own time budget: the publish deadline may be what failed. */
async function abortUpload(run: S3PublishRun, uploadId: string): Promise<void> {
  try {
    await run.session.send(
      'AbortMultipartUpload',
      { Bucket: run.options.bucket, Key: run.key, UploadId: uploadId },
      { cleanupMs: 60_000 },
    );
    run.log.info(`Aborted the multipart upload of ${run.key}: no parts are left behind.`);
  } catch (error) {
    const { code } = s3ErrorCode(error);
    run.log.warning(
      `Could not abort the multipart upload ${uploadId} of ${run.key} (${code}); its parts are ` +
        'billed until a lifecycle rule (AbortIncompleteMultipartUpload) removes them.',
    );
  }
}
