import { spawnSync } from 'node:child_process';
import { escapeHtml } from '../../../src/publish/index/html.js';
import { parseWheelFileName } from '../../../src/wheel/names.js';
import { describe, expect, it } from 'vitest';

import {
  flatPage,
  indexKeys,
  indexOutputs,
  indexSummaryMarkdown,
  projectPage,
  rootPage,
} from '../../../src/publish/index/index-pages.js';
import { defaultPython3 } from '../../helpers/python.js';
import { backoffDelay } from '../../../src/publish/index/index-update.js';
import { objectSha256 } from '../../../src/publish/s3/s3-session.js';

const SHA_A = 'a'.repeat(64);
const SHA_B = '0123456789abcdef'.repeat(4);

/** The hrefs of a page's links, in order. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)">/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('parseWheelFileName', () => {
  it('reads the five-part and six-part (build tag) forms', () => {
    expect(parseWheelFileName('vecmath-1.0.0-cp27-cp27mu-linux_x86_64.whl')).toEqual({
      fileName: 'vecmath-1.0.0-cp27-cp27mu-linux_x86_64.whl',
      distribution: 'vecmath',
      project: 'vecmath',
      version: '1.0.0',
      tag: 'cp27-cp27mu-linux_x86_64',
      tags: ['cp27-cp27mu-linux_x86_64'],
    });
    expect(parseWheelFileName('My_Lib-2.0rc1-1local-py3-none-any.whl')).toMatchObject({
      distribution: 'My_Lib',
      project: 'my-lib',
      version: '2.0rc1',
      build: '1local',
      tag: 'py3-none-any',
    });
  });

  it('expands compressed tag sets and keeps local versions', () => {
    const parsed = parseWheelFileName('six-1.16.0+cpu-py2.py3-none-any.whl');
    expect(parsed?.version).toBe('1.16.0+cpu');
    expect(parsed?.tags).toEqual(['py2-none-any', 'py3-none-any']);
    expect(
      parseWheelFileName('x-1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl')?.tags,
    ).toEqual(['cp311-cp311-manylinux_2_17_x86_64', 'cp311-cp311-manylinux2014_x86_64']);
  });

  it.each([
    'index.html',
    '',
    'vecmath-1.0.0.tar.gz',
    'vecmath.whl',
    'vecmath-1.0.0-py3-none.whl',
    'vecmath-1.0.0-x-y-py3-none-any.whl',
    'vecmath-1.0.0-build-py3-none-any.whl',
    '-1.0-py3-none-any.whl',
    'vec math-1.0-py3-none-any.whl',
    'vecmath-1.0-py3-none-any.WHL',
    'sub/vecmath-1.0-py3-none-any.whl',
    'vecmath-1.0-py3--any.whl',
    'vecmath-1.0-py3-none-<script>.whl',
  ])('ignores the foreign name %j', (name) => {
    expect(parseWheelFileName(name)).toBeUndefined();
  });
});

describe('projectPage', () => {
  const wheels = [
    { fileName: 'vecmath-1.1.0-cp311-cp311-linux_x86_64.whl', sha256: SHA_B },
    { fileName: 'vecmath-1.0.0-cp27-cp27mu-linux_x86_64.whl', sha256: SHA_A.toUpperCase() },
    { fileName: 'vecmath-1.0.0+cpu-py3-none-any.whl' },
  ];

  it('links each wheel two directories up, with its sha256, from both stored names', () => {
    const html = projectPage('VecMath', wheels);
    const links = hrefs(html);
    expect(links).toEqual([
      `../../vecmath-1.0.0%2Bcpu-py3-none-any.whl`,
      `../../vecmath-1.0.0-cp27-cp27mu-linux_x86_64.whl#sha256=${SHA_A}`,
      `../../vecmath-1.1.0-cp311-cp311-linux_x86_64.whl#sha256=${SHA_B}`,
    ]);
    // The page is served as `simple/vecmath/` (REST) and `simple/vecmath/index.html` (website):
    // both resolve the links to the wheels beside `simple/`.
    for (const page of [
      'http://h/b/wheels/simple/vecmath/',
      'http://h/b/wheels/simple/vecmath/index.html',
    ]) {
      expect(links.map((href) => new URL(href, page).pathname)).toEqual([
        '/b/wheels/vecmath-1.0.0%2Bcpu-py3-none-any.whl',
        '/b/wheels/vecmath-1.0.0-cp27-cp27mu-linux_x86_64.whl',
        '/b/wheels/vecmath-1.1.0-cp311-cp311-linux_x86_64.whl',
      ]);
    }
    expect(html).toContain('<title>Links for vecmath</title>');
    expect(html).toContain('<meta name="pypi:repository-version" content="1.0">');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('renders the same bytes for the same set, whatever the order or duplicates', () => {
    const shuffled = [wheels[2]!, wheels[0]!, wheels[1]!, wheels[0]!];
    expect(projectPage('vecmath', shuffled)).toBe(projectPage('vecmath', wheels));
    expect(hrefs(projectPage('vecmath', shuffled))).toHaveLength(3);
  });

  it('drops a hash that is not a SHA-256 hex digest rather than publish a wrong one', () => {
    const html = projectPage('x', [{ fileName: 'x-1-py3-none-any.whl', sha256: 'not-a-hash' }]);
    expect(hrefs(html)).toEqual(['../../x-1-py3-none-any.whl']);
  });

  it('escapes names in text and attributes', () => {
    const html = projectPage('a&b', [{ fileName: `x-1-py3-none-any.whl"><script>'.whl` }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Links for a&amp;b');
    expect(hrefs(html)[0]).toBe(
      `../../${encodeURIComponent(`x-1-py3-none-any.whl"><script>'.whl`).replace(/'/g, '&#39;')}`,
    );
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('rootPage and flatPage', () => {
  it('lists each normalized project once, linking to its directory', () => {
    const html = rootPage(['vecmath', 'My_Lib', 'my.lib', 'VecMath']);
    expect(hrefs(html)).toEqual(['my-lib/', 'vecmath/']);
    expect(new URL('my-lib/', 'http://h/b/wheels/simple/index.html').pathname).toBe(
      '/b/wheels/simple/my-lib/',
    );
  });

  it('links every wheel beside the flat page, for --find-links', () => {
    const html = flatPage([
      { fileName: 'b-1-py3-none-any.whl', sha256: SHA_B },
      { fileName: 'a-1-py3-none-any.whl', sha256: SHA_A },
    ]);
    expect(hrefs(html)).toEqual([
      `a-1-py3-none-any.whl#sha256=${SHA_A}`,
      `b-1-py3-none-any.whl#sha256=${SHA_B}`,
    ]);
    expect(new URL(hrefs(html)[0]!, 'http://h/b/wheels/index.html').pathname).toBe(
      '/b/wheels/a-1-py3-none-any.whl',
    );
  });

  it('renders empty listings as valid pages', () => {
    expect(hrefs(rootPage([]))).toEqual([]);
    expect(flatPage([])).toContain('</html>');
  });
});

describe('indexKeys', () => {
  it('stores each page as a directory key and as index.html', () => {
    expect(indexKeys('wheels/', 'my-lib')).toEqual({
      root: ['wheels/simple/', 'wheels/simple/index.html'],
      project: ['wheels/simple/my-lib/', 'wheels/simple/my-lib/index.html'],
      flat: 'wheels/index.html',
    });
    expect(indexKeys('', 'x').flat).toBe('index.html');
  });
});

describe('indexOutputs', () => {
  it('gives the index URL and the two lines to paste', () => {
    const outputs = indexOutputs({
      indexUrl: 'https://b.s3.us-east-1.amazonaws.com/wheels/simple/',
      distribution: 'vecmath',
      version: '1.1.0',
    });
    expect(outputs).toEqual({
      'index-url': 'https://b.s3.us-east-1.amazonaws.com/wheels/simple/',
      'index-requirement':
        '--extra-index-url https://b.s3.us-east-1.amazonaws.com/wheels/simple/\nvecmath==1.1.0',
    });
    const summary = indexSummaryMarkdown(outputs);
    expect(summary).toContain('```\n--extra-index-url https://b.s3');
    expect(summary).toContain('\nvecmath==1.1.0\n```');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, jittered over [0, cap)', () => {
    const backoff = { baseMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5, 9].map((round) => backoffDelay(round, backoff, () => 0.999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, backoff, () => 0)).toBe(0);
    expect(backoffDelay(2, backoff, () => 0.5)).toBe(100);
  });
});

describe('objectSha256', () => {
  const base64 = Buffer.from(SHA_B, 'hex').toString('base64');
  it('prefers the metadata, then a full-object checksum, never a composite one', () => {
    expect(objectSha256({ Metadata: { sha256: SHA_A.toUpperCase() } })).toBe(SHA_A);
    expect(objectSha256({ Metadata: { sha256: 'junk' }, ChecksumSHA256: base64 })).toBe(SHA_B);
    expect(objectSha256({ ChecksumSHA256: base64, ChecksumType: 'FULL_OBJECT' })).toBe(SHA_B);
    expect(objectSha256({ ChecksumSHA256: base64, ChecksumType: 'COMPOSITE' })).toBeUndefined();
    expect(objectSha256({ ChecksumSHA256: `${base64}-3` })).toBeUndefined();
    expect(objectSha256({})).toBeUndefined();
  });
});

describe('PEP 658/714 metadata, Requires-Python and PEP 592 yank attributes', () => {
  const sha = 'ab'.repeat(32);
  const meta = 'cd'.repeat(32);
  const wheels = [
    {
      fileName: 'demo-1.0-cp311-cp311-linux_x86_64.whl',
      sha256: sha,
      metadataSha256: meta,
      requiresPython: '>=3.6,<4',
      yanked: 'broken "build" <1.0>',
    },
    { fileName: 'demo-1.1-cp311-cp311-linux_x86_64.whl', sha256: sha, metadataSha256: meta },
    { fileName: 'demo-0.9-cp311-cp311-linux_x86_64.whl', sha256: sha, yanked: '' },
  ];

  it('writes the attributes, HTML-escaped, only for what is known', () => {
    const page = projectPage('demo', wheels);
    expect(page).toContain(
      `<a href="../../demo-1.0-cp311-cp311-linux_x86_64.whl#sha256=${sha}" ` +
        `data-dist-info-metadata="sha256=${meta}" data-core-metadata="sha256=${meta}" ` +
        `data-requires-python="&gt;=3.6,&lt;4" data-yanked="broken &quot;build&quot; &lt;1.0&gt;">`,
    );
    expect(page).toContain(
      `<a href="../../demo-0.9-cp311-cp311-linux_x86_64.whl#sha256=${sha}" data-yanked="">`,
    );
    const plain = projectPage('demo', [{ fileName: wheels[1]!.fileName, sha256: sha }]);
    expect(plain).not.toMatch(/data-/);
    // A malformed digest (from a tampered object) is not linked as one.
    expect(projectPage('demo', [{ ...wheels[1]!, metadataSha256: 'x"><script>' }])).not.toMatch(
      /data-core-metadata|script/,
    );
  });

  it("reads back the same through pip's own page parser (pip 23)", () => {
    const page = projectPage('demo', wheels);
    const code = [
      'import json, sys',
      'from pip._internal.index.collector import IndexContent, parse_links',
      'content = IndexContent(sys.stdin.buffer.read(), "text/html", "utf-8",',
      '    "https://example.invalid/simple/demo/", cache_link_parsing=False)',
      'out = []',
      'for link in parse_links(content):',
      '    m = link.metadata_file_data',
      '    out.append({"file": link.filename, "requires": link.requires_python,',
      '        "yanked": link.yanked_reason, "metadata": m.hashes if m else None,',
      '        "url": link.url})',
      'print(json.dumps(out))',
    ].join('\n');
    const run = spawnSync(defaultPython3(), ['-c', code], { input: page, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const links = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(links).toEqual([
      {
        file: 'demo-0.9-cp311-cp311-linux_x86_64.whl',
        requires: null,
        yanked: '',
        metadata: null,
        url: `https://example.invalid/demo-0.9-cp311-cp311-linux_x86_64.whl#sha256=${sha}`,
      },
      {
        file: 'demo-1.0-cp311-cp311-linux_x86_64.whl',
        requires: '>=3.6,<4',
        yanked: 'broken "build" <1.0>',
        metadata: { sha256: meta },
        url: `https://example.invalid/demo-1.0-cp311-cp311-linux_x86_64.whl#sha256=${sha}`,
      },
      {
        file: 'demo-1.1-cp311-cp311-linux_x86_64.whl',
        requires: null,
        yanked: null,
        metadata: { sha256: meta },
        url: `https://example.invalid/demo-1.1-cp311-cp311-linux_x86_64.whl#sha256=${sha}`,
      },
    ]);
  });
});
