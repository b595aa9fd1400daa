// The container-job path, emulated the way GitHub's runner does it for a job with `container:`:
// the job container (here the older vendor image: Debian 11, python only at /opt/anaconda3) is
// started with the runner's own node mounted from its externals folder (/__e/node24), the
// workspace and temp folders under /__w, and a keep-alive command; each step then runs with
// `exec`, inputs as INPUT_* variables. No container engine exists inside: the action must find
// the vendor's python itself, build, pack and verify there. Runs on the real engine (podman).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, EXAMPLE_STAGE, errorAnnotations, parseOutputFile } from '../helpers/example.js';
import { RUNNER_NODE, runnerMounts, runWithStepEnv } from '../helpers/job-container.js';
import {
  ensureTestImage,
  rootfsPackageVersion,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
} from '../helpers/rootfs.js';

// The runner's layout inside a job container.
const WORK = '/__w';
const WORKSPACE = `${WORK}/wheel-maker/wheel-maker`;
const TEMP = `${WORK}/_temp`;
const ACTION = `${WORK}/_actions/algorithmia/wheel-maker/v1`;

let host: string;
let rootfs: string;
let container: string | undefined;

function podman(
  args: string[],
  input?: string,
): { status: number; stdout: string; stderr: string } {
  const result = spawnSync('podman', args, { encoding: 'utf8', input, timeout: 170_000 });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  rootfs = ensureTestImage(VENDOR_IMAGE);
  host = mkdtempSync(join(tmpdir(), 'container-job-'));
  const work = join(host, 'work');
  mkdirSync(join(work, 'wheel-maker'), { recursive: true });
  mkdirSync(join(work, '_temp', '_runner_file_commands'), { recursive: true });
  mkdirSync(join(host, 'home'));
  // actions/checkout of the user's repository: here, the example project.
  cpSync(EXAMPLE, join(work, 'wheel-maker', 'wheel-maker', 'examples', 'vecmath'), {
    recursive: true,
    filter: (src) =>
      src !== join(EXAMPLE, 'build') && !src.startsWith(join(EXAMPLE, 'build') + '/'),
  });
  const name = `algorithmia-job-${process.pid}-${Date.now()}`;
  const started = podman([
    'run',
    '-d',
    '--name',
    name,
    '--network',
    'none',
    '--workdir',
    WORKSPACE,
    '-v',
    `${work}:${WORK}`,
    // The runner downloads the action (with its committed dist/) into _actions.
    ...runnerMounts(`${ACTION}/dist`),
    '-v',
    `${join(host, 'home')}:/github/home`,
    '-e',
    'HOME=/github/home',
    '--entrypoint',
    'tail',
    VENDOR_IMAGE,
    '-f',
    '/dev/null',
  ]);
  if (started.status !== 0) throw new Error(`podman run failed: ${started.stderr}`);
  container = name;
});

afterAll(() => {
  if (container) podman(['rm', '-f', '-t', '0', container]);
  if (host) rmSync(host, { recursive: true, force: true });
});

describe('the action in a container job (node 24 inside the bullseye vendor image)', () => {
  it('has no engine and no python on PATH inside, only /opt/anaconda3', () => {
    const probe = podman([
      'exec',
      container!,
      'sh',
      '-c',
      'for t in docker podman python python3 python3.9; do command -v $t || echo "no $t"; done; ' +
        `${RUNNER_NODE} -p process.version; ldd --version | head -n 1`,
    ]);
    expect(probe.status).toBe(0);
    const lines = probe.stdout.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'no docker',
      'no podman',
      'no python',
      'no python3',
      'no python3.9',
    ]);
    expect(lines[5]).toMatch(/^v24\./);
    expect(lines[6]).toMatch(/2\.31$/);
  });

  it('finds the vendor python, builds, packs and verifies the wheel there', () => {
    const output = `${TEMP}/_runner_file_commands/set_output_1`;
    const summary = `${TEMP}/_runner_file_commands/step_summary_1`;
    const hostOf = (path: string): string => join(host, 'work', path.slice(WORK.length));
    writeFileSync(hostOf(output), '');
    writeFileSync(hostOf(summary), '');
    const inputs: Record<string, string> = {
      'working-directory': 'examples/vecmath',
      'build-command': `./build.sh ${VENDOR_PYTHON}`,
      stage: EXAMPLE_STAGE,
      version: '3.1.0',
      import: 'vecmath\nvecmath.geometry',
      'test-command': 'python -c "import vecmath; assert vecmath.dot([1, 2], [3, 4]) == 11"',
      'artifact-name': 'false',
    };
    const env: Record<string, string> = {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: WORKSPACE,
      RUNNER_TEMP: TEMP,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_REPOSITORY: 'algorithmia/wheel-maker',
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    const run = runWithStepEnv(['exec', '-i', '--workdir', WORKSPACE], env, [
      container!,
      RUNNER_NODE,
      `${ACTION}/dist/index.js`,
    ]);
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status, run.stderr).toBe(0);
    // The build's own lines stream to stderr; node itself warns about nothing (no
    // NodeVersionSupportWarning, no deprecation) on the runtime the action declares.
    expect(run.stderr).toContain(`building vecmath for ${VENDOR_PYTHON}`);
    expect(run.stderr).not.toMatch(/\(node:\d+\)|Warning/);

    const outputs = parseOutputFile(readFileSync(hostOf(output), 'utf8'));
    const version = rootfsPackageVersion(rootfs, 'python3.9');
    expect(outputs['python-version']).toBe(version);
    expect(outputs['wheel-name']).toBe('vecmath-3.1.0-cp39-cp39-linux_x86_64.whl');
    expect(outputs.wheel!.startsWith(`${WORKSPACE}/`)).toBe(true);
    const written = readFileSync(hostOf(summary), 'utf8');
    expect(written).toContain(`CPython ${version} at ${VENDOR_PYTHON}`);

    // Independently of the action: the vendor's pip installs the wheel in the same container and
    // the import calls the C++ code.
    const check = podman([
      'exec',
      container!,
      'sh',
      '-c',
      `set -e; rm -rf /tmp/t; ${VENDOR_PYTHON} -m pip install -q --no-index --no-deps --target /tmp/t "$0"; ` +
        `cd / && PYTHONPATH=/tmp/t ${VENDOR_PYTHON} -c "import vecmath; print(vecmath.dot([1, 2, 3], [4, 5, 6]))"`,
      outputs.wheel!,
    ]);
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('32.0');
    // And the host's copy is the same file (the workspace is a mount, as on the runner).
    const sha = execFileSync('sha256sum', [hostOf(outputs.wheel!)], { encoding: 'utf8' });
    expect(sha.split(' ')[0]).toBe(outputs.sha256);
  });
});
