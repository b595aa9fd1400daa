/**
 * Is the object already under the key this very wheel? Decided from proof only (pure): S3's own
 * full-object SHA-256 checksum (HEAD with ChecksumMode ENABLED; S3 verified it against the bytes
 * when they were written), or else the length plus a SHA-256 of the object's bytes. The
 * `x-amz-meta-sha256` metadata is never proof: anyone who can write the key can set it to any
 * value, over any bytes.
 */
import { base64ToHex } from './s3-plan.js';

export interface HeadFacts {
  /** Content-Length. */
  size?: number;
  /** x-amz-checksum-sha256 (base64), when S3 has one and was asked for it. */
  checksumSha256?: string;
  /** x-amz-checksum-type: FULL_OBJECT or COMPOSITE (some servers, moto among them, omit it). */
  checksumType?: string;
}

export type IdentityVerdict =
  /** Proven identical by S3's full-object checksum. */
  | { verdict: 'same'; proof: string }
  /** Proven different (another length, or a full-object checksum that differs). */
  | { verdict: 'different'; reason: string }
  /** Same length, no usable checksum: the bytes must be read and hashed. */
  | { verdict: 'read-bytes'; reason: string };

/** The object's full-object SHA-256 (hex) from HEAD, or undefined for none or a composite one. */
export function fullObjectSha256(head: HeadFacts): string | undefined {
  const value = head.checksumSha256;
  if (!value || head.checksumType === 'COMPOSITE' || value.includes('-')) return undefined;
  const hex = base64ToHex(value);
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

export function identityFromHead(
  head: HeadFacts,
  wheel: { size: number; sha256: string },
): IdentityVerdict {
  const ours = wheel.sha256.toLowerCase();
  const theirs = fullObjectSha256(head);
  if (theirs === ours) {
    // A checksum equal to our digest cannot come from other bytes, whatever type S3 names.
    return { verdict: 'same', proof: "S3's SHA-256 checksum of the object matches" };
  }
  if (head.size !== undefined && head.size !== wheel.size) {
    return { verdict: 'different', reason: `it has ${head.size} bytes, this build ${wheel.size}` };
  }
  if (theirs && head.checksumType === 'FULL_OBJECT') {
    return { verdict: 'different', reason: `its SHA-256 checksum is ${theirs}` };
  }
  // No checksum, a composite (multipart) one, or one whose type the server does not say (moto
  // gives its composite multipart checksums without "-N" and without a type): read the bytes.
  return { verdict: 'read-bytes', reason: 'same length and no full-object checksum' };
}
