import { InputError } from '../base/errors.js';
import { validateRequirement } from './requirement.js';
import { expandTag, isPureTag, type WheelTag } from './tags.js';

export interface ProjectMetadata {
  name: string;
  version: string;
  summary?: string;
  requires?: string[];
  author?: string;
  license?: string;
  homePage?: string;
  /** A PEP 440 specifier set such as `>=3.6`, written as Requires-Python. */
  requiresPython?: string;
  /** Extras named in `extra == "..."` markers of `requires` (Provides-Extra). */
  providesExtra?: readonly string[];
  /** Paths relative to `<dist>.dist-info/licenses/` (PEP 639), one License-File header each. */
  licenseFiles?: readonly string[];
  /** The long description: the METADATA body, with its Description-Content-Type. */
  description?: LongDescription;
}

export interface LongDescription {
  text: string;
  contentType: ReadmeContentType;
}

export type ReadmeContentType = 'text/markdown' | 'text/x-rst' | 'text/plain';

const README_TYPES: Record<string, ReadmeContentType> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.rst': 'text/x-rst',
  '.txt': 'text/plain',
};

/** The Description-Content-Type of a readme, from its extension (case-insensitive). */
export function readmeContentType(path: string): ReadmeContentType {
  const match = /\.[^./\\]+$/.exec(path);
  const type = match ? README_TYPES[match[0].toLowerCase()] : undefined;
  if (type === undefined) {
    throw new InputError(`cannot tell the format of the readme "${path}" from its extension.`, {
      input: 'readme',
      fix: 'name a .md (Markdown), .rst (reStructuredText) or .txt (plain text) file.',
    });
  }
  return type;
}

/**
 * Core metadata, as bdist_wheel writes it for the same fields: the lowest Metadata-Version that
 * carries them (2.1, which pip 8-era installers on Python 2.7 read without fuss; 2.4 once
 * License-File headers appear, PEP 639), the headers in setuptools' order, and the long
 * description as the message body.
 */
export function metadataText(meta: ProjectMetadata): string {
  const licenseFiles = meta.licenseFiles ?? [];
  const lines = [
    `Metadata-Version: ${licenseFiles.length > 0 ? '2.4' : '2.1'}`,
    `Name: ${singleLine(meta.name, 'name')}`,
    `Version: ${singleLine(meta.version, 'version')}`,
  ];
  const optional: [string, string | undefined, string][] = [
    ['Summary', meta.summary, 'summary'],
    ['Home-page', meta.homePage, 'home-page'],
    ['Author', meta.author, 'author'],
    ['License', meta.license, 'license'],
    ['Requires-Python', meta.requiresPython, 'requires-python'],
    ['Description-Content-Type', meta.description?.contentType, 'readme'],
  ];
  for (const [field, value, input] of optional) {
    if (value?.trim()) lines.push(`${field}: ${singleLine(value, input)}`);
  }
  for (const path of licenseFiles) {
    lines.push(`License-File: ${validateLicensePath(path)}`);
  }
  for (const extra of meta.providesExtra ?? []) {
    lines.push(`Provides-Extra: ${singleLine(extra, 'project-dir')}`);
  }
  for (const requirement of meta.requires ?? []) {
    lines.push(`Requires-Dist: ${validateRequirement(singleLine(requirement, 'requires'))}`);
  }
  const head = lines.join('\n') + '\n';
  if (meta.description === undefined) return head;
  return `${head}\n${descriptionBody(meta.description.text)}`;
}

/** The body keeps the text as written, with Unix line ends and one final line break. */
function descriptionBody(text: string): string {
  const body = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  return body.endsWith('\n') ? body : `${body}\n`;
}

/** A License-File value (PEP 639): a relative path with `/` separators, no `..`, no globs. */
export function validateLicensePath(path: string): string {
  // An empty path, an absolute one, `a//b` and a trailing `/` all have an empty part.
  const bad =
    /[\\\r\n*?[\]]/.test(path) ||
    path.split('/').some((part) => part === '' || part === '.' || part === '..');
  if (bad) {
    throw new InputError(`"${path}" cannot be a License-File path.`, {
      input: 'license-files',
      fix: 'license files must lie inside `working-directory`, with plain names (no "*", "?", "[", "]", backslashes or line breaks).',
    });
  }
  return path;
}

/** A one-line METADATA field given as input `input`: trimmed, or an InputError naming it. */
export function singleLine(value: string, input: string): string {
  if (/[\r\n]/.test(value.trim())) {
    throw new InputError('a metadata field cannot span several lines.', {
      input,
      fix: 'put it on one line (for `requires`, one requirement per line).',
    });
  }
  return value.trim();
}

export function wheelText(tag: WheelTag, generator: string): string {
  const lines = [
    'Wheel-Version: 1.0',
    `Generator: ${generator}`,
    `Root-Is-Purelib: ${isPureTag(tag) ? 'true' : 'false'}`,
    ...expandTag(tag).map((t) => `Tag: ${t}`),
  ];
  return lines.join('\n') + '\n';
}

export interface RecordRow {
  path: string;
  /** Raw SHA-256 digest of the file's bytes. */
  sha256: Buffer;
  size: number;
}

/** RECORD (PEP 376/427): one CSV row per file, urlsafe-base64 digests, and an empty row for itself. */
export function recordText(rows: readonly RecordRow[], recordPath: string): string {
  const lines = rows.map(
    (row) => `${csvField(row.path)},sha256=${urlsafeDigest(row.sha256)},${row.size}`,
  );
  lines.push(`${csvField(recordPath)},,`);
  return lines.join('\n') + '\n';
}

export function urlsafeDigest(digest: Buffer): string {
  return digest.toString('base64url');
}

// Python's csv module quotes a field that holds a comma, a quote or a line break.
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
