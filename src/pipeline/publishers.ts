import type { ArtifactInputs, Inputs, S3Inputs } from '../inputs/inputs.js';
import { formatDuration, type Log } from '../log/log.js';
import { PROGRESS_INTERVAL_MS, progressLine } from '../log/progress.js';
import { progressIntervalMs, withTicker } from '../log/progress-ticker.js';
import { resolveArtifactName } from '../publish/artifact/artifact-plan.js';
import { indexOutputs } from '../publish/index/index-pages.js';
import type { S3ClientOptions, S3Session } from '../publish/s3/s3-session.js';
import type { Redactor } from '../log/redact.js';
import type { AfterVerifyStep, VerifiedWheel } from './verified-wheel.js';
import { verifyPublishedStep, type ConsumerContext } from './steps/verify-published-step.js';

// The publishers themselves (the AWS SDK, the artifact client) load when a step runs: a chunk of
// their own in the bundle, never read on runs that fail before publishing or publish nothing.

/** The run's one S3 session: opened by the first S3 step that needs it, closed with the run. */
export interface RunS3Session {
  open(): Promise<S3Session>;
  close(): Promise<void>;
}

/**
 * One S3 session per run (src/publish/s3/s3-session.ts): the upload, the files beside it, the
 * index and the consumer check all send through it, with the run's cancellation `signal` and its
 * `redactor` (every page and sidecar we write goes through it). The
 * SDK loads only when the first S3 step opens it.
 */
export function runS3Session(
  options: S3ClientOptions,
  log: Log,
  signal: AbortSignal | undefined,
  redactor?: Redactor,
): RunS3Session {
  let opening: Promise<S3Session> | undefined;
  return {
    open: () =>
      (opening ??= import('../publish/s3/s3-session.js').then(({ openS3Session }) =>
        openS3Session(options, log, { signal, ...(redactor ? { redactor } : {}) }),
      )),
    async close() {
      const session = await opening?.catch(() => undefined);
      session?.close();
    },
  };
}

/** The workflow artifact; skipped with one log line outside GitHub Actions. */
export function artifactStep(
  inputs: ArtifactInputs,
  env: NodeJS.ProcessEnv,
  progressMs = progressIntervalMs(env),
): AfterVerifyStep {
  return {
    name: 'Publish artifact',
    async run(wheel: VerifiedWheel, log: Log, signal?: AbortSignal) {
      const name = resolveArtifactName(inputs.name, wheel.fileName)!;
      const { publishArtifact } = await import('../publish/artifact/artifact.js');
      const result = await publishArtifact(
        wheel,
        inputs.retentionDays === undefined
          ? { name, signal, progressMs }
          : { name, retentionDays: inputs.retentionDays, signal, progressMs },
        env,
        log,
      );
      if (result.status === 'skipped') return {};
      log.info(`artifact ${result.name} uploaded${result.url ? `: ${result.url}` : ''}`);
      if (wheel.receipt) {
        // Its own artifact: the wheel's is the .whl itself (not a zip that could hold both).
        const receiptName =
          name === wheel.fileName ? wheel.receipt.fileName : `${name}.verification.json`;
        await publishArtifact(
          { ...wheel.receipt, distribution: wheel.distribution, version: wheel.version },
          inputs.retentionDays === undefined
            ? { name: receiptName, signal }
            : { name: receiptName, retentionDays: inputs.retentionDays, signal },
          env,
          log,
        );
      }
      return {
        'artifact-name': result.name,
        ...(result.id === undefined ? {} : { 'artifact-id': String(result.id) }),
        ...(result.url ? { 'artifact-url': result.url } : {}),
        // The client answers hex on upload and `sha256:<hex>` for an earlier attempt's artifact.
        ...(result.digest ? { 'artifact-digest': result.digest.replace(/^sha256:/i, '') } : {}),
      };
    },
  };
}

/**
 * The S3 upload: idempotent, checksummed, with a progress line (bytes done of total) every
 * `progressMs` on a long upload, none on a short one.
 */
export function s3Step(
  inputs: S3Inputs,
  log: Log,
  s3: RunS3Session,
  progressMs = PROGRESS_INTERVAL_MS,
): AfterVerifyStep {
  return {
    name: 'Publish to S3',
    async run(wheel: VerifiedWheel, _log: Log, _signal?: AbortSignal, published?) {
      const started = Date.now();
      let sent = 0;
      const [{ publishToS3 }, { s3Target }] = await Promise.all([
        import('../publish/s3/s3-publish.js'),
        import('../publish/s3/s3-session.js'),
      ]);
      const session = await s3.open();
      const total = { bytes: wheel.size, files: 1 };
      const result = await withTicker(
        {
          intervalMs: progressMs,
          line: () =>
            progressLine(
              'Uploading to S3',
              { bytes: sent, files: sent >= wheel.size ? 1 : 0 },
              total,
            ),
          print: (line) => log.info(line),
        },
        () =>
          publishToS3(
            session,
            wheel,
            {
              ...s3Target(inputs),
              overwrite: inputs.overwrite,
              // The bytes of the parts done so far; the ticker prints them.
              onProgress: (done) => (sent = done),
            },
            log,
          ),
      );
      const verb =
        result.status === 'already-published'
          ? 'already published (same sha256), skipped'
          : result.status === 'overwritten'
            ? 'overwritten'
            : 'uploaded';
      log.info(`${result.uri} ${verb} in ${formatDuration(Date.now() - started)}`);
      const outputs = {
        's3-uri': result.uri,
        's3-url': result.url,
        requirement: result.requirement,
      };
      // The wheel is out there now: a failure of the sidecars below still reports it.
      published?.(outputs);
      const { alignWheelAcl, publishSidecars } = await import('../publish/s3/s3-beside.js');
      if (result.status === 'already-published') {
        await alignWheelAcl(session, inputs, wheel.fileName, log);
      }
      await publishSidecars(session, inputs, wheel, wheel.receipt?.bytes, inputs.index, log);
      return outputs;
    },
  };
}

/** The PEP 503 index next to the wheels (`s3-index`), rebuilt after the upload. */
export function s3IndexStep(inputs: S3Inputs, s3: RunS3Session): AfterVerifyStep {
  return {
    name: 'Update S3 index',
    async run(wheel: VerifiedWheel, log: Log) {
      const [{ publishIndex }, { s3Target }] = await Promise.all([
        import('../publish/index/index-update.js'),
        import('../publish/s3/s3-session.js'),
      ]);
      const session = await s3.open();
      const result = await publishIndex(
        session,
        {
          ...s3Target(inputs),
          distribution: wheel.distribution,
          expectFile: wheel.fileName,
        },
        log,
      );
      log.info(
        `index updated: ${result.indexUrl} (${result.files.length} wheels of ${result.project})`,
      );
      const unchanged = result.pages.filter((p) => p.status === 'unchanged').map((p) => p.key);
      if (unchanged.length) {
        const { alignPageAcls } = await import('../publish/s3/s3-beside.js');
        await alignPageAcls(session, inputs, unchanged, log);
      }
      return indexOutputs({
        indexUrl: result.indexUrl,
        distribution: wheel.distribution,
        version: wheel.version,
      });
    },
  };
}

/**
 * The publishers the inputs ask for, in order: artifact, S3, the S3 index, then the check that
 * what was published installs (verify-published). The S3 steps share the run's session `s3`.
 */
export function publishersFor(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  log: Log,
  consumer: ConsumerContext,
  s3: RunS3Session | undefined,
): AfterVerifyStep[] {
  const steps: AfterVerifyStep[] = [];
  const progressMs = progressIntervalMs(env);
  if (inputs.artifact) steps.push(artifactStep(inputs.artifact, env, progressMs));
  if (inputs.s3 && s3) {
    steps.push(s3Step(inputs.s3, log, s3, progressMs));
    if (inputs.s3.index) steps.push(s3IndexStep(inputs.s3, s3));
    steps.push(verifyPublishedStep(inputs.s3, consumer, s3.open));
  }
  return steps;
}
