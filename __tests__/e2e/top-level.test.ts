// Top-level modules (no package folder), through the bundled action: a C-API extension `cfast`
// and a helper module `helper.py`, staged with `=> .` and as a setup.py project (py_modules +
// ext_modules), on pyenv's 2.7 and 3.6 (neither has the `wheel` package) and the default python3;
// then the interpreter the user names (`python: python3`) and the ABI check before packing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction, type ActionRun } from '../helpers/example.js';
import { fletcher16, installAndRun, wheelEntries, wheelMember } from '../helpers/install.js';
import { defaultPython3, pyenvPython, runPython } from '../helpers/python.js';
import {
  engineCalls,
  imageRunEnv,
  ensureTestImage,
  rootfsPackageVersion,
  TEST_IMAGE,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
} from '../helpers/rootfs.js';
import { expectedTag, extSuffix } from '../helpers/tags.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'cfast');
const TEXT = 'top-level modules, h\u00e9';
// The text as a Python 2 and 3 unicode literal, ASCII only (2.7 reads -c code as bytes).
const TEXT_LITERAL = 'u"top-level modules, h\\u00e9"';
const CALL = `
import cfast, helper
print(json.dumps({"sum": helper.checksum_text(${TEXT_LITERAL}), "built": cfast.built_for(),
  "describe": helper.describe(), "cfast": cfast.__file__, "helper": helper.__file__}))
`;

interface Interpreter {
  label: string;
  python: () => string;
}

const INTERPRETERS: Interpreter[] = [
  { label: 'CPython 2.7 (pyenv, no `wheel`)', python: () => pyenvPython('2.7.18') },
  { label: 'CPython 3.6 (pyenv, no `wheel`)', python: () => pyenvPython('3.6.15') },
  { label: 'the default python3', python: defaultPython3 },
];

function copyFixture(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cfast-')), 'cfast');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function versionOf(python: string): string {
  return runPython(python, 'import sys; print("%d.%d" % sys.version_info[:2])').trim();
}

/** pip installs the wheel with `python`, and the call goes through helper.py into the C code. */
function expectWorks(python: string, wheel: string): void {
  const result = installAndRun(python, wheel, CALL) as Record<string, unknown>;
  const version = versionOf(python);
  expect(result).toMatchObject({
    sum: fletcher16(new TextEncoder().encode(TEXT)),
    built: version,
    describe: `cfast built for Python ${version}`,
  });
  expect(String(result.cfast)).toMatch(new RegExp(`/target/cfast${escape(extSuffix(python))}$`));
  expect(String(result.helper)).toMatch(/\/target\/helper\.pyc?$/);
}

/** The action imported both modules, and they work from a fresh pip install (expectWorks). */
function expectBothImportedAndWorking(python: string, run: ActionRun): void {
  expect(run.stdout).toMatch(/imported cfast from cfast\S*\.so/);
  expect(run.stdout).toMatch(/imported helper from helper\.py/);
  expectWorks(python, run.outputs.wheel!);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function expectSuccess(run: ActionRun): void {
  expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
  expect(run.status).toBe(0);
}

describe.each(INTERPRETERS)('cfast + helper.py with $label', ({ python: find }) => {
  let python: string;
  let tag: string;
  beforeAll(() => {
    python = find();
    tag = expectedTag(python);
  });

  it('staged with `=> .`: both modules at the wheel root, both imported by default', async () => {
    const run = await runBundledAction({
      'working-directory': copyFixture(),
      'build-command': `sh build.sh ${python}`,
      stage: 'build/cfast*.so => .\nhelper.py => .',
      name: 'cfast-tools',
      version: '1.0.0',
      python,
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expectSuccess(run);
    expect(run.outputs['wheel-name']).toBe(`cfast_tools-1.0.0-${tag}.whl`);
    const entries = wheelEntries(python, run.outputs.wheel!);
    expect(entries.filter((e) => !e.includes('.dist-info/')).sort()).toEqual([
      `cfast${extSuffix(python)}`,
      'helper.py',
    ]);
    // The default import list is every top-level module.
    expectBothImportedAndWorking(python, run);
  });

  it('as a setup.py project (py_modules + ext_modules): the build tree packed as it is', async () => {
    const run = await runBundledAction({
      'working-directory': copyFixture(),
      'project-dir': '.',
      python,
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expectSuccess(run);
    expect(run.outputs['wheel-name']).toBe(`cfast-1.2.0-${tag}.whl`);
    expect(run.outputs.version).toBe('1.2.0');
    const entries = wheelEntries(python, run.outputs.wheel!);
    expect(entries.filter((e) => !e.includes('.dist-info/')).sort()).toEqual([
      `cfast${extSuffix(python)}`,
      'helper.py',
    ]);
    // None of these interpreters has `wheel`: setup.py build, then our packer.
    expect(run.stdout).toContain('has no `wheel` package');
    expectBothImportedAndWorking(python, run);
  });
});

describe('the `wheel` package as `pip wheel` sees it', () => {
  it('a `wheel` reachable only through PYTHONPATH is used: pip wheel builds the wheel', async () => {
    const python = defaultPython3();
    // Debian's python3-wheel files, alone in a folder: the interpreter has no `wheel` of its own.
    const extra = mkdtempSync(join(tmpdir(), 'pythonpath-wheel-'));
    symlinkSync('/usr/lib/python3/dist-packages/wheel', join(extra, 'wheel'));
    symlinkSync(
      '/usr/lib/python3/dist-packages/wheel-0.38.4.egg-info',
      join(extra, 'wheel-0.38.4.egg-info'),
    );
    expect(() => runPython(python, 'import wheel')).toThrow(/No module named .?wheel/);
    const run = await runBundledAction(
      {
        'working-directory': copyFixture(),
        'project-dir': '.',
        python,
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      { PYTHONPATH: extra },
    );
    expectSuccess(run);
    expect(run.stdout).not.toContain('has no `wheel` package');
    expect(run.outputs['wheel-name']).toBe(`cfast-1.2.0-${expectedTag(python)}.whl`);
    // bdist_wheel wrote this wheel (setuptools' METADATA, the wheel package's WHEEL file).
    const wheelFile = wheelMember(python, run.outputs.wheel!, 'cfast-1.2.0.dist-info/WHEEL');
    expect(wheelFile).toMatch(/^Generator: bdist_wheel \(0\.38\.4\)$/m);
    const metadata = wheelMember(python, run.outputs.wheel!, 'cfast-1.2.0.dist-info/METADATA');
    expect(metadata).toMatch(/^Summary: Fletcher-16 checksums in C$/m);
    expectBothImportedAndWorking(python, run);
  });
});

describe('one top-level module', () => {
  it('names the wheel after it when `name` is empty', async () => {
    const python = defaultPython3();
    const run = await runBundledAction({
      'working-directory': copyFixture(),
      'build-command': `sh build.sh ${python}`,
      stage: 'build/cfast*.so => .',
      version: '2.0.0',
      python,
      'test-command':
        'python -c "import cfast, sys; sys.exit(0 if cfast.checksum(b\'abcde\') == 51440 else 1)"',
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expectSuccess(run);
    expect(run.outputs['wheel-name']).toBe(`cfast-2.0.0-${expectedTag(python)}.whl`);
    expect(run.stdout).toMatch(/imported cfast from cfast\S*\.so/);
  });
});

describe('a top-level module with bundle-libs', () => {
  it('gets its project library in <name>.libs/ and imports after the build folder is gone', async () => {
    const python = defaultPython3();
    const dir = join(mkdtempSync(join(tmpdir(), 'twicer-')), 'twicer');
    cpSync(join(ROOT, '__tests__', 'fixtures', 'twicer'), dir, { recursive: true });
    const run = await runBundledAction({
      'working-directory': dir,
      'build-command': `sh build.sh ${python}`,
      stage: 'build/twicer*.so => .',
      version: '1.0.0',
      python,
      'bundle-libs': 'true',
      'library-path': 'build/lib',
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expectSuccess(run);
    expect(run.outputs['wheel-name']).toBe(`twicer-1.0.0-${expectedTag(python)}.whl`);
    const entries = wheelEntries(python, run.outputs.wheel!).filter(
      (e) => !e.includes('.dist-info/'),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe(`twicer${extSuffix(python)}`);
    // (bundled copies may carry a hash in their name: libtwice-<8 hex>.so.1)
    expect(entries[1]).toMatch(/^twicer\.libs\/libtwice(-[0-9a-f]{8})?\.so\.1$/);
    rmSync(join(dir, 'build'), { recursive: true });
    expect(
      installAndRun(
        python,
        run.outputs.wheel!,
        'import twicer\nprint(json.dumps(twicer.twice(21)))',
      ),
    ).toBe(42);
  });
});

describe('the interpreter the user names', () => {
  it('`python: python3` is the python3 first on PATH, for the build and the wheel alike', async () => {
    const python36 = pyenvPython('3.6.15');
    // Like actions/setup-python: a folder whose python3 is 3.6, first on PATH.
    const bin = mkdtempSync(join(tmpdir(), 'setup-python-'));
    symlinkSync(python36, join(bin, 'python3'));
    const run = await runBundledAction(
      {
        'working-directory': copyFixture(),
        'build-command': 'sh build.sh python3',
        stage: 'build/cfast*.so => .\nhelper.py => .',
        name: 'cfast-tools',
        version: '1.0.0',
        python: 'python3',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      { PATH: `${bin}:${process.env.PATH ?? ''}` },
    );
    expectSuccess(run);
    expect(run.outputs['python-version']).toBe('3.6.15');
    expect(run.outputs['wheel-name']).toBe('cfast_tools-1.0.0-cp36-cp36m-linux_x86_64.whl');
    expect(run.stdout).toContain(`\`python3\` on PATH is CPython 3.6.15 at ${bin}/python3`);
    // Verified with that interpreter, not /usr/bin/python3 or pyenv's 3.11.
    expect(run.stdout).toContain(`pip installed the wheel into a fresh target with ${bin}/python3`);
    expectWorks(python36, run.outputs.wheel!);
  });
});

describe('the interpreter the user names, in the image', () => {
  /** A workspace with a copy of the fixture, and the engine log of the run. */
  function imageWorkspace(prefix: string): { workspace: string; project: string; log: string } {
    const workspace = mkdtempSync(join(tmpdir(), prefix));
    const project = join(workspace, 'cfast');
    cpSync(FIXTURE, project, { recursive: true });
    return { workspace, project, log: join(workspace, 'engine.log') };
  }

  it("`python: python3` with `image` is the image's python3, not the host's", async () => {
    const rootfs = ensureTestImage(TEST_IMAGE);
    const { workspace, project, log } = imageWorkspace('toplevel-image-');
    const run = await runBundledAction(
      {
        'working-directory': project,
        'build-command': 'sh build.sh python3',
        stage: 'build/cfast*.so => .\nhelper.py => .',
        name: 'cfast-tools',
        version: '1.0.0',
        image: TEST_IMAGE,
        'container-engine': 'podman',
        'docker-options': '--network none',
        python: 'python3',
        'output-dir': join(workspace, 'dist'),
      },
      imageRunEnv(log, workspace),
    );
    expectSuccess(run);
    // The host's python3 first on PATH is pyenv's; the image's is Debian's.
    const imagePython = rootfsPackageVersion(rootfs, 'python3.11');
    expect(
      runPython(defaultPython3(), 'import platform; print(platform.python_version())').trim(),
    ).not.toBe(imagePython);
    expect(run.outputs['python-version']).toBe(imagePython);
    expect(run.stdout).toContain(
      `\`python3\` on PATH is CPython ${imagePython} at /usr/bin/python3`,
    );
    expect(run.outputs['wheel-name']).toBe('cfast_tools-1.0.0-cp311-cp311-linux_x86_64.whl');
    expect(run.stdout).toMatch(/imported cfast from cfast\S*\.so/);
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(runs.some((argv) => argv.includes('sh build.sh python3'))).toBe(true);
    expect(runs.every((argv) => argv.includes(TEST_IMAGE) && argv.includes('none'))).toBe(true);
  });

  it('`python: python3` in the vendor image (no python3 on its PATH) fails naming the `python` input', async () => {
    ensureTestImage(VENDOR_IMAGE);
    const { workspace, project, log } = imageWorkspace('toplevel-vendor-nopy-');
    const out = join(workspace, 'dist');
    const run = await runBundledAction(
      {
        'working-directory': project,
        // The build itself uses the vendor's interpreter: only the `python` input is wrong.
        'build-command': `sh build.sh ${VENDOR_PYTHON}`,
        stage: 'build/cfast*.so => .\nhelper.py => .',
        name: 'cfast-tools',
        version: '1.0.0',
        image: VENDOR_IMAGE,
        'container-engine': 'podman',
        'docker-options': '--network none',
        python: 'python3',
        'output-dir': out,
      },
      imageRunEnv(log, workspace),
    );
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors, run.stdout).toHaveLength(1);
    const message = decodeURIComponent(errors[0]!.replace(/%0A/g, ' '));
    expect(message).toContain(
      `Input 'python': \`python3\` was not found on PATH on image ${VENDOR_IMAGE}.`,
    );
    // The fix points at the two spellings that work there.
    expect(message).toMatch(/Fix: .*full path or a version such as 3\.6/);
    // It looked in the image (this machine has a python3 on PATH): `command -v python3` there.
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(
      runs.some(
        (argv) => argv.some((a) => a.startsWith('command -v')) && argv.at(-1) === 'python3',
      ),
    ).toBe(true);
    expect(runs.every((argv) => argv.includes(VENDOR_IMAGE))).toBe(true);
    // Nothing was packed or written.
    expect(run.stdout).not.toContain('.whl');
    expect(existsSync(out)).toBe(false);
  });

  it("`python: '3'` in the vendor image finds /opt/anaconda3/bin/python (3.9) by the version lookup", async () => {
    const rootfs = ensureTestImage(VENDOR_IMAGE);
    const { workspace, project, log } = imageWorkspace('toplevel-vendor-3-');
    const run = await runBundledAction(
      {
        'working-directory': project,
        'build-command': `sh build.sh ${VENDOR_PYTHON}`,
        stage: 'build/cfast*.so => .\nhelper.py => .',
        name: 'cfast-tools',
        version: '1.0.0',
        image: VENDOR_IMAGE,
        'container-engine': 'docker',
        'docker-options': '--network none',
        python: '3',
        'test-command':
          'python -c "import cfast, helper, sys; assert sys.version_info[:2] == (3, 9); sys.exit(0 if cfast.checksum(b\'abcde\') == 51440 else 1)"',
        'output-dir': join(workspace, 'dist'),
      },
      imageRunEnv(log, workspace),
    );
    expectSuccess(run);
    const imagePython = rootfsPackageVersion(rootfs, 'python3.9');
    expect(run.outputs['python-version']).toBe(imagePython);
    expect(run.stdout).toContain(`Python: CPython ${imagePython} at ${VENDOR_PYTHON}`);
    expect(run.outputs['wheel-name']).toBe('cfast_tools-1.0.0-cp39-cp39-linux_x86_64.whl');
    expect(run.stdout).toMatch(/imported cfast from cfast\.cpython-39-x86_64-linux-gnu\.so/);
    expect(run.stdout).toMatch(/imported helper from helper\.py/);
    expect(run.stdout).toContain('test-command passed');
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(runs.every((argv) => argv.includes(VENDOR_IMAGE) && argv.includes('none'))).toBe(true);
    expect(runs.some((argv) => argv.includes(VENDOR_PYTHON) && argv.includes('--target'))).toBe(
      true,
    );
  });
});

describe('the ABI check before packing', () => {
  it('refuses a cp36 module staged for 3.11, naming the file, its suffix and the accepted ones', async () => {
    const dir = copyFixture();
    execFileSync('sh', ['build.sh', pyenvPython('3.6.15')], { cwd: dir, stdio: 'pipe' });
    const python = defaultPython3();
    const out = join(mkdtempSync(join(tmpdir(), 'out-')), 'dist');
    const run = await runBundledAction({
      'working-directory': dir,
      stage: 'build/cfast*.so => .\nhelper.py => .',
      name: 'cfast-tools',
      version: '1.0.0',
      python,
      'output-dir': out,
    });
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    const message = decodeURIComponent(errors[0]!.replace(/%0A/g, ' '));
    const accepted = JSON.parse(
      runPython(
        python,
        'import json, importlib.machinery as m; print(json.dumps(m.EXTENSION_SUFFIXES))',
      ),
    ) as string[];
    expect(message).toContain(
      `Input 'python': the extension module cfast.cpython-36m-x86_64-linux-gnu.so has the suffix ` +
        `.cpython-36m-x86_64-linux-gnu.so, which CPython ${runPython(python, 'import platform; print(platform.python_version())').trim()} (${python}) does not import; ` +
        `it imports ${accepted.join(', ')}.`,
    );
    expect(message).toContain(
      `file=${join(dir, 'build', 'cfast.cpython-36m-x86_64-linux-gnu.so')}`,
    );
    // Before anything was packed: no Pack step ran, nothing was written.
    expect(run.stdout).not.toMatch(/Pack:/);
    expect(run.stdout).not.toContain('.whl');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(dir, 'build'))).toEqual(['cfast.cpython-36m-x86_64-linux-gnu.so']);
  });
});
