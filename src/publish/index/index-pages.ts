/**
 * Pure rendering of the pip index published next to the wheels (no I/O):
 *
 * - a PEP 503 "simple" tree: `<prefix>simple/` lists the projects, `<prefix>simple/<project>/`
 *   lists one project's wheels. Each page is stored twice, as `<dir>/` and `<dir>/index.html`,
 *   so that a plain S3 REST endpoint answers the URL pip asks for (`.../simple/<project>/`) and
 *   website hosting (index document) works too;
 * - a flat page `<prefix>index.html` with every wheel, for `pip --find-links` (old pips too).
 *
 * Links are relative, so the pages work behind any host (S3, a custom endpoint, a CDN). Both
 * stored names of a page resolve links against the same directory (`a/b/` and `a/b/index.html`
 * have the base `a/b/`), so one body serves both. Rendering is deterministic (sorted, no dates):
 * identical listings give identical bytes, which lets the writer skip pages that did not change.
 */
import { escapeHtml } from './html.js';
import { normalizeProjectName } from '../../wheel/names.js';

export { parseWheelFileName, type WheelName } from '../../wheel/names.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** A wheel to link from a page. */
export interface IndexWheel {
  fileName: string;
  /** Lowercase hex SHA-256; without it the link has no `#sha256=` fragment. */
  sha256?: string;
  /**
   * SHA-256 of `<file>.metadata` (PEP 658/714), the wheel's METADATA served beside it: pip >= 22.3
   * resolves from it without downloading the wheel. Without it no metadata attributes are written.
   */
  metadataSha256?: string;
  /** The wheel's Requires-Python (PEP 503 `data-requires-python`). */
  requiresPython?: string;
  /** PEP 592: the reason it was yanked ('' = yanked without a reason); undefined = not yanked. */
  yanked?: string;
}

/** Keys of the pages, given the normalized prefix (`''` or ending in `/`). */
export function indexKeys(prefix: string, project: string) {
  return {
    root: [`${prefix}simple/`, `${prefix}simple/index.html`],
    project: [`${prefix}simple/${project}/`, `${prefix}simple/${project}/index.html`],
    flat: `${prefix}index.html`,
  };
}

/** Byte order, not locale order: the same set always renders the same page. */
function byName<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b)));
}

function unique(wheels: readonly IndexWheel[]): IndexWheel[] {
  const seen = new Map<string, IndexWheel>();
  for (const wheel of wheels) seen.set(wheel.fileName, wheel);
  return [...seen.values()].sort(byName((w) => w.fileName));
}

/** `<a>` to a wheel; `base` is the path from the page's directory to the wheels' directory. */
function wheelLink(wheel: IndexWheel, base: string): string {
  // pip takes the file name from the URL's last segment and unquotes it; S3 reads a raw `+`
  // in a path as a space, so every reserved character is percent-encoded.
  const sha256 = wheel.sha256?.toLowerCase();
  const fragment = sha256 && SHA256.test(sha256) ? `#sha256=${sha256}` : '';
  const href = `${base}${encodeURIComponent(wheel.fileName)}${fragment}`;
  const attributes = [`href="${escapeHtml(href)}"`];
  const metadata = wheel.metadataSha256?.toLowerCase();
  if (metadata && SHA256.test(metadata)) {
    // PEP 714 renamed PEP 658's attribute; pip < 23.3 reads only the old name: write both.
    attributes.push(`data-dist-info-metadata="sha256=${metadata}"`);
    attributes.push(`data-core-metadata="sha256=${metadata}"`);
  }
  if (wheel.requiresPython) {
    attributes.push(`data-requires-python="${escapeHtml(wheel.requiresPython)}"`);
  }
  if (wheel.yanked !== undefined) attributes.push(`data-yanked="${escapeHtml(wheel.yanked)}"`);
  return `    <a ${attributes.join(' ')}>${escapeHtml(wheel.fileName)}</a><br>`;
}

function page(title: string, links: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    '    <meta charset="utf-8">',
    // PEP 629: pip >= 21 reads the API version; older pips ignore it.
    '    <meta name="pypi:repository-version" content="1.0">',
    `    <title>${escapeHtml(title)}</title>`,
    '  </head>',
    '  <body>',
    `    <h1>${escapeHtml(title)}</h1>`,
    ...links,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The PEP 503 page of one project, stored at `<prefix>simple/<project>/` (and `.../index.html`):
 * the wheels live two directories up, at `<prefix><file>`.
 */
export function projectPage(name: string, wheels: readonly IndexWheel[]): string {
  const project = normalizeProjectName(name);
  return page(
    `Links for ${project}`,
    unique(wheels).map((wheel) => wheelLink(wheel, '../../')),
  );
}

/** The PEP 503 root, stored at `<prefix>simple/` (and `.../index.html`): one link per project. */
export function rootPage(projects: readonly string[]): string {
  const names = [...new Set(projects.map(normalizeProjectName))].sort(byName((n) => n));
  return page(
    'Simple index',
    names.map((name) => {
      const href = `${encodeURIComponent(name)}/`;
      return `    <a href="${escapeHtml(href)}">${escapeHtml(name)}</a><br>`;
    }),
  );
}

/** Every wheel under the prefix, stored at `<prefix>index.html` beside them: `--find-links`. */
export function flatPage(wheels: readonly IndexWheel[]): string {
  return page(
    'Wheels',
    unique(wheels).map((wheel) => wheelLink(wheel, '')),
  );
}

/** The two outputs of the index step (named as in the output spec). */
export interface IndexOutputs {
  'index-url': string;
  'index-requirement': string;
}

/** What to paste into the algorithm's dependencies file. */
export function indexOutputs(options: {
  indexUrl: string;
  distribution: string;
  version: string;
}): IndexOutputs {
  return {
    'index-url': options.indexUrl,
    'index-requirement': `--extra-index-url ${options.indexUrl}\n${options.distribution}==${options.version}`,
  };
}

/** A job-summary section (Markdown) showing the two lines of `index-requirement`. */
export function indexSummaryMarkdown(outputs: IndexOutputs): string {
  return [
    `pip index: ${escapeHtml(outputs['index-url'])}`,
    '',
    'Or add these two lines to the dependencies file to install from the index. They do not ' +
      'pin the file: with `--extra-index-url`, a wheel of the same version on another index ' +
      '(PyPI) can be chosen instead, so prefer the line above:',
    '',
    '```',
    outputs['index-requirement'],
    '```',
    '',
  ].join('\n');
}
