import { copyFile, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fileIsElf, readElf, readElfIfAny } from '../../src/elf/read-file.js';
import { ElfFormatError, isElf, parseElf, type ElfInfo } from '../../src/elf/reader.js';
import { LibraryError } from '../../src/base/errors.js';
import { buildElf } from './elf-bytes.js';
import { gxx, readelfDynamic, readelfHeader, tempDir, try32 } from './toolchain.js';

const LIB = 'extern "C" int answer() { return 42; }\n';
const CPP_LIB = '#include <string>\nstd::string greet() { return "hi"; }\n';

let tmp: Awaited<ReturnType<typeof tempDir>>;
const built: Record<string, string> = {};

beforeAll(async () => {
  tmp = await tempDir('reader');
  const d = tmp.dir;
  // Built in parallel: two cores, five small compiles.
  const [plain, rpath, runpath, soname, exe] = await Promise.all([
    gxx(d, 'libplain.so', CPP_LIB, ['-shared', '-fPIC']),
    gxx(d, 'librpath.so', LIB, [
      '-shared',
      '-fPIC',
      '-Wl,--disable-new-dtags',
      '-Wl,-rpath,/opt/vendor/lib:$ORIGIN/../lib',
    ]),
    gxx(d, 'librunpath.so', LIB, [
      '-shared',
      '-fPIC',
      '-Wl,--enable-new-dtags',
      '-Wl,-rpath,$ORIGIN',
    ]),
    gxx(d, 'libsoname.so', LIB, ['-shared', '-fPIC', '-Wl,-soname,libsoname.so.3']),
    gxx(d, 'prog', 'int main() { return 0; }\n', ['-pie', '-fPIE']),
  ]);
  Object.assign(built, { plain, rpath, runpath, soname, exe });
  built.object = await gxx(d, 'object.o', LIB, ['-c', '-fPIC']);
});

afterAll(async () => {
  await tmp?.remove();
});

async function expectMatchesReadelf(path: string, info: ElfInfo): Promise<void> {
  const oracle = await readelfDynamic(path);
  expect(info.needed).toEqual(oracle.needed);
  expect(info.soname).toEqual(oracle.soname);
  expect(info.rpath).toEqual(oracle.rpath);
  expect(info.runpath).toEqual(oracle.runpath);
}

describe('readElf on real g++ output', () => {
  test('a C++ shared object without RPATH: NEEDED libstdc++ and libc, no search paths', async () => {
    const info = await readElf(built.plain!);
    expect(info).toMatchObject({ class: 64, endian: 'little', type: 'shared', dynamic: true });
    expect(info.machineName).toBe(process.arch === 'arm64' ? 'aarch64' : 'x86_64');
    expect(info.needed).toContain('libstdc++.so.6');
    expect(info.needed).toContain('libc.so.6');
    expect(info.rpath).toEqual([]);
    expect(info.runpath).toEqual([]);
    expect(info.soname).toBeUndefined();
    await expectMatchesReadelf(built.plain!, info);
  });

  test('-Wl,--disable-new-dtags -rpath gives DT_RPATH entries, in order', async () => {
    const info = await readElf(built.rpath!);
    expect(info.rpath).toEqual(['/opt/vendor/lib', '$ORIGIN/../lib']);
    expect(info.runpath).toEqual([]);
    await expectMatchesReadelf(built.rpath!, info);
  });

  test('--enable-new-dtags gives DT_RUNPATH', async () => {
    const info = await readElf(built.runpath!);
    expect(info.runpath).toEqual(['$ORIGIN']);
    expect(info.rpath).toEqual([]);
    await expectMatchesReadelf(built.runpath!, info);
  });

  test('-Wl,-soname sets SONAME', async () => {
    const info = await readElf(built.soname!);
    expect(info.soname).toBe('libsoname.so.3');
    await expectMatchesReadelf(built.soname!, info);
  });

  test('a PIE executable names its interpreter', async () => {
    const info = await readElf(built.exe!);
    const header = await readelfHeader(built.exe!);
    expect(header.Type).toMatch(/^DYN/);
    expect(info.type).toBe('shared');
    expect(info.interpreter).toMatch(/^\/lib.*\/ld-linux.*\.so\.\d$/);
    await expectMatchesReadelf(built.exe!, info);
  });

  test('a relocatable object (.o) has no dynamic section', async () => {
    const info = await readElf(built.object!);
    expect(info).toMatchObject({ type: 'rel', dynamic: false, needed: [], rpath: [], runpath: [] });
  });

  test('parseElf on the whole buffer gives the same result as readElf', async () => {
    for (const path of Object.values(built)) {
      expect(parseElf(await readFile(path), path)).toEqual(await readElf(path));
    }
  });

  test('readElfIfAny (the package scan) gives the same facts as readElf, symbols included', async () => {
    for (const path of Object.values(built)) {
      expect(readElfIfAny(path)).toEqual(await readElf(path));
      expect(readElfIfAny(path, { symbols: true })).toEqual(await readElf(path, { symbols: true }));
    }
  });

  test('a 32-bit object (g++ -m32, or the checked-in fixture without multilib)', async () => {
    const path =
      (await try32(tmp.dir, CPP_LIB)) ?? join(import.meta.dirname, 'fixtures', 'tiny32.so');
    const info = await readElf(path);
    const header = await readelfHeader(path);
    expect(header.Class).toBe('ELF32');
    expect(header.Machine).toBe('Intel 80386');
    expect(info).toMatchObject({ class: 32, endian: 'little', machine: 3, machineName: 'i386' });
    expect(info.needed).toContain('libc.so.6');
    await expectMatchesReadelf(path, info);
  });

  test('the checked-in 32-bit fixture reads as documented', async () => {
    const path = join(import.meta.dirname, 'fixtures', 'tiny32.so');
    const info = await readElf(path);
    expect(info).toMatchObject({
      class: 32,
      machineName: 'i386',
      soname: 'libtiny32.so.1',
      needed: ['libc.so.6'],
      rpath: ['$ORIGIN'],
    });
    await expectMatchesReadelf(path, info);
  });

  test('only the headers are read: a 3 GB (sparse) file too large to load reads fast', async () => {
    const big = join(tmp.dir, 'big.so');
    await copyFile(built.soname!, big);
    await truncate(big, 3 * 1024 ** 3);
    await expect(readFile(big)).rejects.toThrow(); // too large for one Buffer
    const started = Date.now();
    const info = await readElf(big);
    expect(info.soname).toBe('libsoname.so.3');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('big-endian and other machines, written byte by byte', () => {
  test('64-bit big-endian s390x with NEEDED, SONAME, RUNPATH, PT_INTERP (checked by readelf)', async () => {
    const { bytes } = buildElf({
      cls: 64,
      endian: 'big',
      machine: 22,
      needed: ['libbig.so.1', 'libc.so.6'],
      soname: 'libbe.so',
      runpath: '$ORIGIN:/opt/lib',
      interp: '/lib/ld64.so.1',
    });
    const path = join(tmp.dir, 'be64.so');
    await writeFile(path, bytes);
    const header = await readelfHeader(path);
    expect(header.Data).toMatch(/big endian/);
    expect(header.Machine).toBe('IBM S/390');
    const info = await readElf(path);
    expect(info).toMatchObject({
      class: 64,
      endian: 'big',
      machine: 22,
      machineName: 's390x',
      interpreter: '/lib/ld64.so.1',
    });
    await expectMatchesReadelf(path, info);
  });

  test('32-bit big-endian PowerPC with DT_RPATH', async () => {
    const { bytes } = buildElf({
      cls: 32,
      endian: 'big',
      machine: 20,
      needed: ['libppc.so'],
      rpath: '/a:/b',
    });
    const path = join(tmp.dir, 'be32.so');
    await writeFile(path, bytes);
    expect((await readelfHeader(path)).Machine).toBe('PowerPC');
    const info = await readElf(path);
    expect(info).toMatchObject({
      class: 32,
      endian: 'big',
      machineName: 'ppc',
      rpath: ['/a', '/b'],
    });
    await expectMatchesReadelf(path, info);
  });

  test('machine names depend on class and byte order where the ABI does', () => {
    const name = (cls: 32 | 64, endian: 'little' | 'big', machine: number) =>
      parseElf(buildElf({ cls, endian, machine }).bytes).machineName;
    expect(name(64, 'little', 21)).toBe('ppc64le');
    expect(name(64, 'big', 21)).toBe('ppc64');
    expect(name(64, 'little', 183)).toBe('aarch64');
    expect(name(32, 'little', 40)).toBe('arm');
    expect(name(64, 'little', 243)).toBe('riscv64');
    expect(name(64, 'little', 0x1234)).toBe('unknown(0x1234)');
  });
});

describe('malformed input gives an ElfFormatError, never a crash or a hang', () => {
  function expectFormatError(bytes: Buffer, pattern: RegExp): ElfFormatError {
    let caught: unknown;
    try {
      parseElf(bytes, 'bad.so');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ElfFormatError);
    const error = caught as ElfFormatError;
    expect(error).toBeInstanceOf(LibraryError);
    expect(error.message).toMatch(/^bad\.so: not a valid ELF file: /);
    expect(error.message).toMatch(pattern);
    expect(error.file).toBe('bad.so');
    return error;
  }

  test('zero-length, short and garbage input', () => {
    expectFormatError(Buffer.alloc(0), /0 bytes, too short/);
    expectFormatError(Buffer.from([0x7f, 0x45, 0x4c]), /3 bytes, too short/);
    expectFormatError(
      Buffer.from('#!/bin/sh\necho not an elf file\n'),
      /missing the \\x7fELF magic/,
    );
    expect(isElf(Buffer.from('#!/bin/sh'))).toBe(false);
    expect(isElf(Buffer.from([0x7f, 0x45]))).toBe(false);
  });

  test('bad class and byte-order bytes name their offset', () => {
    const bytes = Buffer.from(buildElf({ cls: 64, endian: 'little', machine: 62 }).bytes);
    bytes[4] = 9;
    expect(expectFormatError(bytes, /unknown ELF class 9/).offset).toBe(4);
    bytes[4] = 2;
    bytes[5] = 0;
    expect(expectFormatError(bytes, /unknown byte order 0/).offset).toBe(5);
  });

  test('a program header table past the end of the file, or at a 64-bit offset beyond 2^53', () => {
    const layout = buildElf({ cls: 64, endian: 'little', machine: 62, needed: ['libx.so'] });
    const past = Buffer.from(layout.bytes);
    past.writeBigUInt64LE(BigInt(past.length - 10), 32);
    expectFormatError(past, /program header table .* extends past the end/);
    const huge = Buffer.from(layout.bytes);
    huge.writeBigUInt64LE(0xfffffffffffffff0n, 32);
    expectFormatError(huge, /value 0xfffffffffffffff0 is out of range/);
    const xnum = Buffer.from(layout.bytes);
    xnum.writeUInt16LE(0xffff, 56);
    expectFormatError(xnum, /extended program header numbering/);
    const tiny = Buffer.from(layout.bytes);
    tiny.writeUInt16LE(1, 54); // e_phentsize 1
    expectFormatError(tiny, /program header entry size 1/);
  });

  test('a dynamic string table outside every PT_LOAD, and string offsets past its end', () => {
    const layout = buildElf({ cls: 32, endian: 'big', machine: 20, needed: ['libx.so'] });
    // DT_STRTAB is the second dynamic entry (after one NEEDED): value at +8+4.
    const strtab = Buffer.from(layout.bytes);
    strtab.writeUInt32BE(0xdead0000, layout.dynamicOffset + 12);
    expectFormatError(strtab, /DT_STRTAB address 0xdead0000 is not inside any PT_LOAD/);
    const name = Buffer.from(layout.bytes);
    name.writeUInt32BE(0x7fffffff, layout.dynamicOffset + 4); // NEEDED string offset
    expectFormatError(name, /string offset 2147483647 is outside the \d+-byte string table/);
  });

  test('an unterminated string and a dynamic section without DT_NULL', () => {
    const layout = buildElf({ cls: 64, endian: 'little', machine: 62, needed: ['libx.so'] });
    const bytes = Buffer.from(layout.bytes);
    // Overwrite the string table's NULs after "libx.so" up to the dynamic section.
    bytes.fill(0x41, layout.strtabOffset + 1, layout.dynamicOffset);
    expectFormatError(bytes, /unterminated string/);
    // No DT_NULL: the loop stops at the end of PT_DYNAMIC.
    const noNull = Buffer.from(layout.bytes);
    noNull.fill(0xff, noNull.length - 16);
    expect(parseElf(noNull).needed).toEqual(['libx.so']);
  });

  test('every truncation of a real shared object either parses or throws ElfFormatError', async () => {
    const whole = await readFile(built.soname!);
    let parsed = 0;
    let refused = 0;
    const unexpected: unknown[] = [];
    for (let length = 0; length < whole.length; length++) {
      try {
        parseElf(whole.subarray(0, length), 'cut.so');
        parsed++;
      } catch (error) {
        if (error instanceof ElfFormatError) refused++;
        else unexpected.push(error);
      }
    }
    expect(unexpected).toEqual([]);
    // Headers and the dynamic section sit at the front: short prefixes fail, long ones parse.
    expect(refused).toBeGreaterThan(64);
    expect(parsed).toBeGreaterThan(0);
  });

  test('random byte corruption of a real shared object never escapes as another error', async () => {
    const whole = await readFile(built.soname!);
    let seed = 12345;
    const outcomes = { parsed: 0, refused: 0 };
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 2000; round++) {
      const bytes = Buffer.from(whole.subarray(0, 8192));
      for (let k = 0; k < 8; k++) bytes[Math.floor(random() * 1024)] = Math.floor(random() * 256);
      bytes.set([0x7f, 0x45, 0x4c, 0x46], 0);
      try {
        parseElf(bytes);
        outcomes.parsed++;
      } catch (error) {
        expect(error).toBeInstanceOf(ElfFormatError);
        outcomes.refused++;
      }
    }
    expect(outcomes.parsed + outcomes.refused).toBe(2000);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  test('readElf names the file; fileIsElf goes by magic, not by name', async () => {
    const fake = join(tmp.dir, 'libfake.so');
    await writeFile(fake, 'not an elf');
    await expect(readElf(fake)).rejects.toThrow(`${fake}: not a valid ELF file`);
    expect(await fileIsElf(fake)).toBe(false);
    const renamed = join(tmp.dir, 'data.bin');
    await copyFile(built.plain!, renamed);
    expect(await fileIsElf(renamed)).toBe(true);
    const empty = join(tmp.dir, 'empty');
    await writeFile(empty, '');
    expect(await fileIsElf(empty)).toBe(false);
    await expect(readElf(empty)).rejects.toBeInstanceOf(ElfFormatError);
    // The scan's reader: not ELF (by magic) is undefined, a broken ELF file an ElfFormatError.
    expect(readElfIfAny(fake)).toBeUndefined();
    expect(readElfIfAny(empty)).toBeUndefined();
    expect(readElfIfAny(renamed)).toEqual(await readElf(renamed));
    const cut = join(tmp.dir, 'cut.so');
    await copyFile(built.plain!, cut);
    await truncate(cut, 200);
    expect(() => readElfIfAny(cut)).toThrow(ElfFormatError);
  });
});
