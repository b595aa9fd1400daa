import { open } from 'node:fs/promises';

/**
 * Lists a zip's entries (name, uncompressed size) from its central directory, reading only the
 * tail of the file. For wheels built by someone else (`project-dir`): the summary shows them.
 */
export async function listZipEntries(path: string): Promise<{ path: string; size: number }[]> {
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
      const recordOffset = Number(tail.readBigUInt64LE(locator + 8));
      const record = Buffer.alloc(56);
      await file.read(record, 0, 56, recordOffset);
      count = Number(record.readBigUInt64LE(32));
      cdSize = Number(record.readBigUInt64LE(40));
      cdOffset = Number(record.readBigUInt64LE(48));
    }
    const cd = Buffer.alloc(cdSize);
    await file.read(cd, 0, cdSize, cdOffset);
    const entries: { path: string; size: number }[] = [];
    for (let at = 0, i = 0; i < count && at + 46 <= cd.length; i++) {
      if (cd.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: corrupt central directory`);
      const nameLength = cd.readUInt16LE(at + 28);
      const extraLength = cd.readUInt16LE(at + 30);
      const commentLength = cd.readUInt16LE(at + 32);
      const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
      let entrySize = cd.readUInt32LE(at + 24);
      if (entrySize === 0xffffffff) {
        // zip64 extra: the uncompressed size comes first.
        const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
        for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
          if (extra.readUInt16LE(e) === 0x0001) entrySize = Number(extra.readBigUInt64LE(e + 4));
        }
      }
      if (!name.endsWith('/')) entries.push({ path: name, size: entrySize });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await file.close();
  }
}
