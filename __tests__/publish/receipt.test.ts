import { describe, expect, it } from 'vitest';
import {
  buildReceipt,
  parseGlibc,
  parseImageInspect,
  parseImportLines,
  receiptLibraryPath,
  receiptSummaryMarkdown,
  type Receipt,
  type ReceiptFacts,
} from '../../src/publish/receipt.js';

const facts = (): ReceiptFacts => ({
  wheel: {
    fileName: 'demo-1.0-cp311-cp311-linux_x86_64.whl',
    size: 1234,
    sha256: 'AB'.repeat(32),
    tags: ['cp311-cp311-linux_x86_64', 'cp311-abi3-linux_x86_64'],
  },
  distribution: 'demo',
  version: '1.0',
  python: {
    path: '/usr/bin/python3',
    version: [3, 11, 2],
    implementation: 'CPython',
    abi: 'cpython-311-x86_64-linux-gnu',
    pip: '23.0.1',
    glibc: '2.36',
  },
  image: {
    reference: 'debian:12',
    id: 'sha256:1',
    repoDigests: ['debian@sha256:b', 'debian@sha256:a'],
  },
  nativeFiles: [
    {
      path: 'demo/b.so',
      libraries: [
        { name: 'libm.so.6', path: '/lib/libm.so.6' },
        { name: 'libc.so.6', path: '/lib/libc.so.6' },
      ],
      symbolVersions: {
        'libstdc++.so.6': ['GLIBCXX_3.4.26', 'CXXABI_1.3.9'],
        'libc.so.6': ['GLIBC_2.34'],
      },
    },
    { path: 'demo/a.so', libraries: [{ name: 'linux-vdso.so.1' }] },
  ],
  imports: [
    { module: 'demo.z', from: 'demo/z.py' },
    { module: 'demo', from: 'demo/__init__.py' },
  ],
  testCommand: { command: 'python -c "import demo"', result: 'passed' },
  tool: { name: 'algorithmia-wheel', version: '0.1.0' },
  sourceDateEpoch: 1700000000,
  commit: 'c0ffee',
});

describe('the verification receipt', () => {
  it('is the same bytes for the same facts, whatever order they were gathered in', () => {
    const a = buildReceipt(facts());
    const shuffled = facts();
    shuffled.nativeFiles.reverse();
    shuffled.nativeFiles.forEach((f) => (f.libraries = [...f.libraries].reverse()));
    shuffled.nativeFiles[1]!.symbolVersions = {
      'libc.so.6': ['GLIBC_2.34'],
      'libstdc++.so.6': ['CXXABI_1.3.9', 'GLIBCXX_3.4.26'],
    };
    shuffled.imports.reverse();
    shuffled.wheel.tags = [...shuffled.wheel.tags].reverse();
    shuffled.image!.repoDigests = [...shuffled.image!.repoDigests!].reverse();
    expect(buildReceipt(shuffled).equals(a)).toBe(true);
    // Any fact changes the bytes.
    expect(buildReceipt({ ...facts(), commit: 'c0ffef' }).equals(a)).toBe(false);
    expect(buildReceipt({ ...facts(), sourceDateEpoch: 1700000001 }).equals(a)).toBe(false);
  });

  it('records every fact, sorted, with nulls for what is absent and no clock', () => {
    const receipt = JSON.parse(buildReceipt(facts()).toString('utf8')) as Receipt;
    expect(receipt.wheel).toEqual({
      name: 'demo-1.0-cp311-cp311-linux_x86_64.whl',
      distribution: 'demo',
      version: '1.0',
      size: 1234,
      sha256: 'ab'.repeat(32),
      tags: ['cp311-abi3-linux_x86_64', 'cp311-cp311-linux_x86_64'],
    });
    expect(receipt.python.version).toBe('3.11.2');
    expect(receipt.image).toEqual({
      reference: 'debian:12',
      id: 'sha256:1',
      repoDigests: ['debian@sha256:a', 'debian@sha256:b'],
    });
    expect(receipt.verification.imports.map((i: { module: string }) => i.module)).toEqual([
      'demo',
      'demo.z',
    ]);
    expect(receipt.verification.nativeFiles[0]).toEqual({
      path: 'demo/a.so',
      libraries: [{ name: 'linux-vdso.so.1', path: null }],
      symbolVersions: {},
    });
    // The symbol-version maxima per library, libraries and versions sorted.
    expect(JSON.stringify(receipt.verification.nativeFiles[1].symbolVersions)).toBe(
      JSON.stringify({
        'libc.so.6': ['GLIBC_2.34'],
        'libstdc++.so.6': ['CXXABI_1.3.9', 'GLIBCXX_3.4.26'],
      }),
    );
    expect(
      receipt.verification.nativeFiles[1].libraries.map((l: { name: string }) => l.name),
    ).toEqual(['libc.so.6', 'libm.so.6']);
    expect(receipt.verification.testCommand).toEqual({
      command: 'python -c "import demo"',
      result: 'passed',
    });
    expect(receipt.build).toEqual({
      tool: 'algorithmia-wheel 0.1.0',
      sourceDateEpoch: 1700000000,
      commit: 'c0ffee',
    });
    const bare = { ...facts(), commit: undefined, image: undefined, testCommand: undefined };
    const minimal = JSON.parse(buildReceipt(bare).toString('utf8')) as Receipt;
    expect(minimal.image).toBeNull();
    expect(minimal.build.commit).toBeNull();
    expect(minimal.verification.testCommand).toBeNull();
    expect(buildReceipt(facts()).toString('utf8').endsWith('}\n')).toBe(true);
  });

  it('records each place the wheel was proven in, in order, its accepted tags sorted', () => {
    const receipt = JSON.parse(
      buildReceipt({
        ...facts(),
        places: [
          {
            where: 'the image runtime:1',
            image: { reference: 'runtime:1', id: 'sha256:9' },
            python: { path: '/opt/anaconda3/bin/python', version: '3.9.2', pip: '20.3.4' },
            tagsAccepted: ['py3-none-linux_x86_64', 'cp39-abi3-linux_x86_64'],
            result: 'passed',
          },
          {
            where: 'this machine',
            python: { path: '/usr/bin/python3', version: '3.11.2', pip: null },
            tagsAccepted: [],
            result: 'passed',
          },
        ],
      }).toString('utf8'),
    ) as Receipt;
    expect(receipt.verification.places).toEqual([
      {
        where: 'the image runtime:1',
        image: { reference: 'runtime:1', id: 'sha256:9' },
        python: { path: '/opt/anaconda3/bin/python', version: '3.9.2', pip: '20.3.4' },
        tagsAccepted: ['cp39-abi3-linux_x86_64', 'py3-none-linux_x86_64'],
        result: 'passed',
      },
      {
        where: 'this machine',
        image: null,
        python: { path: '/usr/bin/python3', version: '3.11.2', pip: null },
        tagsAccepted: [],
        result: 'passed',
      },
    ]);
    expect(
      (JSON.parse(buildReceipt(facts()).toString('utf8')) as Receipt).verification.places,
    ).toEqual([]);
  });

  it('parses what the tools print', () => {
    expect(parseImportLines(['imported demo from demo/__init__.py', 'noise'])).toEqual([
      { module: 'demo', from: 'demo/__init__.py' },
    ]);
    expect(receiptLibraryPath('/tmp/w/target/demo/lib/x.so', '/tmp/w/target')).toBe(
      '<target>/demo/lib/x.so',
    );
    expect(receiptLibraryPath('/lib/libc.so.6', '/tmp/w/target')).toBe('/lib/libc.so.6');
    expect(receiptLibraryPath(undefined, '/t')).toBeUndefined();
    expect(parseGlibc('glibc 2.17\n')).toBe('2.17');
    expect(parseGlibc('')).toBeNull();
    expect(parseImageInspect('[{"Id":"sha256:x","RepoDigests":["a@sha256:y"]}]')).toEqual({
      id: 'sha256:x',
      repoDigests: ['a@sha256:y'],
    });
    // podman reports the same digest without its algorithm.
    expect(parseImageInspect(`[{"Id":"${'5a'.repeat(32)}"}]`)).toEqual({
      id: `sha256:${'5a'.repeat(32)}`,
    });
    expect(parseImageInspect('not json')).toEqual({});
  });

  it('escapes the receipt in the job summary', () => {
    const md = receiptSummaryMarkdown('x.json', Buffer.from('{"c": "</pre><script>"}'));
    expect(md).toContain('&lt;/pre&gt;&lt;script&gt;');
    expect(md).not.toContain('<script>');
  });
});

describe('the receipt is written redacted', () => {
  it('passes every string through the redaction before serialising, escapes and all', () => {
    const secret = 'tok"en\\with<quotes>-0001';
    const withSecret: ReceiptFacts = {
      ...facts(),
      testCommand: { command: `test "$T" = '${secret}'`, result: 'passed' },
      image: { reference: `registry.example/${secret}`, repoDigests: [] },
    };
    const clean = (text: string) => text.split(secret).join('***');
    const bytes = buildReceipt(withSecret, clean);
    const text = bytes.toString('utf8');
    expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
    const parsed = JSON.parse(text) as Receipt;
    expect(parsed.verification.testCommand).toEqual({
      command: `test "$T" = '***'`,
      result: 'passed',
    });
    expect(parsed.image?.reference).toBe('registry.example/***');
    // Nothing else changes: numbers stay numbers, nulls stay nulls.
    expect(parsed.wheel.size).toBe(1234);
    expect(parsed.build.sourceDateEpoch).toBe(1700000000);
    expect(buildReceipt(facts(), clean).equals(buildReceipt(facts()))).toBe(true);
  });
});

describe('the receipt schema URL', () => {
  it("names the action's own repository, as the docs' `uses:` lines do", async () => {
    const { ACTION_REF } = await import('../../script/doc-workflows.mjs');
    const repository = ACTION_REF.split('@')[0];
    const receipt = JSON.parse(buildReceipt(facts()).toString('utf8')) as Receipt;
    expect(receipt.schema).toBe(`https://github.com/${repository}/receipt/v1`);
    expect(repository).toBe('algorithmiaio/wheel-maker');
  });
});
