/**
 * Errors the user can fix. Only the entry points (main.ts, cli.ts) turn them into an `::error`
 * annotation and an exit code; everything else just throws.
 */
/** Capitalized words that stay so after "Fix:" (names, not sentence starts). */
const PROPER_NAMES = new Set(['Python', 'Docker', 'Podman', 'Debian', 'Ubuntu', 'Node', 'Azure']);

/**
 * The one message style: "Fix: use ...". A fix written as its own sentence ("Check the ...")
 * reads on after "Fix:" with a lowercase first word; names and acronyms (AWS, S3) stay.
 */
export function fixText(fix: string): string {
  const first = /^[A-Z][a-z]+\b/.exec(fix)?.[0];
  if (first === undefined || PROPER_NAMES.has(first)) return fix;
  return fix.charAt(0).toLowerCase() + fix.slice(1);
}

export class UserError extends Error {
  /** The action input the error is about, when there is one. */
  readonly input: string | undefined;
  /** What to do about it, in one sentence. */
  readonly fix: string | undefined;
  /** A file the error points at (annotation `file=`), when there is one. */
  readonly file: string | undefined;
  /** Extra lines shown after the message (an interpreter's stderr, a list of files...). */
  readonly details: string | undefined;

  constructor(
    message: string,
    options: {
      input?: string;
      fix?: string;
      file?: string;
      details?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.input = options.input;
    this.fix = options.fix;
    this.file = options.file;
    this.details = options.details;
  }

  /** The one-paragraph text shown to the user: what was wrong, and how to fix it. */
  describe(): string {
    const where = this.input ? `Input '${this.input}': ` : '';
    const fix = this.fix ? ` Fix: ${fixText(this.fix)}` : '';
    return `${where}${this.message}${fix}`;
  }
}

/** An input value that is missing, malformed, or conflicts with another input. */
export class InputError extends UserError {}
/** The user's build command or staging failed. */
export class BuildError extends UserError {}
/** The interpreter could not be found or probed. */
export class PythonError extends UserError {}
/** The wheel did not install or import with the matching python. */
export class VerifyError extends UserError {}
/** The wheel's native libraries cannot load where it is installed. */
export class LibraryError extends UserError {}
/** Publishing (artifact, S3) failed. */
export class PublishError extends UserError {}

/** A command ran longer than its timeout input allows and was stopped. */
export class CommandTimeoutError extends UserError {}
/** The run was cancelled (a signal from the runner or the terminal, or the launcher went away). */
export class CancelledError extends UserError {}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A variable the runner sets (GITHUB_OUTPUT, RUNNER_TEMP...) points somewhere unusable: not an
 * input, so the message names the variable instead.
 */
export class RunnerError extends UserError {
  readonly variable: string;
  constructor(
    variable: string,
    message: string,
    options: { fix?: string; file?: string; details?: string; cause?: unknown } = {},
  ) {
    super(message, options);
    this.variable = variable;
  }

  override describe(): string {
    return `Variable ${this.variable}: ${super.describe()}`;
  }
}
