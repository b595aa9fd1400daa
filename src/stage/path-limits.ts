import { InputError } from '../base/errors.js';

/** Most file systems (ext4, xfs, NTFS via pip on Windows aside) refuse longer names. */
export const MAX_NAME_BYTES = 255;
/** A wheel path this long plus an install prefix stays well inside Linux's PATH_MAX (4096). */
export const MAX_PATH_BYTES = 3072;

/**
 * Refuses a wheel path that no installer could write: a segment over 255 bytes (ENAMETOOLONG at
 * install time, on every platform), or a whole path over 3072 bytes. Pure.
 */
export function checkPathLimits(archivePath: string, input: string): void {
  const long = archivePath.split('/').find((part) => Buffer.byteLength(part) > MAX_NAME_BYTES);
  if (long !== undefined) {
    throw new InputError(
      `the wheel path "${archivePath}" has a name of ${Buffer.byteLength(long)} bytes; file systems allow ${MAX_NAME_BYTES}, so pip could not install it.`,
      { input, fix: `use file and folder names of at most ${MAX_NAME_BYTES} bytes.` },
    );
  }
  const bytes = Buffer.byteLength(archivePath);
  if (bytes > MAX_PATH_BYTES) {
    throw new InputError(
      `the wheel path "${archivePath.slice(0, 80)}..." is ${bytes} bytes long; at most ${MAX_PATH_BYTES} install reliably.`,
      { input, fix: 'use a shallower folder layout or shorter names.' },
    );
  }
}
