import type { Log } from './log.js';

/**
 * The Log of the local command: plain lines on stderr, so stdout stays for results. Node builtins
 * only: the command never loads @actions/core (ActionsLog, src/log/actions-log.ts, is the action's).
 */
export class ConsoleLog implements Log {
  constructor(private readonly verbose = false) {}
  info(message: string): void {
    process.stderr.write(`${message}\n`);
  }
  warning(message: string): void {
    process.stderr.write(`warning: ${message}\n`);
  }
  debug(message: string): void {
    if (this.verbose) process.stderr.write(`debug: ${message}\n`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    process.stderr.write(`==> ${name}\n`);
    return fn();
  }
  setSecret(): void {}
}
