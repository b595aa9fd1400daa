// platform-tag: manylinux on an ordinary pybind11 extension. g++ 10 (the Debian 11 vendor image)
// and g++ 12 (this machine) both list the program loader ld-linux-x86-64.so.2 as NEEDED; like
// auditwheel, the loader counts as the platform, so the wheel gets its manylinux_2_xx tag and pip
// installs it. Headers from Debian's pybind11-dev, mounted read-only into the image.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { installAndRun } from '../helpers/install.js';
import { defaultPython3 } from '../helpers/python.js';
import {
  engineCalls,
  ensureTestImage,
  imageRunEnv,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
} from '../helpers/rootfs.js';

const PYBIND11 = '/usr/include/pybind11';

/** pbadd/ (an __init__.py) and src/add.cpp; build.sh PYTHON PYBIND11_PARENT builds pbadd/_add. */
function writeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pbadd-'));
  mkdirSync(join(dir, 'pbadd'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'pbadd', '__init__.py'), 'from ._add import add\n');
  writeFileSync(
    join(dir, 'src', 'add.cpp'),
    `#include <pybind11/pybind11.h>
#include <string>
static int add(int a, int b) { return a + b; }
PYBIND11_MODULE(_add, m) { m.def("add", &add); }
`,
  );
  writeFileSync(
    join(dir, 'build.sh'),
    `set -e
py="$1"
inc=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
suffix=$("$py" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
g++ -O1 -std=c++14 -shared -fPIC -I"$2" -I"$inc" src/add.cpp -o "pbadd/_add$suffix"
`,
  );
  return dir;
}

beforeAll(() => {
  ensureTestImage(VENDOR_IMAGE);
});

describe('platform-tag: manylinux, pybind11 extensions that link the loader', () => {
  it('g++ 12 on this machine: manylinux_2_xx, and pip installs and calls it', async () => {
    const python = defaultPython3();
    const run = await runBundledAction(
      {
        'working-directory': writeProject(),
        'build-command': `sh build.sh ${python} /usr/include`,
        'package-dir': 'pbadd',
        python,
        version: '1.0.0',
        'platform-tag': 'manylinux',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
        'artifact-name': 'false',
      },
      {},
      240_000,
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    // The extension does name the loader: this is the case the policy must accept.
    expect(run.stdout).toMatch(/pbadd\/_add\.[\w-]+\.so: .*NEEDED [^;]*ld-linux-x86-64\.so\.2/);
    expect(run.outputs['wheel-name']).toMatch(
      /^pbadd-1\.0\.0-cp3\d+-cp3\d+-manylinux_2_\d+_x86_64(\.manylinux\w+_x86_64)?\.whl$/,
    );
    expect(
      installAndRun(
        python,
        run.outputs.wheel!,
        'import pbadd; print(json.dumps(pbadd.add(2, 40)))',
      ),
    ).toBe(42);
  });

  it('g++ 10 in the Debian 11 vendor image: manylinux_2_xx at most 2.31, imported there', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'pbadd-image-'));
    const log = join(ws, 'engine.log');
    const call = 'python -c "import pbadd, sys; sys.exit(0 if pbadd.add(2, 40) == 42 else 1)"';
    const run = await runBundledAction(
      {
        'working-directory': writeProject(),
        'build-command': `sh build.sh ${VENDOR_PYTHON} /opt/pybind11`,
        'package-dir': 'pbadd',
        python: VENDOR_PYTHON,
        image: VENDOR_IMAGE,
        'container-engine': 'podman',
        'docker-options': `--network none -v ${PYBIND11}:/opt/pybind11/pybind11:ro`,
        'test-command': call,
        version: '1.0.0',
        'platform-tag': 'manylinux',
        'output-dir': join(ws, 'dist'),
        'artifact-name': 'false',
      },
      imageRunEnv(log, ws),
      240_000,
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /pbadd\/_add\.cpython-39-x86_64-linux-gnu\.so: .*NEEDED [^;]*ld-linux-x86-64\.so\.2/,
    );
    const tag = /-manylinux_2_(\d+)_x86_64[.\w]*\.whl$/.exec(run.outputs['wheel-name'] ?? '');
    expect(tag, run.outputs['wheel-name']).not.toBeNull();
    expect(Number(tag![1])).toBeLessThanOrEqual(31);
    expect(run.outputs['wheel-name']).toMatch(/^pbadd-1\.0\.0-cp39-cp39-manylinux_2_/);
    // Built, imported and called in the image.
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(runs.some((argv) => argv.includes(`sh build.sh ${VENDOR_PYTHON} /opt/pybind11`))).toBe(
      true,
    );
    expect(runs.some((argv) => argv.includes(call))).toBe(true);
  });
});
