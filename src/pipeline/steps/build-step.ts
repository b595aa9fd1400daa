import { lastLines } from '../../log/text-tail.js';
import { BuildError } from '../../base/errors.js';
import type { StepContext } from '../step-context.js';
import { timedOutError } from '../../exec/command-timeouts.js';

/** Runs `build-command` with `sh -c` in `working-directory`, where steps run. */
export async function runBuild(ctx: StepContext): Promise<void> {
  const { inputs, log } = ctx;
  const { executor } = ctx.executors;
  const command = inputs.buildCommand!;
  log.info(`$ ${command}   (in ${inputs.workingDirectory}, on ${executor.where})`);
  const result = await executor.shell(command, {
    cwd: inputs.workingDirectory,
    stream: true,
    timeoutMs: inputs.buildTimeoutMs,
  });
  if (result.timedOut)
    throw timedOutError('build-command', 'build-timeout', inputs.buildTimeoutMs!);
  if (result.exitCode !== 0) {
    throw new BuildError(`the build command exited with code ${result.exitCode}.`, {
      input: 'build-command',
      fix: 'see the build output above; the command runs with `sh -c` in `working-directory`.',
      details: lastLines(result.stderr, 20) || undefined,
    });
  }
}
