// Image mode without target-glibc, on the real engine (rootful podman, as `docker` through
// podman's docker command and as `container-engine: podman`): the image's own libc.so.6 and
// libstdc++.so.6, read from the image through the executor, decide which symbol versions the
// wheel may need. Debian bookworm (glibc 2.36, libstdc++ of GCC 12) accepts the library built
// here; the older vendor image (Debian 11: glibc 2.31, python only at /opt/anaconda3) refuses it
// ("version `GLIBC_2.34' not found" is what its loader would say), and accepts the same sources
// built inside it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputName } from '../../src/inputs/input-spec.js';
import { errorAnnotations, runBundledAction, type ActionRun } from '../helpers/example.js';
import { wheelEntries } from '../helpers/install.js';
import { writeModernProject } from '../helpers/modern-sources.js';
import { buildFuturePackage, buildModernPackage } from '../helpers/native-fixtures.js';
import { defaultPython3, pyenvPython } from '../helpers/python.js';
import {
  engineCalls,
  imageRunEnv,
  ensureTestImage,
  rootfsPackageVersion,
  TEST_IMAGE,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
} from '../helpers/rootfs.js';

let bullseye: string;

beforeAll(() => {
  ensureTestImage(TEST_IMAGE);
  bullseye = ensureTestImage(VENDOR_IMAGE);
});

/**
 * The bundled action in a fresh workspace (`prefix`), offline (`--network none`), version 1.0.0, no
 * artifact, writing to the workspace's dist/ and logging the engine's calls: its run, the engine
 * log and the output folder.
 */
async function runOffline(
  prefix: string,
  inputs: Partial<Record<InputName, string>>,
): Promise<{ run: ActionRun; log: string; out: string }> {
  const ws = mkdtempSync(join(tmpdir(), prefix));
  const log = join(ws, 'engine.log');
  const out = join(ws, 'dist');
  const run = await runBundledAction(
    {
      ...inputs,
      'docker-options': '--network none',
      version: '1.0.0',
      'output-dir': out,
      'artifact-name': 'false',
    },
    imageRunEnv(log, ws),
  );
  return { run, log, out };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The message of the one ::error annotation, with its escaped line breaks undone. */
function oneError(stdout: string): string {
  const errors = errorAnnotations(stdout);
  expect(errors, stdout).toHaveLength(1);
  return decodeURIComponent(errors[0]!.replace(/%0A/g, ' '));
}

/** The highest GLIBC_x.y that the root folder's libc.so.6 defines (binutils as the oracle). */
function glibcDefinedBy(rootfs: string): string {
  const text = execFileSync(
    'readelf',
    ['-V', '-W', join(rootfs, 'lib', 'x86_64-linux-gnu', 'libc.so.6')],
    { encoding: 'utf8' },
  );
  const versions = [...text.matchAll(/Name: GLIBC_(\d+)\.(\d+)\b/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  const [major, minor] = versions.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!).at(-1)!;
  return `${major}.${minor}`;
}

const CALL_MODERN =
  'python -c "import modernpkg, sys; sys.exit(0 if modernpkg.answer() == 42 else 1)"';

describe('image without target-glibc: bookworm (glibc 2.36)', () => {
  it("docker: reads the image's libc.so.6 and libstdc++.so.6 and accepts what they define", async () => {
    const dir = buildModernPackage(defaultPython3());
    const { run, log } = await runOffline('glibc-image-bookworm-', {
      'working-directory': dir,
      'package-dir': 'modernpkg',
      python: 'python3',
      image: TEST_IMAGE,
      'container-engine': 'docker',
      'test-command': CALL_MODERN,
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    // The libraries were found inside the image (its loader cache), not on this machine.
    expect(run.stdout).toMatch(
      /target-glibc: the image algorithmia-test\/debian:bookworm provides libc\.so\.6 \(\/(usr\/)?lib\/x86_64-linux-gnu\/libc\.so\.6\), libstdc\+\+\.so\.6 \(/,
    );
    expect(run.stdout).toMatch(
      /target-glibc: the image algorithmia-test\/debian:bookworm: GLIBC 2\.36, GLIBCXX 3\.4\.30, CXXABI 1\.3\.13, GCC 12\.0\.0/,
    );
    expect(run.stdout).toMatch(
      /every native file fits the image algorithmia-test\/debian:bookworm/,
    );
    expect(run.summary).toContain('Target: the image algorithmia-test/debian:bookworm');
    expect(run.outputs['wheel-name']).toBe('modernpkg-1.0.0-cp311-cp311-linux_x86_64.whl');
    // Everything ran through podman's `docker`, in the image, without the network.
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.every((argv) => argv.includes(TEST_IMAGE) && argv.includes('none'))).toBe(true);
    expect(runs.some((argv) => argv.includes(CALL_MODERN))).toBe(true);
  });

  it('podman: refuses a need above the image (GLIBC_2.99), naming the image, the file and the symbol', async () => {
    const dir = buildFuturePackage(defaultPython3());
    const { run, log, out } = await runOffline('glibc-image-future-', {
      'working-directory': dir,
      'package-dir': 'futurepkg',
      python: 'python3',
      image: TEST_IMAGE,
      'container-engine': 'podman',
    });
    expect(run.status).not.toBe(0);
    const message = oneError(run.stdout);
    expect(message).toMatch(/input 'image'/i);
    expect(message).toMatch(
      /than the image algorithmia-test\/debian:bookworm provides: futurepkg\/_future\.[\w-]+\.so needs GLIBC_2\.99 from libc\.so\.6 \(fancy_new_call\); the target allows GLIBC up to 2\.36/,
    );
    expect(run.outputs.wheel).toBeUndefined();
    expect(readdirSync(out)).toEqual(['failed']); // the failed check's evidence only
    expect(engineCalls(log).filter((argv) => argv[0] === 'run').length).toBeGreaterThan(0);
  });
});

describe('image without target-glibc: the vendor image (Debian 11, glibc 2.31)', () => {
  it('podman: refuses a library built here that needs GLIBC_2.34, naming the image, the file, libc.so.6 and the symbols', async () => {
    // Debian 11's glibc 2.31 defines no GLIBC_2.31 node: its newest is GLIBC_2.30.
    expect(rootfsPackageVersion(bullseye, 'libc6')).toBe('2.31');
    const glibc = glibcDefinedBy(bullseye);
    expect(glibc).toBe('2.30');
    // Built on this machine (glibc 2.36, g++ 12) for the image's python version (3.9), so the
    // ABI check passes and only the runtime check stands between it and a broken wheel.
    const dir = buildModernPackage(pyenvPython('3.9.18'));
    const { run, log, out } = await runOffline('glibc-image-vendor-refuse-', {
      'working-directory': dir,
      'package-dir': 'modernpkg',
      python: '3',
      image: VENDOR_IMAGE,
      'container-engine': 'podman',
      'test-command': CALL_MODERN,
    });
    expect(run.status).not.toBe(0);
    // The target was read from the image, not assumed.
    expect(run.stdout).toMatch(
      new RegExp(
        `target-glibc: the image ${escape(VENDOR_IMAGE)}: GLIBC ${escape(glibc)}, GLIBCXX 3\\.4\\.28,`,
      ),
    );
    const message = oneError(run.stdout);
    expect(message).toMatch(/input 'image'/i);
    const blamed = new RegExp(
      `than the image ${escape(VENDOR_IMAGE)} provides: modernpkg/libmodern\\.so needs GLIBC_2\\.34 from libc\\.so\\.6 \\(([\\w, ]+)\\); the target allows GLIBC up to ${escape(glibc)}`,
    ).exec(message);
    expect(blamed, message).not.toBeNull();
    expect(blamed![1]!.split(', ').sort()).toEqual(['pthread_create', 'pthread_join']);
    expect(message).toContain('file=modernpkg/libmodern.so');
    // libstdc++ of GCC 10 has GLIBCXX_3.4.26: that part fits, and is not blamed.
    expect(message).not.toMatch(/GLIBCXX_3\.4\.26 from/);
    expect(message).toMatch(/Fix: build where the runtime is/i);
    // The interpreter was the vendor's (found by the version lookup), inside the image.
    expect(run.stdout).toContain(
      `Python: CPython ${rootfsPackageVersion(bullseye, 'python3.9')} at ${VENDOR_PYTHON}`,
    );
    // Refused before the import or the test command ran, and nothing was written.
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(runs.every((argv) => argv.includes(VENDOR_IMAGE))).toBe(true);
    expect(runs.some((argv) => argv.includes(CALL_MODERN))).toBe(false);
    expect(run.outputs.wheel).toBeUndefined();
    expect(readdirSync(out)).toEqual(['failed']); // the failed check's evidence only
  });

  it('docker: the same sources built inside the image pass the check and import there', async () => {
    const glibc = rootfsPackageVersion(bullseye, 'libc6');
    const defined = glibcDefinedBy(bullseye).split('.').map(Number);
    const dir = writeModernProject();
    const { run, log } = await runOffline('glibc-image-vendor-build-', {
      'working-directory': dir,
      'build-command': `sh build.sh ${VENDOR_PYTHON}`,
      'package-dir': 'modernpkg',
      python: VENDOR_PYTHON,
      image: VENDOR_IMAGE,
      'container-engine': 'docker',
      'test-command': CALL_MODERN,
    });
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    // Built by the image's toolchain (GCC 10 on glibc 2.31), not this machine's.
    expect(run.stdout + run.stderr).toMatch(
      new RegExp(
        `built modernpkg/_modern\\.cpython-39-x86_64-linux-gnu\\.so with 10\\b.*${escape(glibc)}`,
      ),
    );
    expect(run.stdout).toMatch(
      new RegExp(`every native file fits the image ${escape(VENDOR_IMAGE)}`),
    );
    expect(run.stdout).toMatch(/imported modernpkg from /);
    expect(run.outputs['wheel-name']).toBe('modernpkg-1.0.0-cp39-cp39-linux_x86_64.whl');
    expect(run.outputs['python-version']).toBe(rootfsPackageVersion(bullseye, 'python3.9'));

    // The library in the wheel asks for nothing newer than the image's glibc.
    const wheel = run.outputs.wheel!;
    expect(wheelEntries(defaultPython3(), wheel)).toContain('modernpkg/libmodern.so');
    const lib = join(mkdtempSync(join(tmpdir(), 'glibc-image-lib-')), 'libmodern.so');
    execFileSync('sh', ['-c', 'unzip -p "$1" modernpkg/libmodern.so > "$2"', 'sh', wheel, lib]);
    const needs = execFileSync('readelf', ['-V', '-W', lib], { encoding: 'utf8' });
    const glibcNeeds = [...needs.matchAll(/Name: GLIBC_(\d+(?:\.\d+)*)/g)].map((m) => m[1]!);
    expect(glibcNeeds.length).toBeGreaterThan(0);
    for (const version of glibcNeeds) {
      const [major, minor] = version.split('.').map(Number);
      expect(major! * 1000 + (minor ?? 0), version).toBeLessThanOrEqual(
        defined[0]! * 1000 + defined[1]!,
      );
    }

    // The build, the install, the import and the test command all ran in the vendor image,
    // through podman's `docker`.
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(runs.every((argv) => argv.includes(VENDOR_IMAGE) && argv.includes('none'))).toBe(true);
    expect(runs.some((argv) => argv.includes(`sh build.sh ${VENDOR_PYTHON}`))).toBe(true);
    expect(runs.some((argv) => argv.includes(CALL_MODERN))).toBe(true);
  });
});
