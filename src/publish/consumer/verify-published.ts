/**
 * The consumer check (`verify-published`): after the upload and the index update, prove that the
 * platform installs the exact file that was published, the way it will:
 *
 * 1. the wheel's URL is read as the platform reads it (an unsigned GET for `anonymous`, a signed
 *    GetObject for `credentials`), streamed within the wheel's size, and its bytes must hash to
 *    the wheel's sha256;
 * 2. the matching interpreter's own pip, through the executor (in the image with `image`) and
 *    with every AWS credential variable removed, chooses and fetches a file for the documented
 *    line (`name==version` from the published index with s3-index, else the pinned URL with
 *    `#sha256=`) with `pip download`; that file's name and sha256 must be the published wheel's,
 *    or the check fails naming the file pip chose and why pip preferred it;
 * 3. that proven file is installed into a fresh target, and the `import` check runs on it.
 *
 * A signed reader cannot be imitated by pip, so with `credentials` pip installs the bytes the
 * signed read returned (already proven identical) instead of reading S3 itself.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { PublishError } from '../../base/errors.js';
import type { ExecResult, Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import { checkImports, type InstalledWheel } from '../../python/verify-install.js';
import { normalizeProjectName } from '../../wheel/names.js';
import { indexKeys } from '../index/index-pages.js';
import { AWS_ACCESS_KEY_ID, redactText } from '../../log/redact.js';
import { lastLines } from '../../log/text-tail.js';
import { objectUrl, pinnedRequirement, resolveRegion, s3Key, type S3Acl } from '../s3/s3-plan.js';
import type { S3ClientOptions, S3Session } from '../s3/s3-session.js';
import { anonymousRead, signedRead, type ReadTarget } from './consumer-read.js';
import { pageReadLimits, wheelReadLimits } from './consumer-read-plan.js';
import { consumerDownloadArgv, wrongFileError } from './pip-choice-plan.js';
import { consumerInstallArgv, type ReadMode } from './verify-published-plan.js';

export interface VerifyPublishedOptions extends S3ClientOptions {
  /** The run's S3 session: the signed read goes through it, with the run's cancellation. */
  session: S3Session;
  mode: ReadMode;
  bucket: string;
  prefix: string;
  acl: S3Acl;
  /** Install `name==version` from the `simple/` index (s3-index) rather than the URL. */
  index: boolean;
  wheel: { fileName: string; sha256: string; size: number; distribution: string; version: string };
  python: string;
  imports: readonly string[];
  executor: Executor;
  /** A fresh folder the executor can write (inside the image's mounts). */
  workDir: string;
  log: Log;
  /** The run's cancellation: a cancelled read ends in the run's CancelledError. */
  signal?: AbortSignal;
  /** Upper bound for each HTTP read and for pip's download (default 5 minutes). */
  timeoutMs?: number;
}

export interface VerifyPublishedResult {
  url: string;
  indexUrl?: string;
  /** How pip installed: from the index, the URL, or the bytes read with credentials. */
  source: 'index' | 'url' | 'signed-download';
  /** pip read the PEP 658 metadata file (resolving from the index without the wheel). */
  usedMetadataFile: boolean;
  /** The line proven to install exactly the published file. */
  provenLine: string;
}

/** Each read's upper bound, and pip's for its whole download. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;

const ISOLATED_ENV = { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' };

function secrets(): string[] {
  return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
    .map((name) => process.env[name])
    .filter((value): value is string => !!value);
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function pipFailed(options: VerifyPublishedOptions, what: string, result: ExecResult) {
  return new PublishError(
    `The platform's pip (${options.python}) could not install ${what} as published.`,
    {
      input: 'verify-published',
      fix:
        "read pip's message: a 403/404 is read access (s3-acl, the bucket policy, Block Public " +
        'Access); "no matching distribution" means the index does not offer this python the ' +
        'wheel (tags, requires-python). The object stays published; re-running re-checks it.',
      details: redactText(lastLines(`${result.stdout}\n${result.stderr}`, 30), secrets(), [
        AWS_ACCESS_KEY_ID,
      ]),
    },
  );
}

function pipTimedOut(
  options: VerifyPublishedOptions,
  line: string,
  timeoutMs: number,
  result: ExecResult,
) {
  return new PublishError(
    `The platform's pip (${options.python}) did not finish fetching "${line}" within ` +
      `${Math.round(timeoutMs / 1000)} s and was stopped, with every process it started.`,
    {
      input: 'verify-published',
      fix:
        'our own read of the wheel finished in time, so look at what stands between pip and the ' +
        'bucket (a proxy in HTTP_PROXY/HTTPS_PROXY, a CDN in front of the endpoint). The object ' +
        'stays published; re-running re-checks it.',
      details: redactText(lastLines(`${result.stdout}\n${result.stderr}`, 30), secrets(), [
        AWS_ACCESS_KEY_ID,
      ]),
    },
  );
}

/**
 * Lets the platform's pip choose and fetch a file for `source` into a fresh folder, then proves
 * the file it chose is the published wheel (name and sha256). Returns its path and pip's log.
 */
async function proveChoice(
  options: VerifyPublishedOptions,
  line: string,
  source: readonly string[],
  location: string,
): Promise<{ path: string; pipLog: string }> {
  const { wheel, log } = options;
  const dest = join(options.workDir, 'download');
  const cwd = join(options.workDir, 'cwd');
  await mkdir(dest, { recursive: true });
  await mkdir(cwd, { recursive: true });
  const argv = consumerDownloadArgv({ python: options.python, dest, source });
  // pip's own socket timeout never ends a server that drips a byte every few seconds.
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const result = await options.executor.run(argv, { cwd, env: ISOLATED_ENV, timeoutMs });
  const pipLog = `${result.stdout}\n${result.stderr}`;
  for (const text of pipLog.split('\n')) if (text.trim()) log.debug(`pip: ${text}`);
  if (result.timedOut) throw pipTimedOut(options, line, timeoutMs, result);
  const files = (await readdir(dest)).sort();
  if (result.exitCode !== 0 || files.length !== 1) throw pipFailed(options, line, result);
  const path = join(dest, files[0]!);
  const chosen = { fileName: files[0]!, sha256: await fileSha256(path), size: 0 };
  chosen.size = (await stat(path)).size;
  if (chosen.fileName !== wheel.fileName || chosen.sha256 !== wheel.sha256.toLowerCase()) {
    throw wrongFileError({
      line,
      python: options.python,
      ours: wheel,
      chosen,
      location,
      index: source.includes('--index-url'),
    });
  }
  log.info(
    `verify-published: for "${line}" ${options.python}'s pip chose ${chosen.fileName}, ` +
      `${chosen.size} bytes, sha256 ${chosen.sha256}: the published wheel.`,
  );
  return { path, pipLog };
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
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target: ReadTarget = {
    bucket: options.bucket,
    prefix: options.prefix,
    acl: options.acl,
    mode: options.mode,
  };
  const signal = options.signal ? { signal: options.signal } : {};
  const wheelRead = {
    what: 'the published wheel',
    url,
    limits: wheelReadLimits(wheel.size, timeoutMs),
    ...signal,
  };

  // 1. The bytes the platform gets are the bytes that were verified.
  const { bytes, sha256: digest } =
    options.mode === 'anonymous'
      ? await anonymousRead(wheelRead, key, target)
      : await signedRead(wheelRead, key, { ...target, session: options.session });
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

  // 2. The platform's pip chooses a file for the documented line: it must be ours.
  const provenLine = pinnedRequirement(url, wheel.sha256);
  let indexUrl: string | undefined;
  let source: VerifyPublishedResult['source'] = 'url';
  let installFrom: string;
  let pipLog = '';
  if (options.mode === 'credentials') {
    source = 'signed-download';
    const signedDir = join(options.workDir, 'signed');
    await mkdir(signedDir, { recursive: true });
    installFrom = join(signedDir, wheel.fileName);
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
    const page = await anonymousRead(
      { what: 'the index page', url: projectUrl, limits: pageReadLimits(timeoutMs), ...signal },
      keys.project[0]!,
      target,
    );
    if (!page.bytes.toString('utf8').includes(encodeURIComponent(wheel.fileName))) {
      throw new PublishError(`The index page ${projectUrl} does not list ${wheel.fileName}.`, {
        input: 's3-index',
        fix: 're-run the job: the index is rebuilt from the listing of the prefix.',
      });
    }
    const requirement = `${wheel.distribution}==${wheel.version}`;
    ({ path: installFrom, pipLog } = await proveChoice(
      options,
      `--index-url ${indexUrl} ${requirement}`,
      ['--index-url', indexUrl, requirement],
      locate(options.prefix),
    ));
  } else {
    ({ path: installFrom, pipLog } = await proveChoice(options, provenLine, [provenLine], url));
  }

  // 3. The proven file is installed into a fresh target; the import check runs on that.
  const installTarget = join(options.workDir, 'target');
  const cwd = join(options.workDir, 'cwd');
  await mkdir(installTarget, { recursive: true });
  await mkdir(cwd, { recursive: true });
  const argv = consumerInstallArgv({
    python: options.python,
    distribution: wheel.distribution,
    version: wheel.version,
    target: installTarget,
    wheelUrl: installFrom,
  });
  const install = await executor.run(argv, { cwd, env: ISOLATED_ENV });
  for (const text of `${install.stdout}\n${install.stderr}`.split('\n'))
    if (text.trim()) log.debug(`pip: ${text}`);
  if (install.exitCode !== 0) throw pipFailed(options, installFrom, install);
  const usedMetadataFile = pipLog.includes(`${encodeURIComponent(wheel.fileName)}.metadata`);
  log.info(
    `verify-published: ${options.python}'s pip installed ${wheel.distribution}==${wheel.version} ` +
      `from ${indexUrl ?? (source === 'url' ? url : installFrom)} without AWS credentials` +
      (usedMetadataFile ? ', resolving from the PEP 658 metadata file' : '') +
      '.',
  );
  const installed: InstalledWheel = { target: installTarget, cwd, bin: join(cwd, 'bin') };
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
  return { url, ...(indexUrl ? { indexUrl } : {}), source, usedMetadataFile, provenLine };
}
