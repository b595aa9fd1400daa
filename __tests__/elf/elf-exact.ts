/** Shared by the ELF reader's exact tests: run parser steps on a buffer, catch its errors. */
import { expect } from 'vitest';
import {
  ElfFormatError,
  parseElf,
  type ElfInfo,
  type ReadElfOptions,
} from '../../src/elf/reader.js';
import { ElfInput, Fields, type Elf, type ReadRequest } from '../../src/elf/elf-input.js';

/** Runs parser steps on `buf`, recording every read they ask for in `reads`. */
export function drive<T>(
  steps: Generator<ReadRequest, T, Buffer>,
  buf: Buffer,
  reads: ReadRequest[] = [],
): T {
  let next = steps.next();
  while (!next.done) {
    reads.push(next.value);
    next = steps.next(buf.subarray(next.value.offset, next.value.offset + next.value.length));
  }
  return next.value;
}

export function elfOf(buf: Buffer, cls: 32 | 64, endian: 'little' | 'big', name = 't.so'): Elf {
  return {
    input: new ElfInput(name, buf.length),
    f: new Fields(name, cls, endian === 'little'),
    endian,
  };
}

/** The ElfFormatError `run` throws: its whole message and its offset. */
export function formatError(run: () => unknown): { message: string; offset: number | undefined } {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ElfFormatError);
  const error = caught as ElfFormatError;
  return { message: error.message, offset: error.offset };
}

/** The message of a parse error of `bytes` named t.so: "t.so: not a valid ELF file: ...". */
export function parseError(bytes: Buffer, options: ReadElfOptions = {}): string {
  return formatError(() => parseElf(bytes, 't.so', options)).message;
}

export const hex = (n: number): string => `0x${n.toString(16)}`;

export function parse(bytes: Buffer, options: ReadElfOptions = {}): ElfInfo {
  return parseElf(bytes, 't.so', options);
}
