import type { ArtifactInputs, S3Inputs } from '../inputs.js';
import { formatDuration, type Log } from '../log.js';
import type { AfterVerifyStep, VerifiedWheel } from '../pipeline.js';
import { formatBytes } from '../summary.js';
import { publishArtifact } from './artifact.js';
import { resolveArtifactName } from './artifact-plan.js';
import { indexOutputs } from './index-pages.js';
import { publishToS3 } from './s3.js';
import { publishIndex } from './s3-index.js';
import { alignPageAcls, alignWheelAcl, publishSidecars } from './s3-beside.js';

/** The workflow artifact; skipped with one log line outside GitHub Actions. */
export function artifactStep(inputs: ArtifactInputs, env: NodeJS.ProcessEnv): AfterVerifyStep {
  return {
    name: 'Publish artifact',
    async run(wheel: VerifiedWheel, log: Log) {
      const name = resolveArtifactName(inputs.name, wheel.fileName)!;
      const result = await publishArtifact(
        wheel,
        inputs.retentionDays === undefined
          ? { name }
          : { name, retentionDays: inputs.retentionDays },
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
            ? { name: receiptName }
            : { name: receiptName, retentionDays: inputs.retentionDays },
          env,
          log,
        );
      }
      return {
        'artifact-name': result.name,
        ...(result.id === undefined ? {} : { 'artifact-id': String(result.id) }),
        ...(result.url ? { 'artifact-url': result.url } : {}),
      };
    },
  };
}

/** The S3 upload: idempotent, checksummed, with a progress line every few seconds. */
export function s3Step(inputs: S3Inputs, log: Log): AfterVerifyStep {
  return {
    name: 'Publish to S3',
    async run(wheel: VerifiedWheel, _log: Log, signal?: AbortSignal) {
      const started = Date.now();
      let lastLine = 0;
      const result = await publishToS3(
        wheel,
        {
          bucket: inputs.bucket,
          prefix: inputs.prefix,
          region: inputs.region,
          endpoint: inputs.endpoint,
          forcePathStyle: inputs.forcePathStyle,
          acl: inputs.acl,
          overwrite: inputs.overwrite,
          maxAttempts: inputs.maxAttempts,
          signal,
          onProgress: (sent, total) => {
            const now = Date.now();
            if (now - lastLine < 3000 && sent < total) return;
            lastLine = now;
            const seconds = Math.max(0.001, (now - started) / 1000);
            log.info(
              `uploaded ${formatBytes(sent)} of ${formatBytes(total)} (${Math.floor((100 * sent) / total)}%, ${formatBytes(sent / seconds)}/s)`,
            );
          },
        },
        log,
      );
      const verb =
        result.status === 'already-published'
          ? 'already published (same sha256), skipped'
          : result.status === 'overwritten'
            ? 'overwritten'
            : 'uploaded';
      log.info(`${result.uri} ${verb} in ${formatDuration(Date.now() - started)}`);
      if (result.status === 'already-published') await alignWheelAcl(inputs, wheel.fileName, log);
      await publishSidecars(inputs, wheel, wheel.receipt?.bytes, inputs.index, log);
      return { 's3-uri': result.uri, 's3-url': result.url, requirement: result.requirement };
    },
  };
}

/** The PEP 503 index next to the wheels (`s3-index`), rebuilt after the upload. */
export function s3IndexStep(inputs: S3Inputs): AfterVerifyStep {
  return {
    name: 'Update S3 index',
    async run(wheel: VerifiedWheel, log: Log) {
      const result = await publishIndex(
        {
          bucket: inputs.bucket,
          prefix: inputs.prefix,
          region: inputs.region,
          endpoint: inputs.endpoint,
          forcePathStyle: inputs.forcePathStyle,
          maxAttempts: inputs.maxAttempts,
          acl: inputs.acl,
          distribution: wheel.distribution,
          expectFile: wheel.fileName,
        },
        log,
      );
      log.info(
        `index updated: ${result.indexUrl} (${result.files.length} wheels of ${result.project})`,
      );
      const unchanged = result.pages.filter((p) => p.status === 'unchanged').map((p) => p.key);
      if (unchanged.length) await alignPageAcls(inputs, unchanged, log);
      return indexOutputs({
        indexUrl: result.indexUrl,
        distribution: wheel.distribution,
        version: wheel.version,
      });
    },
  };
}
