/**
 * The launcher: the tiny entry the runner (or the shell) starts. It loads no bundle, only node's
 * own modules, and starts the real bundle with NODE_FLAGS, which V8 reads only at start-up (a
 * 1 MiB young generation keeps the packer's peak RSS flat on trees of tens of thousands of
 * files; under node 24 V8 also grows its heap eagerly unless told to optimize for size: 4x bench
 * tree 165 -> 140 MiB, same speed within noise). It forwards SIGINT/SIGTERM/SIGHUP to the bundle and exits with its code; the bundle
 * holds an IPC channel to it and cancels itself when that channel closes (src/shell/cancel.ts), so it
 * never outlives the launcher. Runs that never pack (the command's --help, --tool-version, usage
 * errors, `yank`: src/exec/launch-plan.ts) import the bundle into the launcher's own process.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NODE_FLAGS = ['--max-semi-space-size=1', '--optimize-for-size'];
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Starts `bundle` (relative to the folder of the module at `entryUrl`) with the same arguments,
 * stdio and environment. When `inProcess` says the arguments need none of NODE_FLAGS, the bundle
 * is imported into this process instead (one node start fewer).
 */
export function launch(
  entryUrl: string,
  bundle: string,
  inProcess?: (args: readonly string[]) => boolean,
): void {
  const script = join(dirname(fileURLToPath(entryUrl)), bundle);
  if (inProcess?.(process.argv.slice(2))) {
    // Not followed by the bundler: the bundle is a file of its own beside this one.
    import(/* webpackIgnore: true */ pathToFileURL(script).href).catch((error: unknown) => {
      process.stderr.write(`algorithmia-wheel: could not start ${script}: ${String(error)}\n`);
      process.exit(1);
    });
    return;
  }
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
