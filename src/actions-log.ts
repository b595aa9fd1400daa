import * as core from './workflow-commands.js';
import type { Log } from './log.js';

/**
 * The Log as GitHub Actions shows it: collapsible groups, annotations, masked secrets (the workflow
 * commands of @actions/core, written by src/workflow-commands.ts without loading it).
 */
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
