/**
 * Progress while slow work runs without a natural step to report (an upload's part on the wire,
 * a quiet pip or test-command): a line once the work has been quiet for `intervalMs`, so a long
 * run never looks hung on a TTY-less log and a short one prints nothing extra. Output of the
 * command itself (`lastOutputAt`) restarts the quiet clock: no line duplicates its own.
 */
import { Writable } from 'node:stream';
import { PROGRESS_INTERVAL_MS } from './progress.js';

/**
 * Internal, for tests only: the interval in ms (the tests of the bundled action must not wait
 * 10 s). Not an input and not documented for users; CONTRIBUTING.md names it.
 */
export const PROGRESS_INTERVAL_VARIABLE = 'ALGORITHMIA_WHEEL_PROGRESS_MS';

/** The run's progress interval: 10 s, or the internal test variable when it is a whole number. */
export function progressIntervalMs(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env[PROGRESS_INTERVAL_VARIABLE];
  const value = raw === undefined || !/^\d+$/.test(raw.trim()) ? NaN : Number(raw.trim());
  return Number.isSafeInteger(value) && value > 0 ? value : PROGRESS_INTERVAL_MS;
}

export interface TickerOptions {
  intervalMs: number;
  /** The line for this moment, given the time since the start. */
  line: (elapsedMs: number) => string;
  print: (line: string) => void;
  /** When the work last printed on its own (0 = never). */
  lastOutputAt?: () => number;
  now?: () => number;
}

export interface Ticker {
  /** Prints if the work has been quiet for the interval (called by the timer; tests call it). */
  check(): void;
  stop(): void;
}

/** A ticker without its timer: the decision alone, for a caller with its own clock. */
export function ticker(options: TickerOptions): Ticker {
  const now = options.now ?? Date.now;
  const started = now();
  let lastLine = started;
  let stopped = false;
  return {
    check() {
      if (stopped) return;
      const time = now();
      const quietSince = Math.max(lastLine, options.lastOutputAt?.() ?? 0);
      if (time - quietSince < options.intervalMs) return;
      lastLine = time;
      options.print(options.line(time - started));
    },
    stop() {
      stopped = true;
    },
  };
}

/** Starts a ticker checked a few times per interval; `stop` ends it. The timer never keeps node up. */
export function startTicker(options: TickerOptions): Ticker {
  const tick = ticker(options);
  const timer = setInterval(
    () => tick.check(),
    Math.max(20, Math.min(1000, Math.floor(options.intervalMs / 4))),
  );
  timer.unref();
  return {
    check: () => tick.check(),
    stop() {
      clearInterval(timer);
      tick.stop();
    },
  };
}

/** Runs `work` with a ticker that stops when it settles. */
export async function withTicker<T>(options: TickerOptions, work: () => Promise<T>): Promise<T> {
  const running = startTicker(options);
  try {
    return await work();
  } finally {
    running.stop();
  }
}

/**
 * A stream in front of `target` that notes when something was last written to it: the commands'
 * streamed output, so a ticker stays quiet while a command prints.
 */
export function watchedStream(target: Writable): { stream: Writable; lastWriteAt: () => number } {
  let last = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (chunk.length > 0) last = Date.now();
      target.write(chunk, (error) => callback(error ?? null));
    },
  });
  return { stream, lastWriteAt: () => last };
}
