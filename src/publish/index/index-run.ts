/**
 * One update of the pip index (index-update.ts): its options, the state its steps share and learn
 * across rounds (index-read.ts, index-write.ts), and the result it ends with.
 */
import { PublishError } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { normalizeProjectName, type WheelName } from '../../wheel/names.js';
import { indexKeys } from './index-pages.js';
import type { SidecarFacts } from './index-sidecars.js';
import { objectUrl, s3Uri, validateBucketName, validatePrefix, type S3Acl } from '../s3/s3-plan.js';
import type { S3Session } from '../s3/s3-session.js';

export interface UpdateIndexOptions {
  /** The run's session: its cancellation reaches every request of the update. */
  session: S3Session;
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
  /** The update's deadline (the session's cancellation applies in any case). */
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

/** A wheel directly under the prefix, as listed. */
export interface Listed extends WheelName {
  key: string;
  etag: string;
  /** `<wheel>.metadata` / `<wheel>.yanked` beside it (index-sidecars.ts). */
  sidecars: { kind: 'metadata' | 'yanked'; key: string; etag: string }[];
}

/** A page as read before the listing: its body and ETag, or neither when it does not exist. */
export interface StoredPage {
  key: string;
  etag?: string;
  body?: string;
}

/** One index update: what every step reads, and what it learns across rounds. */
export interface IndexRun {
  options: UpdateIndexOptions;
  session: S3Session;
  bucket: string;
  prefix: string;
  project: string;
  keys: ReturnType<typeof indexKeys>;
  log: Log;
  signal?: AbortSignal;
  /** SHA-256 per object version (key + ETag), kept across rounds: a retry HEADs new wheels only. */
  hashes: Map<string, string | undefined>;
  /** What each sidecar version (key + ETag) says, kept across rounds like the hashes. */
  facts: Map<string, SidecarFacts>;
  /** Keys already reported as skipped (each is logged once). */
  warned: Set<string>;
  /** Page statuses so far: a page written in an earlier round stays `created`/`updated`. */
  statuses: Map<string, PageStatus>;
}

const DEFAULT_ATTEMPTS = 8;

/** The run of an update, its options checked; and how many rounds it may take. */
export function startIndexRun(options: UpdateIndexOptions): { run: IndexRun; rounds: number } {
  const bucket = validateBucketName(options.bucket);
  const prefix = validatePrefix(options.prefix);
  const project = normalizeProjectName(options.distribution);
  const run: IndexRun = {
    options,
    session: options.session,
    bucket,
    prefix,
    project,
    keys: indexKeys(prefix, project),
    log: options.log,
    signal: options.signal,
    hashes: new Map(),
    facts: new Map(),
    warned: new Set(),
    statuses: new Map(),
  };
  const rounds = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new PublishError(`index rounds must be a positive integer, got ${rounds}.`);
  }
  return { run, rounds };
}

/** Every page of the index: the project's, the root's and the flat find-links page. */
export function allPageKeys(run: IndexRun): string[] {
  return [...run.keys.project, ...run.keys.root, run.keys.flat];
}

/** Logs a key the index leaves out or links without a hash, once per key. */
export function skipOnce(run: IndexRun, key: string, why: string): void {
  if (run.warned.has(key)) return;
  run.warned.add(key);
  run.log.info(`Index: ignoring ${s3Uri(run.bucket, key)} (${why}).`);
}

/** The result of a finished update, and its one log line. */
export function indexResult(run: IndexRun, files: string[], attempt: number): IndexResult {
  const { options, keys } = run;
  const url = (key: string) =>
    objectUrl({
      bucket: run.bucket,
      key,
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
    });
  const pages = allPageKeys(run).map((key) => ({
    key,
    status: run.statuses.get(key) ?? 'unchanged',
  }));
  const written = pages.filter((page) => page.status !== 'unchanged');
  run.log.info(
    `Index: ${files.length} wheel(s) of ${run.project} on ${url(keys.project[0]!)}; ` +
      (written.length
        ? `wrote ${written.map((page) => `${page.key} (${page.status})`).join(', ')}`
        : 'every page was already up to date') +
      (attempt > 1 ? ` after ${attempt} rounds.` : '.'),
  );
  return {
    indexUrl: url(keys.root[0]!),
    projectUrl: url(keys.project[0]!),
    findLinksUrl: url(keys.flat),
    project: run.project,
    files,
    pages,
    attempts: attempt,
  };
}
