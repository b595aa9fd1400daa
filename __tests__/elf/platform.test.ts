import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inspectPackageElf } from '../../src/native/inspect.js';
import { checkMachines, expectedMachines } from '../../src/elf/platform.js';
import { readElf } from '../../src/elf/read-file.js';
import { parseElf } from '../../src/elf/reader.js';
import { LibraryError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import { buildElf } from './elf-bytes.js';
import { gxx, readelfHeader, tempDir } from './toolchain.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let native: string; // a real shared object for this machine
let aarch64: string; // the same file with e_machine patched to EM_AARCH64

const hostTag = process.arch === 'arm64' ? 'linux_aarch64' : 'linux_x86_64';

beforeAll(async () => {
  tmp = await tempDir('platform');
  native = await gxx(tmp.dir, 'libnative.so', 'extern "C" int f() { return 1; }\n', [
    '-shared',
    '-fPIC',
  ]);
  // A foreign-machine fixture: a copy of the real object with e_machine (offset 18) rewritten.
  const bytes = await readFile(native);
  bytes.writeUInt16LE(process.arch === 'arm64' ? 62 : 183, 18);
  aarch64 = join(tmp.dir, 'libforeign.so');
  await writeFile(aarch64, bytes);
});

afterAll(async () => {
  await tmp?.remove();
});

describe('expectedMachines', () => {
  test('Linux tags of every flavour map to the architecture', () => {
    for (const tag of [
      'linux_x86_64',
      'manylinux1_x86_64',
      'manylinux2014_x86_64',
      'manylinux_2_17_x86_64',
      'manylinux_2_17_x86_64.manylinux2014_x86_64',
      'musllinux_1_2_x86_64',
      'cp311-cp311-linux_x86_64',
    ]) {
      const expectation = expectedMachines(tag);
      expect(expectation, tag).toEqual({
        kind: 'linux',
        arch: 'x86_64',
        accepted: [{ machine: 62, class: 64, endian: 'little', machineName: 'x86_64' }],
      });
    }
    expect(expectedMachines('linux_i686')).toMatchObject({
      accepted: [{ machine: 3, class: 32 }],
    });
    expect(expectedMachines('manylinux2014_aarch64')).toMatchObject({
      accepted: [{ machine: 183, class: 64 }],
    });
    expect(expectedMachines('linux_armv7l')).toMatchObject({
      accepted: [{ machine: 40, class: 32 }],
    });
    expect(expectedMachines('manylinux2014_ppc64le')).toMatchObject({
      accepted: [{ machine: 21, endian: 'little' }],
    });
    expect(expectedMachines('manylinux2014_s390x')).toMatchObject({
      accepted: [{ machine: 22, endian: 'big' }],
    });
  });

  test('pure and unknown tags', () => {
    expect(expectedMachines('any')).toEqual({ kind: 'any' });
    expect(expectedMachines('py2-none-any')).toEqual({ kind: 'any' });
    expect(expectedMachines('win_amd64')).toEqual({ kind: 'other', tag: 'win_amd64' });
    expect(expectedMachines('linux_sparc')).toEqual({ kind: 'other', tag: 'linux_sparc' });
  });
});

describe('checkMachines on real and patched objects', () => {
  test('the real object matches the host tag; the patched copy is refused for it', async () => {
    const files = [
      { path: native, info: await readElf(native) },
      { path: aarch64, info: await readElf(aarch64) },
    ];
    const foreignName = process.arch === 'arm64' ? 'x86_64' : 'aarch64';
    expect(files[1]!.info.machineName).toBe(foreignName);
    expect((await readelfHeader(aarch64)).Machine).toMatch(
      process.arch === 'arm64' ? /X86-64/ : /AArch64/,
    );
    const mismatches = checkMachines(files, hostTag);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({
      path: aarch64,
      severity: 'error',
      found: `${foreignName} (64-bit, little-endian)`,
    });
    expect(mismatches[0]!.message).toContain(`but the wheel is tagged for`);
    // The patched copy is fine for its own architecture, and then the real one is refused.
    const other = checkMachines(files, `manylinux2014_${foreignName}`);
    expect(other.map((m) => m.path)).toEqual([native]);
  });

  test('class and byte order count, not only e_machine', () => {
    const i386 = { path: 'x32.so', info: parseInfo(32, 'little', 3) };
    const bigPpc = { path: 'be.so', info: parseInfo(64, 'big', 21) };
    expect(checkMachines([i386], 'linux_x86_64')).toMatchObject([{ severity: 'error' }]);
    expect(checkMachines([i386], 'linux_i686')).toEqual([]);
    expect(checkMachines([bigPpc], 'linux_ppc64le')).toMatchObject([
      { severity: 'error', found: 'ppc64 (64-bit, big-endian)' },
    ]);
  });

  test('native code in an any wheel (like py2-none-any caffe wheels) is a warning', async () => {
    const mismatches = checkMachines(
      [{ path: native, info: await readElf(native) }],
      'py2-none-any',
    );
    expect(mismatches).toMatchObject([{ severity: 'warning', expected: 'no native code' }]);
  });
});

function parseInfo(cls: 32 | 64, endian: 'little' | 'big', machine: number) {
  return parseElf(buildElf({ cls, endian, machine }).bytes);
}

describe('inspectPackageElf', () => {
  test('finds ELF files by magic, logs their needs, and refuses a foreign machine', async () => {
    const root = join(tmp.dir, 'stage');
    await mkdir(join(root, 'pkg', 'sub'), { recursive: true });
    await copyFile(native, join(root, 'pkg', '_core.so'));
    await copyFile(aarch64, join(root, 'pkg', 'sub', 'plugin.bin')); // not named .so
    await writeFile(join(root, 'pkg', '__init__.py'), 'from ._core import *\n');
    await writeFile(join(root, 'pkg', 'broken.so'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]));
    const log = new MemoryLog();
    const error = await inspectPackageElf({ root, platformTag: hostTag, log }).catch((e) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error.message).toContain(join(root, 'pkg', 'sub', 'plugin.bin'));
    expect(error.fix).toContain('build them for');
    expect(log.lines.some((l) => l.startsWith('pkg/_core.so: '))).toBe(true);
    expect(log.lines.some((l) => l.startsWith('warning: ') && l.includes('broken.so'))).toBe(true);
  });

  test('a matching package returns the summary table', async () => {
    const root = join(tmp.dir, 'good');
    await mkdir(join(root, 'pkg'), { recursive: true });
    await copyFile(native, join(root, 'pkg', '_core.so'));
    const log = new MemoryLog();
    const result = await inspectPackageElf({ root, platformTag: hostTag, log });
    expect(result.files.map((f) => f.path)).toEqual([join(root, 'pkg', '_core.so')]);
    expect(result.mismatches).toEqual([]);
    expect(result.summary).toContain('| pkg/_core.so |');
    expect(result.summary).toContain('### Native libraries');
  });
});
