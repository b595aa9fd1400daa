/**
 * The publishing inputs (S3 and the workflow artifact), read and checked with the others by
 * getInputs, before anything is built. Pure.
 */
import { InputError } from '../base/errors.js';
import type { InputReader } from './input-reader.js';
import { resolveArtifactName, validateRetentionDays } from '../publish/artifact/artifact-plan.js';
import {
  parseEndpoint,
  validateBucketName,
  validatePrefix,
  type S3Acl,
} from '../publish/s3/s3-plan.js';
import { parseVerifyPublished, type ReadMode } from '../publish/consumer/verify-published-plan.js';

export interface S3Inputs {
  bucket: string;
  prefix: string;
  region?: string;
  endpoint?: string;
  forcePathStyle: boolean;
  acl: S3Acl;
  overwrite: boolean;
  maxAttempts: number;
  index: boolean;
  /** How the consumer check reads what was published; undefined = no check. */
  verifyPublished?: ReadMode;
}

export interface ArtifactInputs {
  /** The raw `artifact-name` ('' = named after the wheel). */
  name: string;
  retentionDays?: number;
}

export function s3Inputs(read: InputReader): S3Inputs | undefined {
  const bucket = read.get('s3-bucket');
  const index = read.bool('s3-index');
  // Validated even without a bucket: a typo must not wait for the day S3 is switched on.
  const verifyPublished = parseVerifyPublished(read.get('verify-published'));
  if (bucket === '') {
    if (index) {
      throw new InputError('`s3-index` needs `s3-bucket`.', {
        input: 's3-index',
        fix: 'set `s3-bucket` (the index lives next to the wheels), or leave `s3-index` false.',
      });
    }
    return undefined;
  }
  const acl = s3Acl(read.get('s3-acl'));
  const maxAttempts = s3MaxAttempts(read.get('s3-max-attempts'));
  const endpoint = read.get('s3-endpoint') || undefined;
  if (endpoint !== undefined) parseEndpoint(endpoint);
  const region = s3Region(read.get('s3-region'));
  return {
    bucket: validateBucketName(bucket),
    prefix: validatePrefix(read.get('s3-prefix')),
    region,
    endpoint,
    forcePathStyle: read.bool('s3-force-path-style'),
    acl,
    overwrite: read.bool('s3-overwrite'),
    maxAttempts,
    index,
    ...(verifyPublished ? { verifyPublished } : {}),
  };
}

function s3Acl(acl: string): S3Acl {
  if (acl !== 'private' && acl !== 'public-read') {
    throw new InputError(`"${acl}" is not a supported ACL.`, {
      input: 's3-acl',
      fix: 'use private (the default; grant the platform read access by bucket policy) or public-read.',
    });
  }
  return acl;
}

function s3MaxAttempts(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 20) {
    throw new InputError(`"${raw}" is not a number of attempts.`, {
      input: 's3-max-attempts',
      fix: 'use a whole number from 1 (no retries) to 20.',
    });
  }
  return Number(raw);
}

/** undefined for '' (the SDK's own AWS_REGION / AWS_DEFAULT_REGION). */
function s3Region(region: string): string | undefined {
  if (region !== '' && !/^[a-z0-9-]+$/.test(region)) {
    throw new InputError(`"${region}" is not an AWS region name.`, {
      input: 's3-region',
      fix: 'use a region such as us-east-1 or eu-west-1, or leave it empty to use AWS_REGION.',
    });
  }
  return region || undefined;
}

export function artifactInputs(name: string, retention: string): ArtifactInputs | undefined {
  // Validated now against a sample wheel name, so a bad name fails before anything is built.
  if (resolveArtifactName(name, 'x-1-py3-none-any.whl') === undefined) return undefined;
  const retentionDays = validateRetentionDays(retention);
  return retentionDays === undefined ? { name } : { name, retentionDays };
}
