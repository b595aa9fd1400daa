// The `image` input end to end: the bundled action runs every in-image step through the
// test-only docker (bubblewrap in a debootstrap Debian root). The wheel must come out built and
// verified with the image's python, and host secrets must never get in.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  copyExample,
  errorAnnotations,
  EXAMPLE_STAGE,
  runBundledAction,
} from '../helpers/example.js';
import {
  FAKE_DOCKER_DIR,
  TEST_IMAGE,
  ensureTestRootfs,
  rootfsPackageVersion,
} from '../helpers/rootfs.js';

const SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE1234',
  AWS_SECRET_ACCESS_KEY: 'fake/secret+value/that-must-not-leak',
  AWS_SESSION_TOKEN: 'fake-session-token-that-must-not-leak',
  ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token-that-must-not-leak',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'fake-oidc-request-token-that-must-not-leak',
  GITHUB_TOKEN: 'ghs_faketokenthatmustnotleak',
  // Allow-listed prefixes (GITHUB_*, CMAKE_*) still never carry keys, tokens or passwords.
  GITHUB_APP_PRIVATE_KEY: 'fake-app-private-key-that-must-not-leak',
  CMAKE_REGISTRY_PASSWORD: 'fake-cmake-password-that-must-not-leak',
};

let rootfs: string;
let workspace: string;

beforeAll(() => {
  rootfs = ensureTestRootfs();
  workspace = mkdtempSync(join(tmpdir(), 'image-ws-'));
});

function dockerEnv(log: string): Record<string, string> {
  return {
    PATH: `${FAKE_DOCKER_DIR}:${process.env.PATH ?? ''}`,
    FAKE_DOCKER_IMAGES: JSON.stringify({ [TEST_IMAGE]: rootfs }),
    FAKE_DOCKER_LOCAL: join(workspace, 'local-images'),
    FAKE_DOCKER_LOG: log,
  };
}

function invocations(log: string): string[][] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv);
}

describe('the image input', () => {
  it("builds and verifies with the image's python, pulling once, passing no secrets", async () => {
    const example = copyExample('image-');
    const out = join(workspace, 'dist');
    const envDump = join(workspace, 'env-in-image.txt');
    const log = join(workspace, 'docker.log');
    const run = await runBundledAction(
      {
        'working-directory': example,
        'build-command': './build.sh python3',
        image: TEST_IMAGE,
        env: 'VECMATH_FLAVOUR=test\nCFLAGS=-O2',
        stage: EXAMPLE_STAGE,
        version: '1.0.0',
        'output-dir': out,
        'test-command': `python -c "import vecmath; assert vecmath.dot([1], [2]) == 2" && env > ${envDump}`,
        'artifact-name': 'false',
      },
      { ...dockerEnv(log), ...SECRETS, GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'o/r' },
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);

    // The image's CPython (Debian's 3.11), not the host's pyenv 3.11.7.
    const imagePython = rootfsPackageVersion(rootfs, 'python3.11');
    expect(run.outputs['python-version']).toBe(imagePython);
    expect(run.outputs['wheel-name']).toBe('vecmath-1.0.0-cp311-cp311-linux_x86_64.whl');
    expect(run.summary).toContain(`CPython ${imagePython} at /usr/bin/python3`);

    const calls = invocations(log);
    expect(calls.filter((argv) => argv[0] === 'pull')).toHaveLength(1);
    const runs = calls.filter((argv) => argv[0] === 'run');
    // Build, probe, pip's tags, install, ldd, import and test-command all ran in the image.
    expect(runs.some((argv) => argv.includes('./build.sh python3'))).toBe(true);
    expect(runs.some((argv) => argv.includes('install') && argv.includes('--target'))).toBe(true);
    expect(runs.some((argv) => argv.includes('ldd'))).toBe(true);
    expect(runs.every((argv) => argv.includes(TEST_IMAGE))).toBe(true);

    // Secrets reach neither the command lines nor the environment inside the image.
    const inside = readFileSync(envDump, 'utf8');
    for (const value of Object.values(SECRETS)) {
      expect(JSON.stringify(calls)).not.toContain(value);
      expect(inside).not.toContain(value);
    }
    // Nor anything the step printed or wrote outside (the runner's ::add-mask:: aside).
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .concat(run.stderr, run.summary, JSON.stringify(run.outputs))
      .join('\n');
    for (const value of Object.values(SECRETS)) expect(printed).not.toContain(value);
    for (const name of Object.keys(SECRETS))
      expect(inside).not.toMatch(new RegExp(`^${name}=`, 'm'));
    expect(inside).toContain('VECMATH_FLAVOUR=test');
    expect(inside).toContain('GITHUB_REPOSITORY=o/r');
    expect(inside).not.toMatch(/^AWS_/m);
    expect(inside).not.toContain('/root/.pyenv');
  });

  it('fails with one clear error when the image does not exist', async () => {
    const example = copyExample('image-missing-');
    const run = await runBundledAction(
      {
        'working-directory': example,
        image: 'algorithmia-test/no-such-image:1',
        stage: EXAMPLE_STAGE,
        version: '1.0.0',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      { ...dockerEnv(join(workspace, 'docker-missing.log')), GITHUB_WORKSPACE: workspace },
    );
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/input 'image'/);
  });
});
