/**
 * Exact texts and edges of the artifact plan: every message and fix the user reads, each variable
 * the run URL needs, each alternative of the failure classifier on its own.
 */
import { describe, expect, it } from 'vitest';

import {
  artifactUrl,
  defaultArtifactName,
  describeArtifactFailure,
  resolveArtifactName,
  validateRetentionDays,
} from '../../../src/publish/artifact/artifact-plan.js';
import { thrownInputError } from '../../helpers/input-error.js';

const WHEEL = 'demo-1.0-cp312-cp312-linux_x86_64.whl';

const NAME_FIX =
  'remove the characters \\" : < > | * ? \\r \\n \\\\ / from the name, leave it empty to name the ' +
  'artifact after the wheel, or set it to false to skip the upload.';

describe('artifact names', () => {
  it('trims the wheel name before replacing, and keeps every other character', () => {
    expect(defaultArtifactName('  a b+c-1.0.whl \n')).toBe('a b+c-1.0.whl');
  });

  it('names each rejected character once, printable, in the order of the list', () => {
    const error = thrownInputError(() => resolveArtifactName('a\\b\r\nc"d?e*f|g>h<i:j/k', WHEEL));
    expect(error.input).toBe('artifact-name');
    expect(error.message).toBe(
      `'a\\\\b\\r\\nc\\"d?e*f|g>h<i:j/k' is not a valid artifact name: it contains \\" : < > | * ? \\r \\n \\\\ /.`,
    );
    expect(error.fix).toBe(NAME_FIX);
  });

  it('reads "true" as the default name (upload it), other words as a name: only false skips', () => {
    expect(resolveArtifactName('true', WHEEL)).toBe(resolveArtifactName('', WHEEL));
    expect(resolveArtifactName(' TRUE ', WHEEL)).toBe(WHEEL);
    expect(resolveArtifactName('no', WHEEL)).toBe('no');
  });
});

describe('retention-days', () => {
  it.each(['+5', '0x10', '5 days', 'x5'])('accepts only plain digits, not %j', (raw) => {
    const error = thrownInputError(() => validateRetentionDays(raw));
    expect(error.message).toBe(`'${raw}' is not a number of days between 1 and 90.`);
  });

  it('reads leading zeros as decimal', () => {
    expect(validateRetentionDays(' 05 ')).toBe(5);
    expect(validateRetentionDays('090')).toBe(90);
  });

  it('says what to set', () => {
    const error = thrownInputError(() => validateRetentionDays(' 100 '));
    expect(error.input).toBe('retention-days');
    expect(error.message).toBe("'100' is not a number of days between 1 and 90.");
    expect(error.fix).toBe(
      'set a whole number from 1 to 90, or leave it empty to use the repository setting.',
    );
  });
});

describe('artifactUrl', () => {
  const env = {
    GITHUB_SERVER_URL: 'https://ghe.example.com//',
    GITHUB_REPOSITORY: 'octo/wheels',
    GITHUB_RUN_ID: '9',
  };

  it('drops every trailing slash of the server URL', () => {
    expect(artifactUrl(env, 5)).toBe(
      'https://ghe.example.com/octo/wheels/actions/runs/9/artifacts/5',
    );
  });

  it.each(['GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID'])(
    'is undefined without %s (unset or empty)',
    (name) => {
      const unset: Record<string, string> = { ...env };
      delete unset[name];
      expect(artifactUrl(unset, 5)).toBeUndefined();
      expect(artifactUrl({ ...env, [name]: '' }, 5)).toBeUndefined();
    },
  );
});

describe('describeArtifactFailure', () => {
  const describeAs = (name: string, message: string) =>
    describeArtifactFailure({ name, message }, 'wheels-linux');

  it('quotes the trimmed client message in every kind', () => {
    expect(describeAs('Error', '  (409) Conflict \n')).toEqual({
      kind: 'conflict',
      message:
        "An artifact named 'wheels-linux' already exists in this workflow run ((409) Conflict).",
      fix: "give each job its own 'artifact-name' (include the matrix values, or leave it empty to name the artifact after the wheel file, which differs per python and platform); on a re-run, delete the earlier attempt's artifact or set 'artifact-name' to false.",
    });
    expect(describeAs('UsageError', 'limit hit')).toEqual({
      kind: 'quota',
      message: "The repository's artifact storage quota is used up (limit hit).",
      fix: "delete old artifacts or shorten 'retention-days', or set 'artifact-name' to false to skip the upload.",
    });
    expect(describeAs('GHESNotSupportedError', 'GHES')).toEqual({
      kind: 'ghes',
      message:
        'Workflow artifacts from @actions/artifact are not supported on this GitHub Enterprise Server (GHES).',
      fix: "set 'artifact-name' to false on GitHub Enterprise Server and publish the wheel with S3 instead.",
    });
    expect(describeAs('NetworkError', 'ECONNRESET')).toEqual({
      kind: 'network',
      message: 'The runner could not reach the GitHub artifact service (ECONNRESET).',
      fix: 'on a self-hosted runner, allow access to the GitHub Actions endpoints (results and blob storage); otherwise re-run the job.',
    });
    expect(describeAs('Error', 'Failed request: (403) Forbidden')).toEqual({
      kind: 'auth',
      message:
        "The artifact service rejected this job's credentials (Failed request: (403) Forbidden).",
      fix: "run the action as a step of a GitHub Actions job (ACTIONS_RUNTIME_TOKEN comes from the runner), or set 'artifact-name' to false.",
    });
    expect(describeAs('Error', 'Failed request: (502) Bad Gateway')).toEqual({
      kind: 'unavailable',
      message:
        'The GitHub artifact service kept failing, retries included (Failed request: (502) Bad Gateway).',
      fix: "this is usually temporary: re-run the job (see https://www.githubstatus.com), or set 'artifact-name' to false to skip the upload.",
    });
    expect(describeAs('Error', 'boom')).toEqual({
      kind: 'other',
      message: "Uploading the workflow artifact 'wheels-linux' failed (boom).",
      fix: "re-run the job with debug logging (ACTIONS_STEP_DEBUG) for the client's details, or set 'artifact-name' to false to skip the upload.",
    });
  });

  it.each([
    ['Error', 'Artifact ALREADY EXISTS', 'conflict'],
    ['Error', 'Failed request: (409)', 'conflict'],
    ['Error', '409 without parentheses', 'other'],
    ['Error', 'Insufficient usage to create artifact', 'quota'],
    ['Error', 'Storage Quota exceeded', 'quota'],
    ['Error', 'usage', 'other'],
    ['Error', 'Failed request: (401) Unauthorized', 'auth'],
    ['Error', 'Failed request: (403)', 'auth'],
    ['Error', 'Failed request: (402)', 'other'],
    ['Error', 'bad jwt', 'auth'],
    ['Error', 'INVALID TOKEN', 'auth'],
    ['Error', 'Failed to make request after 12 attempts', 'unavailable'],
    ['Error', 'Failed after attempts', 'other'],
    ['Error', 'Failed request: (500)', 'unavailable'],
    ['Error', 'Failed request: (599) x', 'unavailable'],
    ['Error', 'Failed request: (50)', 'other'],
    ['Error', 'Failed request: (5000)', 'other'],
    ['Error', 'Failed request: (429) Too Many Requests', 'unavailable'],
    ['Error', 'upload STALLED', 'unavailable'],
    // The first rule that matches decides: a conflict beats the name of the error.
    ['NetworkError', '(409) Conflict', 'conflict'],
    ['GHESNotSupportedError', 'Insufficient usage', 'quota'],
    ['NetworkError', 'Failed request: (401)', 'network'],
    ['GHESNotSupportedError', 'Failed request: (503)', 'ghes'],
  ])('%s %j is %s', (name, message, kind) => {
    expect(describeAs(name, message).kind).toBe(kind);
  });
});
