import * as core from '@actions/core';
import { appendFileSync } from 'node:fs';
import { ActionsLog } from '../log/actions-log.js';
import { cancelOnSignals } from './cancel.js';
import { errorMessage, RunnerError, UserError } from '../base/errors.js';
import { unknownInputWarnings } from '../inputs/closest-name.js';
import { INPUT_NAMES, INPUT_SPECS, type InputName } from '../inputs/input-spec.js';
import { OUTPUT_NAMES, type Outputs } from '../inputs/output-spec.js';
import { Redactor } from '../log/redact.js';
import { RedactingStream } from '../log/redact-stream.js';
import { maskAll, RedactingLog } from '../log/redacting-log.js';
import { checkRunnerFiles, runnerFileFailure } from './runner-files.js';
import { guardUnfinishedExit } from './unfinished-exit.js';
import { runWithInputs } from '../pipeline/run-with-inputs.js';
import {
  failureMarkdown,
  publishedFailureMarkdown,
  publishedLine,
  summaryMarkdown,
} from './summary.js';

/** The action's entry: inputs in, outputs and summary out; the pipeline does the work. */
export async function run(): Promise<void> {
  // One redactor for the run: every credential of the environment is masked before anything is
  // printed, and every text that leaves (log, error, summary, outputs, command output) is cleaned.
  const redactor = Redactor.fromEnvironment(process.env);
  const actionsLog = new ActionsLog();
  maskAll(actionsLog, redactor);
  const log = new RedactingLog(actionsLog, redactor);
  const commandOutput = new RedactingStream(redactor, process.stderr);
  const cancellation = cancelOnSignals();
  // What is published so far: a failure after an upload still reports it.
  let published: Outputs | undefined;
  guardUnfinishedExit('the job', (message) => {
    try {
      if (published) setOutputs(published, redactor);
    } catch {
      // the annotation below still names what was published
    }
    const text = published ? `${message}\n${publishedLine(published)}` : message;
    core.error(redactor.redact(text), { title: 'algorithmia-wheel' });
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (!summaryFile) return;
    try {
      appendFileSync(summaryFile, redactor.redact(failureSummary(message, undefined, published)));
    } catch {
      // the annotation above already says it
    }
  });
  for (const warning of unknownInputWarnings(process.env, INPUT_NAMES)) log.warning(warning);
  try {
    await checkRunnerFiles(process.env);
    const result = await runWithInputs(
      (name: InputName) =>
        core.getInput(name, { required: false, trimWhitespace: !INPUT_SPECS[name].multiline }),
      {
        log,
        env: process.env,
        commandOutput,
        signal: cancellation.signal,
        redactor,
        onPublished: (outputs) => (published = outputs),
      },
    );
    setOutputs(result.outputs, redactor);
    await writeSummary(redactor.redact(summaryMarkdown(result.wheel, result.outputs)));
  } catch (error) {
    commandOutput.flush();
    try {
      if (published) setOutputs(published, redactor);
    } catch (failure) {
      // The failure being reported comes first; the lost outputs are a warning beside it.
      core.warning(
        redactor.redact(failure instanceof UserError ? failure.describe() : errorMessage(failure)),
      );
    }
    await reportFailure(error, redactor, published);
  } finally {
    cancellation.dispose();
    cancellation.endIfCancelled();
  }
}

/** Appends the outputs to GITHUB_OUTPUT; a full disk there is a named error, not "Unexpected". */
function setOutputs(outputs: Outputs, redactor: Redactor): void {
  try {
    for (const name of OUTPUT_NAMES) {
      const value = outputs[name];
      if (value !== undefined) core.setOutput(name, redactor.redact(value));
    }
  } catch (error) {
    throw runnerFileFailure('GITHUB_OUTPUT', process.env.GITHUB_OUTPUT, error);
  }
}

/** The failure's summary: with `published`, what is out there comes first. */
function failureSummary(
  message: string,
  details: string | undefined,
  published: Outputs | undefined,
  title?: string,
): string {
  return published
    ? publishedFailureMarkdown(published, message, details, title)
    : failureMarkdown(message, details, title);
}

async function reportFailure(
  error: unknown,
  redactor: Redactor,
  published: Outputs | undefined,
): Promise<void> {
  process.exitCode = 1;
  const clean = (text: string) => redactor.redact(text);
  if (error instanceof UserError) {
    // One annotation that says what was wrong and how to fix it; no stack trace for user errors.
    const title = error.input
      ? `algorithmia-wheel: input '${error.input}'`
      : error instanceof RunnerError
        ? `algorithmia-wheel: variable ${error.variable}`
        : 'algorithmia-wheel';
    const details = error.details ? clean(error.details) : undefined;
    const message = [error.describe(), ...(published ? [publishedLine(published)] : [])];
    if (details) message.push(details);
    core.error(clean(message.join('\n')), {
      title,
      ...(error.file ? { file: clean(error.file) } : {}),
    });
    // The consumer check fails after the upload: the wheel is published, the platform cannot read it.
    const heading =
      error.input === 'verify-published'
        ? 'Published, but the platform cannot install it'
        : undefined;
    await writeSummary(clean(failureSummary(error.describe(), details, published, heading)));
    return;
  }
  const unexpected = `Unexpected failure: ${errorMessage(error)}`;
  core.error(clean(published ? `${unexpected}\n${publishedLine(published)}` : unexpected), {
    title: 'algorithmia-wheel',
  });
  if (error instanceof Error && error.stack) core.debug(clean(error.stack));
  await writeSummary(
    clean(failureSummary(`Unexpected failure: ${errorMessage(error)}`, undefined, published)),
  );
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`);
  }
}
