/**
 * How every input is read, the same for each: trimmed, blank = its default (INPUT_SPECS), line
 * lists without blank and `#` lines, booleans as true/false only. Pure.
 */
import { booleanWord } from '../base/boolean-word.js';
import { InputError } from '../base/errors.js';
import { INPUT_SPECS, type InputName, type InputSource } from './input-spec.js';

/** How every input is read: trimmed, blank = its default (INPUT_SPECS). */
export interface InputReader {
  readonly get: (name: InputName) => string;
  /** undefined when blank and without a default. */
  readonly optional: (name: InputName) => string | undefined;
  /** One value per line, trimmed; blank lines and `#` comment lines are skipped. */
  readonly lines: (name: InputName) => string[];
  readonly bool: (name: InputName) => boolean;
}

export function inputReader(source: InputSource): InputReader {
  const get = (name: InputName): string => {
    const value = source(name).trim();
    return value === '' ? INPUT_SPECS[name].default : value;
  };
  return {
    get,
    optional: (name) => get(name) || undefined,
    lines: (name) =>
      get(name)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    bool: (name) => parseBoolean(get(name), name),
  };
}

export function parseBoolean(value: string, input: InputName): boolean {
  const word = booleanWord(value);
  if (word !== undefined) return word;
  throw new InputError(`"${value}" is not a boolean.`, { input, fix: 'use true or false.' });
}
