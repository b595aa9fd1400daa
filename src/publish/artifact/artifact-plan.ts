import { booleanWord } from '../../base/boolean-word.js';
import { InputError } from '../../base/errors.js';

/**
 * Pure decisions for the workflow-artifact upload: names, retention, URLs and how a failure of
 * the artifact client reads to the user. No I/O here; artifact.ts is the edge.
 */

/**
 * Characters the artifact service rejects in a name (NTFS limits, plus path separators); the same
 * list as @actions/artifact's validateArtifactName, so a bad name fails as an input error up front.
 */
export const INVALID_ARTIFACT_NAME_CHARACTERS: readonly string[] = [
  '"',
  ':',
  '<',
  '>',
  '|',
  '*',
  '?',
  '\r',
  '\n',
  '\\',
  '/',
];

/**
 * The artifact name used when `artifact-name` is empty: the wheel's file name. Wheel names carry
 * the python and platform tags, so matrix jobs never collide; and an artifact named exactly like
 * the file is uploaded as the wheel itself, not zipped (see artifactUploadFormat).
 */
export function defaultArtifactName(wheelFileName: string): string {
  let name = wheelFileName.trim();
  for (const c of INVALID_ARTIFACT_NAME_CHARACTERS) name = name.split(c).join('_');
  return name === '' ? 'wheel' : name;
}

/**
 * The `artifact-name` input: `false` skips the upload (undefined), empty or `true` uses the
 * default (a user writing `true` means "upload it", not an artifact named "true"), any other value
 * is used as is once checked for characters the service rejects.
 */
export function resolveArtifactName(input: string, wheelFileName: string): string | undefined {
  const value = input.trim();
  const word = booleanWord(value);
  if (word === false) return undefined;
  if (value === '' || word === true) return defaultArtifactName(wheelFileName);
  const bad = INVALID_ARTIFACT_NAME_CHARACTERS.filter((c) => value.includes(c));
  if (bad.length > 0) {
    throw new InputError(
      `'${printable(value)}' is not a valid artifact name: it contains ${bad.map(printable).join(' ')}.`,
      {
        input: 'artifact-name',
        fix: `remove the characters ${INVALID_ARTIFACT_NAME_CHARACTERS.map(printable).join(' ')} from the name, leave it empty to name the artifact after the wheel, or set it to false to skip the upload.`,
      },
    );
  }
  return value;
}

/** `retention-days`: an integer 1..90, or empty for the repository's default. */
export function validateRetentionDays(raw: string): number | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const days = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new InputError(`'${value}' is not a number of days between 1 and 90.`, {
      input: 'retention-days',
      fix: 'set a whole number from 1 to 90, or leave it empty to use the repository setting.',
    });
  }
  return days;
}

/**
 * `wheel`: the artifact is the .whl file itself, uploaded as is (the client's `skipArchive`,
 * which names the artifact after the file, so only possible when the names match).
 * `zip`: a zip holding the wheel, stored (compression level 0) since the wheel is compressed.
 */
export type ArtifactUploadFormat = 'wheel' | 'zip';

export function artifactUploadFormat(name: string, wheelFileName: string): ArtifactUploadFormat {
  return name === wheelFileName ? 'wheel' : 'zip';
}

/** The variables the artifact client needs; without them we are not in a GitHub Actions job. */
export const ACTIONS_ARTIFACT_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'] as const;

export function missingArtifactEnv(env: NodeJS.ProcessEnv): string[] {
  return ACTIONS_ARTIFACT_ENV.filter((key) => !env[key]);
}

/** The artifact's page in the run, or undefined when the run's variables are missing. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  if (!server || !repository || !runId) return undefined;
  return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`;
}

/** What went wrong, in the user's terms, and what to do about it. */
export interface ArtifactFailure {
  kind: 'conflict' | 'quota' | 'network' | 'ghes' | 'unavailable' | 'auth' | 'digest' | 'other';
  message: string;
  fix: string;
}

/**
 * Reads an error from @actions/artifact (its `name` and message; the client has no error codes for
 * HTTP failures, only messages such as "Failed to CreateArtifact: Received non-retryable error:
 * Failed request: (409) Conflict: ...").
 */
export function describeArtifactFailure(
  error: { name: string; message: string },
  artifactName: string,
): ArtifactFailure {
  const text = error.message.trim();
  const detail = ` (${text})`;
  if (/\(409\)|already exists/i.test(text)) {
    return {
      kind: 'conflict',
      message: `An artifact named '${artifactName}' already exists in this workflow run${detail}.`,
      fix: "give each job its own 'artifact-name' (include the matrix values, or leave it empty to name the artifact after the wheel file, which differs per python and platform); on a re-run, delete the earlier attempt's artifact or set 'artifact-name' to false.",
    };
  }
  if (error.name === 'UsageError' || /insufficient usage|storage quota/i.test(text)) {
    return {
      kind: 'quota',
      message: `The repository's artifact storage quota is used up${detail}.`,
      fix: "delete old artifacts or shorten 'retention-days', or set 'artifact-name' to false to skip the upload.",
    };
  }
  if (error.name === 'GHESNotSupportedError') {
    return {
      kind: 'ghes',
      message: `Workflow artifacts from @actions/artifact are not supported on this GitHub Enterprise Server${detail}.`,
      fix: "set 'artifact-name' to false on GitHub Enterprise Server and publish the wheel with S3 instead.",
    };
  }
  if (error.name === 'NetworkError') {
    return {
      kind: 'network',
      message: `The runner could not reach the GitHub artifact service${detail}.`,
      fix: 'on a self-hosted runner, allow access to the GitHub Actions endpoints (results and blob storage); otherwise re-run the job.',
    };
  }
  if (/\((401|403)\)|JWT|Invalid token/i.test(text)) {
    return {
      kind: 'auth',
      message: `The artifact service rejected this job's credentials${detail}.`,
      fix: "run the action as a step of a GitHub Actions job (ACTIONS_RUNTIME_TOKEN comes from the runner), or set 'artifact-name' to false.",
    };
  }
  if (/after \d+ attempts|\((5\d\d|429)\)|stalled/i.test(text)) {
    return {
      kind: 'unavailable',
      message: `The GitHub artifact service kept failing, retries included${detail}.`,
      fix: "this is usually temporary: re-run the job (see https://www.githubstatus.com), or set 'artifact-name' to false to skip the upload.",
    };
  }
  return {
    kind: 'other',
    message: `Uploading the workflow artifact '${artifactName}' failed${detail}.`,
    fix: "re-run the job with debug logging (ACTIONS_STEP_DEBUG) for the client's details, or set 'artifact-name' to false to skip the upload.",
  };
}

function printable(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
