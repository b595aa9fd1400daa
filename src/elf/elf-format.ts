// What an ELF file tells us, the reader's error, the magic and machine names (pure).
import { LibraryError } from '../base/errors.js';

export type ElfClass = 32 | 64;
export type ElfEndian = 'little' | 'big';
export type ElfType = 'none' | 'rel' | 'exec' | 'shared' | 'core' | 'unknown';

export interface ElfInfo {
  class: ElfClass;
  endian: ElfEndian;
  /** e_machine, e.g. 62 for x86-64. */
  machine: number;
  /** 'x86_64', 'i386', 'aarch64', 'arm', 'ppc64le', 's390x', ... or 'unknown(0x1234)'. */
  machineName: string;
  /** e_type; position-independent executables are ET_DYN, so they read as 'shared'. */
  type: ElfType;
  /** True when the file has a PT_DYNAMIC segment (false for static executables and .o files). */
  dynamic: boolean;
  /** PT_INTERP: the program loader an executable asks for (absent for most shared objects). */
  interpreter?: string;
  soname?: string;
  needed: string[];
  /** DT_RPATH entries (colon-separated list split), in order. */
  rpath: string[];
  /** DT_RUNPATH entries, in order. */
  runpath: string[];
  /**
   * Symbol versions the file needs (DT_VERNEED, `.gnu.version_r`): one entry per library and
   * version, e.g. libc.so.6 GLIBC_2.34. `symbols` (filled by `readElf(path, { symbols: true })`)
   * names the undefined symbols bound to that version, at most MAX_SYMBOLS_PER_VERSION.
   */
  versionNeeds: VersionNeed[];
  /** Versions the file defines (DT_VERDEF, `.gnu.version_d`), without the base (SONAME) entry. */
  versionDefs: string[];
}

export interface VersionNeed {
  /** The vn_file name: a NEEDED library, e.g. libstdc++.so.6. */
  library: string;
  /** e.g. GLIBCXX_3.4.26. */
  version: string;
  /** Some undefined symbols that need this version (empty unless symbols were read). */
  symbols: string[];
}

export interface ReadElfOptions {
  /** Also read the dynamic symbol table to name the symbols of each needed version. */
  symbols?: boolean;
}

/**
 * A file that starts like an ELF file but cannot be parsed. It is a LibraryError: a truncated or
 * corrupt binary in a package cannot load either.
 */
export class ElfFormatError extends LibraryError {
  /** The file offset the problem was found at, when there is one. */
  readonly offset: number | undefined;

  constructor(file: string, problem: string, offset?: number) {
    const where = offset === undefined ? '' : ` (offset 0x${offset.toString(16)})`;
    super(`${file}: not a valid ELF file: ${problem}${where}`, {
      file,
      fix: 'rebuild the file; it is truncated or corrupt (or it is not an ELF binary and should not start with "\\x7fELF").',
    });
    this.offset = offset;
  }
}

export const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

/** True when `head` (the first bytes of a file, at least 4) starts with the ELF magic. */
export function isElf(head: Buffer): boolean {
  return head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC);
}

const MACHINES: Record<number, string | ((cls: ElfClass, endian: ElfEndian) => string)> = {
  2: 'sparc',
  3: 'i386',
  8: (_c, e) => (e === 'little' ? 'mipsel' : 'mips'),
  20: 'ppc',
  21: (_c, e) => (e === 'little' ? 'ppc64le' : 'ppc64'),
  22: (c) => (c === 64 ? 's390x' : 's390'),
  40: 'arm',
  43: 'sparcv9',
  50: 'ia64',
  62: 'x86_64',
  183: 'aarch64',
  243: (c) => (c === 64 ? 'riscv64' : 'riscv32'),
  258: 'loongarch64',
};

/** A readable name for an ELF e_machine value (depends on class and byte order for a few). */
export function machineName(machine: number, cls: ElfClass, endian: ElfEndian): string {
  const entry = MACHINES[machine];
  if (entry === undefined) return `unknown(0x${machine.toString(16)})`;
  return typeof entry === 'string' ? entry : entry(cls, endian);
}
