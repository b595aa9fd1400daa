/**
 * Where the wheel is proven: each `verify-image`, or (without it) where the build ran, the
 * `image` or this machine. Every image gets its own executor through the same engine, with the
 * build's mounts (and a test-find-links folder), and the image's own locale: none of the runner's
 * locale variables go in, even from the `env` input.
 */
import type { Executor, OutputSink } from '../exec/executor.js';
import { ContainerExecutor } from '../exec/container.js';
import { Redactor } from '../log/redact.js';
import { containerEnv } from '../exec/container-plan.js';
import type { Inputs } from '../inputs/inputs.js';
import type { Log } from '../log/log.js';
import { withoutLocale } from '../python/runtime-locale.js';
import { minimalMounts } from './executors.js';

export interface VerifyPlace {
  /** "this machine" or "the image NAME". */
  label: string;
  executor: Executor;
  /** In an image: its reference and engine. */
  image?: { reference: string; engine: string };
  /** A `verify-image` line (its errors name that input), not the build's own place. */
  listed: boolean;
  /** Makes sure the image is on this machine (inspect, else pull). */
  prepare(): Promise<void>;
  /** At the end, even after a failure: hands files made in the image back (Docker, non-root). */
  finish(paths: readonly string[]): Promise<void>;
}

export function createVerifyPlaces(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  tempRoot: string,
  log: Log,
  host: Executor,
  options: { signal?: AbortSignal; output?: OutputSink; redactor?: Redactor } = {},
): VerifyPlace[] {
  const listed = inputs.verifyImages.length > 0;
  const images = listed ? inputs.verifyImages : inputs.container ? [inputs.container.image] : [];
  if (images.length === 0) {
    const none = async () => undefined;
    return [{ label: 'this machine', executor: host, listed: false, prepare: none, finish: none }];
  }
  const { engine, options: dockerOptions, envLines } = inputs.container ?? inputs.verifyEngine!;
  const mounts = minimalMounts([
    ...new Set(
      [
        inputs.workspace,
        inputs.workingDirectory,
        inputs.outputDir,
        tempRoot,
        inputs.projectDir,
        inputs.testFindLinks?.kind === 'folder' ? inputs.testFindLinks.path : undefined,
      ].filter((p): p is string => p !== undefined),
    ),
  ]);
  // As for the build's container: a listed variable whose value the redactor masks stays out.
  const redactor = options.redactor ?? Redactor.fromEnvironment(env);
  const isSecret = (value: string): boolean => redactor.redact(value) !== value;
  const { env: verifyEnv, dropped } = withoutLocale(containerEnv(env, envLines, isSecret));
  if (dropped.length) {
    log.info(
      `verify: ${dropped.join(', ')} not passed into the verification: the image's own locale decides, as where the algorithm runs`,
    );
  }
  return images.map((image) => {
    const executor = new ContainerExecutor({
      engine,
      image,
      mounts,
      env: verifyEnv,
      options: dockerOptions,
      log,
      host,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return {
      label: `the image ${image}`,
      executor,
      image: { reference: image, engine },
      listed,
      prepare: () => executor.ensureImage(),
      // The build's own image hands back through the build's executor already.
      finish: async (paths) => {
        if (listed)
          await executor.handBack(paths, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
      },
    };
  });
}
