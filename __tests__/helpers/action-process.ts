/**
 * The bundled action as a running process the test can signal, the way the runner cancels a
 * step: its pid, its descendants (read from /proc), and its result once it exits.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputName } from '../../src/inputs/input-spec.js';
import { ROOT, parseOutputFile, runnerEnv, type ActionRun } from './example.js';
import { actionNode } from './node.js';

export interface RunningAction {
  pid: number;
  /** Everything written to stdout so far. */
  stdout(): string;
  done: Promise<ActionRun & { signal: NodeJS.Signals | null; exitedAt: number }>;
}

export function startBundledAction(
  values: Partial<Record<InputName, string>>,
  extraEnv: Record<string, string> = {},
): RunningAction {
  const { env, outputFile, summaryFile } = runnerEnv('action-proc-', values, extraEnv);
  const child = spawn(actionNode(), [join(ROOT, 'dist', 'index.js')], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<ActionRun & { signal: NodeJS.Signals | null; exitedAt: number }>(
    (resolve, reject) => {
      child.on('error', reject);
      // When it exited (what the cancel tests time), then all it wrote: the pipes close later.
      let exitedAt = 0;
      child.on('exit', () => (exitedAt = Date.now()));
      child.on('close', (code, signal) =>
        resolve({
          status: code ?? 128,
          signal,
          exitedAt,
          stdout,
          stderr,
          outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
          summary: readFileSync(summaryFile, 'utf8'),
        }),
      );
    },
  );
  return { pid: child.pid!, stdout: () => stdout, done };
}

/** The parent pid of every live process, from /proc. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(entry), ppid);
    } catch {
      // Gone while reading.
    }
  }
  return map;
}

/** Every live descendant of `pid`. */
export function descendants(pid: number): number[] {
  const map = parents();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const [child, parent] of map) {
      if (parent === current) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

export function alive(pid: number): boolean {
  try {
    // A zombie still answers kill(0): count it as gone.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Waits until `check` is true, polling every 50 ms; throws after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
