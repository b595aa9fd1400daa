/**
 * Writes the small objects published beside a wheel (index-sidecars.ts): `<wheel>.metadata` and
 * `<wheel>.verification.json`. Each is read back first (they are a few KiB): identical bytes are
 * left alone (their ACL brought in line), different bytes are replaced only if the object is
 * still the one read (If-Match), a missing one is created only if still missing (If-None-Match).
 */
import { createHash } from 'node:crypto';

import { PublishError } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { alignObjectAcl } from './s3-acl.js';
import { isPreconditionFailure, s3ErrorCode } from './s3-errors.js';
import { s3Uri, type S3Acl } from './s3-plan.js';
import type { S3Session } from './s3-session.js';

export type SidecarStatus = 'created' | 'unchanged' | 'replaced';

const ROUNDS = 3;

export async function putSidecar(options: {
  session: S3Session;
  bucket: string;
  key: string;
  body: Buffer;
  contentType: string;
  acl: S3Acl;
  log: Log;
  signal?: AbortSignal;
}): Promise<SidecarStatus> {
  const { session, bucket, key, acl, log, signal } = options;
  // Every byte we put goes through the run's redaction; bytes it leaves alone stay as they are.
  const text = options.body.toString('utf8');
  const clean = session.redact(text);
  const body = clean === text ? options.body : Buffer.from(clean, 'utf8');
  for (let round = 1; round <= ROUNDS; round++) {
    let stored: { etag?: string; bytes: Buffer } | undefined;
    try {
      const object = await session.send('GetObject', { Bucket: bucket, Key: key }, { signal });
      stored = {
        etag: object.ETag,
        bytes: Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array()),
      };
    } catch (error) {
      const { code, status } = s3ErrorCode(error);
      // 403: no s3:GetObject/ListBucket; the conditional create below still protects.
      if (!((status === 404 && code !== 'NoSuchBucket') || status === 403)) throw error;
    }
    if (stored && stored.bytes.equals(body)) {
      await alignObjectAcl({ session, bucket, key, acl, log, signal });
      return 'unchanged';
    }
    try {
      await session.send(
        'PutObject',
        {
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: options.contentType,
          CacheControl: 'no-cache',
          ...(acl === 'public-read' ? { ACL: 'public-read' as const } : {}),
          ...(stored?.etag ? { IfMatch: stored.etag } : { IfNoneMatch: '*' }),
          ChecksumAlgorithm: 'SHA256',
          ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
        },
        { signal },
      );
      if (stored) log.info(`${s3Uri(bucket, key)} replaced (its content was out of date).`);
      return stored ? 'replaced' : 'created';
    } catch (error) {
      if (!isPreconditionFailure(error)) throw error;
      log.info(`${s3Uri(bucket, key)} changed while writing it (another job); reading it again.`);
    }
  }
  throw new PublishError(`${s3Uri(bucket, key)} kept changing while writing it.`, {
    fix: 'make sure only one job publishes this wheel version, then re-run.',
  });
}
