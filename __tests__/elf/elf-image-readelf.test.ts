import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildImage, type ImageSpec } from '../helpers/elf-image.js';
import { parseElf } from '../../src/elf/reader.js';
import { readelfDynamic, readelfHeader, run, tempDir } from './toolchain.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir('image');
});
afterAll(async () => {
  await tmp?.remove();
});

const SPEC: Omit<ImageSpec, 'cls' | 'endian'> = {
  needed: ['libc.so.6', 'libstdc++.so.6'],
  soname: 'libx.so.1',
  runpath: '$ORIGIN:/opt',
  verneed: [
    {
      file: 'libc.so.6',
      versions: [
        { name: 'GLIBC_2.2.5', index: 2 },
        { name: 'GLIBC_2.34', index: 3 },
      ],
    },
    { file: 'libstdc++.so.6', versions: [{ name: 'GLIBCXX_3.4.26', index: 4 }] },
  ],
  verdef: [
    { name: 'libx.so.1', index: 1, flags: 1 },
    { name: 'X_1.0', index: 5 },
  ],
  symbols: [
    { name: 'memcpy', version: 2 },
    { name: 'dlsym', version: 3 },
    { name: '_ZNSt6thread', version: 4 },
    { name: 'mine', version: 5, defined: true },
  ],
};

describe('the in-memory ELF images the mutation group reads are what readelf reads', () => {
  for (const [cls, endian, hash] of [
    [64, 'little', 'sysv'],
    [32, 'big', 'gnu'],
    [64, 'big', 'gnu'],
    [32, 'little', 'sysv'],
  ] as const) {
    test(`${cls}-bit ${endian}-endian, ${hash} hash`, async () => {
      const { bytes } = buildImage({ cls, endian, machine: cls === 64 ? 62 : 3, hash, ...SPEC });
      const path = join(tmp.dir, `img-${cls}-${endian}.so`);
      await writeFile(path, bytes);
      const header = await readelfHeader(path);
      expect(header.Class).toBe(`ELF${cls}`);
      expect(header.Data).toContain(`${endian} endian`);
      const info = parseElf(bytes, path, { symbols: true });
      const oracle = await readelfDynamic(path);
      expect(info.needed).toEqual(oracle.needed);
      expect(info.soname).toEqual(oracle.soname);
      expect(info.runpath).toEqual(oracle.runpath);
      // readelf -D decodes the symbols through DT_VERSYM, DT_VERNEED and DT_VERDEF alone.
      const { stdout } = await run(['readelf', '-D', '-W', '-s', path]);
      const undefinedByVersion = [...stdout.matchAll(/\sUND\s+([^@\s]+)@(\S+) \((\d+)\)/g)].map(
        (m) => `${m[2]} ${m[1]}`,
      );
      expect(undefinedByVersion).toEqual([
        'GLIBC_2.2.5 memcpy',
        'GLIBC_2.34 dlsym',
        'GLIBCXX_3.4.26 _ZNSt6thread',
      ]);
      expect(stdout).toMatch(/\s11 mine@@X_1\.0\n/);
      expect(info.versionNeeds.map((n) => `${n.version} ${n.symbols.join(',')}`)).toEqual(
        undefinedByVersion,
      );
      expect(info.versionNeeds.map((n) => n.library)).toEqual([
        'libc.so.6',
        'libc.so.6',
        'libstdc++.so.6',
      ]);
      expect(info.versionDefs).toEqual(['X_1.0']);
    });
  }
});
