// The set-up of the test images: a mirror that fails is retried and then named, with the fix; a
// test that finds an image missing fails at once and says to run script/setup (no test builds).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/example.js';
import { ensureTestImage, TEST_IMAGE, testCacheDir, VENDOR_IMAGE } from '../helpers/rootfs.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('script/make-test-rootfs', () => {
  it('retries an unreachable mirror, then fails with one message naming it and the fix', () => {
    const cache = mkdtempSync(join(tmpdir(), 'rootfs-retry-'));
    const out = join(cache, 'rootfs-bullseye');
    const run = spawnSync('bash', [join(ROOT, 'script', 'make-test-rootfs'), 'bullseye', out], {
      encoding: 'utf8',
      env: {
        ...process.env,
        // Port 9 (discard) on loopback: nothing listens, every download is refused.
        DEBIAN_MIRROR: 'http://127.0.0.1:9/debian',
        TEST_ROOTFS_ATTEMPTS: '2',
        TEST_ROOTFS_RETRY_PAUSE: '1',
      },
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('make-test-rootfs'));
    expect(lines.filter((line) => / \(attempt \d of 2; log: /.test(line))).toHaveLength(2);
    expect(lines).toContain('make-test-rootfs[bullseye]: mirror error; retrying in 1 s');
    expect(lines.slice(-2)).toEqual([
      `make-test-rootfs[bullseye]: debootstrap failed after 2 attempt(s) (full log: ${out}.build.log).`,
      'make-test-rootfs[bullseye]: Check that http://127.0.0.1:9/debian is reachable (or set DEBIAN_MIRROR=URL), then run script/setup again.',
    ]);
    // Nothing half-built is left where a later run would take it for a root.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(cache).sort()).toEqual([
      'rootfs-bullseye.build.log',
      'rootfs-bullseye.lock',
    ]);
  });
});

describe('ensureTestImage', () => {
  it('fails at once, telling to run script/setup, when the root is missing', () => {
    process.env.ALGORITHMIA_TEST_CACHE = mkdtempSync(join(tmpdir(), 'empty-cache-'));
    delete process.env.ALGORITHMIA_TEST_ROOTFS;
    const started = Date.now();
    expect(() => ensureTestImage(VENDOR_IMAGE)).toThrow(
      /^The test image algorithmia-test\/anaconda3:bullseye is not built: .*rootfs-bullseye\/\.test-rootfs-stamp is missing\. Run `bash script\/setup`/,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers quickly (two podman inspects, no build) when script/setup has built both images', () => {
    const started = Date.now();
    // ALGORITHMIA_TEST_ROOTFS, when set, names the bookworm root (script/test-images honours it).
    const bookworm = process.env.ALGORITHMIA_TEST_ROOTFS ?? join(testCacheDir(), 'rootfs-bookworm');
    expect(ensureTestImage(TEST_IMAGE)).toBe(bookworm);
    expect(ensureTestImage(VENDOR_IMAGE)).toBe(join(testCacheDir(), 'rootfs-bullseye'));
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
