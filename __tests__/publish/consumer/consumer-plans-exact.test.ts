// The consumer check's plans word for word: every refusal, read fault and wrong-file failure
// (message and fix), the exact argv of pip install and pip download, the read limits and their
// boundaries. The mutation group `consumerplans` holds these against every mutant.
import { describe, expect, it } from 'vitest';
import { InputError, PublishError } from '../../../src/base/errors.js';
import {
  pageReadLimits,
  readFaultError,
  wheelReadLimits,
  windowTarget,
  type ReadFault,
} from '../../../src/publish/consumer/consumer-read-plan.js';
import {
  consumerDownloadArgv,
  whyPipPreferred,
  wrongFileError,
} from '../../../src/publish/consumer/pip-choice-plan.js';
import {
  AWS_CREDENTIAL_VARIABLES,
  consumerInstallArgv,
  parseVerifyPublished,
  readRefusedError,
  type ReadRefusal,
} from '../../../src/publish/consumer/verify-published-plan.js';

/** The `env -u NAME ...` prefix that strips every AWS credential variable. */
const STRIP = [
  '-u',
  'AWS_ACCESS_KEY_ID',
  '-u',
  'AWS_SECRET_ACCESS_KEY',
  '-u',
  'AWS_SESSION_TOKEN',
  '-u',
  'AWS_SECURITY_TOKEN',
  '-u',
  'AWS_PROFILE',
  '-u',
  'AWS_DEFAULT_PROFILE',
  '-u',
  'AWS_SHARED_CREDENTIALS_FILE',
  '-u',
  'AWS_CONFIG_FILE',
  '-u',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  '-u',
  'AWS_ROLE_ARN',
  '-u',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  '-u',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  '-u',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
];

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('parseVerifyPublished', () => {
  it('reads the four words in any case with blanks around, and refuses anything else', () => {
    expect(parseVerifyPublished(' TRUE\n')).toBe('anonymous');
    expect(parseVerifyPublished('\tAnonymous ')).toBe('anonymous');
    expect(parseVerifyPublished(' Credentials ')).toBe('credentials');
    expect(parseVerifyPublished(' FALSE ')).toBeUndefined();
    const error = thrown(() => parseVerifyPublished(' Signed ')) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.input).toBe('verify-published');
    expect(error.message).toBe('" Signed " is not a way to verify what was published.');
    expect(error.fix).toBe(
      'use true (= anonymous: the platform reads with unsigned requests), credentials (it ' +
        'reads with its own role), or false (no check).',
    );
  });
});

describe('consumerInstallArgv and consumerDownloadArgv', () => {
  it('strip exactly the AWS credential variables, in this order', () => {
    expect(AWS_CREDENTIAL_VARIABLES.flatMap((name) => ['-u', name])).toEqual(STRIP);
  });

  it('install name==version from the index, or the wheel URL, verbosely on demand', () => {
    const common = {
      python: '/py',
      distribution: 'demo',
      version: '1.0',
      target: '/t',
      wheelUrl: 'https://b/p/demo.whl',
    };
    const pip = ['/py', '-E', '-s', '-m', 'pip', 'install', '--no-deps', '--no-cache-dir'];
    const quiet = ['--disable-pip-version-check', '--no-compile'];
    expect(consumerInstallArgv({ ...common, indexUrl: 'https://b/p/simple/' })).toEqual([
      'env',
      ...STRIP,
      ...pip,
      ...quiet,
      '--target',
      '/t',
      '--index-url',
      'https://b/p/simple/',
      'demo==1.0',
    ]);
    expect(consumerInstallArgv({ ...common, verbose: true })).toEqual([
      'env',
      ...STRIP,
      ...pip,
      ...quiet,
      '-v',
      '--target',
      '/t',
      'https://b/p/demo.whl',
    ]);
    expect(consumerInstallArgv({ ...common, verbose: false })).toEqual([
      'env',
      ...STRIP,
      ...pip,
      ...quiet,
      '--target',
      '/t',
      'https://b/p/demo.whl',
    ]);
  });

  it('download into the folder without deps, cache or version check, verbosely', () => {
    expect(
      consumerDownloadArgv({ python: '/py', dest: '/d', source: ['--index-url', 'u', 'demo==1'] }),
    ).toEqual([
      'env',
      ...STRIP,
      '/py',
      '-E',
      '-s',
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--no-cache-dir',
      '--disable-pip-version-check',
      '-v',
      '-d',
      '/d',
      '--index-url',
      'u',
      'demo==1',
    ]);
  });
});

describe('readRefusedError', () => {
  const refusal = (over: Partial<ReadRefusal>): ReadRefusal => ({
    status: 403,
    url: 'https://b.s3.amazonaws.com/p/demo.whl',
    bucket: 'b',
    prefix: 'p/',
    key: 'p/demo.whl',
    mode: 'anonymous',
    acl: 'private',
    what: 'the published wheel',
    ...over,
  });
  const NEXT_RUN =
    'This failure cannot unpublish anything: the object stays in S3 as uploaded. Once read ' +
    'access is fixed, re-run the job: the identical object is skipped (not uploaded again), its ' +
    'ACL is brought in line with s3-acl, and the check runs again.';
  const head = (how: string, status: number) =>
    `The platform cannot read the published wheel: ${how} of ` +
    `https://b.s3.amazonaws.com/p/demo.whl got HTTP ${status}. ${NEXT_RUN}`;
  const POLICY =
    'add a bucket policy allowing s3:GetObject for Principal "*" on arn:aws:s3:::b/p/*; turn off ' +
    "the bucket's (or the account's) Block Public Access settings that block that policy or " +
    'the ACL; or, when the platform reads with its own role rather than anonymously, set ' +
    'verify-published: credentials.';

  const cases: [Partial<ReadRefusal>, string, string][] = [
    [
      {},
      head('an unsigned GET', 403),
      `s3-acl is private: set s3-acl: public-read (the bucket must allow ACLs), or ${POLICY}`,
    ],
    [
      { acl: 'public-read' },
      head('an unsigned GET', 403),
      `the object was written public-read, so something overrides the ACL: ${POLICY}`,
    ],
    [
      { mode: 'credentials' },
      head('a GET signed with the credentials', 403),
      'Grant the reading role s3:GetObject on arn:aws:s3:::b/p/* (bucket policy or its IAM ' +
        'policy), and kms:Decrypt when the bucket uses a KMS key.',
    ],
    [
      { status: 404 },
      head('an unsigned GET', 404),
      'S3 answers 404 instead of 403 to a reader without s3:ListBucket, so this is either a ' +
        'missing object or missing read access: check that s3-endpoint/s3-region give the URL ' +
        'the platform uses, and grant s3:GetObject on arn:aws:s3:::b/p/* to the reader (see the ' +
        '403 fixes).',
    ],
    [
      { status: 404, mode: 'credentials' },
      head('a GET signed with the credentials', 404),
      'Check that s3-endpoint/s3-region give the URL the platform uses and that the object ' +
        'exists; a reader without s3:ListBucket also gets 404 for an object it may not read.',
    ],
  ];
  it.each(cases)('%j: the message and the fix word for word', (over, message, fix) => {
    const error = readRefusedError(refusal(over));
    expect(error).toBeInstanceOf(PublishError);
    expect(error.input).toBe('verify-published');
    expect(error.message).toBe(message);
    expect(error.fix).toBe(fix);
  });
});

describe('read limits', () => {
  it('bound the wheel by its size, a page by 32 MiB, with 16 KiB per 20 s', () => {
    expect(wheelReadLimits(882, 90_000)).toEqual({
      maxBytes: 882,
      expectedBytes: 882,
      windowMs: 20_000,
      minBytesPerWindow: 16_384,
      timeoutMs: 90_000,
    });
    expect(pageReadLimits(60_000)).toEqual({
      maxBytes: 33_554_432,
      windowMs: 20_000,
      minBytesPerWindow: 16_384,
      timeoutMs: 60_000,
    });
  });

  it('ask a window for the rest of a known size, at least one byte, at most the minimum', () => {
    const wheel = wheelReadLimits(20_000, 1);
    expect(windowTarget(wheel, 0)).toBe(16_384);
    expect(windowTarget(wheel, 3_616)).toBe(16_384);
    expect(windowTarget(wheel, 3_617)).toBe(16_383);
    expect(windowTarget(wheel, 19_999)).toBe(1);
    expect(windowTarget(wheel, 20_000)).toBe(1);
    expect(windowTarget(wheel, 25_000)).toBe(1);
    expect(windowTarget(pageReadLimits(1), 33_554_000)).toBe(16_384);
  });
});

describe('readFaultError', () => {
  const NETWORK =
    're-run the job; if it persists, check what answers at that URL for the platform ' +
    '(s3-endpoint, s3-region, a proxy or CDN in front of the bucket).';
  const OTHER =
    'something other than the uploaded object answers at that URL (a proxy, a CDN, a wrong ' +
    `s3-endpoint, or another job overwrote it): ${NETWORK}`;
  const wheel = { what: 'the wheel', url: 'https://u/w.whl', limits: wheelReadLimits(882, 90_000) };
  const page = { what: 'the page', url: 'https://u/s/', limits: pageReadLimits(60_000) };
  const faults: [ReadFault, typeof wheel, string, string][] = [
    [
      { kind: 'too-large', announced: 9000, received: 0 },
      wheel,
      "The platform's read of the wheel (https://u/w.whl) was stopped: the server announces " +
        '9000 bytes, but the published wheel is 882 bytes.',
      OTHER,
    ],
    [
      { kind: 'too-large', received: 900 },
      wheel,
      "The platform's read of the wheel (https://u/w.whl) was stopped: the server sent more " +
        'than 882 bytes, but the published wheel is 882 bytes.',
      OTHER,
    ],
    [
      { kind: 'too-large', announced: 0, received: 0 },
      page,
      "The platform's read of the page (https://u/s/) was stopped: the server announces 0 " +
        'bytes, but the limit is 33554432 bytes.',
      OTHER,
    ],
    [
      { kind: 'too-large', received: 40_000_000 },
      page,
      "The platform's read of the page (https://u/s/) was stopped: the server sent more than " +
        '33554432 bytes, but the limit is 33554432 bytes.',
      OTHER,
    ],
    [
      { kind: 'truncated', received: 10, cause: 'the connection closed' },
      wheel,
      "The platform's read of the wheel (https://u/w.whl) ended after 10 of 882 bytes: the " +
        'connection closed.',
      NETWORK,
    ],
    [
      { kind: 'truncated', received: 10, cause: 'reset' },
      page,
      "The platform's read of the page (https://u/s/) ended after 10 bytes: reset.",
      NETWORK,
    ],
    [
      { kind: 'stalled', received: 20, inWindow: 3 },
      wheel,
      "The platform's read of the wheel (https://u/w.whl) stalled: 3 bytes in the last 20 s " +
        '(20 of 882 bytes read); a read must bring at least 16384 bytes (or the rest) every 20 s.',
      NETWORK,
    ],
    [
      { kind: 'stalled', received: 20, inWindow: 3 },
      page,
      "The platform's read of the page (https://u/s/) stalled: 3 bytes in the last 20 s (20 " +
        'bytes read); a read must bring at least 16384 bytes (or the rest) every 20 s.',
      NETWORK,
    ],
    [
      { kind: 'timeout', received: 5 },
      wheel,
      "The platform's read of the wheel (https://u/w.whl) took longer than 90 s (5 of 882 " +
        'bytes read).',
      NETWORK,
    ],
    [
      { kind: 'timeout', received: 5 },
      page,
      "The platform's read of the page (https://u/s/) took longer than 60 s (5 bytes read).",
      NETWORK,
    ],
  ];
  it.each(faults)('%j: the message and the fix word for word', (fault, read, message, fix) => {
    const error = readFaultError(fault, read);
    expect(error).toBeInstanceOf(PublishError);
    expect(error.input).toBe('verify-published');
    expect(error.message).toBe(message);
    expect(error.fix).toBe(fix);
  });
});

describe('whyPipPreferred and wrongFileError', () => {
  const OURS = 'demo-1.0.0-cp36-cp36m-linux_x86_64.whl';
  const chosen = (fileName: string) => ({ fileName, sha256: 'b'.repeat(64), size: 10 });

  it('compares build tags, none counting as empty, before tags', () => {
    expect(whyPipPreferred(OURS, chosen('demo-1.0.0-1-cp36-cp36m-linux_x86_64.whl'), 'a')).toBe(
      'same version, and pip ranks its build tag 1 above ours ((none))',
    );
    expect(
      whyPipPreferred(
        'demo-1.0.0-1-cp36-cp36m-linux_x86_64.whl',
        chosen('demo-1.0.0-cp36-cp36m-manylinux1_x86_64.whl'),
        'a',
      ),
    ).toBe('same version, and pip ranks its build tag (none) above ours (1)');
    expect(
      whyPipPreferred(
        'demo-1.0.0-1-cp36-cp36m-linux_x86_64.whl',
        chosen('demo-1.0.0-1-cp36-cp36m-manylinux1_x86_64.whl'),
        'a',
      ),
    ).toMatch(/^same version, and its tag cp36-cp36m-manylinux1_x86_64 ranks above ours/);
  });

  it('says which file is not a wheel, ours or theirs', () => {
    expect(whyPipPreferred('not-a-wheel.tar.gz', chosen(OURS), 'a')).toBe(
      `pip took ${OURS}, which is not our file`,
    );
    expect(whyPipPreferred(OURS, chosen('demo-1.0.0.tar.gz'), 'a')).toBe(
      'pip took demo-1.0.0.tar.gz, which is not our file',
    );
  });

  it('reads a version only as a local label of ours when it follows a plus', () => {
    expect(whyPipPreferred(OURS, chosen('demo-1.0.0.1-cp36-cp36m-linux_x86_64.whl'), 'a')).toBe(
      'pip ranks its version 1.0.0.1 above ours (1.0.0) for this requirement',
    );
  });

  const ours = { fileName: OURS, sha256: 'a'.repeat(64) };
  const theirs = chosen('demo-1.0.0-cp36-cp36m-manylinux1_x86_64.whl');
  const MESSAGE =
    "The platform's pip (/opt/py) installs demo-1.0.0-cp36-cp36m-manylinux1_x86_64.whl for " +
    '"demo==1.0.0", not the wheel this run published (demo-1.0.0-cp36-cp36m-linux_x86_64.whl): ' +
    'same version, and its tag cp36-cp36m-manylinux1_x86_64 ranks above ours ' +
    '(cp36-cp36m-linux_x86_64) for this interpreter: pip takes the most specific tag it ' +
    'supports (a manylinux tag over linux_x86_64, a newer manylinux over an older one, an ' +
    'interpreter-specific tag over py3-none-any).';

  it('names the file, the line and ours; the fix of an index or of a URL', () => {
    const base = { line: 'demo==1.0.0', python: '/opt/py', ours, chosen: theirs };
    const index = wrongFileError({ ...base, location: 's3://b/p/', index: true });
    expect(index).toBeInstanceOf(PublishError);
    expect(index.input).toBe('verify-published');
    expect(index.message).toBe(MESSAGE);
    expect(index.fix).toBe(
      'only one build of a version may match an interpreter under one prefix: give each build ' +
        '(a local version such as +gpu, another platform tag) its own s3-prefix, or delete ' +
        'demo-1.0.0-cp36-cp36m-manylinux1_x86_64.whl from s3://b/p/ and re-run (the index is ' +
        'rebuilt from the listing). Depend on the pinned line (the requirement output: the URL ' +
        'with #sha256=), which installs this file or nothing.',
    );
    const url = wrongFileError({ ...base, location: 's3://b/p/', index: false });
    expect(url.message).toBe(MESSAGE);
    expect(url.input).toBe('verify-published');
    expect(url.fix).toBe(
      'the object at the URL is not the wheel this run published: re-run the job; if it ' +
        'persists, check what answers at that URL for the platform (a proxy or CDN).',
    );
  });

  it('uses our sha256 in the reason for the same name with other bytes', () => {
    expect(
      wrongFileError({
        line: 'l',
        python: 'p',
        ours,
        chosen: chosen(OURS),
        location: 'x',
        index: true,
      }).message,
    ).toBe(
      `The platform's pip (p) installs ${OURS} for "l", not the wheel this run published ` +
        `(${OURS}): it has our file name but other bytes (10 bytes, sha256 ${'b'.repeat(64)}; ` +
        `ours is sha256 ${'a'.repeat(64)}): the object was overwritten, or something between ` +
        'the bucket and pip serves another copy.',
    );
  });
});
