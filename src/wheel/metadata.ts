import { InputError } from '../errors.js';
import { validateRequirement } from './requirement.js';
import { expandTag, isPureTag, type WheelTag } from './tags.js';

export interface ProjectMetadata {
  name: string;
  version: string;
  summary?: string;
  requires?: string[];
  /** A canonical PEP 440 specifier set (src/wheel/specifier.ts). */
  requiresPython?: string;
  author?: string;
  license?: string;
  homePage?: string;
}

/** Core metadata 2.1 (the newest version pip 8-era installers on Python 2.7 read without fuss). */
export function metadataText(meta: ProjectMetadata): string {
  const lines = ['Metadata-Version: 2.1', `Name: ${meta.name}`, `Version: ${meta.version}`];
  const optional: [string, string | undefined][] = [
    ['Summary', meta.summary],
    ['Home-page', meta.homePage],
    ['Author', meta.author],
    ['License', meta.license],
  ];
  for (const [field, value] of optional) {
    if (value) lines.push(`${field}: ${singleLine(value, field.toLowerCase())}`);
  }
  if (meta.requiresPython) {
    lines.push(`Requires-Python: ${singleLine(meta.requiresPython, 'requires-python')}`);
  }
  for (const requirement of meta.requires ?? []) {
    lines.push(`Requires-Dist: ${validateRequirement(singleLine(requirement, 'requires'))}`);
  }
  return lines.join('\n') + '\n';
}

function singleLine(value: string, input: string): string {
  if (/[\r\n]/.test(value)) {
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
