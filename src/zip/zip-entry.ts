import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { readCentralDirectory } from './zip-listing.js';

/**
 * Reads one entry of a zip (stored or deflated) by a predicate on its name, from the central
 * directory: for the wheel's `*.dist-info/METADATA`, served beside it as `<wheel>.metadata`.
 * Returns undefined when no entry matches; throws when more than one does, or the zip is corrupt.
 * Bounded: entries over `maxBytes` (default 16 MiB) are refused rather than inflated.
 */
export async function readZipEntry(
  path: string,
  match: (name: string) => boolean,
  maxBytes = 16 * 1024 * 1024,
): Promise<{ name: string; bytes: Buffer } | undefined> {
  const file = await open(path, 'r');
  try {
    const found = (await readCentralDirectory(file, path)).filter((entry) => match(entry.name));
    if (found.length === 0) return undefined;
    if (found.length > 1) {
      throw new Error(
        `${path} has several entries named like ${found.map((f) => f.name).join(', ')}`,
      );
    }
    const entry = found[0]!;
    if (entry.size > maxBytes || entry.compressedSize > maxBytes) {
      throw new Error(`${path}: ${entry.name} is larger than ${maxBytes} bytes`);
    }
    const header = Buffer.alloc(30);
    await file.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`${path}: corrupt local header`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressedSize);
    await file.read(data, 0, entry.compressedSize, start);
    let bytes: Buffer;
    if (entry.method === 0) bytes = data;
    else if (entry.method === 8) bytes = inflateRawSync(data, { maxOutputLength: maxBytes });
    else throw new Error(`${path}: ${entry.name} uses compression method ${entry.method}`);
    if (bytes.length !== entry.size) throw new Error(`${path}: ${entry.name} has the wrong size`);
    return { name: entry.name, bytes };
  } finally {
    await file.close();
  }
}

/** The wheel's `<name>-<version>.dist-info/METADATA`, the exact bytes (PEP 658). */
export function isTopLevelMetadata(name: string): boolean {
  return /^[^/]+\.dist-info\/METADATA$/.test(name);
}
