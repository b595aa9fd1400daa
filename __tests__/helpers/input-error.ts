// The InputError a call is expected to end in: any other error is thrown on, and a call that
// returns fails the test with `accepted` (say what was accepted where it helps).
import { InputError } from '../../src/base/errors.js';

export function thrownInputError(fn: () => unknown, accepted = 'accepted'): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(accepted);
}

export async function rejectedInputError(
  fn: () => Promise<unknown>,
  accepted = 'accepted',
): Promise<InputError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(accepted);
}
