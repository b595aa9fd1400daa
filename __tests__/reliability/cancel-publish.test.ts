/**
 * Cancellation reaches every publishing request, not only the wheel upload: one S3 session per
 * run carries the run's signal (src/publish/s3/s3-session.ts), and the artifact upload is given
 * up at once. Through the bundled action (and the command's `yank`), signalled the way the runner
 * cancels a step: each request of the phase under test is held by a fault proxy (a throttled
 * link), the signal lands while it is on the wire, and afterwards, once every process of the run
 * is gone and the held requests have been passed on, the bucket holds exactly what was complete
 * before the signal and no open multipart upload (the artifact service: no finalized artifact).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CreateBucketCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  alive,
  descendants,
  startBundledAction,
  waitFor,
  type RunningAction,
} from '../helpers/action-process.js';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import { ROOT } from '../helpers/example.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';

const BUCKET = 'cancel-publish';
/** How long the proxies hold each request of the phase under test. */
const STALL_MS = 4000;
/** The runner's SIGINT -> SIGKILL delay: a cancelled run must be gone well before. */
const RUNNER_GRACE_MS = 7500;
const WHEEL = 'smallpkg-1.0.0-py3-none-any.whl';
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

let moto: Moto;
let proxy: FaultProxy;
let admin: S3Client;
let artifacts: ArtifactService;
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  artifacts = await startArtifactService({ stallUploadMs: STALL_MS });
  dir = await mkdtemp(join(tmpdir(), 'cancel-publish-'));
}, 120_000);

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await moto?.stop();
  await artifacts?.stop();
});

function workspace(label: string): string {
  const ws = join(dir, label);
  mkdirSync(join(ws, 'smallpkg'), { recursive: true });
  writeFileSync(join(ws, 'smallpkg', '__init__.py'), `LABEL = ${JSON.stringify(label)}\n`);
  return ws;
}

function inputs(ws: string, extra: Record<string, string>): Record<string, string> {
  return {
    'package-dir': 'smallpkg',
    python: defaultPython3(),
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'output-dir': join(ws, 'dist'),
    'artifact-name': 'false',
    ...extra,
  };
}

function s3Inputs(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    's3-bucket': BUCKET,
    's3-prefix': prefix,
    's3-endpoint': proxy.endpoint,
    's3-force-path-style': 'true',
    'verify-published': 'false',
    ...extra,
  };
}

async function objects(prefix: string): Promise<string[]> {
  const list = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (list.Contents ?? []).map((o) => o.Key!).sort();
}

async function openUploads(prefix: string): Promise<string[]> {
  const list = await admin.send(
    new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }),
  );
  return (list.Uploads ?? []).map((u) => u.UploadId!);
}

/** Holds the matching requests, waits until one is on the wire; the rules go after the run. */
async function holdUntilOnTheWire(
  rules: { operation: 'PutObject'; keyPrefix: string }[],
  what: string,
): Promise<() => void> {
  const removers = rules.map((rule) =>
    proxy.add({ ...rule, fault: { kind: 'stall', ms: STALL_MS } }),
  );
  await waitFor(
    what,
    () =>
      proxy.requests.some((r) =>
        rules.some((rule) => r.operation === rule.operation && r.key.startsWith(rule.keyPrefix)),
      ),
    90_000,
  );
  return () => removers.forEach((remove) => remove());
}

/** Signals the run's entry; returns its exit, with how long after the signal it came. */
async function cancel(
  action: RunningAction,
  signal: NodeJS.Signals,
): Promise<{ run: Awaited<RunningAction['done']>; tree: number[]; ms: number }> {
  const tree = [action.pid, ...descendants(action.pid)];
  const sent = Date.now();
  process.kill(action.pid, signal);
  const run = await action.done;
  return { run, tree, ms: run.exitedAt - sent };
}

/** Once every process of the run is gone and the held requests were passed on: `check` again. */
async function afterTheDust(tree: number[], check: () => Promise<void>): Promise<void> {
  await check();
  await waitFor('every process of the run to be gone', () => tree.every((p) => !alive(p)), 20_000);
  await new Promise((resolve) => setTimeout(resolve, STALL_MS + 1000));
  await check();
}

describe('a cancel during a publishing phase after the upload publishes nothing more', () => {
  it.each(SIGNALS)(
    '%s during the index update: no page is written',
    async (signal) => {
      const prefix = `index-${signal.toLowerCase()}`;
      const ws = workspace(prefix);
      const action = startBundledAction(inputs(ws, s3Inputs(prefix, { 's3-index': 'true' })), {
        ...MOTO_CREDENTIALS,
        GITHUB_WORKSPACE: ws,
      });
      const release = await holdUntilOnTheWire(
        [
          { operation: 'PutObject', keyPrefix: `${prefix}/simple/` },
          { operation: 'PutObject', keyPrefix: `${prefix}/index.html` },
        ],
        'the first index page write',
      );
      try {
        const { run, tree, ms } = await cancel(action, signal);
        console.log(`${signal} during the index update: the action exited ${ms} ms after it`);
        expect(ms).toBeLessThan(RUNNER_GRACE_MS);
        expect(run.status).not.toBe(0);
        expect(run.stdout).toContain(`cancelled (${signal})`);
        expect(run.stdout).not.toMatch(/index updated/);
        // The wheel and the files beside it were complete before the signal; no page is.
        const complete = [`${prefix}/${WHEEL}`, `${prefix}/${WHEEL}.metadata`];
        complete.push(`${prefix}/${WHEEL}.verification.json`);
        await afterTheDust(tree, async () => {
          expect(await objects(`${prefix}/`)).toEqual(complete.sort());
          expect(await openUploads(`${prefix}/`)).toEqual([]);
        });
      } finally {
        release();
      }
    },
    180_000,
  );

  it.each(SIGNALS)(
    '%s during the sidecar writes: the receipt is not published',
    async (signal) => {
      const prefix = `sidecar-${signal.toLowerCase()}`;
      const ws = workspace(prefix);
      const action = startBundledAction(inputs(ws, s3Inputs(prefix)), {
        ...MOTO_CREDENTIALS,
        GITHUB_WORKSPACE: ws,
      });
      const release = await holdUntilOnTheWire(
        [{ operation: 'PutObject', keyPrefix: `${prefix}/${WHEEL}.` }],
        'the receipt write',
      );
      try {
        const { run, tree, ms } = await cancel(action, signal);
        console.log(`${signal} during the sidecar writes: the action exited ${ms} ms after it`);
        expect(ms).toBeLessThan(RUNNER_GRACE_MS);
        expect(run.status).not.toBe(0);
        expect(run.stdout).toContain(`cancelled (${signal})`);
        await afterTheDust(tree, async () => {
          expect(await objects(`${prefix}/`)).toEqual([`${prefix}/${WHEEL}`]);
          expect(await openUploads(`${prefix}/`)).toEqual([]);
        });
      } finally {
        release();
      }
    },
    180_000,
  );

  it.each(SIGNALS)(
    '%s during the artifact upload: the artifact is never finalized',
    async (signal) => {
      const label = `artifact-${signal.toLowerCase()}`;
      const ws = workspace(label);
      const before = artifacts.blobWrites;
      const action = startBundledAction(inputs(ws, { 'artifact-name': label }), {
        ...artifacts.env,
        GITHUB_WORKSPACE: ws,
      });
      await waitFor('the first blob write', () => artifacts.blobWrites > before, 90_000);
      const { run, tree, ms } = await cancel(action, signal);
      console.log(`${signal} during the artifact upload: the action exited ${ms} ms after it`);
      expect(ms).toBeLessThan(RUNNER_GRACE_MS);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toContain(`cancelled (${signal})`);
      expect(run.outputs['artifact-id']).toBeUndefined();
      await afterTheDust(tree, async () => {
        const created = artifacts.artifacts().filter((a) => a.name === label);
        // CreateArtifact was answered before the upload began; it was never finalized, so it is
        // never listed or downloadable, and no blob was committed.
        expect(created).toHaveLength(1);
        expect(created[0]!.id).toBeUndefined();
        await expect(artifacts.readBlob(label)).rejects.toThrow();
      });
    },
    180_000,
  );
});

describe("the command's yank", () => {
  it.each(SIGNALS)(
    '%s while marking the release: nothing is yanked, exit 130',
    async (signal) => {
      const prefix = `yank-${signal.toLowerCase()}`;
      await admin.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${WHEEL}`, Body: 'a wheel' }),
      );
      const cli = spawn(
        process.execPath,
        [
          join(ROOT, 'dist', 'cli', 'index.js'),
          'yank',
          '--s3-bucket',
          BUCKET,
          '--s3-prefix',
          `${prefix}/`,
          '--s3-endpoint',
          proxy.endpoint,
          '--s3-force-path-style',
          'true',
          '--reason',
          'broken build',
          'smallpkg==1.0.0',
        ],
        { env: { ...process.env, ...MOTO_CREDENTIALS }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
        cli.on('exit', (code) => resolve({ code, at: Date.now() })),
      );
      const release = await holdUntilOnTheWire(
        [{ operation: 'PutObject', keyPrefix: `${prefix}/${WHEEL}.yanked` }],
        'the .yanked write',
      );
      try {
        const tree = [cli.pid!, ...descendants(cli.pid!)];
        const sent = Date.now();
        process.kill(cli.pid!, signal);
        const { code, at } = await exited;
        console.log(`${signal} during yank: the command exited ${at - sent} ms after it`);
        expect(at - sent).toBeLessThan(RUNNER_GRACE_MS);
        expect(stderr).toContain(`error: the run was cancelled (${signal})`);
        expect(code).toBe(130);
        await afterTheDust(tree, async () => {
          expect(await objects(`${prefix}/`)).toEqual([`${prefix}/${WHEEL}`]);
        });
      } finally {
        release();
      }
    },
    120_000,
  );
});
