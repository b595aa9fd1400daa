/**
 * What the index is rendered from: the pages as stored (read before the listing; see
 * s3-index.ts for why), the wheels directly under the prefix with their sidecars, each wheel's
 * SHA-256 (one HEAD per object version) and what its sidecars say.
 */
import { parseWheelFileName } from '../../wheel/names.js';
import type { IndexWheel } from './index-pages.js';
import { metadataFacts, readSidecar, sidecarOf, type SidecarFacts } from './index-sidecars.js';
import { s3ErrorCode } from '../s3/s3-errors.js';
import { skipOnce, type IndexRun, type Listed, type StoredPage } from './index-run.js';
import { objectSha256 } from '../s3/s3-session.js';
import { nextListToken } from './list-plan.js';

const DEFAULT_HEAD_CONCURRENCY = 8;

/** A page as stored (body and ETag), or none yet (404). */
export async function readPage(run: IndexRun, key: string): Promise<StoredPage> {
  try {
    const object = await run.session.send(
      'GetObject',
      { Bucket: run.bucket, Key: key },
      { signal: run.signal },
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
}

/** The wheels directly under the prefix, each with its sidecars. */
export async function listWheels(run: IndexRun): Promise<Listed[]> {
  const { prefix } = run;
  const wheels: Listed[] = [];
  const sidecars: { wheel: string; kind: 'metadata' | 'yanked'; key: string; etag: string }[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await run.session.send(
      'ListObjectsV2',
      {
        Bucket: run.bucket,
        Prefix: prefix,
        // Wheels sit directly under the prefix; the simple/ tree and sub-folders are skipped.
        Delimiter: '/',
        ContinuationToken: token,
        MaxKeys: run.options.listPageSize,
      },
      { signal: run.signal, key: prefix },
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
        skipOnce(run, object.Key, 'its name is not a wheel name');
    }
    token = nextListToken(page, seen, `s3://${run.bucket}/${prefix}`);
  } while (token);
  for (const { wheel, ...sidecar } of sidecars) {
    wheels.find((w) => w.fileName === wheel)?.sidecars.push(sidecar);
  }
  return wheels;
}

/** Looks up the SHA-256 of each wheel; a wheel deleted since the listing is dropped. */
export async function withHashes(run: IndexRun, wheels: Listed[]): Promise<IndexWheel[]> {
  const found = await mapBounded(
    wheels,
    run.options.headConcurrency ?? DEFAULT_HEAD_CONCURRENCY,
    (wheel) => wheelHash(run, wheel),
  );
  return found.filter((wheel): wheel is IndexWheel => wheel !== undefined);
}

/** The SHA-256 of one wheel (HEAD once per object version); undefined when it was deleted. */
async function wheelHash(run: IndexRun, wheel: Listed): Promise<IndexWheel | undefined> {
  const id = `${wheel.key}\u0000${wheel.etag}`;
  if (!run.hashes.has(id)) {
    try {
      const head = await run.session.send(
        'HeadObject',
        { Bucket: run.bucket, Key: wheel.key, ChecksumMode: 'ENABLED' },
        { signal: run.signal },
      );
      run.hashes.set(id, objectSha256(head));
    } catch (error) {
      const { status } = s3ErrorCode(error);
      if (status === 404) return undefined;
      if (status !== 403) throw error;
      run.hashes.set(id, undefined);
      skipOnce(run, wheel.key, 'HEAD was refused, no s3:GetObject: linked without a hash');
    }
    if (run.hashes.get(id) === undefined) {
      skipOnce(run, wheel.key, 'no sha256 metadata or checksum: linked without a hash');
    }
  }
  const sha256 = run.hashes.get(id);
  return {
    fileName: wheel.fileName,
    ...(sha256 ? { sha256 } : {}),
    ...(await sidecarFacts(run, wheel)),
  };
}

/** What a wheel's sidecars say (requires-python, yanked), read once per sidecar version. */
async function sidecarFacts(run: IndexRun, wheel: Listed): Promise<SidecarFacts> {
  const out: SidecarFacts = {};
  for (const sidecar of wheel.sidecars) {
    const id = `${sidecar.key}\u0000${sidecar.etag}`;
    if (!run.facts.has(id)) {
      const bytes = await readSidecar(run.session, run.bucket, sidecar.key, run.signal);
      run.facts.set(
        id,
        bytes === undefined
          ? {}
          : sidecar.kind === 'metadata'
            ? metadataFacts(bytes)
            : { yanked: bytes.toString('utf8') },
      );
    }
    Object.assign(out, run.facts.get(id));
  }
  return out;
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
