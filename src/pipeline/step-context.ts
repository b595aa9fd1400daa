import type { Executors } from './executors.js';
import type { Inputs } from '../inputs/inputs.js';
import { formatDuration, type Log } from '../log/log.js';

/** What every step of the pipeline is given: one object instead of a row of arguments. */
export interface StepContext {
  inputs: Inputs;
  log: Log;
  env: NodeJS.ProcessEnv;
  /** Where steps run (this machine or the image) and this machine itself. */
  executors: Executors;
  /** This run's own temp folder, removed at the end. */
  work: string;
  /** Beside output-dir: where the wheel waits until it is verified. */
  pending: string;
  /** Runs a step in a log group, then logs its duration; refuses to start once cancelled. */
  timed: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** Cancels the run (src/shell/cancel.ts). */
  signal?: AbortSignal;
  /** Progress lines of slow work: their interval, and when a command last printed. */
  progress: { intervalMs: number; lastOutputAt: () => number };
}

/** The timed-group helper of a run. */
export function timedGroup(log: Log, signal?: AbortSignal): StepContext['timed'] {
  return async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    const started = Date.now();
    const value = await log.group(name, fn);
    log.info(`${name}: ${formatDuration(Date.now() - started)}`);
    return value;
  };
}
