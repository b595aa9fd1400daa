import { BuildError } from '../base/errors.js';
import type { PythonProbe } from '../wheel/tags.js';
import type { PackageFile } from '../wheel/package-file.js';

/**
 * The ABI check before packing (pure): an extension module whose file name carries an ABI tag
 * (`fastjson.cpython-36m-x86_64-linux-gnu.so`) imports only with an interpreter that lists that
 * exact suffix (importlib.machinery.EXTENSION_SUFFIXES, imp.get_suffixes() on 2.7). A module
 * built for one python and packed for another fails here, before anything is packed.
 *
 * Only tagged suffixes are judged: a plain `.so` may be a shared library as well as a module
 * (the import check after installing catches a plain-`.so` module the interpreter ignores).
 */

// `<identifier>.<tag>.so`, with a tag naming an interpreter ABI: cpython-36m(-triple), abi3,
// pypy39-pp73(-triple), pypy-41, graalpy..., or Debian's 2.7 `x86_64-linux-gnu`.
const TAGGED =
  /^[A-Za-z_][A-Za-z0-9_]*(\.(?:cpython-|pypy|graalpy|abi3|[A-Za-z0-9_]+-linux-)[A-Za-z0-9_-]*\.so)$/;

/** The ABI-tagged suffix of an extension module's file name (`.cpython-311-x86_64-linux-gnu.so`). */
export function taggedExtensionSuffix(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return TAGGED.exec(name)?.[1];
}

export interface AbiMismatch {
  path: string;
  suffix: string;
}

/** The wheel paths whose tagged suffix the interpreter does not import. */
export function abiMismatches(
  paths: readonly string[],
  accepted: readonly string[],
): AbiMismatch[] {
  const mismatches: AbiMismatch[] = [];
  for (const path of paths) {
    const suffix = taggedExtensionSuffix(path);
    if (suffix !== undefined && !accepted.includes(suffix)) mismatches.push({ path, suffix });
  }
  return mismatches;
}

/**
 * Throws naming each module, its suffix and the suffixes `python` accepts. `accepted` is
 * undefined when the probe could not learn them (then nothing is judged).
 */
export function checkExtensionSuffixes(options: {
  paths: readonly string[];
  accepted: readonly string[] | null | undefined;
  python: string;
  /** "CPython 3.11.7", for the message. */
  interpreter: string;
  /** Where the file came from, for the annotation. */
  sourceOf?: (path: string) => string | undefined;
}): void {
  const { accepted } = options;
  if (!accepted) return;
  const mismatches = abiMismatches(options.paths, accepted);
  if (mismatches.length === 0) return;
  const first = mismatches[0]!;
  const more = mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : '';
  throw new BuildError(
    `the extension module ${first.path} has the suffix ${first.suffix}, which ${options.interpreter} ` +
      `(${options.python}) does not import${more}; it imports ${accepted.join(', ') || 'no extension modules'}.`,
    {
      input: 'python',
      fix:
        'build the extension with the interpreter you package for (pass the same python to the ' +
        'build, e.g. `./build.sh python3` with `python: python3`), or set `python` to the ' +
        'interpreter it was built for.',
      file: options.sourceOf?.(first.path),
      details: mismatches.map((m) => `${m.path}: ${m.suffix}`).join('\n'),
    },
  );
}

/** checkExtensionSuffixes for the probed interpreter. */
export function checkAbiForProbe(
  probe: PythonProbe,
  paths: readonly string[],
  sourceOf?: (path: string) => string | undefined,
): void {
  checkExtensionSuffixes({
    paths,
    accepted: probe.extensionSuffixes,
    python: probe.executable,
    interpreter: `${probe.implementation} ${probe.version.join('.')}`,
    sourceOf,
  });
}

/** The ABI check before packing, naming the staged source of a mismatching module. */
export function checkStagedAbi(probe: PythonProbe, files: readonly PackageFile[]): void {
  const sources = new Map(files.map((f) => [f.archivePath, f.sourcePath]));
  checkAbiForProbe(
    probe,
    files.map((f) => f.archivePath),
    (path) => sources.get(path),
  );
}
