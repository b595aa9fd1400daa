/**
 * Progress of long work on a log without a TTY: one line at most every `intervalMs` (10 s by
 * default), so a short run prints nothing extra and a long one never looks hung. Pure apart from
 * the clock, which callers may pass in.
 */
export interface ProgressCount {
  bytes: number;
  files: number;
}

export const PROGRESS_INTERVAL_MS = 10_000;

/** Returns the function to call after each unit of work; it prints when the interval passed. */
export function throttledProgress(
  label: string,
  total: ProgressCount,
  print: (line: string) => void,
  options: { intervalMs?: number; now?: () => number } = {},
): (done: ProgressCount) => void {
  const now = options.now ?? Date.now;
  const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  let last = now();
  return (done) => {
    const time = now();
    if (time - last < interval || done.files >= total.files) return;
    last = time;
    print(progressLine(label, done, total));
  };
}

export function progressLine(label: string, done: ProgressCount, total: ProgressCount): string {
  const percent = total.bytes > 0 ? Math.floor((done.bytes / total.bytes) * 100) : 100;
  return `${label}: ${mib(done.bytes)} of ${mib(total.bytes)} MiB (${percent}%), ${done.files} of ${total.files} files`;
}

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
