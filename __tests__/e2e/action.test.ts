import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildExample,
  copyExample,
  errorAnnotations,
  EXAMPLE_STAGE,
  runBundledAction,
} from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';

let python: string;
let example: string;

beforeAll(() => {
  python = defaultPython3();
  example = copyExample('action-');
  buildExample(example, python);
});

describe('the bundled action (dist/index.js), run the way the runner runs it', () => {
  it('builds, verifies and sets its outputs and job summary', async () => {
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    const run = await runBundledAction(
      { 'working-directory': example, stage: EXAMPLE_STAGE, python, 'output-dir': out },
      { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.1.0', SOURCE_DATE_EPOCH: '1700000000' },
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    const { outputs } = run;
    expect(outputs['wheel-name']).toMatch(/^vecmath-2\.1\.0-cp3\d+-cp3\d+-linux_x86_64\.whl$/);
    expect(outputs.wheel).toBe(join(out, outputs['wheel-name']!));
    const bytes = readFileSync(outputs.wheel!);
    expect(outputs.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(outputs.size).toBe(String(bytes.length));
    expect(outputs.version).toBe('2.1.0');
    expect(outputs.tags).toBe(outputs['wheel-name']!.replace(/^vecmath-2\.1\.0-|\.whl$/g, ''));
    expect(outputs['python-version']).toMatch(/^3\.\d+\.\d+$/);
    expect(run.stdout).toContain('::group::Verify');
    expect(run.summary).toContain(outputs['wheel-name']);
    expect(run.summary).toContain(outputs.sha256);
    expect(run.summary).toContain('vecmath/lib/libvecmath.so.1');
  });

  it('builds byte-identical wheels from the same sources', async () => {
    const sha = async () =>
      (
        await runBundledAction(
          {
            'working-directory': example,
            stage: EXAMPLE_STAGE,
            python,
            version: '1.0.0',
            'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
          },
          { SOURCE_DATE_EPOCH: '1700000000' },
        )
      ).outputs.sha256;
    const first = await sha();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await sha()).toBe(first);
  });
});

/** A package folder holding an extension that references a symbol nothing defines. */
function brokenExtensionPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'broken-'));
  const pkg = join(dir, 'brokenpkg');
  mkdirSync(pkg);
  const include = execFileSync(
    python,
    ['-c', 'import sysconfig; print(sysconfig.get_paths()["include"])'],
    {
      encoding: 'utf8',
    },
  ).trim();
  const suffix = execFileSync(
    python,
    ['-c', 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))'],
    {
      encoding: 'utf8',
    },
  ).trim();
  writeFileSync(
    join(dir, 'ext.c'),
    `#include <Python.h>
extern int vecmath_function_that_was_never_linked(void);
static PyObject* f(PyObject* s, PyObject* a) { return PyLong_FromLong(vecmath_function_that_was_never_linked()); }
static PyMethodDef m[] = {{"f", f, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef d = {PyModuleDef_HEAD_INIT, "_broken", NULL, -1, m};
PyMODINIT_FUNC PyInit__broken(void) { return PyModule_Create(&d); }
`,
  );
  execFileSync('gcc', [
    '-shared',
    '-fPIC',
    `-I${include}`,
    join(dir, 'ext.c'),
    '-o',
    join(pkg, `_broken${suffix}`),
  ]);
  writeFileSync(join(pkg, '__init__.py'), 'from ._broken import f\n');
  return pkg;
}

describe('bad input: one clear ::error, a non-zero exit, nothing written', () => {
  const cases: [string, () => Record<string, string>, RegExp][] = [
    [
      'missing package dir',
      () => ({ 'package-dir': join(tmpdir(), 'no-such-package-dir') }),
      /input 'package-dir'.*does not exist/,
    ],
    [
      'no __init__.py',
      () => {
        const pkg = join(mkdtempSync(join(tmpdir(), 'noinit-')), 'noinit');
        mkdirSync(pkg);
        writeFileSync(join(pkg, 'module.py'), 'x = 1\n');
        return { 'package-dir': pkg };
      },
      /input 'package-dir'.*has no __init__\.py/,
    ],
    [
      'an import naming a module the wheel does not contain',
      () => ({
        'working-directory': example,
        stage: EXAMPLE_STAGE,
        import: 'vecmath\nvecmath.not_there',
      }),
      /input 'import'.*does not import/,
    ],
    [
      'an invalid version',
      () => ({ 'working-directory': example, stage: EXAMPLE_STAGE, version: '0.1.4-gpu' }),
      /input 'version'.*0\.1\.4-gpu.*0\.1\.4\+gpu/,
    ],
    [
      'a python path that does not exist',
      () => ({ 'working-directory': example, stage: EXAMPLE_STAGE, python: '/no/such/python' }),
      /input 'python'.*not a working Python interpreter/,
    ],
    [
      'a python version that is not installed',
      () => ({ 'working-directory': example, stage: EXAMPLE_STAGE, python: '2.5' }),
      /input 'python'.*Python 2\.5 was not found/,
    ],
    [
      'an extension that fails to import (undefined symbol)',
      () => ({ 'package-dir': brokenExtensionPackage() }),
      /input 'import'.*does not import.*undefined symbol: vecmath_function_that_was_never_linked/,
    ],
    [
      'a stage glob matching nothing',
      () => ({
        'working-directory': example,
        stage: `${EXAMPLE_STAGE}\nbuild/missing/*.so => vecmath`,
      }),
      /input 'stage'.*build\/missing\/\*\.so" matched no files/,
    ],
    [
      'a symlink pointing outside the package',
      () => {
        const root = mkdtempSync(join(tmpdir(), 'link-'));
        const pkg = join(root, 'linkpkg');
        mkdirSync(pkg);
        writeFileSync(join(pkg, '__init__.py'), '');
        writeFileSync(join(root, 'secret.txt'), 'outside\n');
        symlinkSync(join(root, 'secret.txt'), join(pkg, 'data.txt'));
        return { 'package-dir': pkg };
      },
      /input 'package-dir'.*data\.txt is a symbolic link to .*secret\.txt, outside/,
    ],
    [
      'neither package-dir nor stage',
      () => ({ 'working-directory': example }),
      /input 'package-dir'.*neither `package-dir` nor `stage`/,
    ],
  ];

  it.each(cases)('%s', async (_label, makeInputs, message) => {
    const out = join(mkdtempSync(join(tmpdir(), 'out-')), 'dist');
    const run = await runBundledAction({
      python,
      version: '1.0.0',
      'output-dir': out,
      ...makeInputs(),
    });
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    // Annotations escape newlines as %0A; the first line carries the message and the fix.
    expect(decodeURIComponent(errors[0]!.replace(/%0A/g, ' '))).toMatch(message);
    expect(errors[0]).toContain('Fix:');
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(run.outputs).toEqual({});
    // No wheel, not even the output folder; but a failed verification leaves its evidence
    // (the unverified wheel, pip.log, traceback.txt) in failed/ and nothing else.
    const verifyFailed = /does not import|not from the installed wheel/.test(errors[0]!);
    if (verifyFailed) {
      expect(readdirSync(out)).toEqual(['failed']);
      expect(readdirSync(join(out, 'failed'))).toContain('traceback.txt');
    } else {
      expect(existsSync(out)).toBe(false);
    }
  });
});
