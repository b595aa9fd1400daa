// check-libs and bundle-libs end to end: an extension linked with -L against a library that is
// not on the loader's path at runtime.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3, runPython } from '../helpers/python.js';
import { engineCalls, ensureTestImage, imageRunEnv, TEST_IMAGE } from '../helpers/rootfs.js';

let python: string;
let project: string;

/** libextra.so in build/extra, and withextra/_withextra.so linked to it without an RPATH. */
function buildProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'withextra-'));
  mkdirSync(join(dir, 'build', 'extra'), { recursive: true });
  mkdirSync(join(dir, 'withextra'));
  writeFileSync(join(dir, 'extra.c'), 'int extra_answer(void) { return 42; }\n');
  execFileSync('gcc', [
    '-shared',
    '-fPIC',
    '-Wl,-soname,libextra.so',
    '-o',
    join(dir, 'build', 'extra', 'libextra.so'),
    join(dir, 'extra.c'),
  ]);
  const include = runPython(
    python,
    'import sysconfig; print(sysconfig.get_paths()["include"])',
  ).trim();
  const suffix = runPython(
    python,
    'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))',
  ).trim();
  writeFileSync(
    join(dir, 'ext.c'),
    `#include <Python.h>
int extra_answer(void);
static PyObject* answer(PyObject* s, PyObject* a) { return PyLong_FromLong(extra_answer()); }
static PyMethodDef m[] = {{"answer", answer, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef d = {PyModuleDef_HEAD_INIT, "_withextra", NULL, -1, m};
PyMODINIT_FUNC PyInit__withextra(void) { return PyModule_Create(&d); }
`,
  );
  execFileSync('gcc', [
    '-shared',
    '-fPIC',
    `-I${include}`,
    join(dir, 'ext.c'),
    `-L${join(dir, 'build', 'extra')}`,
    '-lextra',
    '-o',
    join(dir, 'withextra', `_withextra${suffix}`),
  ]);
  writeFileSync(join(dir, 'withextra', '__init__.py'), 'from ._withextra import answer\n');
  return dir;
}

beforeAll(() => {
  ensureTestImage(TEST_IMAGE);
  python = defaultPython3();
  project = buildProject();
});

describe('native libraries', () => {
  it('refuses to publish a wheel whose extension cannot find libextra.so', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'out-')), 'dist');
    const run = await runBundledAction({
      'working-directory': project,
      'package-dir': 'withextra',
      python,
      version: '1.0.0',
      'output-dir': out,
    });
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('libextra.so');
    expect(errors[0]).toMatch(/not found/);
    expect(errors[0]).toMatch(/bundle-libs/);
    // No verified wheel; the failed library check's evidence only, its report in traceback.txt.
    expect(readdirSync(out)).toEqual(['failed']);
    const kept = readdirSync(join(out, 'failed')).sort();
    expect(kept.slice(0, 2)).toEqual(['pip.log', 'traceback.txt']);
    expect(kept[2]).toMatch(/^withextra-1\.0\.0-.*\.whl$/);
    expect(kept).toHaveLength(3);
    expect(readFileSync(join(out, 'failed', 'traceback.txt'), 'utf8')).toContain('libextra.so');
  });

  it('bundles it into withextra.libs/ so the wheel works with the build folder gone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    const run = await runBundledAction({
      'working-directory': project,
      'package-dir': 'withextra',
      python,
      version: '1.0.0',
      'output-dir': out,
      'bundle-libs': 'true',
      'library-path': 'build/extra',
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.summary).toMatch(/withextra\.libs\/libextra-[0-9a-f]{8}\.so/);
    // NEEDED was rewritten: no file needs the old name any more.
    expect(run.summary).not.toMatch(/[|,] libextra\.so\b/);

    rmSync(join(project, 'build'), { recursive: true, force: true });
    const target = mkdtempSync(join(tmpdir(), 'target-'));
    execFileSync(
      python,
      ['-m', 'pip', 'install', '--no-index', '--no-deps', '--target', target, run.outputs.wheel!],
      {
        env: { ...process.env, PIP_CONFIG_FILE: '/dev/null' },
        stdio: 'pipe',
      },
    );
    expect(readdirSync(join(target, 'withextra.libs'))).toEqual([
      expect.stringMatching(/^libextra-[0-9a-f]{8}\.so$/),
    ]);
    const answer = runPython(
      python,
      `import sys; sys.path.insert(0, ${JSON.stringify(target)}); import withextra; print(withextra.answer())`,
      {
        cwd: target,
      },
    );
    expect(answer.trim()).toBe('42');
  });

  it('in an image without patchelf: one loader query there, copied and patched here', async () => {
    const dir = buildProject();
    const ws = mkdtempSync(join(tmpdir(), 'bundle-image-'));
    const log = join(ws, 'engine.log');
    const call =
      'python3 -c "import withextra, sys; sys.exit(0 if withextra.answer() == 42 else 1)"';
    const run = await runBundledAction(
      {
        'working-directory': dir,
        'package-dir': 'withextra',
        python: 'python3',
        version: '1.0.0',
        'output-dir': join(ws, 'dist'),
        'artifact-name': 'false',
        image: TEST_IMAGE,
        'container-engine': 'podman',
        'docker-options': '--network none',
        'bundle-libs': 'true',
        'library-path': 'build/extra',
        'test-command': call,
      },
      imageRunEnv(log, ws),
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.summary).toMatch(/withextra\.libs\/libextra-[0-9a-f]{8}\.so/);
    expect(run.stdout).toMatch(/bundle-libs: patchelf [\d.]+ on this machine/);
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    // The image has no patchelf and was never asked for it; its loader was asked once by
    // bundle-libs and once by check-libs, never once per file.
    expect(runs.some((argv) => argv.includes('patchelf'))).toBe(false);
    expect(runs.filter((argv) => argv.some((a) => a.includes('@@ALGORITHMIA-FILE')))).toHaveLength(
      2,
    );
    expect(runs.filter((argv) => argv.includes('ldd') || argv.includes('--list'))).toEqual([]);
    expect(runs.some((argv) => argv.includes('cp') || argv.includes('chmod'))).toBe(false);
    expect(runs.some((argv) => argv.includes(call))).toBe(true); // imported and called there
  });

  it("names library-path, and the whole missing tree, when the image's loader cannot find them", async () => {
    const dir = buildProject();
    const ws = mkdtempSync(join(tmpdir(), 'bundle-image-missing-'));
    const run = await runBundledAction(
      {
        'working-directory': dir,
        'package-dir': 'withextra',
        python: 'python3',
        version: '1.0.0',
        'output-dir': join(ws, 'dist'),
        'artifact-name': 'false',
        image: TEST_IMAGE,
        'container-engine': 'podman',
        'docker-options': '--network none',
        'bundle-libs': 'true',
      },
      imageRunEnv(join(ws, 'engine.log'), ws),
    );
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/input 'library-path'/);
    expect(errors[0]).toMatch(
      /bundle-libs: cannot find libextra\.so \(needed by withextra\/_withextra\.[\w-]+\.so\) on image algorithmia-test\/debian:bookworm/,
    );
    expect(errors[0]).toMatch(/Fix: add the folders that hold them to the input library-path/);
    expect(errors[0]).not.toMatch(/LD_LIBRARY_PATH to the bundling step/);
    expect(existsSync(join(ws, 'dist'))).toBe(false);
  });
});
