/**
 * Which ELF machines a wheel's platform tag allows. A linux_x86_64 wheel that carries an aarch64
 * .so installs fine and then fails at import on every machine; catch it before publishing.
 */
import type { ElfClass, ElfEndian, ElfInfo } from './reader.js';

export interface MachineSpec {
  /** ELF e_machine. */
  machine: number;
  class: ElfClass;
  endian: ElfEndian;
  /** Readable form, as in ElfInfo.machineName. */
  machineName: string;
}

export type PlatformExpectation =
  /** A pure wheel (`any`): it should hold no native code, but some legacy wheels do. */
  | { kind: 'any' }
  /** A Linux platform tag (linux_*, manylinux*, musllinux*) with a known architecture. */
  | { kind: 'linux'; arch: string; accepted: MachineSpec[] }
  /** A tag this check does not know (another OS, an unknown architecture). */
  | { kind: 'other'; tag: string };

const ARCHES: Record<string, MachineSpec> = {
  x86_64: { machine: 62, class: 64, endian: 'little', machineName: 'x86_64' },
  i686: { machine: 3, class: 32, endian: 'little', machineName: 'i386' },
  i586: { machine: 3, class: 32, endian: 'little', machineName: 'i386' },
  i386: { machine: 3, class: 32, endian: 'little', machineName: 'i386' },
  aarch64: { machine: 183, class: 64, endian: 'little', machineName: 'aarch64' },
  armv7l: { machine: 40, class: 32, endian: 'little', machineName: 'arm' },
  armv6l: { machine: 40, class: 32, endian: 'little', machineName: 'arm' },
  ppc64le: { machine: 21, class: 64, endian: 'little', machineName: 'ppc64le' },
  ppc64: { machine: 21, class: 64, endian: 'big', machineName: 'ppc64' },
  s390x: { machine: 22, class: 64, endian: 'big', machineName: 's390x' },
  riscv64: { machine: 243, class: 64, endian: 'little', machineName: 'riscv64' },
  loongarch64: { machine: 258, class: 64, endian: 'little', machineName: 'loongarch64' },
};

const LINUX_TAG = /^(?:linux|manylinux\d+|manylinux_\d+_\d+|musllinux_\d+_\d+)_(.+)$/;

/**
 * Maps a platform tag to the ELF machines it allows. Accepts a bare platform tag
 * (`linux_x86_64`, `manylinux2014_aarch64`, `manylinux_2_17_x86_64.manylinux2014_x86_64`) or a
 * full `python-abi-platform` tag (`py2-none-any`), whose last part is the platform.
 */
export function expectedMachines(platformTag: string): PlatformExpectation {
  const platform = platformTag.slice(platformTag.lastIndexOf('-') + 1);
  const accepted: MachineSpec[] = [];
  const arches: string[] = [];
  for (const tag of platform.split('.')) {
    if (tag === 'any') return { kind: 'any' };
    const arch = LINUX_TAG.exec(tag)?.[1];
    const spec = arch === undefined ? undefined : ARCHES[arch];
    if (arch === undefined || spec === undefined) return { kind: 'other', tag: platform };
    if (!arches.includes(arch)) arches.push(arch);
    if (!accepted.some((s) => sameMachine(s, spec))) accepted.push(spec);
  }
  return { kind: 'linux', arch: arches.join('/'), accepted };
}

function sameMachine(a: MachineSpec, b: Pick<ElfInfo, 'machine' | 'class' | 'endian'>): boolean {
  return a.machine === b.machine && a.class === b.class && a.endian === b.endian;
}

export function describeMachine(info: Pick<ElfInfo, 'machineName' | 'class' | 'endian'>): string {
  return `${info.machineName} (${info.class}-bit, ${info.endian}-endian)`;
}

export interface MachineMismatch {
  path: string;
  /** 'error' refuses the wheel; 'warning' is only reported. */
  severity: 'error' | 'warning';
  /** The file's machine, e.g. "aarch64 (64-bit, little-endian)". */
  found: string;
  /** What the tag allows, e.g. "x86_64 (64-bit, little-endian)". */
  expected: string;
  message: string;
}

/**
 * Compares every ELF file of a wheel with its platform tag. Files of the wrong machine, class or
 * byte order are errors for Linux tags; any ELF file in an `any` wheel, or in a wheel whose tag
 * this check does not know, is a warning (Algorithmia's own legacy wheels are py2-none-any and
 * carry .so files).
 */
export function checkMachines(
  files: readonly { path: string; info: ElfInfo }[],
  platformTag: string,
): MachineMismatch[] {
  const expectation = expectedMachines(platformTag);
  const mismatches: MachineMismatch[] = [];
  for (const { path, info } of files) {
    const found = describeMachine(info);
    if (expectation.kind === 'any') {
      mismatches.push({
        path,
        severity: 'warning',
        found,
        expected: 'no native code',
        message: `${path} is native code for ${found} in a platform-independent ('any') wheel; it will only load on ${info.machineName} machines. Consider a platform tag such as linux_${info.machineName === 'i386' ? 'i686' : info.machineName}.`,
      });
    } else if (expectation.kind === 'other') {
      mismatches.push({
        path,
        severity: 'warning',
        found,
        expected: `platform '${expectation.tag}'`,
        message: `${path} is an ELF file for ${found}; the machine check does not know platform '${expectation.tag}'.`,
      });
    } else if (!expectation.accepted.some((spec) => sameMachine(spec, info))) {
      const expected = expectation.accepted.map(describeMachine).join(' or ');
      mismatches.push({
        path,
        severity: 'error',
        found,
        expected,
        message: `${path} is built for ${found}, but the wheel is tagged for ${expected}.`,
      });
    }
  }
  return mismatches;
}
