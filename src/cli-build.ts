/**
 * The local command's build (loaded by src/cli.ts once the flags are parsed): runs the pipeline
 * with a console log, prints the outputs on stdout, and turns errors into one `error:` line.
 */
import { cancelOnSignals } from './cancel.js';
import { formatOutputs } from './cli-output.js';
import { ConsoleLog } from './console-log.js';
import { CancelledError, UserError } from './errors.js';
import type { InputName } from './input-spec.js';
import { Redactor } from './redact.js';
import { RedactingStream } from './redact-stream.js';
import { RedactingLog } from './redacting-log.js';
import { runWithInputs } from './run-with-inputs.js';

/** Runs `build` with the parsed flag values; returns the exit code. */
export async function runBuild(values: Map<InputName, string>, json: boolean): Promise<number> {
  // One redactor for the run (see main.ts): nothing printed carries a credential.
  const redactor = Redactor.fromEnvironment(process.env);
  const clean = (text: string) => redactor.redact(text);
  const log = new RedactingLog(new ConsoleLog(process.env.RUNNER_DEBUG === '1'), redactor);
  const commandOutput = new RedactingStream(redactor, process.stderr);
  const cancellation = cancelOnSignals();
  try {
    const result = await runWithInputs((name) => values.get(name) ?? '', {
      log,
      env: process.env,
      commandOutput,
      signal: cancellation.signal,
    });
    const outputs = Object.fromEntries(
      Object.entries(result.outputs).map(([name, value]) => [name, clean(value)]),
    );
    process.stdout.write(formatOutputs(outputs, json ? 'json' : 'lines'));
    return 0;
  } catch (error) {
    commandOutput.flush();
    if (error instanceof UserError) {
      process.stderr.write(
        clean(`error: ${error.describe()}\n${error.details ? `${error.details}\n` : ''}`),
      );
    } else {
      process.stderr.write(
        clean(
          `error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        ),
      );
    }
    return error instanceof CancelledError ? 130 : 1;
  } finally {
    cancellation.dispose();
  }
}
