/**
 * The bundled action for runs that print more than a test may hold: its stdout and stderr are
 * counted and only their ends kept, and the peak RSS (VmHWM) of the action's processes (the
 * launcher and the bundle it starts) is read from /proc while it runs.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputName } from '../../src/inputs/input-spec.js';
import { descendants } from './action-process.js';
import { ROOT, parseOutputFile, runnerEnv } from './example.js';
import { actionNode } from './node.js';

export interface StreamedRun {
  status: number;
  /** Every line of stdout that is a workflow command (`::error`, `::warning`...). */
  commands: string[];
  stdoutBytes: number;
  stderrBytes: number;
  /**
   * The last 1 MiB of stderr. A command's stdout and stderr are two pipes, read as they come: a
   * line the command printed last on stderr can be echoed before the last ~128 KiB of its stdout
   * (a pipe's buffer and a paused stream's), so 64 KiB was not always enough to hold it.
   */
  stderrTail: string;
  outputs: Record<string, string>;
  summary: string;
  /** The highest VmHWM (KiB) of any process of the action that is node. */
  peakRssKiB: number;
}

const KEPT = 64 * 1024;
const STDERR_KEPT = 1 << 20;

function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    if (!/^Name:\s+node/m.test(status)) return 0;
    return Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function runStreamedAction(
  values: Partial<Record<InputName, string>>,
  extraEnv: Record<string, string> = {},
  timeoutMs = 600_000,
): Promise<StreamedRun> {
  const { env, outputFile, summaryFile } = runnerEnv('action-streamed-', values, extraEnv);
  return new Promise((resolve, reject) => {
    const child = spawn(actionNode(), [join(ROOT, 'dist', 'index.js')], { env });
    const commands: string[] = [];
    let partial = '';
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let stderrTail = '';
    let peak = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!.slice(-KEPT);
      for (const line of lines) if (line.startsWith('::')) commands.push(line);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderrBytes += chunk.length;
      stderrTail += chunk.toString();
      // Cut now and then, not on every chunk (copying 1 MiB per 64 KiB read would be slow).
      if (stderrTail.length > 2 * STDERR_KEPT) stderrTail = stderrTail.slice(-STDERR_KEPT);
    });
    const poll = setInterval(() => {
      for (const pid of [child.pid!, ...descendants(child.pid!)]) {
        peak = Math.max(peak, peakRss(pid));
      }
    }, 100);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    // 'close', not 'exit': on a loaded machine the last of 600 MiB can still be in the pipes when
    // the process has exited, and the error's last line is what the tests look for.
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      if (partial.startsWith('::')) commands.push(partial);
      resolve({
        status: code ?? 1,
        commands,
        stdoutBytes,
        stderrBytes,
        stderrTail: stderrTail.slice(-STDERR_KEPT),
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: readFileSync(summaryFile, 'utf8'),
        peakRssKiB: peak,
      });
    });
  });
}
