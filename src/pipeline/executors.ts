import type { Inputs } from '../inputs/inputs.js';
import type { Log } from '../log/log.js';
import { Redactor } from '../log/redact.js';
import { ContainerExecutor } from '../exec/container.js';
import { containerEnv } from '../exec/container-plan.js';
import type { Executor, OutputSink } from '../exec/executor.js';
import { LocalExecutor } from '../exec/local.js';

export interface Executors {
  /** Where build, probe, verification and library checks run. */
  executor: Executor;
  /** This machine (git, the container engine's client). */
  host: Executor;
  /** Called before the first step (pulls the image once). */
  prepare(): Promise<void>;
  /** Called at the end, even after a failure (hands files made in the image back). */
  finish(paths: readonly string[]): Promise<void>;
}

/** This machine, or the `image` through docker/podman with the workspace and temp mounted. */
export function createExecutors(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  tempRoot: string,
  log: Log,
  options: { signal?: AbortSignal; output?: OutputSink; redactor?: Redactor } = {},
): Executors {
  // Every command, on this machine or in the image, stops when the run is cancelled; streamed
  // output goes through the entry point's redacting sink.
  const host = new LocalExecutor(process.env, options);
  const container = inputs.container;
  if (!container) {
    return { executor: host, host, prepare: async () => undefined, finish: async () => undefined };
  }
  const mounts = [
    ...new Set(
      [
        inputs.workspace,
        inputs.workingDirectory,
        inputs.outputDir,
        tempRoot,
        inputs.projectDir,
      ].filter((p): p is string => p !== undefined),
    ),
  ];
  const redactor = options.redactor ?? Redactor.fromEnvironment(env);
  const executor = new ContainerExecutor({
    engine: container.engine,
    image: container.image,
    mounts: minimalMounts(mounts),
    // A listed variable whose value the redactor would mask (a URL with a password) stays out.
    env: containerEnv(env, container.envLines, (value) => redactor.redact(value) !== value),
    options: container.options,
    log,
    host,
    signal: options.signal,
  });
  return {
    executor,
    host,
    prepare: () => executor.ensureImage(),
    finish: async (paths) => {
      const uid = process.getuid?.() ?? 0;
      const gid = process.getgid?.() ?? 0;
      await executor.handBack(paths, uid, gid);
    },
  };
}

/** Drops folders already inside another mounted folder (pure). */
export function minimalMounts(paths: readonly string[]): string[] {
  const sorted = [...paths].sort();
  return sorted.filter(
    (p) => !sorted.some((q) => q !== p && (p + '/').startsWith(q.endsWith('/') ? q : q + '/')),
  );
}
