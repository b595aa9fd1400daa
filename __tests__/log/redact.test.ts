import { describe, expect, it } from 'vitest';
import {
  encodedForms,
  isSecretName,
  MIN_SECRET_LENGTH,
  Redactor,
  secretPieces,
  secretsInEnvironment,
} from '../../src/log/redact.js';
import { RedactingStream } from '../../src/log/redact-stream.js';
import { MemoryLog } from '../../src/log/log.js';
import { RedactingLog, maskAll } from '../../src/log/redacting-log.js';

describe('which variables hold credentials', () => {
  it.each([
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'GITHUB_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'NPM_TOKEN',
    'my_secret',
    'DB_PASSWORD',
    'FTP_PASSWD',
    'GPG_PASSPHRASE',
    'GOOGLE_APPLICATION_CREDENTIALS_JSON',
    'SSH_PRIVATE_KEY',
    'STRIPE_API_KEY',
    'OPENAI_APIKEY',
    'MINIO_ACCESS_KEY',
    'JWT_SIGNING_KEY',
  ])('%s is a credential', (name) => expect(isSecretName(name)).toBe(true));

  it.each(['PATH', 'HOME', 'GITHUB_SHA', 'INPUT_AUTHOR', 'CACHE_KEY_PREFIX', 'RUNNER_TEMP'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});

describe('which values are masked', () => {
  it(`needs ${MIN_SECRET_LENGTH} characters and refuses settings`, () => {
    expect(MIN_SECRET_LENGTH).toBe(6);
    expect(secretPieces('abcde')).toEqual([]);
    expect(secretPieces('abcdef')).toEqual(['abcdef']);
    for (const setting of [
      'true',
      'false',
      'disabled',
      'ENABLED',
      'required',
      '1',
      '3600',
      '123456789',
    ])
      expect(secretPieces(setting), setting).toEqual([]);
    // Ten digits or more may be a numeric key.
    expect(secretPieces('1234567890')).toEqual(['1234567890']);
  });

  it('masks each line of a multi-line value, trimmed, and skips short lines', () => {
    const pem =
      '-----BEGIN KEY-----\r\nMIIEvQIBADANBg\n  kqhkiG9w0BAQEFAASC  \nab\n-----END KEY-----\n';
    expect(secretPieces(pem)).toEqual([
      '-----BEGIN KEY-----',
      'MIIEvQIBADANBg',
      'kqhkiG9w0BAQEFAASC',
      '-----END KEY-----',
    ]);
  });

  it('finds credential variables, URL passwords and NAME=value lines in any value', () => {
    const found = secretsInEnvironment({
      PATH: '/usr/bin',
      NPM_TOKEN: 'npm_abcdefgh',
      SOME_FLAG_TOKEN: 'true',
      PIP_INDEX_URL: 'https://user:p%40ss-word@pypi.example.com/simple',
      INPUT_ENV:
        'CC=gcc\nDEPLOY_TOKEN="tok-123456"\nexport API_KEY=key-abcdef\nOTHER=visible-value',
      EMPTY_SECRET: '',
    });
    expect(found.sort()).toEqual(
      ['key-abcdef', 'npm_abcdefgh', 'p%40ss-word', 'p@ss-word', 'tok-123456'].sort(),
    );
  });
});

describe('Redactor', () => {
  it('replaces every occurrence, longest secret first, and learns values later', () => {
    const redactor = new Redactor(['secret-one', 'secret-one-and-more']);
    expect(redactor.redact('a secret-one-and-more b secret-one c secret-one')).toBe(
      'a *** b *** c ***',
    );
    expect(redactor.add('learned-later\nsecond-line')).toEqual(['learned-later', 'second-line']);
    expect(redactor.add('learned-later')).toEqual([]);
    expect(redactor.redact('x learned-later y second-line')).toBe('x *** y ***');
    expect(redactor.longest).toBe('secret-one-and-more'.length);
  });

  it('knows how much of a line end could start a secret', () => {
    const redactor = new Redactor(['abcdefgh']);
    expect(redactor.unsafeTail('xx abcd')).toBe(4);
    expect(redactor.unsafeTail('xx abcdefg')).toBe(7);
    expect(redactor.unsafeTail('xx abcx')).toBe(0);
    expect(redactor.unsafeTail('')).toBe(0);
  });
});

describe('RedactingStream', () => {
  const secret = 'sekret-VALUE-42';
  function stream() {
    const written: string[] = [];
    const out = new RedactingStream(new Redactor([secret]), {
      write: (t: string) => written.push(t),
    });
    return { out, text: () => written.join(''), written };
  }
  const write = (s: RedactingStream, chunk: string | Buffer) =>
    new Promise<void>((resolve) => s.write(chunk, () => resolve()));

  it('catches a secret split over any chunk boundary, byte by byte', async () => {
    const line = `token=${secret} and again ${secret}\nnext ${secret}`;
    const { out, text } = stream();
    for (const byte of Buffer.from(line)) await write(out, Buffer.from([byte]));
    out.flush();
    expect(text()).toBe('token=*** and again ***\nnext ***');
  });

  it('writes whole lines at once and holds back only a possible secret start', async () => {
    const { out, written } = stream();
    await write(out, 'line one\nprogress 10%\rprogress 20% sekret-');
    expect(written.join('')).toBe('line one\nprogress 10%\rprogress 20% ');
    await write(out, 'VALUE-42 done\n');
    expect(written.join('')).toBe('line one\nprogress 10%\rprogress 20% *** done\n');
  });

  it('keeps multi-byte characters split between chunks', async () => {
    const { out, text } = stream();
    const bytes = Buffer.from('é€😀 ok\n');
    for (let i = 0; i < bytes.length; i += 3) await write(out, bytes.subarray(i, i + 3));
    out.flush();
    expect(text()).toBe('é€😀 ok\n');
  });
});

describe('RedactingLog', () => {
  it('cleans every line, warning property and group name; learned secrets are forwarded once', async () => {
    const masked: string[] = [];
    const inner = new MemoryLog();
    Object.assign(inner, { setSecret: (value: string) => masked.push(value) });
    const redactor = new Redactor(['from-env-123']);
    maskAll(inner, redactor);
    const log = new RedactingLog(inner, redactor);
    log.setSecret('learned-key-456');
    log.setSecret('learned-key-456');
    log.setSecret('true');
    log.info('a from-env-123 b learned-key-456');
    log.warning('w from-env-123', { title: 't learned-key-456' });
    log.debug('d learned-key-456');
    await log.group('g from-env-123', async () => undefined);
    expect(masked).toEqual(['from-env-123', 'learned-key-456']);
    expect(inner.lines).toEqual(['a *** b ***', 'warning: w ***', 'debug: d ***', 'group: g ***']);
  });
});

describe('secrets in the forms our writers give them', () => {
  const secret = 'a<b>&"c"\'d|e/f g-0001';
  const redactor = new Redactor([secret]);

  it.each([
    ['JSON string', JSON.stringify(secret).slice(1, -1)],
    ['HTML text', encodedForms(secret)[2]!],
    ['Markdown table cell', encodedForms(secret)[3]!],
    ['URL component', encodeURIComponent(secret)],
  ])('masks it as %s', (_form, written) => {
    expect(written).not.toBe(secret);
    expect(redactor.redact(`before ${written} after`)).toBe('before *** after');
  });

  it('lists each form once, the secret itself first; values stay the secrets alone', () => {
    expect(encodedForms(secret)[0]).toBe(secret);
    expect(encodedForms(secret)[2]).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d|e/f g-0001');
    expect(encodedForms(secret)[3]).toBe('a&lt;b&gt;&amp;&quot;c&quot;&#39;d\\|e/f g-0001');
    expect(encodedForms('plain-secret-0002')).toEqual(['plain-secret-0002']);
    expect(redactor.values).toEqual([secret]);
    // A stream holds back as much as the longest written form could need.
    expect(redactor.longest).toBe(Math.max(...encodedForms(secret).map((f) => f.length)));
    expect(redactor.unsafeTail(`x ${encodeURIComponent(secret).slice(0, 5)}`)).toBe(5);
  });
});
