import { InputError } from '../base/errors.js';
import { expandTag, formatTag, readWheelTag } from './tags.js';

// PEP 508 distribution names: ASCII letters, digits, and . _ - inside.
const DISTRIBUTION_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
// Python 2 identifiers are ASCII-only, and the wheels we build must import on 2.7 too.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'exec finally for from global if import in is lambda nonlocal not or pass print raise return ' +
    'try while with yield'
  ).split(' '),
);

/** The verification receipt beside a wheel, `<wheel file name>.verification.json`. */
export const RECEIPT_SUFFIX = '.verification.json';

/** PEP 503 normalized project name: the form index pages and pip compare. */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The name as it appears in wheel file names and the .dist-info folder (PEP 427, PEP 503). */
export function escapeWheelName(name: string): string {
  return name.replace(/[-_.]+/g, '_').toLowerCase();
}

export function validateDistributionName(name: string, input = 'name'): string {
  if (!DISTRIBUTION_NAME.test(name)) {
    throw new InputError(`"${name}" is not a valid distribution name.`, {
      input,
      fix: 'use ASCII letters, digits, ".", "_" and "-", starting and ending with a letter or digit (PEP 508).',
    });
  }
  return name;
}

/** Whether a folder or module name can be imported by Python 2.7 and 3.x alike. */
export function isImportableName(name: string): boolean {
  return IDENTIFIER.test(name) && !PYTHON_KEYWORDS.has(name);
}

/** A dotted module path such as `vecmath.geometry`. */
export function isModulePath(path: string): boolean {
  return path.split('.').every(isImportableName);
}

export function wheelFileName(name: string, version: string, tag: string): string {
  return `${escapeWheelName(name)}-${version.replace(/-/g, '_')}-${tag}.whl`;
}

export function distInfoDirName(name: string, version: string): string {
  return `${escapeWheelName(name)}-${version.replace(/-/g, '_')}.dist-info`;
}

/** A wheel as parsed from its file name (PEP 427). */
export interface WheelName {
  fileName: string;
  /** As written in the file name (escaped: `my_lib`). */
  distribution: string;
  /** PEP 503 normalized name (`my-lib`): the project page's name. */
  project: string;
  /** As written in the file name (a `-` of the version is escaped as `_`). */
  version: string;
  build?: string;
  /** `cp311-cp311-linux_x86_64`, as in the file name (may be a compressed set). */
  tag: string;
  /** The compressed tag set expanded: `py2.py3-none-any` gives two tags. */
  tags: string[];
}

// The file-name grammar (PEP 427): what wheelFileName writes, parseWheelFileName reads.
const FILE_DISTRIBUTION = /^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/;
const FILE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+!]*$/;
const FILE_BUILD = /^[0-9][A-Za-z0-9._]*$/;

/**
 * Parses `{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; anything else
 * (another file, a folder marker, a malformed name) gives undefined: the index ignores foreign
 * objects, and a project-dir build that names its wheel otherwise is refused.
 */
export function parseWheelFileName(fileName: string): WheelName | undefined {
  if (!fileName.endsWith('.whl') || fileName.includes('/')) return undefined;
  const parts = fileName.slice(0, -'.whl'.length).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [distribution, version] = parts as [string, string];
  const build = parts.length === 6 ? parts[2] : undefined;
  const tag = readWheelTag(parts.slice(-3).join('-'));
  if (!FILE_DISTRIBUTION.test(distribution) || !FILE_VERSION.test(version)) return undefined;
  if (build !== undefined && !FILE_BUILD.test(build)) return undefined;
  if (tag === undefined) return undefined;
  return {
    fileName,
    distribution,
    project: normalizeProjectName(distribution),
    version,
    ...(build !== undefined ? { build } : {}),
    tag: formatTag(tag),
    tags: expandTag(tag),
  };
}
