import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/log/log.js';
import {
  failureMarkdown,
  fitLines,
  MAX_SUMMARY_BYTES,
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

  it('recommends the pinned line first, says the check proved it, then the unpinned index lines', () => {
    const pinned = `https://b.s3.us-east-1.amazonaws.com/k.whl#sha256=${'ab'.repeat(32)}`;
    const md = summaryMarkdown(wheel, {
      requirement: pinned,
      'index-url': 'https://b.s3.us-east-1.amazonaws.com/simple/',
      'index-requirement':
        '--extra-index-url https://b.s3.us-east-1.amazonaws.com/simple/\nvecmath==1.0.0',
      'verify-published': 'passed',
    });
    expect(md).toContain(
      "Add this line to the algorithm's dependencies file (recommended: pip checks the " +
        '`#sha256=` and installs this exact wheel or nothing). The consumer check proved that ' +
        `pip installs exactly this wheel from it.\n\n\`\`\`\n${pinned}\n\`\`\``,
    );
    expect(md).toContain('| Consumer check | passed: pip chose the published wheel (same sha256)');
    expect(md.indexOf(pinned)).toBeLessThan(md.indexOf('--extra-index-url'));
    expect(md).toContain('They do not pin the file');
    // Without the check, nothing claims a proof.
    expect(summaryMarkdown(wheel, { requirement: pinned })).not.toContain('proved');
  });

  it('shows one row per place the wheel was proven in', () => {
    expect(summaryMarkdown(wheel, {})).not.toContain('Verified');
    const md = summaryMarkdown(
      {
        ...wheel,
        verifications: [
          {
            where: 'the image algorithmia/runtime:3.6',
            image: { reference: 'algorithmia/runtime:3.6', id: `sha256:${'c'.repeat(64)}` },
            python: { path: '/opt/anaconda3/bin/python', version: '3.6.15', pip: '18.1' },
            tagsAccepted: ['cp36-cp36m-linux_x86_64'],
            result: 'passed',
          },
          {
            where: 'this machine',
            python: { path: '/usr/bin/python3|x', version: '3.6.15', pip: null },
            tagsAccepted: ['cp36-cp36m-linux_x86_64'],
            result: 'passed',
          },
        ],
      },
      {},
    );
    expect(md).toContain(
      `| Verified in the image algorithmia/runtime:3.6 (\`sha256:${'c'.repeat(12)}\`) | passed: python 3.6.15 at /opt/anaconda3/bin/python, tags \`cp36-cp36m-linux_x86_64\` |`,
    );
    expect(md).toContain(
      '| Verified on this machine | passed: python 3.6.15 at /usr/bin/python3\\|x, tags `cp36-cp36m-linux_x86_64` |',
    );
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

describe("a summary that would be over the runner's 1 MiB", () => {
  const many = {
    ...wheel,
    entries: Array.from({ length: 20_000 }, (_, i) => ({
      path: `vecmath/${'d'.repeat(60)}/file_${i}.py`,
      size: i,
    })),
    receipt: {
      fileName: 'vecmath-1.0.0-cp36-cp36m-linux_x86_64.whl.verification.json',
      sha256: 'cd'.repeat(32),
      bytes: Buffer.from('{"receipt": true}\n'),
    },
    nativeReport: {
      summary: Array.from({ length: 20_000 }, (_, i) => `native line ${i} ${'n'.repeat(40)}`).join(
        '\n',
      ),
      needed: {},
    },
  } as unknown as VerifiedWheel;

  it('stays under the limit: verdict, receipt, then the tables cut with counts', () => {
    const md = summaryMarkdown(many, {});
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(md.startsWith('## :white_check_mark: vecmath 1.0.0 built and verified')).toBe(true);
    expect(md.indexOf('Verification receipt')).toBeLessThan(md.indexOf('Contents of the wheel'));
    expect(md).toContain('{"receipt": true}');
    const more = /\| \.\.\. and (\d+) more files \(20000 in all\) \| \| \|/.exec(md);
    expect(more).not.toBeNull();
    const rows = md.match(/^\| `vecmath\/d+\/file_\d+\.py` \|/gm)!;
    expect(rows.length + Number(more![1])).toBe(20_000);
    expect(md).toMatch(/\.\.\. \d+ more lines of the native report left out/);
    expect(md.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('keeps a small summary whole', () => {
    const md = summaryMarkdown(wheel, {});
    expect(md).not.toContain('more files');
    expect(md).toContain('| `vecmath/__init__.py` | 100 |  |');
  });

  it('cuts the details of a failure too', () => {
    const details = Array.from({ length: 100_000 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join(
      '\n',
    );
    const md = failureMarkdown('it failed.', details);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    expect(md).toMatch(/\.\.\. \d+ more lines left out\n```/);
  });
});

describe('fitLines', () => {
  it('keeps what fits and says how much did not', () => {
    expect(fitLines(['aa', 'bb', 'cc'], 6, (n) => `+${n}`)).toEqual(['aa', 'bb', '+1']);
    expect(fitLines(['aa', 'bb'], 6, (n) => `+${n}`)).toEqual(['aa', 'bb']);
    expect(fitLines(['aaaa'], 2, (n) => `+${n}`)).toEqual(['+1']);
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
