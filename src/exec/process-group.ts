/**
 * Starts one command in a process group of its own, so that a cancel or a timeout can stop it
 * together with everything it started (make's compilers, a test runner's workers, `sleep &`).
 * @actions/exec gives no access to the child process nor a way to start it in its own group, so
 * the executors start processes here, with node's spawn.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { ExecResult } from './executor.js';
import { ByteTail } from '../log/text-tail.js';

export interface GroupRunOptions {
  cwd?: string;
  env: Record<string, string>;
  input?: string;
  /** Also copy the output to this stream as it comes (build and test commands). */
  echo?: NodeJS.WritableStream;
  /** Stops the whole group when aborted; the result then has `cancelled: true`. */
  signal?: AbortSignal;
  /** Stops the whole group after this many milliseconds; the result then has `timedOut: true`. */
  timeoutMs?: number;
  /**
   * How long to wait, once the command exited, for its output pipes to close. A background
   * process it left behind may hold them open for ever; after this the pipes are closed and
   * the result returned (default 2 s).
   */
  closeGraceMs?: number;
  /** Between SIGTERM and SIGKILL of the group when it is stopped (default 1 s). */
  killGraceMs?: number;
}

export interface GroupResult extends ExecResult {
  timedOut: boolean;
  cancelled: boolean;
}

export const DEFAULT_CLOSE_GRACE_MS = 2000;
/** Kept of each stream of a command whose output is echoed to the log: enough for an error's tail. */
export const ECHOED_TAIL_BYTES = 1 << 20;
/** Kept of each stream of a command read by the caller (a probe's JSON, pip's answer). */
export const CAPTURED_TAIL_BYTES = 16 << 20;
const DEFAULT_KILL_GRACE_MS = 1000;

/** Runs argv[0] with the rest as arguments in a new process group; never rejects. */
export function runInGroup(
  argv: readonly string[],
  options: GroupRunOptions,
): Promise<GroupResult> {
  const [tool, ...args] = argv;
  if (tool === undefined) return Promise.reject(new Error('runInGroup: empty argv'));
  const closeGraceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
  const killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  return new Promise<GroupResult>((resolve) => {
    const result = (exitCode: number, stderr?: string): GroupResult => ({
      exitCode,
      stdout: out.text(),
      stderr: stderr ?? err.text(),
      timedOut,
      cancelled,
    });
    // Only a bounded tail is kept: a command may print gigabytes (echoed output is in the log).
    const keep = options.echo ? ECHOED_TAIL_BYTES : CAPTURED_TAIL_BYTES;
    const out = new ByteTail(keep);
    const err = new ByteTail(keep);
    let timedOut = false;
    let cancelled = false;
    let stopping = false;
    let exitCode: number | undefined;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    if (options.signal?.aborted) {
      cancelled = true;
      resolve(result(130, 'cancelled before it started'));
      return;
    }
    const child = spawn(tool, args, {
      cwd: options.cwd,
      env: options.env,
      // A group (and session) of its own: kill(-pid) reaches every process it starts.
      detached: true,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const killGroup = (signal: NodeJS.Signals): void => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is gone already.
      }
    };
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      killGroup('SIGTERM');
      timers.push(setTimeout(() => killGroup('SIGKILL'), killGraceMs));
    };
    const onAbort = (): void => {
      cancelled = true;
      stop();
    };
    const finish = (value: GroupResult): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // What a stopped command left behind goes with it.
      if (stopping) killGroup('SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
      resolve(value);
    };

    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.timeoutMs !== undefined) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          stop();
        }, options.timeoutMs),
      );
    }
    // A log slower than the command holds the pipe (the command waits), not our memory.
    let paused = 0;
    let arrived = 0;
    const forward = (source: NodeJS.ReadableStream | null, tail: ByteTail): void => {
      source?.on('data', (chunk: Buffer) => {
        arrived += 1;
        tail.push(chunk);
        if (options.echo && !options.echo.write(chunk)) {
          paused += 1;
          source.pause();
          options.echo.once('drain', () => {
            paused -= 1;
            source.resume();
          });
        }
      });
    };
    forward(child.stdout, out);
    forward(child.stderr, err);
    if (child.stdin) {
      child.stdin.on('error', () => undefined); // a command that does not read its input
      child.stdin.end(options.input);
    }
    child.on('error', (error: Error) => {
      // Could not start (not found, not executable, bad cwd): report it like a shell would.
      finish(result(127, error.message));
    });
    child.on('exit', (code, signal) => {
      exitCode = code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1);
      // The command is done; a background process holding its pipes silently must not keep us
      // waiting. Output still arriving, or waiting for a slow log, is waited for: its end holds
      // the error's tail (a loaded machine can take seconds to drain the last of a huge output).
      const grace = (seen: number): void => {
        timers.push(
          setTimeout(
            () => (paused > 0 || arrived !== seen ? grace(arrived) : finish(result(exitCode!))),
            closeGraceMs,
          ),
        );
      };
      grace(arrived);
    });
    child.on('close', () => finish(result(exitCode ?? 1)));
  });
}
