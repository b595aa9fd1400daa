/**
 * The log the pipeline writes to. The action implements it with @actions/core (groups, masks,
 * annotations); the CLI with plain stderr lines. Pipeline code never calls @actions/core itself.
 */
export interface Log {
  info(message: string): void;
  warning(message: string, properties?: { file?: string; title?: string }): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible group and logs how long it took. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Masks a value in every later log line (a no-op outside Actions). */
  setSecret(value: string): void;
}

/** Collects lines in memory; for tests and for code that must not print. */
export class MemoryLog implements Log {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warning(message: string): void {
    this.lines.push(`warning: ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`group: ${name}`);
    return fn();
  }
  setSecret(): void {}
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
