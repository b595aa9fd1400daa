/**
 * Which runtime the wheel's symbol versions must fit: `target-glibc` when given; otherwise,
 * with `image`, what the image's own libc.so.6 and libstdc++.so.6 define; otherwise none (the
 * versions are reported, not checked).
 */
import type { RuntimeTarget } from '../../native/glibc-target.js';
import { describeTargetMaxima } from '../../native/glibc-target.js';
import { runtimeOfImage } from '../../native/image-runtime.js';
import type { Executor } from '../../exec/executor.js';
import type { Inputs } from '../../inputs/inputs.js';
import type { Log } from '../../log/log.js';

export async function resolveRuntimeTarget(
  inputs: Pick<Inputs, 'targetGlibc' | 'container'>,
  executor: Executor,
  workDir: string,
  log: Log,
): Promise<RuntimeTarget | undefined> {
  let target = inputs.targetGlibc;
  if (!target && inputs.container) {
    target = await runtimeOfImage({
      executor,
      workDir,
      label: `the image ${inputs.container.image}`,
      log,
    });
  }
  if (target) log.info(`target-glibc: ${target.label}: ${describeTargetMaxima(target)}`);
  return target;
}
