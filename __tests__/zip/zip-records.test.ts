// The zip records field by field (APPNOTE 4.3.7, 4.3.12, 4.3.14-16, 4.5.3): light and exact, so
// that `npm run mutation` can run them for every mutant of zip-records.ts.
import { describe, expect, it } from 'vitest';
import {
  centralHeader,
  dosDateTime,
  endRecords,
  localHeader,
  U32_MAX,
  type CentralRecord,
} from '../../src/zip/zip-records.js';

const record = (over: Partial<CentralRecord> = {}): CentralRecord => ({
  name: Buffer.from('pkg/mod.py'),
  utf8: false,
  method: 8,
  crc: 0x12345678,
  compressedSize: 1000,
  size: 4000,
  offset: 777,
  mode: 0o644,
  zip64: false,
  ...over,
});

describe('localHeader', () => {
  it('writes every field of a classic header, then the name, and no extra', () => {
    const out = localHeader(record(), 0x5123, 0x6a4b);
    expect(out.length).toBe(30 + 10);
    expect(out.readUInt32LE(0)).toBe(0x04034b50);
    expect(out.readUInt16LE(4)).toBe(20);
    expect(out.readUInt16LE(6)).toBe(0);
    expect(out.readUInt16LE(8)).toBe(8);
    expect(out.readUInt16LE(10)).toBe(0x6a4b);
    expect(out.readUInt16LE(12)).toBe(0x5123);
    expect(out.readUInt32LE(14)).toBe(0x12345678);
    expect(out.readUInt32LE(18)).toBe(1000);
    expect(out.readUInt32LE(22)).toBe(4000);
    expect(out.readUInt16LE(26)).toBe(10);
    expect(out.readUInt16LE(28)).toBe(0);
    expect(out.subarray(30).toString()).toBe('pkg/mod.py');
  });

  it('sets the UTF-8 flag, stores a negative CRC as unsigned and a stored method as 0', () => {
    const out = localHeader(record({ utf8: true, crc: -1, method: 0 }), 0, 0);
    expect(out.readUInt16LE(6)).toBe(0x0800);
    expect(out.readUInt32LE(14)).toBe(0xffffffff);
    expect(out.readUInt16LE(8)).toBe(0);
  });

  it('writes a zip64 header: version 45, sizes 0xffffffff and both 64-bit sizes in the extra', () => {
    const out = localHeader(
      record({ zip64: true, size: 2 ** 33 + 5, compressedSize: 2 ** 32 }),
      1,
      2,
    );
    expect(out.length).toBe(30 + 10 + 20);
    expect(out.readUInt16LE(4)).toBe(45);
    expect(out.readUInt32LE(18)).toBe(U32_MAX);
    expect(out.readUInt32LE(22)).toBe(U32_MAX);
    expect(out.readUInt16LE(28)).toBe(20);
    const extra = out.subarray(40);
    expect(extra.readUInt16LE(0)).toBe(1);
    expect(extra.readUInt16LE(2)).toBe(16);
    expect(extra.readBigUInt64LE(4)).toBe(2n ** 33n + 5n);
    expect(extra.readBigUInt64LE(12)).toBe(2n ** 32n);
  });
});

describe('centralHeader', () => {
  it('writes every field of a classic record, Unix-made with the mode in the external attributes', () => {
    const out = centralHeader(record({ utf8: true, mode: 0o755 }), 0x5123, 0x6a4b);
    expect(out.length).toBe(46 + 10);
    expect(out.readUInt32LE(0)).toBe(0x02014b50);
    expect(out.readUInt16LE(4)).toBe(0x0314);
    expect(out.readUInt16LE(6)).toBe(20);
    expect(out.readUInt16LE(8)).toBe(0x0800);
    expect(out.readUInt16LE(10)).toBe(8);
    expect(out.readUInt16LE(12)).toBe(0x6a4b);
    expect(out.readUInt16LE(14)).toBe(0x5123);
    expect(out.readUInt32LE(16)).toBe(0x12345678);
    expect(out.readUInt32LE(20)).toBe(1000);
    expect(out.readUInt32LE(24)).toBe(4000);
    expect(out.readUInt16LE(28)).toBe(10);
    expect(out.readUInt16LE(30)).toBe(0);
    expect(out.readUInt16LE(32)).toBe(0);
    expect(out.readUInt32LE(38)).toBe(0o100755 * 65536);
    expect(out.readUInt32LE(42)).toBe(777);
    expect(out.subarray(46).toString()).toBe('pkg/mod.py');
  });

  it('has no UTF-8 flag for an ASCII name and an unsigned CRC', () => {
    const out = centralHeader(record({ crc: -2 }), 0, 0);
    expect(out.readUInt16LE(8)).toBe(0);
    expect(out.readUInt32LE(16)).toBe(0xfffffffe);
  });

  it('puts all three 64-bit values in the extra of a zip64 record, in APPNOTE order', () => {
    const out = centralHeader(
      record({ zip64: true, size: 11, compressedSize: 22, offset: 33 }),
      0,
      0,
    );
    expect(out.readUInt16LE(6)).toBe(45);
    expect(out.readUInt32LE(20)).toBe(U32_MAX);
    expect(out.readUInt32LE(24)).toBe(U32_MAX);
    expect(out.readUInt32LE(42)).toBe(U32_MAX);
    expect(out.readUInt16LE(30)).toBe(28);
    const extra = out.subarray(56);
    expect(extra.length).toBe(28);
    expect(extra.readUInt16LE(0)).toBe(1);
    expect(extra.readUInt16LE(2)).toBe(24);
    expect([4, 12, 20].map((at) => extra.readBigUInt64LE(at))).toEqual([11n, 22n, 33n]);
  });

  it('moves only an offset at or past 4 GiB into the extra', () => {
    const out = centralHeader(record({ offset: U32_MAX }), 0, 0);
    expect(out.readUInt16LE(6)).toBe(45);
    expect(out.readUInt32LE(20)).toBe(1000);
    expect(out.readUInt32LE(24)).toBe(4000);
    expect(out.readUInt32LE(42)).toBe(U32_MAX);
    expect(out.readUInt16LE(30)).toBe(12);
    expect(out.readUInt16LE(56)).toBe(1);
    expect(out.readUInt16LE(58)).toBe(8);
    expect(out.readBigUInt64LE(60)).toBe(BigInt(U32_MAX));
    const below = centralHeader(record({ offset: U32_MAX - 1 }), 0, 0);
    expect(below.length).toBe(56);
    expect(below.readUInt16LE(6)).toBe(20);
    expect(below.readUInt32LE(42)).toBe(U32_MAX - 1);
  });

  it('moves only sizes at or past 4 GiB into the extra, size before compressed size', () => {
    const both = centralHeader(record({ size: 2 ** 32 + 1, compressedSize: U32_MAX }), 0, 0);
    expect(both.readUInt32LE(20)).toBe(U32_MAX);
    expect(both.readUInt32LE(24)).toBe(U32_MAX);
    expect(both.readUInt32LE(42)).toBe(777);
    expect(both.readUInt16LE(30)).toBe(20);
    expect(both.readBigUInt64LE(60)).toBe(2n ** 32n + 1n);
    expect(both.readBigUInt64LE(68)).toBe(BigInt(U32_MAX));
    const compressed = centralHeader(record({ compressedSize: 2 ** 32 }), 0, 0);
    expect(compressed.readUInt32LE(20)).toBe(U32_MAX);
    expect(compressed.readUInt32LE(24)).toBe(4000);
    expect(compressed.readUInt16LE(30)).toBe(12);
    expect(compressed.readBigUInt64LE(60)).toBe(2n ** 32n);
  });
});

describe('dosDateTime', () => {
  it('packs a UTC date and time, seconds halved', () => {
    const [date, time] = dosDateTime(new Date(Date.UTC(2020, 1, 3, 4, 5, 7)));
    expect(date).toBe(((2020 - 1980) << 9) | (2 << 5) | 3);
    expect(time).toBe((4 << 11) | (5 << 5) | 3);
  });

  it('clamps to the first and last moments MS-DOS can hold', () => {
    expect(dosDateTime(new Date(0))).toEqual([(1 << 5) | 1, 0]);
    expect(dosDateTime(new Date(Date.UTC(1980, 0, 1)))).toEqual([(1 << 5) | 1, 0]);
    expect(dosDateTime(new Date(Date.UTC(1980, 0, 1, 0, 0, 2)))).toEqual([(1 << 5) | 1, 1]);
    const last = [(127 << 9) | (12 << 5) | 31, (23 << 11) | (59 << 5) | 29];
    expect(dosDateTime(new Date(Date.UTC(2300, 5, 5)))).toEqual(last);
    expect(dosDateTime(new Date(Date.UTC(2107, 11, 31, 23, 59, 58)))).toEqual(last);
    expect(dosDateTime(new Date(Date.UTC(2107, 11, 31, 23, 59, 56)))).toEqual([
      last[0],
      last[1]! - 1,
    ]);
  });
});

describe('endRecords', () => {
  it('writes only the classic end record when nothing needs zip64', () => {
    const records = endRecords({ count: 3, size: 150, start: 4000, here: 4150, needZip64: false });
    expect(records.length).toBe(1);
    const end = records[0]!;
    expect(end.length).toBe(22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(4)).toBe(0);
    expect(end.readUInt16LE(6)).toBe(0);
    expect(end.readUInt16LE(8)).toBe(3);
    expect(end.readUInt16LE(10)).toBe(3);
    expect(end.readUInt32LE(12)).toBe(150);
    expect(end.readUInt32LE(16)).toBe(4000);
    expect(end.readUInt16LE(20)).toBe(0);
  });

  it('writes the zip64 record, its locator, then a classic record of 0xff.. placeholders', () => {
    const records = endRecords({
      count: 70_000,
      size: 2 ** 32 + 3,
      start: 2 ** 33,
      here: 2 ** 33 + 2 ** 32 + 3,
      needZip64: true,
    });
    expect(records.map((r) => r.length)).toEqual([56, 20, 22]);
    const [zip64, locator, end] = records as [Buffer, Buffer, Buffer];
    expect(zip64.readUInt32LE(0)).toBe(0x06064b50);
    expect(zip64.readBigUInt64LE(4)).toBe(44n);
    expect(zip64.readUInt16LE(12)).toBe(0x031e);
    expect(zip64.readUInt16LE(14)).toBe(45);
    expect(zip64.readUInt32LE(16)).toBe(0);
    expect(zip64.readUInt32LE(20)).toBe(0);
    expect(zip64.readBigUInt64LE(24)).toBe(70_000n);
    expect(zip64.readBigUInt64LE(32)).toBe(70_000n);
    expect(zip64.readBigUInt64LE(40)).toBe(2n ** 32n + 3n);
    expect(zip64.readBigUInt64LE(48)).toBe(2n ** 33n);
    expect(locator.readUInt32LE(0)).toBe(0x07064b50);
    expect(locator.readUInt32LE(4)).toBe(0);
    expect(locator.readBigUInt64LE(8)).toBe(2n ** 33n + 2n ** 32n + 3n);
    expect(locator.readUInt32LE(16)).toBe(1);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(8)).toBe(0xffff);
    expect(end.readUInt16LE(10)).toBe(0xffff);
    expect(end.readUInt32LE(12)).toBe(U32_MAX);
    expect(end.readUInt32LE(16)).toBe(U32_MAX);
  });
});
