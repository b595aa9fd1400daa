/**
 * What both shells (src/main.ts, src/cli-build.ts) do between reading inputs and reporting:
 * validate every input, and only then load the pipeline (a bad input is rejected without it,
 * which keeps the bad-input start-up small) and run it.
 */
import type { InputSource } from './input-spec.js';
import { getInputs } from './inputs.js';
import type { PipelineDeps, PipelineResult } from './pipeline.js';

export async function runWithInputs(
  source: InputSource,
  deps: PipelineDeps,
): Promise<PipelineResult> {
  const inputs = getInputs(source, deps.env);
  const { runPipeline } = await import('./pipeline.js');
  return runPipeline(inputs, deps);
}
