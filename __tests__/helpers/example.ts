import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputName, InputSource } from '../../src/inputs/input-spec.js';
import { actionNode } from './node.js';
import { pipInstallTarget, runFromTarget } from './pip-target.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLE = join(ROOT, 'examples', 'vecmath');

/** The stage rules of the example's README. */
export const EXAMPLE_STAGE = [
  'python/vecmath/** => vecmath',
  'build/_vecmath*.so => vecmath',
  'build/lib/*.so.* => vecmath/lib',
].join('\n');

/** A private copy of the example (tests build in parallel; each needs its own build/). */
export function copyExample(prefix = 'vecmath-'): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'vecmath');
  cpSync(EXAMPLE, dir, {
    recursive: true,
    filter: (src) =>
      src !== join(EXAMPLE, 'build') && !src.startsWith(join(EXAMPLE, 'build') + '/'),
  });
  return dir;
}

/** Builds the copy with g++ against `python` (the example's own build script). */
export function buildExample(dir: string, python: string): void {
  execFileSync(join(dir, 'build.sh'), [python], { stdio: 'pipe' });
}

export function inputs(values: Partial<Record<InputName, string>>): InputSource {
  return (name) => values[name] ?? '';
}

/** Proves with `python` itself that pip installs the wheel and the import calls the C++ code. */
export function installAndCall(
  python: string,
  wheel: string,
): { status: number; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'install-'));
  const target = join(dir, 'target');
  const install = pipInstallTarget(python, target, [wheel], { cwd: dir });
  if (install.status !== 0)
    return { status: install.status ?? 1, stdout: install.stdout, stderr: install.stderr };
  const code = `
import json
import vecmath
from vecmath.geometry import norm
try:
    vecmath.dot([1, 2, 3], [1, 2])
    error = None
except ValueError as e:
    error = str(e)
print(json.dumps({"dot": vecmath.dot([1, 2, 3], [4, 5, 6]), "describe": vecmath.describe([1, 2.5]),
  "error": error, "norm": norm([3, 4]), "units": vecmath.units(), "native": vecmath.native_version(),
  "file": vecmath.__file__}))
`;
  const run = runFromTarget(python, target, code, { cwd: dir });
  return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

export interface ActionRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * What the runner gives a step, in a fresh folder named from `prefix`: PATH and HOME only, the
 * GITHUB_* variables with empty output and summary files, RUNNER_TEMP, `extraEnv`, then each input
 * as INPUT_<NAME>.
 */
export function runnerEnv(
  prefix: string,
  values: Partial<Record<InputName, string>>,
  extraEnv: Record<string, string>,
): { env: Record<string, string>; outputFile: string; summaryFile: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, 'tmp'),
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(values)) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return { env, outputFile, summaryFile };
}

/**
 * Runs the bundled action the way the runner does: INPUT_* variables, GITHUB_OUTPUT, summary,
 * with the node of actionNode() (helpers/node.ts).
 * Asynchronous, so servers living in the test process (the artifact service) keep answering.
 */
export async function runBundledAction(
  values: Partial<Record<InputName, string>>,
  extraEnv: Record<string, string> = {},
  timeoutMs = 150_000,
): Promise<ActionRun> {
  const { env, outputFile, summaryFile } = runnerEnv('action-run-', values, extraEnv);
  const result = await new Promise<{ status: number; stdout: string; stderr: string }>(
    (resolvePromise, reject) => {
      const child = spawn(actionNode(), [join(ROOT, 'dist', 'index.js')], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      // A hung action fails the test with its log instead of hanging the suite.
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      // 'close', not 'exit': only then have the pipes given up what the action wrote last.
      child.on('close', (code) => {
        clearTimeout(timer);
        resolvePromise({ status: code ?? 1, stdout, stderr });
      });
    },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** Reads the `name<<DELIMITER ... DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}

export function errorAnnotations(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::error'));
}
