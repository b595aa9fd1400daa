/**
 * The deflate worker: the code of a DeflatePool thread (deflate-pool.ts). It is one self-contained
 * function, deflateThread, that the pool starts in a worker as source text (deflateWorkerProgram):
 * the same code runs from the bundle and from the sources, with no file to find beside a bundle
 * and no compiler at run time. So deflateThread uses nothing but its parameter and JavaScript's
 * globals; its only imports are types (CLOSE is written into the program's text, not imported).
 *
 * Each piece is deflated straight into the batch's output buffer through the stream's native
 * handle (what zlib's own deflateRawSync does inside), so that a worker allocates nothing per
 * piece: garbage buffers would otherwise pile up to tens of MiB per thread before V8 collects
 * them. That is the one use of Node internals, isolated in `nativeDeflateWriter`; should a Node
 * version lack them, the public API does the same with one copy more, and
 * __tests__/zip/deflate-worker.test.ts fails loudly so that the loss is seen.
 */
import type * as Zlib from 'node:zlib';
import {
  CLOSE,
  type DeflateJob,
  type DeflateReply,
  type DeflatePiece,
} from './deflate-protocol.js';

/** One synchronous deflate call into `output` at `at`; returns [availOut, availIn] afterwards. */
export type NativeWrite = (
  flush: number,
  input: Uint8Array,
  output: Uint8Array,
  at: number,
  room: number,
) => [availOut: number, availIn: number];

/** The private parts of a zlib stream that deflateRawSync itself uses. */
interface ZlibInternals {
  _handle?: {
    writeSync?: (
      flush: number,
      input: Uint8Array,
      inOff: number,
      inLen: number,
      output: Uint8Array,
      outOff: number,
      outLen: number,
    ) => void;
  };
  _writeState?: Uint32Array;
}

export interface DeflateThread {
  nativeDeflateWriter(engine: Zlib.DeflateRaw): NativeWrite | undefined;
  deflateInto(
    input: Buffer,
    piece: DeflatePiece,
    level: number,
    output: Buffer,
    at: number,
  ): number;
  runJob(job: DeflateJob): DeflateReply;
}

/** The worker's functions, given node:zlib. Self-contained: see the header. */
export function deflateThread(zlib: typeof Zlib): DeflateThread {
  const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;

  /**
   * The stream's native synchronous write, or undefined when this Node has no such internals.
   * The only place that touches `_handle` and `_writeState`.
   */
  function nativeDeflateWriter(engine: Zlib.DeflateRaw): NativeWrite | undefined {
    const internals = engine as unknown as ZlibInternals;
    const handle = internals._handle;
    const state = internals._writeState;
    const writeSync = handle?.writeSync;
    if (!handle || typeof writeSync !== 'function' || !(state instanceof Uint32Array)) {
      return undefined;
    }
    return (flush, input, output, at, room) => {
      writeSync.call(handle, flush, input, 0, input.length, output, at, room);
      return [state[0]!, state[1]!];
    };
  }
  /** Deflates one piece into `output` at `at`; returns the number of bytes written. */
  function deflateInto(
    input: Buffer,
    piece: DeflatePiece,
    level: number,
    output: Buffer,
    at: number,
  ): number {
    const flush = piece.last ? Z_FINISH : Z_SYNC_FLUSH;
    const dictionary = piece.dictionary ? { dictionary: piece.dictionary } : {};
    const room = output.length - at;
    const engine = new zlib.DeflateRaw({ level, chunkSize: 64, ...dictionary });
    engine.on('error', () => undefined);
    try {
      const write = nativeDeflateWriter(engine);
      if (write) {
        const [availOut, availIn] = write(flush, input, output, at, room);
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
  /** Runs one batch: every piece of `job.input` deflated into `job.output`, in order. */
  function runJob(job: DeflateJob): DeflateReply {
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
      return { id: job.id, lengths, input: job.input, output: job.output };
    } catch (error) {
      return { id: job.id, error: String((error instanceof Error && error.stack) || error) };
    }
  }

  return { nativeDeflateWriter, deflateInto, runJob };
}

/** The program a deflate worker runs (CommonJS, as `new Worker(code, { eval: true })` runs it). */
export function deflateWorkerProgram(): string {
  return [
    "const { parentPort } = require('node:worker_threads');",
    `const { runJob } = (${deflateThread.toString()})(require('node:zlib'));`,
    'parentPort.on("message", (job) => {',
    `  if (job === ${JSON.stringify(CLOSE)}) return parentPort.close();`,
    '  const reply = runJob(job);',
    '  parentPort.postMessage(reply, reply.lengths ? [job.input, job.output] : []);',
    '});',
  ].join('\n');
}
