/**
 * Failures after the upload, through the bundled action: the wheel (and the index) are out there,
 * then a later step fails (the consumer check's read of the wheel cut short, the receipt sidecar
 * refused). The run fails, but it must say what was published (URI, sha256), set those outputs,
 * and say what failed; never "The wheel was not published". Nothing published is lost.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputName } from '../../src/inputs/input-spec.js';
import { startBundledAction, waitFor } from '../helpers/action-process.js';
import { errorAnnotations, runBundledAction, type ActionRun } from '../helpers/example.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';
import { ROOT } from '../helpers/example.js';

const BUCKET = 'after-upload';
const WHEEL = 'tinypkg-1.0.0-py3-none-any.whl';

let moto: Moto;
let proxy: FaultProxy;
let admin: S3Client;
let python: string;
let root: string;

beforeAll(async () => {
  python = defaultPython3();
  root = mkdtempSync(join(tmpdir(), 'after-upload-'));
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await moto?.stop();
});

function runArgs(
  prefix: string,
  inputs: Partial<Record<InputName, string>>,
): [Partial<Record<InputName, string>>, Record<string, string>] {
  const workspace = join(root, prefix);
  mkdirSync(join(workspace, 'tinypkg'), { recursive: true });
  writeFileSync(join(workspace, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
  return [
    {
      'package-dir': 'tinypkg',
      python,
      'wheel-tag': 'py3-none-any',
      version: '1.0.0',
      's3-bucket': BUCKET,
      's3-prefix': prefix,
      's3-endpoint': proxy.endpoint,
      's3-force-path-style': 'true',
      's3-max-attempts': '1',
      'verify-published': 'credentials',
      'artifact-name': 'false',
      ...inputs,
    },
    { ...MOTO_CREDENTIALS, GITHUB_WORKSPACE: workspace, AWS_REGION: 'us-east-1' },
  ];
}

function run(prefix: string, inputs: Partial<Record<InputName, string>> = {}) {
  return runBundledAction(...runArgs(prefix, inputs));
}

async function exists(key: string): Promise<boolean> {
  return (await keys(key)).includes(key);
}

async function objectBytes(key: string): Promise<Buffer> {
  const got = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await got.Body!.transformToByteArray());
}

async function keys(prefix: string): Promise<string[]> {
  const listing = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (listing.Contents ?? []).map((o) => o.Key!).sort();
}

/** The report of a failure after the upload: what is out there, set as outputs, then what failed. */
async function expectPublishedThenFailed(result: ActionRun, prefix: string): Promise<void> {
  expect(result.status).not.toBe(0);
  expect(errorAnnotations(result.stdout)).toHaveLength(1);
  // The object is there (nothing lost), and the outputs name it with its real digest.
  const sha256 = createHash('sha256')
    .update(await objectBytes(`${prefix}/${WHEEL}`))
    .digest('hex');
  expect(result.outputs['s3-uri']).toBe(`s3://${BUCKET}/${prefix}/${WHEEL}`);
  expect(result.outputs.sha256).toBe(sha256);
  expect(result.outputs['wheel-name']).toBe(WHEEL);
  expect(result.summary).not.toContain('The wheel was not published');
  expect(result.summary).toMatch(/^## :warning: Published, but /m);
  expect(result.summary).toContain(`| S3 | s3://${BUCKET}/${prefix}/${WHEEL} |`);
  expect(result.summary).toContain(`| SHA-256 | \`${sha256}\` |`);
  expect(result.summary).toContain('**What failed afterwards:** ');
  // The error itself says what is out there, not only the summary.
  const error = errorAnnotations(result.stdout)[0]!;
  expect(error).toContain(`published before this failure: s3://${BUCKET}/${prefix}/${WHEEL}`);
  expect(error).toContain(`sha256 ${sha256}`);
}

describe('a failure after the upload says what was published', () => {
  it("the consumer check's read of the wheel cut short, after the index was written", async () => {
    const stop = proxy.add({
      operation: 'GetObject',
      // The fourth read under the wheel's name: the sidecar writer looks at both sidecars, the
      // index reads the metadata one, then the consumer check reads the wheel itself.
      keyPrefix: `read-cut/${WHEEL}`,
      every: 4,
      times: 1,
      fault: { kind: 'truncate', fraction: 0.5 },
    });
    try {
      const result = await run('read-cut', { 's3-index': 'true' });
      await expectPublishedThenFailed(result, 'read-cut');
      expect(proxy.injected.map((i) => i.request.key)).toEqual([`read-cut/${WHEEL}`]);
      // The index was written before the check: its outputs are set and shown too.
      expect(result.outputs['index-url']).toMatch(/\/read-cut\/simple\/$/);
      expect(result.summary).toContain(`| Index | ${result.outputs['index-url']} |`);
      expect(await keys('read-cut/')).toEqual(
        expect.arrayContaining([
          `read-cut/${WHEEL}`,
          `read-cut/${WHEEL}.verification.json`,
          'read-cut/simple/tinypkg/index.html',
        ]),
      );
    } finally {
      stop();
    }
  });

  it('the receipt beside the wheel refused, in the same step as the upload', async () => {
    const stop = proxy.add({
      operation: 'PutObject',
      keyPrefix: `sidecar-refused/${WHEEL}.verification.json`,
      fault: { kind: 'error', status: 403, code: 'AccessDenied', message: 'Access Denied' },
    });
    try {
      const result = await run('sidecar-refused');
      await expectPublishedThenFailed(result, 'sidecar-refused');
      expect(result.summary).toContain('AccessDenied');
      expect(await keys('sidecar-refused/')).toEqual([`sidecar-refused/${WHEEL}`]);
    } finally {
      stop();
    }
  });
});

describe('a run that can never settle after the upload says what was published', () => {
  it("node's exit 13 in the consumer check, the index already written", async () => {
    const [inputs, env] = runArgs('unsettled', { 's3-index': 'true' });
    // The consumer check's copy of the signed read never reports back: nothing else runs.
    const result = await runBundledAction(inputs, {
      ...env,
      NODE_OPTIONS: `--import=${join(ROOT, '__tests__', 'helpers', 'preload', 'hang-fs-call.mjs')}`,
      HANG_FS_CALL: 'writeFile:/consumer/signed/',
    });
    console.log(`the user sees: ${errorAnnotations(result.stdout)[0]}`);
    await expectPublishedThenFailed(result, 'unsettled');
    expect(result.status).toBe(1);
    expect(errorAnnotations(result.stdout)[0]).toContain("(node's exit code 13)");
    expect(result.summary).toContain('The run stopped before its work was done');
    expect(result.outputs['index-url']).toMatch(/\/unsettled\/simple\/$/);
    expect(result.summary).toContain(`| Index | ${result.outputs['index-url']} |`);
  });
});

describe('a cancel after the index was written says what was published', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while the consumer check reads the wheel, the index already written',
    async (signal) => {
      const prefix = `cancel-${signal.toLowerCase()}`;
      // The consumer check's read of the wheel (the fourth GET under its name) never answers.
      const stop = proxy.add({
        operation: 'GetObject',
        keyPrefix: `${prefix}/${WHEEL}`,
        every: 4,
        times: 1,
        fault: { kind: 'stall' },
      });
      try {
        const action = startBundledAction(...runArgs(prefix, { 's3-index': 'true' }));
        // Observed from outside: the index page is in the bucket and the held read is on the wire.
        await waitFor(
          'the index page and the held read',
          async () =>
            proxy.injected.some((i) => i.request.key === `${prefix}/${WHEEL}`) &&
            (await exists(`${prefix}/simple/tinypkg/index.html`)),
          120_000,
        );
        const sent = Date.now();
        process.kill(action.pid, signal);
        const result = await action.done;
        console.log(
          `${signal} after the index: the action exited ${result.exitedAt - sent} ms later`,
        );
        expect(result.exitedAt - sent).toBeLessThan(6000);
        await expectPublishedThenFailed(result, prefix);
        expect(errorAnnotations(result.stdout)[0]).toContain(`the run was cancelled (${signal})`);
        expect(result.summary).toContain(`cancelled (${signal})`);
        expect(result.outputs['index-url']).toMatch(new RegExp(`/${prefix}/simple/$`));
        expect(result.summary).toContain(`| Index | ${result.outputs['index-url']} |`);
        console.log(`the user sees: ${errorAnnotations(result.stdout)[0]}`);
      } finally {
        stop();
      }
    },
    180_000,
  );
});
