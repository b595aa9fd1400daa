import * as core from '@actions/core';
import { ActionsLog } from './actions-log.js';
import { cancelOnSignals } from './cancel.js';
import { errorMessage, UserError } from './errors.js';
import { INPUT_SPECS, type InputName } from './input-spec.js';
import { getInputs } from './inputs.js';
import { runPipeline } from './pipeline.js';
import { failureMarkdown, summaryMarkdown } from './summary.js';

/** The action's entry: inputs in, outputs and summary out; the pipeline does the work. */
export async function run(): Promise<void> {
  const log = new ActionsLog();
  const cancellation = cancelOnSignals();
  try {
    const inputs = getInputs(
      (name: InputName) =>
        core.getInput(name, { required: false, trimWhitespace: !INPUT_SPECS[name].multiline }),
      process.env,
    );
    const result = await runPipeline(inputs, {
      log,
      env: process.env,
      signal: cancellation.signal,
    });
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value);
    await writeSummary(summaryMarkdown(result.wheel, result.outputs));
  } catch (error) {
    await reportFailure(error);
  } finally {
    cancellation.dispose();
  }
}

async function reportFailure(error: unknown): Promise<void> {
  process.exitCode = 1;
  if (error instanceof UserError) {
    // One annotation that says what was wrong and how to fix it; no stack trace for user errors.
    const title = error.input ? `algorithmia-wheel: input '${error.input}'` : 'algorithmia-wheel';
    core.error(error.details ? `${error.describe()}\n${error.details}` : error.describe(), {
      title,
      ...(error.file ? { file: error.file } : {}),
    });
    // The consumer check fails after the upload: the wheel is published, the platform cannot read it.
    const heading =
      error.input === 'verify-published'
        ? 'Published, but the platform cannot install it'
        : undefined;
    await writeSummary(failureMarkdown(error.describe(), undefined, error.details, heading));
    return;
  }
  core.error(`Unexpected failure: ${errorMessage(error)}`, { title: 'algorithmia-wheel' });
  if (error instanceof Error && error.stack) core.debug(error.stack);
  await writeSummary(failureMarkdown(`Unexpected failure: ${errorMessage(error)}`, undefined));
}

async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`);
  }
}
