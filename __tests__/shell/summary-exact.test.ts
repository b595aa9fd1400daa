// The job summary word for word: every row (places in and on, an image id cut to 19 characters,
// runtime needs, the artifact's default name, S3 by URI or URL, the consumer check's verdicts,
// the receipt), the requirement with and without the check's proof, the index block, the
// receipt and native blocks; then where each part is cut when the summary would not fit.
import { describe, expect, it } from 'vitest';
import type { VerifiedWheel } from '../../src/pipeline/verified-wheel.js';
import { receiptSummaryMarkdown } from '../../src/publish/receipt.js';
import {
  failureMarkdown,
  fitLines,
  MAX_SUMMARY_BYTES,
  publishedFailureMarkdown,
  publishedLine,
  summaryMarkdown,
} from '../../src/shell/summary.js';

const wheel = {
  fileName: 'v<m>-1.0-cp36-cp36m-linux_x86_64.whl',
  sha256: 'ab'.repeat(32),
  size: 2048,
  tag: 'cp36-cp36m-linux_x86_64',
  entries: [
    { path: 'v/__init__.py', size: 100 },
    { path: 'v/_v|x.so', size: 9000 },
  ],
  distribution: 'v<m>',
  version: '1.0',
  packageName: 'v',
  probe: { executable: '/opt/py', version: [3, 6, 15], implementation: 'CPython' },
  verify: { target: '/t' },
  verifications: [
    {
      where: 'this machine',
      python: { path: '/opt/py', version: '3.6.15', pip: '9' },
      tagsAccepted: ['cp36-cp36m-linux_x86_64', 'a|b'],
      result: 'passed',
    },
    {
      where: 'the image debian:12',
      image: { reference: 'debian:12', id: 'sha256:0123456789abcdef0123' },
      python: { path: '/usr/bin/python3', version: '3.11.2', pip: null },
      tagsAccepted: [],
      result: 'passed',
    },
    {
      where: 'the image x',
      image: { reference: 'x' },
      python: { path: '/p', version: '3.9', pip: null },
      tagsAccepted: ['t'],
      result: 'passed',
    },
  ],
  nativeReport: {
    summary: '### Native\nline',
    needed: { 'v/_v|x.so': ['libc.so.6', 'libm.so.6'] },
    runtimeNeeds: 'glibc >= 2.17 <x>',
  },
  receipt: { fileName: 'r.json', sha256: 'cd'.repeat(32), bytes: Buffer.from('{"r": 1}\n') },
} as unknown as VerifiedWheel;

describe('summaryMarkdown, word for word', () => {
  it('a full run: places, runtime needs, artifact, S3 URL, checked requirement, index, receipt', () => {
    expect(
      summaryMarkdown(wheel, {
        'artifact-url': 'https://a/1',
        's3-url': 'https://s/k.whl',
        requirement: 'https://s/k.whl#sha256=ab',
        'verify-published': 'passed',
        'index-url': 'https://s/simple/',
        'index-requirement': '--extra-index-url https://s/simple/\nv==1.0',
      }),
    ).toBe(
      [
        '## :white_check_mark: v&lt;m&gt; 1.0 built and verified',
        '',
        '| | |',
        '|---|---|',
        '| Wheel | `v<m>-1.0-cp36-cp36m-linux_x86_64.whl` |',
        '| Version | 1.0 |',
        '| Tags | `cp36-cp36m-linux_x86_64` |',
        '| Python | CPython 3.6.15 at /opt/py |',
        '| Size | 2.0 KiB (2048 bytes) |',
        '| SHA-256 | `abababababababababababababababababababababababababababababababab` |',
        '| Files | 2 |',
        '| Verified on this machine | passed: python 3.6.15 at /opt/py, tags `cp36-cp36m-linux_x86_64, a\\|b` |',
        '| Verified in the image debian:12 (`sha256:0123456789ab`) | passed: python 3.11.2 at /usr/bin/python3, tags `` |',
        '| Verified in the image x | passed: python 3.9 at /p, tags `t` |',
        '| Runtime needs | glibc &gt;= 2.17 &lt;x&gt; |',
        '| Artifact | [wheel](https://a/1) |',
        '| S3 | https://s/k.whl |',
        '| Consumer check | passed: pip chose the published wheel (same sha256), and it installs and imports as the platform reads it |',
        '| Receipt | `r.json` (sha256 `cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd`) |',
        '',
        "Add this line to the algorithm's dependencies file (recommended: pip checks the `#sha256=` and installs this exact wheel or nothing). The consumer check proved that pip installs exactly this wheel from it.",
        '',
        '```',
        'https://s/k.whl#sha256=ab',
        '```',
        '',
        'pip index: https://s/simple/',
        '',
        'Or add these two lines to the dependencies file to install from the index. They do not pin the file: with `--extra-index-url`, a wheel of the same version on another index (PyPI) can be chosen instead, so prefer the line above:',
        '',
        '```',
        '--extra-index-url https://s/simple/',
        'v==1.0',
        '```',
        '',
        '',
        '<details><summary>Verification receipt (<code>r.json</code>)</summary>',
        '',
        '<pre>{"r": 1}</pre>',
        '',
        '</details>',
        '',
        '<details><summary>Contents of the wheel</summary>',
        '',
        '| Path | Size | Native dependencies |',
        '|---|---:|---|',
        '| `v/__init__.py` | 100 |  |',
        '| `v/_v\\|x.so` | 9000 | libc.so.6, libm.so.6 |',
        '',
        '</details>',
        '',
        '<details><summary>Native files and their libraries</summary>',
        '',
        '### Native',
        'line',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('a bare run: no places, receipt or native report; named artifact, S3 URI, check skipped', () => {
    const bare = {
      ...wheel,
      verifications: undefined,
      receipt: undefined,
      nativeReport: { summary: '', needed: {} },
    } as unknown as VerifiedWheel;
    expect(
      summaryMarkdown(bare, {
        'artifact-url': 'https://a/1',
        'artifact-name': 'n',
        's3-url': 'https://s/k.whl',
        's3-uri': 's3://b/k.whl',
        requirement: 'r',
        'verify-published': 'skipped',
        'index-url': 'https://s/simple/',
      }),
    ).toBe(
      [
        '## :white_check_mark: v&lt;m&gt; 1.0 built and verified',
        '',
        '| | |',
        '|---|---|',
        '| Wheel | `v<m>-1.0-cp36-cp36m-linux_x86_64.whl` |',
        '| Version | 1.0 |',
        '| Tags | `cp36-cp36m-linux_x86_64` |',
        '| Python | CPython 3.6.15 at /opt/py |',
        '| Size | 2.0 KiB (2048 bytes) |',
        `| SHA-256 | \`${'ab'.repeat(32)}\` |`,
        '| Files | 2 |',
        '| Artifact | [n](https://a/1) |',
        '| S3 | s3://b/k.whl |',
        '| Consumer check | skipped (`verify-published: false`) |',
        '',
        "Add this line to the algorithm's dependencies file (recommended: pip checks the `#sha256=` and installs this exact wheel or nothing).",
        '',
        '```',
        'r',
        '```',
        '',
        '<details><summary>Contents of the wheel</summary>',
        '',
        '| Path | Size | Native dependencies |',
        '|---|---:|---|',
        '| `v/__init__.py` | 100 |  |',
        '| `v/_v\\|x.so` | 9000 |  |',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
    // No S3 URL, no consumer verdict, no artifact: none of their rows.
    const none = summaryMarkdown(bare, { 's3-uri': 's3://b/k.whl', 'verify-published': 'failed' });
    expect(none).not.toMatch(/\| (S3|Consumer check|Artifact) \|/);
  });
});

describe('summaryMarkdown when it would not fit', () => {
  const entries = (count: number, width: number) =>
    Array.from({ length: count }, (_, i) => ({
      path: `p/${String(i).padStart(width, '0')}`,
      size: 1,
    }));

  it('shows a receipt up to half the room left, else one line naming the file', () => {
    const withReceipt = (n: number) =>
      summaryMarkdown(
        { ...wheel, receipt: { ...wheel.receipt!, bytes: Buffer.alloc(n, 0x61) } },
        {},
      );
    const small = withReceipt(10);
    const room =
      MAX_SUMMARY_BYTES -
      Buffer.byteLength(small.slice(0, small.indexOf('<details><summary>Verification receipt')));
    const block = Buffer.byteLength(receiptSummaryMarkdown('r.json', Buffer.alloc(0)));
    const most = Math.floor(room / 2) - block - 1;
    expect(withReceipt(most)).toContain(`<pre>${'a'.repeat(most)}</pre>`);
    const over = withReceipt(most + 1);
    expect(over).toContain(
      `\n\nThe verification receipt (${most + 1} bytes) is too long for the job summary: it is \`r.json\` beside the wheel.\n\n<details><summary>Contents`,
    );
    expect(over).not.toContain('<details><summary>Verification receipt');
  });

  it('gives the contents all the room when there is no native report, half when there is', () => {
    // Long rows, so that a few hundred fill the summary (the group reruns this per mutant).
    const rows = entries(1_000, 2_000);
    const alone = summaryMarkdown(
      {
        ...wheel,
        receipt: undefined,
        entries: rows,
        nativeReport: { summary: '', needed: {} },
      } as unknown as VerifiedWheel,
      {},
    );
    const shownAlone = alone.match(/^\| `p\/\d+` \|/gm)!.length;
    const native = Array.from({ length: 1_000 }, (_, i) => `native ${i} ${'n'.repeat(2_000)}`).join(
      '\n',
    );
    const shared = summaryMarkdown(
      {
        ...wheel,
        receipt: undefined,
        entries: rows,
        nativeReport: { summary: native, needed: {} },
      } as unknown as VerifiedWheel,
      {},
    );
    const shownShared = shared.match(/^\| `p\/\d+` \|/gm)!.length;
    expect(Buffer.byteLength(alone)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(Buffer.byteLength(alone)).toBeGreaterThan(MAX_SUMMARY_BYTES - 2_500);
    expect(Buffer.byteLength(shared)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(Math.abs(shownAlone - 2 * shownShared)).toBeLessThan(3);
    expect(alone).toContain(`| ... and ${1_000 - shownAlone} more files (1000 in all) | | |`);
    const nativeShown = shared.match(/^native \d+ /gm)!.length;
    expect(shared).toContain(
      `\n... ${1_003 - nativeShown} more lines of the native report left out (the receipt holds every native file)\n\n</details>\n`,
    );
  });
});

describe('fitLines and failureMarkdown at their edges', () => {
  it('keeps a line that ends exactly at the room', () => {
    expect(fitLines(['aa', 'bb'], 5, (n) => `+${n}`)).toEqual(['aa', '+1']);
    expect(fitLines(['aa', 'bb'], 6, (n) => `+${n}`)).toEqual(['aa', 'bb']);
    expect(fitLines(['é'], 3, (n) => `+${n}`)).toEqual(['é']);
    expect(fitLines(['é'], 2, (n) => `+${n}`)).toEqual(['+1']);
    expect(fitLines([], 0, (n) => `+${n}`)).toEqual([]);
  });

  it('leaves the details out when there are none, and titles the failure', () => {
    expect(failureMarkdown('m|x', '', 'T<')).toBe('## :x: T&lt;\n\nm\\|x\n');
    expect(MAX_SUMMARY_BYTES).toBe(1_015_808);
  });
});

describe('summaryMarkdown: the exact cut points', () => {
  // Rows of exactly L bytes: each line fitLines counts is L + 1 bytes with its line end.
  const L = 1000;
  const entryRows = Array.from({ length: 1_200 }, (_, i) => ({
    // '| `' + path + '` | 1 |  |' is L bytes.
    path: `p/${String(i).padStart(4, '0')}${'x'.repeat(L - 19)}`,
    size: 1,
  }));
  const nativeLines = Array.from({ length: 1_200 }, (_, i) =>
    `n${String(i).padStart(4, '0')}`.padEnd(L, 'n'),
  );
  const render = (receiptBytes: number) =>
    summaryMarkdown(
      {
        ...wheel,
        entries: entryRows,
        receipt: { ...wheel.receipt!, bytes: Buffer.alloc(receiptBytes, 0x61) },
        nativeReport: { summary: nativeLines.join('\n'), needed: {} },
      },
      {},
    );
  const fitting = (room: number, firstLines: number[]) => {
    let used = firstLines.reduce((s, n) => s + n + 1, 0);
    let count = 0;
    while (used + L + 1 <= room) {
      used += L + 1;
      count += 1;
    }
    return count;
  };

  it('gives the contents and the native report each half of what the receipt left, less 200', () => {
    const first = render(100);
    const head = Buffer.byteLength(
      first.slice(0, first.indexOf('<details><summary>Verification receipt')),
    );
    // The receipt block grows byte for byte with a receipt of plain letters.
    const empty = Buffer.byteLength(receiptSummaryMarkdown('r.json', Buffer.alloc(0)));
    const block = (n: number) => empty + n;
    // A receipt size that leaves each part one byte short of one more row: any shift shows.
    let n = 200_000;
    while (((MAX_SUMMARY_BYTES - head - block(n) - 1) / 2 - 200) % (L + 1) !== L) n += 1;
    const half = (MAX_SUMMARY_BYTES - head - block(n) - 1) / 2;
    const md = render(n);
    expect(md).toContain(`<pre>${'a'.repeat(n)}</pre>`);
    expect(md.split('\n').find((row) => row.startsWith('| `p/0000'))).toHaveLength(L);
    expect(md.match(/^\| `p\/\d{4}x+` \| 1 \| {2}\|$/gm)!.length).toBe(fitting(half - 200, []));
    const nativeHead = '<details><summary>Native files and their libraries</summary>';
    const shownNative = md.match(/^n\d{4}n+$/gm)!.length;
    expect(shownNative).toBe(fitting(half - 200, [Buffer.byteLength(nativeHead), 0]));
    expect(md).toContain(
      `\n... ${1_200 + 3 - shownNative} more lines of the native report left out`,
    );
  });
});

describe('failureMarkdown and publishedFailureMarkdown, word for word', () => {
  it('a failure with details, cut to the room when too long', () => {
    expect(failureMarkdown("Input 'version': bad <x>", 'pip said no')).toBe(
      '## :x: The wheel was not published\n\nInput &#39;version&#39;: bad &lt;x&gt;\n\n```\npip said no\n```\n',
    );
    const head = Buffer.byteLength('## :x: The wheel was not published\n\nm\n\n');
    const room = MAX_SUMMARY_BYTES - head - 200;
    // A line length that leaves the room 40 bytes or less short of one more line: any shift shows.
    let length = 500;
    while (room % (length + 1) < length + 1 - 40) length += 1;
    const line = 'd'.repeat(length);
    const fit = Math.floor(room / (length + 1));
    const details = Array.from({ length: fit + 5 }, () => line).join('\n');
    expect(failureMarkdown('m', details)).toBe(
      `## :x: The wheel was not published\n\nm\n\n\`\`\`\n${Array.from({ length: fit }, () => line).join('\n')}\n... 5 more lines left out\n\`\`\`\n`,
    );
  });

  it('what was published first, then what failed; the details as they are', () => {
    const text = publishedFailureMarkdown(
      {
        'wheel-name': 'demo-1.0-py3-none-any.whl',
        sha256: 'ab'.repeat(32),
        's3-uri': 's3://bucket/p/demo|x.whl',
        'index-url': 'https://bucket.s3.amazonaws.com/p/simple/',
        'artifact-name': 'demo|wheel',
      },
      'Input <verify-published>: the read was cut short.',
      'GetObject failed',
    );
    expect(text).toBe(
      [
        '## :warning: Published, but a later step failed',
        '',
        'The wheel was published (the outputs are set):',
        '',
        '| | |',
        '|---|---|',
        '| Wheel | `demo-1.0-py3-none-any.whl` |',
        `| SHA-256 | \`${'ab'.repeat(32)}\` |`,
        '| S3 | s3://bucket/p/demo\\|x.whl |',
        '| Index | https://bucket.s3.amazonaws.com/p/simple/ |',
        '| Artifact | demo\\|wheel |',
        '',
        '**What failed afterwards:** Input &lt;verify-published&gt;: the read was cut short.',
        '',
        '```',
        'GetObject failed',
        '```',
        '',
      ].join('\n'),
    );
    expect(publishedFailureMarkdown({}, 'x<', undefined, 'T|')).toBe(
      '## :warning: T\\|\n\nThe wheel was published (the outputs are set):\n\n| | |\n|---|---|\n\n**What failed afterwards:** x&lt;\n',
    );
  });
});

describe('the error line of a failure after the upload', () => {
  it('names the URI, the sha256, the index and the artifact', () => {
    expect(
      publishedLine({
        'wheel-name': 'demo-1.0-py3-none-any.whl',
        sha256: 'ab'.repeat(32),
        's3-uri': 's3://bucket/p/demo-1.0-py3-none-any.whl',
        'index-url': 'https://bucket.s3.amazonaws.com/p/simple/',
        'artifact-name': 'demo-wheel',
      }),
    ).toBe(
      'The wheel was published before this failure: s3://bucket/p/demo-1.0-py3-none-any.whl and ' +
        `artifact demo-wheel (sha256 ${'ab'.repeat(32)}); index ` +
        'https://bucket.s3.amazonaws.com/p/simple/; the outputs are set.',
    );
  });

  it('an artifact alone, and nothing but the name', () => {
    expect(publishedLine({ 'artifact-name': 'w', sha256: 'cd'.repeat(32) })).toBe(
      `The wheel was published before this failure: artifact w (sha256 ${'cd'.repeat(32)}); the outputs are set.`,
    );
    expect(publishedLine({ 'wheel-name': 'x.whl' })).toBe(
      'The wheel was published before this failure: x.whl; the outputs are set.',
    );
  });
});

describe('the error line with nothing but what it must fall back to', () => {
  it('no name at all: "the wheel"; an index without an upload is still named', () => {
    expect(publishedLine({})).toBe(
      'The wheel was published before this failure: the wheel; the outputs are set.',
    );
    expect(publishedLine({ 'wheel-name': 'x.whl', 'index-url': 'https://i/simple/' })).toBe(
      'The wheel was published before this failure: x.whl; index https://i/simple/; the outputs are set.',
    );
  });
});
