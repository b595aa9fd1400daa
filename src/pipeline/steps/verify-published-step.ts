import type { Executor } from '../../exec/executor.js';
import type { S3Inputs } from '../../inputs/inputs.js';
import type { Log } from '../../log/log.js';
import type { S3Session } from '../../publish/s3/s3-session.js';
import type { AfterVerifyStep, VerifiedWheel } from '../verified-wheel.js';

/** Where the consumer check runs: the pipeline's executor and a fresh folder it can write. */
export interface ConsumerContext {
  executor: Executor;
  workDir: string;
  /** The `import` input (empty = the package). */
  imports: readonly string[];
}

/** `verify-published`: runs after the S3 upload and the index update. */
export function verifyPublishedStep(
  inputs: S3Inputs,
  consumer: ConsumerContext,
  /** The run's S3 session (src/pipeline/publishers.ts). */
  openSession: () => Promise<S3Session>,
): AfterVerifyStep {
  return {
    name: 'Verify published',
    async run(wheel: VerifiedWheel, log: Log, signal?: AbortSignal) {
      if (!inputs.verifyPublished) {
        log.info('verify-published: false: the published wheel is not checked.');
        return { 'verify-published': 'skipped' };
      }
      // Loaded when used (the AWS SDK): see steps.ts.
      const [{ verifyPublished }, { s3Target }] = await Promise.all([
        import('../../publish/consumer/verify-published.js'),
        import('../../publish/s3/s3-session.js'),
      ]);
      await verifyPublished({
        session: await openSession(),
        mode: inputs.verifyPublished,
        ...s3Target(inputs),
        index: inputs.index,
        wheel,
        python: wheel.probe.executable,
        imports: consumer.imports.length ? consumer.imports : [wheel.packageName],
        executor: consumer.executor,
        workDir: consumer.workDir,
        log,
        ...(signal ? { signal } : {}),
      });
      return { 'verify-published': 'passed' };
    },
  };
}
