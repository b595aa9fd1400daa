/**
 * What a wheel's native files need from the runtime's glibc and libstdc++ (the symbol versions
 * of `.gnu.version_r`), compared with a target runtime, and the strictest manylinux policy they
 * satisfy. Pure: works on ElfInfo values read elsewhere.
 */
import { LibraryError } from '../base/errors.js';
import { compareVersions, splitVersion, type RuntimeTarget } from './glibc-target.js';
import {
  FAMILY_LIBRARY,
  MANYLINUX_POLICIES,
  RUNTIME_FAMILIES,
  VERSION_FAMILIES,
  type ManylinuxPolicy,
  type VersionFamily,
} from './manylinux-policy.js';
import type { VersionNeed } from '../elf/reader.js';
import { isProgramLoader } from './system-libs.js';

export interface VersionedFile {
  /** Path for messages (relative to the package or install root). */
  path: string;
  needed: readonly string[];
  soname?: string;
  versionNeeds: readonly VersionNeed[];
}

/** The highest version a file needs from one library, per family (GLIBC, GLIBCXX, ...). */
export interface LibraryMaximum {
  path: string;
  library: string;
  /** e.g. { GLIBC: 'GLIBC_2.34' } or { GLIBCXX: 'GLIBCXX_3.4.26', CXXABI: 'CXXABI_1.3.9' }. */
  highest: Record<string, string>;
}

/** Per file and library, the highest needed version of each family (numbered versions only). */
export function maximaPerLibrary(files: readonly VersionedFile[]): LibraryMaximum[] {
  const out: LibraryMaximum[] = [];
  for (const file of files) {
    const byLibrary = new Map<string, Record<string, string>>();
    for (const need of file.versionNeeds) {
      const { family, number } = splitVersion(need.version);
      if (number === undefined) continue;
      const highest = byLibrary.get(need.library) ?? {};
      const current = highest[family];
      if (current === undefined || compareVersions(number, splitVersion(current).number!) > 0) {
        highest[family] = need.version;
      }
      byLibrary.set(need.library, highest);
    }
    for (const [library, highest] of byLibrary) out.push({ path: file.path, library, highest });
  }
  return out;
}

export interface VersionViolation {
  path: string;
  library: string;
  /** e.g. GLIBC_2.34. */
  version: string;
  family: VersionFamily;
  /** The target's maximum for the family, or undefined when the runtime has none of it. */
  allowed: string | undefined;
  /** Some symbols that need the version. */
  symbols: readonly string[];
}

function isFamily(family: string, families: readonly VersionFamily[]): family is VersionFamily {
  return (families as readonly string[]).includes(family);
}

/** A library family counts only from its own library: ZLIB_1.3 of libfoo.so.1 is not zlib's. */
function fromItsLibrary(family: VersionFamily, library: string): boolean {
  const owner = (FAMILY_LIBRARY as Partial<Record<VersionFamily, string>>)[family];
  return owner === undefined || owner === library;
}

/**
 * Every needed version of `families` above the target: by default glibc's, libstdc++'s and
 * libgcc_s's (GLIBC_/GLIBCXX_/CXXABI_/GCC_), the ones a runtime target describes. A maximum of
 * null (a policy's empty list) allows none. Versions needed from a library the wheel itself
 * carries (by SONAME) are not the runtime's business.
 */
export function findViolations(
  files: readonly VersionedFile[],
  target: {
    maxima: Partial<Record<VersionFamily, string | null>>;
    extra: RuntimeTarget['extra'];
  },
  families: readonly VersionFamily[] = RUNTIME_FAMILIES,
): VersionViolation[] {
  // A file without a SONAME adds undefined, which no library name equals.
  const carried = new Set(files.map((f) => f.soname));
  const out: VersionViolation[] = [];
  for (const file of files) {
    for (const need of file.versionNeeds) {
      if (carried.has(need.library)) continue;
      const { family, number } = splitVersion(need.version);
      if (!isFamily(family, families) || !fromItsLibrary(family, need.library)) continue;
      const allowed = target.maxima[family] ?? undefined;
      const ok =
        number === undefined
          ? target.extra.includes(need.version)
          : allowed !== undefined && compareVersions(number, allowed) <= 0;
      if (!ok) {
        out.push({
          path: file.path,
          library: need.library,
          version: need.version,
          family,
          allowed,
          symbols: need.symbols,
        });
      }
    }
  }
  return out;
}

function describeViolation(v: VersionViolation): string {
  const symbols = v.symbols.length
    ? ` (${v.symbols.slice(0, 4).join(', ')}${v.symbols.length > 4 ? ', ...' : ''})`
    : '';
  const limit =
    v.allowed === undefined
      ? `the target has no ${v.family} versions`
      : `the target allows ${v.family} up to ${v.allowed}`;
  return `${v.path} needs ${v.version} from ${v.library}${symbols}; ${limit}`;
}

export const TARGET_FIX =
  'build where the runtime is: set `image` to the image your algorithm runs in (or a manylinux image), or build with an older toolchain (older glibc and GCC) so the symbols bind to older versions; if the runtime really is newer, raise target-glibc.';

/** Throws a LibraryError naming file, library, version and symbols when anything is above. */
export function assertWithinTarget(files: readonly VersionedFile[], target: RuntimeTarget): void {
  const violations = findViolations(files, target);
  if (violations.length === 0) return;
  // The highest version per file and library first: that is what the loader reports.
  const worst = new Map<string, VersionViolation>();
  for (const v of violations) {
    const key = `${v.path}\0${v.library}\0${v.family}`;
    const current = worst.get(key);
    if (
      !current ||
      compareVersions(
        // Stryker disable next-line StringLiteral: '' compares as '0' (Number('') is 0)
        splitVersion(v.version).number ?? '0',
        // Stryker disable next-line StringLiteral: '' compares as '0' (Number('') is 0)
        splitVersion(current.version).number ?? '0',
      ) > 0
    ) {
      worst.set(key, v);
    }
  }
  const headline = [...worst.values()];
  const input = target.source === 'image' ? 'image' : 'target-glibc';
  throw new LibraryError(
    `the wheel needs newer glibc/libstdc++ symbol versions than ${target.label} provides: ${headline.map(describeViolation).join('; ')}`,
    {
      input,
      file: headline[0]!.path,
      details: violations.map(describeViolation).join('\n'),
      fix: TARGET_FIX,
    },
  );
}

/**
 * The oldest manylinux policy whose versions and library list the files satisfy. `older`: the
 * policy just before it and the versions that keep the files from it, to say why not that one.
 */
export function strictestPolicy(
  files: readonly VersionedFile[],
  options: { carried?: readonly string[] } = {},
): {
  policy?: ManylinuxPolicy;
  blockers: string[];
  older?: { name: string; reasons: string[] };
} {
  // A file without a SONAME adds undefined, which no NEEDED name equals.
  const carried = new Set([
    // Stryker disable next-line ArrayDeclaration: an invented default name matches no NEEDED entry
    ...(options.carried ?? []),
    ...files.map((f) => f.soname),
  ]);
  // The loader belongs to the platform: no policy lists it, and every system has it.
  const libraries = new Set(
    files.flatMap((f) => f.needed).filter((n) => !carried.has(n) && !isProgramLoader(n)),
  );
  // Stryker disable next-line ArrayDeclaration: the table is never empty, so the loop sets it
  let blockers: string[] = [];
  let older: { name: string; reasons: string[] } | undefined;
  for (const policy of MANYLINUX_POLICIES) {
    const outside = [...libraries].filter((l) => !policy.libraries.includes(l));
    const target = { maxima: policy.maxima, extra: policy.extra };
    const violations = findViolations(files, target, VERSION_FAMILIES);
    if (outside.length === 0 && violations.length === 0)
      return { policy, blockers: [], ...(older ? { older } : {}) };
    const reasons = violations.map(describeViolation);
    blockers = [
      ...outside.map((l) => `${l} is not in any manylinux policy's library list`),
      ...reasons,
    ];
    // Library reasons are left out: "in no policy's list" is not true of the older one alone.
    older = reasons.length > 0 ? { name: policy.name, reasons } : undefined;
  }
  return { blockers };
}

/**
 * One line for the summary table: the highest version of each family over all files
 * ("GLIBC_2.34, GLIBCXX_3.4.26, CXXABI_1.3.9, GCC_3.0"), families in a fixed order.
 */
export function overallHighest(maxima: readonly LibraryMaximum[]): string {
  const best = new Map<string, string>();
  for (const m of maxima) {
    for (const [family, version] of Object.entries(m.highest)) {
      const current = best.get(family);
      const number = splitVersion(version).number!;
      if (!current || compareVersions(number, splitVersion(current).number!) > 0)
        best.set(family, version);
    }
  }
  const order = (f: string): number => {
    const i = (RUNTIME_FAMILIES as readonly string[]).indexOf(f);
    return i === -1 ? RUNTIME_FAMILIES.length : i;
  };
  return (
    [...best]
      // Stryker disable next-line EqualityOperator: the keys of a Map are never equal
      .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1))
      .map(([, v]) => v)
      .join(', ')
  );
}

/** Log lines: "pkg/_x.so: libc.so.6 GLIBC_2.34; libstdc++.so.6 GLIBCXX_3.4.26, CXXABI_1.3.9". */
export function describeLibraryMaxima(maxima: readonly LibraryMaximum[]): string[] {
  const byFile = new Map<string, string[]>();
  for (const m of maxima) {
    const list = byFile.get(m.path) ?? [];
    list.push(`${m.library} ${Object.values(m.highest).join(', ')}`);
    byFile.set(m.path, list);
  }
  return [...byFile].map(([path, list]) => `${path} needs at most: ${list.join('; ')}`);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ') || '-';
}

/** A Markdown table for the job summary: the highest version needed per file and library. */
export function maximaMarkdown(maxima: readonly LibraryMaximum[], target?: RuntimeTarget): string {
  if (maxima.length === 0) return '';
  const lines = [
    '### Symbol versions needed',
    '',
    target ? `Target: ${cell(target.label)}` : 'No target-glibc: not checked against a runtime.',
    '',
    '| File | Library | Highest versions |',
    '| --- | --- | --- |',
    ...maxima.map(
      (m) =>
        `| ${cell(m.path)} | ${cell(m.library)} | ${cell(Object.values(m.highest).join(', '))} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
