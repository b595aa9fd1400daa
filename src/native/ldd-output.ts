/**
 * What `ldd` or `ld.so --list` printed, read without I/O: the libraries resolved or not found,
 * what the output says about the object, and the line the user reads for a missing library.
 * loader-query.ts asks the loader; library-check.ts and bundle.ts act on the answer.
 */
export interface LddEntry {
  /** The name as the object asked for it (a NEEDED entry), or the loader's path. */
  name: string;
  /** Where the loader found it; absent when not found or for the vDSO. */
  path?: string;
  /** True when the library, or a symbol version it must provide, cannot be found. */
  notFound: boolean;
  /** For "version `GLIBCXX_3.4.32' not found": the missing version. */
  missingVersion?: string;
}

const NOT_FOUND = /^(\S+)\s+=>\s+not found\s*$/;
const RESOLVED = /^(\S+)\s+=>\s+(\S.*?)\s+\(0x[0-9a-f]+\)\s*$/i;
const NO_PATH = /^(\S+)\s+=>\s+\(0x[0-9a-f]+\)\s*$/i; // old glibc: "linux-vdso.so.1 =>  (0x...)"
const BARE = /^(\S+)\s+\(0x[0-9a-f]+\)\s*$/i;
const LOADER_MISSING =
  /error while loading shared libraries: (\S+): cannot open shared object file/;
const VERSION_MISSING = /:\s*(\S+): version [`'](.+?)' not found \(required by (.+)\)/;
const MUSL_MISSING = /^Error loading shared library (\S+): .*\(needed by (.+)\)\s*$/;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Parses `ldd` or `ld.so --list` output (glibc or musl; stdout and stderr may be concatenated).
 * "statically linked" and "not a dynamic executable" lines yield no entries.
 */
export function parseLdd(output: string): LddEntry[] {
  const entries: LddEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: LddEntry): void => {
    const key = `${entry.name}\0${entry.notFound}\0${entry.missingVersion ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    entries.push(entry);
  };
  for (const raw of output.split('\n')) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = NOT_FOUND.exec(line))) add({ name: m[1]!, notFound: true });
    else if ((m = RESOLVED.exec(line))) add({ name: m[1]!, path: m[2]!, notFound: false });
    else if ((m = NO_PATH.exec(line))) add({ name: m[1]!, notFound: false });
    else if ((m = BARE.exec(line))) {
      const name = m[1]!;
      add(name.startsWith('/') ? { name, path: name, notFound: false } : { name, notFound: false });
    } else if ((m = VERSION_MISSING.exec(line))) {
      add({ name: baseName(m[1]!), path: m[1]!, notFound: true, missingVersion: m[2]! });
    } else if ((m = LOADER_MISSING.exec(line))) add({ name: m[1]!, notFound: true });
    else if ((m = MUSL_MISSING.exec(line))) add({ name: m[1]!, notFound: true });
  }
  return entries;
}

export type LoaderStatus =
  /** The loader resolved (or failed to resolve) the object's libraries: see entries. */
  | 'dynamic'
  /** A static object: nothing to resolve. */
  | 'static'
  /** The loader refused the file (not a dynamic object, or another class/machine than it). */
  | 'unsupported'
  /** Neither ldd nor a program loader could be run where the executor runs. */
  | 'unavailable';

export interface LoaderView {
  file: string;
  /** The command that produced it: "ldd" or the loader path. */
  tool: string;
  status: LoaderStatus;
  entries: LddEntry[];
  /** stdout and stderr, for the log. */
  output: string;
}

/** Where glibc and musl put the program loader, by ElfInfo.machineName. */
export const STANDARD_LOADERS: Record<string, readonly string[]> = {
  x86_64: ['/lib64/ld-linux-x86-64.so.2', '/lib/ld-musl-x86_64.so.1'],
  i386: ['/lib/ld-linux.so.2', '/lib/ld-musl-i386.so.1'],
  aarch64: ['/lib/ld-linux-aarch64.so.1', '/lib/ld-musl-aarch64.so.1'],
  arm: ['/lib/ld-linux-armhf.so.3', '/lib/ld-linux.so.3', '/lib/ld-musl-armhf.so.1'],
  ppc64le: ['/lib64/ld64.so.2', '/lib/ld-musl-powerpc64le.so.1'],
  ppc64: ['/lib64/ld64.so.1'],
  s390x: ['/lib/ld64.so.1', '/lib/ld-musl-s390x.so.1'],
  riscv64: ['/lib/ld-linux-riscv64-lp64d.so.1', '/lib/ld-musl-riscv64.so.1'],
  loongarch64: ['/lib64/ld-linux-loongarch-lp64d.so.1'],
};

/** What the loader's output says about the file (static, refused, or resolved). */
export function loaderStatus(output: string): LoaderStatus {
  if (/statically linked/.test(output)) return 'static';
  if (/not a dynamic executable|wrong ELF class|invalid ELF header/.test(output)) {
    return 'unsupported';
  }
  return 'dynamic';
}

/** One line of the missing-library error. */
export function describeMissing(entry: LddEntry, excluded?: (name: string) => boolean): string {
  if (entry.missingVersion) return `${entry.name} (version ${entry.missingVersion} not found)`;
  return excluded?.(entry.name)
    ? `${entry.name} => not found (left out of the wheel by exclude-libs: the runtime must provide it)`
    : `${entry.name} => not found`;
}

export const MISSING_LIBRARY_FIX =
  "build those libraries statically into your extension, or stage them into the package and link with an $ORIGIN RPATH (-Wl,-rpath,'$ORIGIN/...'), or set the input bundle-libs: true to copy them into the wheel.";
