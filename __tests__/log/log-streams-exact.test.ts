// What the user's commands' output becomes, exactly: the redacting stream (what it writes and
// when, its flush and end, its back-pressure), the bounded tails of error details and their
// boundaries, and the progress lines. Pure and in memory: the mutation group `logstreams`.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { progressLine, throttledProgress } from '../../src/log/progress.js';
import { RedactingStream } from '../../src/log/redact-stream.js';
import { Redactor } from '../../src/log/redact.js';
import { ByteTail, lastLines, MAX_TAIL_CHARS } from '../../src/log/text-tail.js';

const SECRET = 'sekret-VALUE-42';

function stream(sink?: Partial<{ write: (t: string) => unknown }>) {
  const written: string[] = [];
  const out = new RedactingStream(new Redactor([SECRET]), {
    write: (t: string) => {
      written.push(t);
      return sink?.write?.(t);
    },
  });
  return { out, written };
}
const write = (s: RedactingStream, chunk: string | Buffer) =>
  new Promise<void>((resolve) => s.write(chunk, () => resolve()));

describe('RedactingStream, exactly', () => {
  it('writes nothing for a chunk that is all held back, and flushes the held tail once', async () => {
    const { out, written } = stream();
    await write(out, 'a sekret-');
    await write(out, 'VAL');
    expect(written).toEqual(['a ']);
    out.flush();
    expect(written).toEqual(['a ', 'sekret-VAL']);
    out.flush();
    expect(written).toEqual(['a ', 'sekret-VAL']);
  });

  it('masks a secret completed by the held tail, and writes nothing empty', async () => {
    const { out, written } = stream();
    await write(out, 'x sekret-VALUE-4');
    await write(out, '2\n');
    await write(out, '');
    out.flush();
    expect(written).toEqual(['x ', '***\n']);
  });

  it('flushes on end: a cut multi-byte character and the held tail, masked', async () => {
    const { out, written } = stream();
    const euro = Buffer.from('€');
    await write(out, Buffer.concat([Buffer.from(`${SECRET} sekret`), euro.subarray(0, 1)]));
    expect(written).toEqual(['*** ']);
    await new Promise<void>((resolve) => out.end(resolve));
    expect(written).toEqual(['*** ', 'sekret\ufffd']);
    expect(out.stream).toBe(out);
  });

  it('decodes strings and buffers alike, whatever encoding a string is written in', async () => {
    const { out, written } = stream();
    await write(out, Buffer.from('é '));
    await new Promise<void>((resolve) => out.write('e9', 'hex', () => resolve()));
    await new Promise<void>((resolve) => out.write(' ok\n', 'utf8', () => resolve()));
    expect(written.join('')).toBe('é \ufffd ok\n');
  });

  it('holds up to 1 MiB before write says to wait, while the sink is busy', async () => {
    const listeners: (() => void)[] = [];
    const out = new RedactingStream(new Redactor([SECRET]), {
      write: () => false,
      once: (_event, listener) => listeners.push(listener),
      removeListener: () => undefined,
    });
    const first = new Promise<void>((resolve) =>
      out.write(Buffer.alloc(100_000, 0x61), () => resolve()),
    );
    expect(out.write(Buffer.alloc(100_000, 0x62))).toBe(true);
    expect(out.write(Buffer.alloc(900_000, 0x63))).toBe(false);
    for (const listener of listeners.splice(0)) listener();
    await first;
  });
});

describe('lastLines, exactly', () => {
  it('cuts the text at MAX_TAIL_CHARS, "..." before the kept end', () => {
    expect(MAX_TAIL_CHARS).toBe(8192);
    const exact = 'y'.repeat(8192);
    expect(lastLines(exact, 5)).toBe(exact);
    expect(lastLines(`z${exact}`, 5)).toBe(`...${exact}`);
  });

  it('splits only the end of a long text: a long trailing run of blanks hides the start', () => {
    expect(lastLines(`head${' '.repeat(16_380)}`, 5)).toBe('head');
    expect(lastLines(`head${' '.repeat(16_381)}`, 5)).toBe('ead');
    expect(lastLines(`head${' '.repeat(16_384)}`, 5)).toBe('');
  });

  it('reads CR LF and LF as line ends, not a lone CR', () => {
    expect(lastLines('a\r\nb\nc\rd', 2)).toBe('b\nc\rd');
  });

  it('drops only leading lines that are blank, and none when count is 0', () => {
    expect(lastLines(' \n\t\nx\n \ny', 5)).toBe('x\n \ny');
    expect(lastLines('a\nb', 0)).toBe('a\nb');
  });
});

describe('ByteTail, exactly', () => {
  it('keeps all at exactly the limit, and a header one byte over', () => {
    const tail = new ByteTail(8);
    tail.push(Buffer.from('1234'));
    tail.push(Buffer.from('5678'));
    expect(tail.text()).toBe('12345678');
    tail.push(Buffer.from('9'));
    expect(tail.total).toBe(9);
    expect(tail.text()).toBe('[... 1 bytes of earlier output left out ...]\n23456789');
  });

  it('drops the cut line up to its line end, even one at the first byte', () => {
    const tail = new ByteTail(4);
    tail.push(Buffer.from('ab\ncd'));
    expect(tail.text()).toBe('[... 3 bytes of earlier output left out ...]\ncd');
    const atStart = new ByteTail(3);
    atStart.push(Buffer.from('ab\ncd'));
    expect(atStart.text()).toBe('[... 3 bytes of earlier output left out ...]\ncd');
  });

  it('keeps a chunk the limit still needs, across chunks', () => {
    const tail = new ByteTail(5);
    for (const chunk of ['aaa', 'bb', 'c\nd', 'ee']) tail.push(Buffer.from(chunk));
    expect(tail.text()).toBe('[... 7 bytes of earlier output left out ...]\ndee');
    const exact = new ByteTail(4);
    for (const chunk of ['xx', 'yy', 'zz']) exact.push(Buffer.from(chunk));
    expect(exact.text()).toBe('[... 2 bytes of earlier output left out ...]\nyyzz');
  });
});

describe('ByteTail memory', () => {
  it('holds whole chunks while the rest still needs them, never fewer than the newest', () => {
    const tail = new ByteTail(8);
    const held: number[] = [];
    for (let i = 0; i < 5; i++) {
      tail.push(Buffer.from('abcd'));
      held.push(tail.heldBytes);
    }
    expect(held).toEqual([4, 8, 8, 8, 8]);
    const uneven = new ByteTail(8);
    for (const chunk of ['abcdefghij', 'k', 'lm', 'nopqrst']) uneven.push(Buffer.from(chunk));
    expect(uneven.heldBytes).toBe(9);
    const none = new ByteTail(0);
    none.push(Buffer.from('ab'));
    none.push(Buffer.from('cd'));
    expect(none.heldBytes).toBe(2);
    expect(none.text()).toBe('[... 4 bytes of earlier output left out ...]\n');
  });
});

describe('RedactingStream back-pressure', () => {
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('goes on at once when the sink took the text, or when nothing was written', async () => {
    const sink = Object.assign(new EventEmitter(), { write: () => true });
    const out = new RedactingStream(new Redactor([SECRET]), sink);
    let done = 0;
    out.write('line\n', () => (done += 1));
    out.write('sekret-', () => (done += 1));
    await settle();
    expect(done).toBe(2);
    expect(sink.listenerCount('drain')).toBe(0);
  });

  it('waits for drain, then takes its listeners off every event', async () => {
    const sink = Object.assign(new EventEmitter(), { write: () => false });
    const out = new RedactingStream(new Redactor([SECRET]), sink);
    let done = 0;
    out.write('line\n', () => (done += 1));
    await settle();
    expect(done).toBe(0);
    sink.emit('drain');
    await settle();
    expect(done).toBe(1);
    for (const event of ['drain', 'close', 'error']) expect(sink.listenerCount(event)).toBe(0);
  });

  it('works with a sink that can wait but not take listeners off', async () => {
    const listeners: (() => void)[] = [];
    const out = new RedactingStream(new Redactor([SECRET]), {
      write: () => false,
      once: (_event, listener) => listeners.push(listener),
    });
    let done = 0;
    out.write('line\n', () => (done += 1));
    await settle();
    listeners[1]!();
    await settle();
    expect(done).toBe(1);
  });
});

describe('progress, exactly', () => {
  it('prints once the default 10 s passed since the start or the last line', () => {
    let time = 1_000;
    const lines: string[] = [];
    const tick = throttledProgress('P', { bytes: 3 << 20, files: 3 }, (l) => lines.push(l), {
      now: () => time,
    });
    time = 10_999;
    tick({ bytes: 1 << 20, files: 1 });
    time = 11_000;
    tick({ bytes: 1 << 20, files: 1 });
    time = 20_999;
    tick({ bytes: 2 << 20, files: 2 });
    time = 21_000;
    tick({ bytes: 2 << 20, files: 2 });
    time = 40_000;
    tick({ bytes: 3 << 20, files: 3 });
    expect(lines).toEqual([
      'P: 1.0 of 3.0 MiB (33%), 1 of 3 files',
      'P: 2.0 of 3.0 MiB (66%), 2 of 3 files',
    ]);
  });

  it('reads the real clock when none is given', () => {
    const lines: string[] = [];
    const tick = throttledProgress('P', { bytes: 10, files: 2 }, (l) => lines.push(l), {
      intervalMs: 0,
    });
    tick({ bytes: 5, files: 1 });
    expect(lines).toEqual(['P: 0.0 of 0.0 MiB (50%), 1 of 2 files']);
    const never = throttledProgress('Q', { bytes: 10, files: 2 }, (l) => lines.push(l));
    never({ bytes: 5, files: 1 });
    expect(lines).toHaveLength(1);
  });

  it('says 100% of nothing, rounds the percent down and MiB to a tenth', () => {
    expect(progressLine('P', { bytes: 0, files: 0 }, { bytes: 0, files: 0 })).toBe(
      'P: 0.0 of 0.0 MiB (100%), 0 of 0 files',
    );
    expect(progressLine('P', { bytes: 1_101_005, files: 1 }, { bytes: 1_101_006, files: 9 })).toBe(
      'P: 1.1 of 1.1 MiB (99%), 1 of 9 files',
    );
  });
});
