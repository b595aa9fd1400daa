import { redactText, SAS_SIGNATURE } from '../../log/redact.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { formatDuration } from '../../log/log.js';
import { PROGRESS_INTERVAL_MS } from '../../log/progress.js';
import { withTicker } from '../../log/progress-ticker.js';
import { PublishError, errorMessage } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import {
  artifactUploadFormat,
  artifactUrl,
  describeArtifactFailure,
  missingArtifactEnv,
  type ArtifactUploadFormat,
} from './artifact-plan.js';
import type { BuiltWheel } from '../built-wheel.js';

export interface ArtifactOptions {
  /** From resolveArtifactName; the caller does not call us at all when the input is `false`. */
  name: string;
  /** From validateRetentionDays; undefined keeps the repository's setting. */
  retentionDays?: number;
  /** The run's cancellation (see untilCancelled for how far it reaches). */
  signal?: AbortSignal;
  /** The interval of the progress lines while the upload runs (default 10 s). */
  progressMs?: number;
}

/**
 * The client's upload with a line per quiet interval: the client reports bytes only per chunk
 * (8 MiB), so a slow link could look hung; the line says what is going up and for how long.
 */
function uploading<T>(
  what: { name: string; bytes: number; files: number },
  options: ArtifactOptions,
  log: Log,
  work: () => Promise<T>,
): Promise<T> {
  const size = `${(what.bytes / 1048576).toFixed(1)} MiB`;
  return withTicker(
    {
      intervalMs: options.progressMs ?? PROGRESS_INTERVAL_MS,
      line: (ms) =>
        `Uploading the artifact '${what.name}': ${size} in ${what.files} file${what.files === 1 ? '' : 's'}, ${formatDuration(ms)} so far`,
      print: (line) => log.info(line),
    },
    work,
  );
}

export interface ArtifactResult {
  status: 'uploaded' | 'skipped';
  name: string;
  id?: number;
  url?: string;
  /** `wheel`: the artifact is the .whl itself; `zip`: a zip with the wheel stored uncompressed. */
  format?: ArtifactUploadFormat;
  /** sha256 of the uploaded bytes, as the service recorded it. */
  digest?: string;
  /** Why the upload was skipped. */
  reason?: string;
}

/**
 * Uploads the verified wheel as a workflow artifact of the current run.
 *
 * The wheel is already a zip: when the artifact is named after the file (the default) it goes up
 * as is (`skipArchive`, the artifact *is* the .whl); under another name the client must zip it,
 * and level 0 stores it without recompressing.
 *
 * `env` decides whether we are in Actions and builds the URL; @actions/artifact itself reads
 * process.env, so in production pass process.env.
 */
/**
 * The artifact client, loaded on first use: it is large (the Azure blob client among others) and
 * runs outside Actions skip the upload before needing it.
 */
async function artifactClient() {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}

/**
 * The client's work, given up the moment the run is cancelled: the cancellation is thrown at
 * once. @actions/artifact (6.x) takes no AbortSignal (its blob upload aborts only on its own
 * stall timer), so the request in flight is not cut here; the shell ends the process right after
 * reporting a cancelled run (src/shell/cancel.ts), which cuts it before FinalizeArtifact: an
 * artifact that is never finalized is never listed or downloadable. A cancel that arrives while
 * FinalizeArtifact itself is on the wire cannot be taken back.
 */
async function untilCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  // The abandoned work may still fail later: that is not this run's failure any more.
  work.catch(() => undefined);
  let onAbort: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, cancelled]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}

export async function publishArtifact(
  wheel: BuiltWheel,
  options: ArtifactOptions,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<ArtifactResult> {
  const { name, retentionDays, signal } = options;
  const missing = missingArtifactEnv(env);
  if (missing.length > 0) {
    const reason = `not running in a GitHub Actions job (${missing.join(' and ')} not set)`;
    log.info(`Workflow artifact skipped: ${reason}.`);
    return { status: 'skipped', name, reason };
  }

  // The runner masks its own token; masking it here too keeps it out of any log line of ours
  // wherever the action runs (a wrapper, a self-hosted runner with a custom environment).
  log.setSecret(env.ACTIONS_RUNTIME_TOKEN!);
  // The client names a skipArchive artifact after the file on disk, so compare with that.
  const format = artifactUploadFormat(name, path.basename(wheel.path));
  const secrets = [env.ACTIONS_RUNTIME_TOKEN];
  let response: { id?: number; digest?: string; size?: number };
  signal?.throwIfAborted();
  try {
    const client = await artifactClient();
    signal?.throwIfAborted();
    response = await uploading({ name, bytes: wheel.size, files: 1 }, options, log, () =>
      untilCancelled(
        client.uploadArtifact(name, [wheel.path], path.dirname(wheel.path), {
          ...(retentionDays === undefined ? {} : { retentionDays }),
          compressionLevel: 0,
          skipArchive: format === 'wheel',
        }),
        signal,
      ),
    );
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const existing = await sameWheelAlreadyUploaded(error, { name, format, wheel, env, log });
    if (existing) return existing;
    const failure = describeArtifactFailure(
      {
        name: error instanceof Error ? error.name : 'Error',
        message: redactText(errorMessage(error), secrets, [SAS_SIGNATURE]),
      },
      name,
    );
    // Only a name clash is about the input; a 503 or a quota is not. No `cause`: the client's
    // error objects carry request details we would rather not print.
    throw new PublishError(failure.message, {
      ...(failure.kind === 'conflict' ? { input: 'artifact-name' } : {}),
      fix: failure.fix,
    });
  }

  if (response.id === undefined) {
    throw new PublishError(`The artifact service did not return an id for '${name}'.`, {
      fix: "re-run the job; if it persists, set 'artifact-name' to false to skip the upload.",
    });
  }
  // The uploaded bytes are the wheel's bytes only in `wheel` format; check them against the hash
  // taken when the wheel was verified, so what we publish is what we tested.
  if (
    format === 'wheel' &&
    response.digest &&
    response.digest.toLowerCase() !== wheel.sha256.toLowerCase()
  ) {
    throw new PublishError(
      `The uploaded artifact '${name}' has sha256 ${response.digest}, but the verified wheel has ${wheel.sha256}.`,
      {
        file: wheel.path,
        fix: 'make sure nothing rewrites the wheel after the build step, then re-run.',
      },
    );
  }

  const url = artifactUrl(env, response.id);
  const how = format === 'wheel' ? 'the .whl itself, not zipped' : 'zip with the wheel stored';
  log.info(
    `Workflow artifact '${name}' uploaded (id ${response.id}, ${how})${url ? `: ${url}` : ''}`,
  );
  return {
    status: 'uploaded',
    name,
    id: response.id,
    ...(url === undefined ? {} : { url }),
    format,
    ...(response.digest === undefined ? {} : { digest: response.digest }),
  };
}

/**
 * A re-run attempt of the same job finds the artifact of the earlier attempt (a 409). When that
 * artifact is this very wheel (same sha256), the upload is done already: say so and succeed.
 */
async function sameWheelAlreadyUploaded(
  error: unknown,
  options: { name: string; format: string; wheel: BuiltWheel; env: NodeJS.ProcessEnv; log: Log },
): Promise<ArtifactResult | undefined> {
  const { name, format, wheel, env, log } = options;
  if (format !== 'wheel' || !/already exists|conflict|409/i.test(errorMessage(error)))
    return undefined;
  try {
    const { artifact } = await (await artifactClient()).getArtifact(name);
    if (artifact.digest !== `sha256:${wheel.sha256}`) return undefined;
    log.info(`artifact ${name} already uploaded by an earlier attempt (same sha256): skipped`);
    const url = artifactUrl(env, artifact.id);
    return {
      status: 'uploaded',
      name,
      id: artifact.id,
      ...(url ? { url } : {}),
      format: 'wheel',
      digest: artifact.digest,
    };
  } catch {
    return undefined;
  }
}

/** The evidence of a failed verification, uploaded as its own artifact (never the wheel's). */
export interface EvidenceArtifact {
  status: 'uploaded' | 'skipped' | 'failed';
  name: string;
  id?: number;
  url?: string;
  /** Why it was skipped, or how the upload failed (redacted). */
  reason?: string;
}

/**
 * Uploads `files` (the failed/ folder: the unverified wheel, pip.log, traceback.txt) as one zip
 * artifact named `name`. Evidence, not a publication: a failed upload is reported, not thrown,
 * so the verification's error stays the news; a cancel is thrown, as for every upload.
 */
export async function uploadEvidenceArtifact(
  files: readonly string[],
  folder: string,
  options: ArtifactOptions,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<EvidenceArtifact> {
  const { name, retentionDays, signal } = options;
  const missing = missingArtifactEnv(env);
  if (missing.length > 0) {
    const reason = `not running in a GitHub Actions job (${missing.join(' and ')} not set)`;
    log.debug(`Evidence artifact skipped: ${reason}.`);
    return { status: 'skipped', name, reason };
  }
  log.setSecret(env.ACTIONS_RUNTIME_TOKEN!);
  signal?.throwIfAborted();
  try {
    const client = await artifactClient();
    signal?.throwIfAborted();
    let bytes = 0;
    for (const file of files) bytes += (await stat(file)).size;
    const response = await uploading({ name, bytes, files: files.length }, options, log, () =>
      untilCancelled(
        client.uploadArtifact(name, [...files], folder, {
          ...(retentionDays === undefined ? {} : { retentionDays }),
        }),
        signal,
      ),
    );
    const url = response.id === undefined ? undefined : artifactUrl(env, response.id);
    log.info(
      `Workflow artifact '${name}' uploaded with the failed verification's files` +
        `${response.id === undefined ? '' : ` (id ${response.id})`}${url ? `: ${url}` : ''}`,
    );
    return {
      status: 'uploaded',
      name,
      ...(response.id === undefined ? {} : { id: response.id }),
      ...(url === undefined ? {} : { url }),
    };
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const secrets = [env.ACTIONS_RUNTIME_TOKEN];
    const reason = describeArtifactFailure(
      {
        name: error instanceof Error ? error.name : 'Error',
        message: redactText(errorMessage(error), secrets, [SAS_SIGNATURE]),
      },
      name,
    ).message;
    log.warning(`Could not upload the failed verification's files: ${reason}`);
    return { status: 'failed', name, reason };
  }
}
