/**
 * Pure guard of every prefix listing (the index update, yank): a server that hands back a
 * continuation token it already gave would make the listing loop forever (measured: 3,400 pages
 * in five minutes), so a repeated token ends the listing in a named failure.
 */
import { PublishError } from '../../base/errors.js';

export interface ListPage {
  IsTruncated?: boolean;
  NextContinuationToken?: string;
}

/**
 * The token for the next page, or undefined when the listing is complete; `seen` holds the
 * tokens used so far (the caller keeps one set per listing).
 */
export function nextListToken(
  page: ListPage,
  seen: Set<string>,
  where: string,
): string | undefined {
  if (!page.IsTruncated) return undefined;
  const token = page.NextContinuationToken;
  if (!token || seen.has(token)) {
    throw new PublishError(
      `The listing of ${where} does not end: after ${seen.size + 1} pages the server ` +
        (token
          ? 'hands back a continuation token it already gave.'
          : 'says "truncated" but gives no continuation token.'),
      {
        input: 's3-endpoint',
        fix:
          'the server at s3-endpoint (or a proxy in front of S3) answers ListObjectsV2 wrongly; ' +
          'point s3-endpoint at S3 or a conforming S3-compatible server, then re-run.',
      },
    );
  }
  seen.add(token);
  return token;
}
