import { InputError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';

/** 1980-01-01: the earliest time a zip entry can carry. */
export const ZIP_EPOCH = 315532800;

/**
 * The timestamp for every wheel entry: SOURCE_DATE_EPOCH when set (reproducible-builds.org),
 * else the HEAD commit's time in a git checkout, else 1980-01-01. Never the clock: building
 * the same commit twice must give the same bytes.
 */
export async function resolveSourceDate(
  env: NodeJS.ProcessEnv,
  git: Executor,
  workingDirectory: string,
): Promise<{ epoch: number; from: string }> {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw) {
    if (!/^\d+$/.test(raw)) {
      throw new InputError(`SOURCE_DATE_EPOCH="${raw}" is not a number of seconds.`, {
        fix: 'set it to an integer such as $(git log -1 --format=%ct), or unset it.',
      });
    }
    return { epoch: Math.max(ZIP_EPOCH, Number(raw)), from: 'SOURCE_DATE_EPOCH' };
  }
  const result = await git.run(['git', 'log', '-1', '--format=%ct'], { cwd: workingDirectory });
  const commit = result.stdout.trim();
  if (result.exitCode === 0 && /^\d+$/.test(commit)) {
    return { epoch: Math.max(ZIP_EPOCH, Number(commit)), from: 'the HEAD commit' };
  }
  return { epoch: ZIP_EPOCH, from: 'the zip epoch (no SOURCE_DATE_EPOCH, no git checkout)' };
}
