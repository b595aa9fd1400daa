import type { Writable } from 'node:stream';

/**
 * Every process the pipeline starts goes through an Executor, so that the same steps run either
 * directly (LocalExecutor) or inside the vendor image (ContainerExecutor, `docker run`).
 */
export interface RunOptions {
  /** Working directory (absolute). */
  cwd?: string;
  /** Variables added to (local) or passed into (container) the child's environment. */
  env?: Record<string, string>;
  /** Bytes written to the child's stdin. */
  input?: string;
  /** Echo the child's output to the log as it runs (build commands); otherwise it is captured only. */
  stream?: boolean;
  /**
   * Cancels this command instead of the executor's own signal (clean-up commands that must run
   * after a cancel pass a fresh one).
   */
  signal?: AbortSignal;
  /** Stops the command (its whole process group, and its container) after this many ms. */
  timeoutMs?: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The command ran longer than `timeoutMs` and was stopped. */
  timedOut?: boolean;
}

export interface Executor {
  /** Where commands run, for log lines: "this machine" or "image debian:12". */
  readonly where: string;
  /**
   * Runs argv[0] with the rest as arguments; never throws for a non-zero exit code. Throws the
   * cancel reason (a CancelledError) when the executor's signal aborts, after stopping the command.
   */
  run(argv: readonly string[], options?: RunOptions): Promise<ExecResult>;
  /** Runs a shell command line with `sh -c`. */
  shell(command: string, options?: RunOptions): Promise<ExecResult>;
}

/**
 * Where the streamed output of commands goes (stderr, through the redactor); `flush` writes out
 * what the sink held back (the end of an unfinished line) once a command ended.
 */
export interface OutputSink {
  stream: Writable;
  flush(): void;
}
