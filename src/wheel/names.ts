import { InputError } from '../errors.js';

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
