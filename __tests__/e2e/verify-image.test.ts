// Proof where the algorithm runs (issue 21): `verify-image` proves the wheel in each runtime image
// (the build image may differ), with the image's own environment and locale; on this machine a
// wheel with non-ASCII names is proven under LC_ALL=C too; `test-requires` come from a wheelhouse
// the user names, offline. The bundled action on rootful podman (`--network none`), real pip.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputName } from '../../src/inputs/input-spec.js';
import { MODERN_FLAGS, MODERN_LIBRARY_SOURCE } from '../elf/modern-lib.js';
import { errorAnnotations, runBundledAction, type ActionRun } from '../helpers/example.js';
import { writeModernProject } from '../helpers/modern-sources.js';
import { buildModernPackage } from '../helpers/native-fixtures.js';
import { pyenvPython } from '../helpers/python.js';
import {
  engineCalls,
  ensureTestImage,
  imageRunEnv,
  RUNTIME_IMAGE,
  TEST_IMAGE,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
} from '../helpers/rootfs.js';
import { wheelhouseFromInstalled } from '../helpers/wheelhouse.js';

beforeAll(() => {
  ensureTestImage(TEST_IMAGE);
  ensureTestImage(VENDOR_IMAGE);
  ensureTestImage(RUNTIME_IMAGE);
});

/** The bundled action in a fresh workspace, version 1.0.0, no artifact, engine calls logged. */
async function runIn(
  prefix: string,
  inputs: Partial<Record<InputName, string>>,
  extraEnv: Record<string, string> = {},
): Promise<{ run: ActionRun; log: string; out: string; ws: string }> {
  const ws = mkdtempSync(join(tmpdir(), prefix));
  const log = join(ws, 'engine.log');
  const out = join(ws, 'dist');
  const run = await runBundledAction(
    { version: '1.0.0', 'output-dir': out, 'artifact-name': 'false', ...inputs },
    { ...imageRunEnv(log, ws), ...extraEnv },
  );
  return { run, log, out, ws };
}

/** The message of the one ::error annotation, with its escaped line breaks undone. */
function oneError(stdout: string): string {
  const errors = errorAnnotations(stdout);
  expect(errors, stdout).toHaveLength(1);
  const annotation = decodeURIComponent(errors[0]!.replace(/%0A/g, ' '));
  // After `::error title=...,file=...::`.
  return annotation.slice(annotation.indexOf('::', 2) + 2);
}

function receiptOf(run: ActionRun) {
  return JSON.parse(readFileSync(run.outputs.receipt!, 'utf8')) as {
    verification: {
      places: {
        where: string;
        image: { reference: string; id: string | null } | null;
        python: { path: string; version: string; pip: string | null };
        tagsAccepted: string[];
        result: string;
      }[];
    };
  };
}

const CALL_MODERN =
  'python -c "import modernpkg, sys; sys.exit(0 if modernpkg.answer() == 42 else 1)"';

/** The image's id as the engine reports it (podman: bare hex). */
function imageId(image: string): string {
  return execFileSync('podman', ['image', 'inspect', '--format', '{{.Id}}', image], {
    encoding: 'utf8',
  }).trim();
}

/**
 * cpkg/: libmodern.so (g++ 12 here: needs GLIBC_2.34) loaded with ctypes by __init__.py, so the
 * wheel is py3-none-linux_x86_64 and every python 3's pip accepts it: only the runtime decides.
 */
function buildCtypesPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpkg-'));
  const pkg = join(dir, 'cpkg');
  mkdirSync(pkg);
  writeFileSync(join(dir, 'modern.cpp'), MODERN_LIBRARY_SOURCE);
  execFileSync('g++', [join(dir, 'modern.cpp'), '-o', join(pkg, 'libmodern.so'), ...MODERN_FLAGS]);
  writeFileSync(
    join(pkg, '__init__.py'),
    'import ctypes, os\n_lib = ctypes.CDLL(os.path.join(os.path.dirname(__file__), "libmodern.so"))\n' +
      'def answer():\n    return _lib.modern_answer(1)\n',
  );
  return dir;
}

describe('verify-image: the build image and the runtime image differ', () => {
  it('built in the vendor image with g++, proven in the runtime image that has no compiler', async () => {
    // The runtime image really has no compiler (and sets no LANG).
    const probe = spawnSync('podman', [
      'run',
      '--rm',
      '--network',
      'none',
      RUNTIME_IMAGE,
      'sh',
      '-c',
      'command -v g++ || command -v gcc || command -v cc; echo "LANG=${LANG-unset}"',
    ]);
    expect(probe.stdout.toString().trim()).toBe('LANG=unset');
    const dir = writeModernProject();
    const { run, log } = await runIn('verify-runtime-', {
      'working-directory': dir,
      'build-command': `sh build.sh ${VENDOR_PYTHON}`,
      'package-dir': 'modernpkg',
      python: VENDOR_PYTHON,
      image: VENDOR_IMAGE,
      'container-engine': 'podman',
      'docker-options': '--network none',
      'verify-image': RUNTIME_IMAGE,
      'test-command': CALL_MODERN,
    });
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`verified in the image ${RUNTIME_IMAGE} with ${VENDOR_PYTHON}`);
    // The build ran in the vendor image; install, import and test-command in the runtime image.
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    const inImage = (image: string) => runs.filter((argv) => argv.includes(image));
    expect(inImage(VENDOR_IMAGE).some((a) => a.includes(`sh build.sh ${VENDOR_PYTHON}`))).toBe(
      true,
    );
    expect(inImage(VENDOR_IMAGE).some((a) => a.includes(CALL_MODERN))).toBe(false);
    expect(inImage(RUNTIME_IMAGE).some((a) => a.includes(CALL_MODERN))).toBe(true);
    expect(
      inImage(RUNTIME_IMAGE).some((a) => a.includes('install') && a.includes('--no-deps')),
    ).toBe(true);
    expect(runs.every((argv) => argv.includes('none'))).toBe(true);
    // One receipt entry and one summary row for the runtime image.
    const places = receiptOf(run).verification.places;
    expect(places).toEqual([
      {
        where: `the image ${RUNTIME_IMAGE}`,
        image: { reference: RUNTIME_IMAGE, id: `sha256:${imageId(RUNTIME_IMAGE)}` },
        python: {
          path: VENDOR_PYTHON,
          version: run.outputs['python-version'],
          pip: expect.any(String),
        },
        tagsAccepted: ['cp39-cp39-linux_x86_64'],
        result: 'passed',
      },
    ]);
    expect(run.summary).toMatch(
      new RegExp(
        `\\| Verified in the image ${RUNTIME_IMAGE.replace(/[./]/g, '\\$&')} \\(\`sha256:[0-9a-f]{12}\`\\) \\| passed: python 3\\.9\\.\\d+ at /opt/anaconda3/bin/python, tags \`cp39-cp39-linux_x86_64\` \\|`,
      ),
    );
  });

  it('two verify-image lines: bookworm proves the wheel, the older vendor image refuses GLIBC_2.34 and the step fails naming it', async () => {
    const dir = buildCtypesPackage();
    const { run, log, out } = await runIn('verify-two-', {
      'working-directory': dir,
      'package-dir': 'cpkg',
      python: '3',
      'wheel-tag': 'py3-none-linux_x86_64',
      'container-engine': 'podman',
      'docker-options': '--network none',
      'verify-image': `${TEST_IMAGE}\n${VENDOR_IMAGE}`,
      'test-command': 'python -c "import cpkg, sys; sys.exit(0 if cpkg.answer() == 42 else 1)"',
    });
    expect(run.status).not.toBe(0);
    // The first image proved it; the second refused, and the one error names it.
    expect(run.stdout).toContain(`verified in the image ${TEST_IMAGE} with /usr/bin/python3`);
    const message = oneError(run.stdout);
    expect(message).toMatch(/^Input 'verify-image': /);
    expect(message).toContain(
      `than the image ${VENDOR_IMAGE} provides: cpkg/libmodern.so needs GLIBC_2.34 from libc.so.6`,
    );
    expect(message).toContain(
      `Fix: build in an image as old as ${VENDOR_IMAGE} (set \`image\` to it, or to its toolchain image), or with an older toolchain`,
    );
    // Checked in the vendor image with its own python, before its import or test ran.
    const vendorRuns = engineCalls(log).filter((a) => a[0] === 'run' && a.includes(VENDOR_IMAGE));
    expect(vendorRuns.some((a) => a.includes('install'))).toBe(true);
    expect(vendorRuns.some((a) => a.some((w) => w.includes('cpkg.answer')))).toBe(false);
    expect(run.outputs.wheel).toBeUndefined();
    // No verified wheel in output-dir: only the failed verification's evidence.
    expect(readdirSync(out)).toEqual(['failed']);
  });
});

/** modernpkg (C++ through an extension) built for `python`, with pkg data named café.txt. */
function cafePackage(python: string): string {
  const dir = buildModernPackage(python);
  mkdirSync(join(dir, 'modernpkg', 'data'));
  writeFileSync(join(dir, 'modernpkg', 'data', 'café.txt'), 'au lait\n');
  return dir;
}

describe("the runtime's locale, not the runner's", () => {
  for (const version of ['3.6.15', '2.7.18']) {
    it(`this machine, python ${version}: the runner has LANG=C.UTF-8, yet pip cannot install café.txt under LC_ALL=C: refused naming the file`, async () => {
      const python = pyenvPython(version);
      const { run, out } = await runIn(
        `locale-host-${version}-`,
        { 'working-directory': cafePackage(python), 'package-dir': 'modernpkg', python },
        { LANG: 'C.UTF-8' },
      );
      expect(run.status).not.toBe(0);
      const message = oneError(run.stdout);
      expect(message).toContain(
        `Input 'python': pip (${python}) on this machine cannot install modernpkg/data/café.txt without a UTF-8 locale, and the runtime sets none (LANG unset): pip fails with UnicodeEncodeError.`,
      );
      expect(message).toContain(
        'Fix: give that file an ASCII name, or build for python 3.7 or newer, whose UTF-8 mode installs such names in the C locale.',
      );
      // The runner's locale passed the first install; the runtime's did not.
      expect(run.stdout).toContain(`pip installed the wheel into a fresh target with ${python}`);
      // No verified wheel in output-dir: only the failed verification's evidence.
      expect(readdirSync(out)).toEqual(['failed']);
    });
  }

  it('this machine, python 3.7: the same wheel installs and imports under LC_ALL=C too', async () => {
    const python = pyenvPython('3.7.16');
    const { run } = await runIn(
      'locale-host-37-',
      {
        'working-directory': cafePackage(python),
        'package-dir': 'modernpkg',
        python,
        'test-command': CALL_MODERN,
      },
      { LANG: 'C.UTF-8' },
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'locale: 1 non-ASCII file name(s) (modernpkg/data/café.txt...) install and import under LC_ALL=C too',
    );
  });

  it("an image that sets no LANG: the runner's and the env input's LANG stay out, and pip 18.1 there refuses café.txt", async () => {
    const python = pyenvPython('3.6.15');
    const pyenvRoot = execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
    const { run, log } = await runIn(
      'locale-image-',
      {
        'working-directory': cafePackage(python),
        'package-dir': 'modernpkg',
        python,
        'container-engine': 'podman',
        // The interpreter comes from a read-only volume, the image (bookworm) sets no locale.
        'docker-options': `--network none -v ${pyenvRoot}:${pyenvRoot}:ro`,
        env: 'LANG=C.UTF-8',
        'verify-image': TEST_IMAGE,
      },
      { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    );
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain(
      "verify: LANG not passed into the verification: the image's own locale decides",
    );
    const message = oneError(run.stdout);
    expect(message).toContain(
      `Input 'python': in the image ${TEST_IMAGE} (verify-image): pip (${python}) on image ${TEST_IMAGE} cannot install modernpkg/data/café.txt without a UTF-8 locale`,
    );
    const runs = engineCalls(log).filter((a) => a[0] === 'run' && a.includes(TEST_IMAGE));
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((a) => !a.includes('LANG') && !a.some((w) => w.startsWith('LANG=')))).toBe(
      true,
    );
  });
});

describe('test-requires from test-find-links', () => {
  // pytest and its dependencies, as installed for pyenv's 3.11, packed back into wheels here.
  let wheelhouse: string;
  beforeAll(() => {
    wheelhouse = wheelhouseFromInstalled(pyenvPython('3.11.7'), [
      'pytest',
      'iniconfig',
      'packaging',
      'pluggy',
      'pygments',
    ]).dir;
  });
  const PYTEST =
    "printf 'import modernpkg\\ndef test_answer():\\n    assert modernpkg.answer() == 42\\n' > test_answer.py && " +
    'python -c "import pytest; print(\'pytest from\', pytest.__file__)" && python -m pytest -q -p no:cacheprovider test_answer.py';

  it('pytest runs in the image (which has none) from a local wheelhouse, offline; the wheel keeps no trace of it', async () => {
    const dir = buildModernPackage('/usr/bin/python3');
    const inputs: Partial<Record<InputName, string>> = {
      'working-directory': dir,
      'package-dir': 'modernpkg',
      python: 'python3',
      'container-engine': 'podman',
      'docker-options': '--network none',
      'verify-image': TEST_IMAGE,
      'test-command': PYTEST,
    };
    // Without test-requires the image has no pytest: the same command fails.
    const bare = await runIn('test-requires-none-', inputs);
    expect(bare.run.status).not.toBe(0);
    expect(oneError(bare.run.stdout)).toMatch(/test-command failed.*No module named .?pytest/);

    const { run, log } = await runIn('test-requires-', {
      ...inputs,
      'test-requires': 'pytest>=7',
      'test-find-links': wheelhouse,
    });
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toMatch(
      /pytest from \/\S+\/verify\/test-requires\/pytest\/__init__\.py/,
    );
    expect(run.stdout + run.stderr).toMatch(/1 passed/);
    expect(run.stdout).toContain('test-requires: pip installed pytest>=7 for test-command');
    // From the folder, never an index; the wheel itself still alone with --no-deps.
    const runs = engineCalls(log).filter((a) => a[0] === 'run' && a.includes(TEST_IMAGE));
    const testInstall = runs.find((a) => a.includes('pytest>=7'))!;
    expect(testInstall).toEqual(expect.arrayContaining(['--no-index', '--find-links', wheelhouse]));
    expect(runs.some((a) => a.includes('--no-deps') && a.some((w) => w.endsWith('.whl')))).toBe(
      true,
    );
    const metadata = execFileSync(
      'unzip',
      ['-p', run.outputs.wheel!, 'modernpkg-1.0.0.dist-info/METADATA'],
      {
        encoding: 'utf8',
      },
    );
    expect(metadata).not.toMatch(/pytest/i);
  });

  it("with a source, the wheel's `requires` must resolve from it: a missing one fails naming `requires`", async () => {
    const python = pyenvPython('3.11.7');
    const { run } = await runIn('requires-resolve-', {
      'working-directory': buildModernPackage(python),
      'package-dir': 'modernpkg',
      python,
      requires: 'packaging>=20\nnumpy>=1.20',
      'test-find-links': wheelhouse,
    });
    expect(run.status).not.toBe(0);
    expect(oneError(run.stdout)).toContain(
      `Input 'requires': pip (${python}) on this machine could not install packaging>=20, numpy>=1.20 from ${wheelhouse}.`,
    );
  });

  it('test-requires without a source is refused before anything runs', async () => {
    const { run } = await runIn('test-requires-nosource-', {
      'working-directory': buildCtypesPackage(),
      'package-dir': 'cpkg',
      'test-command': 'python -m pytest',
      'test-requires': 'pytest',
    });
    expect(run.status).not.toBe(0);
    expect(oneError(run.stdout)).toBe(
      "Input 'test-requires': pytest has no source: the verification never downloads from PyPI on its own. Fix: set test-find-links to a folder of wheels (e.g. made by `pip wheel -w wheelhouse pytest` in an earlier step) or to an index URL you trust.",
    );
  });
});
