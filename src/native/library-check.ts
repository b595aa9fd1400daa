/**
 * `check-libs`: the loader where the wheel was installed (this machine or the image) must find
 * every library each installed shared object needs. One loader query for all the files: one
 * process, so one container in image mode, however many objects the wheel holds.
 */
import { LibraryError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import {
  describeMissing,
  MISSING_LIBRARY_FIX,
  type LddEntry,
  type LoaderView,
} from './ldd-output.js';
import { isPythonRuntimeLibrary } from './library-filter.js';
import { queryLoader } from './loader-query.js';

export interface CheckLibrariesOptions {
  env?: Record<string, string>;
  /** ElfInfo.machineName of the wheel's objects, for the loader fallback when ldd is missing. */
  machineName?: string;
  /** PT_INTERP of the wheel's objects: the first loader tried when ldd is missing. */
  interpreter?: string;
  /** Names left out of the wheel by `exclude-libs`, so the error says the runtime must have them. */
  excluded?: (name: string) => boolean;
}

/**
 * Asks the loader about every installed shared object (paths as the executor sees them) and
 * throws a LibraryError listing, per file, the libraries the loader cannot find. Objects the
 * loader cannot inspect are warned about, not failed. Returns every view, for the report.
 */
export async function checkInstalledLibraries(
  executor: Executor,
  installedFiles: readonly string[],
  log: Log,
  options: CheckLibrariesOptions = {},
): Promise<LoaderView[]> {
  if (installedFiles.length === 0) return [];
  const answer = await queryLoader(executor, installedFiles, {
    ...(options.env ? { env: options.env } : {}),
    ...(options.machineName ? { machineName: options.machineName } : {}),
    ...(options.interpreter ? { interpreter: options.interpreter } : {}),
  });
  if (answer.views.every((view) => view.output === '(no answer)')) {
    // The shell itself did not run (an image without sh, an engine that failed): a check that
    // never happened must not read as "nothing to check".
    throw new LibraryError(
      `check-libs could not ask the loader on ${executor.where} (exit ${answer.exitCode}): ${answer.stderr.trim() || 'no output'}`,
      {
        input: 'check-libs',
        file: installedFiles[0]!,
        fix: 'run the verification where a POSIX sh and ldd (or the program loader) exist, or set check-libs: false.',
      },
    );
  }

  const failures: { view: LoaderView; missing: LddEntry[] }[] = [];
  for (const view of answer.views) {
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
  return answer.views;
}
