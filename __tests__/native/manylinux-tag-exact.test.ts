/**
 * `platform-tag: manylinux` on ELF files written in memory to a tmp folder (no compiler): the
 * tag, the log line, and every refusal word for word.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseManylinuxPlatform, manylinuxPlatform } from '../../src/native/manylinux-tag.js';
import { MANYLINUX_POLICIES } from '../../src/native/manylinux-policy.js';
import { LibraryError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import { buildImage, type ImageSpec } from '../helpers/elf-image.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'manylinux-tag-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Entry = { archivePath: string; sourcePath: string; size: number };

async function elf(name: string, spec: Omit<ImageSpec, 'cls' | 'endian'>): Promise<Entry> {
  const bytes = buildImage({ cls: 64, endian: 'little', ...spec }).bytes;
  const sourcePath = join(dir, name.replace(/\//g, '_'));
  await writeFile(sourcePath, bytes);
  return { archivePath: name, sourcePath, size: bytes.length };
}

async function choose(files: Entry[], linuxPlatform = 'linux_x86_64') {
  const log = new MemoryLog();
  const platform = await chooseManylinuxPlatform({ files, linuxPlatform, log });
  return { platform, log: log.lines };
}

async function refusal(files: Entry[], linuxPlatform = 'linux_x86_64'): Promise<LibraryError> {
  const error = await choose(files, linuxPlatform).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LibraryError);
  return error as LibraryError;
}

const GLIBC_217 = {
  needed: ['libc.so.6', 'libstdc++.so.6'],
  verneed: [
    {
      file: 'libc.so.6',
      versions: [
        { name: 'GLIBC_2.2.5', index: 2 },
        { name: 'GLIBC_2.17', index: 3 },
      ],
    },
    { file: 'libstdc++.so.6', versions: [{ name: 'CXXABI_TM_1', index: 4 }] },
  ],
};

describe('platform-tag: manylinux', () => {
  test('the PEP 600 name first, then the legacy alias', () => {
    expect(manylinuxPlatform(MANYLINUX_POLICIES[2]!, 'x86_64')).toBe(
      'manylinux_2_17_x86_64.manylinux2014_x86_64',
    );
    expect(manylinuxPlatform(MANYLINUX_POLICIES[3]!, 'i686')).toBe('manylinux_2_24_i686');
  });

  test('the strictest policy of the ELF files; other files, tiny files and libpython ignored', async () => {
    const text = join(dir, 'README');
    await writeFile(text, 'not an ELF file');
    const tiny = join(dir, 'tiny');
    await writeFile(tiny, '\x7fEL');
    const files = [
      await elf('pkg/_ext.so', {
        ...GLIBC_217,
        needed: [...GLIBC_217.needed, 'libpython3.11.so.1.0'],
      }),
      { archivePath: 'pkg/README', sourcePath: text, size: 15 },
      // 3 bytes: not even opened (a missing file would throw).
      { archivePath: 'pkg/tiny', sourcePath: join(dir, 'absent'), size: 3 },
    ];
    expect(await choose(files)).toEqual({
      platform: 'manylinux_2_17_x86_64.manylinux2014_x86_64',
      log: [
        'platform-tag: the native files satisfy manylinux_2_17: manylinux_2_17_x86_64.manylinux2014_x86_64',
        'platform-tag: not manylinux_2_12: pkg/_ext.so needs GLIBC_2.17 from libc.so.6; the target allows GLIBC up to 2.12; pkg/_ext.so needs CXXABI_TM_1 from libstdc++.so.6; the target allows CXXABI up to 1.3.3',
      ],
    });
    expect((await choose([])).platform).toBe('manylinux_2_5_x86_64.manylinux1_x86_64');
  });

  test('ZLIB_1.2.9 from libz.so.1: manylinux_2_27, and the log says why not manylinux_2_26', async () => {
    // Old zlib functions (compress...) bind to no version: no Elf_Verneed record for libz.
    const zlib = (name: string, versions: string[]) =>
      elf(name, {
        needed: ['libz.so.1', 'libc.so.6'],
        verneed: [
          { file: 'libc.so.6', versions: [{ name: 'GLIBC_2.2.5', index: 2 }] },
          ...(versions.length
            ? [{ file: 'libz.so.1', versions: versions.map((v, i) => ({ name: v, index: i + 3 })) }]
            : []),
        ],
        symbols: versions.map((v, i) => ({ name: `z${i}`, version: i + 3 })),
      });
    expect(await choose([await zlib('pkg/_z.so', ['ZLIB_1.2.0', 'ZLIB_1.2.9'])])).toEqual({
      platform: 'manylinux_2_27_x86_64',
      log: [
        'platform-tag: the native files satisfy manylinux_2_27: manylinux_2_27_x86_64',
        'platform-tag: not manylinux_2_26: pkg/_z.so needs ZLIB_1.2.9 from libz.so.1 (z1); the target allows ZLIB up to 1.2.5.2',
      ],
    });
    // Several reasons: the first three, as in the refusal.
    const many = await choose([
      await zlib('pkg/_a.so', ['ZLIB_1.2.9']),
      await zlib('pkg/_b.so', ['ZLIB_1.2.7.1']),
      await zlib('pkg/_c.so', ['ZLIB_1.2.9']),
      await zlib('pkg/_d.so', ['ZLIB_1.2.9']),
    ]);
    expect(many.log[1]).toBe(
      'platform-tag: not manylinux_2_26: pkg/_a.so needs ZLIB_1.2.9 from libz.so.1 (z0); the target allows ZLIB up to 1.2.5.2; pkg/_b.so needs ZLIB_1.2.7.1 from libz.so.1 (z0); the target allows ZLIB up to 1.2.5.2; pkg/_c.so needs ZLIB_1.2.9 from libz.so.1 (z0); the target allows ZLIB up to 1.2.5.2',
    );
    // No zlib version (compress and other old functions): manylinux_2_5, nothing to explain.
    expect(await choose([await zlib('pkg/_old.so', [])])).toEqual({
      platform: 'manylinux_2_5_x86_64.manylinux1_x86_64',
      log: [
        'platform-tag: the native files satisfy manylinux_2_5: manylinux_2_5_x86_64.manylinux1_x86_64',
      ],
    });
  });

  test('a 4-byte file with the ELF magic is read, and refused as too short', async () => {
    const four = join(dir, 'four.so');
    await writeFile(four, Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    const error = await refusal([{ archivePath: 'pkg/four.so', sourcePath: four, size: 4 }]);
    expect(error.message).toBe(
      `${four}: not a valid ELF file: file is 4 bytes, too short for the 16-byte ELF identification`,
    );
  });

  test('libraries the wheel carries, by file name or SONAME, do not block it', async () => {
    const files = [
      await elf('pkg/_ext.so', { needed: ['libfoo.so.1', 'libbar-1a2b.so', 'libc.so.6'] }),
      await elf('pkg.libs/libfoo-real.so', { soname: 'libfoo.so.1', needed: ['libc.so.6'] }),
      await elf('pkg.libs/libbar-1a2b.so', { needed: ['libc.so.6'] }),
    ];
    expect((await choose(files)).platform).toBe('manylinux_2_5_x86_64.manylinux1_x86_64');
  });

  test('no policy: the first three blockers in the message, all in details, the first file', async () => {
    const files = [
      await elf('pkg/_a.so', {
        needed: ['libc.so.6', 'libone.so', 'libtwo.so', 'libthree.so'],
        verneed: [{ file: 'libc.so.6', versions: [{ name: 'GLIBC_2.99', index: 2 }] }],
        symbols: [{ name: 'newfn', version: 2 }],
      }),
    ];
    const error = await refusal(files);
    expect(error.message).toBe(
      "platform-tag: manylinux: the native files satisfy no manylinux policy: libone.so is not in any manylinux policy's library list; libtwo.so is not in any manylinux policy's library list; libthree.so is not in any manylinux policy's library list",
    );
    expect(error.input).toBe('platform-tag');
    expect(error.file).toBe('pkg/_a.so');
    expect(error.details).toBe(
      [
        "libone.so is not in any manylinux policy's library list",
        "libtwo.so is not in any manylinux policy's library list",
        "libthree.so is not in any manylinux policy's library list",
        'pkg/_a.so needs GLIBC_2.99 from libc.so.6 (newfn); the target allows GLIBC up to 2.41',
      ].join('\n'),
    );
    expect(error.fix).toBe(
      'set bundle-libs: true to carry the libraries outside the policy, build on an older toolchain or in a manylinux image, or keep platform-tag: linux.',
    );
  });

  test('only x86_64: other platforms are refused before any file is read', async () => {
    for (const platform of [
      'linux_aarch64',
      'linux_i686',
      'win_amd64',
      'xlinux_x86_64',
      'linux_x86_64x',
    ]) {
      const error = await refusal(
        [{ archivePath: 'a.so', sourcePath: join(dir, 'absent'), size: 9 }],
        platform,
      );
      expect(error.message).toBe(
        `platform-tag: manylinux needs an x86_64 wheel; this one is ${platform}.`,
      );
      expect(error.input).toBe('platform-tag');
      expect(error.fix).toBe(
        "use platform-tag: linux (the policy table here holds x86_64's symbol versions).",
      );
    }
  });
});
