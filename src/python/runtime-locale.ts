/**
 * The runtime's locale, not ours. Algorithmia's runtime images set no UTF-8 locale, and pip 18/19
 * on python 2.7 and 3.6 (which have no UTF-8 mode) cannot write a file whose name is not ASCII
 * there: `UnicodeEncodeError` in pip's unzip. So in an image the verification gets none of the
 * runner's locale variables, and on this machine a wheel with such names is installed once more
 * under LC_ALL=C. Pure.
 */
import { VerifyError } from '../base/errors.js';

/** What decides a process's locale and python's text encoding (besides `-E`, which we pass). */
const LOCALE_VARIABLE =
  /^(LANG|LANGUAGE|LC_[A-Z_]+|PYTHONUTF8|PYTHONIOENCODING|PYTHONCOERCECLOCALE)$/;

export function isLocaleVariable(name: string): boolean {
  return LOCALE_VARIABLE.test(name);
}

/** The variables without the locale ones, and the names dropped (for the log). */
export function withoutLocale(env: Readonly<Record<string, string>>): {
  env: Record<string, string>;
  dropped: string[];
} {
  const kept: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (isLocaleVariable(name)) dropped.push(name);
    else kept[name] = value;
  }
  return { env: kept, dropped: dropped.sort() };
}

/** The locale of a runtime that sets none: what the second install on this machine runs under. */
export const RUNTIME_C_LOCALE: Readonly<Record<string, string>> = { LC_ALL: 'C', LANG: 'C' };

/** The wheel's paths whose names are not ASCII (these need a UTF-8 locale with an old pip). */
export function nonAsciiPaths(paths: readonly string[]): string[] {
  return paths.filter((path) => /[^\p{ASCII}]/u.test(path));
}

/** pip's failure to write a non-ASCII name in the C locale, as a clear error; else undefined. */
export function localeInstallError(
  output: string,
  names: readonly string[],
  python: string,
  where: string,
): VerifyError | undefined {
  if (!/UnicodeEncodeError|UnicodeDecodeError/.test(output)) return undefined;
  const first = names[0] ?? 'a file';
  return new VerifyError(
    `pip (${python}) on ${where} cannot install ${first} without a UTF-8 locale, and the runtime sets none (LANG unset): pip fails with UnicodeEncodeError.`,
    {
      input: 'python',
      file: first,
      fix: `give ${names.length === 1 ? 'that file' : `the ${names.length} files (${names.join(', ')})`} an ASCII name, or build for python 3.7 or newer, whose UTF-8 mode installs such names in the C locale.`,
      details: output
        .trim()
        .split('\n')
        .filter((line) => /Error/.test(line))
        .slice(-3)
        .join('\n'),
    },
  );
}
