/**
 * The container tests' images, on a real engine. `script/setup` (run by `npm test`, `npm run
 * example` and `.ci/run`) builds each Debian root once (script/make-test-rootfs), caches it in
 * /var/cache/algorithmia-wheel and imports it into podman as a local image (script/test-images).
 * Nothing here builds anything: a missing image fails the test file at once, naming the fix.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Debian 12: CPython 3.11 at /usr/bin/python3, python3-dev, g++, make, pip. */
export const TEST_IMAGE = 'algorithmia-test/debian:bookworm';
/**
 * The older vendor image: Debian 11 (glibc 2.31), CPython 3.9 only at /opt/anaconda3/bin/python
 * (and python3, python3.9 beside it), with python3-dev, g++, make and pip; no python, python3 or
 * python3.9 anywhere on PATH.
 */
export const VENDOR_IMAGE = 'algorithmia-test/anaconda3:bullseye';
/**
 * The runtime image: the vendor image with its compilers purged (no g++, gcc, cpp or make), derived
 * by script/test-images in a few seconds. Sets no LANG, like the platform's runtime images.
 */
export const RUNTIME_IMAGE = 'algorithmia-test/anaconda3-runtime:bullseye';
/** What script/test-images appends to the base recipe in the runtime image's label. */
const RUNTIME_RECIPE = ' +runtime-v1';
/** The vendor image's interpreter. */
export const VENDOR_PYTHON = '/opt/anaconda3/bin/python';

/**
 * The stand-in `docker` (bubblewrap over a root folder), kept only for what a real engine cannot
 * give here: a registry to pull from (no network), so the pull path can be exercised.
 */
export const FAKE_DOCKER_DIR = join(here, 'fake-docker');
/**
 * `docker` and `podman` that record each call (ENGINE_LOG) and run the real engine: podman, and
 * podman's `docker` (or Docker's own where the machine has it). Put first on PATH.
 */
export const ENGINE_DIR = join(here, 'engine');

const ROOTS: Record<string, string> = {
  [TEST_IMAGE]: 'bookworm',
  [VENDOR_IMAGE]: 'bullseye',
  [RUNTIME_IMAGE]: 'bullseye',
};

/** Where script/setup caches the roots: ALGORITHMIA_TEST_CACHE or /var/cache/algorithmia-wheel. */
export function testCacheDir(): string {
  return process.env.ALGORITHMIA_TEST_CACHE ?? '/var/cache/algorithmia-wheel';
}

/** The root folder an image was imported from (ALGORITHMIA_TEST_ROOTFS overrides bookworm's). */
export function testRootfsDir(image: string = TEST_IMAGE): string {
  const flavour = ROOTS[image];
  if (!flavour) throw new Error(`${image} is not one of the test images`);
  if (flavour === 'bookworm' && process.env.ALGORITHMIA_TEST_ROOTFS) {
    return process.env.ALGORITHMIA_TEST_ROOTFS;
  }
  return join(testCacheDir(), `rootfs-${flavour}`);
}

/**
 * Checks (in well under a second) that script/setup has built `image`: its root folder and the
 * local image in podman, imported from that same recipe. Returns the root folder; throws at once,
 * naming the fix, when either is missing. Call it in beforeAll.
 */
export function ensureTestImage(image: string = TEST_IMAGE): string {
  const dir = testRootfsDir(image);
  const stampFile = join(dir, '.test-rootfs-stamp');
  const fix = 'Run `bash script/setup` (as root) once: it builds and imports the test images.';
  if (!existsSync(stampFile)) {
    throw new Error(`The test image ${image} is not built: ${stampFile} is missing. ${fix}`);
  }
  const stamp =
    readFileSync(stampFile, 'utf8').trim() + (image === RUNTIME_IMAGE ? RUNTIME_RECIPE : '');
  let label: string;
  try {
    label = execFileSync(
      'podman',
      [
        'image',
        'inspect',
        '--format',
        '{{ index .Labels "org.algorithmia-wheel.test-recipe" }}',
        image,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();
  } catch (error) {
    throw new Error(`The test image ${image} is not in podman (${String(error)}). ${fix}`);
  }
  if (label !== stamp) {
    throw new Error(
      `The test image ${image} in podman is from another recipe ('${label}'). ${fix}`,
    );
  }
  return dir;
}

/** The bookworm image's root folder, checked as ensureTestImage does (kept for older tests). */
export function ensureTestRootfs(): string {
  return ensureTestImage(TEST_IMAGE);
}

/**
 * Environment for a process that runs the engine: ENGINE_DIR first on PATH (so `docker` is
 * podman's, or Docker's own) and, when `log` is given, every engine call recorded there.
 */
export function engineEnv(log?: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: `${ENGINE_DIR}${delimiter}${process.env.PATH ?? ''}`,
  };
  if (log !== undefined) env.ENGINE_LOG = log;
  return env;
}

/**
 * The environment of one image run of the action: engineEnv(log) (the recording engine first on
 * PATH, its calls logged to `log`) and `workspace` as GITHUB_WORKSPACE.
 */
export function imageRunEnv(log: string, workspace: string): Record<string, string> {
  return { ...engineEnv(log), GITHUB_WORKSPACE: workspace };
}

/** The engine calls recorded in `log` by ENGINE_DIR's commands, each as its argv (engine excluded). */
export function engineCalls(log: string): string[][] {
  if (!existsSync(log)) return [];
  const fields = readFileSync(log, 'utf8').split('\0');
  const calls: string[][] = [];
  for (let i = 0; i < fields.length - 1;) {
    const count = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  return calls;
}

/** The upstream version of a Debian package installed in the root folder, e.g. "3.11.2". */
export function rootfsPackageVersion(rootfs: string, pkg: string): string {
  const status = readFileSync(join(rootfs, 'var/lib/dpkg/status'), 'utf8');
  const stanza = status.split('\n\n').find((s) => s.startsWith(`Package: ${pkg}\n`));
  const version = stanza && /^Version: (?:\d+:)?([^-+~\n]+)/m.exec(stanza)?.[1];
  if (!version) throw new Error(`${pkg} is not installed in ${rootfs}`);
  return version;
}
