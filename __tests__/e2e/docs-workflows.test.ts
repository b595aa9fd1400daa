/**
 * Every step of this action in README.md and docs/ runs as pasted, through the bundled action, on
 * the project the documentation builds (`mypkg`, __tests__/fixtures/mypkg). Only the values on
 * lines marked `# yours` are replaced (the bucket, the image and the image's python), and the
 * environment is what a job gives: the S3 test server behind a proxy that enforces anonymous
 * reads as S3 does (the platform's view), throw-away credentials as
 * aws-actions/configure-aws-credentials would export them, the artifact service, and the engine
 * for `image`. The one input added is where the test S3 server lives (`s3-endpoint`, path style).
 */
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import { documentedSteps, type DocumentedStep } from '../helpers/documented-steps.js';
import { errorAnnotations, parseOutputFile, ROOT, runBundledAction } from '../helpers/example.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { RUNNER_NODE, runnerMounts, runWithStepEnv } from '../helpers/job-container.js';
import { startPublicReadProxy, type PublicReadProxy } from '../helpers/public-read-proxy.js';
import { defaultPython3 } from '../helpers/python.js';
import { engineEnv, ensureTestImage, VENDOR_IMAGE, VENDOR_PYTHON } from '../helpers/rootfs.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'mypkg');
/** Each documented workflow publishes to a bucket of its own, as each reader's would. */
const BUCKET = 'docs-wheels';
const pages: Record<string, string> = Object.fromEntries(
  ['README.md', ...readdirSync(join(ROOT, 'docs')).map((page) => `docs/${page}`)]
    .filter((page) => page.endsWith('.md'))
    .map((page) => [page, readFileSync(join(ROOT, page), 'utf8')]),
);

/** The test's value for each kind of `# yours` line. */
function yours(
  key: string,
  step: { inputs: Record<string, string>; inContainer: boolean },
): string | undefined {
  const inImage = step.inputs.image !== undefined || step.inContainer;
  const python = inImage ? VENDOR_PYTHON : defaultPython3();
  switch (key) {
    case 'image':
    case 'container':
      return VENDOR_IMAGE;
    case 'python':
      return python;
    case 'build-command':
      return `./build.sh ${python}`;
    case 's3-bucket':
      return `${BUCKET}-${++buckets}`;
    case 's3-region':
      return 'us-east-1';
    default:
      return undefined;
  }
}

let buckets = 0;
const steps = documentedSteps(pages, yours);

let moto: Moto;
let proxy: PublicReadProxy;
let admin: S3Client;

beforeAll(async () => {
  ensureTestImage(VENDOR_IMAGE);
  moto = await startMoto();
  proxy = await startPublicReadProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  for (let i = 1; i <= buckets; i++) {
    await admin.send(new CreateBucketCommand({ Bucket: `${BUCKET}-${i}` }));
  }
}, 120_000);

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await moto?.stop();
});

/** A checkout of the documented project: the fixture, unbuilt. */
function checkout(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'docs-run-')), 'repo');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** The job's environment: the runner's variables for this run, credentials, the services. */
function jobEnv(
  step: DocumentedStep,
  workspace: string,
  artifacts: ArtifactService,
): Record<string, string> {
  return {
    ...engineEnv(),
    ...artifacts.env,
    ...MOTO_CREDENTIALS,
    AWS_REGION: 'us-east-1',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REF: step.ref,
    GITHUB_REF_TYPE: step.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_REF_NAME: step.ref.replace(/^refs\/(tags|heads)\//, ''),
    GITHUB_RUN_NUMBER: '7',
    GITHUB_SHA: 'c0ffee',
  };
}

/**
 * Where the test S3 server lives: the inputs the test adds. It listens on the host's loopback,
 * which an `image` container reaches only on the host's network (the runner's containers reach S3
 * over the internet).
 */
function withServer(inputs: Record<string, string>): Record<string, string> {
  if (!inputs['s3-bucket']) return inputs;
  const server = { 's3-endpoint': proxy.endpoint, 's3-force-path-style': 'true' };
  if (!inputs.image) return { ...inputs, ...server };
  const options = [inputs['docker-options'], '--network host'].filter(Boolean).join(' ');
  return { ...inputs, ...server, 'docker-options': options };
}

/**
 * A job with `container:`, as the runner runs it: the image started with the runner's node 24
 * and the workspace mounted, the step executed inside with its inputs as INPUT_* variables.
 */
function runInJobContainer(step: DocumentedStep, workspace: string) {
  const work = join(workspace, '..');
  const name = `docs-job-${process.pid}-${Date.now()}`;
  const files = join(work, '_runner_file_commands');
  mkdirSync(files, { recursive: true });
  writeFileSync(join(files, 'output'), '');
  writeFileSync(join(files, 'summary'), '');
  const inner = '/__w/repo';
  const env: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: `${inner}/repo`,
    GITHUB_REF: step.ref,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_OUTPUT: `${inner}/_runner_file_commands/output`,
    GITHUB_STEP_SUMMARY: `${inner}/_runner_file_commands/summary`,
    RUNNER_TEMP: '/tmp',
    'INPUT_ARTIFACT-NAME': 'false',
  };
  for (const [key, value] of Object.entries(step.inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
  const run = runWithStepEnv(
    [
      'run',
      '--rm',
      '--name',
      name,
      '--network',
      'none',
      '--workdir',
      `${inner}/repo`,
      '-v',
      `${work}:${inner}`,
      ...runnerMounts('/__a/dist'),
    ],
    env,
    [step.container!, RUNNER_NODE, '/__a/dist/index.js'],
  );
  return { ...run, outputs: parseOutputFile(readFileSync(join(files, 'output'), 'utf8')) };
}

describe('the workflows of README.md and docs/, run as pasted', () => {
  it('finds every documented step of this action, and replaces only `# yours` values', () => {
    expect(steps.length).toBeGreaterThanOrEqual(8);
    expect(steps.filter((s) => s.where.startsWith('README.md')).length).toBe(4);
    for (const step of steps) {
      for (const name of Object.keys(step.inputs)) {
        if (!step.yours.includes(name)) expect(step.inputs[name]).not.toMatch(/\$\{\{/);
      }
    }
  });

  it.each(steps.map((step) => [step.where, step]))(
    '%s builds, verifies and publishes',
    async (_where, step) => {
      const workspace = checkout();
      // Each documented workflow is a run of its own, with its own artifact store.
      const artifacts = await startArtifactService();
      // The step itself runs only `with:` inputs; attestation and other actions are not ours.
      const run = await (
        step.container
          ? Promise.resolve(runInJobContainer(step, workspace))
          : runBundledAction(withServer(step.inputs), jobEnv(step, workspace, artifacts), 170_000)
      ).finally(() => artifacts.stop());
      expect(errorAnnotations(run.stdout), run.stdout + run.stderr).toEqual([]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.outputs['wheel-name']).toMatch(/^(mypkg|fastjson)-/);
      if (step.inputs['s3-bucket']) {
        // Published and proven the platform's way: anonymously through the proxy.
        expect(run.outputs['s3-uri']).toMatch(`s3://${step.inputs['s3-bucket']}/`);
        expect(run.outputs['verify-published']).toBe('passed');
      }
    },
    180_000,
  );
});
