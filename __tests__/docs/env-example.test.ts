// .env.example (the inputs of `npm run local-action`) stays in step with action.yml: read with the
// parser @github/local-action itself uses (dotenv), judged by the action's own rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { unknownInputWarnings } from '../../src/inputs/closest-name.js';
import { INPUT_NAMES } from '../../src/inputs/input-spec.js';
import { isSecretName, secretsInEnvironment } from '../../src/log/redact.js';
import { ROOT } from '../helpers/example.js';

const env = parse(readFileSync(join(ROOT, '.env.example'), 'utf8'));
const inputKeys = Object.keys(env).filter((key) => key.startsWith('INPUT_'));

describe('.env.example', () => {
  it('names only real inputs, each as the runner spells it (INPUT_ + the name upper-cased)', () => {
    expect(inputKeys.length).toBeGreaterThan(0);
    expect(unknownInputWarnings(env, INPUT_NAMES)).toEqual([]);
    for (const key of inputKeys) expect(key).toBe(key.toUpperCase());
  });

  it('sets nothing but inputs and the job summary file', () => {
    expect(Object.keys(env).filter((key) => !key.startsWith('INPUT_'))).toEqual([
      'GITHUB_STEP_SUMMARY',
    ]);
  });

  it('holds no secret, as the action itself judges one', () => {
    expect(secretsInEnvironment(env)).toEqual([]);
    expect(Object.keys(env).filter(isSecretName)).toEqual([]);
  });

  it('publishes to an output-dir only: no S3 bucket, no workflow artifact', () => {
    expect(env['INPUT_OUTPUT-DIR']).toBe('../../.local-action/dist');
    expect(env['INPUT_ARTIFACT-NAME']).toBe('false');
    expect(inputKeys.filter((key) => key.startsWith('INPUT_S3-'))).toEqual([]);
  });
});
