/**
 * Cancellation of the working process: the runner cancels a step with SIGINT (some versions
 * SIGHUP), then SIGTERM 7.5 s later, then kills the process tree 2.5 s after that. Any of these
 * signals, or the launcher (src/exec/launch.ts) going away, aborts one AbortSignal that every step
 * gets: running commands are stopped, an upload in flight is aborted, no later step starts.
 */
import { CancelledError } from '../base/errors.js';

export const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** After a cancel, the process exits by itself this long later even if a step hangs. */
export const CANCEL_DEADLINE_MS = 6000;

export interface Cancellation {
  signal: AbortSignal;
  /** Removes the handlers (the run is over). */
  dispose(): void;
  /**
   * Ends the process now if the run was cancelled, once it has reported (with `code`, else
   * process.exitCode): work given up on cancel but still under way in the background (the
   * artifact client's upload, which takes no signal: src/publish/artifact/artifact.ts) must not
   * go on to finish, and publish, after the run said it was cancelled.
   */
  endIfCancelled(code?: number): void;
}

export function cancelledError(cause: string): CancelledError {
  return new CancelledError(`the run was cancelled (${cause}).`, {
    fix: 're-run the job; a re-run aborts the uploads this run left unfinished.',
  });
}

/**
 * Turns SIGINT/SIGTERM/SIGHUP and the loss of the launcher's IPC channel into an aborted signal
 * whose reason is a CancelledError. A repeated signal changes nothing; CANCEL_DEADLINE_MS after
 * the first, the process exits with code 130 whatever is still running.
 */
export function cancelOnSignals(proc: NodeJS.Process = process): Cancellation {
  const controller = new AbortController();
  const cancel = (cause: string): void => {
    if (controller.signal.aborted) return;
    controller.abort(cancelledError(cause));
    setTimeout(() => proc.exit(130), CANCEL_DEADLINE_MS).unref();
  };
  const onSignal = (signal: NodeJS.Signals): void => cancel(signal);
  const onDisconnect = (): void => cancel('the launching process went away');
  for (const signal of CANCEL_SIGNALS) proc.on(signal, onSignal);
  if (proc.channel) {
    // The channel only tells us when the launcher dies; it must not keep this process alive.
    proc.channel.unref();
    proc.on('disconnect', onDisconnect);
  }
  return {
    signal: controller.signal,
    dispose() {
      for (const signal of CANCEL_SIGNALS) proc.off(signal, onSignal);
      proc.off('disconnect', onDisconnect);
    },
    endIfCancelled(code?: number) {
      if (!controller.signal.aborted) return;
      // process.exit(undefined) would exit with 0 whatever process.exitCode says.
      if (code !== undefined) proc.exitCode = code;
      proc.exit();
    },
  };
}
