/**
 * build-timeout and test-timeout through the bundled action: on expiry the command and every
 * process it started are stopped and the run fails naming the input; a build command that leaves
 * a background process holding its output open does not keep the action waiting.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, waitFor } from '../helpers/action-process.js';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';

let dir: string;
const leftovers: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'command-timeouts-'));
});

afterAll(() => {
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

function workspace(label: string): string {
  const ws = join(dir, label);
  mkdirSync(join(ws, 'pkg'), { recursive: true });
  writeFileSync(join(ws, 'pkg', '__init__.py'), 'VALUE = 42\n');
  return ws;
}

const base = (ws: string) => ({
  'package-dir': 'pkg',
  python: defaultPython3(),
  version: '1.0.0',
  'artifact-name': 'false',
  'output-dir': join(ws, 'dist'),
});

const pidsIn = (file: string): number[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)
    : [];

describe('command timeouts', () => {
  it('build-timeout stops the build and its grandchildren and names the input', async () => {
    const ws = workspace('build-timeout');
    const started = Date.now();
    const run = await runBundledAction(
      {
        ...base(ws),
        // 0.05 minutes = 3 s; the build would take 5 minutes.
        'build-timeout': '0.05',
        'build-command':
          'sh -c "sleep 300 & echo \\$! >> pids; wait" & echo $! >> pids; sleep 301 & echo $! >> pids; wait',
      },
      { GITHUB_WORKSPACE: ws },
    );
    const pids = pidsIn(join(ws, 'pids'));
    leftovers.push(...pids);
    expect(run.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("input 'build-timeout'");
    expect(errors[0]).toContain('build-command ran longer than 0.05 minutes');
    expect(existsSync(join(ws, 'dist'))).toBe(false);
    expect(pids).toHaveLength(3);
    await waitFor('the build processes to be gone', () => pids.every((pid) => !alive(pid)), 5000);
  }, 60_000);

  it('test-timeout stops test-command and names the input', async () => {
    const ws = workspace('test-timeout');
    const run = await runBundledAction(
      {
        ...base(ws),
        'test-timeout': '0.05',
        'test-command': `python -c "import pkg; assert pkg.VALUE == 42" && (sleep 300 & echo $! > ${join(ws, 'pids')}; wait)`,
      },
      { GITHUB_WORKSPACE: ws },
    );
    const pids = pidsIn(join(ws, 'pids'));
    leftovers.push(...pids);
    expect(run.status).toBe(1);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("input 'test-timeout'");
    expect(errors[0]).toContain('test-command ran longer than');
    expect(pids).toHaveLength(1);
    await waitFor('the test processes to be gone', () => pids.every((pid) => !alive(pid)), 5000);
  }, 90_000);

  it('a bad timeout value is refused naming the input', async () => {
    const ws = workspace('bad-timeout');
    const run = await runBundledAction(
      { ...base(ws), 'build-timeout': '10m' },
      { GITHUB_WORKSPACE: ws },
    );
    expect(run.status).toBe(1);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Input 'build-timeout': '10m' is not a timeout");
  }, 60_000);

  it('a background process holding stdout does not keep a finished build waiting', async () => {
    const ws = workspace('background');
    const started = Date.now();
    const run = await runBundledAction(
      { ...base(ws), 'build-command': 'sleep 600 & echo $! > bg.pid; echo built' },
      { GITHUB_WORKSPACE: ws },
    );
    const pids = pidsIn(join(ws, 'bg.pid'));
    leftovers.push(...pids);
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('built');
    expect(run.outputs['wheel-name']).toMatch(/^pkg-1\.0\.0-/);
    // The whole run (probe, pack, pip install, import) in far less than the 600 s of the sleep.
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
