import { open, stat } from 'node:fs/promises';
import { RunnerError, errorMessage } from '../base/errors.js';

/** The runner's files the action appends to at the end: outputs, and the job summary. */
export const RUNNER_FILES = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY'] as const;

/**
 * Proves, before anything is built or published, that the files the action writes at the end can
 * be appended to: an output file that turns out to be a folder after the upload would leave a
 * published object behind a failed step. Opens each for appending and closes it (writes nothing).
 */
export async function checkRunnerFiles(env: NodeJS.ProcessEnv): Promise<void> {
  for (const variable of RUNNER_FILES) {
    const path = env[variable];
    if (!path) continue;
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      throw new RunnerError(variable, `${path} is a folder, not a file the action can append to.`, {
        fix: `leave ${variable} as the runner sets it (a file), or point it at a writable file.`,
      });
    }
    try {
      await (await open(path, 'a')).close();
    } catch (error) {
      throw new RunnerError(variable, `${path} cannot be written: ${errorMessage(error)}.`, {
        fix: `leave ${variable} as the runner sets it, or point it at a file in a writable folder.`,
      });
    }
  }
}

/** A failed append to a runner file once the run is done (a full disk): named, with the fix. */
export function runnerFileFailure(
  variable: (typeof RUNNER_FILES)[number],
  path: string | undefined,
  error: unknown,
): RunnerError {
  const full = (error as { code?: unknown } | undefined)?.code === 'ENOSPC';
  return new RunnerError(
    variable,
    `could not append to ${path ?? 'its file'}: ` +
      (full ? 'the disk that holds it is full (ENOSPC).' : `${errorMessage(error)}.`),
    {
      fix: full
        ? "free space on the runner's disk (its work and temp folders), then re-run the job."
        : `leave ${variable} as the runner sets it, or point it at a file in a writable folder.`,
    },
  );
}
