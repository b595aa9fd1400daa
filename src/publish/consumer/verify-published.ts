/**
 * The consumer check (`verify-published`): after the upload and the index update, prove that the
 * platform can install what was published, the way it will:
 *
 * 1. the wheel's URL is read as the platform reads it (an unsigned GET for `anonymous`, a signed
 *    GetObject for `credentials`) and its bytes must hash to the wheel's sha256;
 * 2. the matching interpreter's own pip, through the executor (in the image with `image`) and
 *    with every AWS credential variable removed, installs `name==version` from the published
 *    index (or the wheel's URL) into a fresh target, and the `import` check runs on that install.
 *
 * A signed reader cannot be imitated by pip, so with `credentials` pip installs the bytes the
 * signed read returned (already proven identical) instead of reading S3 itself.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { PublishError, errorMessage } from '../../base/errors.js';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import { checkImports, type InstalledWheel } from '../../python/verify-install.js';
import { normalizeProjectName } from '../../wheel/names.js';
import { indexKeys } from '../index/index-pages.js';
import { AWS_ACCESS_KEY_ID, redactText } from '../../log/redact.js';
import { lastLines } from '../../log/text-tail.js';
import { s3ErrorCode } from '../s3/s3-errors.js';
import { objectUrl, resolveRegion, s3Key, type S3Acl } from '../s3/s3-plan.js';
import type { S3ClientOptions, S3Session } from '../s3/s3-session.js';
import { consumerInstallArgv, readRefusedError, type ReadMode } from './verify-published-plan.js';

export interface VerifyPublishedOptions extends S3ClientOptions {
  /** The run's S3 session: the signed read goes through it, with the run's cancellation. */
  session: S3Session;
  mode: ReadMode;
  bucket: string;
  prefix: string;
  acl: S3Acl;
  /** Install `name==version` from the `simple/` index (s3-index) rather than the URL. */
  index: boolean;
  wheel: { fileName: string; sha256: string; distribution: string; version: string };
  python: string;
  imports: readonly string[];
  executor: Executor;
  /** A fresh folder the executor can write (inside the image's mounts). */
  workDir: string;
  log: Log;
  /** Upper bound for each HTTP read (default 5 minutes). */
  timeoutMs?: number;
}

export interface VerifyPublishedResult {
  url: string;
  indexUrl?: string;
  /** How pip installed: from the index, the URL, or the bytes read with credentials. */
  source: 'index' | 'url' | 'signed-download';
  /** pip read the PEP 658 metadata file (resolving from the index without the wheel). */
  usedMetadataFile: boolean;
}

const ISOLATED_ENV = { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' };

function secrets(): string[] {
  return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
    .map((name) => process.env[name])
    .filter((value): value is string => !!value);
}

/** An unsigned GET: what a public URL or a bucket policy for everyone gives. */
async function anonymousRead(
  url: string,
  what: string,
  options: VerifyPublishedOptions,
  key: string,
): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5 * 60_000),
      redirect: 'follow',
    });
  } catch (error) {
    throw new PublishError(
      `The platform's read of ${what} (${url}) failed: ${errorMessage(error)}.`,
      {
        input: 'verify-published',
        fix: 'check that the URL is reachable from where the platform runs (s3-endpoint, s3-region).',
      },
    );
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status === 403 || response.status === 404) {
    throw readRefusedError({
      status: response.status,
      url,
      bucket: options.bucket,
      prefix: options.prefix,
      key,
      mode: 'anonymous',
      acl: options.acl,
      what,
    });
  }
  if (!response.ok) {
    throw new PublishError(`The platform's read of ${what} (${url}) got HTTP ${response.status}.`, {
      input: 'verify-published',
      fix: 're-run the job; if it persists, check the bucket and the endpoint.',
      details: redactText(body.toString('utf8').slice(0, 2000), secrets(), [AWS_ACCESS_KEY_ID]),
    });
  }
  return body;
}

/** A GetObject signed with the runner's credentials: a platform that reads with its own role. */
async function signedRead(
  url: string,
  key: string,
  options: VerifyPublishedOptions,
): Promise<Buffer> {
  const { session } = options;
  try {
    const object = await session.send(
      'GetObject',
      { Bucket: options.bucket, Key: key },
      { signal: session.deadline(options.timeoutMs ?? 5 * 60_000) },
    );
    return Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array());
  } catch (error) {
    session.signal.throwIfAborted();
    const { status, code } = s3ErrorCode(error);
    if (status === 403 || status === 404) {
      throw readRefusedError({
        status,
        url,
        bucket: options.bucket,
        prefix: options.prefix,
        key,
        mode: 'credentials',
        acl: options.acl,
        what: 'the published wheel',
      });
    }
    throw new PublishError(`The signed read of ${url} failed: ${code}.`, {
      input: 'verify-published',
      fix: 're-run the job; if it persists, check the bucket and the credentials.',
      details: session.redact(errorMessage(error)),
    });
  }
}

export async function verifyPublished(
  options: VerifyPublishedOptions,
): Promise<VerifyPublishedResult> {
  const { wheel, log, executor } = options;
  const region = resolveRegion(options.region, process.env);
  const locate = (key: string) =>
    objectUrl({
      bucket: options.bucket,
      key,
      region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
    });
  const key = s3Key(options.prefix, wheel.fileName);
  const url = locate(key);

  // 1. The bytes the platform gets are the bytes that were verified.
  const bytes =
    options.mode === 'anonymous'
      ? await anonymousRead(url, 'the published wheel', options, key)
      : await signedRead(url, key, options);
  const digest = createHash('sha256').update(bytes).digest('hex');
  if (digest !== wheel.sha256.toLowerCase()) {
    throw new PublishError(
      `${url} serves ${bytes.length} bytes with sha256 ${digest}, not the verified wheel ` +
        `(sha256 ${wheel.sha256}).`,
      {
        input: 'verify-published',
        fix:
          'something between S3 and the reader changes the bytes (a CDN or proxy serving a stale ' +
          'copy, or another job overwrote the object): invalidate the cache or bump the version.',
      },
    );
  }
  log.info(`${url}: ${options.mode} read OK, ${bytes.length} bytes, sha256 matches the wheel.`);

  // 2. The platform's pip installs it into a fresh target; the import check runs on that.
  const target = join(options.workDir, 'target');
  const cwd = join(options.workDir, 'cwd');
  await mkdir(target, { recursive: true });
  await mkdir(cwd, { recursive: true });
  let indexUrl: string | undefined;
  let source: VerifyPublishedResult['source'] = 'url';
  let installFrom = url;
  if (options.mode === 'credentials') {
    source = 'signed-download';
    installFrom = join(options.workDir, wheel.fileName);
    await writeFile(installFrom, bytes);
    log.info(
      'verify-published: credentials: pip cannot sign requests, so it installs the bytes the ' +
        'signed read returned.',
    );
  } else if (options.index) {
    source = 'index';
    const keys = indexKeys(options.prefix, normalizeProjectName(wheel.distribution));
    indexUrl = locate(keys.root[0]!);
    const projectUrl = locate(keys.project[0]!);
    const page = await anonymousRead(projectUrl, 'the index page', options, keys.project[0]!);
    if (!page.toString('utf8').includes(encodeURIComponent(wheel.fileName))) {
      throw new PublishError(`The index page ${projectUrl} does not list ${wheel.fileName}.`, {
        input: 's3-index',
        fix: 're-run the job: the index is rebuilt from the listing of the prefix.',
      });
    }
  }
  const argv = consumerInstallArgv({
    python: options.python,
    distribution: wheel.distribution,
    version: wheel.version,
    target,
    ...(indexUrl ? { indexUrl } : {}),
    wheelUrl: installFrom,
    verbose: true,
  });
  const install = await executor.run(argv, { cwd, env: ISOLATED_ENV });
  const pipLog = `${install.stdout}\n${install.stderr}`;
  for (const line of pipLog.split('\n')) if (line.trim()) log.debug(`pip: ${line}`);
  if (install.exitCode !== 0) {
    throw new PublishError(
      `The platform's pip (${options.python}) could not install ` +
        `${indexUrl ? `${wheel.distribution}==${wheel.version} from ${indexUrl}` : installFrom}` +
        ' as published.',
      {
        input: 'verify-published',
        fix:
          "read pip's message: a 403/404 is read access (s3-acl, the bucket policy, Block Public " +
          'Access); "no matching distribution" means the index does not offer this python the ' +
          'wheel (tags, requires-python). The object stays published; re-running re-checks it.',
        details: redactText(lastLines(pipLog, 30), secrets(), [AWS_ACCESS_KEY_ID]),
      },
    );
  }
  const usedMetadataFile = pipLog.includes(`${encodeURIComponent(wheel.fileName)}.metadata`);
  log.info(
    `verify-published: ${options.python}'s pip installed ${wheel.distribution}==${wheel.version} ` +
      `from ${indexUrl ?? installFrom} without AWS credentials` +
      (usedMetadataFile ? ', resolving from the PEP 658 metadata file' : '') +
      '.',
  );
  const installed: InstalledWheel = { target, cwd, bin: join(cwd, 'bin') };
  await checkImports(
    {
      executor,
      python: options.python,
      imports: options.imports,
      tags: [],
      wheelPath: installFrom,
      workDir: options.workDir,
      log,
    },
    installed,
  );
  return { url, ...(indexUrl ? { indexUrl } : {}), source, usedMetadataFile };
}
