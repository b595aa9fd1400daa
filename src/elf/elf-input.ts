/**
 * The ELF reader's view of its input (pure): bounded reads asked of the caller as generator
 * steps, and the file's fields decoded in its byte order and class.
 */
import { ElfFormatError, type ElfClass, type ElfEndian } from './elf-format.js';

export interface ReadRequest {
  offset: number;
  length: number;
}

/** A step of the parser that may ask for byte ranges and ends with a `T`. */
export type Reads<T> = Generator<ReadRequest, T, Buffer>;

/** The file being parsed: its name for messages, its size for every bound. */
export class ElfInput {
  constructor(
    readonly file: string,
    readonly size: number,
  ) {}

  fail(problem: string, offset?: number): never {
    throw new ElfFormatError(this.file, problem, offset);
  }

  /** Yields a read after checking that the range lies inside the file. */
  *read(offset: number, length: number, what: string): Reads<Buffer> {
    const { size } = this;
    // An offset past the end fails the last test too (size - offset < 0 <= length).
    if (offset < 0 || length < 0 || length > size - offset) {
      this.fail(`${what} (${length} bytes) extends past the end of the ${size}-byte file`, offset);
    }
    return yield { offset, length };
  }
}

/** Reads little- or big-endian fields of the right width for the file's class. */
export class Fields {
  constructor(
    private readonly file: string,
    readonly cls: ElfClass,
    private readonly little: boolean,
  ) {}

  u16(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
  }

  u32(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
  }

  /** An address/offset-sized field (4 or 8 bytes); 64-bit values beyond 2^53 are rejected. */
  word(buf: Buffer, at: number, fileOffset: number): number {
    if (this.cls === 32) return this.u32(buf, at);
    const value = this.little ? buf.readBigUInt64LE(at) : buf.readBigUInt64BE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ElfFormatError(
        this.file,
        `value 0x${value.toString(16)} is out of range`,
        fileOffset,
      );
    }
    return Number(value);
  }

  /** A signed word (d_tag is signed); tags we care about are small and positive. */
  tag(buf: Buffer, at: number): number {
    if (this.cls === 32) return this.little ? buf.readInt32LE(at) : buf.readInt32BE(at);
    const value = this.little ? buf.readBigInt64LE(at) : buf.readBigInt64BE(at);
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : -1;
  }
}

/** What every step of the parser reads through: the input and its fields. */
export interface Elf {
  input: ElfInput;
  f: Fields;
  endian: ElfEndian;
}
