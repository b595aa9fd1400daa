import { spawnSync } from 'node:child_process';

/**
 * V8 flags the entry points run with. A 1 MiB young generation keeps the packer's peak RSS flat
 * on trees of tens of thousands of files (the benchmark's 4x tree: ~170 MiB without it, under
 * 150 MiB with it); V8 reads heap sizes only at start-up, and the runner starts `node` without
 * flags, so the entry starts itself again with them.
 */
export const NODE_FLAGS = ['--max-semi-space-size=1'];

/**
 * Runs this same script again under NODE_FLAGS when they are missing, and returns its exit code;
 * undefined when this process already has them (or relaunching is turned off).
 */
export function relaunchWithFlags(): number | undefined {
  if (process.env.ALGORITHMIA_WHEEL_NO_RELAUNCH === '1') return undefined;
  if (NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) return undefined;
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...NODE_FLAGS, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, ALGORITHMIA_WHEEL_NO_RELAUNCH: '1' },
    },
  );
  if (child.error) return undefined; // could not start: carry on in this process
  return child.status ?? 1;
}
