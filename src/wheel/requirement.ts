import { validRange } from '@renovatebot/pep440';
import { InputError } from '../errors.js';

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

/**
 * Checks one `requires` line against PEP 508 (name, extras, version specifiers or `@ URL`, and an
 * optional `; marker`) and returns it trimmed. pip installs a wheel with `--no-deps` whatever its
 * Requires-Dist says, so verification cannot catch a malformed one; the algorithm's own install
 * would then fail. Markers are only checked to be present after `;`.
 */
export function validateRequirement(raw: string, input = 'requires'): string {
  const text = raw.trim();
  const fail = (why: string): never => {
    throw new InputError(`"${text}" is not a valid requirement: ${why}.`, {
      input,
      fix: 'write one PEP 508 requirement per line, e.g. `numpy>=1.11` or `requests[socks]>=2,<3; python_version >= "3"`.',
    });
  };
  const name = NAME.exec(text)?.[0];
  if (name === undefined) fail('it must start with a project name');
  let rest = text.slice(name!.length).trim();
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end < 0) fail('the extras are not closed with "]"');
    const extras = rest.slice(1, end).split(',');
    if (
      extras.some(
        (extra) => !NAME.test(extra.trim()) || NAME.exec(extra.trim())![0] !== extra.trim(),
      )
    ) {
      fail('an extra is not a name');
    }
    rest = rest.slice(end + 1).trim();
  }
  const semicolon = rest.search(/;/);
  let spec = (semicolon < 0 ? rest : rest.slice(0, semicolon)).trim();
  if (semicolon >= 0 && rest.slice(semicolon + 1).trim() === '') {
    fail('the environment marker after ";" is empty');
  }
  if (spec.startsWith('@')) {
    if (!/^@\s*[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/.test(spec)) fail('"@" must be followed by a URL');
    return text;
  }
  if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim();
  if (spec !== '' && !validRange(spec)) fail(`"${spec}" is not a version specifier`);
  return text;
}
