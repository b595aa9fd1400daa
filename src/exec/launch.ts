/**
 * The launcher: the tiny entry the runner (or the shell) starts. It loads no bundle, only node's
 * own modules, and starts the real bundle with NODE_FLAGS, which V8 reads only at start-up (a
 * 1 MiB young generation keeps the packer's peak RSS flat on trees of tens of thousands of
 * files). It forwards SIGINT/SIGTERM/SIGHUP to the bundle and exits with its code; the bundle
 * holds an IPC channel to it and cancels itself when that channel closes (src/cancel.ts), so it
 * never outlives the launcher.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_FLAGS = ['--max-semi-space-size=1'];
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Starts `bundle` (relative to the folder of the module at `entryUrl`) with the same arguments,
 * stdio and environment.
 */
export function launch(entryUrl: string, bundle: string): void {
  const script = join(dirname(fileURLToPath(entryUrl)), bundle);
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...NODE_FLAGS, script, ...process.argv.slice(2)],
    { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] },
  );
  const forward = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of FORWARDED) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`algorithmia-wheel: could not start ${script}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1));
  });
}
