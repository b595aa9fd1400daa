import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The interpreters every machine of ours has (pyenv builds, the default python3, Debian's pypy3). */
export function pyenvPython(version: string): string {
  const root = execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
  const path = join(root, 'versions', version, 'bin', 'python');
  if (!existsSync(path)) throw new Error(`pyenv python ${version} is missing at ${path}`);
  return path;
}

export function defaultPython3(): string {
  // The real executable, not pyenv's shim, so that tags and paths are the interpreter's own.
  return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).trim();
}

export function pypy3(): string {
  const path = '/usr/bin/pypy3';
  if (!existsSync(path)) throw new Error('pypy3 is missing: apt-get install -y pypy3 pypy3-dev');
  return path;
}

/** Runs a python snippet and returns its stdout; throws with stderr when it fails. */
export function runPython(
  python: string,
  code: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): string {
  const result = spawnSync(python, ['-c', code], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: options.env ? { ...process.env, ...options.env } : undefined,
  });
  if (result.status !== 0) {
    throw new Error(`${python} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}
