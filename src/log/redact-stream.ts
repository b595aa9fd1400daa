import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import type { Redactor } from './redact.js';

/**
 * Where a redacting stream writes: process.stderr, or a buffer in tests. A sink that returns
 * false from `write` and emits 'drain' (a stream) slows the stream down to its pace.
 */
export interface TextSink {
  write(text: string): unknown;
  once?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  removeListener?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
}

/** Held by the stream before `write` returns false: a few pipe reads. */
const HIGH_WATER_MARK = 1 << 20;

/**
 * The output sink of the user's commands: a Writable that writes what it receives to `sink`
 * with every secret replaced. A secret cut in two by a chunk boundary is still caught: the end
 * of an unfinished line that could be the start of a secret is held back until the next chunk
 * (or `flush`). Secrets never span a line break (they are masked line by line), so all but such a
 * tail goes out at once, progress bars (`\r`) included.
 */
export class RedactingStream extends Writable {
  private pending = '';
  // UTF-8 (the default): a character cut by a chunk boundary waits for its other bytes.
  private readonly decoder = new StringDecoder();

  constructor(
    private readonly redactor: Redactor,
    private readonly sink: TextSink,
  ) {
    // Strings written to it arrive as Buffers (Writable's default), decoded as UTF-8 here.
    super({ highWaterMark: HIGH_WATER_MARK });
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    // A log read slower than a command prints (a busy runner) must not fill this process's
    // memory: the next chunk waits until the sink took this one (the executor pauses the pipe).
    if (this.push(this.decoder.write(chunk)) || !this.sink.once) {
      callback();
      return;
    }
    const done = (): void => {
      for (const event of ['drain', 'close', 'error'] as const) {
        this.sink.removeListener?.(event, done);
      }
      callback();
    };
    for (const event of ['drain', 'close', 'error'] as const) this.sink.once(event, done);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.flush();
    callback();
  }

  /** The stream itself: a RedactingStream is an OutputSink of the executors. */
  get stream(): Writable {
    return this;
  }

  /** Writes out what is held back (call when the command ended). */
  flush(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest) this.sink.write(this.redactor.redact(rest));
  }

  /** Writes out what is safe to; false when the sink asked to wait ('drain'). */
  private push(text: string): boolean {
    // No secret spans a line break, so redacting the whole text equals redacting it line by
    // line, and the unsafe tail never reaches back over a break.
    const redacted = this.redactor.redact(this.pending + text);
    const cut = redacted.length - this.redactor.unsafeTail(redacted);
    this.pending = redacted.slice(cut);
    const out = redacted.slice(0, cut);
    return out ? this.sink.write(out) !== false : true;
  }
}
