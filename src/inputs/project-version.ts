import { parse as parseToml } from 'smol-toml';
import { errorMessage, InputError } from '../base/errors.js';
import { normalizeVersion } from '../wheel/version.js';

/** The version a project-dir build must report: given as `version`, or the pushed tag. */
export interface ExpectedVersion {
  /** Normalized PEP 440. */
  version: string;
  /** `version` when the input gave it; the tag's name (`v1.2.3`) when the tag did. */
  from: { input: string } | { tag: string };
}

/** The tag of a tag push (`refs/tags/v1.2.3` -> `v1.2.3`), or undefined on any other push. */
export function pushedTag(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME) return env.GITHUB_REF_NAME;
  if (env.GITHUB_REF_TYPE === undefined || env.GITHUB_REF_TYPE === '') {
    const match = env.GITHUB_REF?.match(/^refs\/tags\/(.+)$/);
    if (match) return match[1];
  }
  return undefined;
}

/** `v1.2.0` -> `1.2.0`: the version a tag names, before normalization. */
export function tagVersion(tag: string): string {
  return tag.replace(/^v(?=\d)/, '');
}

/**
 * Whether two normalized PEP 440 versions are the same version for pip: `1.2` and `1.2.0` are,
 * `1.2` and `1.2.post0` are not.
 */
export function sameVersion(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

function comparable(version: string): string {
  const match = /^((?:\d+!)?)(\d+(?:\.\d+)*)(.*)$/.exec(version);
  if (!match) return version;
  const [, epoch, release, rest] = match as unknown as [string, string, string, string];
  return `${epoch}${release.replace(/(?:\.0+)+$/, '')}${rest}`;
}

/**
 * Throws when the project's own version disagrees with the one expected; `reported` is the
 * project's version as it reported it (setup.py, pyproject.toml, the built wheel's name).
 */
export function checkProjectVersion(
  expected: ExpectedVersion | undefined,
  reported: string,
  where: string,
): string {
  const actual = normalizeVersion(reported, 'project-dir');
  if (expected === undefined || sameVersion(expected.version, actual)) return actual;
  if ('tag' in expected.from) {
    throw new InputError(
      `the pushed tag ${expected.from.tag} means version ${expected.version}, but the project's version is ${actual} (${where}).`,
      {
        input: 'version',
        fix: `bump the project's version to ${expected.version} and tag that commit, or tag the commit with v${actual} instead; a project-dir wheel always carries the project's own version.`,
      },
    );
  }
  throw new InputError(
    `\`version\` says ${expected.version}, but the project's version is ${actual} (${where}).`,
    {
      input: 'version',
      fix: `leave \`version\` empty to use the project's own version (${actual}), or change the version in the project's setup.py/pyproject.toml.`,
    },
  );
}

/**
 * The static `version` of pyproject.toml's `[project]` table, or undefined when it is dynamic,
 * missing, or not a string (then the build tells). Read with a TOML parser: a multi-line string
 * holding `version = "9.9"`, dotted keys (`project.version = ...`) and inline tables
 * (`project = { version = ... }`) read as Python's tomllib reads them.
 */
export function staticPyprojectVersion(toml: string): string | undefined {
  let document: Record<string, unknown>;
  try {
    document = parseToml(toml);
  } catch (error) {
    throw new InputError(
      `pyproject.toml is not valid TOML: ${errorMessage(error).split('\n')[0]}`,
      {
        input: 'project-dir',
        fix: "correct pyproject.toml's syntax (pip's build would refuse it too).",
        file: 'pyproject.toml',
      },
    );
  }
  // A `project` that is no table (a string, an array) has no `version` either.
  const version = (document.project as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version.trim() : undefined;
}
