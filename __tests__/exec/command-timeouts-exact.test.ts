// The timeout inputs at their edges, and the messages word for word.
import { describe, expect, it } from 'vitest';
import { CommandTimeoutError, InputError } from '../../src/base/errors.js';
import { parseTimeoutMinutes, timedOutError } from '../../src/exec/command-timeouts.js';

function refusal(raw: string): InputError {
  try {
    parseTimeoutMinutes('build-timeout', raw);
  } catch (error) {
    return error as InputError;
  }
  throw new Error(`${raw} was accepted`);
}

describe('parseTimeoutMinutes at the edges', () => {
  it('takes any number of decimals, with or without a leading digit', () => {
    expect(parseTimeoutMinutes('build-timeout', '1.25')).toBe(75_000);
    expect(parseTimeoutMinutes('build-timeout', '.25')).toBe(15_000);
    expect(parseTimeoutMinutes('build-timeout', '2.')).toBe(120_000);
    expect(parseTimeoutMinutes('build-timeout', '0.125')).toBe(7_500);
  });

  it('accepts one millisecond and the timer maximum, and nothing past them', () => {
    expect(parseTimeoutMinutes('build-timeout', '0.0000166667')).toBe(1);
    expect(parseTimeoutMinutes('build-timeout', '0.0000083334')).toBe(1);
    expect(refusal('0.0000083333')).toBeInstanceOf(InputError);
    expect(parseTimeoutMinutes('build-timeout', '35791.3941166')).toBe(2 ** 31 - 1);
    expect(refusal('35791.394134')).toBeInstanceOf(InputError);
    expect(refusal('35791.395')).toBeInstanceOf(InputError);
  });

  it('refuses with the whole message and fix', () => {
    const error = refusal(' 0 ');
    expect(error.message).toBe(
      "' 0 ' is not a timeout: give a positive number of minutes, at most 35791.",
    );
    expect(error.input).toBe('build-timeout');
    expect(error.fix).toBe(
      'use e.g. `build-timeout: 30` (minutes), or leave it empty for the default.',
    );
    for (const raw of ['1.2.3', '.', '1 2', '+1', '0x10']) {
      expect(refusal(raw)).toBeInstanceOf(InputError);
    }
  });
});

describe('timedOutError', () => {
  it('says how long the command ran, in minutes, and which input to raise', () => {
    const error = timedOutError('build-command', 'build-timeout', 60_000);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(error.message).toBe(
      'build-command ran longer than 1 minute and was stopped, with every process it started.',
    );
    expect(error.input).toBe('build-timeout');
    expect(error.fix).toBe('make build-command finish sooner, or raise `build-timeout` (minutes).');
    expect(timedOutError('test-command', 'test-timeout', 90_000).message).toBe(
      'test-command ran longer than 1.5 minutes and was stopped, with every process it started.',
    );
    expect(timedOutError('test-command', 'test-timeout', 61).message).toContain(
      'longer than 0.001 minutes and',
    );
    expect(timedOutError('test-command', 'test-timeout', 120_000).message).toContain(
      'longer than 2 minutes and',
    );
  });
});
