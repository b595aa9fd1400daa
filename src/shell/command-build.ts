/**
 * The local command's build (loaded by src/shell/command.ts once the flags are parsed): runs the pipeline
 * with a console log, prints the outputs on stdout, and turns errors into one `error:` line.
 */
import { cancelOnSignals } from './cancel.js';
import { guardUnfinishedExit } from './unfinished-exit.js';
import { errorJson, formatOutputs } from './command-output.js';
import { ConsoleLog } from '../log/console-log.js';
import { CancelledError, UserError } from '../base/errors.js';
import type { InputName } from '../inputs/input-spec.js';
import { Redactor } from '../log/redact.js';
import { RedactingStream } from '../log/redact-stream.js';
import { RedactingLog } from '../log/redacting-log.js';
import { runWithInputs } from '../pipeline/run-with-inputs.js';
import { TOOL_VERSION } from '../pipeline/tool-version.js';

/** Runs `build` with the parsed flag values; returns the exit code. */
export async function runBuildCommand(
  values: Map<InputName, string>,
  flags: { json: boolean; verbose: boolean },
): Promise<number> {
  const { json } = flags;
  // One redactor for the run (see main.ts): nothing printed carries a credential.
  const redactor = Redactor.fromEnvironment(process.env);
  const clean = (text: string) => redactor.redact(text);
  const log = new RedactingLog(
    new ConsoleLog(flags.verbose || process.env.RUNNER_DEBUG === '1'),
    redactor,
  );
  const commandOutput = new RedactingStream(redactor, process.stderr);
  const cancellation = cancelOnSignals();
  let published: Record<string, string> | undefined;
  // Published before the failure: say where, like a success does, then what failed.
  const printPublished = (): void => {
    if (!published) return;
    const outputs = Object.entries(published).map(([name, value]) => [name, clean(value)]);
    process.stdout.write(formatOutputs(Object.fromEntries(outputs), json ? 'json' : 'lines'));
    process.stderr.write('published before the failure: the outputs above are set.\n');
  };
  guardUnfinishedExit('the command', (message) => {
    printPublished();
    process.stderr.write(clean(`error: ${message}\n`));
  });
  // The first thing a bug report needs (shown with -v/--verbose or RUNNER_DEBUG=1).
  log.debug(`algorithmia-wheel ${TOOL_VERSION} on node ${process.version}`);
  try {
    const result = await runWithInputs((name) => values.get(name) ?? '', {
      log,
      env: process.env,
      commandOutput,
      signal: cancellation.signal,
      redactor,
      onPublished: (outputs) => (published = outputs),
    });
    const outputs = Object.fromEntries(
      Object.entries(result.outputs).map(([name, value]) => [name, clean(value)]),
    );
    process.stdout.write(formatOutputs(outputs, json ? 'json' : 'lines'));
    return 0;
  } catch (error) {
    commandOutput.flush();
    printPublished();
    if (error instanceof UserError) {
      process.stderr.write(
        clean(`error: ${error.describe()}\n${error.details ? `${error.details}\n` : ''}`),
      );
      if (json) process.stdout.write(clean(errorJson(error.message, error.input, error.fix)));
    } else {
      process.stderr.write(
        clean(
          `error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
        ),
      );
      if (json) {
        const message = `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
        process.stdout.write(clean(errorJson(message, undefined, undefined)));
      }
    }
    return error instanceof CancelledError ? 130 : 1;
  } finally {
    cancellation.dispose();
    cancellation.endIfCancelled(130);
  }
}
