/**
 * A deterministic zip writer fed by concurrent native deflate.
 *
 * Why our own and not a kept library: yazl and archiver/zip-stream compress one entry at a time
 * on one zlib stream, so packing a few hundred MB of C++ build products uses one core. Here every
 * entry is cut into fixed 1 MiB chunks that are deflated independently on libuv's thread pool
 * (native zlib), pigz-style: each chunk but the last ends in a sync flush and is primed with the
 * previous 32 KiB as its dictionary, so the concatenation is one valid deflate stream with
 * nearly the ratio of a single stream. Chunk boundaries do not depend on timing, so the output is
 * byte-identical whatever the concurrency. Memory is bounded by the chunk window, not by file or
 * wheel size, and entries larger than 4 GiB or archives beyond 65535 entries get zip64 records.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { constants as zlibConstants, crc32, deflateRaw } from 'node:zlib';

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

export interface WrittenEntry {
  name: string;
  size: number;
  sha256: Buffer;
  compressedSize: number;
}

export interface ZipWriterOptions {
  /** Timestamp stored on every entry. */
  mtime: Date;
  /** zlib level 0-9. */
  level: number;
  /** Deflate jobs in flight at once; 1 gives the same bytes, only slower. */
  concurrency: number;
  /** Test hook: write zip64 records even when the sizes would fit in 32 bits. */
  forceZip64?: boolean;
}

const CHUNK = 1 << 20;
const WINDOW = 32 * 1024;
// The archive's own SHA-256 is computed by reading back what was written, in batches of this size
// once the entries in them are final, so that hashing overlaps deflate instead of following it.
const HASH_BATCH = 8 * CHUNK;
const U32_MAX = 0xffffffff;
// Deflate can expand incompressible input slightly: leave room before deciding "no zip64".
const ZIP64_THRESHOLD = U32_MAX - 2 * CHUNK;

interface CentralRecord {
  name: Buffer;
  utf8: boolean;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  mode: number;
  zip64: boolean;
}

type QueueItem =
  | { kind: 'begin'; record: CentralRecord }
  | { kind: 'chunk'; data: Promise<Buffer>; pooled?: Buffer }
  | { kind: 'end'; record: CentralRecord };

export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly central: CentralRecord[] = [];
  private readonly queue: QueueItem[] = [];
  private wake: (() => void) | undefined;
  private inFlight = 0;
  private slotFree: (() => void) | undefined;
  private readonly writerDone: Promise<void>;
  private closed = false;
  private failure: unknown;
  private readonly dosTime: number;
  private readonly dosDate: number;
  /** Read buffers whose deflate job has finished: reused, so steady state allocates nothing. */
  private readonly spare: Buffer[] = [];
  private readonly digest = createHash('sha256');
  private hashed = 0;
  private sha256Hex: string | undefined;

  constructor(
    path: string,
    private readonly options: ZipWriterOptions,
  ) {
    // Read access too: the archive's digest is computed by reading back the finished parts.
    this.fd = openSync(path, 'w+', 0o644);
    [this.dosDate, this.dosTime] = dosDateTime(options.mtime);
    this.writerDone = this.writeLoop();
    // Surface writer failures through add()/finish(); avoid an unhandled rejection meanwhile.
    this.writerDone.catch((error: unknown) => {
      this.failure = error;
      this.slotFree?.();
    });
  }

  /**
   * Reads the entry, hashes it and hands its chunks to the deflate pool. Resolves when the entry
   * has been read (its hash is known), usually before its bytes are written. Call in order.
   */
  async add(entry: ZipEntrySource): Promise<WrittenEntry> {
    if (this.closed) throw new Error('ZipWriter.add after finish');
    const nameBuffer = Buffer.from(entry.name, 'utf8');
    const record: CentralRecord = {
      name: nameBuffer,
      utf8: nameBuffer.length !== entry.name.length,
      method: entry.size === 0 ? 0 : 8,
      crc: 0,
      compressedSize: 0,
      size: entry.size,
      offset: 0,
      mode: entry.mode,
      zip64: this.options.forceZip64 === true || entry.size >= ZIP64_THRESHOLD,
    };
    // Open first, so that a missing file fails before anything of the entry is queued.
    const fd = entry.path === undefined ? undefined : openSync(entry.path, 'r');
    this.push({ kind: 'begin', record });
    const sha = createHash('sha256');
    let crc = 0;
    let total = 0;
    let dictionary: Buffer | undefined;
    for (const chunk of readChunks(entry, fd, () => this.spare.pop())) {
      await this.acquireSlot();
      total += chunk.length;
      crc = crc32(chunk, crc);
      sha.update(chunk);
      const last = total >= entry.size;
      const data = this.deflate(chunk, dictionary, last);
      // Chunks read from a file are views of pool buffers, handed back once deflated.
      this.push({ kind: 'chunk', data, pooled: fd === undefined ? undefined : wholeBuffer(chunk) });
      // A copy: the chunk's buffer goes back to the pool once deflated, maybe before the next
      // chunk's job is created.
      if (!last) dictionary = Buffer.from(chunk.subarray(Math.max(0, chunk.length - WINDOW)));
    }
    if (total !== entry.size) {
      throw new Error(`${entry.path ?? entry.name} changed size while it was packed`);
    }
    record.crc = crc;
    this.push({ kind: 'end', record });
    return { name: entry.name, size: total, sha256: sha.digest(), compressedSize: 0 };
  }

  /** Writes the central directory and closes the file; returns the archive's size. */
  async finish(): Promise<number> {
    this.closed = true;
    this.wake?.();
    try {
      await this.writerDone;
      this.writeCentralDirectory();
      this.hashWritten();
      this.sha256Hex = this.digest.digest('hex');
    } finally {
      closeSync(this.fd);
    }
    return this.offset;
  }

  /** SHA-256 (hex) of the whole archive, once finish() has resolved. */
  sha256(): string {
    if (this.sha256Hex === undefined) throw new Error('ZipWriter.sha256 before finish');
    return this.sha256Hex;
  }

  /** Closes the file after a failure elsewhere; the caller deletes it. */
  async abort(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.writerDone.catch(() => undefined);
    try {
      closeSync(this.fd);
    } catch {
      // already closed by finish()
    }
  }

  private deflate(chunk: Buffer, dictionary: Buffer | undefined, last: boolean): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      deflateRaw(
        chunk,
        {
          level: this.options.level,
          ...(dictionary ? { dictionary } : {}),
          finishFlush: last ? zlibConstants.Z_FINISH : zlibConstants.Z_SYNC_FLUSH,
          // Room for the whole output: with the default 16 KiB, node hops back to the main thread
          // for every 16 KiB of deflate output, and the pool's threads wait on it.
          chunkSize: deflateBound(chunk.length),
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  }

  private async acquireSlot(): Promise<void> {
    while (this.inFlight >= this.options.concurrency * 2) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.slotFree = resolve));
    }
    if (this.failure) throw this.failure;
    this.inFlight += 1;
  }

  private push(item: QueueItem): void {
    this.queue.push(item);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async next(): Promise<QueueItem | undefined> {
    while (this.queue.length === 0) {
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    return this.queue.shift();
  }

  // Consumes begin/chunk/end items strictly in the order they were queued.
  private async writeLoop(): Promise<void> {
    let current: CentralRecord | undefined;
    for (let item = await this.next(); item !== undefined; item = await this.next()) {
      if (item.kind === 'begin') {
        current = item.record;
        current.offset = this.offset;
        this.write(localHeader(current, this.dosDate, this.dosTime));
      } else if (item.kind === 'chunk') {
        const data = await item.data;
        if (item.pooled) this.spare.push(item.pooled);
        this.inFlight -= 1;
        const free = this.slotFree;
        this.slotFree = undefined;
        free?.();
        if (current && current.method === 8) {
          this.write(data);
          current.compressedSize += data.length;
        }
      } else {
        const record = item.record;
        if (!record.zip64 && record.compressedSize > U32_MAX) {
          throw new Error(`${record.name.toString()} compressed beyond the zip64 threshold`);
        }
        // Patch the local header now that CRC and compressed size are known (no data descriptor).
        writeSync(
          this.fd,
          localHeader(record, this.dosDate, this.dosTime),
          0,
          undefined,
          record.offset,
        );
        this.central.push(record);
        current = undefined;
        if (this.offset - this.hashed >= HASH_BATCH) this.hashWritten();
      }
    }
  }

  /** Hashes what was written since the last call; every entry in that range is final. */
  private hashWritten(): void {
    const buffer = this.spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
    while (this.hashed < this.offset) {
      const want = Math.min(CHUNK, this.offset - this.hashed);
      const read = readSync(this.fd, buffer, 0, want, this.hashed);
      if (read === 0) throw new Error('the archive is shorter than what was written to it');
      this.digest.update(buffer.subarray(0, read));
      this.hashed += read;
    }
    this.spare.push(buffer);
  }

  private write(buffer: Buffer): void {
    let written = 0;
    while (written < buffer.length) {
      written += writeSync(
        this.fd,
        buffer,
        written,
        buffer.length - written,
        this.offset + written,
      );
    }
    this.offset += buffer.length;
  }

  private writeCentralDirectory(): void {
    const start = this.offset;
    for (const record of this.central)
      this.write(centralHeader(record, this.dosDate, this.dosTime));
    const size = this.offset - start;
    const count = this.central.length;
    const needZip64 =
      this.options.forceZip64 === true || count >= 0xffff || size >= U32_MAX || start >= U32_MAX;
    if (needZip64) {
      const zip64Offset = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(0x031e, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      this.write(record);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(zip64Offset), 8);
      locator.writeUInt32LE(1, 16);
      this.write(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(needZip64 ? 0xffff : count, 8);
    end.writeUInt16LE(needZip64 ? 0xffff : count, 10);
    end.writeUInt32LE(needZip64 ? U32_MAX : size, 12);
    end.writeUInt32LE(needZip64 ? U32_MAX : start, 16);
    this.write(end);
  }
}

/** zlib's worst case for stored blocks plus the sync-flush marker (deflateBound, rounded up). */
function deflateBound(length: number): number {
  return length + (length >> 12) + (length >> 14) + 64;
}

function wholeBuffer(view: Buffer): Buffer {
  return Buffer.from(view.buffer, 0, CHUNK);
}

function* readChunks(
  entry: ZipEntrySource,
  fd: number | undefined,
  reuse: () => Buffer | undefined,
): Generator<Buffer> {
  if (fd === undefined) {
    const data = entry.data ?? Buffer.alloc(0);
    for (let at = 0; at < data.length; at += CHUNK) {
      yield data.subarray(at, Math.min(data.length, at + CHUNK));
    }
    return;
  }
  try {
    let total = 0;
    for (;;) {
      // Synchronous reads from the page cache are cheaper than a thread-pool round trip, and they
      // leave the pool's threads to deflate.
      // Each buffer owns its CHUNK-sized memory (not node's shared pool), so it can be recycled.
      const buffer = reuse() ?? Buffer.allocUnsafeSlow(CHUNK);
      const read = readSync(fd, buffer, 0, Math.min(CHUNK, Math.max(1, entry.size - total)), total);
      if (read === 0) break;
      total += read;
      yield read === CHUNK ? buffer : buffer.subarray(0, read);
      if (total > entry.size) break; // grew while packing: add() reports it
    }
  } finally {
    closeSync(fd);
  }
}

function localHeader(record: CentralRecord, dosDate: number, dosTime: number): Buffer {
  const extra = record.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (record.zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(record.size), 4);
    extra.writeBigUInt64LE(BigInt(record.compressedSize), 12);
  }
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(record.zip64 ? 45 : 20, 4);
  header.writeUInt16LE(record.utf8 ? 0x0800 : 0, 6);
  header.writeUInt16LE(record.method, 8);
  header.writeUInt16LE(dosTime, 10);
  header.writeUInt16LE(dosDate, 12);
  header.writeUInt32LE(record.crc >>> 0, 14);
  header.writeUInt32LE(record.zip64 ? U32_MAX : record.compressedSize, 18);
  header.writeUInt32LE(record.zip64 ? U32_MAX : record.size, 22);
  header.writeUInt16LE(record.name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, record.name, extra]);
}

function centralHeader(record: CentralRecord, dosDate: number, dosTime: number): Buffer {
  const fields: bigint[] = [];
  const big = (value: number): boolean => record.zip64 || value >= U32_MAX;
  if (big(record.size)) fields.push(BigInt(record.size));
  if (big(record.compressedSize)) fields.push(BigInt(record.compressedSize));
  if (big(record.offset)) fields.push(BigInt(record.offset));
  const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
  if (fields.length) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * fields.length, 2);
    fields.forEach((value, i) => extra.writeBigUInt64LE(value, 4 + 8 * i));
  }
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0 (so the mode in external attrs counts)
  header.writeUInt16LE(fields.length ? 45 : 20, 6);
  header.writeUInt16LE(record.utf8 ? 0x0800 : 0, 8);
  header.writeUInt16LE(record.method, 10);
  header.writeUInt16LE(dosTime, 12);
  header.writeUInt16LE(dosDate, 14);
  header.writeUInt32LE(record.crc >>> 0, 16);
  header.writeUInt32LE(big(record.compressedSize) ? U32_MAX : record.compressedSize, 20);
  header.writeUInt32LE(big(record.size) ? U32_MAX : record.size, 24);
  header.writeUInt16LE(record.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE(((0o100000 | record.mode) << 16) >>> 0, 38);
  header.writeUInt32LE(big(record.offset) ? U32_MAX : record.offset, 42);
  return Buffer.concat([header, record.name, extra]);
}

/** MS-DOS date and time fields, read as UTC so the bytes do not depend on the machine's zone. */
export function dosDateTime(date: Date): [number, number] {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const d = new Date(Math.min(max, Math.max(min, date.getTime())));
  const dosDate =
    ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  return [dosDate, dosTime];
}
