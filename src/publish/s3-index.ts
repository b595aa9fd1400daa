/**
 * Rebuilds the pip index pages (see index-pages.ts) next to the wheels in S3, after a wheel was
 * published.
 *
 * No lost updates between concurrent publishers (matrix jobs): every page is read (body and
 * ETag) BEFORE the wheels are listed, and written only if its ETag is still the one read
 * (If-Match; If-None-Match: * when creating). A writer that loses re-reads, re-lists and tries
 * again, with a bounded number of rounds and jittered backoff. Whoever writes last therefore
 * listed after every page state it replaces, and so saw every wheel whose publisher read that
 * state or an earlier one; a publisher that reads a later state finds its wheel missing and
 * writes again. A page whose rendering equals what is stored is not written at all.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';

import { PublishError, errorMessage } from '../errors.js';
import type { Log } from '../log.js';
import { normalizeProjectName } from '../wheel/names.js';
import {
  flatPage,
  indexKeys,
  parseWheelFileName,
  projectPage,
  rootPage,
  type IndexWheel,
  type WheelName,
} from './index-pages.js';
import { metadataFacts, readSidecar, sidecarOf, type SidecarFacts } from './index-sidecars.js';
import { createS3Client, maskCredentials, type S3ClientOptions } from './s3.js';
import { describeS3Error, isPreconditionFailure, s3ErrorCode } from './s3-errors.js';
import {
  base64ToHex,
  objectUrl,
  resolveRegion,
  s3Uri,
  validateBucketName,
  validatePrefix,
  type S3Acl,
} from './s3-plan.js';

export interface UpdateIndexOptions {
  client: S3Client;
  bucket: string;
  /** The wheels' key prefix (normalized here). */
  prefix: string;
  /** The wheels' ACL; the pages get the same. */
  acl: S3Acl;
  /** The project just published: its page is (re)written. */
  distribution: string;
  /** For the URLs in the result. */
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  log: Log;
  /** Rounds of read-list-write when a concurrent publisher changes a page (default 8). */
  maxAttempts?: number;
  /** A file name the listing must contain (the wheel just uploaded); listed again until it does. */
  expectFile?: string;
  /** HEAD requests in flight at once when looking up the wheels' SHA-256 (default 8). */
  headConcurrency?: number;
  /** ListObjectsV2 page size (default: S3's 1000). */
  listPageSize?: number;
  /** Backoff between rounds: full jitter over min(maxMs, baseMs * 2^(round-1)). */
  backoff?: { baseMs: number; maxMs: number };
  signal?: AbortSignal;
}

export type PageStatus = 'created' | 'updated' | 'unchanged';

export interface IndexResult {
  /** `.../<prefix>simple/`: for `--index-url` / `--extra-index-url`. */
  indexUrl: string;
  /** `.../<prefix>simple/<project>/`. */
  projectUrl: string;
  /** `.../<prefix>index.html`: for `--find-links`. */
  findLinksUrl: string;
  /** PEP 503 normalized project name. */
  project: string;
  /** The wheels on the project page (file names, sorted). */
  files: string[];
  pages: { key: string; status: PageStatus }[];
  /** Rounds used (1 when nothing raced). */
  attempts: number;
}

const DEFAULT_ATTEMPTS = 8;
const DEFAULT_HEAD_CONCURRENCY = 8;
const DEFAULT_BACKOFF = { baseMs: 100, maxMs: 3000 };
const CONTENT_TYPE = 'text/html; charset=utf-8';
/** Pages change with every publish; caches must revalidate (the wheels stay immutable). */
const PAGE_CACHE_CONTROL = 'no-cache';

/** Delay before round `round + 1`: "full jitter" (random in [0, cap]), so racers spread out. */
export function backoffDelay(
  round: number,
  backoff: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const cap = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, round - 1));
  return Math.floor(random() * cap);
}

/** The hex SHA-256 of an object: our metadata, else S3's full-object (not composite) checksum. */
export function objectSha256(head: {
  Metadata?: Record<string, string>;
  ChecksumSHA256?: string;
  ChecksumType?: string;
}): string | undefined {
  const meta = head.Metadata?.sha256?.toLowerCase();
  if (meta && /^[0-9a-f]{64}$/.test(meta)) return meta;
  const composite = head.ChecksumType === 'COMPOSITE' || head.ChecksumSHA256?.includes('-');
  if (head.ChecksumSHA256 && !composite) {
    const hex = base64ToHex(head.ChecksumSHA256);
    if (hex.length === 64) return hex;
  }
  return undefined;
}

interface Listed extends WheelName {
  key: string;
  etag: string;
  /** `<wheel>.metadata` / `<wheel>.yanked` beside it (index-sidecars.ts). */
  sidecars: { kind: 'metadata' | 'yanked'; key: string; etag: string }[];
}

interface StoredPage {
  key: string;
  etag?: string;
  body?: string;
}

/** Tags an SDK error with the operation and key, for describeS3Error. */
async function send<T>(operation: string, key: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (typeof error === 'object' && error !== null && !('operation' in error)) {
      Object.assign(error, { operation, key });
    }
    throw error;
  }
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function updateIndex(options: UpdateIndexOptions): Promise<IndexResult> {
  const { client, log, signal } = options;
  const bucket = validateBucketName(options.bucket);
  const prefix = validatePrefix(options.prefix);
  const project = normalizeProjectName(options.distribution);
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new PublishError(`index attempts must be a positive integer, got ${maxAttempts}.`);
  }
  const keys = indexKeys(prefix, project);
  const url = (key: string) =>
    objectUrl({
      bucket,
      key,
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
    });
  // SHA-256 per object version (key + ETag), kept across rounds: a retry HEADs new wheels only.
  const hashes = new Map<string, string | undefined>();
  // What each sidecar version (key + ETag) says, kept across rounds like the hashes.
  const facts = new Map<string, SidecarFacts>();
  const sidecarFacts = async (wheel: Listed): Promise<SidecarFacts> => {
    const out: SidecarFacts = {};
    for (const sidecar of wheel.sidecars) {
      const id = `${sidecar.key}\u0000${sidecar.etag}`;
      if (!facts.has(id)) {
        const bytes = await readSidecar(client, bucket, sidecar.key, signal);
        facts.set(
          id,
          bytes === undefined
            ? {}
            : sidecar.kind === 'metadata'
              ? metadataFacts(bytes)
              : { yanked: bytes.toString('utf8') },
        );
      }
      Object.assign(out, facts.get(id));
    }
    return out;
  };
  const warned = new Set<string>();

  const readPage = async (key: string): Promise<StoredPage> => {
    try {
      const object = await send('GetObject', key, () =>
        client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal }),
      );
      return {
        key,
        etag: object.ETag,
        body: (await object.Body?.transformToString('utf-8')) ?? '',
      };
    } catch (error) {
      const { code, status } = s3ErrorCode(error);
      if (status === 404 && code !== 'NoSuchBucket') return { key };
      throw error;
    }
  };

  const listWheels = async (): Promise<Listed[]> => {
    const wheels: Listed[] = [];
    const sidecars: { wheel: string; kind: 'metadata' | 'yanked'; key: string; etag: string }[] =
      [];
    let token: string | undefined;
    do {
      const page = await send('ListObjectsV2', prefix, () =>
        client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix,
            // Wheels sit directly under the prefix; the simple/ tree and sub-folders are skipped.
            Delimiter: '/',
            ContinuationToken: token,
            MaxKeys: options.listPageSize,
          }),
          { abortSignal: signal },
        ),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key) continue;
        const parsed = parseWheelFileName(object.Key.slice(prefix.length));
        const sidecar = sidecarOf(object.Key.slice(prefix.length));
        if (parsed) {
          wheels.push({ ...parsed, key: object.Key, etag: object.ETag ?? '', sidecars: [] });
        } else if (sidecar) {
          sidecars.push({ ...sidecar, key: object.Key, etag: object.ETag ?? '' });
        } else if (object.Key.endsWith('.whl'))
          skipOnce(object.Key, 'its name is not a wheel name');
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    for (const { wheel, ...sidecar } of sidecars) {
      wheels.find((w) => w.fileName === wheel)?.sidecars.push(sidecar);
    }
    return wheels;
  };

  const skipOnce = (key: string, why: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    log.info(`Index: ignoring ${s3Uri(bucket, key)} (${why}).`);
  };

  /** Looks up the SHA-256 of each wheel; a wheel deleted since the listing is dropped. */
  const withHashes = async (wheels: Listed[]): Promise<IndexWheel[]> => {
    const found = await mapBounded(
      wheels,
      options.headConcurrency ?? DEFAULT_HEAD_CONCURRENCY,
      async (wheel): Promise<IndexWheel | undefined> => {
        const id = `${wheel.key}\u0000${wheel.etag}`;
        if (!hashes.has(id)) {
          try {
            const head = await send('HeadObject', wheel.key, () =>
              client.send(
                new HeadObjectCommand({ Bucket: bucket, Key: wheel.key, ChecksumMode: 'ENABLED' }),
                { abortSignal: signal },
              ),
            );
            hashes.set(id, objectSha256(head));
          } catch (error) {
            const { status } = s3ErrorCode(error);
            if (status === 404) return undefined;
            if (status !== 403) throw error;
            hashes.set(id, undefined);
            skipOnce(wheel.key, 'HEAD was refused, no s3:GetObject: linked without a hash');
          }
          if (hashes.get(id) === undefined) {
            skipOnce(wheel.key, 'no sha256 metadata or checksum: linked without a hash');
          }
        }
        const sha256 = hashes.get(id);
        return {
          fileName: wheel.fileName,
          ...(sha256 ? { sha256 } : {}),
          ...(await sidecarFacts(wheel)),
        };
      },
    );
    return found.filter((wheel): wheel is IndexWheel => wheel !== undefined);
  };

  const writePage = async (page: StoredPage, body: string): Promise<void> => {
    const bytes = Buffer.from(body, 'utf8');
    await send('PutObject', page.key, () =>
      client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: page.key,
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: CONTENT_TYPE,
          CacheControl: PAGE_CACHE_CONTROL,
          ...(options.acl === 'public-read' ? { ACL: 'public-read' as const } : {}),
          ...(page.etag ? { IfMatch: page.etag } : { IfNoneMatch: '*' }),
          ChecksumAlgorithm: 'SHA256',
          ChecksumSHA256: createHash('sha256').update(bytes).digest('base64'),
        }),
        { abortSignal: signal },
      ),
    );
  };

  const statuses = new Map<string, PageStatus>();
  const allKeys = [...keys.project, ...keys.root, keys.flat];
  let pending = allKeys;
  let files: string[] = [];
  let notListed = false;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    // Read first, list second: see the header comment for why the order matters.
    const stored = await Promise.all(pending.map(readPage));
    const listed = await listWheels();
    notListed = !!options.expectFile && !listed.some((w) => w.fileName === options.expectFile);
    if (notListed) {
      // Stores with eventually consistent listings (some S3-compatible ones) can lag a PUT.
      log.info(
        `Index: ${options.expectFile} is not listed yet (attempt ${attempt}/${maxAttempts}).`,
      );
      if (attempt < maxAttempts) {
        await sleep(backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF), signal);
      }
      continue;
    }
    const wheels = await withHashes(listed);
    const own = new Set(listed.filter((w) => w.project === project).map((w) => w.fileName));
    const ownWheels = wheels.filter((wheel) => own.has(wheel.fileName));
    files = ownWheels.map((wheel) => wheel.fileName).sort();
    const projects = listed.map((wheel) => wheel.project);
    const render = (key: string): string => {
      if (keys.project.includes(key)) return projectPage(project, ownWheels);
      if (keys.root.includes(key)) return rootPage(projects);
      return flatPage(wheels);
    };

    const outcomes = await Promise.allSettled(
      stored.map(async (page) => {
        const body = render(page.key);
        if (page.body === body) {
          if (!statuses.has(page.key)) statuses.set(page.key, 'unchanged');
          return;
        }
        await writePage(page, body);
        statuses.set(page.key, page.etag ? 'updated' : 'created');
      }),
    );
    const lost: string[] = [];
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue;
      const error = outcome.reason as unknown;
      // 412/409: another publisher wrote the page since we read it; 404 on If-Match: it was
      // deleted meanwhile. Either way: read, list and render again.
      const { code, status } = s3ErrorCode(error);
      if (isPreconditionFailure(error) || (status === 404 && code !== 'NoSuchBucket')) {
        lost.push(stored[i]!.key);
      } else {
        throw error;
      }
    }
    pending = lost;
    if (lost.length === 0) {
      const pages = allKeys.map((key) => ({
        key,
        status: statuses.get(key) ?? 'unchanged',
      }));
      const written = pages.filter((page) => page.status !== 'unchanged');
      log.info(
        `Index: ${files.length} wheel(s) of ${project} on ${url(keys.project[0]!)}; ` +
          (written.length
            ? `wrote ${written.map((page) => `${page.key} (${page.status})`).join(', ')}`
            : 'every page was already up to date') +
          (attempt > 1 ? ` after ${attempt} rounds.` : '.'),
      );
      return {
        indexUrl: url(keys.root[0]!),
        projectUrl: url(keys.project[0]!),
        findLinksUrl: url(keys.flat),
        project,
        files,
        pages,
        attempts: attempt,
      };
    }
    log.info(
      `Index: ${lost.join(', ')} changed while updating (another job is publishing); ` +
        `reading and listing again (round ${attempt}/${maxAttempts}).`,
    );
    if (attempt < maxAttempts) {
      await sleep(backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF), signal);
    }
  }
  throw new PublishError(
    notListed
      ? `The index was not updated: ${options.expectFile} did not appear in the listing of ` +
          `${s3Uri(bucket, prefix)} after ${maxAttempts} attempts. The wheel itself is published.`
      : `The index pages ${pending.join(', ')} kept changing while updating them ` +
          `(${maxAttempts} rounds); the wheel itself is published.`,
    {
      fix:
        'Run the job again: the next publish rebuilds the pages from the listing. If many ' +
        'jobs publish into this prefix at once, raise the index attempts.',
    },
  );
}

export interface S3IndexOptions extends S3ClientOptions {
  bucket: string;
  prefix: string;
  acl: S3Acl;
  distribution: string;
  expectFile?: string;
  /** Rounds of read-list-write (default 8); `maxAttempts` is the SDK's per-request retry. */
  indexAttempts?: number;
  /** Upper bound for the whole update (default 5 minutes). */
  timeoutMs?: number;
}

/**
 * The I/O edge for the action: its own client, a deadline, and every S3 failure turned into a
 * PublishError that names the missing permission.
 */
export async function publishIndex(options: S3IndexOptions, log: Log): Promise<IndexResult> {
  const bucket = validateBucketName(options.bucket);
  const prefix = validatePrefix(options.prefix);
  const region = resolveRegion(options.region, process.env);
  const client = createS3Client(options);
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5 * 60_000);
  const secrets = await maskCredentials(client, log);
  try {
    return await updateIndex({
      client,
      bucket,
      prefix,
      acl: options.acl,
      distribution: options.distribution,
      expectFile: options.expectFile,
      region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      log,
      maxAttempts: options.indexAttempts,
      signal,
    });
  } catch (error) {
    if (error instanceof PublishError) throw error;
    throw describeIndexError(error, {
      bucket,
      prefix,
      region,
      endpoint: options.endpoint,
      aborted: signal.aborted,
      secrets,
    });
  } finally {
    client.destroy();
  }
}

/** Index-specific wording for the failures whose fix differs from a wheel upload's. */
export function describeIndexError(
  error: unknown,
  context: {
    bucket: string;
    prefix: string;
    region: string;
    endpoint?: string;
    aborted?: boolean;
    secrets?: readonly string[];
  },
): PublishError {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    operation?: unknown;
    key?: unknown;
  };
  const operation = typeof fields.operation === 'string' ? fields.operation : 'index update';
  const key = typeof fields.key === 'string' ? fields.key : context.prefix;
  const { code, status } = s3ErrorCode(error);
  const arn = `arn:aws:s3:::${context.bucket}`;
  const described = describeS3Error(
    context.aborted ? Object.assign(new Error(errorMessage(error)), { name: 'AbortError' }) : error,
    {
      bucket: context.bucket,
      key,
      region: context.region,
      endpoint: context.endpoint,
      operation,
      secrets: context.secrets,
    },
  );
  if (status === 403 || code === 'AccessDenied') {
    return new PublishError(
      `Access denied while updating the pip index of s3://${context.bucket}/${context.prefix} ` +
        `(${operation}); the wheel itself is published.`,
      {
        input: 's3-index',
        fix:
          `The index needs s3:ListBucket on ${arn} (prefix ${context.prefix || '*'}), ` +
          `s3:GetObject on ${arn}/${context.prefix}*, and s3:PutObject (plus ` +
          `s3:PutObjectAcl for public-read) on ${arn}/${context.prefix}simple/* and ` +
          `${arn}/${context.prefix}index.html; or set s3-index: false.`,
        details: described.details,
      },
    );
  }
  if (code === 'NotImplemented' || status === 501) {
    return new PublishError(
      `The S3 server does not support conditional writes (If-Match / If-None-Match), which ` +
        `the pip index needs so that concurrent jobs do not lose each other's wheels.`,
      {
        input: 's3-index',
        fix: 'Use a store that supports conditional writes (AWS S3, recent MinIO), or set s3-index: false.',
        details: described.details,
      },
    );
  }
  return described;
}
