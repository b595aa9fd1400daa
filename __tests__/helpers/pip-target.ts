// A wheel installed the way a user's pip would, without our code: `pip install --target` from
// local files only, then python run with only that target added to sys.path.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** The environment pip gets unless a caller gives its own: ours, without pip's config files. */
export function pipEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PIP_CONFIG_FILE: '/dev/null' };
}

/**
 * `python -m pip install --no-index --no-deps --disable-pip-version-check --target target wheels`,
 * in `cwd` (default: ours) with `env` (default: pipEnv()). Returns pip's exit and output.
 */
export function pipInstallTarget(
  python: string,
  target: string,
  wheels: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  return spawnSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--no-index',
      '--no-deps',
      '--disable-pip-version-check',
      '--target',
      target,
      ...wheels,
    ],
    { encoding: 'utf8', cwd: options.cwd, env: options.env ?? pipEnv() },
  );
}

/**
 * Runs `code` with `python -E -s` (no PYTHON* variables, no user site) after `import sys` and
 * `sys.path.insert(0, target)`: the installed files come first, the current folder does not.
 */
export function runFromTarget(
  python: string,
  target: string,
  code: string,
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): SpawnSyncReturns<string> {
  const prelude = `import sys\nsys.path.insert(0, ${JSON.stringify(target)})\n`;
  return spawnSync(python, ['-E', '-s', '-c', prelude + code], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: options.env,
  });
}

/**
 * The arguments after the interpreter of `pip install` from an index into `target`: no
 * dependencies, no cache, no version check, then `args` (the index options and requirements).
 */
export function pipIndexInstallArgs(target: string, args: readonly string[]): string[] {
  return [
    '-m',
    'pip',
    'install',
    '--no-deps',
    '--no-cache-dir',
    '--disable-pip-version-check',
    '--target',
    target,
    ...args,
  ];
}
