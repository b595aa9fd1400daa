/**
 * The "vendor image" of the container tests: a Debian root folder (script/make-test-rootfs) that
 * the fake `docker` (fake-docker/) enters with bubblewrap. No Docker engine runs on our machines.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

/** The image name the fake docker maps to the root folder. */
export const TEST_IMAGE = 'algorithmia-test/debian:bookworm';
/** The folder holding the fake `docker`; put it first on PATH. */
export const FAKE_DOCKER_DIR = join(here, 'fake-docker');

/** Where the root folder lives: ALGORITHMIA_TEST_ROOTFS (a cache kept between runs), or .cache/. */
export function testRootfsDir(): string {
  return process.env.ALGORITHMIA_TEST_ROOTFS ?? join(repo, '.cache', 'rootfs-bookworm');
}

/**
 * Builds the root folder once (debootstrap, about 2-4 minutes; needs root and the Debian mirror)
 * and returns it; a later call, from any test file or worker, finds the stamp and returns at once.
 */
export function ensureTestRootfs(): string {
  const dir = testRootfsDir();
  const started = Date.now();
  execFileSync('bash', [join(repo, 'script', 'make-test-rootfs'), dir], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 5) console.log(`test rootfs ready in ${seconds.toFixed(1)} s: ${dir}`);
  return dir;
}

/** The upstream version of a Debian package installed in the root folder, e.g. "3.11.2". */
export function rootfsPackageVersion(rootfs: string, pkg: string): string {
  const status = readFileSync(join(rootfs, 'var/lib/dpkg/status'), 'utf8');
  const stanza = status.split('\n\n').find((s) => s.startsWith(`Package: ${pkg}\n`));
  const version = stanza && /^Version: (?:\d+:)?([^-+~\n]+)/m.exec(stanza)?.[1];
  if (!version) throw new Error(`${pkg} is not installed in ${rootfs}`);
  return version;
}
