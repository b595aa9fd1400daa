// A cancel or a timeout of a step in the image stops the container itself, not only the docker
// client: with a real engine (and with the fake docker, which models it) killing `docker run`
// leaves the container running, so the executor removes it by name (`docker rm -f`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ContainerExecutor } from '../../src/exec/container.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log.js';
import { alive, waitFor } from '../helpers/action-process.js';
import { FAKE_DOCKER_DIR, TEST_IMAGE, ensureTestRootfs } from '../helpers/rootfs.js';

const saved = { ...process.env };
let workspace: string;
let state: string;
let dockerLog: string;

beforeAll(() => {
  const rootfs = ensureTestRootfs();
  const scratch = mkdtempSync(join(tmpdir(), 'container-cancel-'));
  workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  state = join(scratch, 'containers');
  dockerLog = join(scratch, 'docker.log');
  process.env.PATH = `${FAKE_DOCKER_DIR}${delimiter}${process.env.PATH ?? ''}`;
  process.env.FAKE_DOCKER_IMAGES = JSON.stringify({ [TEST_IMAGE]: rootfs });
  process.env.FAKE_DOCKER_STATE = state;
  process.env.FAKE_DOCKER_LOG = dockerLog;
});

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

/** The running containers: name -> pid of its process group. */
function running(): Map<string, number> {
  if (!existsSync(state)) return new Map();
  return new Map(
    readdirSync(state).map((name) => [name, Number(readFileSync(join(state, name), 'utf8'))]),
  );
}

function invocations(): string[][] {
  return readFileSync(dockerLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv);
}

function executor(signal?: AbortSignal): ContainerExecutor {
  return new ContainerExecutor({
    engine: 'docker',
    image: TEST_IMAGE,
    mounts: [workspace],
    env: {},
    log: new MemoryLog(),
    host: new LocalExecutor(process.env, { signal }),
    signal,
  });
}

describe('stopping a step that runs in the image', () => {
  test('the fake engine is faithful: SIGKILL of the client group leaves the container running', async () => {
    const client = spawn(
      'docker',
      ['run', '--rm', '--name', 'orphan-1', TEST_IMAGE, 'sleep', '300'],
      {
        detached: true,
        stdio: 'ignore',
      },
    );
    await waitFor('the container', () => running().has('orphan-1'));
    const pid = running().get('orphan-1')!;
    process.kill(-client.pid!, 'SIGKILL');
    await waitFor('the client to die', () => !alive(client.pid!));
    expect(alive(pid)).toBe(true);
    const removed = await new LocalExecutor().run(['docker', 'rm', '-f', 'orphan-1']);
    expect(removed.exitCode).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(running().has('orphan-1')).toBe(false);
  }, 60_000);

  test('a cancel removes the container and throws the cancel reason', async () => {
    const controller = new AbortController();
    const run = executor(controller.signal).shell('sleep 300');
    await waitFor('the container', () => running().size === 1, 30_000);
    const [[name, pid]] = [...running()] as [[string, number]];
    expect(alive(pid)).toBe(true);
    controller.abort(new Error('cancelled by test'));
    await expect(run).rejects.toThrow('cancelled by test');
    expect(alive(pid)).toBe(false);
    expect(running().size).toBe(0);
    expect(invocations()).toContainEqual(['rm', '-f', name]);
  }, 60_000);

  test('a timeout removes the container and reports timedOut', async () => {
    const started = Date.now();
    const result = await executor().shell('sleep 300', { timeoutMs: 1500 });
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(running().size).toBe(0);
  }, 60_000);
});
