import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

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
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_557 + 20 + 56);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw new Error(`${path} is not a zip file (no end of central directory)`);
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
      const record = Buffer.alloc(56);
      await file.read(record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw new Error(`${path}: corrupt central directory`);
    const cd = Buffer.alloc(cdSize);
    await file.read(cd, 0, cdSize, cdOffset);
    const found: {
      name: string;
      method: number;
      compressed: number;
      length: number;
      at: number;
    }[] = [];
    for (let at = 0, i = 0; i < count && at + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: corrupt central directory`);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
      if (match(name)) {
        found.push({
          name,
          method: cd.readUInt16LE(at + 10),
          compressed: cd.readUInt32LE(at + 20),
          length: cd.readUInt32LE(at + 24),
          at: cd.readUInt32LE(at + 42),
        });
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    if (found.length === 0) return undefined;
    if (found.length > 1) {
      throw new Error(
        `${path} has several entries named like ${found.map((f) => f.name).join(', ')}`,
      );
    }
    const entry = found[0]!;
    if (entry.length > maxBytes || entry.compressed > maxBytes) {
      throw new Error(`${path}: ${entry.name} is larger than ${maxBytes} bytes`);
    }
    const header = Buffer.alloc(30);
    await file.read(header, 0, 30, entry.at);
    if (header.readUInt32LE(0) !== 0x04034b50) throw new Error(`${path}: corrupt local header`);
    const start = entry.at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const data = Buffer.alloc(entry.compressed);
    await file.read(data, 0, entry.compressed, start);
    let bytes: Buffer;
    if (entry.method === 0) bytes = data;
    else if (entry.method === 8) bytes = inflateRawSync(data, { maxOutputLength: maxBytes });
    else throw new Error(`${path}: ${entry.name} uses compression method ${entry.method}`);
    if (bytes.length !== entry.length) throw new Error(`${path}: ${entry.name} has the wrong size`);
    return { name: entry.name, bytes };
  } finally {
    await file.close();
  }
}

/** The wheel's `<name>-<version>.dist-info/METADATA`, the exact bytes (PEP 658). */
export function isTopLevelMetadata(name: string): boolean {
  return /^[^/]+\.dist-info\/METADATA$/.test(name);
}
