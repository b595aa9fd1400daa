import { readElfIfAny } from '../../elf/read-file.js';
import type { Log } from '../../log/log.js';
import type { PackageFile } from '../../wheel/package-file.js';

/**
 * The RUNPATH/RPATH folders of the build machine left in the built files: absolute folders (not
 * `$ORIGIN`), such as the lib folder of a pyenv python, whose LDSHARED adds `-Wl,-rpath`.
 */
export function buildMachineRunpaths(
  files: readonly PackageFile[],
): { file: string; folders: string[] }[] {
  const found: { file: string; folders: string[] }[] = [];
  for (const file of files) {
    const elf = readElfIfAny(file.sourcePath);
    if (!elf) continue;
    const folders = [...elf.runpath, ...elf.rpath].filter(
      (folder) => folder.startsWith('/') && !folder.includes('$ORIGIN'),
    );
    if (folders.length > 0) found.push({ file: file.archivePath, folders });
  }
  return found;
}

/** Warns once per file that keeps a build machine's folder in its search path. */
export function warnBuildRunpaths(files: readonly PackageFile[], python: string, log: Log): void {
  for (const { file, folders } of buildMachineRunpaths(files)) {
    // <prefix>/lib of the python that built it (pyenv's, or any --enable-shared build's).
    const own = folders.some(
      (f) => /\/lib\/?$/.test(f) && python.startsWith(f.replace(/lib\/?$/, '')),
    );
    log.warning(
      `${file} keeps the build machine's RUNPATH ${folders.join(':')}` +
        `${own ? ` (the lib folder of ${python}, added by its LDSHARED)` : ''}: ` +
        'the loader searches it on every machine that imports the wheel. Remove it with ' +
        '`patchelf --remove-rpath`, or build with a python whose LDSHARED has no -rpath.',
    );
  }
}
