/**
 * `algorithmia-wheel yank --s3-bucket B --s3-prefix P name==version --reason "..."`: marks a
 * release yanked (PEP 592) in the index published with `s3-index`.
 */
import { parseArgs } from 'node:util';

import { cancelOnSignals } from './cancel.js';
import { ConsoleLog } from '../log/console-log.js';
import { CancelledError, errorMessage, UserError } from '../base/errors.js';
import { parseBoolean } from '../inputs/input-reader.js';
import { parseEndpoint } from '../publish/s3/s3-plan.js';
import { TOOL_VERSION } from '../pipeline/tool-version.js';

export const YANK_HELP = [
  'Usage: algorithmia-wheel yank --s3-bucket B [--s3-prefix P] name==version --reason "..."',
  '',
  'Marks every wheel of name==version as yanked (PEP 592) in the pip index next to the wheels',
  '(published with s3-index): pip then no longer picks it for ranges such as name>=1.0, but',
  'still installs it, with a warning, for name==version. The wheels are not deleted.',
  '',
  '  --reason <text>               why (shown by pip); required',
  '  --s3-bucket, --s3-prefix, --s3-region, --s3-endpoint, --s3-force-path-style, --s3-max-attempts',
  "                                as for the build's inputs",
  '  --s3-acl <acl>                ACL of the rewritten pages (default: that of the project page)',
  '  -v, --verbose                 print debug lines too (as RUNNER_DEBUG=1 does)',
  '  -h, --help                    show this help',
].join('\n');

export async function yankMain(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        verbose: { type: 'boolean', short: 'v' },
        reason: { type: 'string' },
        's3-bucket': { type: 'string' },
        's3-prefix': { type: 'string', default: '' },
        's3-region': { type: 'string' },
        's3-endpoint': { type: 'string' },
        's3-force-path-style': { type: 'string', default: 'false' },
        's3-max-attempts': { type: 'string', default: '5' },
        's3-acl': { type: 'string' },
      },
    });
    if (parsed.values.help) {
      process.stdout.write(`${YANK_HELP}\n`);
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new Error('give exactly one name==version');
    if (!parsed.values['s3-bucket']) throw new Error('--s3-bucket is required');
    if (parsed.values.reason === undefined) throw new Error('--reason is required');
    const acl = parsed.values['s3-acl'];
    if (acl !== undefined && acl !== 'private' && acl !== 'public-read') {
      throw new Error(`--s3-acl must be private or public-read, got "${acl}"`);
    }
    const attempts = Number(parsed.values['s3-max-attempts']);
    if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) {
      throw new Error('--s3-max-attempts must be a whole number from 1 to 20');
    }
  } catch (error) {
    process.stderr.write(
      `algorithmia-wheel yank: ${errorMessage(error)}\nRun with --help for usage.\n`,
    );
    return 2;
  }
  const values = parsed.values;
  const log = new ConsoleLog(values.verbose === true || process.env.RUNNER_DEBUG === '1');
  // The first thing a bug report needs, as the build prints it.
  log.debug(`algorithmia-wheel ${TOOL_VERSION} on node ${process.version}`);
  log.debug(`yank ${parsed.positionals[0]} in s3://${values['s3-bucket']}/${values['s3-prefix']}`);
  // Ctrl-C or SIGTERM aborts every request of the yank (one S3 session, its signal).
  const cancellation = cancelOnSignals();
  try {
    const endpoint = values['s3-endpoint'];
    if (endpoint) parseEndpoint(endpoint);
    // Loaded when used: `--help` and usage errors never read the AWS SDK.
    const { yankRelease } = await import('../publish/index/yank.js');
    const result = await yankRelease(
      {
        bucket: values['s3-bucket']!,
        prefix: values['s3-prefix'] ?? '',
        requirement: parsed.positionals[0]!,
        reason: values.reason!,
        region: values['s3-region'],
        endpoint,
        forcePathStyle: parseBoolean(
          values['s3-force-path-style'] ?? 'false',
          's3-force-path-style',
        ),
        maxAttempts: Number(values['s3-max-attempts']),
        ...(values['s3-acl'] ? { acl: values['s3-acl'] as 'private' | 'public-read' } : {}),
        signal: cancellation.signal,
      },
      log,
    );
    for (const file of result.files) process.stdout.write(`yanked=${file}\n`);
    process.stdout.write(`index-url=${result.index.indexUrl}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(
        `error: ${error.describe()}\n${error.details ? `${error.details}\n` : ''}`,
      );
    } else {
      process.stderr.write(`error: unexpected failure: ${errorMessage(error)}\n`);
    }
    return error instanceof CancelledError ? 130 : 1;
  } finally {
    cancellation.dispose();
    cancellation.endIfCancelled(130);
  }
}
