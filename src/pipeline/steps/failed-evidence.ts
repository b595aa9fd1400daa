// A failed verification or library check keeps its evidence in `<output-dir>/failed/`: the
// unverified wheel, pip's log and the import traceback, so the user has something to look at.
// Every text is redacted like the log; nothing here is ever published to S3. With artifact
// publishing on, the folder also goes up as its own artifact, `<artifact-name>-failed`: evidence
// for the user to download, never the wheel's artifact.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CancelledError, UserError } from '../../base/errors.js';
import type { Log } from '../../log/log.js';
import { Redactor } from '../../log/redact.js';

/** The folder under output-dir that holds a failed run's evidence. */
export const FAILED_FOLDER = 'failed';

export interface FailureEvidence {
  outputDir: string;
  wheelPath: string;
  /** pip's output of the verification install (empty when pip never ran). */
  pipLog: string;
  /** The failing check's output: the import traceback, test-command's or the library check's. */
  traceback: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Log;
  /** The evidence artifact's name (`<artifact-name>-failed`); undefined = artifacts are off. */
  artifact?: { name: string; retentionDays?: number };
  /** The run's cancellation: a cancel during the upload fails the run as cancelled. */
  signal?: AbortSignal;
  /** The interval of the upload's progress lines. */
  progressMs?: number;
}

/** The suffix of the evidence artifact's name. */
export const FAILED_ARTIFACT_SUFFIX = '-failed';

/**
 * Writes the evidence and returns the error to throw: the same kind, its message naming the
 * folder. A failure to write the evidence is a warning: the verification's error stays the news.
 */
export async function keepFailureEvidence(
  error: UserError,
  evidence: FailureEvidence,
): Promise<UserError> {
  const folder = join(evidence.outputDir, FAILED_FOLDER);
  const redactor = Redactor.fromEnvironment(evidence.env);
  const files = [basename(evidence.wheelPath), 'pip.log', 'traceback.txt'].map((f) =>
    join(folder, f),
  );
  let made: string | undefined;
  try {
    made = await mkdir(folder, { recursive: true });
    await copyFile(evidence.wheelPath, files[0]!);
    await writeFile(files[1]!, redactor.redact(evidence.pipLog));
    await writeFile(files[2]!, redactor.redact(evidence.traceback));
  } catch (writeError) {
    // A half-written copy (a full disk) is no evidence: take back what this call wrote.
    await (
      made === undefined
        ? Promise.all(files.map((file) => rm(file, { force: true })))
        : rm(made, { recursive: true, force: true })
    ).catch(() => undefined);
    evidence.log.warning(
      `Could not keep the failed verification's files in ${folder} (nothing was left there): ${String(writeError)}`,
    );
    return error;
  }
  evidence.log.info(`The unverified wheel, pip's log and the traceback are kept in ${folder}`);
  const where = await uploadEvidence(error, files, folder, evidence);
  const Kind = error.constructor as new (message: string, options: object) => UserError;
  return new Kind(
    `${error.message} The unverified wheel, pip's log and the traceback are in ${folder}${where}.`,
    {
      ...(error.input === undefined ? {} : { input: error.input }),
      ...(error.fix === undefined ? {} : { fix: error.fix }),
      ...(error.file === undefined ? {} : { file: error.file }),
      ...(error.details === undefined ? {} : { details: error.details }),
      cause: error,
    },
  );
}

/** Uploads the evidence when artifacts are on; returns how the error names it ('' = not at all). */
async function uploadEvidence(
  error: UserError,
  files: readonly string[],
  folder: string,
  evidence: FailureEvidence,
): Promise<string> {
  const { artifact, signal } = evidence;
  // A cancelled run uploads nothing more; a run without artifacts has only the folder.
  if (!artifact || error instanceof CancelledError || signal?.aborted) return '';
  const { uploadEvidenceArtifact } = await import('../../publish/artifact/artifact.js');
  const result = await uploadEvidenceArtifact(
    files,
    folder,
    {
      name: artifact.name,
      ...(artifact.retentionDays === undefined ? {} : { retentionDays: artifact.retentionDays }),
      ...(signal ? { signal } : {}),
      ...(evidence.progressMs === undefined ? {} : { progressMs: evidence.progressMs }),
    },
    evidence.env,
    evidence.log,
  );
  if (result.status === 'skipped') return '';
  if (result.status === 'failed') {
    return ` (uploading them as the workflow artifact '${result.name}' failed: ${result.reason})`;
  }
  const handle = [result.id === undefined ? '' : `id ${result.id}`, result.url ?? '']
    .filter(Boolean)
    .join(': ');
  return ` and in the workflow artifact '${result.name}'${handle ? ` (${handle})` : ''}`;
}
