// The `image` input end to end on a real engine: the bundled action runs every in-image step with
// rootful podman (as `container-engine: podman`, and as `docker` through podman's docker command,
// first on PATH) in the local images script/setup imported. The wheel must come out built and
// verified with the image's python, and host secrets must never get in.
import { mkdtempSync, readFileSync } from 'node:fs';
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
  engineCalls,
  engineEnv,
  imageRunEnv,
  ensureTestImage,
  rootfsPackageVersion,
  TEST_IMAGE,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
} from '../helpers/rootfs.js';

const SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE1234',
  AWS_SECRET_ACCESS_KEY: 'fake/secret+value/that-must-not-leak',
  AWS_SESSION_TOKEN: 'fake-session-token-that-must-not-leak',
  ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token-that-must-not-leak',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'fake-oidc-request-token-that-must-not-leak',
  GITHUB_TOKEN: 'ghs_faketokenthatmustnotleak',
  // Named like the runner's variables or a build's: none is a documented default, none goes in.
  GITHUB_APP_PRIVATE_KEY: 'fake-app-private-key-that-must-not-leak',
  CMAKE_REGISTRY_PASSWORD: 'fake-cmake-password-that-must-not-leak',
  GITHUB_PAT: 'github-pat-that-must-not-leak-0001',
  GITHUB_AUTH: 'github-auth-that-must-not-leak-0002',
  GITHUB_APP_PEM:
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEfakePemLineThatMustNotLeak0003\n-----END RSA PRIVATE KEY-----',
  GITHUB_DEPLOY_PW: 'github-deploy-pw-that-must-not-leak-0004',
  CMAKE_REGISTRY_PASS: 'cmake-registry-pass-that-must-not-leak-0005',
  // A URL password the redactor masks: neither this variable nor a listed one holding it goes in.
  CMAKE_ARGS: '-DREGISTRY=https://builder:cmake-url-password-0006@registry.example/simple',
  GITHUB_SERVER_URL: 'https://bot:server-url-password-0007@github.example',
};
/** Harmless, but not a runner default: only through `env`. */
const NOT_LISTED = {
  CC: 'gcc-from-host',
  GITHUB_CUSTOM_FLAG: 'host-flag',
  CMAKE_BUILD_TYPE: 'Debug',
};

let bookworm: string;
let bullseye: string;
let workspace: string;

beforeAll(() => {
  bookworm = ensureTestImage(TEST_IMAGE);
  bullseye = ensureTestImage(VENDOR_IMAGE);
  workspace = mkdtempSync(join(tmpdir(), 'image-ws-'));
});

describe('the image input on a real engine', () => {
  it("docker (podman's): builds and verifies with the image's python, no pull, passing no secrets", async () => {
    const example = copyExample('image-');
    const out = join(workspace, 'dist');
    const envDump = join(workspace, 'env-in-image.txt');
    const log = join(workspace, 'docker.log');
    const run = await runBundledAction(
      {
        'working-directory': example,
        'build-command': './build.sh python3',
        image: TEST_IMAGE,
        'container-engine': 'docker',
        'docker-options': '--network none',
        env: 'VECMATH_FLAVOUR=test\nCFLAGS=-O2',
        stage: EXAMPLE_STAGE,
        version: '1.0.0',
        'output-dir': out,
        'test-command': `python -c "import vecmath; assert vecmath.dot([1], [2]) == 2" && env > ${envDump}`,
        'artifact-name': 'false',
      },
      {
        ...engineEnv(log),
        ...SECRETS,
        ...NOT_LISTED,
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '4242',
      },
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);

    // The image's CPython (Debian's 3.11), not the host's pyenv 3.11.7.
    const imagePython = rootfsPackageVersion(bookworm, 'python3.11');
    expect(run.outputs['python-version']).toBe(imagePython);
    expect(run.outputs['wheel-name']).toBe('vecmath-1.0.0-cp311-cp311-linux_x86_64.whl');
    expect(run.summary).toContain(`CPython ${imagePython} at /usr/bin/python3`);

    const calls = engineCalls(log);
    // The image is local: inspected, never pulled (a pull would ask a registry and fail here).
    expect(calls.filter((argv) => argv[0] === 'pull')).toEqual([]);
    // Inspected twice: before the first step (is it local?) and for the receipt (id and digests).
    expect(calls.filter((argv) => argv[0] === 'image')).toEqual([
      ['image', 'inspect', TEST_IMAGE],
      ['image', 'inspect', TEST_IMAGE],
    ]);
    const runs = calls.filter((argv) => argv[0] === 'run');
    // Build, probe, pip's tags, install, the loader query, import and test-command all ran in
    // the image; check-libs asked the loader once for all the native files.
    expect(runs.some((argv) => argv.includes('./build.sh python3'))).toBe(true);
    expect(runs.some((argv) => argv.includes('install') && argv.includes('--target'))).toBe(true);
    expect(runs.filter((argv) => argv.some((a) => a.includes('@@ALGORITHMIA-FILE')))).toHaveLength(
      1,
    );
    expect(runs.every((argv) => argv.includes(TEST_IMAGE) && argv.includes('none'))).toBe(true);

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
    expect(inside).toContain('GITHUB_RUN_ID=4242');
    expect(inside).toContain('CFLAGS=-O2');
    for (const name of Object.keys(NOT_LISTED)) {
      expect(inside).not.toMatch(new RegExp(`^${name}=`, 'm'));
    }
    // Only documented runner variables (and what `env` and the step set) are inside.
    const names = inside.split('\n').map((line) => line.split('=')[0]);
    expect(names.filter((name) => /^(?:GITHUB|CMAKE)_/.test(name ?? '')).sort()).toEqual([
      'GITHUB_ACTIONS',
      'GITHUB_REPOSITORY',
      'GITHUB_RUN_ID',
      'GITHUB_WORKSPACE',
    ]);
    for (const piece of ['MIIEfakePemLineThatMustNotLeak0003', 'cmake-url-password-0006']) {
      expect(inside).not.toContain(piece);
      expect(printed).not.toContain(piece);
    }
    expect(inside).not.toMatch(/^AWS_/m);
    expect(inside).not.toContain('/root/.pyenv');
  });

  it('podman: the older vendor image, python found at /opt/anaconda3 (3.9, cp39), verified there', async () => {
    const example = copyExample('image-vendor-');
    const ws = mkdtempSync(join(tmpdir(), 'image-vendor-ws-'));
    const log = join(ws, 'podman.log');
    const run = await runBundledAction(
      {
        'working-directory': example,
        // No python on the image's PATH: the build finds it where the vendor installed it.
        'build-command': `./build.sh ${VENDOR_PYTHON}`,
        image: VENDOR_IMAGE,
        'container-engine': 'podman',
        'docker-options': '--network none',
        stage: EXAMPLE_STAGE,
        version: '2.0.0',
        'output-dir': join(ws, 'dist'),
        import: 'vecmath\nvecmath.geometry',
        // verify puts a `python` for the found interpreter first on PATH for the test command.
        'test-command':
          'python -c "import sys, vecmath; assert sys.version_info[:2] == (3, 9), sys.version; assert vecmath.dot([1, 2], [3, 4]) == 11"',
        'artifact-name': 'false',
      },
      imageRunEnv(log, ws),
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    const imagePython = rootfsPackageVersion(bullseye, 'python3.9');
    expect(imagePython).toMatch(/^3\.9\./);
    expect(run.outputs['python-version']).toBe(imagePython);
    expect(run.outputs['wheel-name']).toBe('vecmath-2.0.0-cp39-cp39-linux_x86_64.whl');
    expect(run.outputs.tags).toBe('cp39-cp39-linux_x86_64');
    expect(run.summary).toContain(`CPython ${imagePython} at ${VENDOR_PYTHON}`);

    const calls = engineCalls(log);
    expect(calls.filter((argv) => argv[0] === 'pull')).toEqual([]);
    const runs = calls.filter((argv) => argv[0] === 'run');
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.every((argv) => argv.includes(VENDOR_IMAGE))).toBe(true);
    // pip install --target and the import ran with the vendor's interpreter, in the image.
    expect(runs.some((argv) => argv.includes(VENDOR_PYTHON) && argv.includes('--target'))).toBe(
      true,
    );
  });

  it('fails with one clear error when the image is neither local nor pullable', async () => {
    const example = copyExample('image-missing-');
    const log = join(workspace, 'missing.log');
    const run = await runBundledAction(
      {
        'working-directory': example,
        image: 'algorithmia-test/no-such-image:1',
        'container-engine': 'podman',
        stage: EXAMPLE_STAGE,
        version: '1.0.0',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      imageRunEnv(log, workspace),
    );
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/input 'image'/);
    expect(errors[0]).toContain('algorithmia-test/no-such-image:1');
    // Asked the engine, then tried one pull; nothing ran.
    expect(engineCalls(log).map((argv) => argv[0])).toEqual(['image', 'pull']);
  });
});
