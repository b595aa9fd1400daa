import type { Executor } from '../exec/executor.js';
import type { S3Inputs } from '../inputs.js';
import type { Log } from '../log.js';
import type { AfterVerifyStep, VerifiedWheel } from '../pipeline.js';
import { verifyPublished } from './verify-published.js';

/** Where the consumer check runs: the pipeline's executor and a fresh folder it can write. */
export interface ConsumerContext {
  executor: Executor;
  workDir: string;
  /** The `import` input (empty = the package). */
  imports: readonly string[];
}

/** `verify-published`: runs after the S3 upload and the index update. */
export function verifyPublishedStep(inputs: S3Inputs, consumer: ConsumerContext): AfterVerifyStep {
  return {
    name: 'Verify published',
    async run(wheel: VerifiedWheel, log: Log) {
      if (!inputs.verifyPublished) {
        log.info('verify-published: false: the published wheel is not checked.');
        return { 'verify-published': 'skipped' };
      }
      await verifyPublished({
        mode: inputs.verifyPublished,
        bucket: inputs.bucket,
        prefix: inputs.prefix,
        region: inputs.region,
        endpoint: inputs.endpoint,
        forcePathStyle: inputs.forcePathStyle,
        maxAttempts: inputs.maxAttempts,
        acl: inputs.acl,
        index: inputs.index,
        wheel,
        python: wheel.probe.executable,
        imports: consumer.imports.length ? consumer.imports : [wheel.packageName],
        executor: consumer.executor,
        workDir: consumer.workDir,
        log,
      });
      return { 'verify-published': 'passed' };
    },
  };
}
