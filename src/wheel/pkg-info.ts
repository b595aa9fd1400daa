import type { ProjectMetadata } from './metadata.js';

/**
 * The metadata `setup.py egg_info` wrote (PKG-INFO and requires.txt), as the fields bdist_wheel
 * would put in METADATA: Description from its folded header (8-space continuation lines) into
 * the body, requires.txt's `[extra:marker]` sections into Requires-Dist markers.
 */
export function metadataFromEggInfo(
  pkgInfo: string,
  requiresTxt: string,
): Omit<ProjectMetadata, 'name' | 'version'> {
  const headers = parseHeaders(pkgInfo);
  const one = (name: string): string | undefined => {
    const value = headers.get(name.toLowerCase())?.[0]?.trim();
    return value === '' || value === 'UNKNOWN' ? undefined : value;
  };
  const meta: Omit<ProjectMetadata, 'name' | 'version'> = {
    summary: one('Summary'),
    homePage: one('Home-page'),
    author: one('Author'),
    license: one('License'),
    requiresPython: one('Requires-Python'),
    requires: requiresFromTxt(requiresTxt),
    // Header values come trimmed from parseHeaders.
    providesExtra: headers.get('provides-extra') ?? [],
  };
  const description = headers.get('description')?.[0] ?? bodyOf(pkgInfo);
  const type = one('Description-Content-Type');
  if (description !== undefined && description.trim() !== '' && description.trim() !== 'UNKNOWN') {
    // text/x-rst is also what any other or missing type becomes.
    const contentType = type === 'text/markdown' || type === 'text/plain' ? type : 'text/x-rst';
    meta.description = { text: description, contentType };
  }
  return meta;
}

/** RFC 822 headers with continuation lines; a folded Description loses its 8-space indent. */
function parseHeaders(text: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let current: { name: string; lines: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const value =
      current.name === 'description'
        ? // The first line is trimmed already: only continuation lines lose their indent.
          current.lines.map((l) => l.replace(/^ {8}\|?|^\t/, '')).join('\n')
        : current.lines.map((l) => l.trim()).join(' ');
    headers.set(current.name, [...(headers.get(current.name) ?? []), value]);
    current = undefined;
  };
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && current) {
      current.lines.push(line);
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon > 0) {
      current = {
        name: line.slice(0, colon).trim().toLowerCase(),
        lines: [line.slice(colon + 1).trim()],
      };
    }
  }
  flush();
  return headers;
}

function bodyOf(text: string): string | undefined {
  const normalized = text.replace(/\r\n?/g, '\n');
  const at = normalized.indexOf('\n\n');
  return at < 0 ? undefined : normalized.slice(at + 2);
}

/** requires.txt: plain lines, then `[extra]`, `[:marker]` or `[extra:marker]` sections. */
export function requiresFromTxt(text: string): string[] {
  const requires: string[] = [];
  let extra = '';
  let marker = '';
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const section = /^\[([^\]:]*)(?::(.*))?\]$/.exec(line);
    if (section) {
      extra = section[1]!.trim();
      marker = (section[2] ?? '').trim();
      continue;
    }
    const conditions: string[] = [];
    if (marker) conditions.push(extra ? `(${marker})` : marker);
    if (extra) conditions.push(`extra == "${extra}"`);
    requires.push(conditions.length ? `${line}; ${conditions.join(' and ')}` : line);
  }
  return requires;
}
