import { open, type FileHandle } from 'node:fs/promises';

/** One record of a zip's central directory, with zip64 sizes and offsets resolved. */
export interface CentralEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  localHeaderOffset: number;
}

/**
 * Reads a zip's central directory from the tail of the file (zip64 included). The one reader of
 * zips made by someone else: the entry listing of a project-dir wheel and the METADATA read.
 */
export async function readCentralDirectory(
  file: FileHandle,
  path: string,
): Promise<CentralEntry[]> {
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
  const entries: CentralEntry[] = [];
  for (let at = 0, i = 0; i < count && at + 46 <= cd.length; i++) {
    if (cd.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: corrupt central directory`);
    const nameLength = cd.readUInt16LE(at + 28);
    const extraLength = cd.readUInt16LE(at + 30);
    const commentLength = cd.readUInt16LE(at + 32);
    const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
    // zip64 extra (0x0001): the 64-bit values of the fields set to 0xffffffff, in this order.
    const fields = [cd.readUInt32LE(at + 24), cd.readUInt32LE(at + 20), cd.readUInt32LE(at + 42)];
    const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
      if (extra.readUInt16LE(e) !== 0x0001) continue;
      let next = e + 4;
      for (let f = 0; f < fields.length && next + 8 <= extra.length; f++) {
        if (fields[f] !== 0xffffffff) continue;
        fields[f] = Number(extra.readBigUInt64LE(next));
        next += 8;
      }
    }
    entries.push({
      name,
      method: cd.readUInt16LE(at + 10),
      size: fields[0]!,
      compressedSize: fields[1]!,
      localHeaderOffset: fields[2]!,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Lists a zip's entries (name, uncompressed size) from its central directory, reading only the
 * tail of the file. For wheels built by someone else (`project-dir`): the summary shows them.
 */
export async function listZipEntries(path: string): Promise<{ path: string; size: number }[]> {
  const file = await open(path, 'r');
  try {
    return (await readCentralDirectory(file, path))
      .filter((entry) => !entry.name.endsWith('/'))
      .map((entry) => ({ path: entry.name, size: entry.size }));
  } finally {
    await file.close();
  }
}
