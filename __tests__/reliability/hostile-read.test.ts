/**
 * The consumer check's reads against a hostile server (helpers/hostile-s3.ts in front of
 * moto_server), through the bundled action: a truncated body, a body that drips one byte per
 * second, a body far larger than the wheel, SIGTERM in the middle of the read, and a listing
 * that repeats its continuation token each end in one named failure, quickly, with a summary.
 */
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startBundledAction, waitFor } from '../helpers/action-process.js';
import {
  buildExample,
  copyExample,
  errorAnnotations,
  EXAMPLE_STAGE,
  runBundledAction,
  type ActionRun,
} from '../helpers/example.js';
import { startHostileS3, type HostileS3 } from '../helpers/hostile-s3.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';

const BUCKET = 'hostile';
let moto: Moto;
let hostile: HostileS3;
let example: string;
let python: string;

beforeAll(async () => {
  moto = await startMoto();
  hostile = await startHostileS3(moto.endpoint);
  const admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  admin.destroy();
  python = defaultPython3();
  example = copyExample('hostile-');
  buildExample(example, python);
}, 180_000);

afterAll(async () => {
  await hostile?.close();
  await moto?.stop();
});

beforeEach(() => {
  hostile.mode = 'none';
});

function inputs(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'working-directory': example,
    stage: EXAMPLE_STAGE,
    python,
    version: '1.0.0',
    'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    's3-bucket': BUCKET,
    's3-prefix': prefix,
    's3-endpoint': hostile.endpoint,
    's3-force-path-style': 'true',
    's3-acl': 'public-read',
    'artifact-name': 'false',
    ...extra,
  };
}

const env = { ...MOTO_CREDENTIALS, SOURCE_DATE_EPOCH: '1700000000' };

/** The wheel a run published, from its log (a failed run sets no outputs). */
function published(run: ActionRun): { name: string; size: number } {
  const match = /Publishing (\S+\.whl) \((\d+) bytes\)/.exec(run.stdout);
  expect(match).not.toBeNull();
  return { name: match![1]!, size: Number(match![2]) };
}

function oneError(run: ActionRun): string {
  const errors = errorAnnotations(run.stdout);
  expect(errors).toHaveLength(1);
  expect(run.status).not.toBe(0);
  expect(run.outputs['verify-published']).toBeUndefined();
  console.log(`the user sees: ${errors[0]}`);
  return errors[0]!;
}

describe("the consumer check's read is bounded", () => {
  it('a truncated body: "ended after N of M bytes", naming the cause', async () => {
    hostile.mode = 'truncate';
    const run = await runBundledAction(inputs('truncated'), env, 300_000);
    const error = oneError(run);
    const { name, size } = published(run);
    expect(hostile.hostileReads).toContain(`/${BUCKET}/truncated/${name}`);
    expect(error).toContain("input 'verify-published'");
    expect(error).toMatch(
      new RegExp(
        `The platform's read of the published wheel \\(\\S+\\) ended after \\d+ of ${size} bytes: `,
      ),
    );
    expect(error).not.toContain('Unexpected failure');
    expect(run.summary).toContain('ended after');
  }, 400_000);

  it('a body of 1 byte per second: a stall within the progress window, not a 5-minute hang', async () => {
    hostile.mode = 'drip';
    const started = Date.now();
    const run = await runBundledAction(inputs('drip'), env, 300_000);
    const error = oneError(run);
    const { size } = published(run);
    expect(error).toMatch(
      new RegExp(
        `The platform's read of the published wheel \\(\\S+\\) stalled: \\d+ bytes in the last 20 s \\(\\d+ of ${size} bytes read\\)`,
      ),
    );
    // The wheel was uploaded before the read timed out: the outputs, summary and error say so.
    expect(run.outputs['s3-uri']).toMatch(new RegExp(`^s3://${BUCKET}/drip/\\S+\\.whl$`));
    expect(run.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.summary).toMatch(/^## :warning: Published, but /m);
    expect(run.summary).not.toContain('The wheel was not published');
    expect(error).toContain(
      `published before this failure: ${run.outputs['s3-uri']} (sha256 ${run.outputs.sha256})`,
    );
    // The drip would take `size` seconds (minutes); the window ends it after about 20 s.
    console.log(`drip: the action ended ${Date.now() - started} ms after it started`);
    expect(hostile.sent()).toBeLessThan(size);
  }, 400_000);

  it('a body far larger than the wheel: stopped after the wheel size, never buffered', async () => {
    hostile.mode = 'flood';
    const before = hostile.sent();
    const run = await runBundledAction(inputs('flood'), env, 300_000);
    const error = oneError(run);
    const { size } = published(run);
    expect(error).toContain(
      `was stopped: the server sent more than ${size} bytes, but the published wheel is ${size} bytes.`,
    );
    const sent = hostile.sent() - before;
    console.log(`flood: ${sent} bytes left the server before the reader hung up`);
    // The reader hangs up at once: far below the 1.5 GB the server would send.
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  }, 400_000);

  it('SIGTERM during the read: the cancel ends the read at once, with its summary', async () => {
    hostile.mode = 'drip';
    const reads = hostile.hostileReads.length;
    const action = startBundledAction(inputs('sigterm'), env);
    await waitFor('the consumer read', () => hostile.hostileReads.length > reads, 240_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const sent = Date.now();
    process.kill(action.pid, 'SIGTERM');
    const run = await action.done;
    const after = run.exitedAt - sent;
    console.log(`SIGTERM mid-read: the action exited ${after} ms after it`);
    // Before the hard exit of the cancel deadline (6 s), which writes no annotation or summary.
    expect(after).toBeLessThan(6000);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('the run was cancelled (SIGTERM)');
    expect(run.summary).toContain('cancelled (SIGTERM)');
  }, 400_000);

  it('a listing that repeats its continuation token: a named failure, not a 5-minute loop', async () => {
    hostile.mode = 'repeat-token';
    const run = await runBundledAction(inputs('loop', { 's3-index': 'true' }), env, 300_000);
    const error = oneError(run);
    expect(error).toContain("input 's3-endpoint'");
    expect(error).toContain(
      `The listing of s3://${BUCKET}/loop/ does not end: after 2 pages the server hands back a ` +
        'continuation token it already gave.',
    );
    expect(hostile.listRequests).toBeLessThanOrEqual(3);
  }, 400_000);
});
