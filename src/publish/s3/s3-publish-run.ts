/**
 * What one wheel publish (s3-publish.ts) carries through its steps: the options, the run's
 * session and this publish's deadline, the object's key, and the parameters every write of the
 * object sends.
 */
import type { Log } from '../../log/log.js';
import { cacheControl, type S3Acl } from './s3-plan.js';
import { aclParams, type S3ClientOptions, type S3Session } from './s3-session.js';
import type { BuiltWheel } from '../built-wheel.js';

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
}

/** One publish of one wheel: what every step reads. */
export interface S3PublishRun {
  /**
   * The run's session: a cancel aborts the requests in flight, a multipart upload is aborted
   * (no object is created), and the cancellation is thrown.
   */
  session: S3Session;
  wheel: BuiltWheel;
  options: S3PublishOptions;
  key: string;
  region: string;
  log: Log;
  /** This publish's deadline merged with the run's cancellation. */
  signal: AbortSignal;
  secrets: string[];
  /** S3 answered at least one request: a later network failure is not the endpoint's fault. */
  reached: boolean;
}

/** Create only if absent, or replace only the version that was compared. */
export type WriteCondition = { IfNoneMatch: '*' } | { IfMatch: string };

/** Budget of the clean-up requests made after a failure (the publish deadline may be spent). */
export const CLEANUP_TIMEOUT_MS = 30_000;

/** The parameters of every write of the wheel's object (PutObject, CreateMultipartUpload). */
export function objectParams(run: S3PublishRun) {
  return {
    Bucket: run.options.bucket,
    Key: run.key,
    ContentType: 'application/zip',
    CacheControl: cacheControl(run.options.acl),
    Metadata: { sha256: run.wheel.sha256 },
    ...aclParams(run.options.acl),
  };
}
