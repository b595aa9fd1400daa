/**
 * Exact texts and edges of the S3 plan: each bucket rule at both sides of its bound, every
 * reserved prefix and suffix, the prefix and key limits, the endpoint refusals one by one, and the
 * multipart layout where sizes divide exactly or not.
 */
import { describe, expect, it } from 'vitest';

import {
  DEFAULT_PART_SIZE,
  DEFAULT_QUEUE_SIZE,
  MAX_PARTS,
  hexToBase64,
  objectUrl,
  parseEndpoint,
  planUpload,
  s3Key,
  validateBucketName,
  validatePrefix,
} from '../../../src/publish/s3/s3-plan.js';
import { thrownInputError } from '../../helpers/input-error.js';

const MiB = 1024 * 1024;

describe('validateBucketName', () => {
  it('says which rule failed and how to fix it', () => {
    const error = thrownInputError(() => validateBucketName('s3://wheels/x'));
    expect(error.input).toBe('s3-bucket');
    expect(error.message).toBe(
      "'s3://wheels/x' is not a valid S3 bucket name: it contains a scheme or a path.",
    );
    expect(error.fix).toBe(
      'use the bucket name only (no s3:// and no path; put the path in s3-prefix).',
    );
  });

  it.each([
    ['ab', 'it must be 3 to 63 characters long'],
    ['a'.repeat(64), 'it must be 3 to 63 characters long'],
    ['a.B', 'only lowercase letters, digits, dots and hyphens are allowed'],
    ['a b', 'only lowercase letters, digits, dots and hyphens are allowed'],
    ['.wheels', 'it must begin and end with a letter or a digit'],
    ['wheels.', 'it must begin and end with a letter or a digit'],
    ['a..b', 'it must not contain two adjacent dots'],
    ['0.0.0.0', 'it must not look like an IP address'],
    ['255.255.255.255', 'it must not look like an IP address'],
    ['xn--abc', "the prefix 'xn--' is reserved"],
    ['sthree-abc', "the prefix 'sthree-' is reserved"],
    ['amzn-s3-demo-abc', "the prefix 'amzn-s3-demo-' is reserved"],
    ['abc-s3alias', "the suffix '-s3alias' is reserved"],
    ['abc--ol-s3', "the suffix '--ol-s3' is reserved"],
    ['abc.mrap', "the suffix '.mrap' is reserved"],
    ['abc--x-s3', "the suffix '--x-s3' is reserved"],
    ['abc--table-s3', "the suffix '--table-s3' is reserved"],
  ])('refuses %j: %s', (name, rule) => {
    expect(thrownInputError(() => validateBucketName(name)).message).toBe(
      `'${name}' is not a valid S3 bucket name: ${rule}.`,
    );
  });

  it.each([
    // Dotted digits that are not four groups of one to three digits are not an IP address.
    '1.2.3',
    '1.2.3.4.5',
    '1234.1.1.1',
    '1.2.3.4567',
    'a1.2.3.4',
    '1.2.3.4a',
    // The reserved words only count at their own end of the name.
    'abc-xn--abc',
    'abc-s3alias-abc',
    'abc.mrap.abc',
    'a-b',
    '0ab',
    'ab9',
  ])('accepts %j', (name) => {
    expect(validateBucketName(name)).toBe(name);
  });
});

describe('validatePrefix', () => {
  it('says which rule failed and how to fix it', () => {
    const error = thrownInputError(() => validatePrefix('a//b'));
    expect(error.input).toBe('s3-prefix');
    expect(error.message).toBe(
      "'a//b' is not a valid S3 key prefix: it must not contain an empty segment ('//').",
    );
    expect(error.fix).toBe(
      "use a relative path such as 'wheels/mylib/' (segments separated by '/').",
    );
  });

  it.each([
    ['/a', "it must not start with '/'"],
    ['a\\b/', 'it must not contain a backslash'],
    ['a\u0000b', 'it must not contain control characters'],
    ['a\u001fb', 'it must not contain control characters'],
    ['a\u007fb', 'it must not contain control characters'],
    ['a/./b', "it must not contain a '.' segment"],
    ['a/..', "it must not contain a '..' segment"],
    ['../', "it must not contain a '..' segment"],
  ])('refuses %j: %s', (prefix, rule) => {
    expect(thrownInputError(() => validatePrefix(prefix)).message).toBe(
      `'${prefix}' is not a valid S3 key prefix: ${rule}.`,
    );
  });

  it.each([
    ['a b\u0080~', 'a b\u0080~/'],
    ['.a/b.', '.a/b./'],
    ['.../x', '.../x/'],
  ])('accepts %j', (prefix, normalized) => {
    expect(validatePrefix(prefix)).toBe(normalized);
  });
});

describe('s3Key', () => {
  const wheel = 'a-1.0-py3-none-any.whl';

  it.each(['', 'dir/a.whl', 'dir\\a.whl'])('refuses the file name %j', (fileName) => {
    expect(thrownInputError(() => s3Key('p/', fileName)).message).toBe(
      `'${fileName}' is not a plain file name.`,
    );
  });

  it('allows a key of exactly 1024 UTF-8 bytes and refuses 1025', () => {
    const fits = `${'p'.repeat(1024 - wheel.length - 1)}/`;
    expect(s3Key(fits, wheel)).toHaveLength(1024);
    const error = thrownInputError(() => s3Key(`q${fits}`, wheel));
    expect(error.input).toBe('s3-prefix');
    expect(error.message).toBe(`The S3 key 'q${fits}${wheel}' is longer than 1024 bytes.`);
    expect(error.fix).toBe('use a shorter s3-prefix.');
  });

  it('counts bytes, not characters', () => {
    // 600 two-byte characters: 600 UTF-16 units, 1200 bytes.
    expect(thrownInputError(() => s3Key('é'.repeat(600), wheel)).input).toBe('s3-prefix');
  });
});

describe('parseEndpoint', () => {
  const fix = 'give the full URL of the S3-compatible server, e.g. https://minio.example.com:9000.';

  it('refuses what is not a URL, and other schemes', () => {
    const notUrl = thrownInputError(() => parseEndpoint('minio'));
    expect([notUrl.input, notUrl.message, notUrl.fix]).toEqual([
      's3-endpoint',
      "'minio' is not a URL.",
      fix,
    ]);
    const ftp = thrownInputError(() => parseEndpoint('ftp://minio:21'));
    expect([ftp.input, ftp.message, ftp.fix]).toEqual([
      's3-endpoint',
      "'ftp://minio:21' must use http:// or https://.",
      fix,
    ]);
  });

  it.each(['https://user@host', 'https://:pw@host', 'https://host/?x', 'https://host/#frag'])(
    'refuses credentials, a query or a fragment: %j',
    (endpoint) => {
      const error = thrownInputError(() => parseEndpoint(endpoint));
      expect([error.input, error.message, error.fix]).toEqual([
        's3-endpoint',
        'The endpoint URL must not contain credentials, a query or a fragment.',
        'give only scheme, host, port (and base path); credentials come from the AWS chain.',
      ]);
    },
  );

  it('accepts http and https with a port and a base path', () => {
    expect(parseEndpoint('http://127.0.0.1:9000').href).toBe('http://127.0.0.1:9000/');
    expect(parseEndpoint('https://gw.example.com/s3').href).toBe('https://gw.example.com/s3');
  });
});

describe('objectUrl', () => {
  it('drops every trailing slash of the base path', () => {
    expect(
      objectUrl({
        bucket: 'b1',
        key: 'k.whl',
        region: 'us-east-1',
        endpoint: 'https://gw.example.com/s3//',
        forcePathStyle: true,
      }),
    ).toBe('https://gw.example.com/s3/b1/k.whl');
  });

  it('uses path style on a custom endpoint when the bucket has dots', () => {
    expect(
      objectUrl({
        bucket: 'a.b',
        key: 'k.whl',
        region: 'us-east-1',
        endpoint: 'https://minio.example.com',
        forcePathStyle: false,
      }),
    ).toBe('https://minio.example.com/a.b/k.whl');
  });

  it("keeps the global domain for a region that only contains 'cn-'", () => {
    expect(objectUrl({ bucket: 'b1', key: 'k', region: 'xcn-1', forcePathStyle: false })).toBe(
      'https://b1.s3.xcn-1.amazonaws.com/k',
    );
  });
});

describe('hexToBase64', () => {
  const hex = '0123456789abcdef'.repeat(4);

  it('accepts upper case', () => {
    expect(hexToBase64(hex.toUpperCase())).toBe(Buffer.from(hex, 'hex').toString('base64'));
  });

  it.each([hex.slice(1), `${hex}0`, `x${hex}`, `${hex}x`, `${hex.slice(1)}g`])(
    'refuses %j',
    (bad) => {
      expect(() => hexToBase64(bad)).toThrow(new Error(`not a SHA-256 hex digest: '${bad}'`));
    },
  );
});

describe('planUpload', () => {
  it.each([
    [-1, 'invalid size -1'],
    [1.5, 'invalid size 1.5'],
    [Number.NaN, 'invalid size NaN'],
    [2 ** 53, `invalid size ${2 ** 53}`],
  ])('refuses the size %s', (size, message) => {
    expect(() => planUpload(size, MiB, MiB)).toThrow(new Error(message));
  });

  it.each([0, -1, 0.5, Number.POSITIVE_INFINITY])('refuses the part size %s', (partSize) => {
    expect(() => planUpload(10, partSize, 0)).toThrow(new Error('invalid part size'));
  });

  it('takes parts of one byte', () => {
    expect(planUpload(3, 1, 0)).toEqual({
      multipart: true,
      partSize: 1,
      parts: [
        { partNumber: 1, start: 0, end: 1 },
        { partNumber: 2, start: 1, end: 2 },
        { partNumber: 3, start: 2, end: 3 },
      ],
    });
  });

  it('splits one byte over the threshold into a full part and a one-byte part', () => {
    expect(planUpload(8 * MiB + 1, 8 * MiB, 8 * MiB)).toEqual({
      multipart: true,
      partSize: 8 * MiB,
      parts: [
        { partNumber: 1, start: 0, end: 8 * MiB },
        { partNumber: 2, start: 8 * MiB, end: 8 * MiB + 1 },
      ],
    });
  });

  it('adds no empty part when the size is a multiple of the part size', () => {
    expect(planUpload(10 * MiB, 5 * MiB, 0).parts).toEqual([
      { partNumber: 1, start: 0, end: 5 * MiB },
      { partNumber: 2, start: 5 * MiB, end: 10 * MiB },
    ]);
  });

  it('rounds the grown part size up, so the parts never exceed 10,000', () => {
    const size = MAX_PARTS * 5 * MiB + 1;
    const plan = planUpload(size, 5 * MiB, 5 * MiB);
    expect(plan.partSize).toBe(5 * MiB + 1);
    expect(plan.parts).toHaveLength(MAX_PARTS);
    expect(plan.parts.at(-1)).toEqual({
      partNumber: MAX_PARTS,
      start: (MAX_PARTS - 1) * (5 * MiB + 1),
      end: size,
    });
  });

  it('keeps a larger chosen part size', () => {
    expect(planUpload(20 * MiB, 16 * MiB, 0).partSize).toBe(16 * MiB);
  });
});

describe('the documented defaults (docs/publishing.md)', () => {
  it('are parts of 8 MiB, 4 in flight, at most 10,000 parts (S3)', () => {
    expect(DEFAULT_PART_SIZE).toBe(8_388_608);
    expect(DEFAULT_QUEUE_SIZE).toBe(4);
    expect(MAX_PARTS).toBe(10_000);
  });
});
