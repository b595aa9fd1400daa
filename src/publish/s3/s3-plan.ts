/**
 * Pure decisions for the S3 publisher: validated names, the object key, its URLs, the multipart
 * layout. No I/O here, so every rule is unit-testable.
 */
import { InputError } from '../../base/errors.js';

export type S3Acl = 'private' | 'public-read';

/** S3's own limits. */
export const MAX_PARTS = 10_000;
const MAX_KEY_BYTES = 1024;

/** Part size and single-PUT threshold when the caller does not choose: 8 MiB, like the AWS CLI. */
export const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/** Parts in flight at once; memory is bounded by partSize x queueSize. */
export const DEFAULT_QUEUE_SIZE = 4;

/**
 * Checks a bucket name against S3's naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html) so that a typo
 * fails before any request, with a message that says which rule.
 */
export function validateBucketName(name: string): string {
  const fail = (rule: string): never => {
    throw new InputError(`'${name}' is not a valid S3 bucket name: ${rule}.`, {
      input: 's3-bucket',
      fix: 'use the bucket name only (no s3:// and no path; put the path in s3-prefix).',
    });
  };
  // An s3:// URI contains '/' too.
  if (name.includes('/')) fail('it contains a scheme or a path');
  if (name.length < 3 || name.length > 63) fail('it must be 3 to 63 characters long');
  if (!/^[a-z0-9.-]+$/.test(name)) {
    fail('only lowercase letters, digits, dots and hyphens are allowed');
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    fail('it must begin and end with a letter or a digit');
  }
  if (name.includes('..')) fail('it must not contain two adjacent dots');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) fail('it must not look like an IP address');
  for (const reserved of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
    if (name.startsWith(reserved)) fail(`the prefix '${reserved}' is reserved`);
  }
  for (const reserved of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
    if (name.endsWith(reserved)) fail(`the suffix '${reserved}' is reserved`);
  }
  return name;
}

/**
 * Validates the key prefix and returns it normalized: empty stays empty, anything else ends in
 * `/`. pip takes the wheel's name from the last URL path segment, so `wheels/v1` + the file name
 * must become `wheels/v1/<file>`, never `wheels/v1<file>` (pip would reject that name).
 */
export function validatePrefix(prefix: string): string {
  if (prefix === '') return '';
  const fail = (rule: string): never => {
    throw new InputError(`'${prefix}' is not a valid S3 key prefix: ${rule}.`, {
      input: 's3-prefix',
      fix: "use a relative path such as 'wheels/mylib/' (segments separated by '/').",
    });
  };
  if (prefix.startsWith('/')) fail("it must not start with '/'");
  if (prefix.includes('\\')) fail('it must not contain a backslash');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(prefix)) fail('it must not contain control characters');
  const normalized = prefix.endsWith('/') ? prefix : `${prefix}/`;
  for (const segment of normalized.slice(0, -1).split('/')) {
    if (segment === '') fail("it must not contain an empty segment ('//')");
    if (segment === '.' || segment === '..') fail(`it must not contain a '${segment}' segment`);
  }
  return normalized;
}

/** The object key: the normalized prefix followed by the wheel's file name. */
export function s3Key(prefix: string, fileName: string): string {
  if (fileName === '' || fileName.includes('/') || fileName.includes('\\')) {
    throw new InputError(`'${fileName}' is not a plain file name.`);
  }
  const key = `${validatePrefix(prefix)}${fileName}`;
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new InputError(`The S3 key '${key}' is longer than ${MAX_KEY_BYTES} bytes.`, {
      input: 's3-prefix',
      fix: 'use a shorter s3-prefix.',
    });
  }
  return key;
}

export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** Region: explicit input, then the AWS environment, then S3's default region. */
export function resolveRegion(
  explicit: string | undefined,
  env: Record<string, string | undefined>,
): string {
  return explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}

/** Parses `s3-endpoint`: an http(s) URL without query or credentials. */
export function parseEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new InputError(`'${endpoint}' is not a URL.`, {
      input: 's3-endpoint',
      fix: 'give the full URL of the S3-compatible server, e.g. https://minio.example.com:9000.',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`'${endpoint}' must use http:// or https://.`, {
      input: 's3-endpoint',
      fix: 'give the full URL of the S3-compatible server, e.g. https://minio.example.com:9000.',
    });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError('The endpoint URL must not contain credentials, a query or a fragment.', {
      input: 's3-endpoint',
      fix: 'give only scheme, host, port (and base path); credentials come from the AWS chain.',
    });
  }
  return url;
}

/**
 * Encodes a key for a URL path, segment by segment. `+` becomes %2B: S3 reads a literal `+` in
 * a path as a space, and wheel names carry `+` in local versions (`1.0+cpu`).
 */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

export interface ObjectUrlOptions {
  bucket: string;
  key: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
}

/**
 * The https URL of the object. AWS: virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com/<key>`
 * unless path style is forced or the bucket name has dots (a dotted host does not match S3's
 * wildcard TLS certificate); then `https://s3.<region>.amazonaws.com/<bucket>/<key>`. A custom
 * endpoint keeps its scheme, host, port and base path.
 */
export function objectUrl(options: ObjectUrlOptions): string {
  const path = encodeKey(options.key);
  const pathStyle = options.forcePathStyle || options.bucket.includes('.');
  if (options.endpoint) {
    const url = parseEndpoint(options.endpoint);
    const base = url.pathname.replace(/\/+$/, '');
    if (pathStyle) return `${url.protocol}//${url.host}${base}/${options.bucket}/${path}`;
    return `${url.protocol}//${options.bucket}.${url.host}${base}/${path}`;
  }
  const suffix = options.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const host = `s3.${options.region}.${suffix}`;
  if (pathStyle) return `https://${host}/${options.bucket}/${path}`;
  return `https://${options.bucket}.${host}/${path}`;
}

/** Cache policy for a release file: its name carries the version, its bytes never change. */
/**
 * The dependency line that installs this file or nothing: its URL with pip's hash fragment
 * (every pip from 8 on checks `#sha256=` before installing).
 */
export function pinnedRequirement(url: string, sha256: string): string {
  return `${url}#sha256=${sha256.toLowerCase()}`;
}

export function cacheControl(acl: S3Acl): string {
  return `${acl === 'public-read' ? 'public' : 'private'}, max-age=31536000, immutable`;
}

/** S3 wants base64 checksums; the pipeline carries hex. */
export function hexToBase64(hex: string): string {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`not a SHA-256 hex digest: '${hex}'`);
  return Buffer.from(hex, 'hex').toString('base64');
}

export function base64ToHex(base64: string): string {
  return Buffer.from(base64, 'base64').toString('hex');
}

export interface PartRange {
  /** 1-based, as S3 numbers parts. */
  partNumber: number;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface UploadPlan {
  multipart: boolean;
  partSize: number;
  parts: PartRange[];
}

/**
 * Single PUT up to `threshold` bytes, otherwise parts of `partSize` (grown if the file would need
 * more than S3's 10,000 parts). Part sizes below S3's 5 MiB minimum are not refused here: the
 * server decides (tests use that to make a completion fail).
 */
export function planUpload(size: number, partSize: number, threshold: number): UploadPlan {
  if (!Number.isSafeInteger(size) || size < 0) throw new Error(`invalid size ${size}`);
  if (!Number.isSafeInteger(partSize) || partSize < 1) throw new Error(`invalid part size`);
  if (size <= threshold) {
    return { multipart: false, partSize: size, parts: [{ partNumber: 1, start: 0, end: size }] };
  }
  const effective = Math.max(partSize, Math.ceil(size / MAX_PARTS));
  const parts: PartRange[] = [];
  for (let start = 0, n = 1; start < size; start += effective, n++) {
    parts.push({ partNumber: n, start, end: Math.min(start + effective, size) });
  }
  return { multipart: true, partSize: effective, parts };
}
