/**
 * The wheel's bytes as the upload reads them from disk, checked against the build: a file that
 * changed after it was verified is refused before anything is committed.
 */
import type { FileHandle } from 'node:fs/promises';

import { PublishError } from '../../base/errors.js';
import type { PartRange } from './s3-plan.js';
import type { BuiltWheel } from '../built-wheel.js';

/** The wheel on disk is not the one built and verified (`found`: what was read instead). */
export function changedOnDisk(wheel: BuiltWheel, found: string): PublishError {
  return new PublishError(
    `${wheel.path} is not the wheel that was built and verified (expected ` +
      `${wheel.size} bytes with sha256 ${wheel.sha256}, read ${found}); nothing was published.`,
    { file: wheel.path, fix: 'make sure nothing modifies the wheel after the build step.' },
  );
}

/** Reads the range into `memory` when given (a reused part buffer), else into a new buffer. */
export async function readRange(
  wheel: BuiltWheel,
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
    if (bytesRead === 0) throw changedOnDisk(wheel, `only ${range.start + offset} bytes`);
    offset += bytesRead;
  }
  return buffer;
}
