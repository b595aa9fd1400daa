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
