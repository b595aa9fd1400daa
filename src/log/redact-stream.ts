import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import type { Redactor } from './redact.js';

/** Where a redacting stream writes: process.stderr, or a buffer in tests. */
export interface TextSink {
  write(text: string): unknown;
}

/**
 * The output sink of the user's commands: a Writable that writes what it receives to `sink`
 * with every secret replaced. A secret cut in two by a chunk boundary is still caught: the end
 * of an unfinished line that could be the start of a secret is held back until the next chunk
 * (or `flush`). Secrets never span a line break (they are masked line by line), so whole lines
 * go out at once; progress bars (`\r`) count as line ends too.
 */
export class RedactingStream extends Writable {
  private pending = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(
    private readonly redactor: Redactor,
    private readonly sink: TextSink,
  ) {
    super({ decodeStrings: true });
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.push(this.decoder.write(chunk));
    callback();
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

  private push(text: string): void {
    const all = this.pending + text;
    const lastBreak = Math.max(all.lastIndexOf('\n'), all.lastIndexOf('\r'));
    const lines = lastBreak >= 0 ? all.slice(0, lastBreak + 1) : '';
    const partial = this.redactor.redact(all.slice(lastBreak + 1));
    const keep = this.redactor.unsafeTail(partial);
    const out = this.redactor.redact(lines) + partial.slice(0, partial.length - keep);
    this.pending = partial.slice(partial.length - keep);
    if (out) this.sink.write(out);
  }
}
