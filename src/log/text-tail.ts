/**
 * The last `count` lines of a command's output, for an error's details: trailing blanks and
 * leading empty lines dropped, `\r\n` read as a line end, at most MAX_TAIL_CHARS of it. Pure;
 * '' when nothing is left.
 */
export function lastLines(text: string, count: number): string {
  // A command may print one endless line: only the end of the text is split.
  const end = text.slice(-MAX_TAIL_CHARS * 2);
  const tail = end.trimEnd().split(/\r?\n/).slice(-count);
  while (tail.length > 0 && tail[0]!.trim() === '') tail.shift();
  const joined = tail.join('\n');
  // An annotation and a summary hold a few KiB of it, not a megabyte line.
  return joined.length > MAX_TAIL_CHARS ? `...${joined.slice(-MAX_TAIL_CHARS)}` : joined;
}

/** The most an error's details keep of a command's output (characters). */
export const MAX_TAIL_CHARS = 8192;

/**
 * The last `limit` bytes of a stream of chunks (a command's output): memory stays bounded however
 * much the command prints, and what was left out is counted. Pure.
 */
export class ByteTail {
  private chunks: Buffer[] = [];
  private held = 0;
  /** Bytes in memory: under `limit` plus the newest chunk, however much was pushed. */
  get heldBytes(): number {
    return this.held;
  }
  /** Bytes seen in all. */
  total = 0;

  constructor(readonly limit: number) {}

  push(chunk: Buffer): void {
    this.total += chunk.length;
    this.chunks.push(chunk);
    this.held += chunk.length;
    // Drop whole chunks from the front while the rest still holds `limit` bytes.
    while (this.chunks.length > 1 && this.held - this.chunks[0]!.length >= this.limit) {
      this.held -= this.chunks.shift()!.length;
    }
  }

  /**
   * The text kept: all of it when nothing was left out; else a line saying how much was, then
   * the tail from its first whole line on (no half line, no cut UTF-8 character).
   */
  text(): string {
    const all = Buffer.concat(this.chunks);
    if (this.total <= this.limit) return all.toString('utf8');
    const end = all.subarray(all.length - this.limit);
    // From the first whole line on (indexOf gives -1 when there is no line end: all of it).
    const tail = end.subarray(end.indexOf(0x0a) + 1);
    return `[... ${this.total - tail.length} bytes of earlier output left out ...]\n${tail.toString('utf8')}`;
  }
}
