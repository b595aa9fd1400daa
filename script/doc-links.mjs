// Pure helpers that read Markdown the way GitHub renders it, for __tests__/docs/docs-pages.test.ts:
// the anchors a page's headings get, the links a page makes (outside code), its fenced blocks,
// and which relative links lead nowhere. No I/O: the caller says which files exist.
import { posix } from 'node:path';

/**
 * The anchor GitHub gives a heading (github-slugger): the rendered text in lower case, without
 * punctuation other than `-` and `_`, spaces turned into `-`. `## Build (\`image\`)` is
 * `build-image`.
 */
export function githubSlug(heading) {
  return renderedText(heading)
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** A heading's text as rendered: links become their text; code ticks and emphasis go. */
function renderedText(markdown) {
  return markdown
    .trim()
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/(\*\*|__|\*)/g, '');
}

/** Each line, with whether it lies in a fenced code block and whether it opens or closes one. */
function linesOutsideCode(markdown) {
  const result = [];
  let fence;
  for (const [index, line] of markdown.split('\n').entries()) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === undefined && opening) {
      fence = opening[1];
      result.push({ line, number: index + 1, code: true, fence: 'open' });
    } else if (fence !== undefined) {
      const closes = new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line);
      if (closes) fence = undefined;
      result.push({ line, number: index + 1, code: true, fence: closes ? 'close' : undefined });
    } else {
      result.push({ line, number: index + 1, code: false });
    }
  }
  return result;
}

/** Every anchor a page offers: its headings' slugs (a repeated one gets -1, -2, ...). */
export function headingAnchors(markdown) {
  const anchors = new Set();
  const seen = new Map();
  for (const { line, code } of linesOutsideCode(markdown)) {
    if (code) continue;
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = githubSlug(heading[1]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The link targets of a page outside code blocks and code spans, with their line numbers. */
export function markdownLinks(markdown) {
  const links = [];
  for (const { line, number, code } of linesOutsideCode(markdown)) {
    if (code) continue;
    const text = line.replace(/(`+)[^`]*?\1/g, '');
    for (const match of text.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[1], line: number });
    }
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(text);
    if (definition) links.push({ target: definition[1], line: number });
  }
  return links;
}

/** The fenced code blocks of a page: their info string's first word, text and first line. */
export function fencedBlocks(markdown) {
  const blocks = [];
  let current;
  for (const { line, number, fence } of linesOutsideCode(markdown)) {
    if (fence === 'open') {
      const language = /^ {0,3}(?:`{3,}|~{3,})\s*([^\s`]*)/.exec(line)?.[1] ?? '';
      current = { language, lines: [], line: number + 1 };
    } else if (fence === 'close' && current) {
      blocks.push({
        language: current.language,
        text: current.lines.join('\n'),
        line: current.line,
      });
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    }
  }
  return blocks;
}

/** A link that leaves the repository (a scheme such as https: or mailto:) is not checked here. */
export function isExternal(target) {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/**
 * The relative links of `pages` (repository-relative path -> Markdown text) that lead nowhere:
 * to a file `exists` denies, or to an anchor the target page (one of `pages`) lacks. An anchor
 * into a file that is not one of `pages` cannot be checked, so it counts as broken too.
 */
export function brokenLinks(pages, exists) {
  const anchors = new Map(
    Object.entries(pages).map(([path, text]) => [path, headingAnchors(text)]),
  );
  const problems = [];
  for (const [path, text] of Object.entries(pages)) {
    for (const { target, line } of markdownLinks(text)) {
      if (isExternal(target)) continue;
      const hash = target.indexOf('#');
      const file = hash === -1 ? target : target.slice(0, hash);
      const anchor = hash === -1 ? undefined : decodeURIComponent(target.slice(hash + 1));
      const resolved = file === '' ? path : posix.normalize(posix.join(posix.dirname(path), file));
      const where = `${path}:${line}: ${target}`;
      if (resolved.startsWith('../') || posix.isAbsolute(resolved)) {
        problems.push(`${where}: leads outside the repository`);
      } else if (file !== '' && !exists(resolved)) {
        problems.push(`${where}: ${resolved} does not exist`);
      } else if (anchor !== undefined) {
        const offered = anchors.get(resolved);
        if (offered === undefined) problems.push(`${where}: ${resolved} is not a checked page`);
        else if (!offered.has(anchor)) problems.push(`${where}: ${resolved} has no #${anchor}`);
      }
    }
  }
  return problems;
}
