// A failed verification or library check keeps its evidence in `<output-dir>/failed/`: the
// unverified wheel, pip's log and the import traceback, so the user has something to look at.
// Every text is redacted like the log; nothing here is ever published to S3.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { UserError } from '../../base/errors.js';
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
}

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
  try {
    await mkdir(folder, { recursive: true });
    await copyFile(evidence.wheelPath, join(folder, basename(evidence.wheelPath)));
    await writeFile(join(folder, 'pip.log'), redactor.redact(evidence.pipLog));
    await writeFile(join(folder, 'traceback.txt'), redactor.redact(evidence.traceback));
  } catch (writeError) {
    evidence.log.warning(
      `Could not keep the failed verification's files in ${folder}: ${String(writeError)}`,
    );
    return error;
  }
  evidence.log.info(`The unverified wheel, pip's log and the traceback are kept in ${folder}`);
  const Kind = error.constructor as new (message: string, options: object) => UserError;
  return new Kind(
    `${error.message} The unverified wheel, pip's log and the traceback are in ${folder}.`,
    {
      ...(error.input === undefined ? {} : { input: error.input }),
      ...(error.fix === undefined ? {} : { fix: error.fix }),
      ...(error.file === undefined ? {} : { file: error.file }),
      ...(error.details === undefined ? {} : { details: error.details }),
      cause: error,
    },
  );
}
