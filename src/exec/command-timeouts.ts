/** The `build-timeout` and `test-timeout` inputs: minutes in, milliseconds out (pure). */
import { CommandTimeoutError, InputError } from '../base/errors.js';

/** setTimeout's upper bound (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Parses a timeout in minutes ("30", "0.5") into milliseconds; empty means no limit. Throws an
 * InputError naming the input for anything but a positive number.
 */
export function parseTimeoutMinutes(input: string, raw: string): number | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const minutes = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  const ms = Math.round(minutes * 60_000);
  if (!Number.isFinite(minutes) || ms < 1 || ms > MAX_TIMER_MS) {
    throw new InputError(
      `'${raw}' is not a timeout: give a positive number of minutes, at most ${Math.floor(MAX_TIMER_MS / 60_000)}.`,
      {
        input,
        fix: `use e.g. \`${input}: 30\` (minutes), or leave it empty for the default.`,
      },
    );
  }
  return ms;
}

/** The error for a command stopped by its timeout. */
export function timedOutError(
  commandInput: string,
  timeoutInput: string,
  ms: number,
): CommandTimeoutError {
  return new CommandTimeoutError(
    `${commandInput} ran longer than ${formatMinutes(ms)} and was stopped, with every process it started.`,
    {
      input: timeoutInput,
      fix: `make ${commandInput} finish sooner, or raise \`${timeoutInput}\` (minutes).`,
    },
  );
}

function formatMinutes(ms: number): string {
  const minutes = ms / 60_000;
  return `${Number(minutes.toFixed(3))} minute${minutes === 1 ? '' : 's'}`;
}
