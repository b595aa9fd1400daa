// PKG-INFO and requires.txt read at their edges: line endings, folded headers, the body,
// content types, comments and sections.
import { describe, expect, it } from 'vitest';
import { metadataFromEggInfo, requiresFromTxt } from '../../src/wheel/pkg-info.js';

describe('metadataFromEggInfo, exactly', () => {
  it('reads CRLF and CR files like LF ones, headers case-insensitively, values trimmed', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      const meta = metadataFromEggInfo(
        [
          'Metadata-Version: 2.1',
          'SUMMARY:   Fast  ',
          'home-page: https://e.org',
          'Author: Ann',
          '',
        ].join(eol),
        '',
      );
      expect(meta.summary, JSON.stringify(eol)).toBe('Fast');
      expect(meta.homePage).toBe('https://e.org');
      expect(meta.author).toBe('Ann');
    }
  });

  it('joins a folded header with spaces, and takes the first of repeated headers', () => {
    const meta = metadataFromEggInfo(
      'Summary: one\n  two\n\tthree\nLicense: MIT\nLicense: BSD\nRequires-Python: >=3.6\n',
      '',
    );
    expect(meta.summary).toBe('one two three');
    expect(meta.license).toBe('MIT');
    expect(meta.requiresPython).toBe('>=3.6');
  });

  it('leaves out empty and UNKNOWN values, and lines without a name', () => {
    const meta = metadataFromEggInfo(
      'Summary:\nAuthor: UNKNOWN\n: orphan\nno colon here\nLicense:   \nHome-page: h\n',
      '',
    );
    expect(meta).toEqual({
      summary: undefined,
      homePage: 'h',
      author: undefined,
      license: undefined,
      requiresPython: undefined,
      requires: [],
      providesExtra: [],
    });
  });

  it('trims each Provides-Extra', () => {
    expect(
      metadataFromEggInfo('Provides-Extra:  np \nProvides-Extra: gpu\n', '').providesExtra,
    ).toEqual(['np', 'gpu']);
  });

  it('unfolds a Description header: 8 spaces, 8 spaces and a bar, or a tab', () => {
    const meta = metadataFromEggInfo(
      'Description: Title\n        |line one\n        line two\n\tline three\n         nine\nSummary: s\n',
      '',
    );
    expect(meta.description).toEqual({
      text: 'Title\nline one\nline two\nline three\n nine',
      contentType: 'text/x-rst',
    });
    expect(meta.summary).toBe('s');
  });

  it('reads the body after the first blank line when there is no Description header', () => {
    for (const eol of ['\r\n', '\n']) {
      const meta = metadataFromEggInfo(`Name: x${eol}${eol}Body${eol}more`, '');
      expect(meta.description?.text).toBe('Body\nmore');
    }
    expect(metadataFromEggInfo('Name: x\n', '').description).toBeUndefined();
    expect(metadataFromEggInfo('Name: x\n\n   \n', '').description).toBeUndefined();
    expect(metadataFromEggInfo('Name: x\n\nUNKNOWN\n', '').description).toBeUndefined();
    expect(metadataFromEggInfo('Description: \nName: x\n\nbody', '').description).toBeUndefined();
  });

  it('keeps markdown, rst and plain text; anything else is read as rst', () => {
    for (const type of ['text/markdown', 'text/x-rst', 'text/plain']) {
      expect(
        metadataFromEggInfo(`Description-Content-Type: ${type}\n\nbody`, '').description,
      ).toEqual({ text: 'body', contentType: type });
    }
    for (const type of ['text/html', 'UNKNOWN', '']) {
      expect(
        metadataFromEggInfo(`Description-Content-Type: ${type}\n\nbody`, '').description
          ?.contentType,
      ).toBe('text/x-rst');
    }
  });
});

describe('metadataFromEggInfo at the edges of its headers', () => {
  it('headers end at the first blank line; a body line with a colon is body', () => {
    const meta = metadataFromEggInfo('Summary: s\n\nAuthor: Mallory\n', '');
    expect(meta.author).toBeUndefined();
    expect(meta.description).toEqual({ text: 'Author: Mallory\n', contentType: 'text/x-rst' });
  });

  it('a file that starts with its blank line is all body; lone CRs end lines there too', () => {
    expect(metadataFromEggInfo('\n\nbody', '').description).toEqual({
      text: 'body',
      contentType: 'text/x-rst',
    });
    expect(metadataFromEggInfo('Name: x\r\rBody\rmore', '').description?.text).toBe('Body\nmore');
  });

  it('a line without a colon starts no header; a name is read without its spaces', () => {
    const meta = metadataFromEggInfo('Summaryx\nAuthor : Ann\nLicense:MIT\n', '');
    expect(meta.summary).toBeUndefined();
    expect(meta.author).toBe('Ann');
    expect(meta.license).toBe('MIT');
  });

  it('a blank continuation line adds no space to a value', () => {
    expect(metadataFromEggInfo('Summary: Fast\n        \nAuthor: A\n', '').summary).toBe('Fast');
  });

  it('only the indent of a Description line is removed, not spaces or tabs inside it', () => {
    const meta = metadataFromEggInfo('Description: T\n  a        b\n  c\td\n', '');
    expect(meta.description?.text).toBe('T\n  a        b\n  c\td');
  });
});

describe('requiresFromTxt, exactly', () => {
  it('a requirement with extras is no section; lone CRs end lines', () => {
    expect(requiresFromTxt('requests[security]\n[np]\nnumpy[fast]\n')).toEqual([
      'requests[security]',
      'numpy[fast]; extra == "np"',
    ]);
    expect(requiresFromTxt('six\r[np]\rnumpy\r')).toEqual(['six', 'numpy; extra == "np"']);
  });

  it('skips comments and blank lines, trims, reads CRLF, and resets markers per section', () => {
    expect(
      requiresFromTxt(
        '# comment\r\n  six>=1  \r\n\r\n[ gpu ]\r\ncupy\r\n[:  os_name == "nt" ]\r\npywin32\r\n[]\r\nlast\r\n',
      ),
    ).toEqual(['six>=1', 'cupy; extra == "gpu"', 'pywin32; os_name == "nt"', 'last']);
  });

  it('reads a section with an extra and a marker, and leaves a bracketed line that is not one', () => {
    expect(requiresFromTxt('[e:python_version<"3"]\nx\n[bad\ny\n')).toEqual([
      'x; (python_version<"3") and extra == "e"',
      '[bad; (python_version<"3") and extra == "e"',
      'y; (python_version<"3") and extra == "e"',
    ]);
    expect(requiresFromTxt('[a]b]\nz\n')).toEqual(['[a]b]', 'z']);
  });
});
