// check-libs and bundle-libs end to end: an extension linked with -L against a library that is
// not on the loader's path at runtime.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3, runPython } from '../helpers/python.js';

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
});
