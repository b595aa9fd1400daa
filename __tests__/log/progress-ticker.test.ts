import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  progressIntervalMs,
  ticker,
  watchedStream,
  withTicker,
} from '../../src/log/progress-ticker.js';

describe('ticker (pure, with a clock)', () => {
  it('a line per quiet interval, none before the first, none after stop', () => {
    let time = 1000;
    const lines: string[] = [];
    const tick = ticker({
      intervalMs: 10_000,
      line: (ms) => `still running (${ms} ms)`,
      print: (line) => lines.push(line),
      now: () => time,
    });
    time = 10_999;
    tick.check();
    expect(lines).toEqual([]);
    time = 11_000;
    tick.check();
    tick.check();
    time = 25_000;
    tick.check();
    time = 31_000;
    tick.check();
    tick.stop();
    time = 60_000;
    tick.check();
    expect(lines).toEqual(['still running (10000 ms)', 'still running (24000 ms)']);
  });

  it('output of the work itself restarts the quiet clock: no duplicate line', () => {
    let time = 0;
    let lastOutput = 0;
    const lines: string[] = [];
    const tick = ticker({
      intervalMs: 10_000,
      line: (ms) => `quiet at ${ms}`,
      print: (line) => lines.push(line),
      lastOutputAt: () => lastOutput,
      now: () => time,
    });
    for (time = 1000; time <= 40_000; time += 1000) {
      if (time <= 30_000) lastOutput = time - 500; // prints every second until 30 s
      tick.check();
    }
    expect(lines).toEqual(['quiet at 40000']);
  });

  it('withTicker stops its timer when the work ends', async () => {
    const lines: string[] = [];
    await withTicker({ intervalMs: 10_000, line: () => 'x', print: (l) => lines.push(l) }, () =>
      Promise.resolve(),
    );
    expect(lines).toEqual([]);
  });
});

describe('progressIntervalMs / watchedStream', () => {
  it('10 s unless the internal variable is a positive whole number', () => {
    expect(progressIntervalMs({})).toBe(10_000);
    expect(progressIntervalMs({ ALGORITHMIA_WHEEL_PROGRESS_MS: '250' })).toBe(250);
    for (const bad of ['', '0', '-5', '1.5', 'soon']) {
      expect(progressIntervalMs({ ALGORITHMIA_WHEEL_PROGRESS_MS: bad })).toBe(10_000);
    }
  });

  it('passes every byte on and notes the last non-empty write', async () => {
    const target = new PassThrough();
    const chunks: Buffer[] = [];
    target.on('data', (c: Buffer) => chunks.push(c));
    const watched = watchedStream(target);
    expect(watched.lastWriteAt()).toBe(0);
    await new Promise<void>((resolve) => watched.stream.write(Buffer.alloc(0), () => resolve()));
    expect(watched.lastWriteAt()).toBe(0);
    const before = Date.now();
    await new Promise<void>((resolve) => watched.stream.write('hello\n', () => resolve()));
    expect(watched.lastWriteAt()).toBeGreaterThanOrEqual(before);
    expect(Buffer.concat(chunks).toString()).toBe('hello\n');
  });
});
