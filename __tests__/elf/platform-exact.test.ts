// Which machines a platform tag allows, the machine names, and the mismatch messages word for
// word. Pure: ELF facts are given as ElfInfo, so `npm run mutation` runs this for every mutant.
import { describe, expect, it } from 'vitest';
import { ElfFormatError, isElf, machineName } from '../../src/elf/elf-format.js';
import { checkMachines, describeMachine, expectedMachines } from '../../src/elf/platform.js';
import type { ElfClass, ElfEndian, ElfInfo } from '../../src/elf/reader.js';

const elf = (machine: number, cls: ElfClass, endian: ElfEndian, name: string): ElfInfo => ({
  class: cls,
  endian,
  machine,
  machineName: name,
  type: 'shared',
  dynamic: true,
  needed: [],
  rpath: [],
  runpath: [],
  versionNeeds: [],
  versionDefs: [],
});

const X86_64 = { machine: 62, class: 64, endian: 'little', machineName: 'x86_64' };
const I386 = { machine: 3, class: 32, endian: 'little', machineName: 'i386' };
const ARM = { machine: 40, class: 32, endian: 'little', machineName: 'arm' };

describe('expectedMachines', () => {
  it.each([
    ['linux_x86_64', 'x86_64', [X86_64]],
    ['manylinux1_x86_64', 'x86_64', [X86_64]],
    ['manylinux2014_i686', 'i686', [I386]],
    [
      'manylinux_2_17_aarch64',
      'aarch64',
      [{ machine: 183, class: 64, endian: 'little', machineName: 'aarch64' }],
    ],
    ['musllinux_1_2_armv7l', 'armv7l', [ARM]],
    ['linux_armv6l', 'armv6l', [ARM]],
    ['linux_i586', 'i586', [I386]],
    ['linux_i386', 'i386', [I386]],
    [
      'linux_ppc64le',
      'ppc64le',
      [{ machine: 21, class: 64, endian: 'little', machineName: 'ppc64le' }],
    ],
    ['linux_ppc64', 'ppc64', [{ machine: 21, class: 64, endian: 'big', machineName: 'ppc64' }]],
    ['linux_s390x', 's390x', [{ machine: 22, class: 64, endian: 'big', machineName: 's390x' }]],
    [
      'linux_riscv64',
      'riscv64',
      [{ machine: 243, class: 64, endian: 'little', machineName: 'riscv64' }],
    ],
    [
      'linux_loongarch64',
      'loongarch64',
      [{ machine: 258, class: 64, endian: 'little', machineName: 'loongarch64' }],
    ],
  ])('%s allows %s', (tag, arch, accepted) => {
    expect(expectedMachines(`cp36-cp36m-${tag}`)).toEqual({ kind: 'linux', arch, accepted });
    expect(expectedMachines(tag)).toEqual({ kind: 'linux', arch, accepted });
  });

  it('joins the arches of a compressed tag set, each machine once', () => {
    expect(
      expectedMachines(
        'py3-none-manylinux1_x86_64.manylinux2014_x86_64.manylinux_2_17_i686.linux_i386',
      ),
    ).toEqual({ kind: 'linux', arch: 'x86_64/i686/i386', accepted: [X86_64, I386] });
  });

  it("is 'any' for a pure tag, and 'other' for a platform it does not know", () => {
    expect(expectedMachines('py2.py3-none-any')).toEqual({ kind: 'any' });
    expect(expectedMachines('py3-none-linux_x86_64.any')).toEqual({ kind: 'any' });
    for (const platform of [
      'win_amd64',
      'macosx_11_0_arm64',
      'linux_sparc',
      'manylinux_2_17',
      'xlinux_x86_64',
      'manylinuxa_x86_64',
      'manylinux_2_x_x86_64',
      'musllinux_1_x86_64',
      'linux_x86_64.win32',
    ]) {
      expect(expectedMachines(`py3-none-${platform}`), platform).toEqual({
        kind: 'other',
        tag: platform,
      });
    }
  });
});

describe('checkMachines', () => {
  const x64 = elf(62, 64, 'little', 'x86_64');
  const i386 = elf(3, 32, 'little', 'i386');

  it('accepts files of an allowed machine, and refuses a different machine, class or byte order', () => {
    expect(checkMachines([{ path: 'a.so', info: x64 }], 'cp36-cp36m-linux_x86_64')).toEqual([]);
    const wrong = [
      elf(183, 64, 'little', 'aarch64'),
      elf(62, 32, 'little', 'x86_64'),
      elf(62, 64, 'big', 'x86_64'),
    ];
    const out = checkMachines(
      wrong.map((info, i) => ({ path: `w${i}.so`, info })),
      'cp36-cp36m-manylinux1_x86_64.manylinux1_i686',
    );
    expect(out).toEqual([
      {
        path: 'w0.so',
        severity: 'error',
        found: 'aarch64 (64-bit, little-endian)',
        expected: 'x86_64 (64-bit, little-endian) or i386 (32-bit, little-endian)',
        message:
          'w0.so is built for aarch64 (64-bit, little-endian), but the wheel is tagged for x86_64 (64-bit, little-endian) or i386 (32-bit, little-endian).',
      },
      expect.objectContaining({ path: 'w1.so', found: 'x86_64 (32-bit, little-endian)' }),
      expect.objectContaining({ path: 'w2.so', found: 'x86_64 (64-bit, big-endian)' }),
    ]);
  });

  it('accepts a file of any of the machines of a compressed tag set', () => {
    const tag = 'cp36-cp36m-manylinux1_x86_64.manylinux1_i686';
    expect(
      checkMachines(
        [
          { path: 'a.so', info: x64 },
          { path: 'b.so', info: i386 },
        ],
        tag,
      ),
    ).toEqual([]);
  });

  it('reads multi-digit glibc and musl versions in the tag', () => {
    for (const platform of [
      'manylinux_10_1_x86_64',
      'manylinux_2_17_x86_64',
      'musllinux_10_1_x86_64',
      'musllinux_1_22_x86_64',
      'manylinux2014_x86_64',
    ]) {
      expect(expectedMachines(platform), platform).toEqual({
        kind: 'linux',
        arch: 'x86_64',
        accepted: [X86_64],
      });
    }
  });

  it("warns about native code in an 'any' wheel, suggesting a tag (i686 for i386)", () => {
    expect(
      checkMachines(
        [
          { path: 'p/a.so', info: x64 },
          { path: 'p/b.so', info: i386 },
        ],
        'py3-none-any',
      ),
    ).toEqual([
      {
        path: 'p/a.so',
        severity: 'warning',
        found: 'x86_64 (64-bit, little-endian)',
        expected: 'no native code',
        message:
          "p/a.so is native code for x86_64 (64-bit, little-endian) in a platform-independent ('any') wheel; it will only load on x86_64 machines. Consider a platform tag such as linux_x86_64.",
      },
      {
        path: 'p/b.so',
        severity: 'warning',
        found: 'i386 (32-bit, little-endian)',
        expected: 'no native code',
        message:
          "p/b.so is native code for i386 (32-bit, little-endian) in a platform-independent ('any') wheel; it will only load on i386 machines. Consider a platform tag such as linux_i686.",
      },
    ]);
  });

  it('warns that it cannot check a platform it does not know', () => {
    expect(checkMachines([{ path: 'a.so', info: x64 }], 'cp39-cp39-macosx_11_0_x86_64')).toEqual([
      {
        path: 'a.so',
        severity: 'warning',
        found: 'x86_64 (64-bit, little-endian)',
        expected: "platform 'macosx_11_0_x86_64'",
        message:
          "a.so is an ELF file for x86_64 (64-bit, little-endian); the machine check does not know platform 'macosx_11_0_x86_64'.",
      },
    ]);
    expect(checkMachines([], 'py3-none-any')).toEqual([]);
  });

  it('describes a machine with its class and byte order', () => {
    expect(describeMachine(elf(22, 64, 'big', 's390x'))).toBe('s390x (64-bit, big-endian)');
  });
});

describe('machineName', () => {
  it('names each known machine, by class and byte order where they differ', () => {
    const cases: [number, ElfClass, ElfEndian, string][] = [
      [2, 32, 'big', 'sparc'],
      [3, 32, 'little', 'i386'],
      [8, 32, 'little', 'mipsel'],
      [8, 32, 'big', 'mips'],
      [20, 32, 'big', 'ppc'],
      [21, 64, 'little', 'ppc64le'],
      [21, 64, 'big', 'ppc64'],
      [22, 64, 'big', 's390x'],
      [22, 32, 'big', 's390'],
      [40, 32, 'little', 'arm'],
      [43, 64, 'big', 'sparcv9'],
      [50, 64, 'little', 'ia64'],
      [62, 64, 'little', 'x86_64'],
      [183, 64, 'little', 'aarch64'],
      [243, 64, 'little', 'riscv64'],
      [243, 32, 'little', 'riscv32'],
      [258, 64, 'little', 'loongarch64'],
      [0x1234, 64, 'little', 'unknown(0x1234)'],
      [0, 64, 'little', 'unknown(0x0)'],
    ];
    for (const [machine, cls, endian, name] of cases) {
      expect(machineName(machine, cls, endian), `${machine}`).toBe(name);
    }
  });
});

describe('ELF magic and format errors', () => {
  it('recognizes the magic in the first four bytes only', () => {
    expect(isElf(Buffer.from('\x7fELF', 'latin1'))).toBe(true);
    expect(isElf(Buffer.from('\x7fELF\x02\x01', 'latin1'))).toBe(true);
    expect(isElf(Buffer.from('\x7fEL', 'latin1'))).toBe(false);
    expect(isElf(Buffer.from('x\x7fELF', 'latin1'))).toBe(false);
    expect(isElf(Buffer.from('\x7fELG', 'latin1'))).toBe(false);
    expect(isElf(Buffer.alloc(0))).toBe(false);
  });

  it('names the file, the problem, the offset in hex when known, and the fix', () => {
    const error = new ElfFormatError('pkg/_x.so', 'section headers run past the end', 0x1f40);
    expect(error.message).toBe(
      'pkg/_x.so: not a valid ELF file: section headers run past the end (offset 0x1f40)',
    );
    expect(error.offset).toBe(0x1f40);
    expect(error.file).toBe('pkg/_x.so');
    expect(error.fix).toBe(
      'rebuild the file; it is truncated or corrupt (or it is not an ELF binary and should not start with "\\x7fELF").',
    );
    const noOffset = new ElfFormatError('a.so', 'too short');
    expect(noOffset.message).toBe('a.so: not a valid ELF file: too short');
    expect(noOffset.offset).toBeUndefined();
    expect(new ElfFormatError('a.so', 'x', 0).message).toBe(
      'a.so: not a valid ELF file: x (offset 0x0)',
    );
  });
});
