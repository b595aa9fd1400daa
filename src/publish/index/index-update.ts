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
import { PublishError } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { describeIndexError } from './index-errors.js';
import { listWheels, readPage } from './index-read.js';
import {
  allPageKeys,
  indexResult,
  startIndexRun,
  type IndexResult,
  type UpdateIndexOptions,
} from './index-run.js';
import { writeChangedPages } from './index-write.js';
import { s3Uri, validateBucketName, validatePrefix, type S3Acl } from '../s3/s3-plan.js';
import type { S3ClientOptions, S3Session } from '../s3/s3-session.js';

export type { IndexResult, UpdateIndexOptions } from './index-run.js';

const DEFAULT_BACKOFF = { baseMs: 100, maxMs: 3000 };

/** Delay before round `round + 1`: "full jitter" (random in [0, cap]), so racers spread out. */
export function backoffDelay(
  round: number,
  backoff: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const cap = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, round - 1));
  return Math.floor(random() * cap);
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

/**
 * Read the pages, list the wheels, write what changed, with If-Match; again (bounded, with
 * backoff) for the pages another publisher changed meanwhile. See the header for why.
 */
export async function updateIndex(options: UpdateIndexOptions): Promise<IndexResult> {
  const { run, rounds } = startIndexRun(options);
  let pending = allPageKeys(run);
  let notListed = false;
  for (let attempt = 1; attempt <= rounds; attempt++) {
    // Read first, list second: see the header comment for why the order matters.
    const stored = await Promise.all(pending.map((key) => readPage(run, key)));
    const listed = await listWheels(run);
    notListed = !!options.expectFile && !listed.some((w) => w.fileName === options.expectFile);
    if (notListed) {
      // Stores with eventually consistent listings (some S3-compatible ones) can lag a PUT.
      run.log.info(
        `Index: ${options.expectFile} is not listed yet (attempt ${attempt}/${rounds}).`,
      );
    } else {
      const { files, lost } = await writeChangedPages(run, stored, listed);
      if (lost.length === 0) return indexResult(run, files, attempt);
      pending = lost;
      run.log.info(
        `Index: ${lost.join(', ')} changed while updating (another job is publishing); ` +
          `reading and listing again (round ${attempt}/${rounds}).`,
      );
    }
    if (attempt < rounds) {
      await sleep(backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF), run.signal);
    }
  }
  throw new PublishError(
    notListed
      ? `The index was not updated: ${options.expectFile} did not appear in the listing of ` +
          `${s3Uri(run.bucket, run.prefix)} after ${rounds} attempts. The wheel itself is published.`
      : `The index pages ${pending.join(', ')} kept changing while updating them ` +
          `(${rounds} rounds); the wheel itself is published.`,
    {
      fix:
        'run the job again: the next publish rebuilds the pages from the listing; if many ' +
        'jobs publish into this prefix at once, let them publish the index one after another.',
    },
  );
}

export interface S3IndexOptions extends S3ClientOptions {
  bucket: string;
  prefix: string;
  acl: S3Acl;
  distribution: string;
  expectFile?: string;
  /** Upper bound for the whole update (default 5 minutes). */
  timeoutMs?: number;
}

/**
 * The I/O edge for the action: the run's S3 session (credentials masked before any request, its
 * cancellation), a deadline, and every S3 failure turned into a PublishError that names the
 * missing permission; a cancel is thrown as the cancellation it is.
 */
export async function publishIndex(
  session: S3Session,
  options: S3IndexOptions,
  log: Log,
): Promise<IndexResult> {
  const bucket = validateBucketName(options.bucket);
  const prefix = validatePrefix(options.prefix);
  const signal = session.deadline(options.timeoutMs ?? 5 * 60_000);
  try {
    return await updateIndex({
      session,
      bucket,
      prefix,
      acl: options.acl,
      distribution: options.distribution,
      expectFile: options.expectFile,
      region: session.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      log,
      signal,
    });
  } catch (error) {
    if (error instanceof PublishError) throw error;
    session.signal.throwIfAborted();
    throw describeIndexError(error, {
      bucket,
      prefix,
      region: session.region,
      endpoint: options.endpoint,
      aborted: signal.aborted,
      secrets: session.secrets,
    });
  }
}
