import { readSync } from 'node:fs';

export interface ZipEntrySource {
  /** Path inside the archive, with forward slashes. */
  name: string;
  /** Unix permission bits (0o644 or 0o755). */
  mode: number;
  /** The bytes, for small generated files (METADATA, RECORD...). */
  data?: Buffer;
  /** A file to stream from disk; `size` must be its size when read. */
  path?: string;
  size: number;
}

/** Reads up to `length` bytes of the entry at `position` into `target` at `at`; returns the count. */
export function readInto(
  entry: ZipEntrySource,
  fd: number | undefined,
  target: Buffer,
  at: number,
  length: number,
  position: number,
): number {
  if (fd === undefined) {
    const data = entry.data ?? Buffer.alloc(0);
    return data.copy(target, at, Math.min(position, data.length), position + length);
  }
  // Synchronous reads from the page cache cost less than a thread-pool round trip.
  let done = 0;
  while (done < length) {
    const read = readSync(fd, target, at + done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}
