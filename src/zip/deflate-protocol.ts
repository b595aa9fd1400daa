// The messages between DeflatePool and its workers.

export interface DeflatePiece {
  /** Where the piece's bytes are in the batch's buffer. */
  offset: number;
  length: number;
  /** The previous 32 KiB of the same entry, when the piece continues one. */
  dictionary?: Uint8Array;
  /** Ends the entry's deflate stream (Z_FINISH); otherwise it ends on a sync flush. */
  last: boolean;
}

/** One batch, sent to a worker with `input` and `output` transferred. */
export interface DeflateJob {
  id: number;
  level: number;
  input: ArrayBuffer;
  output: ArrayBuffer;
  pieces: readonly DeflatePiece[];
}

/** A worker's answer: the deflated lengths and the buffers handed back, or an error. */
export interface DeflateReply {
  id: number;
  lengths?: number[];
  input?: ArrayBuffer;
  output?: ArrayBuffer;
  error?: string;
}

/** The last message a worker gets: it closes its port and its thread ends by itself. */
export const CLOSE = 'close';
