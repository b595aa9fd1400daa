/**
 * Writes minimal ELF files byte by byte (header, PT_LOAD, PT_DYNAMIC, optional PT_INTERP, a
 * dynamic string table), in either class and byte order. readelf checks them in the tests, so the
 * reader is not tested only against our own idea of the format.
 */
export interface ElfSpec {
  cls: 32 | 64;
  endian: 'little' | 'big';
  machine: number;
  /** e_type: 1 rel, 2 exec, 3 shared. */
  type?: number;
  needed?: string[];
  soname?: string;
  rpath?: string;
  runpath?: string;
  interp?: string;
}

const BASE = 0x10000;

export interface ElfLayout {
  bytes: Buffer;
  phoff: number;
  dynamicOffset: number;
  strtabOffset: number;
}

export function buildElf(spec: ElfSpec): ElfLayout {
  const is64 = spec.cls === 64;
  const little = spec.endian === 'little';
  const ehsize = is64 ? 64 : 52;
  const phentsize = is64 ? 56 : 32;
  const phnum = spec.interp === undefined ? 2 : 3;
  const phoff = ehsize;

  // String table: "\0" then every string, remembering offsets.
  const strings: Buffer[] = [Buffer.from([0])];
  let strsz = 1;
  const offsetOf = (s: string): number => {
    const at = strsz;
    const b = Buffer.from(`${s}\0`, 'utf8');
    strings.push(b);
    strsz += b.length;
    return at;
  };
  const dyn: [number, number | 'strtab' | 'strsz'][] = [];
  for (const name of spec.needed ?? []) dyn.push([1, offsetOf(name)]);
  if (spec.soname !== undefined) dyn.push([14, offsetOf(spec.soname)]);
  if (spec.rpath !== undefined) dyn.push([15, offsetOf(spec.rpath)]);
  if (spec.runpath !== undefined) dyn.push([29, offsetOf(spec.runpath)]);
  dyn.push([5, 'strtab'], [10, 'strsz'], [0, 0]);

  const strtabOffset = phoff + phnum * phentsize;
  const interpOffset = strtabOffset + strsz;
  const interpBytes = spec.interp === undefined ? Buffer.alloc(0) : Buffer.from(`${spec.interp}\0`);
  const dynamicOffset = Math.ceil((interpOffset + interpBytes.length) / 8) * 8;
  const dynent = is64 ? 16 : 8;
  const total = dynamicOffset + dyn.length * dynent;
  const buf = Buffer.alloc(total);

  const u16 = (at: number, v: number) =>
    little ? buf.writeUInt16LE(v, at) : buf.writeUInt16BE(v, at);
  const u32 = (at: number, v: number) =>
    little ? buf.writeUInt32LE(v, at) : buf.writeUInt32BE(v, at);
  const word = (at: number, v: number) => {
    if (!is64) return u32(at, v);
    return little ? buf.writeBigUInt64LE(BigInt(v), at) : buf.writeBigUInt64BE(BigInt(v), at);
  };

  buf.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, little ? 1 : 2, 1], 0);
  u16(16, spec.type ?? 3);
  u16(18, spec.machine);
  u32(20, 1);
  word(is64 ? 32 : 28, phoff);
  u16(is64 ? 52 : 40, ehsize);
  u16(is64 ? 54 : 42, phentsize);
  u16(is64 ? 56 : 44, phnum);

  const phdr = (index: number, type: number, offset: number, size: number, flags: number) => {
    const at = phoff + index * phentsize;
    u32(at, type);
    if (is64) {
      u32(at + 4, flags);
      word(at + 8, offset);
      word(at + 16, BASE + offset);
      word(at + 24, BASE + offset);
      word(at + 32, size);
      word(at + 40, size);
      word(at + 48, type === 1 ? 0x1000 : 8);
    } else {
      word(at + 4, offset);
      word(at + 8, BASE + offset);
      word(at + 12, BASE + offset);
      word(at + 16, size);
      word(at + 20, size);
      u32(at + 24, flags);
      u32(at + 28, type === 1 ? 0x1000 : 4);
    }
  };
  phdr(0, 1, 0, total, 4 | 2); // PT_LOAD of the whole file, so vaddr = BASE + offset
  phdr(1, 2, dynamicOffset, dyn.length * dynent, 4 | 2); // PT_DYNAMIC
  if (spec.interp !== undefined) phdr(2, 3, interpOffset, interpBytes.length, 4); // PT_INTERP

  Buffer.concat(strings).copy(buf, strtabOffset);
  interpBytes.copy(buf, interpOffset);
  dyn.forEach(([tag, value], i) => {
    const at = dynamicOffset + i * dynent;
    const v = value === 'strtab' ? BASE + strtabOffset : value === 'strsz' ? strsz : value;
    if (is64) {
      if (little) buf.writeBigInt64LE(BigInt(tag), at);
      else buf.writeBigInt64BE(BigInt(tag), at);
      word(at + 8, v);
    } else {
      if (little) buf.writeInt32LE(tag, at);
      else buf.writeInt32BE(tag, at);
      word(at + 4, v);
    }
  });
  return { bytes: buf, phoff, dynamicOffset, strtabOffset };
}
