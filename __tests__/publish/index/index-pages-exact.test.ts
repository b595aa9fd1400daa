/**
 * Exact bytes of the index pages (each line pip and a browser read), the digest rules at their
 * edges, byte order and the last of duplicate listings, and the summary text.
 */
import { describe, expect, it } from 'vitest';

import {
  flatPage,
  indexSummaryMarkdown,
  projectPage,
  rootPage,
} from '../../../src/publish/index/index-pages.js';

const SHA = '0123456789abcdef'.repeat(4);

function page(title: string, links: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    '    <meta charset="utf-8">',
    '    <meta name="pypi:repository-version" content="1.0">',
    `    <title>${title}</title>`,
    '  </head>',
    '  <body>',
    `    <h1>${title}</h1>`,
    ...links,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/** The `<a ...>` lines of a page. */
function links(html: string): string[] {
  return html.split('\n').filter((line) => line.startsWith('    <a '));
}

describe('page bytes', () => {
  it('renders a project page line by line', () => {
    expect(
      projectPage('Demo.Pkg', [{ fileName: 'demo_pkg-1.0+cpu-py3-none-any.whl', sha256: SHA }]),
    ).toBe(
      page('Links for demo-pkg', [
        `    <a href="../../demo_pkg-1.0%2Bcpu-py3-none-any.whl#sha256=${SHA}">demo_pkg-1.0+cpu-py3-none-any.whl</a><br>`,
      ]),
    );
  });

  it('renders the root page with one escaped link per project', () => {
    expect(rootPage(['b', 'A_B'])).toBe(
      page('Simple index', ['    <a href="a-b/">a-b</a><br>', '    <a href="b/">b</a><br>']),
    );
    expect(rootPage(['x&y'])).toBe(page('Simple index', ['    <a href="x%26y/">x&amp;y</a><br>']));
  });

  it('renders the flat page and an empty one', () => {
    expect(flatPage([{ fileName: 'a-1-py3-none-any.whl' }])).toBe(
      page('Wheels', ['    <a href="a-1-py3-none-any.whl">a-1-py3-none-any.whl</a><br>']),
    );
    expect(flatPage([])).toBe(page('Wheels', []));
    expect(rootPage([])).toBe(page('Simple index', []));
  });
});

describe('digests', () => {
  const one = (wheel: Record<string, string>) =>
    links(flatPage([{ fileName: 'a-1-py3-none-any.whl', ...wheel }]));

  it.each([SHA.slice(1), `${SHA}0`, `${SHA.slice(1)}g`, `x${SHA}`, `${SHA}x`, ''])(
    'links no sha256 fragment and no metadata for %j',
    (digest) => {
      expect(one({ sha256: digest, metadataSha256: digest })).toEqual([
        '    <a href="a-1-py3-none-any.whl">a-1-py3-none-any.whl</a><br>',
      ]);
    },
  );

  it('lowercases an upper-case metadata digest', () => {
    expect(one({ metadataSha256: SHA.toUpperCase() })).toEqual([
      `    <a href="a-1-py3-none-any.whl" data-dist-info-metadata="sha256=${SHA}" data-core-metadata="sha256=${SHA}">a-1-py3-none-any.whl</a><br>`,
    ]);
  });

  it('writes no data-requires-python for an empty one', () => {
    expect(one({ requiresPython: '' })).toEqual([
      '    <a href="a-1-py3-none-any.whl">a-1-py3-none-any.whl</a><br>',
    ]);
  });
});

describe('order and duplicates', () => {
  it('sorts by UTF-8 bytes, not by UTF-16 units or locale', () => {
    // U+FF5E sorts before U+1F600 in UTF-8 bytes (EF... < F0...), after it in UTF-16 units
    // (FF5E > D83D); 'B' before 'a' in bytes, after it in a locale order.
    const names = [
      'a-1-py3-none-any.whl',
      '\u{1F600}-1.whl',
      '\uFF5E-1.whl',
      'B-1-py3-none-any.whl',
    ];
    const text = (html: string) => links(html).map((line) => line.replace(/^.*">|<\/a><br>$/g, ''));
    expect(text(flatPage(names.map((fileName) => ({ fileName }))))).toEqual([
      'B-1-py3-none-any.whl',
      'a-1-py3-none-any.whl',
      '\uFF5E-1.whl',
      '\u{1F600}-1.whl',
    ]);
    expect(
      links(rootPage(['zz', '\u{1F600}', '\uFF5E', 'aa'])).map((line) =>
        line.replace(/^.*">|<\/a><br>$/g, ''),
      ),
    ).toEqual(['aa', 'zz', '\uFF5E', '\u{1F600}']);
  });

  it('keeps the last listing of a file listed twice', () => {
    expect(
      links(
        flatPage([
          { fileName: 'a-1-py3-none-any.whl', sha256: 'f'.repeat(64) },
          { fileName: 'a-1-py3-none-any.whl', sha256: SHA },
        ]),
      ),
    ).toEqual([`    <a href="a-1-py3-none-any.whl#sha256=${SHA}">a-1-py3-none-any.whl</a><br>`]);
  });
});

describe('indexSummaryMarkdown', () => {
  it('shows the index URL, escaped, and the two lines in a code block', () => {
    expect(
      indexSummaryMarkdown({
        'index-url': 'https://h/simple/?a=<b>&c',
        'index-requirement': '--extra-index-url https://h/simple/\ndemo==1.0',
      }),
    ).toBe(
      [
        'pip index: https://h/simple/?a=&lt;b&gt;&amp;c',
        '',
        'Or add these two lines to the dependencies file to install from the index. They do not ' +
          'pin the file: with `--extra-index-url`, a wheel of the same version on another index ' +
          '(PyPI) can be chosen instead, so prefer the line above:',
        '',
        '```',
        '--extra-index-url https://h/simple/',
        'demo==1.0',
        '```',
        '',
      ].join('\n'),
    );
  });
});
