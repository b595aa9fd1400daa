/**
 * Is the object already under the wheel's key this very wheel? A HEAD says whether there is one
 * (and its length and S3's checksum); identityFromHead (s3-identity.ts) decides from those when
 * it can, else the object's bytes are streamed back and hashed. Metadata is never trusted.
 */
import { createHash } from 'node:crypto';

import { s3ErrorCode } from './s3-errors.js';
import { identityFromHead, type HeadFacts } from './s3-identity.js';
import { CLEANUP_TIMEOUT_MS, type S3PublishRun } from './s3-publish-run.js';

export interface Existing {
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
export interface Identity {
  same: boolean;
  why: string;
}

export async function headObject(
  run: S3PublishRun,
  signal: AbortSignal = run.signal,
): Promise<Existing> {
  try {
    const head = await run.session.send(
      'HeadObject',
      { Bucket: run.options.bucket, Key: run.key, ChecksumMode: 'ENABLED' },
      { signal },
    );
    run.reached = true;
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
    if (status !== undefined) run.reached = true;
    if (status === 404) return { exists: false, head: {} };
    // Without s3:ListBucket S3 answers 403 for a missing key; the conditional write still
    // protects an existing object, and a real permission problem shows up there with details.
    if (status === 403) {
      run.log.debug(`HEAD ${run.key} was refused (403); relying on the conditional write.`);
      return { exists: false, unknown: true, head: {} };
    }
    throw error;
  }
}

/**
 * Proves whether the existing object is this wheel: S3's full-object checksum when it has one,
 * else the length, else a SHA-256 of its bytes streamed with GetObject (If-Match the ETag HEAD
 * saw, so a concurrent replacement is not mixed in). Metadata is never trusted.
 */
export async function compareExisting(
  run: S3PublishRun,
  existing: Existing,
  signal: AbortSignal = run.signal,
): Promise<Identity> {
  const decided = identityFromHead(existing.head, run.wheel);
  if (decided.verdict === 'same') return { same: true, why: decided.proof };
  if (decided.verdict === 'different') return { same: false, why: decided.reason };
  const got = await run.session.send(
    'GetObject',
    {
      Bucket: run.options.bucket,
      Key: run.key,
      ...(existing.etag ? { IfMatch: existing.etag } : {}),
    },
    { signal },
  );
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of got.Body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  const digest = hash.digest('hex');
  if (size === run.wheel.size && digest === run.wheel.sha256.toLowerCase()) {
    return { same: true, why: "its bytes, read back, hash to this build's sha256" };
  }
  return { same: false, why: `its ${size} bytes hash to sha256 ${digest}` };
}

/** After a failed write: does S3 hold exactly this wheel anyway? (Own time budget.) */
export async function landed(run: S3PublishRun): Promise<boolean> {
  try {
    const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
    const existing = await headObject(run, signal);
    return existing.exists && (await compareExisting(run, existing, signal)).same;
  } catch {
    return false;
  }
}
