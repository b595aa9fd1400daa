import { describe, expect, it } from 'vitest';
import { PublishError } from '../../../src/base/errors.js';
import { nextListToken } from '../../../src/publish/index/list-plan.js';

describe('nextListToken', () => {
  it('follows new tokens and ends on a complete page', () => {
    const seen = new Set<string>();
    expect(
      nextListToken({ IsTruncated: true, NextContinuationToken: 'a' }, seen, 's3://b/p/'),
    ).toBe('a');
    expect(
      nextListToken({ IsTruncated: true, NextContinuationToken: 'b' }, seen, 's3://b/p/'),
    ).toBe('b');
    expect(
      nextListToken({ IsTruncated: false, NextContinuationToken: 'c' }, seen, 's3://b/p/'),
    ).toBeUndefined();
  });

  it('fails on a token it already followed (a cycle too), naming the listing and the input', () => {
    const seen = new Set<string>();
    nextListToken({ IsTruncated: true, NextContinuationToken: 'a' }, seen, 's3://b/p/');
    nextListToken({ IsTruncated: true, NextContinuationToken: 'b' }, seen, 's3://b/p/');
    let error: unknown;
    try {
      nextListToken({ IsTruncated: true, NextContinuationToken: 'a' }, seen, 's3://b/p/');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).input).toBe('s3-endpoint');
    expect((error as PublishError).message).toBe(
      'The listing of s3://b/p/ does not end: after 3 pages the server hands back a continuation token it already gave.',
    );
  });

  it('fails on a truncated page without a token', () => {
    expect(() => nextListToken({ IsTruncated: true }, new Set(), 's3://b/')).toThrow(
      'says "truncated" but gives no continuation token',
    );
  });
});

describe('nextListToken, exactly', () => {
  it('counts the pages, keeps each token it followed, and names the fix', () => {
    const seen = new Set<string>();
    expect(nextListToken({ NextContinuationToken: 'x' }, seen, 's3://b/')).toBeUndefined();
    expect(seen.size).toBe(0);
    expect(nextListToken({ IsTruncated: true, NextContinuationToken: 'a' }, seen, 'w')).toBe('a');
    expect([...seen]).toEqual(['a']);
    let error: unknown;
    try {
      nextListToken({ IsTruncated: true, NextContinuationToken: '' }, seen, 's3://b/p/');
    } catch (caught) {
      error = caught;
    }
    expect((error as PublishError).message).toBe(
      'The listing of s3://b/p/ does not end: after 2 pages the server says "truncated" but ' +
        'gives no continuation token.',
    );
    expect((error as PublishError).input).toBe('s3-endpoint');
    expect((error as PublishError).fix).toBe(
      'the server at s3-endpoint (or a proxy in front of S3) answers ListObjectsV2 wrongly; ' +
        'point s3-endpoint at S3 or a conforming S3-compatible server, then re-run.',
    );
  });
});
