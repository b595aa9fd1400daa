/**
 * Raw deflate on worker threads, a batch of pieces per message.
 *
 * Why not zlib's async API on libuv's pool: every call there is its own stream object and its own
 * round trip through the main thread, which for a package of thousands of small files costs about
 * as much CPU as deflating them; and that pool has 4 threads whatever the machine. Here a batch
 * (1 MiB of small files, or one chunk of a big one) is one message each way, and its input and
 * output buffers are transferred, not copied, and come back with the result to be reused.
 */
import { Worker } from 'node:worker_threads';

export interface DeflatePiece {
  /** Where the piece's bytes are in the batch's buffer. */
  offset: number;
  length: number;
  /** The previous 32 KiB of the same entry, when the piece continues one. */
  dictionary?: Uint8Array;
  /** Ends the entry's deflate stream (Z_FINISH); otherwise it ends on a sync flush. */
  last: boolean;
}

export interface DeflateResult {
  /** One raw deflate stream (or stream part) per piece, in order: views of `output`. */
  outputs: Buffer[];
  /** The batch's buffers, handed back: `input` at once, `output` once the views are used. */
  input: ArrayBuffer;
  output: ArrayBuffer;
}

/** Room a piece may need in the output: zlib's bound for stored blocks, rounded up. */
export function deflateBound(length: number): number {
  return length + (length >> 12) + (length >> 14) + 64;
}

// CommonJS, evaluated by the worker: no file to ship next to the bundle. Each piece is deflated
// straight into the batch's output buffer through the stream's native handle (what zlib's own
// deflateRawSync does inside), so that a worker allocates nothing per piece: garbage buffers
// would otherwise pile up to tens of MiB per thread before V8 collects them. Should a node
// version lack that handle, the public API does the same with one copy more.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;

function deflateInto(input, piece, level, output, at) {
  const flush = piece.last ? Z_FINISH : Z_SYNC_FLUSH;
  const dictionary = piece.dictionary ? { dictionary: piece.dictionary } : {};
  const room = output.length - at;
  const engine = new zlib.DeflateRaw({ level, chunkSize: 64, ...dictionary });
  engine.on('error', () => undefined);
  try {
    const handle = engine._handle;
    if (handle && typeof handle.writeSync === 'function' && engine._writeState) {
      handle.writeSync(flush, input, 0, input.length, output, at, room);
      const availOut = engine._writeState[0];
      const availIn = engine._writeState[1];
      if (engine.destroyed) throw new Error('zlib failed');
      if (availIn !== 0 || availOut === 0) throw new Error('deflate output exceeded its bound');
      return room - availOut;
    }
    const out = zlib.deflateRawSync(input, { level, finishFlush: flush, ...dictionary });
    if (out.length >= room) throw new Error('deflate output exceeded its bound');
    return out.copy(output, at);
  } finally {
    engine.close();
  }
}

parentPort.on('message', (job) => {
  try {
    const input = Buffer.from(job.input);
    const output = Buffer.from(job.output);
    let at = 0;
    const lengths = job.pieces.map((piece) => {
      const bytes = input.subarray(piece.offset, piece.offset + piece.length);
      const length = deflateInto(bytes, piece, job.level, output, at);
      at += length;
      return length;
    });
    parentPort.postMessage(
      { id: job.id, lengths, input: job.input, output: job.output },
      [job.input, job.output],
    );
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String((error && error.stack) || error) });
  }
});
`;

interface Reply {
  id: number;
  lengths?: number[];
  input?: ArrayBuffer;
  output?: ArrayBuffer;
  error?: string;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: DeflateResult) => void; reject: (e: Error) => void }>;
}

export class DeflatePool {
  private readonly slots: Slot[];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(
    size: number,
    private readonly level: number,
  ) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => this.spawn());
  }

  /**
   * Deflates each piece of `input` into `output` (which must have room for the pieces'
   * deflateBound). Both are transferred to a worker: neither may be used until the result hands
   * them back.
   */
  run(
    input: ArrayBuffer,
    output: ArrayBuffer,
    pieces: readonly DeflatePiece[],
  ): Promise<DeflateResult> {
    if (this.failure) return Promise.reject(this.failure);
    // The least busy worker; ties go to the first, so the choice depends only on the history.
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      if (slot.pending.size === 1) slot.worker.ref();
      slot.worker.postMessage({ id, level: this.level, input, output, pieces }, [input, output]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    // A worker allocates little JS: a small young generation keeps V8 from growing it (several
    // MiB of RSS per thread) under the steady stream of messages.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
    });
    const slot: Slot = { worker, pending: new Map() };
    // Idle workers must not keep the process alive; busy ones must (their reply is awaited).
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = slot.pending.get(reply.id);
      if (!job) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if (reply.error !== undefined || !reply.lengths || !reply.input || !reply.output) {
        job.reject(new Error(`deflate failed: ${reply.error ?? 'no output'}`));
        return;
      }
      const output = Buffer.from(reply.output);
      let at = 0;
      const outputs = reply.lengths.map((length) => output.subarray(at, (at += length)));
      job.resolve({ outputs, input: reply.input, output: reply.output });
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      for (const job of slot.pending.values()) job.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (slot.pending.size > 0) fail(new Error(`a deflate worker exited (code ${code})`));
    });
    return slot;
  }
}
