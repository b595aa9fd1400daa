import { redactText, SAS_SIGNATURE } from '../../../src/log/redact.js';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/base/errors.js';
import {
  artifactUploadFormat,
  artifactUrl,
  defaultArtifactName,
  describeArtifactFailure,
  missingArtifactEnv,
  resolveArtifactName,
  validateRetentionDays,
} from '../../../src/publish/artifact/artifact-plan.js';

const WHEEL = 'demo_pkg-1.2.0+local.1-cp312-cp312-manylinux_2_17_x86_64.whl';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('defaultArtifactName', () => {
  it('is the wheel file name, which differs per python and platform tag', () => {
    expect(defaultArtifactName(WHEEL)).toBe(WHEEL);
    expect(defaultArtifactName('demo-1.0-cp311-cp311-win_amd64.whl')).not.toBe(
      defaultArtifactName('demo-1.0-cp312-cp312-win_amd64.whl'),
    );
  });

  it('replaces characters the service rejects', () => {
    expect(defaultArtifactName('a:b<c>d|e*f?g"h\\i/j\r\nk.whl')).toBe('a_b_c_d_e_f_g_h_i_j__k.whl');
    expect(defaultArtifactName('  ')).toBe('wheel');
  });
});

describe('resolveArtifactName', () => {
  it('skips on false, defaults on empty, keeps a valid name', () => {
    for (const no of ['false', 'False', 'FALSE', ' false ']) {
      expect(resolveArtifactName(no, WHEEL)).toBeUndefined();
    }
    expect(resolveArtifactName('', WHEEL)).toBe(WHEEL);
    expect(resolveArtifactName('   ', WHEEL)).toBe(WHEEL);
    expect(resolveArtifactName(' wheels-linux-3.12 ', WHEEL)).toBe('wheels-linux-3.12');
  });

  it('rejects names with forbidden characters as an artifact-name input error', () => {
    const error = thrown(() => resolveArtifactName('wheels/linux:3.12', WHEEL));
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.input).toBe('artifact-name');
    expect(e.message).toBe("'wheels/linux:3.12' is not a valid artifact name: it contains : /.");
    expect(e.fix).toContain('set it to false to skip');
  });
});

describe('validateRetentionDays', () => {
  it('accepts 1..90 and empty', () => {
    expect(validateRetentionDays('')).toBeUndefined();
    expect(validateRetentionDays(' 1 ')).toBe(1);
    expect(validateRetentionDays('90')).toBe(90);
  });

  it.each(['0', '91', '-3', '1.5', 'ten', '7d', '1e1'])('rejects %j', (raw) => {
    const error = thrown(() => validateRetentionDays(raw));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('retention-days');
    expect((error as InputError).message).toContain('between 1 and 90');
  });
});

describe('artifactUploadFormat', () => {
  it('uploads the file itself only when the artifact is named after it', () => {
    expect(artifactUploadFormat(WHEEL, WHEEL)).toBe('wheel');
    expect(artifactUploadFormat('wheels-linux', WHEEL)).toBe('zip');
  });
});

describe('environment', () => {
  it('lists the missing Actions variables', () => {
    expect(missingArtifactEnv({})).toEqual(['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL']);
    expect(missingArtifactEnv({ ACTIONS_RUNTIME_TOKEN: 't' })).toEqual(['ACTIONS_RESULTS_URL']);
    expect(
      missingArtifactEnv({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://r/' }),
    ).toEqual([]);
  });

  it('builds the artifact URL of the run', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.com/',
      GITHUB_REPOSITORY: 'octo/wheels',
      GITHUB_RUN_ID: '77',
    };
    expect(artifactUrl(env, 123)).toBe(
      'https://github.com/octo/wheels/actions/runs/77/artifacts/123',
    );
    expect(artifactUrl({ ...env, GITHUB_RUN_ID: '' }, 123)).toBeUndefined();
  });
});

describe('describeArtifactFailure', () => {
  const kind = (name: string, message: string): string =>
    describeArtifactFailure({ name, message }, 'w').kind;

  it('classifies the messages @actions/artifact produces', () => {
    expect(
      kind(
        'Error',
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (409) Conflict: an artifact with this name already exists on the workflow run',
      ),
    ).toBe('conflict');
    expect(kind('UsageError', 'Artifact storage quota has been hit.')).toBe('quota');
    expect(kind('GHESNotSupportedError', 'not supported on GHES')).toBe('ghes');
    expect(kind('NetworkError', 'Unable to make request: ECONNREFUSED')).toBe('network');
    expect(
      kind(
        'Error',
        'Failed to CreateArtifact: Received non-retryable error: Failed request: (401) Unauthorized',
      ),
    ).toBe('auth');
    expect(
      kind(
        'Error',
        'Failed to CreateArtifact: Failed to make request after 5 attempts: Failed request: (503) Service Unavailable',
      ),
    ).toBe('unavailable');
    expect(kind('Error', 'Upload progress stalled.')).toBe('unavailable');
    expect(kind('Error', 'something else')).toBe('other');
  });

  it('keeps the client message and says what to do', () => {
    const failure = describeArtifactFailure(
      { name: 'Error', message: 'Failed request: (409) Conflict' },
      'wheels',
    );
    expect(failure.message).toBe(
      "An artifact named 'wheels' already exists in this workflow run (Failed request: (409) Conflict).",
    );
    expect(failure.fix).toContain("'artifact-name'");
  });
});

describe('redactText with SAS_SIGNATURE (the artifact client messages)', () => {
  it('masks the token and SAS signatures', () => {
    const text = 'token abc.def.ghi at https://blob/c/b?sv=1&sig=S3cr%2Bt&se=2 failed';
    expect(redactText(text, ['abc.def.ghi', undefined], [SAS_SIGNATURE])).toBe(
      'token *** at https://blob/c/b?sv=1&sig=***&se=2 failed',
    );
  });
});
