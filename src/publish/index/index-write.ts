/**
 * Renders the index pages (index-pages.ts) from what was read and listed, and writes those that
 * differ, each only if its ETag is still the one read (If-None-Match: * when creating it). A page
 * another publisher changed meanwhile is handed back to be read, listed and written again.
 */
import { createHash } from 'node:crypto';

import { flatPage, projectPage, rootPage } from './index-pages.js';
import { isPreconditionFailure, s3ErrorCode } from '../s3/s3-errors.js';
import { withHashes } from './index-read.js';
import type { IndexRun, Listed, StoredPage } from './index-run.js';
import { aclParams } from '../s3/s3-session.js';

const CONTENT_TYPE = 'text/html; charset=utf-8';
/** Pages change with every publish; caches must revalidate (the wheels stay immutable). */
const PAGE_CACHE_CONTROL = 'no-cache';

/**
 * Renders every page read from the listing and writes those that differ; returns the project's
 * files and the pages another publisher changed meanwhile (to read, list and write again).
 */
export async function writeChangedPages(
  run: IndexRun,
  stored: readonly StoredPage[],
  listed: Listed[],
): Promise<{ files: string[]; lost: string[] }> {
  const { keys, project } = run;
  const wheels = await withHashes(run, listed);
  const own = new Set(listed.filter((w) => w.project === project).map((w) => w.fileName));
  const ownWheels = wheels.filter((wheel) => own.has(wheel.fileName));
  const files = ownWheels.map((wheel) => wheel.fileName).sort();
  const projects = listed.map((wheel) => wheel.project);
  // Every byte we write goes through the run's redaction (a page quotes other wheels' metadata
  // and yank reasons); what is compared with the stored page is what would be written.
  const render = (key: string): string => {
    if (keys.project.includes(key)) return run.session.redact(projectPage(project, ownWheels));
    if (keys.root.includes(key)) return run.session.redact(rootPage(projects));
    return run.session.redact(flatPage(wheels));
  };
  const outcomes = await Promise.allSettled(
    stored.map(async (page) => {
      const body = render(page.key);
      if (page.body === body) {
        if (!run.statuses.has(page.key)) run.statuses.set(page.key, 'unchanged');
        return;
      }
      await writePage(run, page, body);
      run.statuses.set(page.key, page.etag ? 'updated' : 'created');
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
  return { files, lost };
}

/** Writes one page if its ETag is still the one read (If-None-Match: * when creating it). */
async function writePage(run: IndexRun, page: StoredPage, body: string): Promise<void> {
  const bytes = Buffer.from(body, 'utf8');
  await run.session.send(
    'PutObject',
    {
      Bucket: run.bucket,
      Key: page.key,
      Body: bytes,
      ContentLength: bytes.length,
      ContentType: CONTENT_TYPE,
      CacheControl: PAGE_CACHE_CONTROL,
      ...aclParams(run.options.acl),
      ...(page.etag ? { IfMatch: page.etag } : { IfNoneMatch: '*' }),
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: createHash('sha256').update(bytes).digest('base64'),
    },
    { signal: run.signal },
  );
}
