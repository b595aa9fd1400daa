/**
 * What `bundle-libs` does, decided without I/O: which libraries to copy into `<package>.libs/`
 * and which RPATHs to set (`planBundle`), their unique names, and the patchelf edits per file
 * with the check that they landed.
 */
import { posix } from 'node:path';
import type { LddEntry } from './ldd-output.js';
import type { ElfInfo } from '../elf/reader.js';
import {
  exclusionReason,
  NO_FILTER,
  type ExclusionReason,
  type LibraryFilter,
} from './library-filter.js';

export interface BundleFile {
  /** Absolute path of an ELF file inside the package root. */
  path: string;
  info: Pick<ElfInfo, 'needed' | 'soname' | 'rpath' | 'runpath' | 'dynamic' | 'type'>;
  /** The loader's view of it in the build environment (ldd entries, transitive). */
  deps: readonly LddEntry[];
}

export interface BundlePlanInput {
  /** The staged tree (absolute); the package is `<packageRoot>/<packageName>/`. */
  packageRoot: string;
  packageName: string;
  files: readonly BundleFile[];
  /** NEEDED entries of libraries already planned for copying, by their source path. */
  libraryNeeds?: ReadonlyMap<string, readonly string[]>;
  /** What stays out besides the base system: policy list, libpython, `exclude-libs`. */
  filter?: LibraryFilter;
}

export interface BundleCopy {
  /** The NEEDED name, which is also the file name in the .libs directory. */
  name: string;
  /** Where the build environment's loader found it. */
  from: string;
  /** Absolute destination inside `<packageName>.libs/`. */
  to: string;
  /** The files (package files or other copies) that need it. */
  neededBy: string[];
}

export interface RpathChange {
  path: string;
  /** The new RPATH entries, all `$ORIGIN`-relative. */
  rpath: string[];
  /** Previous entries that were dropped (absolute build-machine paths). */
  dropped: string[];
}

export interface BundlePlan {
  libsDir: string;
  copies: BundleCopy[];
  rpaths: RpathChange[];
  /** Needed libraries the build environment's loader cannot find either. */
  missing: { path: string; names: string[] }[];
  /** Names the loader resolved to different files for different objects; the first one wins. */
  conflicts: { name: string; sources: string[] }[];
  /** Copies whose own NEEDED entries are not in `libraryNeeds` yet: read them and plan again. */
  unknownNeeds: string[];
  /** Needed libraries left out on purpose (not the base system), with the reason. */
  excluded: { name: string; reason: Exclude<ExclusionReason, 'system'>; neededBy: string[] }[];
}

function isOriginRelative(entry: string): boolean {
  return entry.startsWith('$ORIGIN') || entry.startsWith('${ORIGIN}');
}

function originPath(fromDir: string, toDir: string): string {
  const relative = posix.relative(fromDir, toDir);
  return relative === '' ? '$ORIGIN' : `$ORIGIN/${relative}`;
}

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/**
 * Plans the copies and RPATH changes. Walks NEEDED entries from the package's dynamic objects
 * through non-system libraries only (a system library's own dependencies are the system's), and
 * resolves names with the ldd entries of the package files.
 */
export function planBundle(input: BundlePlanInput): BundlePlan {
  const root = posix.normalize(input.packageRoot);
  const libsDir = posix.join(root, `${input.packageName}.libs`);
  const libraryNeeds = input.libraryNeeds ?? new Map<string, readonly string[]>();
  const filter = input.filter ?? NO_FILTER;
  const excluded = new Map<string, BundlePlan['excluded'][number]>();
  const files = input.files.filter((file) => file.info.dynamic && file.info.type !== 'rel');

  // Libraries the package itself provides, by SONAME and by file name.
  const provided = new Map<string, string>();
  for (const file of input.files) {
    provided.set(posix.basename(file.path), file.path);
    // Stryker disable next-line ConditionalExpression: an undefined key is never looked up
    if (file.info.soname) provided.set(file.info.soname, file.path);
  }

  // Where the build environment resolves each name (first file wins; others are conflicts).
  const resolved = new Map<string, string>();
  const sources = new Map<string, Set<string>>();
  const notFound = new Set<string>();
  for (const file of files) {
    for (const dep of file.deps) {
      if (dep.notFound && !dep.missingVersion) notFound.add(dep.name);
      if (dep.notFound || !dep.path) continue;
      if (!resolved.has(dep.name)) resolved.set(dep.name, dep.path);
      const set = sources.get(dep.name) ?? new Set<string>();
      set.add(dep.path);
      sources.set(dep.name, set);
    }
  }

  const copies = new Map<string, BundleCopy>();
  const missing = new Map<string, Set<string>>();
  const rpaths: RpathChange[] = [];
  const unknownNeeds: string[] = [];
  const queue: string[] = [];

  /** Classifies one needed name: system, in-package, bundled, or missing. */
  const need = (name: string, by: string): 'copy' | 'package' | 'none' => {
    const reason = exclusionReason(name, filter);
    if (reason === 'system') return 'none';
    if (reason !== undefined) {
      const entry = excluded.get(name) ?? { name, reason, neededBy: [] };
      if (!entry.neededBy.includes(by)) entry.neededBy.push(by);
      excluded.set(name, entry);
      return 'none';
    }
    const at = resolved.get(name);
    if (at !== undefined && inside(root, at)) return 'none'; // already found inside the package
    if (provided.has(name)) return 'package';
    if (at === undefined) {
      const set = missing.get(by) ?? new Set<string>();
      set.add(name);
      missing.set(by, set);
      return 'none';
    }
    const copy = copies.get(name);
    if (copy) {
      if (!copy.neededBy.includes(by)) copy.neededBy.push(by);
    } else {
      copies.set(name, { name, from: at, to: posix.join(libsDir, name), neededBy: [by] });
      queue.push(name);
    }
    return 'copy';
  };

  for (const file of files) {
    const dir = posix.dirname(file.path);
    const entries: string[] = [];
    let change = false;
    for (const name of file.info.needed) {
      const kind = need(name, file.path);
      if (kind === 'copy') {
        entries.push(originPath(dir, libsDir));
        change = true;
      } else if (kind === 'package' && notFound.has(name)) {
        entries.push(originPath(dir, posix.dirname(provided.get(name)!)));
        change = true;
      }
    }
    if (!change) continue;
    const previous = [...file.info.rpath, ...file.info.runpath];
    const kept = previous.filter(isOriginRelative);
    rpaths.push({
      path: file.path,
      rpath: [...new Set([...entries, ...kept])],
      dropped: previous.filter((entry) => !isOriginRelative(entry)),
    });
  }

  // The copies' own needs, as far as they are known; each copy finds its siblings via $ORIGIN.
  for (let i = 0; i < queue.length; i++) {
    const copy = copies.get(queue[i]!)!;
    const needs = libraryNeeds.get(copy.from);
    if (needs === undefined) {
      unknownNeeds.push(copy.from);
      continue;
    }
    for (const name of needs) need(name, copy.to);
  }
  for (const copy of copies.values())
    rpaths.push({ path: copy.to, rpath: ['$ORIGIN'], dropped: [] });

  const conflicts = [...sources]
    .filter(([name, set]) => set.size > 1 && copies.has(name))
    .map(([name, set]) => ({ name, sources: [...set] }));
  return {
    libsDir,
    copies: [...copies.values()],
    rpaths,
    missing: [...missing].map(([path, names]) => ({ path, names: [...names] })),
    conflicts,
    unknownNeeds,
    excluded: [...excluded.values()],
  };
}

/**
 * The unique name of a bundled copy, like auditwheel's: the first 8 hex digits of the
 * original file's sha256 go before the first ".so" (libfoo.so.1 -> libfoo-1a2b3c4d.so.1), so
 * two wheels bundling different builds of one library load both in one process.
 */
export function uniqueLibraryName(name: string, sha256: string): string {
  const hash = sha256.slice(0, 8);
  const at = name.indexOf('.so');
  return at > 0 ? `${name.slice(0, at)}-${hash}${name.slice(at)}` : `${name}-${hash}`;
}

/*
 * The patchelf edits, grouped per file. Which patchelf is trusted with what: 0.14.5 and newer get one call per file with all its edits
 * (SONAME, every NEEDED rename, the RPATH), which also keeps the file from growing once per
 * edit; auditwheel 6.8.1 refuses anything older. Older versions (Debian 12 and Ubuntu 22.04
 * ship 0.14.3) write the wrong strings when one call carries several edits (NixOS/patchelf#359,
 * fixed in 0.14.4; pypa/auditwheel#722): a NEEDED entry left unrenamed, the SONAME or RPATH set
 * to another edit's string. They get one call per edit, the way each such edit is known to work.
 * Either way every edited file is read back: the verification catches an edit lost or written
 * to the wrong entry (SONAME, NEEDED, RPATH as planned); damage elsewhere in the file shows in
 * the loader check and the import that follow.
 */

/** The edits of one file. */
export interface FileEdit {
  path: string;
  soname?: string;
  /** [old, new] NEEDED names. */
  replaceNeeded: (readonly [string, string])[];
  /** The new DT_RPATH entries (set with --force-rpath). */
  rpath?: string[];
}

/** The oldest patchelf trusted with several edits in one call. */
export const PATCHELF_COMBINED_EDITS: readonly [number, number, number] = [0, 14, 5];

/** "patchelf 0.14.3" -> [0, 14, 3]; undefined when the output names no version. */
export function parsePatchelfVersion(output: string): [number, number, number] | undefined {
  const m = /patchelf\s+(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

export function trustsCombinedEdits(version: readonly number[] | undefined): boolean {
  if (!version) return false;
  for (let i = 0; i < 3; i++) {
    const a = version[i] ?? 0;
    const b = PATCHELF_COMBINED_EDITS[i]!;
    // Stryker disable next-line EqualityOperator: a !== b here, so a >= b is a > b
    if (a !== b) return a > b;
  }
  return true;
}

/** The patchelf argument lists for one file: one with every edit, or one per edit. */
export function patchelfCalls(edit: FileEdit, combined: boolean): string[][] {
  const parts: string[][] = [];
  if (edit.soname !== undefined) parts.push(['--set-soname', edit.soname]);
  for (const [from, to] of edit.replaceNeeded) parts.push(['--replace-needed', from, to]);
  // --force-rpath writes DT_RPATH (like auditwheel): it also applies to the libraries' own
  // dependencies and is not overridden by LD_LIBRARY_PATH.
  if (edit.rpath !== undefined) parts.push(['--force-rpath', '--set-rpath', edit.rpath.join(':')]);
  if (parts.length === 0) return [];
  if (combined) return [['patchelf', ...parts.flat(), edit.path]];
  return parts.map((part) => ['patchelf', ...part, edit.path]);
}

/** What a patched file holds, as read back. */
export interface PatchedFacts {
  soname?: string;
  needed: readonly string[];
  rpath: readonly string[];
  runpath: readonly string[];
}

/** Every way `facts` differs from the planned edit (empty when it landed). */
export function editMismatches(edit: FileEdit, facts: PatchedFacts): string[] {
  const out: string[] = [];
  if (edit.soname !== undefined && facts.soname !== edit.soname) {
    out.push(`SONAME is ${facts.soname ?? '(none)'}, not ${edit.soname}`);
  }
  for (const [from, to] of edit.replaceNeeded) {
    if (facts.needed.includes(from)) out.push(`still NEEDS ${from}`);
    if (!facts.needed.includes(to)) out.push(`does not NEED ${to}`);
  }
  if (edit.rpath !== undefined) {
    const want = edit.rpath.join(':');
    const got = facts.rpath.join(':');
    if (got !== want) out.push(`RPATH is ${got || '(none)'}, not ${want}`);
    if (facts.runpath.length) out.push(`kept a RUNPATH ${facts.runpath.join(':')}`);
  }
  return out;
}
