// Node ends a process whose last await can never settle (nothing left to wait on) with exit code
// 13, and a forced exit (process.exit after a cancel) skips every `finally` too. The clean-ups
// registered here run then, synchronously from the 'exit' event, so a run that ends that way
// still leaves no pending folder or half-written wheel behind. Process-wide by nature: there is
// one 'exit' per process.

const cleanups = new Set<() => void>();

/** Registers a synchronous clean-up for an exit before the run's own; returns its removal. */
export function onEarlyExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => {
    cleanups.delete(cleanup);
  };
}

/**
 * Runs every clean-up still registered, once; returns how many ran. A failing one is skipped:
 * the process is ending and the others must still run.
 */
export function runEarlyExitCleanups(): number {
  const pending = [...cleanups];
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      cleanup();
    } catch {
      // best effort while the process ends
    }
  }
  return pending.length;
}
