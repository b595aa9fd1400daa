import type { Log } from './log.js';
import type { Redactor } from './redact.js';

/**
 * A Log that removes every secret from what it prints, and whose `setSecret` both registers
 * the value with the redactor and forwards it (`::add-mask::` in Actions). Code that learns a
 * credential (the AWS chain) calls `log.setSecret` once; everything printed later is clean.
 */
export class RedactingLog implements Log {
  constructor(
    private readonly inner: Log,
    readonly redactor: Redactor,
  ) {}

  info(message: string): void {
    this.inner.info(this.redactor.redact(message));
  }

  warning(message: string, properties: { file?: string; title?: string } = {}): void {
    const clean: { file?: string; title?: string } = {};
    if (properties.file !== undefined) clean.file = this.redactor.redact(properties.file);
    if (properties.title !== undefined) clean.title = this.redactor.redact(properties.title);
    this.inner.warning(this.redactor.redact(message), clean);
  }

  debug(message: string): void {
    this.inner.debug(this.redactor.redact(message));
  }

  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.inner.group(this.redactor.redact(name), fn);
  }

  setSecret(value: string): void {
    for (const piece of this.redactor.add(value)) this.inner.setSecret(piece);
  }
}

/**
 * Registers every value the redactor already holds with the log's masking (`::add-mask::`),
 * before anything else is printed.
 */
export function maskAll(log: Log, redactor: Redactor): void {
  for (const value of redactor.values) log.setSecret(value);
}
