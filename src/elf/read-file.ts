// The ELF reader's file side: reads only the ranges the pure parser (reader.ts) asks for.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { ElfFormatError, elfSteps, isElf, type ElfInfo, type ReadElfOptions } from './reader.js';

/** Reads the ELF facts of a file, reading only its headers, dynamic section and strings. */
export async function readElf(path: string, options: ReadElfOptions = {}): Promise<ElfInfo> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const steps = elfSteps(path, size, options);
    let next = steps.next();
    while (!next.done) {
      const { offset, length } = next.value;
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      if (bytesRead !== length)
        throw new ElfFormatError(path, 'file changed while being read', offset);
      next = steps.next(buffer);
    }
    return next.value;
  } finally {
    await handle.close();
  }
}

/** Reads the first bytes of a file and tells whether it is an ELF file (by magic, not by name). */
export async function fileIsElf(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && isElf(head);
  } finally {
    await handle.close();
  }
}

/**
 * Reads the ELF facts of a file, or undefined when it does not start with the ELF magic: one open
 * for both questions, synchronous (a package scan reads thousands of files, and a round trip
 * through the thread pool per read costs more than the read itself).
 */
export function readElfIfAny(path: string, options: ReadElfOptions = {}): ElfInfo | undefined {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    if (readSync(fd, head, 0, 4, 0) !== 4 || !isElf(head)) return undefined;
    const steps = elfSteps(path, fstatSync(fd).size, options);
    let next = steps.next();
    while (!next.done) {
      const { offset, length } = next.value;
      const buffer = Buffer.alloc(length);
      if (readSync(fd, buffer, 0, length, offset) !== length)
        throw new ElfFormatError(path, 'file changed while being read', offset);
      next = steps.next(buffer);
    }
    return next.value;
  } finally {
    closeSync(fd);
  }
}
