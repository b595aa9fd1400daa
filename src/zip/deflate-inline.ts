/**
 * Raw deflate in this thread, for small wheels: starting worker threads (tens of milliseconds
 * each) costs more than deflating a few hundred KiB. Same contract and same zlib calls as a
 * deflate worker (deflate-pool.ts), so the bytes are the same whichever path packs a wheel.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { deflateBound, type DeflatePiece, type DeflateResult } from './deflate-pool.js';

/**
 * Payloads up to this many bytes are deflated inline: at level 4 that is ~30 ms of zlib on one
 * core, less than starting the workers.
 */
export const INLINE_DEFLATE_MAX_BYTES = 2 * 1024 * 1024;

/** Deflate worker threads for a payload of `bytes` (0: inline); `requested` overrides (pure). */
export function deflateThreads(
  bytes: number,
  requested: number | undefined,
  cores: number,
): number {
  if (requested !== undefined) return requested;
  return bytes <= INLINE_DEFLATE_MAX_BYTES ? 0 : cores;
}

/** The deflate pool's interface, run in the calling thread. */
export class InlineDeflater {
  constructor(private readonly level: number) {}

  run(
    input: ArrayBuffer,
    output: ArrayBuffer,
    pieces: readonly DeflatePiece[],
  ): Promise<DeflateResult> {
    try {
      const from = Buffer.from(input);
      const to = Buffer.from(output);
      let at = 0;
      const outputs = pieces.map((piece) => {
        const bytes = from.subarray(piece.offset, piece.offset + piece.length);
        const deflated = deflateRawSync(bytes, {
          level: this.level,
          finishFlush: piece.last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
          ...(piece.dictionary ? { dictionary: piece.dictionary } : {}),
        });
        if (deflated.length > deflateBound(piece.length) || at + deflated.length > to.length) {
          throw new Error('deflate output exceeded its bound');
        }
        deflated.copy(to, at);
        const view = to.subarray(at, at + deflated.length);
        at += deflated.length;
        return view;
      });
      return Promise.resolve({ outputs, input, output });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
