// The zip format's records (pure): local and central headers, zip64 extras, the end of the
// central directory, MS-DOS timestamps. zip-writer.ts decides what to write and writes it.

export const U32_MAX = 0xffffffff;

export interface CentralRecord {
  name: Buffer;
  utf8: boolean;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  mode: number;
  zip64: boolean;
}

export function localHeader(record: CentralRecord, dosDate: number, dosTime: number): Buffer {
  const extra = record.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (record.zip64) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(BigInt(record.size), 4);
    extra.writeBigUInt64LE(BigInt(record.compressedSize), 12);
  }
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(record.zip64 ? 45 : 20, 4);
  header.writeUInt16LE(record.utf8 ? 0x0800 : 0, 6);
  header.writeUInt16LE(record.method, 8);
  header.writeUInt16LE(dosTime, 10);
  header.writeUInt16LE(dosDate, 12);
  header.writeUInt32LE(record.crc >>> 0, 14);
  header.writeUInt32LE(record.zip64 ? U32_MAX : record.compressedSize, 18);
  header.writeUInt32LE(record.zip64 ? U32_MAX : record.size, 22);
  header.writeUInt16LE(record.name.length, 26);
  header.writeUInt16LE(extra.length, 28);
  return Buffer.concat([header, record.name, extra]);
}

export function centralHeader(record: CentralRecord, dosDate: number, dosTime: number): Buffer {
  const fields: bigint[] = [];
  const big = (value: number): boolean => record.zip64 || value >= U32_MAX;
  if (big(record.size)) fields.push(BigInt(record.size));
  if (big(record.compressedSize)) fields.push(BigInt(record.compressedSize));
  if (big(record.offset)) fields.push(BigInt(record.offset));
  const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
  if (fields.length) {
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * fields.length, 2);
    fields.forEach((value, i) => extra.writeBigUInt64LE(value, 4 + 8 * i));
  }
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0 (so the mode in external attrs counts)
  header.writeUInt16LE(fields.length ? 45 : 20, 6);
  header.writeUInt16LE(record.utf8 ? 0x0800 : 0, 8);
  header.writeUInt16LE(record.method, 10);
  header.writeUInt16LE(dosTime, 12);
  header.writeUInt16LE(dosDate, 14);
  header.writeUInt32LE(record.crc >>> 0, 16);
  header.writeUInt32LE(big(record.compressedSize) ? U32_MAX : record.compressedSize, 20);
  header.writeUInt32LE(big(record.size) ? U32_MAX : record.size, 24);
  header.writeUInt16LE(record.name.length, 28);
  header.writeUInt16LE(extra.length, 30);
  header.writeUInt32LE(((0o100000 | record.mode) << 16) >>> 0, 38);
  header.writeUInt32LE(big(record.offset) ? U32_MAX : record.offset, 42);
  return Buffer.concat([header, record.name, extra]);
}

/** MS-DOS date and time fields, read as UTC so the bytes do not depend on the machine's zone. */
export function dosDateTime(date: Date): [number, number] {
  const min = Date.UTC(1980, 0, 1);
  const max = Date.UTC(2107, 11, 31, 23, 59, 58);
  const d = new Date(Math.min(max, Math.max(min, date.getTime())));
  const dosDate =
    ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  return [dosDate, dosTime];
}

/** The end of the central directory: zip64 record and locator when needed, then the classic one. */
export function endRecords(where: {
  count: number;
  size: number;
  start: number;
  /** Where the records begin (the zip64 record's own offset). */
  here: number;
  needZip64: boolean;
}): Buffer[] {
  const { count, size, start, needZip64 } = where;
  const records: Buffer[] = [];
  if (needZip64) {
    const zip64Offset = where.here;
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(0x031e, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    records.push(record);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(zip64Offset), 8);
    locator.writeUInt32LE(1, 16);
    records.push(locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(needZip64 ? 0xffff : count, 8);
  end.writeUInt16LE(needZip64 ? 0xffff : count, 10);
  end.writeUInt32LE(needZip64 ? U32_MAX : size, 12);
  end.writeUInt32LE(needZip64 ? U32_MAX : start, 16);
  records.push(end);
  return records;
}
