import type { ExecResult, Executor, RunOptions } from './executor.js';
import { runInGroup } from './process-group.js';

/** Runs commands directly on this machine (a runner, a container job, or a docker terminal). */
export class LocalExecutor implements Executor {
  readonly where = 'this machine';

  /**
   * @param signal cancels every command this executor runs: the command's process group is
   *   stopped and `run` throws `signal.reason`.
   */
  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv = process.env,
    readonly signal?: AbortSignal,
  ) {}

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
      // Streamed output goes to stderr: the CLI keeps stdout for its name=value results.
      echo: options.stream ? process.stderr : undefined,
      signal,
      timeoutMs: options.timeoutMs,
    });
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
