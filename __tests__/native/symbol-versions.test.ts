import { readFile, realpath } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readElf } from '../../src/elf/read-file.js';
import { ElfFormatError, MAX_SYMBOLS_PER_VERSION, parseElf } from '../../src/elf/reader.js';
import { parseTargetGlibc } from '../../src/native/glibc-target.js';
import {
  assertWithinTarget,
  describeLibraryMaxima,
  findViolations,
  maximaMarkdown,
  maximaPerLibrary,
  overallHighest,
  strictestPolicy,
  type VersionedFile,
} from '../../src/native/symbol-versions.js';
import { LibraryError } from '../../src/base/errors.js';
import { MODERN_FLAGS, MODERN_LIBRARY_SOURCE } from '../elf/modern-lib.js';
import { gxx, readelfUndefinedSymbols, readelfVersions, run, tempDir } from '../elf/toolchain.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let modern = '';
let libc = '';
let libstdcxx = '';

beforeAll(async () => {
  tmp = await tempDir('versions');
  modern = await gxx(tmp.dir, 'libmodern.so', MODERN_LIBRARY_SOURCE, MODERN_FLAGS);
  libc = await realpath((await run(['g++', '-print-file-name=libc.so.6'])).stdout.trim());
  libstdcxx = await realpath((await run(['g++', '-print-file-name=libstdc++.so.6'])).stdout.trim());
});

afterAll(async () => {
  await tmp?.remove();
});

describe('symbol versions (DT_VERNEED / DT_VERDEF) against readelf -V', () => {
  test('the g++ 12 library needs GLIBC_2.34 and GLIBCXX_3.4.26, exactly as readelf lists', async () => {
    const info = await readElf(modern, { symbols: true });
    const oracle = await readelfVersions(modern);
    expect(info.versionNeeds.map(({ library, version }) => ({ library, version }))).toEqual(
      oracle.needs,
    );
    expect(info.versionDefs).toEqual(oracle.defs);
    const versions = info.versionNeeds.map((n) => n.version);
    expect(versions).toContain('GLIBC_2.34');
    expect(versions).toContain('GLIBCXX_3.4.26');
    // The symbols named per version are undefined symbols readelf binds to that version.
    const undefinedByVersion = await readelfUndefinedSymbols(modern);
    for (const need of info.versionNeeds) {
      const expected = undefinedByVersion.get(need.version) ?? [];
      expect(need.symbols.length).toBe(Math.min(expected.length, MAX_SYMBOLS_PER_VERSION));
      for (const symbol of need.symbols) expect(expected).toContain(symbol);
    }
    const glibc234 = info.versionNeeds.find((n) => n.version === 'GLIBC_2.34')!;
    expect(glibc234.library).toBe('libc.so.6');
    expect(glibc234.symbols.sort()).toEqual(['pthread_create', 'pthread_join']);
  });

  test.each([['sysv'], ['both']])(
    'symbols are counted through DT_HASH too (--hash-style=%s)',
    async (style) => {
      const path = await gxx(tmp.dir, `libmodern-${style}.so`, MODERN_LIBRARY_SOURCE, [
        ...MODERN_FLAGS,
        `-Wl,--hash-style=${style}`,
      ]);
      const info = await readElf(path, { symbols: true });
      const undefinedByVersion = await readelfUndefinedSymbols(path);
      for (const need of info.versionNeeds) {
        const expected = undefinedByVersion.get(need.version) ?? [];
        expect(need.symbols.length).toBe(Math.min(expected.length, MAX_SYMBOLS_PER_VERSION));
      }
      expect(info.versionNeeds.find((n) => n.version === 'GLIBC_2.34')?.symbols.sort()).toEqual([
        'pthread_create',
        'pthread_join',
      ]);
    },
  );

  test('without the symbols option the versions are read, the symbols are not', async () => {
    const info = await readElf(modern);
    expect(info.versionNeeds.length).toBeGreaterThan(0);
    expect(info.versionNeeds.every((n) => n.symbols.length === 0)).toBe(true);
  });

  test("this machine's libc.so.6 and libstdc++.so.6 define what readelf says (GLIBC_2.36, GLIBCXX_3.4.30)", async () => {
    for (const path of [libc, libstdcxx]) {
      const info = await readElf(path, { symbols: true });
      const oracle = await readelfVersions(path);
      expect(info.versionDefs).toEqual(oracle.defs);
      expect(info.versionNeeds.map(({ library, version }) => ({ library, version }))).toEqual(
        oracle.needs,
      );
    }
    expect((await readElf(libc)).versionDefs).toContain('GLIBC_2.36');
    expect((await readElf(libstdcxx)).versionDefs).toContain('GLIBCXX_3.4.30');
  });

  test('random corruption of the version and symbol tables only ever gives an ElfFormatError', async () => {
    const whole = await readFile(modern);
    const info = parseElf(whole, 'ok.so', { symbols: true });
    expect(info.versionNeeds.length).toBeGreaterThan(0);
    let seed = 777;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const outcomes = { parsed: 0, refused: 0 };
    // The dynamic symbols, hash tables and version sections sit in the first 4 KiB of the file.
    for (let round = 0; round < 3000; round++) {
      const bytes = Buffer.from(whole);
      for (let k = 0; k < 6; k++)
        bytes[64 + Math.floor(random() * 4000)] = Math.floor(random() * 256);
      try {
        parseElf(bytes, 'bad.so', { symbols: true });
        outcomes.parsed++;
      } catch (error) {
        expect(error).toBeInstanceOf(ElfFormatError);
        outcomes.refused++;
      }
    }
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.parsed).toBeGreaterThan(0);
  });

  test('every truncation either parses or throws ElfFormatError', async () => {
    const whole = await readFile(modern);
    for (let length = 0; length < 8192; length += 7) {
      try {
        parseElf(whole.subarray(0, length), 'cut.so', { symbols: true });
      } catch (error) {
        expect(error).toBeInstanceOf(ElfFormatError);
      }
    }
  });
});

describe('the g++ 12 library against targets', () => {
  async function modernFile(): Promise<VersionedFile> {
    const info = await readElf(modern, { symbols: true });
    return { path: 'pkg/libmodern.so', needed: info.needed, versionNeeds: info.versionNeeds };
  }

  test('maximum per library, for the log and the summary', async () => {
    const maxima = maximaPerLibrary([await modernFile()]);
    expect(maxima).toContainEqual({
      path: 'pkg/libmodern.so',
      library: 'libc.so.6',
      highest: { GLIBC: 'GLIBC_2.34' },
    });
    expect(maxima).toContainEqual({
      path: 'pkg/libmodern.so',
      library: 'libstdc++.so.6',
      highest: { CXXABI: 'CXXABI_1.3.9', GLIBCXX: 'GLIBCXX_3.4.26' },
    });
    expect(overallHighest(maxima)).toBe('GLIBC_2.34, GLIBCXX_3.4.26, CXXABI_1.3.9, GCC_3.0');
    expect(describeLibraryMaxima(maxima)[0]).toMatch(
      /^pkg\/libmodern\.so needs at most: .*libc\.so\.6 GLIBC_2\.34/,
    );
    expect(maximaMarkdown(maxima, parseTargetGlibc('2.31'))).toMatch(
      /Target: glibc 2\.31[\s\S]*\| pkg\/libmodern\.so \| libc\.so\.6 \| GLIBC_2\.34 \|/,
    );
  });

  test('glibc 2.31 refuses GLIBC_2.34 and names the file, the library and the symbols', async () => {
    const file = await modernFile();
    const target = parseTargetGlibc('2.31')!;
    expect(findViolations([file], target).map((v) => v.version)).toEqual(['GLIBC_2.34']);
    let caught: unknown;
    try {
      assertWithinTarget([file], target);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LibraryError);
    const error = caught as LibraryError;
    expect(error.input).toBe('target-glibc');
    expect(error.file).toBe('pkg/libmodern.so');
    expect(error.message).toMatch(
      /glibc 2\.31 provides: pkg\/libmodern\.so needs GLIBC_2\.34 from libc\.so\.6 \((pthread_create, pthread_join|pthread_join, pthread_create)\); the target allows GLIBC up to 2\.31/,
    );
    expect(error.fix).toMatch(/image/);
  });

  test('manylinux2014 refuses GLIBC_2.34, GLIBCXX_3.4.26 and CXXABI_1.3.9; 2.36 accepts', async () => {
    const file = await modernFile();
    const versions = findViolations([file], parseTargetGlibc('manylinux2014')!).map(
      (v) => v.version,
    );
    expect(versions.sort()).toEqual([
      'CXXABI_1.3.8',
      'CXXABI_1.3.9',
      'GLIBCXX_3.4.21',
      'GLIBCXX_3.4.26',
      'GLIBC_2.34',
    ]);
    expect(() => assertWithinTarget([file], parseTargetGlibc('manylinux2014')!)).toThrow(
      /GLIBCXX_3\.4\.26 from libstdc\+\+\.so\.6 \(_ZN\w*St10filesystem/,
    );
    expect(() => assertWithinTarget([file], parseTargetGlibc('2.36')!)).not.toThrow();
  });

  test('the strictest policy it satisfies is manylinux_2_34; a library outside every list blocks it', async () => {
    const file = await modernFile();
    expect(strictestPolicy([file]).policy?.name).toBe('manylinux_2_34');
    const cuda = { ...file, needed: [...file.needed, 'libcuda.so.1'] };
    const none = strictestPolicy([cuda]);
    expect(none.policy).toBeUndefined();
    expect(none.blockers.join('\n')).toMatch(/libcuda\.so\.1 is not in any manylinux policy/);
    // Carried in the wheel: not the runtime's business.
    expect(strictestPolicy([cuda], { carried: ['libcuda.so.1'] }).policy?.name).toBe(
      'manylinux_2_34',
    );
  });

  test('the program loader (NEEDED by g++ 10+ extensions) is the platform, as in auditwheel', async () => {
    const file = await modernFile();
    for (const loader of ['ld-linux-x86-64.so.2', 'ld64.so.2', 'ld-linux-aarch64.so.1']) {
      const linked = { ...file, needed: [...file.needed, loader] };
      expect(strictestPolicy([linked]).policy?.name).toBe('manylinux_2_34');
    }
    // Only the loader: a library merely named like one still blocks.
    const other = { ...file, needed: [...file.needed, 'ld-other.so.1'] };
    expect(strictestPolicy([other]).blockers.join('\n')).toMatch(/ld-other\.so\.1 is not/);
  });
});
