/**
 * A deterministic zip writer fed by concurrent native deflate.
 *
 * Why our own and not a kept library: yazl and archiver/zip-stream compress one entry at a time
 * on one zlib stream, so packing a few hundred MB of C++ build products uses one core. Here every
 * big entry is cut into fixed 1 MiB chunks that are deflated independently on worker threads
 * (native zlib, see deflate-pool.ts), pigz-style: each chunk but the last ends in a sync flush and
 * is primed with the previous 32 KiB as its dictionary, so the concatenation is one valid deflate
 * stream with nearly the ratio of a single stream. Small entries travel many to a batch, each
 * deflated on its own. Boundaries do not depend on timing: the bytes are the same whatever the
 * concurrency. Memory is bounded by the batch window; 4 GiB or 65535 entries get zip64 records.
 */
import { BuildError } from '../base/errors.js';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { readInto, type ZipEntrySource } from './entry-source.js';
import { DeflatePool, deflateBound, type DeflatePiece } from './deflate-pool.js';
import {
  centralHeader,
  dosDateTime,
  endRecords,
  localHeader,
  U32_MAX,
  type CentralRecord,
} from './zip-records.js';
import { InlineDeflater } from './deflate-inline.js';

export { dosDateTime, type ZipEntrySource };

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
  /** Deflate worker threads; 1 gives the same bytes, only slower; 0 deflates in this thread. */
  concurrency: number;
  /** Test hook: write zip64 records even when the sizes would fit in 32 bits. */
  forceZip64?: boolean;
}

const CHUNK = 1 << 20;
const WINDOW = 32 * 1024;
// Entries up to this size are read whole into a shared batch instead of a chunk of their own.
const SMALL = CHUNK / 4;
// Batch buffers (input and output alike): a chunk plus room for deflate's worst case.
const BUFFER = CHUNK + 64 * 1024;
// The archive's SHA-256 is read back in batches of this size once final, overlapping deflate.
// Stryker disable next-line ArithmeticOperator: the pace of the digest, not what it is
const HASH_BATCH = 8 * CHUNK;
// Deflate can expand incompressible input slightly: leave room before deciding "no zip64".
const ZIP64_THRESHOLD = U32_MAX - 2 * CHUNK;

/** Up to CHUNK bytes of pieces that go to one worker in one message. */
interface Batch {
  input: Buffer;
  output: Buffer;
  used: number;
  /** Sum of the pieces' deflateBound: must fit in `output`. */
  bound: number;
  pieces: DeflatePiece[];
  /** Pieces not yet written: the batch holds its window slot until they are. */
  left: number;
  outputs: Promise<Buffer[]>;
  resolve: (outputs: Buffer[]) => void;
  reject: (error: unknown) => void;
}

type QueueItem =
  | { kind: 'begin'; record: CentralRecord }
  | { kind: 'chunk'; data: Promise<Buffer>; batch: Batch }
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
  /** Batch buffers back from the workers: reused, so steady state allocates nothing. */
  private readonly spare: Buffer[] = [];
  private readonly pool: Pick<DeflatePool, 'run' | 'close'>;
  /** The batch small entries are being added to, not yet sent. */
  private open: Batch | undefined;
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
    // Stryker disable next-line all: inline or pooled deflate write the same bytes (tested)
    this.pool =
      options.concurrency === 0
        ? new InlineDeflater(options.level)
        : new DeflatePool(options.concurrency, options.level);
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
    if (this.failure) throw this.failure;
    // Stryker disable next-line StringLiteral: Buffer.from's default encoding is utf8
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
    const sha = createHash('sha256');
    let crc = 0;
    const hash = (bytes: Buffer): void => {
      crc = crc32(bytes, crc);
      sha.update(bytes);
    };
    let total: number;
    try {
      this.push({ kind: 'begin', record });
      total =
        // Stryker disable next-line all: a SMALL-byte entry is one chunk either way: same bytes
        entry.size <= SMALL
          ? await this.addSmall(entry, fd, hash)
          : await this.addChunked(entry, fd, hash);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    if (total !== entry.size) {
      throw new BuildError(
        `${entry.path ?? entry.name} changed size while it was packed (${entry.size} bytes when ` +
          `staged, ${total} read).`,
        {
          input: 'build-command',
          fix:
            'make sure nothing writes to the staged files while the action packs them: wait for ' +
            'background processes the build command started (or stage a copy).',
          ...(entry.path ? { file: entry.path } : {}),
        },
      );
    }
    record.crc = crc;
    // Stryker disable next-line StringLiteral: the writer takes any kind but begin/chunk as end
    this.push({ kind: 'end', record });
    return { name: entry.name, size: total, sha256: sha.digest(), compressedSize: 0 };
  }

  /** Reads a small entry whole into the open batch; returns how many bytes it had. */
  private async addSmall(
    entry: ZipEntrySource,
    fd: number | undefined,
    hash: (bytes: Buffer) => void,
  ): Promise<number> {
    // One byte more than announced, to notice a file that grew.
    const want = entry.size + 1;
    let batch = this.open;
    // Stryker disable next-line all: where a batch ends changes the scheduling, not the bytes
    if (!batch || batch.used + want > CHUNK || batch.bound + deflateBound(want) > BUFFER) {
      if (batch) this.dispatch(batch);
      batch = await this.openBatch();
      this.open = batch;
    }
    const read = readInto(entry, fd, batch.input, batch.used, want, 0);
    // Stryker disable next-line ConditionalExpression: an empty piece of a stored entry is never written
    if (read === 0) return 0; // empty: stored, nothing to deflate
    const bytes = batch.input.subarray(batch.used, batch.used + read);
    hash(bytes);
    // Stryker disable next-line ConditionalExpression: a size change fails add() either way
    if (read === entry.size) {
      this.addPiece(batch, { offset: batch.used, length: read, last: true });
      batch.used += read;
    }
    return read;
  }

  /** Sends a big entry in CHUNK-sized pieces, one batch each; returns how many bytes it had. */
  private async addChunked(
    entry: ZipEntrySource,
    fd: number | undefined,
    hash: (bytes: Buffer) => void,
  ): Promise<number> {
    // Small entries before this one must not wait behind all of its chunks.
    // Stryker disable next-line ConditionalExpression: latency only: the batch is sent later anyway
    if (this.open) this.dispatch(this.open);
    let total = 0;
    let dictionary: Buffer | undefined;
    while (total < entry.size) {
      const batch = await this.openBatch();
      const read = readInto(entry, fd, batch.input, 0, Math.min(CHUNK, entry.size - total), total);
      if (read === 0) {
        this.dispatch(batch); // empty: gives its slot back
        return total; // shrank: add() reports it
      }
      total += read;
      const bytes = batch.input.subarray(0, read);
      hash(bytes);
      const last = total >= entry.size;
      this.addPiece(batch, {
        offset: 0,
        length: read,
        last,
        ...(dictionary ? { dictionary } : {}),
      });
      // A copy, taken before the buffer is transferred to a worker.
      // Stryker disable next-line ConditionalExpression,MethodExpression: zlib uses only the last 32 KiB of a longer dictionary, and none after the last chunk
      if (!last) dictionary = Buffer.from(bytes.subarray(Math.max(0, read - WINDOW)));
      this.dispatch(batch);
    }
    // One more byte means the file grew while it was read.
    return total + readInto(entry, fd, Buffer.alloc(1), 0, 1, total);
  }

  private async openBatch(): Promise<Batch> {
    await this.acquireSlot();
    let resolve: (outputs: Buffer[]) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const outputs = new Promise<Buffer[]>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // Awaited by the writer; if it stopped early, a failed batch must not be an unhandled rejection.
    outputs.catch(() => undefined);
    const input = this.takeBuffer();
    const output = this.takeBuffer();
    // Stryker disable next-line ArrayDeclaration: a stray first piece's output is never read (pieces index their outputs)
    return { input, output, used: 0, bound: 0, pieces: [], left: 0, outputs, resolve, reject };
  }

  /** Each buffer owns its memory (not node's shared pool), so that it can be transferred. */
  private takeBuffer(): Buffer {
    return this.spare.pop() ?? Buffer.allocUnsafeSlow(BUFFER);
  }

  private addPiece(batch: Batch, piece: DeflatePiece): void {
    const index = batch.pieces.length;
    batch.pieces.push(piece);
    // Stryker disable next-line AssignmentOperator: the bound only decides where a batch ends
    batch.bound += deflateBound(piece.length);
    batch.left += 1;
    const data = batch.outputs.then((outputs) => outputs[index]!);
    data.catch(() => undefined);
    this.push({ kind: 'chunk', data, batch });
  }

  /** Sends the batch to a worker; its buffer comes back with the result and is reused. */
  private dispatch(batch: Batch): void {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the open batch is replaced, or cleared by the next chunk's dispatch, before it is read again (only a slot wait in between, which timing decides, would re-send it)
    if (this.open === batch) this.open = undefined;
    // Stryker disable next-line ConditionalExpression,BlockStatement: only a shrunk file sends an empty batch, and its add() fails: the writer is done
    if (batch.pieces.length === 0) {
      this.spare.push(batch.input, batch.output);
      this.releaseSlot();
      return;
    }
    const transfer = (buffer: Buffer): ArrayBuffer => buffer.buffer as ArrayBuffer;
    this.pool.run(transfer(batch.input), transfer(batch.output), batch.pieces).then(
      (result) => {
        this.spare.push(Buffer.from(result.input));
        // The outputs are views of this buffer: it is reused once the writer has written them.
        batch.output = Buffer.from(result.output);
        batch.resolve(result.outputs);
      },
      (error: unknown) => batch.reject(error),
    );
  }

  /** Writes the central directory and closes the file; returns the archive's size. */
  async finish(): Promise<number> {
    this.closed = true;
    if (this.open) this.dispatch(this.open);
    this.wake?.();
    try {
      await this.writerDone;
      this.writeCentralDirectory();
      this.hashWritten();
      this.sha256Hex = this.digest.digest('hex');
    } finally {
      closeSync(this.fd);
      await this.pool.close();
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
    // Stryker disable next-line StringLiteral: the writer, maybe waiting for this unsent batch, swallows it
    this.open?.reject(new Error('ZipWriter aborted'));
    this.open = undefined;
    this.wake?.();
    await this.writerDone.catch(() => undefined);
    try {
      closeSync(this.fd);
    } catch {
      // already closed by finish()
    }
    await this.pool.close();
  }

  private async acquireSlot(): Promise<void> {
    // Stryker disable next-line all: the slots bound memory (batches in flight), not the bytes
    while (this.inFlight >= Math.max(1, this.options.concurrency) * 2) {
      if (this.failure) throw this.failure;
      // The writer may be waiting for the open batch: send it before waiting for the writer.
      if (this.open) this.dispatch(this.open);
      await new Promise<void>((resolve) => (this.slotFree = resolve));
    }
    if (this.failure) throw this.failure;
    // Stryker disable next-line AssignmentOperator: slot accounting, as above
    this.inFlight += 1;
  }

  private releaseSlot(): void {
    this.inFlight -= 1;
    const free = this.slotFree;
    this.slotFree = undefined;
    free?.();
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
        // Stryker disable next-line all: a stored (empty) entry never has a chunk
        if (current && current.method === 8) {
          this.write(data);
          current.compressedSize += data.length;
        }
        item.batch.left -= 1;
        if (item.batch.left === 0) {
          this.spare.push(item.batch.output);
          this.releaseSlot();
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
        // Stryker disable next-line all: when the digest catches up, not what it is
        if (this.offset - this.hashed >= HASH_BATCH) this.hashWritten();
      }
    }
  }

  /** Hashes what was written since the last call; every entry in that range is final. */
  private hashWritten(): void {
    const buffer = this.spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
    while (this.hashed < this.offset) {
      // Stryker disable next-line ArithmeticOperator: a longer ask reads only what is there
      const want = Math.min(CHUNK, this.offset - this.hashed);
      const read = readSync(this.fd, buffer, 0, want, this.hashed);
      // Stryker disable next-line all: defensive: only a file truncated by someone else is shorter
      if (read === 0) throw new Error('the archive is shorter than what was written to it');
      this.digest.update(buffer.subarray(0, read));
      this.hashed += read;
    }
    this.spare.push(buffer);
  }

  private write(buffer: Buffer): void {
    for (let written = 0; written < buffer.length;) {
      // Stryker disable next-line all: a regular file takes the whole rest in one call
      written += writeSync(this.fd, buffer, written, undefined, this.offset + written);
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
    for (const record of endRecords({ count, size, start, here: this.offset, needZip64 }))
      this.write(record);
  }
}
