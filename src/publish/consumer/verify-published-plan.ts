/**
 * Pure decisions of the consumer check (`verify-published`): how the platform reads, the pip
 * command that installs what was published, and what a refused read means for the user.
 */
import { InputError, PublishError } from '../../base/errors.js';

/** How the platform reads the bucket: unsigned requests, or signed with its own role. */
export type ReadMode = 'anonymous' | 'credentials';

/** `true`/`anonymous` -> anonymous, `credentials`, `false` -> undefined (no check). */
export function parseVerifyPublished(raw: string): ReadMode | undefined {
  const value = raw.trim().toLowerCase();
  if (value === 'true' || value === 'anonymous') return 'anonymous';
  if (value === 'credentials') return 'credentials';
  if (value === 'false') return undefined;
  throw new InputError(`"${raw}" is not a way to verify what was published.`, {
    input: 'verify-published',
    fix:
      'use true (= anonymous: the platform reads with unsigned requests), credentials (it ' +
      'reads with its own role), or false (no check).',
  });
}

/** Variables that would let pip (or anything it starts) reach S3 as the publisher. */
export const AWS_CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
] as const;

/**
 * The argv that installs `name==version` as the platform will: `env -u` strips every AWS
 * credential variable (the runner's, or an `env` line passed into the image) before the
 * interpreter starts, pip reads no configuration, and only the published location is searched.
 */
export function consumerInstallArgv(options: {
  python: string;
  distribution: string;
  version: string;
  target: string;
  /** The `simple/` URL (with s3-index); otherwise the wheel's URL is installed directly. */
  indexUrl?: string;
  wheelUrl: string;
  /** pip -v: its log shows which files it fetched (the PEP 658 metadata file). */
  verbose?: boolean;
}): string[] {
  const strip = AWS_CREDENTIAL_VARIABLES.flatMap((name) => ['-u', name]);
  const source = options.indexUrl
    ? ['--index-url', options.indexUrl, `${options.distribution}==${options.version}`]
    : [options.wheelUrl];
  return [
    'env',
    ...strip,
    options.python,
    '-E',
    '-s',
    '-m',
    'pip',
    'install',
    '--no-deps',
    '--no-cache-dir',
    '--disable-pip-version-check',
    '--no-compile',
    ...(options.verbose ? ['-v'] : []),
    '--target',
    options.target,
    ...source,
  ];
}

export interface ReadRefusal {
  /** HTTP status of the refused read. */
  status: number;
  url: string;
  bucket: string;
  /** Normalized prefix ('' or ending in '/'). */
  prefix: string;
  key: string;
  mode: ReadMode;
  acl: 'private' | 'public-read';
  /** What was read: the wheel, or an index page. */
  what: string;
}

const NEXT_RUN =
  'This failure cannot unpublish anything: the object stays in S3 as uploaded. Once read ' +
  'access is fixed, re-run the job: the identical object is skipped (not uploaded again), its ' +
  'ACL is brought in line with s3-acl, and the check runs again.';

/** The error for a 403/404 when reading what was published, with the fix for the case. */
export function readRefusedError(refusal: ReadRefusal): PublishError {
  const arn = `arn:aws:s3:::${refusal.bucket}/${refusal.prefix}*`;
  const how =
    refusal.mode === 'anonymous' ? 'an unsigned GET' : 'a GET signed with the credentials';
  const head = `The platform cannot read ${refusal.what}: ${how} of ${refusal.url} got HTTP ${refusal.status}.`;
  let fix: string;
  if (refusal.status === 404) {
    fix =
      refusal.mode === 'anonymous'
        ? `S3 answers 404 instead of 403 to a reader without s3:ListBucket, so this is either a ` +
          `missing object or missing read access: check that s3-endpoint/s3-region give the URL ` +
          `the platform uses, and grant s3:GetObject on ${arn} to the reader (see the 403 fixes).`
        : `Check that s3-endpoint/s3-region give the URL the platform uses and that the object ` +
          `exists; a reader without s3:ListBucket also gets 404 for an object it may not read.`;
  } else if (refusal.mode === 'credentials') {
    fix =
      `Grant the reading role s3:GetObject on ${arn} (bucket policy or its IAM policy), and ` +
      'kms:Decrypt when the bucket uses a KMS key.';
  } else {
    const acl =
      refusal.acl === 'private'
        ? 's3-acl is private: set s3-acl: public-read (the bucket must allow ACLs), or'
        : 'the object was written public-read, so something overrides the ACL:';
    fix =
      `${acl} add a bucket policy allowing s3:GetObject for Principal "*" on ${arn}; turn off ` +
      "the bucket's (or the account's) Block Public Access settings that block that policy or " +
      'the ACL; or, when the platform reads with its own role rather than anonymously, set ' +
      'verify-published: credentials.';
  }
  return new PublishError(`${head} ${NEXT_RUN}`, { input: 'verify-published', fix });
}
