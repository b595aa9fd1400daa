/**
 * Publishing under faults: a bounded loop of single-part and multipart publishes through a
 * fault-injecting proxy in front of moto_server. Every run must end one of two ways:
 * - published: the object in S3 is byte-identical to the wheel (sha256 of the bytes read back);
 * - a clear failure: a PublishError with a fix, no object, and no open multipart upload.
 * Anything else (a failure that left an object or parts behind, a success with other bytes) is
 * counted as lost, and must be 0. The counts are printed for the CI log.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { PublishError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import type { S3PublishOptions } from '../../src/publish/s3/s3-publish.js';
import { publishWheel } from '../helpers/s3-session.js';
import type { BuiltWheel } from '../../src/publish/built-wheel.js';
import { startArtifactService } from '../helpers/artifact-service.js';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../helpers/fault-proxy.js';
import { MOTO_CREDENTIALS, startMoto, type Moto, motoClient } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';

const MiB = 1024 * 1024;
const BUCKET = 'faults';
const PART_SIZE = 5 * MiB;
const MAX_ATTEMPTS = 3;
/** The bound on one publish, retries included; runs that stall forever use a shorter one. */
const TIMEOUT_MS = 30_000;
const STALL_TIMEOUT_MS = 2500;
/** Publishes in flight at once: retries mostly wait, so overlapping them keeps the loop short. */
const CONCURRENCY = 4;

let moto: Moto;
let proxy: FaultProxy;
let admin: S3Client;
let dir: string;
let noise: Buffer;

type Outcome = 'published' | 'failed';

interface Scenario {
  name: string;
  multipart: boolean;
  expect: Outcome;
  /** Rules for this run's key; keyPrefix is filled in per run. */
  rules: Omit<FaultRule, 'keyPrefix'>[];
  /** Publish time limit (stall-forever runs). */
  timeoutMs?: number;
}

const slowDown = { kind: 'error', status: 503, code: 'SlowDown' } as const;
const internal = { kind: 'error', status: 500, code: 'InternalError' } as const;

// Each scenario runs twice, on two file sizes. "published" scenarios fail fewer times in a row
// than the attempts per request allow; "failed" ones fail on every attempt of some request.
const SCENARIOS: Scenario[] = [
  // Single PUT.
  {
    name: 'PUT: 503 SlowDown twice',
    multipart: false,
    expect: 'published',
    rules: [{ operation: 'PutObject', fault: slowDown, times: 2 }],
  },
  {
    name: 'HEAD: 500 once',
    multipart: false,
    expect: 'published',
    rules: [{ operation: 'HeadObject', fault: internal, times: 1 }],
  },
  {
    name: 'PUT: reset mid-body once',
    multipart: false,
    expect: 'published',
    rules: [{ operation: 'PutObject', fault: { kind: 'reset' }, times: 1 }],
  },
  {
    name: 'PUT: answer lost once (stored, client hears nothing)',
    multipart: false,
    expect: 'published',
    rules: [{ operation: 'PutObject', fault: { kind: 'truncate', fraction: 0 }, times: 1 }],
  },
  {
    name: 'PUT: answer cut in half once',
    multipart: false,
    expect: 'published',
    rules: [{ operation: 'PutObject', fault: { kind: 'truncate', fraction: 0.5 }, times: 1 }],
  },
  {
    name: 'every 2nd request: 503 SlowDown',
    multipart: false,
    expect: 'published',
    rules: [{ every: 2, fault: slowDown }],
  },
  {
    name: 'PUT: stalls 1.2 s once',
    multipart: false,
    expect: 'published',
    rules: [{ operation: 'PutObject', fault: { kind: 'stall', ms: 1200 }, times: 1 }],
  },
  {
    name: 'PUT: answer lost every time',
    multipart: false,
    expect: 'published',
    rules: [{ operation: 'PutObject', fault: { kind: 'truncate', fraction: 0 } }],
  },
  {
    name: 'PUT: 503 SlowDown always',
    multipart: false,
    expect: 'failed',
    rules: [{ operation: 'PutObject', fault: slowDown }],
  },
  {
    name: 'PUT: reset always',
    multipart: false,
    expect: 'failed',
    rules: [{ operation: 'PutObject', fault: { kind: 'reset' } }],
  },
  {
    name: 'PUT: stalls forever',
    multipart: false,
    expect: 'failed',
    timeoutMs: STALL_TIMEOUT_MS,
    rules: [{ operation: 'PutObject', fault: { kind: 'stall' } }],
  },
  {
    name: 'HEAD: 500 always',
    multipart: false,
    expect: 'failed',
    rules: [{ operation: 'HeadObject', fault: internal }],
  },
  // Multipart.
  {
    name: 'part 2: 503 SlowDown twice',
    multipart: true,
    expect: 'published',
    rules: [{ operation: 'UploadPart', partNumber: 2, fault: slowDown, times: 2 }],
  },
  {
    name: 'part 1 reset once, part 3 500 once',
    multipart: true,
    expect: 'published',
    rules: [
      { operation: 'UploadPart', partNumber: 1, fault: { kind: 'reset' }, times: 1 },
      { operation: 'UploadPart', partNumber: 3, fault: internal, times: 1 },
    ],
  },
  {
    name: 'part 2: answer lost once',
    multipart: true,
    expect: 'published',
    rules: [
      {
        operation: 'UploadPart',
        partNumber: 2,
        fault: { kind: 'truncate', fraction: 0 },
        times: 1,
      },
    ],
  },
  {
    name: 'create: answer lost once (an upload the client never heard of)',
    multipart: true,
    expect: 'published',
    rules: [
      { operation: 'CreateMultipartUpload', fault: { kind: 'truncate', fraction: 0 }, times: 1 },
    ],
  },
  {
    name: 'create: answer cut in half once',
    multipart: true,
    expect: 'published',
    rules: [
      { operation: 'CreateMultipartUpload', fault: { kind: 'truncate', fraction: 0.5 }, times: 1 },
    ],
  },
  {
    name: 'complete: answer lost once (completed, client hears nothing)',
    multipart: true,
    expect: 'published',
    rules: [
      { operation: 'CompleteMultipartUpload', fault: { kind: 'truncate', fraction: 0 }, times: 1 },
    ],
  },
  {
    name: 'complete: answer lost every time',
    multipart: true,
    expect: 'published',
    rules: [{ operation: 'CompleteMultipartUpload', fault: { kind: 'truncate', fraction: 0 } }],
  },
  {
    name: 'complete: 503 SlowDown twice',
    multipart: true,
    expect: 'published',
    rules: [{ operation: 'CompleteMultipartUpload', fault: slowDown, times: 2 }],
  },
  {
    name: 'every 3rd request: 503 SlowDown',
    multipart: true,
    expect: 'published',
    rules: [{ every: 3, fault: slowDown }],
  },
  {
    name: 'part 3: stalls 1.2 s once',
    multipart: true,
    expect: 'published',
    rules: [
      { operation: 'UploadPart', partNumber: 3, fault: { kind: 'stall', ms: 1200 }, times: 1 },
    ],
  },
  {
    name: 'part 2: 500 always',
    multipart: true,
    expect: 'failed',
    rules: [{ operation: 'UploadPart', partNumber: 2, fault: internal }],
  },
  {
    name: 'part 3: reset always',
    multipart: true,
    expect: 'failed',
    rules: [{ operation: 'UploadPart', partNumber: 3, fault: { kind: 'reset' } }],
  },
  {
    name: 'complete: 503 SlowDown always',
    multipart: true,
    expect: 'failed',
    rules: [{ operation: 'CompleteMultipartUpload', fault: slowDown }],
  },
  {
    name: 'create: answer lost every time',
    multipart: true,
    expect: 'failed',
    rules: [{ operation: 'CreateMultipartUpload', fault: { kind: 'truncate', fraction: 0 } }],
  },
  {
    name: 'create: 503 SlowDown always',
    multipart: true,
    expect: 'failed',
    rules: [{ operation: 'CreateMultipartUpload', fault: slowDown }],
  },
  {
    name: 'part 2: stalls forever',
    multipart: true,
    expect: 'failed',
    timeoutMs: STALL_TIMEOUT_MS,
    rules: [{ operation: 'UploadPart', partNumber: 2, fault: { kind: 'stall' } }],
  },
  {
    name: 'part 1: 500 always, abort: 503 once',
    multipart: true,
    expect: 'failed',
    rules: [
      { operation: 'UploadPart', partNumber: 1, fault: internal },
      { operation: 'AbortMultipartUpload', fault: slowDown, times: 1 },
    ],
  },
  {
    name: 'part 1: 500 always, abort: answer lost once',
    multipart: true,
    expect: 'failed',
    rules: [
      { operation: 'UploadPart', partNumber: 1, fault: internal },
      { operation: 'AbortMultipartUpload', fault: { kind: 'truncate', fraction: 0 }, times: 1 },
    ],
  },
];

interface RunResult {
  run: number;
  scenario: string;
  expected: Outcome;
  outcome: Outcome | 'unexpected-error';
  faults: number;
  /** Invariant violations: must stay empty. */
  lost: string[];
  ms: number;
}

async function makeWheel(run: number, size: number): Promise<BuiltWheel> {
  // Distinct bytes per run: the run number over a slice of shared random noise.
  const bytes = Buffer.from(noise.subarray(0, size));
  bytes.writeUInt32BE(run, 0);
  const fileName = `faulty-1.0.${run}-py3-none-any.whl`;
  const path = join(dir, fileName);
  await writeFile(path, bytes);
  return {
    path,
    fileName,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size,
    distribution: 'faulty',
    version: `1.0.${run}`,
  };
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** The object's bytes straight from moto, or undefined when there is none. */
async function storedBytes(key: string): Promise<Buffer | undefined> {
  try {
    const object = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await object.Body!.transformToByteArray());
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

async function openUploads(prefix: string): Promise<string[]> {
  const list = await admin.send(
    new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }),
  );
  return (list.Uploads ?? []).map((upload) => upload.UploadId ?? '?');
}

async function runOnce(run: number, scenario: Scenario): Promise<RunResult> {
  const prefix = `run-${run}/`;
  const size = scenario.multipart
    ? (run % 2 === 0 ? 11 : 16) * MiB - 1234 * run
    : (run % 2 === 0 ? 64 * 1024 : 1536 * 1024) + run;
  const wheel = await makeWheel(run, size);
  const key = `${prefix}${wheel.fileName}`;
  const removers = scenario.rules.map((rule) => proxy.add({ ...rule, keyPrefix: prefix }));
  const injectedBefore = proxy.injected.filter((f) => f.request.key.startsWith(prefix)).length;
  const options: S3PublishOptions = {
    bucket: BUCKET,
    prefix,
    endpoint: proxy.endpoint,
    forcePathStyle: true,
    acl: 'private',
    overwrite: false,
    maxAttempts: MAX_ATTEMPTS,
    partSize: PART_SIZE,
    multipartThreshold: PART_SIZE,
    timeoutMs: scenario.timeoutMs ?? TIMEOUT_MS,
  };
  const lost: string[] = [];
  const started = Date.now();
  let outcome: RunResult['outcome'];
  try {
    const result = await publishWheel(wheel, options, new MemoryLog());
    outcome = 'published';
    if (result.sha256 !== wheel.sha256) lost.push(`reported sha256 ${result.sha256}`);
  } catch (error) {
    if (error instanceof PublishError) {
      outcome = 'failed';
      // A clear failure: what went wrong and what to do, no stack trace in the text.
      if (!error.message || !error.fix) lost.push(`unclear error: ${error.describe()}`);
      if (/\n\s+at /.test(error.describe())) lost.push('stack trace in the message');
    } else {
      outcome = 'unexpected-error';
      lost.push(`not a PublishError: ${String(error)}`);
    }
  } finally {
    for (const remove of removers) remove();
  }
  const ms = Date.now() - started;
  // A publish is bounded: its own limit plus the abort's, never the SDK's 60 s socket timeout.
  if (ms > (scenario.timeoutMs ?? TIMEOUT_MS) + 10_000) lost.push(`took ${ms} ms`);

  const stored = await storedBytes(key);
  if (outcome === 'published') {
    if (!stored) lost.push('published, but no object');
    else if (createHash('sha256').update(stored).digest('hex') !== wheel.sha256) {
      lost.push('published, but the stored bytes differ');
    }
  } else if (stored) {
    lost.push(`failed, but an object of ${stored.length} bytes was left`);
  }
  const uploads = await openUploads(prefix);
  if (uploads.length > 0) lost.push(`open multipart uploads left: ${uploads.join(', ')}`);

  // Keep moto's memory flat over the loop; the checks above are done.
  if (stored) await admin.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  await rm(wheel.path, { force: true });
  const faults =
    proxy.injected.filter((f) => f.request.key.startsWith(prefix)).length - injectedBefore;
  return {
    run,
    scenario: scenario.name,
    expected: scenario.expect,
    outcome,
    faults,
    lost,
    ms,
  };
}

beforeAll(async () => {
  for (const [name, value] of Object.entries(MOTO_CREDENTIALS)) vi.stubEnv(name, value);
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  dir = await mkdtemp(join(tmpdir(), 'faults-'));
  noise = randomBytes(16 * MiB);
});

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('publishToS3 through a fault-injecting proxy', () => {
  it('ends every run published byte-identical or failed cleanly, losing nothing', async () => {
    const plan = [...SCENARIOS, ...SCENARIOS].map((scenario, index) => ({
      run: index + 1,
      scenario,
    }));
    const results: RunResult[] = [];
    const started = Date.now();
    let next = 0;
    const worker = async () => {
      while (next < plan.length) {
        const { run, scenario } = plan[next++]!;
        results.push(await runOnce(run, scenario));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    results.sort((a, b) => a.run - b.run);

    const count = (outcome: RunResult['outcome']) =>
      results.filter((r) => r.outcome === outcome).length;
    const faults = results.reduce((sum, r) => sum + r.faults, 0);
    const lost = results.filter((r) => r.lost.length > 0);
    console.log(
      `fault runs: ${results.length}, faults injected: ${faults}, ended published: ` +
        `${count('published')}, ended clean failures: ${count('failed')}, lost: ${lost.length} ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${results.filter((r) => plan[r.run - 1]!.scenario.multipart).length} multipart)`,
    );
    for (const r of results) {
      if (r.lost.length > 0 || r.outcome !== r.expected) {
        console.log(`run ${r.run} (${r.scenario}): ${r.outcome}, expected ${r.expected}`, r.lost);
      }
    }

    expect(results.length).toBeGreaterThanOrEqual(50);
    expect(lost.map((r) => `${r.run} ${r.scenario}: ${r.lost.join('; ')}`)).toEqual([]);
    expect(results.filter((r) => r.outcome !== r.expected).map((r) => r.scenario)).toEqual([]);
    // Every run had at least one fault, and both endings happened.
    expect(results.filter((r) => r.faults === 0).map((r) => r.scenario)).toEqual([]);
    expect(count('published')).toBeGreaterThan(0);
    expect(count('failed')).toBeGreaterThan(0);
  });
});

describe('the bundled action under faults', () => {
  /** A workspace with a pure-python package: the action builds, verifies and publishes it. */
  function workspace(label: string): string {
    const ws = join(dir, label);
    mkdirSync(join(ws, 'tinypkg'), { recursive: true });
    writeFileSync(join(ws, 'tinypkg', '__init__.py'), `LABEL = ${JSON.stringify(label)}\n`);
    return ws;
  }

  function inputs(ws: string, prefix: string, attempts: string) {
    return {
      'package-dir': 'tinypkg',
      python: defaultPython3(),
      'wheel-tag': 'py3-none-any',
      version: '1.0.0',
      'output-dir': join(ws, 'dist'),
      's3-bucket': BUCKET,
      's3-prefix': prefix,
      's3-endpoint': proxy.endpoint,
      's3-force-path-style': 'true',
      // Private objects: the consumer check reads them as a platform with its own role.
      'verify-published': 'credentials',
      's3-max-attempts': attempts,
    };
  }

  it('retries S3 per s3-max-attempts and the artifact service through its 503s', async () => {
    const artifacts = await startArtifactService({ failFirst: 2 });
    const remove = proxy.add({
      keyPrefix: 'action-retry/',
      operation: 'PutObject',
      fault: slowDown,
      times: 2,
    });
    try {
      const ws = workspace('retry');
      const run = await runBundledAction(inputs(ws, 'action-retry', '3'), {
        ...MOTO_CREDENTIALS,
        ...artifacts.env,
        GITHUB_WORKSPACE: ws,
      });
      expect(errorAnnotations(run.stdout)).toEqual([]);
      expect(run.status).toBe(0);
      const wheel = readFileSync(run.outputs.wheel!);
      const key = `action-retry/${run.outputs['wheel-name']}`;
      const puts = proxy.requests.filter((r) => r.key === key && r.operation === 'PutObject');
      expect(puts.map((r) => r.fault ?? 'ok')).toEqual(['error', 'error', 'ok']);
      expect((await storedBytes(key))?.equals(wheel)).toBe(true);
      // Two 503s from the results service, then the artifact went up whole (2 requests), and
      // the receipt's own artifact after it (2 more).
      expect(artifacts.requests).toBe(6);
      expect(
        (await artifacts.readBlob(`${run.outputs['wheel-name']}.verification.json`)).equals(
          readFileSync(run.outputs.receipt!),
        ),
      ).toBe(true);
      expect((await artifacts.readBlob(run.outputs['wheel-name']!)).equals(wheel)).toBe(true);
    } finally {
      remove();
      await artifacts.stop();
    }
  });

  it('an upload reset on every attempt names s3-max-attempts, not s3-endpoint (S3 answered)', async () => {
    const remove = proxy.add({
      keyPrefix: 'action-reset/',
      operation: 'PutObject',
      fault: { kind: 'reset' },
    });
    try {
      const ws = workspace('reset');
      const run = await runBundledAction(
        { ...inputs(ws, 'action-reset', '2'), 'artifact-name': 'false' },
        { ...MOTO_CREDENTIALS, GITHUB_WORKSPACE: ws },
      );
      const errors = errorAnnotations(run.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("title=algorithmia-wheel%3A input 's3-max-attempts'");
      expect(errors[0]).toContain('during PutObject on every attempt');
      expect(errors[0]).not.toContain('s3-endpoint');
      expect(run.status).not.toBe(0);
      const puts = proxy.requests.filter(
        (r) => r.key.startsWith('action-reset/') && r.operation === 'PutObject',
      );
      expect(puts).toHaveLength(2);
      expect(await storedBytes(puts[0]!.key)).toBeUndefined();
    } finally {
      remove();
    }
  });

  it("a 301 names the bucket's region from x-amz-bucket-region (a HEAD has no body)", async () => {
    const remove = proxy.add({
      keyPrefix: 'action-moved/',
      operation: 'HeadObject',
      fault: {
        kind: 'error',
        status: 301,
        code: 'PermanentRedirect',
        headers: { 'x-amz-bucket-region': 'eu-central-1' },
      },
    });
    try {
      const ws = workspace('moved');
      const run = await runBundledAction(
        { ...inputs(ws, 'action-moved', '1'), 'artifact-name': 'false' },
        { ...MOTO_CREDENTIALS, GITHUB_WORKSPACE: ws },
      );
      const errors = errorAnnotations(run.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("title=algorithmia-wheel%3A input 's3-region'");
      expect(errors[0]).toContain('is not in region us-east-1 (it is in eu-central-1)');
      expect(errors[0]).toContain('Fix: set s3-region: eu-central-1.');
      expect(run.status).not.toBe(0);
    } finally {
      remove();
    }
  });

  it('with s3-max-attempts 1 one fault fails the run clearly and leaves nothing', async () => {
    const remove = proxy.add({
      keyPrefix: 'action-once/',
      operation: 'PutObject',
      fault: slowDown,
      times: 1,
    });
    try {
      const ws = workspace('once');
      const run = await runBundledAction(
        { ...inputs(ws, 'action-once', '1'), 'artifact-name': 'false' },
        { ...MOTO_CREDENTIALS, GITHUB_WORKSPACE: ws },
      );
      const errors = errorAnnotations(run.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('S3 PutObject failed');
      expect(errors[0]).toContain('SlowDown (HTTP 503)');
      expect(errors[0]).toContain('Fix:');
      expect(run.status).not.toBe(0);
      expect(run.outputs).toEqual({});
      expect(
        proxy.requests.filter(
          (r) => r.key.startsWith('action-once/') && r.operation === 'PutObject',
        ),
      ).toHaveLength(1);
      expect(await openUploads('action-once/')).toEqual([]);
      const listed = proxy.requests.filter((r) => r.key.startsWith('action-once/'));
      expect(await storedBytes(listed[0]!.key)).toBeUndefined();
    } finally {
      remove();
    }
  });
});
