import { describe, expect, it } from 'vitest';
import {
  MAX_PAGE_BYTES,
  pageReadLimits,
  readFaultError,
  wheelReadLimits,
  windowTarget,
} from '../../../src/publish/consumer/consumer-read-plan.js';

const read = (limits = wheelReadLimits(882, 300_000)) => ({
  what: 'the published wheel',
  url: 'http://h/b/w.whl',
  limits,
});

describe('consumer read plan', () => {
  it('bounds the wheel by its size and a page by the page limit', () => {
    expect(wheelReadLimits(882, 1000)).toMatchObject({ maxBytes: 882, expectedBytes: 882 });
    expect(pageReadLimits(1000)).toMatchObject({ maxBytes: MAX_PAGE_BYTES });
    expect(pageReadLimits(1000).expectedBytes).toBeUndefined();
  });

  it('asks each window for 16 KiB, or only the rest of a known size', () => {
    expect(windowTarget(wheelReadLimits(882, 1000), 0)).toBe(882);
    expect(windowTarget(wheelReadLimits(882, 1000), 880)).toBe(2);
    expect(windowTarget(wheelReadLimits(10_000_000, 1000), 0)).toBe(16 * 1024);
    expect(windowTarget(pageReadLimits(1000), 5)).toBe(16 * 1024);
  });

  it('names each fault with the bytes read and the input', () => {
    const large = readFaultError({ kind: 'too-large', received: 65_536 }, read());
    expect(large.input).toBe('verify-published');
    expect(large.message).toBe(
      "The platform's read of the published wheel (http://h/b/w.whl) was stopped: the server " +
        'sent more than 882 bytes, but the published wheel is 882 bytes.',
    );
    expect(
      readFaultError({ kind: 'too-large', announced: 1_500_000_000, received: 0 }, read()).message,
    ).toContain('the server announces 1500000000 bytes, but the published wheel is 882 bytes.');
    expect(
      readFaultError(
        { kind: 'too-large', announced: MAX_PAGE_BYTES + 1, received: 0 },
        {
          ...read(pageReadLimits(1000)),
          what: 'the index page',
        },
      ).message,
    ).toContain(`but the limit is ${MAX_PAGE_BYTES} bytes.`);
    expect(
      readFaultError(
        { kind: 'truncated', received: 441, cause: 'terminated: other side closed' },
        read(),
      ).message,
    ).toBe(
      "The platform's read of the published wheel (http://h/b/w.whl) ended after 441 of 882 " +
        'bytes: terminated: other side closed.',
    );
    expect(readFaultError({ kind: 'stalled', received: 20, inWindow: 20 }, read()).message).toBe(
      "The platform's read of the published wheel (http://h/b/w.whl) stalled: 20 bytes in the " +
        'last 20 s (20 of 882 bytes read); a read must bring at least 16384 bytes (or the rest) ' +
        'every 20 s.',
    );
    expect(readFaultError({ kind: 'timeout', received: 5 }, read()).message).toBe(
      "The platform's read of the published wheel (http://h/b/w.whl) took longer than 300 s " +
        '(5 of 882 bytes read).',
    );
  });
});
