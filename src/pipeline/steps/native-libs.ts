import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { bundleLibraries } from '../../native/bundle.js';
import type { RuntimeTarget } from '../../native/glibc-target.js';
import { inspectPackageElf } from '../../native/inspect.js';
import {
  exclusionReason,
  type LibraryFilter,
  type LibraryGlob,
} from '../../native/library-filter.js';
import { checkInstalledLibraries } from '../../native/library-check.js';
import { fileIsElf } from '../../elf/read-file.js';
import {
  assertWithinTarget,
  describeLibraryMaxima,
  maximaMarkdown,
  maximaPerLibrary,
  overallHighest,
} from '../../native/symbol-versions.js';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import type { PackageFile } from '../../wheel/package-file.js';

/**
 * `bundle-libs`: copies the package's ELF files into a scratch tree (never patching the user's
 * build products), lets bundleLibraries() add `<package>.libs/` and rewrite RPATHs there, and
 * returns the staged file list pointing at the patched copies.
 */
export async function bundleStagedLibraries(options: {
  /** Where the build ran: its loader says which libraries the files resolve to. */
  executor: Executor;
  /** This machine: copies and patches (the image needs no patchelf). */
  host: Executor;
  files: readonly PackageFile[];
  packageName: string;
  workDir: string;
  libraryPath: readonly string[];
  /** Left out besides the base system: the target policy's list, `exclude-libs`. */
  filter?: LibraryFilter;
  log: Log;
}): Promise<PackageFile[]> {
  const { executor, packageName, log } = options;
  const root = join(options.workDir, 'bundle');
  const out: PackageFile[] = [];
  const elfPaths: string[] = [];
  for (const file of options.files) {
    if (file.size >= 4 && (await fileIsElf(file.sourcePath))) {
      const copy = join(root, file.archivePath);
      await mkdir(dirname(copy), { recursive: true });
      await copyFile(file.sourcePath, copy);
      elfPaths.push(copy);
      out.push({ ...file, sourcePath: copy });
    } else {
      out.push(file);
    }
  }
  if (elfPaths.length === 0) {
    log.info('bundle-libs: the package has no native files');
    return out;
  }
  const env = options.libraryPath.length
    ? { LD_LIBRARY_PATH: options.libraryPath.join(':') }
    : undefined;
  const plan = await bundleLibraries({
    executor,
    host: options.host,
    // In an image, its loader copies what it resolved to where this machine can read it.
    ...(executor === options.host ? {} : { copyDir: join(options.workDir, 'bundle-sources') }),
    packageRoot: root,
    packageName,
    files: elfPaths,
    log,
    ...(env ? { env } : {}),
    ...(options.filter ? { filter: options.filter } : {}),
  });
  log.info(`bundle-libs: ${plan.copies.length} libraries copied into ${packageName}.libs/`);
  const libs = join(root, `${packageName}.libs`);
  for (const name of await readdir(libs).catch(() => [] as string[])) {
    const path = join(libs, name);
    const info = await stat(path);
    if (info.isFile()) {
      out.push({
        archivePath: relative(root, path),
        sourcePath: path,
        size: info.size,
        executable: false,
      });
    }
  }
  // The patched copies changed size: re-read what the packer will stream.
  return Promise.all(
    out.map(async (f) =>
      f.sourcePath.startsWith(root) ? { ...f, size: (await stat(f.sourcePath)).size } : f,
    ),
  );
}

export interface NativeReport {
  /** Markdown table of the native files ('' when there are none). */
  summary: string;
  /** NEEDED libraries of each native file, by its path in the wheel. */
  needed: Record<string, string[]>;
  /** With check-libs: what the loader resolved each NEEDED library of each native file to. */
  resolved?: Record<string, { name: string; path?: string }[]>;
  /** The highest symbol versions needed and the target, e.g. "GLIBC_2.34, GLIBCXX_3.4.26 (target: glibc 2.36)". */
  runtimeNeeds?: string;
  /** Per native file and library, the highest symbol version of each family (GLIBC_2.34...). */
  symbolVersions?: Record<string, Record<string, string[]>>;
}

/**
 * After the verification install: every ELF file must match the platform tag and, with
 * `check-libs`, the image's own loader must find every library it needs where it is installed.
 * Returns the job-summary table of native files and their dependencies.
 */
export async function checkNativeLibraries(options: {
  executor: Executor;
  target: string;
  platformTag: string;
  checkLibs: boolean;
  /** The runtime the symbol versions must fit (target-glibc, or the image's own libc). */
  runtime?: RuntimeTarget;
  /** `exclude-libs`: named as such when the loader cannot find them. */
  excludeLibs?: readonly LibraryGlob[];
  log: Log;
}): Promise<NativeReport> {
  const { executor, log, runtime } = options;
  const inspection = await inspectPackageElf({
    root: options.target,
    platformTag: options.platformTag,
    log,
    symbols: true,
  });
  if (inspection.files.length === 0) return { summary: '', needed: {} };
  const resolved: Record<string, { name: string; path?: string }[]> = {};
  // Symbol versions first: a GLIBC_2.34 need is clearer here than as the loader's failure.
  const versioned = inspection.files.map((f) => ({
    path: relative(options.target, f.path),
    needed: f.info.needed,
    ...(f.info.soname ? { soname: f.info.soname } : {}),
    versionNeeds: f.info.versionNeeds,
  }));
  const maxima = maximaPerLibrary(versioned);
  for (const line of describeLibraryMaxima(maxima)) log.info(line);
  if (runtime) {
    assertWithinTarget(versioned, runtime);
    log.info(`target-glibc: every native file fits ${runtime.label}`);
  }
  const versionsSummary = maximaMarkdown(maxima, runtime);
  if (options.checkLibs) {
    const { machineName, interpreter } = inspection.files[0]!.info;
    const views = await checkInstalledLibraries(
      executor,
      inspection.files.map((f) => f.path),
      log,
      {
        machineName,
        ...(interpreter ? { interpreter } : {}),
        excluded: (name) =>
          exclusionReason(name, { policyLibraries: [], exclude: options.excludeLibs ?? [] }) ===
          'excluded',
      },
    );
    log.info(
      `check-libs: the loader resolves every library of ${inspection.files.length} native files`,
    );
    for (const view of views) {
      resolved[relative(options.target, view.file)] = view.entries
        .filter((entry) => !entry.notFound)
        .map((entry) =>
          entry.path ? { name: entry.name, path: entry.path } : { name: entry.name },
        );
    }
  }
  const needed: Record<string, string[]> = {};
  for (const file of inspection.files)
    needed[relative(options.target, file.path)] = file.info.needed;
  const highest = overallHighest(maxima);
  const symbolVersions: Record<string, Record<string, string[]>> = {};
  for (const { path, library, highest: versions } of maxima) {
    (symbolVersions[path] ??= {})[library] = Object.values(versions).sort();
  }
  return {
    symbolVersions,
    summary: versionsSummary ? `${inspection.summary}\n${versionsSummary}` : inspection.summary,
    needed,
    ...(options.checkLibs ? { resolved } : {}),
    ...(highest
      ? { runtimeNeeds: `${highest} (target: ${runtime ? runtime.label : 'none, not checked'})` }
      : {}),
  };
}
