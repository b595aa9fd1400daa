/**
 * What the S3 step does besides the wheel upload: bring an already-published wheel's ACL (and
 * the index pages') in line with `s3-acl`, and write the sidecars (`<wheel>.metadata` with
 * `s3-index`, `<wheel>.verification.json` always). Its own client and deadline; S3 failures are
 * described like the upload's.
 */
import type { S3Client } from '@aws-sdk/client-s3';

import { PublishError } from '../errors.js';
import type { Log } from '../log.js';
import { isTopLevelMetadata, readZipEntry } from '../wheel/zip-entry.js';
import { METADATA_SUFFIX, RECEIPT_SUFFIX } from './index-sidecars.js';
import { alignObjectAcl } from './s3-acl.js';
import { describeS3Error } from './s3-errors.js';
import { resolveRegion, s3Key, type S3Acl } from './s3-plan.js';
import { createS3Client, type S3ClientOptions } from './s3.js';
import { putSidecar } from './s3-sidecars.js';

export interface BesideOptions extends S3ClientOptions {
  bucket: string;
  prefix: string;
  acl: S3Acl;
}

const TIMEOUT_MS = 5 * 60_000;

async function withClient<T>(
  options: BesideOptions,
  key: string,
  fn: (client: S3Client, signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const client = createS3Client(options);
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  const secrets = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
    .map((name) => process.env[name])
    .filter((value): value is string => !!value);
  try {
    return await fn(client, signal);
  } catch (error) {
    if (error instanceof PublishError) throw error;
    const fields = error as { operation?: unknown; key?: unknown };
    throw describeS3Error(error, {
      bucket: options.bucket,
      key: typeof fields.key === 'string' ? fields.key : key,
      region: resolveRegion(options.region, process.env),
      endpoint: options.endpoint,
      operation: typeof fields.operation === 'string' ? fields.operation : 'PutObjectAcl',
      secrets,
    });
  } finally {
    client.destroy();
  }
}

/** An identical wheel was skipped: its ACL must still follow `s3-acl`. */
export function alignWheelAcl(options: BesideOptions, fileName: string, log: Log): Promise<void> {
  const key = s3Key(options.prefix, fileName);
  return withClient(options, key, async (client, signal) => {
    await alignObjectAcl({ client, bucket: options.bucket, key, acl: options.acl, log, signal });
  });
}

/** The index pages left unchanged by the update still get the ACL `s3-acl` asks for. */
export function alignPageAcls(options: BesideOptions, keys: readonly string[], log: Log) {
  return withClient(options, keys[0] ?? options.prefix, async (client, signal) => {
    for (const key of keys) {
      await alignObjectAcl({ client, bucket: options.bucket, key, acl: options.acl, log, signal });
    }
  });
}

/** Writes `<wheel>.metadata` (when `metadata`) and `<wheel>.verification.json` beside the wheel. */
export async function publishSidecars(
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
        fix: 'Build the wheel with this action or a standard build backend.',
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
    const status = await withClient(options, file.key, (client, signal) =>
      putSidecar({
        client,
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
