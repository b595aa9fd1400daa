// The folders of a run: the user's folders checked before anything runs, this run's temp folder,
// the pending folder beside output-dir where the wheel waits until verified, and their removal.
import { constants, rmdirSync, rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../base/errors.js';
import { explainFsFailure, type FsPlaces } from './fs-failure.js';
import type { Inputs } from '../inputs/inputs.js';
import { PENDING_PREFIX } from '../stage/stage-exclude.js';

/** Folders the user named must be usable before anything runs or is written. */
export async function checkUserFolders(inputs: Inputs): Promise<{ outputDirExisted: boolean }> {
  if (!(await stat(inputs.workingDirectory).catch(() => undefined))?.isDirectory()) {
    throw new InputError(`the working directory ${inputs.workingDirectory} does not exist.`, {
      input: 'working-directory',
      fix: 'check out the sources first, or give a folder relative to the workspace.',
    });
  }
  const outputInfo = await stat(inputs.outputDir).catch(() => undefined);
  if (outputInfo && !outputInfo.isDirectory()) {
    throw new InputError(`${inputs.outputDir} exists and is not a folder.`, {
      input: 'output-dir',
      fix: 'name a folder (it is created when missing), not a file.',
    });
  }
  await checkWritable(inputs.outputDir);
  return { outputDirExisted: outputInfo !== undefined };
}

/**
 * output-dir, or the folder it would be made in, must take files: a read-only mount would
 * otherwise fail only after the build, and recursive mkdir reports it as ENOENT.
 */
async function checkWritable(outputDir: string): Promise<void> {
  let folder = outputDir;
  while (!(await stat(folder).catch(() => undefined)) && dirname(folder) !== folder) {
    folder = dirname(folder);
  }
  const refused = await access(folder, constants.W_OK).then(
    () => undefined,
    (error: unknown) => error as NodeJS.ErrnoException,
  );
  if (!refused) return;
  const why =
    refused.code === 'EROFS'
      ? 'is on a read-only file system (EROFS)'
      : `cannot be written (${refused.code ?? refused.message})`;
  const where =
    folder === outputDir
      ? `the output folder ${outputDir}`
      : `${folder}, where the output folder ${outputDir} would be made,`;
  throw new InputError(`${where} ${why}.`, {
    input: 'output-dir',
    fix: 'point `output-dir` at a writable folder (it is created when missing), such as one under the workspace.',
  });
}

/** RUNNER_TEMP on a runner, the OS temp folder elsewhere. */
export function tempRootOf(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP || tmpdir();
}

export interface WorkFolders {
  /** This run's temp folder (made now). */
  work: string;
  /** The pending folder beside output-dir (made when the wheel is written). */
  pending: string;
  /** What a file-system failure is explained against. */
  places: FsPlaces;
  outputDirExisted: boolean;
}

/** Makes this run's temp folder; a failure names the folder and the input or variable behind it. */
export async function openWorkFolders(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  outputDirExisted: boolean,
): Promise<WorkFolders> {
  const tempRoot = tempRootOf(env);
  const places: FsPlaces = {
    outputDir: inputs.outputDir,
    tempRoot,
    tempFromRunner: !!env.RUNNER_TEMP,
    stagingInput: inputs.projectDir ? 'project-dir' : inputs.packageDir ? 'package-dir' : 'stage',
  };
  const work = await mkdir(tempRoot, { recursive: true })
    .then(() => mkdtemp(join(tempRoot, 'algorithmia-wheel-')))
    .catch((error: unknown) => {
      throw explainFsFailure(error, places);
    });
  const pending = join(inputs.outputDir, `${PENDING_PREFIX}${process.pid}`);
  return { work, pending, places, outputDirExisted };
}

/**
 * Removes the temp and pending folders; a failed run leaves no trace in output-dir: `placed`
 * holds what it moved or wrote there (the wheel, its receipt) when it failed before publishing.
 */
export async function closeWorkFolders(
  inputs: Inputs,
  folders: WorkFolders,
  succeeded: boolean,
  placed: readonly string[] = [],
): Promise<void> {
  const plan = removalPlan(inputs, folders, succeeded, placed);
  for (const file of plan.files) await rm(file, { force: true }).catch(() => undefined);
  for (const tree of plan.trees) {
    await rm(tree, { recursive: true, force: true }).catch(() => undefined);
  }
  if (plan.emptyFolder) await rmdir(plan.emptyFolder).catch(() => undefined);
}

/** closeWorkFolders for a run that did not end (see early-exit.ts): the same removals, at once. */
export function closeWorkFoldersSync(
  inputs: Inputs,
  folders: WorkFolders,
  placed: readonly string[],
): void {
  const plan = removalPlan(inputs, folders, false, placed);
  const attempt = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // best effort while the process ends
    }
  };
  for (const file of plan.files) attempt(() => rmSync(file, { force: true }));
  for (const tree of plan.trees) attempt(() => rmSync(tree, { recursive: true, force: true }));
  if (plan.emptyFolder) attempt(() => rmdirSync(plan.emptyFolder!));
}

/** What closing the folders removes: files, whole trees, then a folder only if empty. Pure. */
export function removalPlan(
  inputs: Inputs,
  folders: WorkFolders,
  succeeded: boolean,
  placed: readonly string[],
): { files: string[]; trees: string[]; emptyFolder?: string } {
  return {
    files: succeeded ? [] : [...placed],
    trees: [folders.pending, folders.work],
    // Not even output-dir itself, if this run made it.
    ...(!succeeded && !folders.outputDirExisted ? { emptyFolder: inputs.outputDir } : {}),
  };
}
