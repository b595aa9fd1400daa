/**
 * The production paths take the run's S3 session (src/publish/s3/s3-session.ts); a test that
 * publishes once opens one for the call and closes it after, as the pipeline does for a run.
 */
import type { Log } from '../../src/log/log.js';
import type { BuiltWheel } from '../../src/publish/built-wheel.js';
import {
  publishIndex,
  type IndexResult,
  type S3IndexOptions,
} from '../../src/publish/index/index-update.js';
import {
  publishToS3,
  type S3PublishOptions,
  type S3PublishResult,
} from '../../src/publish/s3/s3-publish.js';
import {
  openS3Session,
  type S3ClientOptions,
  type S3Session,
} from '../../src/publish/s3/s3-session.js';

/** Runs `fn` with a session of its own, closed afterwards. */
export async function inSession<T>(
  options: S3ClientOptions,
  log: Log,
  fn: (session: S3Session) => Promise<T>,
): Promise<T> {
  const session = await openS3Session(options, log);
  try {
    return await fn(session);
  } finally {
    session.close();
  }
}

/** publishToS3 in a session of its own. */
export function publishWheel(
  wheel: BuiltWheel,
  options: S3PublishOptions,
  log: Log,
): Promise<S3PublishResult> {
  return inSession(options, log, (session) => publishToS3(session, wheel, options, log));
}

/** publishIndex in a session of its own. */
export function publishIndexOnce(options: S3IndexOptions, log: Log): Promise<IndexResult> {
  return inSession(options, log, (session) => publishIndex(session, options, log));
}
