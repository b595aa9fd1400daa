import { join } from 'node:path';
import { readDistInfoExtras } from '../stage/dist-info-files.js';
import { runBuild } from './steps/build-step.js';
import { createExecutors } from './executors.js';
import type { OutputSink } from '../exec/executor.js';
import { explainFsFailure } from './fs-failure.js';
import type { Inputs } from '../inputs/inputs.js';
import { metadataFields, refuseSecretsInMetadata } from '../inputs/metadata-secrets.js';
import type { Log } from '../log/log.js';
import { progressIntervalMs, watchedStream } from '../log/progress-ticker.js';
import { Redactor } from '../log/redact.js';
import type { Outputs } from '../inputs/output-spec.js';
import { publishersFor, runS3Session } from './publishers.js';
import { RECEIPT_SUFFIX } from '../wheel/names.js';
import { discoverPython } from '../python/discover.js';
import { projectWheel } from './project-dir/project-wheel.js';
import { writeReceipt } from './steps/receipt-step.js';
import { resolveRuntimeTarget } from './steps/runtime-target.js';
import { sourceDate, stageAndPack } from './steps/stage-and-pack-step.js';
import { timedGroup, type StepContext } from './step-context.js';
import type { AfterVerifyStep, VerifiedWheel } from './verified-wheel.js';
import { runVerifyStep } from './steps/verify-step.js';
import { createVerifyPlaces } from './verify-places.js';
import {
  checkUserFolders,
  closeWorkFolders,
  closeWorkFoldersSync,
  openWorkFolders,
  tempRootOf,
} from './work-folders.js';
import { onEarlyExit } from './early-exit.js';

export type { AfterVerifyStep, VerifiedWheel };

export interface PipelineDeps {
  log: Log;
  env: NodeJS.ProcessEnv;
  /** Overrides the publishers (tests); default: artifact and S3 per the inputs. */
  after?: readonly AfterVerifyStep[];
  /** Cancels the run (src/shell/cancel.ts): commands are stopped, uploads aborted, no step starts. */
  signal?: AbortSignal;
  /** Where the user's commands' streamed output goes (the entry point's redacting stream). */
  commandOutput?: OutputSink;
  /**
   * The entry point's redactor: what the run writes or publishes (the receipt) goes through it,
   * as the log does. Default: one made from `env`.
   */
  redactor?: Redactor;
  /** The interval of progress lines; default 10 s (src/log/progress-ticker.ts). */
  progressIntervalMs?: number;
  /**
   * Called with every output once something is published (an upload done, an index written):
   * when a later step fails, the shell still reports what is out there (URI, sha256).
   */
  onPublished?: (outputs: Outputs) => void;
}

export interface PipelineResult {
  wheel: VerifiedWheel;
  outputs: Outputs;
}

/** build -> stage -> python -> pack -> verify -> check libs -> publish, in that order. */
export async function runPipeline(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  const { log, env, signal } = deps;
  const redactor = deps.redactor ?? Redactor.fromEnvironment(env);
  // The commands' streamed output, watched so that progress lines stay quiet while they print.
  const watched = deps.commandOutput ? watchedStream(deps.commandOutput.stream) : undefined;
  const commandOutput: OutputSink | undefined = watched
    ? { stream: watched.stream, flush: () => deps.commandOutput!.flush() }
    : undefined;
  const { outputDirExisted } = await checkUserFolders(inputs);
  // License files and the readme are read before the build, so a wrong name fails at once.
  const extras = inputs.projectDir
    ? undefined
    : await readDistInfoExtras({
        workingDirectory: inputs.workingDirectory,
        root: inputs.workspace,
        licensePatterns: inputs.licenseFiles,
        readme: inputs.readme,
        log,
      });
  // What we generate into METADATA is published as it is: a secret there is refused now.
  if (!inputs.projectDir) {
    refuseSecretsInMetadata(metadataFields(inputs, extras?.description?.text), (text) =>
      redactor.redact(text),
    );
  }
  // Made before the temp folder: a bad `env` line or engine fails without leaving it behind.
  const executors = createExecutors(inputs, env, tempRootOf(env), log, {
    signal,
    output: commandOutput,
    redactor,
  });
  const places = createVerifyPlaces(inputs, env, tempRootOf(env), log, executors.host, {
    signal,
    output: commandOutput,
    redactor,
  });
  const folders = await openWorkFolders(inputs, env, outputDirExisted);
  const ctx: StepContext = {
    inputs,
    log,
    env,
    executors,
    work: folders.work,
    pending: folders.pending,
    timed: timedGroup(log, signal),
    ...(signal ? { signal } : {}),
    progress: {
      intervalMs: deps.progressIntervalMs ?? progressIntervalMs(env),
      lastOutputAt: watched?.lastWriteAt ?? (() => 0),
    },
  };
  const { executor } = executors;
  // One S3 session for the run (opened by the first S3 step), closed whatever happens.
  const s3 = inputs.s3 ? runS3Session(inputs.s3, log, signal, redactor) : undefined;
  let succeeded = false;
  // What this run put in output-dir before publishing: removed again if it fails before then.
  const placed: string[] = [];
  // Should the process end before the `finally` below runs, the folders still go.
  const forget = onEarlyExit(() => closeWorkFoldersSync(inputs, folders, placed));
  try {
    await executors.prepare();
    if (inputs.buildCommand) await ctx.timed('Build', () => runBuild(ctx));
    const probe = await ctx.timed('Python', () => discoverPython(executor, inputs.python, log));
    const runtime = await resolveRuntimeTarget(inputs, executor, ctx.work, log);

    const packed = inputs.projectDir
      ? await ctx.timed('Build project wheel', () =>
          projectWheel({
            executor,
            probe,
            projectDir: inputs.projectDir!,
            expectedVersion: inputs.expectedVersion,
            wheelTag: inputs.wheelTag,
            compressionLevel: inputs.compressionLevel,
            work: ctx.work,
            pending: ctx.pending,
            sourceDate: () => sourceDate(ctx),
            log,
          }),
        )
      : await stageAndPack(ctx, { probe, extras: extras!, ...(runtime ? { runtime } : {}) });

    const verified = await runVerifyStep(ctx, {
      packed,
      probe,
      places,
      ...(runtime ? { runtime } : {}),
    });
    const { wheel } = verified;
    placed.push(wheel.path, `${wheel.path}${RECEIPT_SUFFIX}`);
    wheel.receipt = await ctx.timed('Receipt', () =>
      writeReceipt({
        inputs,
        executors,
        env,
        wheel: { ...wheel, tags: verified.tags },
        probe,
        target: wheel.verify.target,
        importLines: verified.importLines,
        nativeReport: wheel.nativeReport,
        log,
        redact: (text) => redactor.redact(text),
      }),
    );
    const outputs: Outputs = {
      wheel: wheel.path,
      'wheel-name': wheel.fileName,
      sha256: wheel.sha256,
      size: String(wheel.size),
      'python-version': probe.version.join('.'),
      tags: wheel.tag,
      version: wheel.version,
      receipt: wheel.receipt.path,
    };
    const after =
      deps.after ??
      publishersFor(
        inputs,
        env,
        log,
        {
          executor,
          workDir: join(ctx.work, 'consumer'),
          imports: inputs.imports,
        },
        s3,
      );
    placed.length = 0;
    const published = (more: Outputs): void => {
      Object.assign(outputs, more);
      if (Object.keys(more).length) deps.onPublished?.({ ...outputs });
    };
    for (const step of after) {
      published(await ctx.timed(step.name, () => step.run(wheel, log, signal, published)));
    }
    succeeded = true;
    return { wheel, outputs };
  } catch (error) {
    throw explainFsFailure(error, folders.places);
  } finally {
    await s3?.close();
    const handBack = [inputs.workingDirectory, inputs.outputDir, ctx.work];
    await executors
      .finish(handBack)
      .catch((e: unknown) => log.warning(`hand-back failed: ${String(e)}`));
    for (const place of places) {
      await place
        .finish(handBack)
        .catch((e: unknown) => log.warning(`hand-back failed: ${String(e)}`));
    }
    await closeWorkFolders(inputs, folders, succeeded, placed);
    forget();
  }
}
