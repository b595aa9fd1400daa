/**
 * What both shells (src/shell/action-run.ts, src/shell/command-build.ts) do between reading inputs and reporting:
 * validate every input, and only then load the pipeline (a bad input is rejected without it,
 * which keeps the bad-input start-up small) and run it.
 */
import type { InputSource } from '../inputs/input-spec.js';
import { getInputs } from '../inputs/inputs.js';
import type { PipelineDeps, PipelineResult } from './pipeline.js';

export async function runWithInputs(
  source: InputSource,
  deps: PipelineDeps,
): Promise<PipelineResult> {
  const inputs = getInputs(source, deps.env);
  const { runPipeline } = await import('./pipeline.js');
  return runPipeline(inputs, deps);
}
