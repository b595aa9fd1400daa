/**
 * Cancellation through the bundled action, signalled the way the runner cancels a step: SIGINT
 * (or SIGHUP on some runner versions), SIGTERM 7.5 s later, SIGKILL of the tree 2.5 s after that.
 * The upload goes through a fault proxy in front of moto_server that holds every UploadPart for
 * STALL_MS before passing it on (a throttled link), so the signal lands mid-upload. After the
 * action exits we list objects and multipart uploads, wait until every process it had started
 * is gone (polled from /proc instead of sleeping a minute: a process that no longer exists cannot
 * finish an upload) and until the held parts have been passed on, and list again.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
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
import { ROOT, errorAnnotations, runBundledAction } from '../helpers/example.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';
import { containerPids, containerStatus, recordedContainerNames } from '../helpers/containers.js';
import { engineCalls, engineEnv, ensureTestImage, TEST_IMAGE } from '../helpers/rootfs.js';

const MiB = 1024 * 1024;
const BUCKET = 'cancel';
/** How long the proxy holds each part. */
const STALL_MS = 4000;
/** The runner's SIGINT -> SIGKILL delay we test against. */
const RUNNER_GRACE_MS = 7500;

let moto: Moto;
let proxy: FaultProxy;
let admin: S3Client;
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  dir = await mkdtemp(join(tmpdir(), 'cancel-'));
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

/** A package with 20 MiB of incompressible data: a three-part multipart upload. */
function workspace(label: string): string {
  const ws = join(dir, label);
  mkdirSync(join(ws, 'bigpkg'), { recursive: true });
  writeFileSync(join(ws, 'bigpkg', '__init__.py'), `LABEL = ${JSON.stringify(label)}\n`);
  writeFileSync(join(ws, 'bigpkg', 'blob.bin'), randomBytes(20 * MiB));
  return ws;
}

function inputs(ws: string, prefix: string): Record<string, string> {
  return {
    'package-dir': 'bigpkg',
    python: defaultPython3(),
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'compression-level': '1',
    'output-dir': join(ws, 'dist'),
    's3-bucket': BUCKET,
    's3-prefix': prefix,
    's3-endpoint': proxy.endpoint,
    's3-force-path-style': 'true',
    'artifact-name': 'false',
  };
}

async function objects(prefix: string): Promise<string[]> {
  const list = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (list.Contents ?? []).map((o) => o.Key!);
}

async function openUploads(prefix: string): Promise<string[]> {
  const list = await admin.send(
    new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }),
  );
  return (list.Uploads ?? []).map((u) => u.UploadId!);
}

/** Starts the action and waits until its first part is on the wire. */
async function startMidUpload(prefix: string): Promise<{ action: RunningAction; tree: number[] }> {
  const remove = proxy.add({
    keyPrefix: `${prefix}/`,
    operation: 'UploadPart',
    fault: { kind: 'stall', ms: STALL_MS },
  });
  const ws = workspace(prefix);
  const action = startBundledAction(inputs(ws, prefix), {
    ...MOTO_CREDENTIALS,
    GITHUB_WORKSPACE: ws,
  });
  try {
    await waitFor(
      'the first UploadPart',
      () =>
        proxy.requests.some((r) => r.key.startsWith(`${prefix}/`) && r.operation === 'UploadPart'),
      60_000,
    );
  } finally {
    // Held parts stay held; later requests (a re-run) go through at full speed.
    setTimeout(remove, STALL_MS * 2).unref();
  }
  return { action, tree: [action.pid, ...descendants(action.pid)] };
}

/** Objects and open uploads now, and again once every process of the run is gone. */
async function expectNothingPublished(prefix: string, tree: number[]): Promise<void> {
  expect(await objects(`${prefix}/`)).toEqual([]);
  expect(await openUploads(`${prefix}/`)).toEqual([]);
  await waitFor(
    'every process of the run to be gone',
    () => tree.every((pid) => !alive(pid)),
    20_000,
  );
  // The proxy passes held parts on after STALL_MS: wait that out, then look again.
  await new Promise((resolve) => setTimeout(resolve, STALL_MS + 1000));
  expect(await objects(`${prefix}/`)).toEqual([]);
  expect(await openUploads(`${prefix}/`)).toEqual([]);
}

describe('a cancelled run publishes nothing', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s mid-upload: upload aborted, exit code non-zero, "cancelled" in the log',
    async (signal) => {
      const prefix = `sig-${signal.toLowerCase()}`;
      const { action, tree } = await startMidUpload(prefix);
      // The launcher and the working process both exist: the signal must cross from one to the other.
      expect(tree.length).toBeGreaterThanOrEqual(2);
      // The working process runs with the V8 flags the launcher gives it (flat packer RSS).
      const worker = readFileSync(`/proc/${tree[1]}/cmdline`, 'utf8').split('\0');
      expect(worker).toContain('--max-semi-space-size=1');
      expect(worker).toContain('--optimize-for-size');
      expect(worker.some((arg) => arg.endsWith('dist/action/index.js'))).toBe(true);
      const sent = Date.now();
      process.kill(action.pid, signal);
      const run = await action.done;
      expect(run.exitedAt - sent).toBeLessThan(RUNNER_GRACE_MS);
      console.log(`${signal} mid-upload: the action exited ${run.exitedAt - sent} ms after it`);
      expect(run.status).not.toBe(0);
      expect(run.stdout).toMatch(/cancelled \(SIG/);
      expect(run.stdout).toMatch(/Aborted the multipart upload/);
      expect(run.outputs['s3-uri']).toBeUndefined();
      const aborted = proxy.requests.filter(
        (r) => r.key.startsWith(`${prefix}/`) && r.operation === 'AbortMultipartUpload',
      );
      expect(aborted.length).toBeGreaterThan(0);
      await expectNothingPublished(prefix, tree);
    },
    180_000,
  );

  it('SIGINT, then SIGKILL of the entry 7.5 s later as the runner does', async () => {
    const prefix = 'sigint-sigkill';
    const { action, tree } = await startMidUpload(prefix);
    process.kill(action.pid, 'SIGINT');
    const killer = setTimeout(() => {
      try {
        process.kill(action.pid, 'SIGKILL');
      } catch {
        // Exited already.
      }
    }, RUNNER_GRACE_MS);
    const run = await action.done;
    clearTimeout(killer);
    expect(run.signal).toBeNull(); // it ended by itself, before the SIGKILL
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('cancelled');
    await expectNothingPublished(prefix, tree);
  }, 180_000);

  it('the working process never outlives the entry: SIGKILL of the entry alone mid-upload', async () => {
    const prefix = 'entry-killed';
    const { action, tree } = await startMidUpload(prefix);
    process.kill(action.pid, 'SIGKILL');
    const run = await action.done;
    expect(run.signal).toBe('SIGKILL');
    // The worker notices that its launcher went away, aborts the upload and exits.
    await waitFor('the orphaned worker to exit', () => tree.every((pid) => !alive(pid)), 15_000);
    await expectNothingPublished(prefix, tree);
  }, 180_000);

  it('a re-run aborts the multipart upload a killed run left open, and publishes', async () => {
    const prefix = 'rerun';
    const ws = workspace(prefix);
    // What a run killed with SIGKILL (no time to abort) leaves: an open upload of the key.
    const wheelName = 'bigpkg-1.0.0-py3-none-any.whl';
    const stale = await admin.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: `${prefix}/${wheelName}` }),
    );
    expect(await openUploads(`${prefix}/`)).toEqual([stale.UploadId]);
    const run = await runBundledAction(inputs(ws, prefix), {
      ...MOTO_CREDENTIALS,
      GITHUB_WORKSPACE: ws,
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe(wheelName);
    expect(await openUploads(`${prefix}/`)).toEqual([]);
    const head = await admin.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${wheelName}` }),
    );
    expect(head.ContentLength).toBe(readFileSync(run.outputs.wheel!).length);
  }, 180_000);
});

describe('a cancel during the build command', () => {
  it('stops the command and its grandchildren, and nothing after it runs', async () => {
    const ws = join(dir, 'build-cancel');
    mkdirSync(join(ws, 'pkg'), { recursive: true });
    writeFileSync(join(ws, 'pkg', '__init__.py'), '');
    const build = [
      // A grandchild in the background and one in the foreground, as make would start them.
      'sh -c "sleep 301" & echo $! > bg.pid',
      'sh -c "sleep 302 & echo \\$! > grand.pid; wait" & echo $! > fg.pid',
      'wait',
    ].join('\n');
    const action = startBundledAction(
      {
        'working-directory': ws,
        'build-command': build,
        'package-dir': 'pkg',
        python: defaultPython3(),
        version: '1.0.0',
        'artifact-name': 'false',
      },
      {},
    );
    await waitFor('the build to start its processes', () =>
      ['bg.pid', 'fg.pid', 'grand.pid'].every(
        (f) => existsSync(join(ws, f)) && readFileSync(join(ws, f), 'utf8').trim() !== '',
      ),
    );
    const pids = ['bg.pid', 'fg.pid', 'grand.pid'].map((f) =>
      Number(readFileSync(join(ws, f), 'utf8')),
    );
    const tree = [action.pid, ...descendants(action.pid)];
    expect(pids.every(alive)).toBe(true);
    process.kill(action.pid, 'SIGINT');
    const run = await action.done;
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('cancelled (SIGINT)');
    // No later step started.
    expect(run.stdout).not.toContain('::group::Python');
    expect(existsSync(join(ws, 'dist'))).toBe(false);
    await waitFor(
      'the build processes to be gone',
      () => [...pids, ...tree].every((pid) => !alive(pid)),
      10_000,
    );
  }, 120_000);
});

/**
 * A build in the image on the real engine: podman's `docker` first on PATH (helpers/engine), the
 * engine's client started by the action. Returns once the build container runs both sleeps, with
 * the container's name (from the engine log) and every process of the run: the action, its
 * worker and the engine client (descendants), the container's conmon and all inside it.
 */
async function startImageBuild(
  label: string,
  extra: Record<string, string> = {},
): Promise<{ action: RunningAction; name: string; pids: number[] }> {
  ensureTestImage(TEST_IMAGE);
  const ws = join(dir, label);
  mkdirSync(join(ws, 'pkg'), { recursive: true });
  writeFileSync(join(ws, 'pkg', '__init__.py'), '');
  const log = join(dir, `${label}-engine.log`);
  const action = startBundledAction(
    {
      'working-directory': ws,
      'build-command': 'sleep 300 & sleep 301; wait',
      'package-dir': 'pkg',
      image: TEST_IMAGE,
      'container-engine': 'docker',
      'docker-options': '--network none',
      version: '1.0.0',
      'artifact-name': 'false',
      ...extra,
    },
    { ...engineEnv(log), GITHUB_WORKSPACE: ws },
  );
  await waitFor('the build to start', () => action.stdout().includes('$ sleep 300'), 60_000);
  let name = '';
  let inside: number[] = [];
  await waitFor('both sleeps in the build container', () => {
    const names = recordedContainerNames(log);
    name = names[names.length - 1] ?? '';
    if (name === '' || containerStatus(name) !== 'running') return false;
    inside = containerPids(name);
    const commands = inside.map(commandOf);
    return commands.includes('sleep 300') && commands.includes('sleep 301');
  });
  // The build's container was started by podman's docker, with the action's name for it.
  const run = engineCalls(log).find((argv) => argv[0] === 'run' && argv.includes(name))!;
  expect(run).toContain('sleep 300 & sleep 301; wait');
  const tree = [action.pid, ...descendants(action.pid)];
  expect(tree.some((pid) => commandOf(pid).includes(`--name ${name}`))).toBe(true);
  const pids = [...tree, ...inside];
  expect(pids.every(alive)).toBe(true);
  return { action, name, pids };
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

describe('a build in the image on the real engine (podman as docker)', () => {
  it('a cancel removes the container (killing the docker client would not stop it)', async () => {
    const { action, name, pids } = await startImageBuild('image-cancel');
    const sent = Date.now();
    process.kill(action.pid, 'SIGINT');
    const run = await action.done;
    console.log(`image build cancelled: the action exited ${run.exitedAt - sent} ms after SIGINT`);
    expect(run.exitedAt - sent).toBeLessThan(RUNNER_GRACE_MS);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('cancelled (SIGINT)');
    expect(run.stdout).not.toContain('Could not stop container');
    // The engine itself lists nothing of that name, and nothing of the run is left running.
    expect(containerStatus(name)).toBeUndefined();
    await waitFor('every process of the run to be gone', () => pids.every((p) => !alive(p)), 5000);
  }, 120_000);

  it('build-timeout removes the container and names the input', async () => {
    // 0.1 minutes: the build container is stopped 6 s after it started.
    const { action, name, pids } = await startImageBuild('image-timeout', {
      'build-timeout': '0.1',
    });
    const run = await action.done;
    expect(run.status).not.toBe(0);
    expect(errorAnnotations(run.stdout).join('\n')).toContain('build-timeout');
    expect(run.stdout).not.toContain('Could not stop container');
    expect(containerStatus(name)).toBeUndefined();
    await waitFor('every process of the run to be gone', () => pids.every((p) => !alive(p)), 5000);
  }, 120_000);
});

describe('the local command', () => {
  it('Ctrl-C (SIGINT to the whole foreground group) stops the build and exits with 130', async () => {
    const ws = join(dir, 'cli-cancel');
    mkdirSync(join(ws, 'pkg'), { recursive: true });
    writeFileSync(join(ws, 'pkg', '__init__.py'), '');
    // Its own process group, like a shell job: the terminal signals the launcher and the worker.
    const cli = spawn(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli', 'index.js'),
        'build',
        `--working-directory=${ws}`,
        '--build-command=sleep 300 & echo $! > bg.pid; wait',
        '--package-dir=pkg',
        '--version=1.0.0',
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', (code) => resolve(code)));
    const pidFile = join(ws, 'bg.pid');
    await waitFor(
      'the build',
      () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '',
    );
    const bg = Number(readFileSync(pidFile, 'utf8'));
    const tree = [cli.pid!, ...descendants(cli.pid!)];
    process.kill(-cli.pid!, 'SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('error: the run was cancelled (SIGINT)');
    await waitFor(
      'every process to be gone',
      () => [bg, ...tree].every((pid) => !alive(pid)),
      10_000,
    );
  }, 60_000);
});
