import { clean, valid } from '@renovatebot/pep440';
import { InputError } from '../errors.js';

/**
 * Validates a PEP 440 version and returns its normalized form (`1.0-1` -> `1.0.post1`,
 * `1.0RC1` -> `1.0rc1`). A version pip would refuse gets one error with a suggestion.
 */
export function normalizeVersion(raw: string, input = 'version'): string {
  const version = raw.trim();
  if (version === '') {
    throw new InputError('no version was given.', {
      input,
      fix: 'set `version` (e.g. 1.2.0), or run on a tag push (refs/tags/v1.2.0) to use the tag.',
    });
  }
  const normalized = valid(version) === null ? null : clean(version);
  if (normalized) return normalized;
  throw new InputError(`"${version}" is not a valid PEP 440 version.`, {
    input,
    fix: suggestion(version),
  });
}

function suggestion(version: string): string {
  // The common mistake is a build label after a dash ("0.1.4-gpu"): PEP 440 calls that a local
  // version and writes it after a "+".
  const dash = version.indexOf('-');
  if (dash > 0) {
    const local = `${version.slice(0, dash)}+${version.slice(dash + 1).replace(/[^A-Za-z0-9]+/g, '.')}`;
    if (valid(local) !== null)
      return `use "${clean(local) ?? local}" (a local version label goes after "+").`;
  }
  return 'use a version like 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0+gpu (PEP 440).';
}
