import { describe, expect, it } from 'vitest';
import { CommandTimeoutError, InputError } from '../../src/base/errors.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { parseTimeoutMinutes, timedOutError } from '../../src/exec/command-timeouts.js';
import { inputs } from '../helpers/example.js';

describe('parseTimeoutMinutes', () => {
  it.each([
    ['30', 1_800_000],
    ['0.5', 30_000],
    ['.5', 30_000],
    [' 2 ', 120_000],
    ['35791', 35791 * 60_000],
  ])('%j minutes is %i ms', (raw, ms) => {
    expect(parseTimeoutMinutes('build-timeout', raw)).toBe(ms);
  });

  it('empty means no limit', () => {
    expect(parseTimeoutMinutes('build-timeout', '')).toBeUndefined();
    expect(parseTimeoutMinutes('build-timeout', '  ')).toBeUndefined();
  });

  it.each(['0', '-1', 'abc', '10m', '1e3', 'Infinity', 'NaN', '0.000001', '35792', '1,5'])(
    '%j is refused naming the input',
    (raw) => {
      let error: unknown;
      try {
        parseTimeoutMinutes('test-timeout', raw);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('test-timeout');
      expect((error as InputError).message).toContain(`'${raw}'`);
      expect((error as InputError).fix).toContain('test-timeout');
    },
  );
});

describe('timeouts in getInputs', () => {
  const base = { 'package-dir': 'pkg', version: '1.0' } as const;
  it('defaults: no build limit, 10 minutes for test-command', () => {
    const parsed = getInputs(inputs(base), { GITHUB_WORKSPACE: '/tmp' });
    expect(parsed.buildTimeoutMs).toBeUndefined();
    expect(parsed.testTimeoutMs).toBe(600_000);
  });
  it('reads both inputs', () => {
    const parsed = getInputs(inputs({ ...base, 'build-timeout': '45', 'test-timeout': '1.5' }), {
      GITHUB_WORKSPACE: '/tmp',
    });
    expect(parsed.buildTimeoutMs).toBe(2_700_000);
    expect(parsed.testTimeoutMs).toBe(90_000);
  });
  it.each(['build-timeout', 'test-timeout'] as const)('a bad %s names it', (name) => {
    expect(() =>
      getInputs(inputs({ ...base, [name]: '-5' }), { GITHUB_WORKSPACE: '/tmp' }),
    ).toThrow(expect.objectContaining({ input: name }));
  });
});

describe('timedOutError', () => {
  it('names the timeout input and the command', () => {
    const error = timedOutError('build-command', 'build-timeout', 90_000);
    expect(error).toBeInstanceOf(CommandTimeoutError);
    expect(error.input).toBe('build-timeout');
    expect(error.describe()).toBe(
      "Input 'build-timeout': build-command ran longer than 1.5 minutes and was stopped, with every process it started. Fix: make build-command finish sooner, or raise `build-timeout` (minutes).",
    );
  });
});
