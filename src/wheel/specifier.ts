/**
 * PEP 440 version specifier sets (`>=3.6, !=3.7.*, <4`), for `requires-python`. Pure: validates
 * and returns the canonical text written to METADATA (`Requires-Python: >=3.6,!=3.7.*,<4`).
 * Follows packaging.specifiers.Specifier's grammar: `~=` needs two release segments and no `.*`;
 * `.*` only after `==`/`!=`; a local label (`+abc`) only with `==`/`!=`; `===` takes any text.
 */
import { InputError } from '../base/errors.js';

const RELEASE = String.raw`[0-9]+(?:\.[0-9]+)*`;
const PRE = String.raw`(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?`;
const POST = String.raw`(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?`;
const DEV = String.raw`(?:[-_.]?dev[-_.]?[0-9]*)?`;
const PUBLIC = String.raw`v?(?:[0-9]+!)?${RELEASE}${PRE}${POST}${DEV}`;
const LOCAL = String.raw`(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?`;

const PREFIX_MATCH = new RegExp(String.raw`^v?(?:[0-9]+!)?${RELEASE}\.\*$`, 'i');
const WITH_LOCAL = new RegExp(`^${PUBLIC}${LOCAL}$`, 'i');
const PUBLIC_ONLY = new RegExp(`^${PUBLIC}$`, 'i');
const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/;

/** Why one clause is not a PEP 440 specifier, or undefined when it is. */
function clauseProblem(op: string, version: string): string | undefined {
  if (op === '===') return /[\s,;]/.test(version) ? 'an arbitrary-equality version' : undefined;
  if (op === '==' || op === '!=') {
    if (version.endsWith('.*')) {
      return PREFIX_MATCH.test(version) ? undefined : '".*" must follow a release like 3.7';
    }
    return WITH_LOCAL.test(version) ? undefined : `"${version}" is not a PEP 440 version`;
  }
  if (version.endsWith('.*')) return `".*" is only allowed after == or !=`;
  if (!PUBLIC_ONLY.test(version)) {
    return WITH_LOCAL.test(version)
      ? `a local version label ("+...") is only allowed after == or !=`
      : `"${version}" is not a PEP 440 version`;
  }
  if (op === '~=' && !/^v?(?:[0-9]+!)?[0-9]+\.[0-9]+/i.test(version)) {
    return '"~=" needs at least two release segments (~=3.6)';
  }
  return undefined;
}

/**
 * Validates a specifier set and returns it canonical (clauses trimmed, joined with ","), or
 * throws an InputError naming `input`. An empty string is not a specifier set.
 */
export function parseSpecifierSet(raw: string, input = 'requires-python'): string {
  const text = raw.trim();
  const fail = (why: string): never => {
    throw new InputError(`"${text}" is not a PEP 440 version specifier set: ${why}.`, {
      input,
      fix: 'write comma-separated clauses such as `>=3.6` or `>=2.7, !=3.0.*, !=3.1.*, <4`.',
    });
  };
  if (text === '') fail('it is empty');
  if (/[\r\n]/.test(text)) fail('it spans several lines');
  const clauses: string[] = [];
  for (const part of text.split(',')) {
    const clause = part.trim();
    if (clause === '') fail('a clause between commas is empty');
    const match = CLAUSE.exec(clause);
    if (!match) {
      fail(
        /^[0-9]/.test(clause)
          ? `"${clause}" has no operator (write ==${clause} or >=${clause})`
          : `"${clause}" is not an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a version`,
      );
    }
    const [, op, version] = match as unknown as [string, string, string];
    const problem = clauseProblem(op, version);
    if (problem) fail(problem);
    clauses.push(`${op}${version}`);
  }
  return clauses.join(',');
}
