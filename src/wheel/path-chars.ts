import { InputError } from '../base/errors.js';

/**
 * Characters a wheel path may not hold: the C0 controls (line breaks, tab, escape...), DEL, the C1
 * controls (U+0085 is a line break to Python, U+009B a terminal escape) and the Unicode line and
 * paragraph separators. A line break in a RECORD row makes pip 19 on Python 2.7 refuse the wheel
 * ("new-line character seen in unquoted field"), and a name that breaks a log line could start a
 * workflow command on the runner. No Python module can be named so either.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** The first forbidden character as `U+XXXX`, or undefined. Pure. */
export function forbiddenCharacter(path: string): string | undefined {
  const found = FORBIDDEN.exec(path);
  if (found === null) return undefined;
  return `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `path` in double quotes for a message, every forbidden character escaped (JSON.stringify alone
 * leaves DEL, the C1 controls and U+2028/U+2029 raw), so the message stays one safe line. Pure.
 */
export function quotePath(path: string): string {
  return JSON.stringify(path).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Throws an InputError naming `input` when a wheel path holds a control character or line break. */
export function checkPathCharacters(path: string, input: string | undefined): void {
  const bad = forbiddenCharacter(path);
  if (bad === undefined) return;
  throw new InputError(
    `the wheel path ${quotePath(path)} holds a control character or line break (${bad}); pip 19 on Python 2.7 cannot install such a wheel, and the name cannot be logged safely.`,
    {
      input,
      fix: 'rename the file or folder in the build (letters, digits, "_", "-", "." and spaces are safe), or leave it out of what you stage.',
    },
  );
}
