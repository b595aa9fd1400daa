/**
 * GitHub's runner for a job with `container:`: its own node mounted from its externals folder,
 * the action's committed dist/ where it downloads actions, and each step's variables passed as
 * `-e NAME` with the value in the engine's environment (no value shows in the engine's argv).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './example.js';
import { NODE24 } from './node.js';

/** Where the runner mounts its node inside the job container. */
export const RUNNER_NODE = '/__e/node24/bin/node';

/** The runner's mounts: its node, and this repository's dist/ at `distAt`. */
export function runnerMounts(distAt: string): string[] {
  return ['-v', `${NODE24}:${RUNNER_NODE}:ro`, '-v', `${join(ROOT, 'dist')}:${distAt}:ro`];
}

/**
 * `podman <args> -e NAME... <command>` with `env`'s values in podman's own environment, as the
 * runner passes a step's variables to `docker run` or `docker exec`.
 */
export function runWithStepEnv(
  args: readonly string[],
  env: Record<string, string>,
  command: readonly string[],
): { status: number; stdout: string; stderr: string } {
  const argv = [...args, ...Object.keys(env).flatMap((key) => ['-e', key]), ...command];
  const run = spawnSync('podman', argv, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 170_000,
  });
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}
