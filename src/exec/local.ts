import { getExecOutput } from '@actions/exec';
import type { ExecResult, Executor, OutputSink, RunOptions } from './executor.js';

/** Without a redactor (tests, tools): streamed output goes to stderr as it comes. */
const STDERR_SINK: OutputSink = { stream: process.stderr, flush: () => undefined };

/** Runs commands directly on this machine (a runner, a container job, or a docker terminal). */
export class LocalExecutor implements Executor {
  readonly where = 'this machine';

  constructor(
    private readonly baseEnv: NodeJS.ProcessEnv = process.env,
    /** Where streamed output goes: the entry point's redacting stream in the action and CLI. */
    private readonly output: OutputSink = STDERR_SINK,
  ) {}

  async run(argv: readonly string[], options: RunOptions = {}): Promise<ExecResult> {
    const [tool, ...args] = argv;
    if (tool === undefined) throw new Error('LocalExecutor.run: empty argv');
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.baseEnv)) {
      if (value !== undefined) env[key] = value;
    }
    Object.assign(env, options.env ?? {});
    try {
      const result = await getExecOutput(tool, args, {
        cwd: options.cwd,
        env,
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        ignoreReturnCode: true,
        silent: !options.stream,
        // Streamed output goes to stderr: the CLI keeps stdout for its name=value results.
        outStream: this.output.stream,
        errStream: this.output.stream,
      });
      if (options.stream) this.output.flush();
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    } catch (error) {
      // @actions/exec throws when the tool cannot be found or started: report it like a shell.
      const message = error instanceof Error ? error.message : String(error);
      return { exitCode: 127, stdout: '', stderr: message };
    }
  }

  shell(command: string, options: RunOptions = {}): Promise<ExecResult> {
    return this.run(['sh', '-c', command], options);
  }
}
