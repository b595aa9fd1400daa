import * as core from '@actions/core';
import type { Log } from './log.js';

/** The Log as GitHub Actions shows it: collapsible groups, annotations, masked secrets. */
export class ActionsLog implements Log {
  info(message: string): void {
    core.info(message);
  }
  warning(message: string, properties: { file?: string; title?: string } = {}): void {
    core.warning(message, properties);
  }
  debug(message: string): void {
    core.debug(message);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(name, fn);
  }
  setSecret(value: string): void {
    core.setSecret(value);
  }
}

/** The Log of the local command: plain lines on stderr, so stdout stays for results. */
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
