/**
 * The loader's own view of an installed shared object: which libraries it resolves, and which it
 * cannot find. Runs `ldd` (or the loader with `--list`) through the Executor, so inside the vendor
 * image it sees exactly the libraries that image has.
 */
import { LibraryError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import { isPythonRuntimeLibrary } from './library-filter.js';
import {
  describeMissing,
  didNotStart,
  loaderStatus,
  parseLdd,
  type LddEntry,
  type LoaderStatus,
} from './ldd-output.js';

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

export interface LoaderViewOptions {
  /** Added to the environment of ldd (e.g. a PATH; LD_LIBRARY_PATH changes what it finds). */
  env?: Record<string, string>;
  /** PT_INTERP of the object, when known: the first loader tried when ldd is missing. */
  interpreter?: string;
  /** ElfInfo.machineName of the object, to pick the standard loaders when ldd is missing. */
  machineName?: string;
}

/**
 * Runs `ldd <soPath>` where the executor runs and parses it. When ldd is missing (slim images),
 * asks the program loader directly (`ld.so --list`), trying the object's PT_INTERP and then the
 * standard loader paths.
 */
export async function loaderView(
  executor: Executor,
  soPath: string,
  options: LoaderViewOptions = {},
): Promise<LoaderView> {
  // The loader treats a name without a slash as a library to search for, not a file.
  const file = soPath.includes('/') ? soPath : `./${soPath}`;
  const env = options.env;
  const ldd = await executor.run(['ldd', file], env ? { env } : {});
  if (!didNotStart(ldd.exitCode, ldd.stdout, ldd.stderr)) {
    const output = `${ldd.stdout}${ldd.stderr}`;
    return {
      file: soPath,
      tool: 'ldd',
      status: loaderStatus(output),
      entries: parseLdd(output),
      output,
    };
  }
  const candidates = [
    ...(options.interpreter ? [options.interpreter] : []),
    ...(options.machineName
      ? (STANDARD_LOADERS[options.machineName] ?? [])
      : Object.values(STANDARD_LOADERS).flat()),
  ];
  let unsupported: LoaderView | undefined;
  for (const loader of new Set(candidates)) {
    const result = await executor.run([loader, '--list', file], env ? { env } : {});
    if (didNotStart(result.exitCode, result.stdout, result.stderr)) continue;
    const output = `${result.stdout}${result.stderr}`;
    const status = loaderStatus(output);
    const view: LoaderView = {
      file: soPath,
      tool: loader,
      status,
      entries: parseLdd(output),
      output,
    };
    // A loader of the other class (the 32-bit one for a 64-bit object) refuses it: try the next.
    if (status === 'unsupported') {
      unsupported ??= view;
      continue;
    }
    return view;
  }
  return (
    unsupported ?? {
      file: soPath,
      tool: 'ldd',
      status: 'unavailable',
      entries: [],
      output: `ldd: ${ldd.stderr.trim()}; no program loader found at ${[...new Set(candidates)].join(', ')}`,
    }
  );
}

export const MISSING_LIBRARY_FIX =
  "build those libraries statically into your extension, or stage them into the package and link with an $ORIGIN RPATH (-Wl,-rpath,'$ORIGIN/...'), or set the input bundle-libs: true to copy them into the wheel.";

export interface CheckLibrariesOptions {
  env?: Record<string, string>;
  /** ElfInfo.machineName of the wheel's objects, for the loader fallback when ldd is missing. */
  machineName?: string;
  /** How many ldd processes run at once (default 2). */
  concurrency?: number;
  /** Names left out of the wheel by `exclude-libs`, so the error says the runtime must have them. */
  excluded?: (name: string) => boolean;
}

/**
 * Runs the loader view of every installed shared object (paths as the executor sees them) and
 * throws a LibraryError listing, per file, the libraries the loader cannot find. Objects the
 * loader cannot inspect are warned about, not failed. Returns every view, for the report.
 */
export async function checkInstalledLibraries(
  executor: Executor,
  installedFiles: readonly string[],
  log: Log,
  options: CheckLibrariesOptions = {},
): Promise<LoaderView[]> {
  const views: LoaderView[] = new Array<LoaderView>(installedFiles.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < installedFiles.length) {
      const index = next++;
      views[index] = await loaderView(executor, installedFiles[index]!, {
        ...(options.env ? { env: options.env } : {}),
        ...(options.machineName ? { machineName: options.machineName } : {}),
      });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 2, installedFiles.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const failures: { view: LoaderView; missing: LddEntry[] }[] = [];
  for (const view of views) {
    if (view.status === 'unsupported' || view.status === 'unavailable') {
      log.warning(
        `Could not check the libraries of ${view.file} on ${executor.where} (${view.tool}): ${view.output.trim()}`,
        { file: view.file },
      );
      continue;
    }
    // libpython is loaded by the interpreter before the import (a shared-libpython build links
    // its extensions to it without an RPATH); the import check proves it is there.
    const missing = view.entries.filter(
      (entry) => entry.notFound && (entry.missingVersion || !isPythonRuntimeLibrary(entry.name)),
    );
    const found = view.entries.filter((entry) => !entry.notFound);
    log.info(
      view.status === 'static'
        ? `${view.file}: statically linked`
        : `${view.file}: ${found.length} libraries resolved${missing.length ? `, ${missing.length} missing` : ''}`,
    );
    for (const entry of found) log.debug(`  ${entry.name} => ${entry.path ?? '(virtual)'}`);
    if (missing.length > 0) failures.push({ view, missing });
  }
  if (failures.length > 0) {
    const details = failures
      .map(({ view, missing }) =>
        [
          view.file,
          ...missing.map((entry) => `  ${describeMissing(entry, options.excluded)}`),
        ].join('\n'),
      )
      .join('\n');
    const names = [
      ...new Set(
        failures.flatMap(({ missing }) =>
          missing.map((e) => (options.excluded?.(e.name) ? `${e.name} (exclude-libs)` : e.name)),
        ),
      ),
    ];
    throw new LibraryError(
      `${failures.length} installed shared object(s) need libraries that cannot be found on ${executor.where}: ${names.join(', ')}`,
      { file: failures[0]!.view.file, details, fix: MISSING_LIBRARY_FIX },
    );
  }
  return views;
}
