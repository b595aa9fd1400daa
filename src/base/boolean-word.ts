/**
 * The one reading of a yes/no input: `true` or `false` in any letter case, surrounding blanks
 * ignored (what @actions/core's getBooleanInput accepts, and `TRUE`/`tRuE` too). Pure.
 * Returns undefined for anything else, so each caller decides what another value means: an
 * error for a boolean input, a name for `artifact-name`, globs for `license-files`.
 */
export function booleanWord(value: string): boolean | undefined {
  const word = value.trim().toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  return undefined;
}
