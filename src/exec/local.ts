import type { ExecResult, Executor, OutputSink, RunOptions } from './executor.js';
import { runInGroup } from './process-group.js';

/** Without a redactor (tests, tools): streamed output goes to stderr as it comes. */
const STDERR_SINK: OutputSink = { stream: process.stderr, flush: () => undefined };

export interface LocalExecutorOptions {
  /** Cancels every command: its process group is stopped and `run` throws `signal.reason`. */
  signal?: AbortSignal;
  /** Where streamed output goes: the entry point's redacting stream in the action and CLI. */
  output?: OutputSink;
}

/** Runs commands directly on this machine (a runner, a container job, or a docker terminal). */
export class LocalExecutor implements Executor {
  readonly where = 'this machine';
  readonly signal?: AbortSignal;
  private readonly output: OutputSink;

  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv = process.env,
    options: LocalExecutorOptions = {},
  ) {
    this.signal = options.signal;
    this.output = options.output ?? STDERR_SINK;
  }

  async run(argv: readonly string[], options: RunOptions = {}): Promise<ExecResult> {
    if (argv.length === 0) throw new Error('LocalExecutor.run: empty argv');
    const signal = options.signal ?? this.signal;
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.baseEnv)) {
      if (value !== undefined) env[key] = value;
    }
    Object.assign(env, options.env ?? {});
    const result = await runInGroup(argv, {
      cwd: options.cwd,
      env,
      input: options.input,
      // Streamed output goes to stderr (the CLI keeps stdout for its results), through the sink.
      echo: options.stream ? this.output.stream : undefined,
      signal,
      timeoutMs: options.timeoutMs,
    });
    if (options.stream) {
      // What the stream still queues (waiting for a slow log) goes out before the held-back end.
      await new Promise<void>((resolve) =>
        this.output.stream.write(Buffer.alloc(0), () => resolve()),
      );
      this.output.flush();
    }
    if (result.cancelled) throw signal?.reason ?? new Error('cancelled');
    return {
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      ...(result.timedOut ? { timedOut: true } : {}),
    };
  }

  shell(command: string, options: RunOptions = {}): Promise<ExecResult> {
    return this.run(['sh', '-c', command], options);
  }
}
