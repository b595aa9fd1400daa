/**
 * runInGroup with real processes: a cancel or a timeout stops the whole process group (the
 * command's children and grandchildren too), and a background process that keeps the output
 * pipes open does not keep the caller waiting once the command exited.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/exec/local.js';
import { runInGroup } from '../../src/exec/process-group.js';
import { Redactor } from '../../src/log/redact.js';
import { RedactingStream } from '../../src/log/redact-stream.js';
import { Writable } from 'node:stream';
import { alive, waitFor } from '../helpers/action-process.js';

let dir: string;
const leftovers: number[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'process-group-'));
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

const env = { PATH: process.env.PATH ?? '' };
const pids = (file: string): number[] =>
  readFileSync(join(dir, file), 'utf8').trim().split(/\s+/).map(Number);

/** Starts two sleeps (one a grandchild) and writes their pids to `file`, then waits. */
const tree = (file: string): string =>
  `sleep 300 & a=$!; sh -c 'sleep 301 & echo $! > ${file}.g; wait' & b=$!; ` +
  `while [ ! -s ${file}.g ]; do sleep 0.01; done; echo $a $b $(cat ${file}.g) > ${file}; wait`;

describe('runInGroup', () => {
  it('returns output and exit code like a shell', async () => {
    const result = await runInGroup(['sh', '-c', 'echo out; echo err >&2; exit 3'], { env });
    expect(result).toMatchObject({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
    expect(result.timedOut).toBe(false);
    expect(result.cancelled).toBe(false);
  });

  it('reports a missing program as exit code 127', async () => {
    const result = await runInGroup(['no-such-program-xyz'], { env });
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toContain('ENOENT');
  });

  it('feeds stdin', async () => {
    const result = await runInGroup(['cat'], { env, input: 'hello' });
    expect(result.stdout).toBe('hello');
  });

  it('a cancel stops the command and every process it started', async () => {
    const controller = new AbortController();
    const running = runInGroup(['sh', '-c', tree('cancel.pids')], {
      env,
      cwd: dir,
      signal: controller.signal,
    });
    await waitFor('the pids', () => {
      try {
        return pids('cancel.pids').length === 3;
      } catch {
        return false;
      }
    });
    const started = pids('cancel.pids');
    leftovers.push(...started);
    expect(started.every(alive)).toBe(true);
    const t0 = Date.now();
    controller.abort();
    const result = await running;
    expect(result.cancelled).toBe(true);
    expect(Date.now() - t0).toBeLessThan(3000);
    await waitFor('the group to be gone', () => started.every((pid) => !alive(pid)), 3000);
  });

  it('a timeout stops the whole group and says so', async () => {
    const t0 = Date.now();
    const result = await runInGroup(['sh', '-c', tree('timeout.pids')], {
      env,
      cwd: dir,
      timeoutMs: 700,
    });
    const started = pids('timeout.pids');
    leftovers.push(...started);
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).not.toBe(0);
    expect(Date.now() - t0).toBeLessThan(4000);
    await waitFor('the group to be gone', () => started.every((pid) => !alive(pid)), 3000);
  });

  it('does not wait for a background process that holds stdout once the command exited', async () => {
    const t0 = Date.now();
    const result = await runInGroup(['sh', '-c', 'sleep 600 & echo $! > bg.pid; echo built'], {
      env,
      cwd: dir,
      closeGraceMs: 500,
    });
    const [bg] = pids('bg.pid');
    leftovers.push(bg!);
    expect(result).toMatchObject({ exitCode: 0, stdout: 'built\n', timedOut: false });
    expect(Date.now() - t0).toBeLessThan(5000);
    // It was not stopped: only its pipes were closed (the runner ends leftovers with the job).
    expect(alive(bg!)).toBe(true);
  });

  it('waits for output still arriving after the command exited: its end holds the error', async () => {
    // Output that keeps coming after the exit (a slow drain on a loaded machine, or a process
    // still finishing its last lines) is read to its end, not cut at the grace period.
    const result = await runInGroup(
      [
        'sh',
        '-c',
        '(for i in 1 2 3 4 5 6 7 8; do echo tick $i; sleep 0.1; done; echo last-words >&2) & exit 3',
      ],
      { env, cwd: dir, closeGraceMs: 300 },
    );
    expect(result.exitCode).toBe(3);
    expect(result.stdout.trim().split('\n')).toHaveLength(8);
    expect(result.stderr).toBe('last-words\n');
  });
});

describe('LocalExecutor with a signal', () => {
  it('throws the signal reason after stopping the command', async () => {
    const controller = new AbortController();
    const executor = new LocalExecutor(process.env, { signal: controller.signal });
    const running = executor.shell('sleep 300');
    setTimeout(() => controller.abort(new Error('stop now')), 200);
    await expect(running).rejects.toThrow('stop now');
  });

  it('a per-call signal overrides an aborted executor signal (clean-up commands)', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    const executor = new LocalExecutor(process.env, { signal: controller.signal });
    await expect(executor.shell('echo hi')).rejects.toThrow('cancelled');
    const result = await executor.shell('echo hi', { signal: AbortSignal.timeout(5000) });
    expect(result.stdout).toBe('hi\n');
  });
});

describe('output larger than a string can hold', () => {
  it('keeps a bounded tail of 600 MiB and still returns the exit code', async () => {
    const result = await runInGroup(
      ['sh', '-c', 'head -c 629145600 /dev/zero | tr "\\0" "\\n"; echo last-words; exit 3'],
      { env: { PATH: process.env.PATH ?? '' } },
    );
    expect(result.exitCode).toBe(3);
    expect(result.stdout.length).toBeLessThan(17 * 1024 * 1024);
    expect(result.stdout).toMatch(/^\[\.\.\. \d+ bytes of earlier output left out \.\.\.\]\n/);
    expect(result.stdout.endsWith('\n\nlast-words\n')).toBe(true);
  });
});

describe('echoed output and a slow log', () => {
  it('waits for the log instead of holding the output in memory, and loses nothing', async () => {
    let received = 0;
    let last = '';
    // A log that takes 64 KiB per 2 ms: slower than `yes` prints.
    const slowLog = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        last = (last + chunk.toString()).slice(-100);
        setTimeout(callback, 2);
      },
    });
    const echo = new RedactingStream(new Redactor(['s3cr3t-value']), slowLog);
    let mostHeld = 0;
    const watch = setInterval(() => {
      mostHeld = Math.max(mostHeld, echo.writableLength + slowLog.writableLength);
    }, 5);
    const bytes = 32 * 1024 * 1024;
    const result = await runInGroup(
      ['sh', '-c', `yes 'line with s3cr3t-value in it' | head -c ${bytes}; echo the-end`],
      { env, echo },
    );
    await new Promise<void>((resolve) => echo.write(Buffer.alloc(0), () => resolve()));
    echo.flush();
    clearInterval(watch);
    await new Promise<void>((resolve) => slowLog.end(resolve));
    expect(result.exitCode).toBe(0);
    expect(last.endsWith('the-end\n')).toBe(true);
    // Every line arrived, redacted ('s3cr3t-value' -> '***').
    const printed = `${'line with s3cr3t-value in it\n'.repeat(Math.ceil(bytes / 29)).slice(0, bytes)}the-end\n`;
    expect(received).toBe(printed.replaceAll('s3cr3t-value', '***').length);
    expect(mostHeld).toBeLessThan(3 * 1024 * 1024);
  });
});
