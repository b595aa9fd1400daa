import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/base/errors.js';
import {
  AWS_CREDENTIAL_VARIABLES,
  consumerInstallArgv,
  parseVerifyPublished,
  readRefusedError,
  type ReadRefusal,
} from '../../../src/publish/consumer/verify-published-plan.js';

describe('verify-published plan', () => {
  it('parses the modes and refuses anything else naming the input', () => {
    expect(parseVerifyPublished('TRUE')).toBe('anonymous');
    expect(parseVerifyPublished('anonymous')).toBe('anonymous');
    expect(parseVerifyPublished('credentials')).toBe('credentials');
    expect(parseVerifyPublished('false')).toBeUndefined();
    expect(() => parseVerifyPublished('signed')).toThrow(InputError);
    try {
      parseVerifyPublished('signed');
    } catch (error) {
      expect((error as InputError).input).toBe('verify-published');
    }
  });

  it('installs name==version from the index with every AWS credential variable removed', () => {
    const argv = consumerInstallArgv({
      python: '/py',
      distribution: 'demo',
      version: '1.0',
      target: '/t',
      indexUrl: 'https://b.s3.amazonaws.com/p/simple/',
      wheelUrl: 'https://b.s3.amazonaws.com/p/demo.whl',
    });
    expect(argv[0]).toBe('env');
    for (const name of AWS_CREDENTIAL_VARIABLES) {
      expect(argv[argv.indexOf(name) - 1]).toBe('-u');
    }
    expect(AWS_CREDENTIAL_VARIABLES).toEqual(
      expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']),
    );
    expect(argv.slice(argv.indexOf('/py'))).toEqual([
      '/py',
      '-E',
      '-s',
      '-m',
      'pip',
      'install',
      '--no-deps',
      '--no-cache-dir',
      '--disable-pip-version-check',
      '--no-compile',
      '--target',
      '/t',
      '--index-url',
      'https://b.s3.amazonaws.com/p/simple/',
      'demo==1.0',
    ]);
    const direct = consumerInstallArgv({
      python: '/py',
      distribution: 'demo',
      version: '1.0',
      target: '/t',
      wheelUrl: 'https://x/demo.whl',
      verbose: true,
    });
    expect(direct.slice(-4)).toEqual(['-v', '--target', '/t', 'https://x/demo.whl']);
  });

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

  it('gives the fix for each case and says nothing is unpublished', () => {
    const privateAcl = readRefusedError(refusal({}));
    expect(privateAcl.input).toBe('verify-published');
    expect(privateAcl.message).toContain(
      'an unsigned GET of https://b.s3.amazonaws.com/p/demo.whl got HTTP 403',
    );
    expect(privateAcl.message).toContain('cannot unpublish');
    expect(privateAcl.message).toContain('the identical object is skipped');
    expect(privateAcl.fix).toContain('set s3-acl: public-read');
    expect(privateAcl.fix).toContain('arn:aws:s3:::b/p/*');
    expect(privateAcl.fix).toContain('Block Public Access');
    expect(privateAcl.fix).toContain('verify-published: credentials');

    const overridden = readRefusedError(refusal({ acl: 'public-read' }));
    expect(overridden.fix).toContain('something overrides the ACL');
    expect(overridden.fix).not.toContain('set s3-acl: public-read');

    const signed = readRefusedError(refusal({ mode: 'credentials' }));
    expect(signed.message).toContain('a GET signed with the credentials');
    expect(signed.fix).toContain('s3:GetObject on arn:aws:s3:::b/p/*');
    expect(signed.fix).not.toContain('public-read');

    const missing = readRefusedError(refusal({ status: 404 }));
    expect(missing.message).toContain('HTTP 404');
    expect(missing.fix).toContain('s3:ListBucket');
  });
});
