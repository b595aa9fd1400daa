// The receipt word for word: the whole bytes of a full and of a minimal receipt (key order,
// sorting by bytes, nulls, two-space indent, final newline), and every parser at its edges.
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

const minimal = (): ReceiptFacts => ({
  wheel: { fileName: 'd-1-py3-none-any.whl', size: 9, sha256: 'Ab', tags: ['py3-none-any'] },
  distribution: 'd',
  version: '1',
  python: {
    path: '/py',
    version: [3, 9],
    implementation: 'CPython',
    abi: null,
    pip: null,
    glibc: null,
  },
  nativeFiles: [],
  imports: [],
  tool: { name: 't', version: '2' },
  sourceDateEpoch: 0,
});

describe('buildReceipt, byte for byte', () => {
  it('writes a minimal receipt with nulls and empty lists, indented by two, one final newline', () => {
    expect(buildReceipt(minimal()).toString('utf8')).toBe(
      `${JSON.stringify(
        {
          schema: 'https://github.com/algorithmiaio/wheel-maker/receipt/v1',
          wheel: {
            name: 'd-1-py3-none-any.whl',
            distribution: 'd',
            version: '1',
            size: 9,
            sha256: 'ab',
            tags: ['py3-none-any'],
          },
          python: {
            path: '/py',
            version: '3.9',
            implementation: 'CPython',
            abi: null,
            pip: null,
            glibc: null,
          },
          image: null,
          verification: {
            install: 'passed',
            imports: [],
            testCommand: null,
            places: [],
            nativeFiles: [],
          },
          build: { tool: 't 2', sourceDateEpoch: 0, commit: null },
        },
        null,
        2,
      )}\n`,
    );
  });

  it('sorts by bytes (capitals before lower case, "é" last) and keeps places in order', () => {
    const facts: ReceiptFacts = {
      ...minimal(),
      wheel: { ...minimal().wheel, tags: ['py3-none-any', 'Py2-none-any', 'é-none-any'] },
      image: { reference: 'img', id: 'sha256:1', repoDigests: ['img@b', 'Img@a'] },
      nativeFiles: [
        {
          path: 'p/z.so',
          libraries: [{ name: 'libz.so' }, { name: 'Libq.so', path: '/q' }],
          symbolVersions: { 'libz.so': ['Z_2', 'A_1'], 'Libq.so': ['GLIBC_2.3'] },
        },
        { path: 'P/a.so', libraries: [] },
      ],
      imports: [
        { module: 'p.b', from: 'p/b.py' },
        { module: 'P', from: 'P/__init__.py' },
      ],
      testCommand: { command: 'true', result: 'passed' },
      places: [
        {
          where: 'second',
          python: { path: '/b', version: '3.8', pip: null },
          tagsAccepted: ['b', 'A'],
          result: 'passed',
        },
        {
          where: 'first',
          image: { reference: 'ref', repoDigests: ['x'] },
          python: { path: '/a', version: '3.7', pip: '9' },
          tagsAccepted: [],
          result: 'passed',
        },
      ],
      commit: 'abc',
    };
    const parsed = JSON.parse(buildReceipt(facts).toString('utf8')) as Receipt;
    expect(parsed).toEqual({
      schema: 'https://github.com/algorithmiaio/wheel-maker/receipt/v1',
      wheel: {
        name: 'd-1-py3-none-any.whl',
        distribution: 'd',
        version: '1',
        size: 9,
        sha256: 'ab',
        tags: ['Py2-none-any', 'py3-none-any', 'é-none-any'],
      },
      python: {
        path: '/py',
        version: '3.9',
        implementation: 'CPython',
        abi: null,
        pip: null,
        glibc: null,
      },
      image: { reference: 'img', id: 'sha256:1', repoDigests: ['Img@a', 'img@b'] },
      verification: {
        install: 'passed',
        imports: [
          { module: 'P', from: 'P/__init__.py', result: 'passed' },
          { module: 'p.b', from: 'p/b.py', result: 'passed' },
        ],
        testCommand: { command: 'true', result: 'passed' },
        places: [
          {
            where: 'second',
            image: null,
            python: { path: '/b', version: '3.8', pip: null },
            tagsAccepted: ['A', 'b'],
            result: 'passed',
          },
          {
            where: 'first',
            image: { reference: 'ref', id: null },
            python: { path: '/a', version: '3.7', pip: '9' },
            tagsAccepted: [],
            result: 'passed',
          },
        ],
        nativeFiles: [
          { path: 'P/a.so', libraries: [], symbolVersions: {} },
          {
            path: 'p/z.so',
            libraries: [
              { name: 'Libq.so', path: '/q' },
              { name: 'libz.so', path: null },
            ],
            symbolVersions: { 'Libq.so': ['GLIBC_2.3'], 'libz.so': ['A_1', 'Z_2'] },
          },
        ],
      },
      build: { tool: 't 2', sourceDateEpoch: 0, commit: 'abc' },
    });
    // The key order is fixed: symbolVersions by library, as written.
    expect(Object.keys(parsed.verification.nativeFiles[1]!.symbolVersions)).toEqual([
      'Libq.so',
      'libz.so',
    ]);
    // An image without an id or digests: nulls and an empty list.
    const bare = JSON.parse(
      buildReceipt({ ...minimal(), image: { reference: 'r' } }).toString('utf8'),
    ) as { image: unknown };
    expect(bare.image).toEqual({ reference: 'r', id: null, repoDigests: [] });
  });

  it('cleans keys and strings alike, leaving numbers, nulls and booleans', () => {
    const text = buildReceipt(
      {
        ...minimal(),
        nativeFiles: [{ path: 'x', libraries: [], symbolVersions: { 'lib-SECRET.so': ['v'] } }],
      },
      (s) => s.replace('SECRET', '***'),
    ).toString('utf8');
    expect(text).toContain('"lib-***.so": [');
    expect(text).toContain('"size": 9,');
    expect(text).toContain('"abi": null,');
  });
});

describe('the receipt parsers at their edges', () => {
  it('reads import lines, trimmed, whole', () => {
    expect(
      parseImportLines([
        '  imported a.b from a/b/__init__.py  ',
        'imported  two-spaces from x',
        'Noise imported c from d',
        'imported e from f g.py',
        'imported h from ',
      ]),
    ).toEqual([
      { module: 'a.b', from: 'a/b/__init__.py' },
      { module: 'e', from: 'f g.py' },
    ]);
  });

  it('shows a library inside the target relative to it, with or without the slash', () => {
    expect(receiptLibraryPath('/t/x.so', '/t/')).toBe('<target>/x.so');
    expect(receiptLibraryPath('/t/x.so', '/t')).toBe('<target>/x.so');
    expect(receiptLibraryPath('/tx/y.so', '/t')).toBe('/tx/y.so');
  });

  it('reads a glibc version of two or three numbers in any case', () => {
    expect(parseGlibc('GLIBC 2.31.9 extra')).toBe('2.31.9');
    expect(parseGlibc('glibc\t2.19')).toBe('2.19');
    expect(parseGlibc('glibc 2')).toBeNull();
    expect(parseGlibc('glibc  12.34.10')).toBe('12.34.10');
    expect(parseGlibc('musl 1.2.3')).toBeNull();
  });

  it('reads an inspect answer: the first image, string fields only', () => {
    expect(parseImageInspect('[]')).toEqual({});
    expect(parseImageInspect('{"Id":"sha256:x"}')).toEqual({});
    expect(parseImageInspect('[{"Id":7,"RepoDigests":"a"}]')).toEqual({});
    expect(parseImageInspect('[{"RepoDigests":[1,"a@b",null]}]')).toEqual({ repoDigests: ['a@b'] });
    expect(parseImageInspect('[{"Id":"abc"},{"Id":"def"}]')).toEqual({ id: 'abc' });
    expect(parseImageInspect(`[{"Id":"x${'a'.repeat(64)}"}]`)).toEqual({
      id: `x${'a'.repeat(64)}`,
    });
    expect(parseImageInspect(`[{"Id":"${'a'.repeat(64)}x"}]`)).toEqual({
      id: `${'a'.repeat(64)}x`,
    });
    expect(parseImageInspect('[null]')).toEqual({});
  });

  it('puts the receipt in a details block, escaped, trailing blanks dropped', () => {
    expect(receiptSummaryMarkdown('a&<b>.json', Buffer.from('{"x": "&<>"}\n\n'))).toBe(
      '<details><summary>Verification receipt (<code>a&amp;&lt;b&gt;.json</code>)</summary>\n' +
        '\n<pre>{"x": "&amp;&lt;&gt;"}</pre>\n\n</details>\n',
    );
  });
});
