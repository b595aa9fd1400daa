import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { metadataFields, refuseSecretsInMetadata } from '../../src/inputs/metadata-secrets.js';
import { Redactor } from '../../src/log/redact.js';

const SECRET = 'tok-3f9a1c77e2';
const redactor = new Redactor([SECRET]);
const redact = (text: string) => redactor.redact(text);

const inputs = {
  name: 'demo',
  version: '1.0.0',
  summary: 'A demo',
  author: 'Jane',
  license: 'MIT',
  homePage: 'https://example.com',
  requires: ['numpy>=1.11', 'six'],
  requiresPython: '>=3.6',
};

describe('the METADATA fields generated from inputs', () => {
  it('lists each set field with its input, one line of requires each, the readme last', () => {
    expect(metadataFields(inputs, '# Demo')).toEqual([
      { input: 'name', value: 'demo' },
      { input: 'version', value: '1.0.0' },
      { input: 'summary', value: 'A demo' },
      { input: 'author', value: 'Jane' },
      { input: 'license', value: 'MIT' },
      { input: 'home-page', value: 'https://example.com' },
      { input: 'requires', value: 'numpy>=1.11' },
      { input: 'requires', value: 'six' },
      { input: 'requires-python', value: '>=3.6' },
      { input: 'readme', value: '# Demo' },
    ]);
  });

  it('leaves out fields that are not set', () => {
    expect(metadataFields({ version: '1.0.0', requires: [] })).toEqual([
      { input: 'version', value: '1.0.0' },
    ]);
  });
});

describe('a secret in a generated METADATA field', () => {
  it('passes fields without one', () => {
    expect(() => refuseSecretsInMetadata(metadataFields(inputs, '# Demo'), redact)).not.toThrow();
  });

  it.each([
    ['summary', { ...inputs, summary: `built with ${SECRET}` }],
    ['requires', { ...inputs, requires: ['six', `x @ https://u:${SECRET}@h/x.whl`] }],
    ['author', { ...inputs, author: `Jane &lt;${SECRET}&gt;` }],
  ] as const)('in %s: an InputError naming it, the value not quoted', (input, values) => {
    let error: unknown;
    try {
      refuseSecretsInMetadata(metadataFields(values), redact);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const text = (error as InputError).describe();
    expect((error as InputError).input).toBe(input);
    expect(text).toBe(
      `Input '${input}': the value holds a secret (the value of a credential in the environment, ` +
        "masked in the log); it would be written into the wheel's METADATA, which is published " +
        `as it is. Fix: remove the secret from \`${input}\`; METADATA is public, never put a ` +
        'credential in it.',
    );
    expect(text).not.toContain(SECRET);
  });

  it('in the readme: names the file and the input', () => {
    expect(() =>
      refuseSecretsInMetadata(metadataFields(inputs, `key: ${SECRET}\n`), redact),
    ).toThrow(
      expect.objectContaining({
        input: 'readme',
        message: expect.stringMatching(/^the readme file holds a secret/) as unknown,
      }),
    );
  });

  it('a JSON-escaped form of the secret counts too (the redactor knows its forms)', () => {
    const quoted = new Redactor(['a"quoted-secret']);
    expect(() =>
      refuseSecretsInMetadata([{ input: 'summary', value: 'x a\\"quoted-secret' }], (t) =>
        quoted.redact(t),
      ),
    ).toThrow(InputError);
  });
});
