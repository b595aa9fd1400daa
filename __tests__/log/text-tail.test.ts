import { describe, expect, it } from 'vitest';
import { ByteTail, lastLines, MAX_TAIL_CHARS } from '../../src/log/text-tail.js';

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

describe('lastLines on an endless line', () => {
  it('keeps at most MAX_TAIL_CHARS of its end', () => {
    const text = `start${'x'.repeat(5_000_000)}end`;
    const tail = lastLines(text, 40);
    expect(tail).toHaveLength(MAX_TAIL_CHARS + 3);
    expect(tail.startsWith('...x')).toBe(true);
    expect(tail.endsWith('xend')).toBe(true);
  });
});

describe('ByteTail: the bounded end of a command output', () => {
  it('keeps everything while under the limit', () => {
    const tail = new ByteTail(100);
    tail.push(Buffer.from('one\n'));
    tail.push(Buffer.from('two\n'));
    expect(tail.text()).toBe('one\ntwo\n');
    expect(tail.total).toBe(8);
  });

  it('keeps the last whole lines within the limit and counts what it left out', () => {
    const tail = new ByteTail(10);
    for (let i = 0; i < 100; i++) tail.push(Buffer.from(`line ${i}\n`));
    // 'line 98\nline 99\n' is 16 bytes: the last 10 bytes start inside 'line 98'.
    expect(tail.text()).toBe(
      `[... ${tail.total - 8} bytes of earlier output left out ...]\nline 99\n`,
    );
  });

  it('holds about `limit` bytes however much is pushed', () => {
    const tail = new ByteTail(1 << 16);
    const chunk = Buffer.alloc(4096, 0x61);
    for (let i = 0; i < 100_000; i++) tail.push(chunk);
    expect(tail.total).toBe(4096 * 100_000);
    const text = tail.text();
    expect(text.length).toBeLessThan((1 << 16) + 100);
    expect(text).toMatch(
      /^\[\.\.\. 409534464 bytes of earlier output left out \.\.\.\]\na{65536}$/,
    );
  });
});
