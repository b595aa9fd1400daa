/**
 * Benchmark child: publishes a wheel to an S3 endpoint with our publisher, then prints one JSON
 * line. `--noop` loads the same code and creates the client but sends nothing: its peak RSS is the
 * baseline that the upload's buffers add to.
 *
 *   node publish.js --wheel PATH --sha256 HEX --endpoint URL --bucket B --prefix P [--noop]
 *                   [--part-size BYTES] [--queue-size N]
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { MemoryLog } from '../src/log/log.js';
import { publishToS3 } from '../src/publish/s3/s3-publish.js';
import { createS3Client, openS3Session } from '../src/publish/s3/s3-session.js';

const { values } = parseArgs({
  options: {
    wheel: { type: 'string' },
    sha256: { type: 'string' },
    endpoint: { type: 'string' },
    bucket: { type: 'string' },
    prefix: { type: 'string', default: '' },
    'part-size': { type: 'string' },
    'queue-size': { type: 'string' },
    noop: { type: 'boolean', default: false },
  },
});
if (!values.wheel || !values.sha256 || !values.endpoint || !values.bucket) {
  throw new Error('usage: --wheel PATH --sha256 HEX --endpoint URL --bucket B');
}

const options = {
  bucket: values.bucket,
  prefix: values.prefix,
  endpoint: values.endpoint,
  forcePathStyle: true,
  maxAttempts: 3,
  acl: 'private' as const,
  overwrite: false,
  ...(values['part-size'] ? { partSize: Number(values['part-size']) } : {}),
  ...(values['queue-size'] ? { queueSize: Number(values['queue-size']) } : {}),
};
const size = (await stat(values.wheel)).size;
const started = performance.now();
if (values.noop) {
  createS3Client(options).destroy();
  console.log(JSON.stringify({ noop: true }));
} else {
  const log = new MemoryLog();
  const session = await openS3Session(options, log);
  const result = await publishToS3(
    session,
    {
      path: values.wheel,
      fileName: basename(values.wheel),
      sha256: values.sha256,
      size,
      distribution: 'benchpkg',
      version: '1.0.0',
    },
    options,
    log,
  );
  session.close();
  console.log(
    JSON.stringify({
      status: result.status,
      size,
      uploadMs: Math.round(performance.now() - started),
    }),
  );
}
