// The redactor's rules at their edges: which names, values, URL passwords and NAME=value lines
// count as secrets, the order of replacement, and the key and signature shapes.
import { describe, expect, it } from 'vitest';
import {
  AWS_ACCESS_KEY_ID,
  isSecretName,
  REDACTED,
  Redactor,
  redactText,
  SAS_SIGNATURE,
  SECRET_NAME_PARTS,
  SECRET_VARIABLES,
  secretPieces,
  secretsInEnvironment,
} from '../../src/log/redact.js';

describe('secret names', () => {
  it('match each credential part anywhere in the name, in any case, and nothing empty', () => {
    for (const part of SECRET_NAME_PARTS) {
      expect(isSecretName(`MY_${part}_X`), part).toBe(true);
      expect(isSecretName(`my_${part.toLowerCase()}`), part).toBe(true);
    }
    for (const name of SECRET_VARIABLES) expect(isSecretName(name.toLowerCase()), name).toBe(true);
    expect(SECRET_NAME_PARTS).toEqual([
      'TOKEN',
      'SECRET',
      'PASSWORD',
      'PASSWD',
      'PASSPHRASE',
      'CREDENTIAL',
      'PRIVATE_KEY',
      'PRIVATEKEY',
      'API_KEY',
      'APIKEY',
      'ACCESS_KEY',
      'AUTH_KEY',
      'SIGNING_KEY',
      'ENCRYPTION_KEY',
    ]);
    expect(SECRET_VARIABLES).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_SECURITY_TOKEN',
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    ]);
    for (const name of [
      '',
      'KEY',
      'PASS',
      'AUTH',
      'PRIVATE',
      'SIGNING',
      'API',
      'TOKE',
      'CREDENTIA',
    ]) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});

describe('secretPieces', () => {
  it('refuses setting words of six letters or more only as the whole value, in any case', () => {
    for (const word of [
      'enable',
      'enabled',
      'Disable',
      'disabled',
      'required',
      'OPTIONAL',
      'undefined',
    ]) {
      expect(secretPieces(word), word).toEqual([]);
    }
    for (const value of ['xxfalse', 'falsexx', 'enabledx', 'xenabled', 'required2', 'undefinedx']) {
      expect(secretPieces(value), value).toEqual([value]);
    }
    expect(secretPieces('123456')).toEqual([]);
    expect(secretPieces('12345a')).toEqual(['12345a']);
    expect(secretPieces('1234567890')).toEqual(['1234567890']);
  });

  it('splits on CR LF, a lone CR and LF, and keeps each piece once', () => {
    expect(secretPieces('abcdefgh\rijklmnop\r\nqrstuvwx\nabcdefgh')).toEqual([
      'abcdefgh',
      'ijklmnop',
      'qrstuvwx',
    ]);
    expect(secretPieces('  abcdef  ')).toEqual(['abcdef']);
    expect(secretPieces(' abcde ')).toEqual([]);
  });
});

describe('secretsInEnvironment', () => {
  const found = (env: Record<string, string | undefined>) => secretsInEnvironment(env).sort();

  it('takes every piece of a credential variable, none of another', () => {
    expect(
      found({ DB_PASSWORD: 'line-one-x\nline-two-y', HOME: 'visible-home', X: undefined }),
    ).toEqual(['line-one-x', 'line-two-y']);
  });

  it('finds the password of a URL with any scheme, with or without a user, decoded and raw', () => {
    expect(found({ A: 'see git+ssh://me:s3cr%2Ft-pw@host/x' })).toEqual([
      's3cr%2Ft-pw',
      's3cr/t-pw',
    ]);
    expect(found({ A: 'https://:only-password@h' })).toEqual(['only-password']);
    expect(found({ A: 'HTTPS://User:Pass-Word1@H' })).toEqual(['Pass-Word1']);
    expect(found({ A: 's3://u:pa:ss:1234@bucket' })).toEqual(['pa:ss:1234']);
    expect(found({ A: 'x://u:bad%E0%A4%A@h' })).toEqual(['bad%E0%A4%A']);
    expect(found({ A: 'a://u:first-pw@h b://v:second-pw@k' })).toEqual(['first-pw', 'second-pw']);
  });

  it('finds no password where there is no user:password@ after a scheme', () => {
    for (const value of [
      'https://host/path:not-a-pw@x',
      'https://host:8080/x@y',
      'https://us er:not-a-pw@h',
      'https://user:not a pw@h',
      'user:not-a-pw@h',
      '1http://u:not-a-pw@h',
      'https://user:@h',
      'https://user:not/a-pw@h',
    ]) {
      expect(found({ A: value }), value).toEqual(
        value === '1http://u:not-a-pw@h' ? ['not-a-pw'] : [],
      );
    }
  });

  it('reads NAME=value lines of credential names in any value, quotes removed when they match', () => {
    expect(
      found({
        CONFIG: [
          'export DB_PASSWORD="quoted-pw"',
          "  API_KEY='single-pw'",
          'AUTH_KEY="unmatched-pw\'',
          'SIGNING_KEY=  spaced-pw  ',
          'exportTOKEN=glued-token',
          'PATH=/not/a/secret',
          '9TOKEN=bad-name-value',
          'X TOKEN=spaced-name',
          '_TOKEN=underscore-tok',
          'my_token2=lower-token',
        ].join('\n'),
      }),
    ).toEqual(
      [
        'quoted-pw',
        'single-pw',
        '"unmatched-pw\'',
        'spaced-pw',
        'glued-token',
        'underscore-tok',
        'lower-token',
      ].sort(),
    );
  });

  it('ends a NAME=value line at LF, CR LF, a lone CR, U+2028 or U+2029 (a .env file with CRLF)', () => {
    expect(
      found({
        DOTENV: 'API_TOKEN=crlf-token\r\nOTHER=1\r\nDB_PASSWORD=last-crlf-pw\r\n',
        MAC: 'AUTH_KEY=lone-cr-key\rSIGNING_KEY=after-cr',
        JS: 'API_KEY=ls-api-key\u2028TOKEN=ps-token\u2029SECRET=after-ps',
      }),
    ).toEqual(
      [
        'crlf-token',
        'last-crlf-pw',
        'lone-cr-key',
        'after-cr',
        'ls-api-key',
        'ps-token',
        'after-ps',
      ].sort(),
    );
  });

  it('trims the value before it strips quotes, which must open and close the whole value', () => {
    expect(found({ A: 'TOKEN= "spaced-quoted" ' })).toEqual(['spaced-quoted']);
    expect(found({ A: "TOKEN=x'inner-quoted'" })).toEqual(["x'inner-quoted'"]);
    expect(found({ A: 'TOKEN="quoted-then"x' })).toEqual(['"quoted-then"x']);
  });

  it('takes `export` followed by any run of blanks', () => {
    expect(found({ A: 'export  \tTOKEN=after-blanks' })).toEqual(['after-blanks']);
  });
});

describe('Redactor', () => {
  it('replaces the longest secret first whatever the order they were learned in', () => {
    const redactor = new Redactor();
    expect(redactor.add('abcdef')).toEqual(['abcdef']);
    expect(redactor.add('abcdef-and-more\nabcdef')).toEqual(['abcdef-and-more']);
    expect(redactor.values).toEqual(['abcdef-and-more', 'abcdef']);
    expect(redactor.redact('x abcdef-and-more y abcdef')).toBe('x *** y ***');
    expect(redactor.longest).toBe(15);
    expect(new Redactor().longest).toBe(0);
    expect(new Redactor().redact('abc')).toBe('abc');
    expect(REDACTED).toBe('***');
  });

  it('learns the secrets of an environment', () => {
    const redactor = Redactor.fromEnvironment({ GH_TOKEN: 'ghp_abcdef', HOME: '/home/me' });
    expect(redactor.values).toEqual(['ghp_abcdef']);
    expect(redactor.redact('token ghp_abcdef in /home/me')).toBe('token *** in /home/me');
  });

  it('keeps back the longest line end that could start any secret, never a whole secret', () => {
    const redactor = new Redactor(['abcdefgh', 'xyz123456']);
    expect(redactor.unsafeTail('..xyz12')).toBe(5);
    expect(redactor.unsafeTail('..abcdefg')).toBe(7);
    expect(redactor.unsafeTail('abcdefgh')).toBe(0);
    expect(redactor.unsafeTail('a')).toBe(1);
    expect(redactor.unsafeTail('..xyz1234a')).toBe(1);
    expect(redactor.unsafeTail('.x')).toBe(1);
    expect(new Redactor(['abcdef', 'bcdefghij']).unsafeTail('zabcde')).toBe(5);
    expect(new Redactor(['abcdef', 'bcdefghij']).unsafeTail('zbcde')).toBe(4);
  });
});

describe('redactText and the credential shapes', () => {
  it('masks the given secrets, skipping undefined, then each shape', () => {
    expect(
      redactText('pw=hunter22 key=AKIAABCDEFGHIJKL', ['hunter22', undefined], [AWS_ACCESS_KEY_ID]),
    ).toBe('pw=*** key=***');
    expect(redactText('pw=hunter22', [undefined])).toBe('pw=hunter22');
  });

  it('knows AWS access key ids: AKIA or ASIA, twelve or more capitals or digits, whole words', () => {
    const mask = (t: string) => t.replace(AWS_ACCESS_KEY_ID, REDACTED);
    expect(mask('AKIAABCDEFGHIJKL and ASIA0123456789AB.')).toBe('*** and ***.');
    expect(mask('AKIAABCDEFGHIJKLMNOP')).toBe('***');
    expect(mask('AKIAABCDEFGHIJK')).toBe('AKIAABCDEFGHIJK');
    expect(mask('xAKIAABCDEFGHIJKL')).toBe('xAKIAABCDEFGHIJKL');
    expect(mask('AKIAABCDEFGHIJKLx')).toBe('AKIAABCDEFGHIJKLx');
    expect(mask('AKIAabcdefghijkl')).toBe('AKIAabcdefghijkl');
    expect(mask('ABIAABCDEFGHIJKL')).toBe('ABIAABCDEFGHIJKL');
  });

  it('knows SAS signatures after ? or &, up to &, space or a quote, in any case', () => {
    const mask = (t: string) => t.replace(SAS_SIGNATURE, REDACTED);
    expect(mask('https://a/b?sig=abc%2Bdef&se=1')).toBe('https://a/b?sig=***&se=1');
    expect(mask('https://a/b?x=1&SIG=abc def')).toBe('https://a/b?x=1&SIG=*** def');
    expect(mask(`"u?sig=abc"`)).toBe(`"u?sig=***"`);
    expect(mask(`'u?sig=abc'`)).toBe(`'u?sig=***'`);
    expect(mask('u?xsig=abc')).toBe('u?xsig=abc');
    expect(mask('sig=abc')).toBe('sig=abc');
    expect(mask('u?sig=a&sig=b')).toBe('u?sig=***&sig=***');
  });
});
