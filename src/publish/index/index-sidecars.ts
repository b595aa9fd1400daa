/**
 * Objects stored beside a wheel under the same prefix, `<wheel file name><suffix>`:
 *
 * - `.metadata`: the wheel's METADATA bytes (PEP 658/714), linked from the index pages with their
 *   sha256 so that pip resolves without downloading the wheel;
 * - `.yanked`: PEP 592, written by `algorithmia-wheel yank`; its body is the reason ('' = none);
 * - `.verification.json`: the verification receipt (not linked from the pages).
 *
 * The index is rebuilt from the listing alone, so these objects are the whole state: nothing
 * lives only in a page. Pure apart from readSidecar.
 */
import { createHash } from 'node:crypto';

import { s3ErrorCode } from '../s3/s3-errors.js';
import type { S3Session } from '../s3/s3-session.js';

export const METADATA_SUFFIX = '.metadata';
export const YANKED_SUFFIX = '.yanked';

export type SidecarKind = 'metadata' | 'yanked';

/** `x.whl.metadata` -> { wheel: 'x.whl', kind: 'metadata' }; anything else: undefined. */
export function sidecarOf(name: string): { wheel: string; kind: SidecarKind } | undefined {
  for (const [suffix, kind] of [
    [METADATA_SUFFIX, 'metadata'],
    [YANKED_SUFFIX, 'yanked'],
  ] as const) {
    if (name.endsWith(`.whl${suffix}`)) return { wheel: name.slice(0, -suffix.length), kind };
  }
  return undefined;
}

/** The Requires-Python header of a METADATA text (RFC 822 headers end at the first blank line). */
export function requiresPythonOf(metadata: string): string | undefined {
  for (const line of metadata.split(/\r?\n/)) {
    if (line === '') break;
    const match = /^Requires-Python:\s*(.*?)\s*$/i.exec(line);
    if (match) return match[1] || undefined;
  }
  return undefined;
}

/** A yank reason as stored: one line, at most 300 characters, surrounding space trimmed. */
export function normalizeYankReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').trim().slice(0, 300);
}

export interface SidecarFacts {
  metadataSha256?: string;
  requiresPython?: string;
  yanked?: string;
}

/** What a `.metadata` object's bytes give the page. */
export function metadataFacts(bytes: Buffer): SidecarFacts {
  const requiresPython = requiresPythonOf(bytes.toString('utf8'));
  return {
    metadataSha256: createHash('sha256').update(bytes).digest('hex'),
    ...(requiresPython ? { requiresPython } : {}),
  };
}

/** The object's bytes; undefined when it is gone (deleted since the listing). */
export async function readSidecar(
  session: S3Session,
  bucket: string,
  key: string,
  signal?: AbortSignal,
): Promise<Buffer | undefined> {
  try {
    // The names above are read at start-up (receipt-step.ts): only the session, loaded with the
    // first S3 step, reaches the SDK.
    const object = await session.send('GetObject', { Bucket: bucket, Key: key }, { signal });
    return Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array());
  } catch (error) {
    const { code, status } = s3ErrorCode(error);
    if (status === 404 && code !== 'NoSuchBucket') return undefined;
    throw error;
  }
}
