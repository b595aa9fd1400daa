/**
 * Writes the wheel's bytes under its key with the given condition: one PUT for a small wheel,
 * a multipart upload (s3-multipart.ts) for a large one. The bytes read from disk are checked
 * against the wheel's size and sha256 first, and S3 verifies the SHA-256 every request carries.
 */
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';

import { PublishError, errorMessage } from '../../base/errors.js';
import { uploadMultipart } from './s3-multipart.js';
import { DEFAULT_PART_SIZE, hexToBase64, planUpload } from './s3-plan.js';
import { objectParams, type S3PublishRun, type WriteCondition } from './s3-publish-run.js';
import { changedOnDisk, readRange } from './s3-wheel-bytes.js';

export async function upload(run: S3PublishRun, condition: WriteCondition): Promise<void> {
  const partSize = run.options.partSize ?? DEFAULT_PART_SIZE;
  const plan = planUpload(run.wheel.size, partSize, run.options.multipartThreshold ?? partSize);
  let file: FileHandle;
  try {
    file = await open(run.wheel.path, 'r');
  } catch (error) {
    throw new PublishError(`Cannot read the wheel ${run.wheel.path}: ${errorMessage(error)}`, {
      file: run.wheel.path,
    });
  }
  try {
    const actualSize = (await file.stat()).size;
    if (actualSize !== run.wheel.size) throw changedOnDisk(run.wheel, `${actualSize} bytes`);
    if (plan.multipart) await uploadMultipart(run, file, plan, condition);
    else await uploadSingle(run, file, condition);
  } finally {
    await file.close();
  }
}

async function uploadSingle(
  run: S3PublishRun,
  file: FileHandle,
  condition: WriteCondition,
): Promise<void> {
  const body = await readRange(run.wheel, file, { partNumber: 1, start: 0, end: run.wheel.size });
  const digest = createHash('sha256').update(body).digest('hex');
  if (digest !== run.wheel.sha256) throw changedOnDisk(run.wheel, `sha256 ${digest}`);
  await run.session.send(
    'PutObject',
    {
      ...objectParams(run),
      ...condition,
      Body: body,
      ContentLength: body.length,
      // The wheel's own digest: S3 rejects the request (BadDigest) unless the bytes match it.
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: hexToBase64(run.wheel.sha256),
    },
    { signal: run.signal },
  );
  run.options.onProgress?.(body.length, run.wheel.size);
}
