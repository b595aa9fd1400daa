// A cancel or a timeout of a step in the image stops the container itself, not only the engine's
// client, on the real engine: rootful podman as `container-engine: podman` (helpers/engine's
// recording `podman` first on PATH). Killing `podman run` leaves the container running under its
// conmon, so the executor removes it by name; the engine itself (`podman ps -a`) must then list
// nothing of that name, and no process of the step (client, conmon, anything inside) may survive.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ContainerExecutor } from '../../src/exec/container.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log/log.js';
import { alive, descendants, waitFor } from '../helpers/action-process.js';
import {
  containerPids,
  containerStatus,
  forceRemove,
  recordedContainerNames,
} from '../helpers/containers.js';
import { engineCalls, engineEnv, ensureTestImage, TEST_IMAGE } from '../helpers/rootfs.js';

const saved = { ...process.env };
let scratch: string;
let workspace: string;
let engineLog: string;
let logs = 0;
/** Every container name a test started, removed in afterEach should an assertion fail first. */
const started: string[] = [];

beforeAll(() => {
  ensureTestImage(TEST_IMAGE);
  scratch = mkdtempSync(join(tmpdir(), 'container-cancel-'));
  workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  // The executor's host runs `podman` from PATH: the recording one, then the real engine.
  Object.assign(process.env, engineEnv());
});

afterEach(() => {
  for (const name of started.splice(0)) forceRemove(name);
});

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

/** A fresh engine log, and ENGINE_LOG pointing at it for the processes started from now on. */
function freshEngineLog(): string {
  engineLog = join(scratch, `engine-${++logs}.log`);
  process.env.ENGINE_LOG = engineLog;
  return engineLog;
}

let log: MemoryLog;

function executor(signal?: AbortSignal): ContainerExecutor {
  log = new MemoryLog();
  return new ContainerExecutor({
    engine: 'podman',
    image: TEST_IMAGE,
    mounts: [workspace],
    env: {},
    options: ['--network', 'none'],
    log,
    host: new LocalExecutor(process.env, { signal }),
    signal,
  });
}

/**
 * Waits until the step's container runs `sleep 300`, and returns its name and every host process
 * of the step: the engine client this test process started (and its children), the container's
 * conmon and the processes inside it.
 */
async function runningStep(): Promise<{ name: string; pids: number[] }> {
  let name = '';
  await waitFor(
    'the container',
    () => {
      const names = recordedContainerNames(engineLog);
      if (names.length !== 1) return false;
      name = names[0]!;
      started.push(name);
      return containerStatus(name) === 'running';
    },
    60_000,
  );
  let pids: number[] = [];
  await waitFor('sleep 300 in the container', () => {
    pids = containerPids(name);
    return pids.slice(1).some((pid) => commandOf(pid) === 'sleep 300');
  });
  const client = descendants(process.pid).filter((pid) => commandOf(pid).includes(name));
  expect(client.length).toBeGreaterThan(0);
  return { name, pids: [...client, ...pids] };
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

describe('stopping a step that runs in the image (podman)', () => {
  test('the real engine keeps the container when its client is SIGKILLed: why the executor removes it by name', async () => {
    freshEngineLog();
    const name = `algorithmia-wheel-orphan-${process.pid}`;
    started.push(name);
    const client = spawn(
      'podman',
      ['run', '--rm', '--name', name, '--network', 'none', TEST_IMAGE, 'sleep', '300'],
      { detached: true, stdio: 'ignore', env: process.env },
    );
    await waitFor('the container', () => containerStatus(name) === 'running', 60_000);
    const pids = containerPids(name);
    process.kill(-client.pid!, 'SIGKILL');
    await waitFor('the client to die', () => !alive(client.pid!));
    expect(containerStatus(name)).toBe('running');
    expect(pids.every(alive)).toBe(true);
  }, 90_000);

  test('a cancel removes the container, stops every process of the step, and throws the cancel reason', async () => {
    freshEngineLog();
    const controller = new AbortController();
    const run = executor(controller.signal).shell('sleep 300');
    const { name, pids } = await runningStep();
    expect(pids.every(alive)).toBe(true);
    const cancelled = Date.now();
    controller.abort(new Error('cancelled by test'));
    await expect(run).rejects.toThrow('cancelled by test');
    const took = Date.now() - cancelled;
    console.log(`podman cancel: container removed ${took} ms after the abort`);
    // Well inside the runner's 7.5 s between SIGINT and SIGTERM.
    expect(took).toBeLessThan(5000);
    expect(containerStatus(name)).toBeUndefined();
    await waitFor('every process of the step to be gone', () => pids.every((p) => !alive(p)), 5000);
    // Stopped through the engine the step named, by the container's name: SIGKILL, then rm -f
    // (podman's `rm -f` alone waits 10 s for a SIGTERM the shell as PID 1 ignores).
    const calls = engineCalls(engineLog).filter((argv) => argv.includes(name));
    expect(calls.slice(1)).toEqual([
      ['kill', name],
      ['rm', '-f', name],
    ]);
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  }, 90_000);

  test('a timeout removes the container, stops every process of the step, and reports timedOut', async () => {
    freshEngineLog();
    const begun = Date.now();
    const run = executor().shell('sleep 300', { timeoutMs: 5000 });
    const { name, pids } = await runningStep();
    const result = await run;
    const took = Date.now() - begun;
    console.log(`podman timeout (5 s): the step returned after ${took} ms`);
    expect(result.timedOut).toBe(true);
    expect(took).toBeLessThan(5000 + 5000);
    expect(containerStatus(name)).toBeUndefined();
    await waitFor('every process of the step to be gone', () => pids.every((p) => !alive(p)), 5000);
    expect(log.lines.filter((line) => line.startsWith('warning:'))).toEqual([]);
  }, 90_000);
});
