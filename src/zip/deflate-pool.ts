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
import {
  CLOSE,
  type DeflateJob,
  type DeflatePiece,
  type DeflateReply,
} from './deflate-protocol.js';
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
  /** Resolves once the thread has exited (for whatever reason). */
  exited: Promise<void>;
}

export class DeflatePool {
  private readonly slots: Slot[];
  private nextId = 0;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;

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
    if (this.closing) return Promise.reject(new Error('DeflatePool.run after close'));
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

  /**
   * Ends every worker after the jobs it already has: a close message queued behind them, after
   * which the thread's loop empties and it exits by itself. Not terminate(): stopping a thread
   * inside zlib aborts node ("close before init"), and awaiting the exit of an unref'd worker let
   * node end the run with that await unsettled (exit code 13). Each worker is ref'd until it is
   * gone. Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.closing ??= Promise.all(
      this.slots.map((slot) => {
        slot.worker.ref();
        slot.worker.postMessage(CLOSE);
        return slot.exited;
      }),
    ).then(() => undefined);
    return this.closing;
  }

  private spawn(): Slot {
    // A worker allocates little JS: a small young generation keeps V8 from growing it (several
    // MiB of RSS per thread) under the steady stream of messages.
    workerProgram ??= deflateWorkerProgram();
    const resourceLimits = { maxYoungGenerationSizeMb: 2 };
    const worker = new Worker(workerProgram, { eval: true, resourceLimits });
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const slot: Slot = { worker, pending: new Map(), exited };
    // Idle workers must not keep the process alive; busy ones must (their reply is awaited).
    worker.unref();
    worker.on('message', (reply: DeflateReply) => {
      const job = slot.pending.get(reply.id);
      if (!job) return;
      slot.pending.delete(reply.id);
      // Closing: it stays ref'd until its exit, or node may end the run before that (exit 13).
      if (slot.pending.size === 0 && !this.closing) worker.unref();
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
