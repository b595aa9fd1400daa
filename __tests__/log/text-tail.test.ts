import { describe, expect, it } from 'vitest';
import { lastLines } from '../../src/log/text-tail.js';

describe('lastLines: the one stderr tail of error details', () => {
  it('keeps the last lines, in order', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(lastLines(text, 3)).toBe('line 48\nline 49\nline 50');
    expect(lastLines(text, 40).split('\n')).toHaveLength(40);
  });

  it('drops trailing blanks and leading empty lines, and reads \\r\\n as a line end', () => {
    expect(lastLines('\n\n  first\r\nsecond\r\n\n  \n', 10)).toBe('  first\nsecond');
    expect(lastLines('a\n\nb\n', 2)).toBe('b');
  });

  it('is empty for output with nothing in it, so callers can leave details out', () => {
    expect(lastLines('', 20)).toBe('');
    expect(lastLines(' \n\t\n', 20)).toBe('');
  });
});
