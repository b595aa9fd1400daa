import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fullObjectSha256, identityFromHead } from '../../../src/publish/s3/s3-identity.js';

const bytes = Buffer.from('the wheel bytes');
const wheel = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const other = createHash('sha256').update('other bytes').digest('hex');

describe('fullObjectSha256', () => {
  it('reads a full-object checksum, refuses composite and malformed ones', () => {
    expect(fullObjectSha256({ checksumSha256: b64(wheel.sha256) })).toBe(wheel.sha256);
    expect(
      fullObjectSha256({ checksumSha256: b64(wheel.sha256), checksumType: 'FULL_OBJECT' }),
    ).toBe(wheel.sha256);
    expect(
      fullObjectSha256({ checksumSha256: b64(wheel.sha256), checksumType: 'COMPOSITE' }),
    ).toBeUndefined();
    expect(fullObjectSha256({ checksumSha256: `${b64(wheel.sha256)}-3` })).toBeUndefined();
    expect(fullObjectSha256({ checksumSha256: 'AAAA' })).toBeUndefined();
    expect(fullObjectSha256({})).toBeUndefined();
  });
});

describe('identityFromHead', () => {
  it("is 'same' only when S3's own checksum equals the wheel's digest", () => {
    expect(
      identityFromHead({ size: wheel.size, checksumSha256: b64(wheel.sha256) }, wheel),
    ).toEqual({
      verdict: 'same',
      proof: "S3's SHA-256 checksum of the object matches",
    });
    // Upper-case hex from a caller is the same digest.
    expect(
      identityFromHead(
        { size: wheel.size, checksumSha256: b64(wheel.sha256) },
        { ...wheel, sha256: wheel.sha256.toUpperCase() },
      ).verdict,
    ).toBe('same');
  });

  it("is 'different' for another length, or another FULL_OBJECT checksum", () => {
    expect(identityFromHead({ size: wheel.size + 1 }, wheel)).toEqual({
      verdict: 'different',
      reason: `it has ${wheel.size + 1} bytes, this build ${wheel.size}`,
    });
    expect(
      identityFromHead(
        { size: wheel.size, checksumSha256: b64(other), checksumType: 'FULL_OBJECT' },
        wheel,
      ),
    ).toEqual({ verdict: 'different', reason: `its SHA-256 checksum is ${other}` });
  });

  it('needs the bytes when the length matches and no checksum proves anything', () => {
    for (const head of [
      { size: wheel.size },
      { size: wheel.size, checksumSha256: b64(other) },
      { size: wheel.size, checksumSha256: `${b64(wheel.sha256)}-2`, checksumType: 'COMPOSITE' },
      { checksumSha256: b64(other) },
    ]) {
      expect(identityFromHead(head, wheel).verdict, JSON.stringify(head)).toBe('read-bytes');
    }
  });
});
