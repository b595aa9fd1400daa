import { describe, expect, it } from 'vitest';
import { errorJson, formatOutputs, NUMERIC_OUTPUTS } from '../../src/shell/command-output.js';

/** Reads the `lines` format back the way a shell `while read` loop would. */
function parseLines(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  expect(lines.pop()).toBe('');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([a-z0-9-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      for (i++; lines[i] !== heredoc[2]; i++) {
        expect(i).toBeLessThan(lines.length);
        value.push(lines[i]!);
      }
      outputs[heredoc[1]!] = value.join('\n');
    } else {
      const match = /^([a-z0-9-]+)=(.*)$/.exec(lines[i]!);
      expect(match).not.toBeNull();
      outputs[match![1]!] = match![2]!;
    }
  }
  return outputs;
}

describe('CLI outputs on stdout', () => {
  const outputs = {
    wheel: '/out/x-1.0-py3-none-any.whl',
    sha256: 'ab'.repeat(32),
    'index-requirement': '--extra-index-url https://b/s/simple/\nx==1.0',
    odd: 'a=b<<c',
  };

  it('writes name=value lines, and a heredoc for a value with line breaks', () => {
    const text = formatOutputs(outputs, 'lines', () => 'EOF_1');
    expect(text).toBe(
      [
        'wheel=/out/x-1.0-py3-none-any.whl',
        `sha256=${'ab'.repeat(32)}`,
        'index-requirement<<EOF_1',
        '--extra-index-url https://b/s/simple/',
        'x==1.0',
        'EOF_1',
        'odd=a=b<<c',
        '',
      ].join('\n'),
    );
    expect(parseLines(text)).toEqual(outputs);
  });

  it('picks another delimiter when the value holds a line equal to it', () => {
    const delimiters = ['END', 'END', 'END2'];
    const text = formatOutputs({ v: 'a\nEND\nb' }, 'lines', () => delimiters.shift()!);
    expect(text).toBe('v<<END2\na\nEND\nb\nEND2\n');
  });

  it('uses a random GitHub-style delimiter by default', () => {
    const text = formatOutputs({ v: 'a\r\nb' }, 'lines');
    expect(text).toMatch(/^v<<(ghadelimiter_[0-9a-f-]{36})\na\nb\n\1\n$/);
    expect(parseLines(text)).toEqual({ v: 'a\nb' });
  });

  it('writes one JSON object on one line with --json', () => {
    const text = formatOutputs(outputs, 'json');
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text)).toEqual(outputs);
  });
});

describe('--json: numbers and the error object, exactly', () => {
  it('only size and artifact-id become numbers, and only when wholly digits', () => {
    expect([...NUMERIC_OUTPUTS]).toEqual(['size', 'artifact-id']);
    const text = formatOutputs(
      { size: '1234', 'artifact-id': '7', version: '2', tags: '12x', sha256: '0123' },
      'json',
    );
    expect(text).toBe('{"size":1234,"artifact-id":7,"version":"2","tags":"12x","sha256":"0123"}\n');
    // Digits only at one end are no number.
    expect(formatOutputs({ size: '12 bytes' }, 'json')).toBe('{"size":"12 bytes"}\n');
    expect(formatOutputs({ size: 'about 12' }, 'json')).toBe('{"size":"about 12"}\n');
    expect(formatOutputs({ size: '12' }, 'json')).toBe('{"size":12}\n');
  });

  it('errorJson: message, input and fix, null for what is missing', () => {
    expect(errorJson('bad', 'version', 'fix it')).toBe(
      '{"error":{"message":"bad","input":"version","fix":"fix it"}}\n',
    );
    expect(errorJson('bad', undefined, undefined)).toBe(
      '{"error":{"message":"bad","input":null,"fix":null}}\n',
    );
  });
});
