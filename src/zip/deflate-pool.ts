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
import type { DeflateJob, DeflatePiece, DeflateReply } from './deflate-protocol.js';
import { deflateWorkerProgram } from './deflate-worker.js';

export type { DeflatePiece };

let workerProgram: string | undefined;

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
      const job: DeflateJob = { id, level: this.level, input, output, pieces };
      slot.worker.postMessage(job, [input, output]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    // A worker allocates little JS: a small young generation keeps V8 from growing it (several
    // MiB of RSS per thread) under the steady stream of messages.
    workerProgram ??= deflateWorkerProgram();
    const resourceLimits = { maxYoungGenerationSizeMb: 2 };
    const worker = new Worker(workerProgram, { eval: true, resourceLimits });
    const slot: Slot = { worker, pending: new Map() };
    // Idle workers must not keep the process alive; busy ones must (their reply is awaited).
    worker.unref();
    worker.on('message', (reply: DeflateReply) => {
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
