import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  MAX_PARTS,
  base64ToHex,
  cacheControl,
  encodeKey,
  hexToBase64,
  objectUrl,
  parseEndpoint,
  planUpload,
  resolveRegion,
  s3Key,
  s3Uri,
  validateBucketName,
  validatePrefix,
} from '../../../src/publish/s3/s3-plan.js';
import { thrownInputError } from '../../helpers/input-error.js';

describe('validateBucketName', () => {
  it.each(['abc', 'my-wheels', 'wheels.example.com', 'a1-b2.c3', 'x'.repeat(63)])(
    'accepts %s',
    (name) => {
      expect(validateBucketName(name)).toBe(name);
    },
  );

  it.each([
    ['ab', '3 to 63'],
    ['x'.repeat(64), '3 to 63'],
    ['My-Wheels', 'lowercase'],
    ['my_wheels', 'lowercase'],
    ['-wheels', 'begin and end'],
    ['wheels-', 'begin and end'],
    ['a..b', 'adjacent dots'],
    ['192.168.5.4', 'IP address'],
    ['xn--wheels', "'xn--'"],
    ['sthree-wheels', "'sthree-'"],
    ['wheels-s3alias', "'-s3alias'"],
    ['wheels--x-s3', "'--x-s3'"],
    ['s3://wheels', 'scheme or a path'],
    ['wheels/dir', 'scheme or a path'],
  ])('rejects %s (%s)', (name, rule) => {
    const error = thrownInputError(() => validateBucketName(name));
    expect(error.input).toBe('s3-bucket');
    expect(error.message).toContain(rule);
    expect(error.message).toContain(name);
  });
});

describe('validatePrefix / s3Key', () => {
  it.each([
    ['', ''],
    ['wheels', 'wheels/'],
    ['wheels/', 'wheels/'],
    ['a/b/c', 'a/b/c/'],
    ['team x/v1.2', 'team x/v1.2/'],
  ])('normalizes %j to %j', (prefix, normalized) => {
    expect(validatePrefix(prefix)).toBe(normalized);
  });

  it.each([
    ['/wheels', "start with '/'"],
    ['a\\b', 'backslash'],
    ['a//b', 'empty segment'],
    ['a/../b', "'..' segment"],
    ['./a', "'.' segment"],
    ['a\nb', 'control characters'],
  ])('rejects %j', (prefix, rule) => {
    const error = thrownInputError(() => validatePrefix(prefix));
    expect(error.input).toBe('s3-prefix');
    expect(error.message).toContain(rule);
  });

  it('puts the wheel name after the normalized prefix', () => {
    expect(s3Key('', 'a-1.0-py3-none-any.whl')).toBe('a-1.0-py3-none-any.whl');
    expect(s3Key('wheels/a', 'a-1.0-py3-none-any.whl')).toBe('wheels/a/a-1.0-py3-none-any.whl');
    expect(s3Uri('b', 'wheels/a/a.whl')).toBe('s3://b/wheels/a/a.whl');
  });

  it('refuses keys longer than S3 allows and file names with a path', () => {
    expect(thrownInputError(() => s3Key('p'.repeat(1020), 'a-1.0-py3-none-any.whl')).input).toBe(
      's3-prefix',
    );
    thrownInputError(() => s3Key('', 'dir/a.whl'));
  });
});

describe('objectUrl', () => {
  const key = 'wheels/demo-1.0+cpu-cp311-cp311-linux_x86_64.whl';
  const encoded = 'wheels/demo-1.0%2Bcpu-cp311-cp311-linux_x86_64.whl';

  it('builds virtual-hosted AWS URLs and encodes + as %2B', () => {
    expect(objectUrl({ bucket: 'b1', key, region: 'eu-west-1', forcePathStyle: false })).toBe(
      `https://b1.s3.eu-west-1.amazonaws.com/${encoded}`,
    );
  });

  it('builds path-style AWS URLs when forced or when the bucket has dots', () => {
    expect(objectUrl({ bucket: 'b1', key, region: 'us-east-1', forcePathStyle: true })).toBe(
      `https://s3.us-east-1.amazonaws.com/b1/${encoded}`,
    );
    expect(objectUrl({ bucket: 'a.b', key, region: 'us-east-2', forcePathStyle: false })).toBe(
      `https://s3.us-east-2.amazonaws.com/a.b/${encoded}`,
    );
  });

  it('uses the China partition domain for cn- regions', () => {
    expect(objectUrl({ bucket: 'b1', key: 'k', region: 'cn-north-1', forcePathStyle: false })).toBe(
      'https://b1.s3.cn-north-1.amazonaws.com.cn/k',
    );
  });

  it("keeps a custom endpoint's scheme, host, port and base path", () => {
    const base = { bucket: 'b1', key, region: 'us-east-1' };
    expect(objectUrl({ ...base, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true })).toBe(
      `http://127.0.0.1:9000/b1/${encoded}`,
    );
    expect(
      objectUrl({ ...base, endpoint: 'https://minio.example.com:8443/', forcePathStyle: false }),
    ).toBe(`https://b1.minio.example.com:8443/${encoded}`);
    expect(
      objectUrl({ ...base, endpoint: 'https://gw.example.com/s3/', forcePathStyle: true }),
    ).toBe(`https://gw.example.com/s3/b1/${encoded}`);
  });

  it('encodes each key segment but keeps the slashes', () => {
    expect(encodeKey('team x/v1/a#b?.whl')).toBe('team%20x/v1/a%23b%3F.whl');
  });
});

describe('parseEndpoint', () => {
  it.each([
    ['minio:9000', 'http:// or https://'],
    ['not a url', 'not a URL'],
    ['https://user:pw@host', 'credentials'],
    ['https://host/?x=1', 'query'],
  ])('rejects %j', (endpoint, text) => {
    const error = thrownInputError(() => parseEndpoint(endpoint));
    expect(error.input).toBe('s3-endpoint');
    expect(error.describe()).toContain(text);
  });
});

describe('resolveRegion', () => {
  it('prefers the input, then AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1', () => {
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-central-1' };
    expect(resolveRegion('ap-south-1', env)).toBe('ap-south-1');
    expect(resolveRegion(undefined, env)).toBe('eu-west-1');
    expect(resolveRegion('', { AWS_DEFAULT_REGION: 'eu-central-1' })).toBe('eu-central-1');
    expect(resolveRegion(undefined, {})).toBe('us-east-1');
  });
});

describe('planUpload', () => {
  const MiB = 1024 * 1024;

  it('uses one PUT up to the threshold', () => {
    expect(planUpload(8 * MiB, 8 * MiB, 8 * MiB)).toEqual({
      multipart: false,
      partSize: 8 * MiB,
      parts: [{ partNumber: 1, start: 0, end: 8 * MiB }],
    });
    expect(planUpload(0, 8 * MiB, 8 * MiB).parts).toEqual([{ partNumber: 1, start: 0, end: 0 }]);
  });

  it('splits larger files into contiguous parts, the last one shorter', () => {
    const size = 23 * MiB + 5;
    const plan = planUpload(size, 5 * MiB, 5 * MiB);
    expect(plan.multipart).toBe(true);
    expect(plan.parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.parts.at(-1)).toEqual({ partNumber: 5, start: 20 * MiB, end: size });
    for (let i = 1; i < plan.parts.length; i++) {
      expect(plan.parts[i].start).toBe(plan.parts[i - 1].end);
    }
  });

  it('grows the part size to stay within 10,000 parts', () => {
    const size = 100_000 * MiB;
    const plan = planUpload(size, 5 * MiB, 5 * MiB);
    expect(plan.parts.length).toBeLessThanOrEqual(MAX_PARTS);
    expect(plan.partSize).toBe(Math.ceil(size / MAX_PARTS));
    expect(plan.parts.at(-1)?.end).toBe(size);
  });
});

describe('checksum encodings and cache policy', () => {
  it('converts a hex SHA-256 to the base64 S3 expects and back', () => {
    const digest = createHash('sha256').update('wheel').digest();
    expect(hexToBase64(digest.toString('hex'))).toBe(digest.toString('base64'));
    expect(base64ToHex(digest.toString('base64'))).toBe(digest.toString('hex'));
    expect(() => hexToBase64('abc')).toThrow('not a SHA-256');
  });

  it('caches release files for a year, publicly only when public-read', () => {
    expect(cacheControl('public-read')).toBe('public, max-age=31536000, immutable');
    expect(cacheControl('private')).toBe('private, max-age=31536000, immutable');
  });
});
