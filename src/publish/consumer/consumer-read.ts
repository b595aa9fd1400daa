/**
 * The consumer check's reads of what was published: streamed and hashed as they arrive, with the
 * expected size as the limit, a progress window (a drip of bytes counts as a stall), a deadline
 * and the run's cancellation. Each way a read goes wrong ends in a named failure
 * (consumer-read-plan.ts); a cancel ends in the run's own CancelledError.
 */
import { createHash } from 'node:crypto';

import { PublishError, errorMessage } from '../../base/errors.js';
import { AWS_ACCESS_KEY_ID, redactText } from '../../log/redact.js';
import { s3ErrorCode } from '../s3/s3-errors.js';
import type { S3Acl } from '../s3/s3-plan.js';
import type { S3Session } from '../s3/s3-session.js';
import {
  readFaultError,
  windowTarget,
  type ReadFault,
  type ReadLimits,
} from './consumer-read-plan.js';
import { readRefusedError, type ReadMode } from './verify-published-plan.js';

/** What a read brought: the bytes (never more than the limit) and their SHA-256. */
export interface ReadResult {
  bytes: Buffer;
  sha256: string;
}

interface Opened {
  status: number;
  /** The announced length (Content-Length), when given. */
  length?: number;
  body: AsyncIterable<Uint8Array> | null | undefined;
}

interface ReadRequest {
  what: string;
  url: string;
  limits: ReadLimits;
  /** The run's cancellation: its reason (a CancelledError) is what a cancelled read throws. */
  signal?: AbortSignal;
}

/** Where the read is stored and how the platform reads it, for the messages of a refusal. */
export interface ReadTarget {
  bucket: string;
  prefix: string;
  acl: S3Acl;
  mode: ReadMode;
}

const ERROR_BODY_BYTES = 2000;

function secrets(): string[] {
  return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
    .map((name) => process.env[name])
    .filter((value): value is string => !!value);
}

/** The message of an error and of its causes (undici says `terminated`, its cause says why). */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const message = errorMessage(current);
    if (message && !parts.includes(message)) parts.push(message);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(': ') || 'the connection closed';
}

/**
 * Opens and reads one body within `request.limits`. `open` gets the signal that stops the
 * request; an error thrown before the headers came is passed to `openFailed`.
 */
async function boundedRead(
  request: ReadRequest,
  open: (signal: AbortSignal) => Promise<Opened>,
  openFailed: (error: unknown) => Error,
): Promise<{ status: number } & ReadResult> {
  const { limits } = request;
  const controller = new AbortController();
  let fault: ReadFault | undefined;
  let received = 0;
  let inWindow = 0;
  const stop = (found: ReadFault): void => {
    fault ??= found;
    controller.abort();
  };
  const onCancel = (): void => controller.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onCancel, { once: true });
  const deadline = setTimeout(() => stop({ kind: 'timeout', received }), limits.timeoutMs);
  const window = setInterval(() => {
    if (inWindow < windowTarget(limits, received)) stop({ kind: 'stalled', received, inWindow });
    inWindow = 0;
  }, limits.windowMs);
  const failure = (error: unknown): Error => {
    const reason: unknown = request.signal?.reason;
    if (request.signal?.aborted)
      return reason instanceof Error ? reason : new Error(String(reason));
    if (fault) return readFaultError(fault, request);
    return readFaultError({ kind: 'truncated', received, cause: causeChain(error) }, request);
  };
  try {
    if (request.signal?.aborted) throw request.signal.reason;
    let opened: Opened;
    try {
      opened = await open(controller.signal);
    } catch (error) {
      if (request.signal?.aborted || fault) throw failure(error);
      throw openFailed(error);
    }
    const ok = opened.status >= 200 && opened.status < 300;
    const max = ok ? limits.maxBytes : ERROR_BODY_BYTES;
    if (ok && opened.length !== undefined && opened.length > max) {
      stop({ kind: 'too-large', announced: opened.length, received });
      throw failure(undefined);
    }
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of opened.body ?? []) {
        received += chunk.length;
        inWindow += chunk.length;
        if (received > max) {
          if (!ok) break;
          stop({ kind: 'too-large', received });
          throw failure(undefined);
        }
        hash.update(chunk);
        chunks.push(Buffer.from(chunk));
      }
    } catch (error) {
      if (error instanceof PublishError) throw error;
      if (!ok) return { status: opened.status, bytes: Buffer.concat(chunks), sha256: '' };
      throw failure(error);
    }
    if (ok && limits.expectedBytes !== undefined && received < limits.expectedBytes) {
      throw failure(new Error('the body ended early'));
    }
    return { status: opened.status, bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
  } finally {
    clearTimeout(deadline);
    clearInterval(window);
    request.signal?.removeEventListener('abort', onCancel);
    if (!controller.signal.aborted) controller.abort();
  }
}

/** An unsigned GET: what a public URL or a bucket policy for everyone gives. */
export async function anonymousRead(
  request: ReadRequest,
  key: string,
  target: ReadTarget,
): Promise<ReadResult> {
  const { url, what } = request;
  const result = await boundedRead(
    request,
    async (signal) => {
      const response = await fetch(url, { signal, redirect: 'follow' });
      const length = response.headers.get('content-length');
      return {
        status: response.status,
        ...(length !== null && /^\d+$/.test(length) ? { length: Number(length) } : {}),
        body: response.body,
      };
    },
    (error) =>
      new PublishError(`The platform's read of ${what} (${url}) failed: ${causeChain(error)}.`, {
        input: 'verify-published',
        fix: 'check that the URL is reachable from where the platform runs (s3-endpoint, s3-region).',
      }),
  );
  if (result.status === 403 || result.status === 404) {
    throw readRefusedError({ ...target, status: result.status, url, key, what });
  }
  if (result.status < 200 || result.status >= 300) {
    throw new PublishError(`The platform's read of ${what} (${url}) got HTTP ${result.status}.`, {
      input: 'verify-published',
      fix: 're-run the job; if it persists, check the bucket and the endpoint.',
      details: redactText(result.bytes.toString('utf8'), secrets(), [AWS_ACCESS_KEY_ID]),
    });
  }
  return result;
}

/** A GetObject signed with the runner's credentials: a platform that reads with its own role. */
export async function signedRead(
  request: ReadRequest,
  key: string,
  target: ReadTarget & { session: S3Session },
): Promise<ReadResult> {
  const { session } = target;
  return boundedRead(
    request,
    async (signal) => {
      const object = await session.send(
        'GetObject',
        { Bucket: target.bucket, Key: key },
        { signal: AbortSignal.any([signal, session.deadline(request.limits.timeoutMs)]) },
      );
      return {
        status: 200,
        ...(object.ContentLength !== undefined ? { length: object.ContentLength } : {}),
        body: object.Body as AsyncIterable<Uint8Array> | undefined,
      };
    },
    (error) => {
      const { status, code } = s3ErrorCode(error);
      if (status === 403 || status === 404) {
        return readRefusedError({ ...target, status, url: request.url, key, what: request.what });
      }
      return new PublishError(`The signed read of ${request.url} failed: ${code}.`, {
        input: 'verify-published',
        fix: 're-run the job; if it persists, check the bucket and the credentials.',
        details: session.redact(errorMessage(error)),
      });
    },
  );
}
