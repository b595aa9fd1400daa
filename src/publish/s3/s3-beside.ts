/**
 * What the S3 step does besides the wheel upload: bring an already-published wheel's ACL (and
 * the index pages') in line with `s3-acl`, and write the sidecars (`<wheel>.metadata` with
 * `s3-index`, `<wheel>.verification.json` always). The run's session, a deadline per object; S3
 * failures are described like the upload's, a cancel is thrown as the cancellation it is.
 */
import { PublishError } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { isTopLevelMetadata, readZipEntry } from '../../zip/zip-entry.js';
import { METADATA_SUFFIX } from '../index/index-sidecars.js';
import { RECEIPT_SUFFIX } from '../../wheel/names.js';
import { alignObjectAcl } from './s3-acl.js';
import { describeS3Error } from './s3-errors.js';
import { s3Key, type S3Acl } from './s3-plan.js';
import { taggedRequest, type S3ClientOptions, type S3Session } from './s3-session.js';
import { putSidecar } from './s3-sidecars.js';

export interface BesideOptions extends S3ClientOptions {
  bucket: string;
  prefix: string;
  acl: S3Acl;
}

const TIMEOUT_MS = 5 * 60_000;

async function withDeadline<T>(
  session: S3Session,
  options: BesideOptions,
  key: string,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await fn(session.deadline(TIMEOUT_MS));
  } catch (error) {
    if (error instanceof PublishError) throw error;
    session.signal.throwIfAborted();
    const tagged = taggedRequest(error, { operation: 'PutObjectAcl', key });
    throw describeS3Error(error, {
      bucket: options.bucket,
      key: tagged.key,
      region: session.region,
      endpoint: options.endpoint,
      operation: tagged.operation,
      secrets: session.secrets,
    });
  }
}

/** An identical wheel was skipped: its ACL must still follow `s3-acl`. */
export function alignWheelAcl(
  session: S3Session,
  options: BesideOptions,
  fileName: string,
  log: Log,
): Promise<void> {
  const key = s3Key(options.prefix, fileName);
  return withDeadline(session, options, key, async (signal) => {
    await alignObjectAcl({ session, bucket: options.bucket, key, acl: options.acl, log, signal });
  });
}

/** The index pages left unchanged by the update still get the ACL `s3-acl` asks for. */
export function alignPageAcls(
  session: S3Session,
  options: BesideOptions,
  keys: readonly string[],
  log: Log,
) {
  return withDeadline(session, options, keys[0] ?? options.prefix, async (signal) => {
    for (const key of keys) {
      await alignObjectAcl({ session, bucket: options.bucket, key, acl: options.acl, log, signal });
    }
  });
}

/** Writes `<wheel>.metadata` (when `metadata`) and `<wheel>.verification.json` beside the wheel. */
export async function publishSidecars(
  session: S3Session,
  options: BesideOptions,
  wheel: { path: string; fileName: string },
  receipt: Buffer | undefined,
  metadata: boolean,
  log: Log,
): Promise<string[]> {
  const files: { key: string; body: Buffer; contentType: string }[] = [];
  if (metadata) {
    const entry = await readZipEntry(wheel.path, isTopLevelMetadata);
    if (!entry) {
      throw new PublishError(`${wheel.fileName} has no *.dist-info/METADATA.`, {
        file: wheel.path,
        fix: 'build the wheel with this action or a standard build backend.',
      });
    }
    files.push({
      key: s3Key(options.prefix, `${wheel.fileName}${METADATA_SUFFIX}`),
      body: entry.bytes,
      // What PyPI serves PEP 658 files as.
      contentType: 'binary/octet-stream',
    });
  }
  if (receipt) {
    files.push({
      key: s3Key(options.prefix, `${wheel.fileName}${RECEIPT_SUFFIX}`),
      body: receipt,
      contentType: 'application/json',
    });
  }
  const written: string[] = [];
  for (const file of files) {
    const status = await withDeadline(session, options, file.key, (signal) =>
      putSidecar({
        session,
        bucket: options.bucket,
        key: file.key,
        body: file.body,
        contentType: file.contentType,
        acl: options.acl,
        log,
        signal,
      }),
    );
    log.info(`s3://${options.bucket}/${file.key}: ${status}`);
    written.push(file.key);
  }
  return written;
}
