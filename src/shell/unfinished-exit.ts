// The last line of defence: node exits with code 13, silently but for a warning on stderr, when
// the run's top-level await can never settle (an operation that will never report back, with
// nothing else left running). On any exit the pipeline's early-exit clean-ups run (a forced
// exit after a cancel skips `finally` too); on exit 13 the user also gets one named error and
// exit code 1, instead of a job that stops mid-log with no word.
import { runEarlyExitCleanups } from '../pipeline/early-exit.js';

/** Node's exit code for a top-level await that can never settle. */
export const UNSETTLED_EXIT_CODE = 13;

/** What the user reads when the run stopped that way (pure). */
export function unfinishedRunMessage(rerun: 'the job' | 'the command'): string {
  return (
    'The run stopped before its work was done: it was waiting for an operation that could ' +
    `never finish, with nothing else left running (node's exit code ${UNSETTLED_EXIT_CODE}). ` +
    'The files it had begun (the pending folder and any half-written wheel in output-dir, its ' +
    `temp folder) were removed; nothing more was published. Fix: re-run ${rerun}; if it happens ` +
    'again, report it with this log, as it is a fault of the action.'
  );
}

/**
 * Installs the 'exit' listener: clean-ups always, and `report(message)` (synchronous: the event
 * loop is gone) plus exit code 1 when node is about to exit with code 13. Node 20 passes 0 to
 * the listener and keeps the 13 in process.exitCode; node 24 passes 13.
 */
export function guardUnfinishedExit(
  rerun: 'the job' | 'the command',
  report: (message: string) => void,
): void {
  process.on('exit', (code) => {
    runEarlyExitCleanups();
    if (code !== UNSETTLED_EXIT_CODE && process.exitCode !== UNSETTLED_EXIT_CODE) return;
    process.exitCode = 1;
    report(unfinishedRunMessage(rerun));
  });
}
