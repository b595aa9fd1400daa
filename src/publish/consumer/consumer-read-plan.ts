/**
 * Pure limits of the consumer check's reads: a hostile or broken server must end each read in a
 * named failure (too large, truncated, stalled, too slow), never in an unbounded wait or an
 * unbounded buffer.
 */
import { PublishError } from '../../base/errors.js';

export interface ReadLimits {
  /** More bytes than this (announced or received) fail at once. */
  maxBytes: number;
  /** With the exact size known (the wheel): fewer bytes are a truncated read. */
  expectedBytes?: number;
  /** The progress window: at least `minBytesPerWindow` (or what is left) must arrive in each. */
  windowMs: number;
  minBytesPerWindow: number;
  /** The whole read, headers to last byte. */
  timeoutMs: number;
}

/** 16 KiB per 20 s: any working link does far better; a drip of 1 byte/s ends in 20 s. */
export const STALL_WINDOW_MS = 20_000;
export const MIN_BYTES_PER_WINDOW = 16 * 1024;
/** An index page bigger than this is not one we wrote (ours list one project's files). */
export const MAX_PAGE_BYTES = 32 * 1024 * 1024;

/** Limits for reading the wheel: its exact size is known. */
export function wheelReadLimits(size: number, timeoutMs: number): ReadLimits {
  return {
    maxBytes: size,
    expectedBytes: size,
    windowMs: STALL_WINDOW_MS,
    minBytesPerWindow: MIN_BYTES_PER_WINDOW,
    timeoutMs,
  };
}

/** Limits for reading an index page: only an upper bound. */
export function pageReadLimits(timeoutMs: number): ReadLimits {
  return {
    maxBytes: MAX_PAGE_BYTES,
    windowMs: STALL_WINDOW_MS,
    minBytesPerWindow: MIN_BYTES_PER_WINDOW,
    timeoutMs,
  };
}

/** The bytes a window must bring: the minimum, or what is still missing when less. */
export function windowTarget(limits: ReadLimits, received: number): number {
  if (limits.expectedBytes === undefined) return limits.minBytesPerWindow;
  return Math.max(1, Math.min(limits.minBytesPerWindow, limits.expectedBytes - received));
}

export type ReadFault =
  | { kind: 'too-large'; announced?: number; received: number }
  | { kind: 'truncated'; received: number; cause: string }
  | { kind: 'stalled'; received: number; inWindow: number }
  | { kind: 'timeout'; received: number };

/** The named failure of a read that went wrong, with what the user can do. */
export function readFaultError(
  fault: ReadFault,
  read: { what: string; url: string; limits: ReadLimits },
): PublishError {
  const { what, url, limits } = read;
  const of = limits.expectedBytes === undefined ? '' : ` of ${limits.expectedBytes}`;
  const network =
    're-run the job; if it persists, check what answers at that URL for the platform ' +
    '(s3-endpoint, s3-region, a proxy or CDN in front of the bucket).';
  switch (fault.kind) {
    case 'too-large': {
      const size =
        fault.announced !== undefined
          ? `announces ${fault.announced} bytes`
          : `sent more than ${limits.maxBytes} bytes`;
      const bound =
        limits.expectedBytes !== undefined
          ? `the published wheel is ${limits.expectedBytes} bytes`
          : `the limit is ${limits.maxBytes} bytes`;
      return new PublishError(
        `The platform's read of ${what} (${url}) was stopped: the server ${size}, but ${bound}.`,
        {
          input: 'verify-published',
          fix:
            'something other than the uploaded object answers at that URL (a proxy, a CDN, a ' +
            'wrong s3-endpoint, or another job overwrote it): ' +
            network,
        },
      );
    }
    case 'truncated':
      return new PublishError(
        `The platform's read of ${what} (${url}) ended after ${fault.received}${of} bytes: ` +
          `${fault.cause}.`,
        { input: 'verify-published', fix: network },
      );
    case 'stalled':
      return new PublishError(
        `The platform's read of ${what} (${url}) stalled: ${fault.inWindow} bytes in the last ` +
          `${limits.windowMs / 1000} s (${fault.received}${of} bytes read); a read must bring ` +
          `at least ${limits.minBytesPerWindow} bytes (or the rest) every ${limits.windowMs / 1000} s.`,
        { input: 'verify-published', fix: network },
      );
    case 'timeout':
      return new PublishError(
        `The platform's read of ${what} (${url}) took longer than ${limits.timeoutMs / 1000} s ` +
          `(${fault.received}${of} bytes read).`,
        { input: 'verify-published', fix: network },
      );
  }
}
