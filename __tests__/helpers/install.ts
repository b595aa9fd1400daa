import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipInstallTarget, runFromTarget } from './pip-target.js';

/**
 * pip-installs `wheel` with `python` into a fresh target (the way a user's pip would, without
 * our code), then runs `code` in a fresh interpreter that sees the target first and not the cwd.
 * `code` prints its result as JSON; returns it parsed, or throws with pip's or python's output.
 */
export function installAndRun(python: string, wheel: string, code: string): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'install-run-'));
  const target = join(dir, 'target');
  const install = pipInstallTarget(python, target, [wheel], { cwd: dir });
  if (install.status !== 0)
    throw new Error(`pip install failed:\n${install.stdout}${install.stderr}`);
  const run = runFromTarget(python, target, `import json\n${code}`, { cwd: dir });
  if (run.status !== 0) throw new Error(`${python} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as unknown;
}

/** Fletcher-16, computed here independently of the C fixture that also computes it. */
export function fletcher16(bytes: Uint8Array): number {
  let sum1 = 0;
  let sum2 = 0;
  for (const byte of bytes) {
    sum1 = (sum1 + byte) % 255;
    sum2 = (sum2 + sum1) % 255;
  }
  return (sum2 << 8) | sum1;
}

/** The wheel's file names, read by python's own zipfile. */
export function wheelEntries(python: string, wheel: string): string[] {
  const run = spawnSync(
    python,
    [
      '-c',
      'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
      wheel,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.trim().split('\n');
}

/** One member of the wheel as text, read by python's own zipfile. */
export function wheelMember(python: string, wheel: string, member: string): string {
  const run = spawnSync(
    python,
    [
      '-c',
      'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8"))',
      wheel,
      member,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}
