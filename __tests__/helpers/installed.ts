import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipInstallTarget, runFromTarget } from './pip-target.js';

/**
 * Installs `wheel` with `python`'s own pip into a fresh target (no index, no dependencies) and
 * runs `code` there with only the target added to sys.path, from an empty folder, with `-E -s`
 * and no LD_LIBRARY_PATH: what a machine without the build tree sees.
 */
export function installAndRun(
  python: string,
  wheel: string,
  code: string,
): { status: number; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'installed-'));
  const target = join(dir, 'target');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    PIP_CONFIG_FILE: '/dev/null',
  };
  const install = pipInstallTarget(python, target, [wheel], { cwd: dir, env });
  if (install.status !== 0) {
    return { status: install.status ?? 1, stdout: install.stdout, stderr: install.stderr };
  }
  const run = runFromTarget(python, target, code, { cwd: dir, env });
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

/** The names in a wheel and the text of its METADATA (read with python3's zipfile). */
export function wheelContents(wheel: string): { names: string[]; metadata: string } {
  const code = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'names = z.namelist()',
    'meta = [n for n in names if n.endswith(".dist-info/METADATA")]',
    'print(json.dumps({"names": names, "metadata": z.read(meta[0]).decode("utf-8")}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', code, wheel], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cannot read ${wheel}: ${run.stderr}`);
  return JSON.parse(run.stdout) as { names: string[]; metadata: string };
}
