import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/log/log.js';
import {
  failureMarkdown,
  publishedFailureMarkdown,
  summaryMarkdown,
} from '../../src/shell/summary.js';
import type { VerifiedWheel } from '../../src/pipeline/verified-wheel.js';

const wheel = {
  path: '/ws/dist/vecmath-1.0.0-cp36-cp36m-linux_x86_64.whl',
  fileName: 'vecmath-1.0.0-cp36-cp36m-linux_x86_64.whl',
  sha256: 'ab'.repeat(32),
  size: 12_345,
  tag: 'cp36-cp36m-linux_x86_64',
  entries: [
    { path: 'vecmath/__init__.py', size: 100 },
    { path: 'vecmath/_vecmath.cpython-36m-x86_64-linux-gnu.so', size: 9000 },
  ],
  distribution: 'vecmath',
  version: '1.0.0',
  packageName: 'vecmath',
  probe: {
    executable: '/opt/anaconda3/bin/python',
    version: [3, 6, 15],
    implementation: 'CPython',
  },
  verify: { target: '/t' },
  nativeReport: {
    summary: '### Native libraries\n',
    needed: {
      'vecmath/_vecmath.cpython-36m-x86_64-linux-gnu.so': ['libvecmath.so.1', 'libc.so.6'],
    },
  },
} as unknown as VerifiedWheel;

describe('job summary', () => {
  it('shows what was built, where it went, the requirement line and the contents', () => {
    const md = summaryMarkdown(wheel, {
      's3-uri': 's3://b/k.whl',
      's3-url': 'https://b.s3.us-east-1.amazonaws.com/k.whl',
      requirement: 'https://b.s3.us-east-1.amazonaws.com/k.whl',
      'artifact-url': 'https://github.com/o/r/actions/runs/1/artifacts/2',
      'artifact-name': 'vecmath-1.0.0-cp36-cp36m-linux_x86_64.whl',
    });
    expect(md).toContain('| Wheel | `vecmath-1.0.0-cp36-cp36m-linux_x86_64.whl` |');
    expect(md).toContain('| Python | CPython 3.6.15 at /opt/anaconda3/bin/python |');
    expect(md).toContain('| Size | 12.1 KiB (12345 bytes) |');
    expect(md).toContain(`| SHA-256 | \`${'ab'.repeat(32)}\` |`);
    expect(md).toContain('| Files | 2 |');
    expect(md).toContain('```\nhttps://b.s3.us-east-1.amazonaws.com/k.whl\n```');
    expect(md).toContain('(https://github.com/o/r/actions/runs/1/artifacts/2)');
    expect(md).toContain(
      '| `vecmath/_vecmath.cpython-36m-x86_64-linux-gnu.so` | 9000 | libvecmath.so.1, libc.so.6 |',
    );
    expect(md).toContain('<details><summary>Native files and their libraries</summary>');
  });

  it('shows the highest symbol versions the native files need, and the target', () => {
    expect(summaryMarkdown(wheel, {})).not.toContain('Runtime needs');
    const md = summaryMarkdown(
      {
        ...wheel,
        nativeReport: {
          ...wheel.nativeReport,
          runtimeNeeds: 'GLIBC_2.34, GLIBCXX_3.4.26 (target: glibc 2.36)',
        },
      },
      {},
    );
    expect(md).toContain('| Runtime needs | GLIBC_2.34, GLIBCXX_3.4.26 (target: glibc 2.36) |');
  });

  it('explains a failure and its fix', () => {
    expect(failureMarkdown("Input 'version': bad <x>", 'pip said no')).toBe(
      '## :x: The wheel was not published\n\nInput &#39;version&#39;: bad &lt;x&gt;\n\n```\npip said no\n```\n',
    );
  });

  it('formats sizes', () => {
    expect([formatBytes(10), formatBytes(2048), formatBytes(5 * 1024 ** 3)]).toEqual([
      '10 B',
      '2.0 KiB',
      '5.0 GiB',
    ]);
  });
});

describe('the summary of a failure after the upload', () => {
  it('says what was published first, then what failed; never "not published"', () => {
    const text = publishedFailureMarkdown(
      {
        'wheel-name': 'demo-1.0-py3-none-any.whl',
        sha256: 'ab'.repeat(32),
        's3-uri': 's3://bucket/p/demo-1.0-py3-none-any.whl',
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
        '| S3 | s3://bucket/p/demo-1.0-py3-none-any.whl |',
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
    expect(publishedFailureMarkdown({}, 'x', undefined, 'Published, but')).toMatch(
      /^## :warning: Published, but\n/,
    );
  });
});
