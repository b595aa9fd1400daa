/**
 * Native fixtures of our own for the runtime checks: C extensions (2.7 and 3.x) that call into
 * a shared library, built here with gcc/g++ against a given interpreter.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODERN_FLAGS, MODERN_LIBRARY_SOURCE } from '../elf/modern-lib.js';
import { runPython } from './python.js';

export interface PythonBuildInfo {
  include: string;
  suffix: string;
  libdir: string;
  ldlibrary: string;
}

export function pythonBuildInfo(python: string): PythonBuildInfo {
  const [include, suffix, libdir, ldlibrary] = runPython(
    python,
    'import sysconfig as s; g = s.get_config_var; print("\\n".join([s.get_paths()["include"], g("EXT_SUFFIX") or g("SO"), g("LIBDIR"), g("LDLIBRARY")]))',
  )
    .trim()
    .split('\n');
  return { include: include!, suffix: suffix!, libdir: libdir!, ldlibrary: ldlibrary! };
}

/** C source of extension `name` whose answer() returns `call` (with `declare` in scope). */
export function extensionSource(name: string, declare: string, call: string): string {
  return `#include <Python.h>
${declare}
static PyObject* answer(PyObject* self, PyObject* args) { return PyLong_FromLong(${call}); }
static PyMethodDef methods[] = {{"answer", answer, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
#if PY_MAJOR_VERSION >= 3
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "${name}", NULL, -1, methods};
PyMODINIT_FUNC PyInit_${name}(void) { return PyModule_Create(&def); }
#else
PyMODINIT_FUNC init${name}(void) { Py_InitModule("${name}", methods); }
#endif
`;
}

/** gcc of `source` (written to dir/<name>.c) into a shared object, with extra flags after it. */
export function gccShared(
  dir: string,
  name: string,
  source: string,
  out: string,
  flags: string[],
): void {
  const src = join(dir, `${name}.c`);
  writeFileSync(src, source);
  execFileSync('gcc', ['-shared', '-fPIC', src, '-o', out, ...flags], { stdio: 'pipe' });
}

/**
 * modernpkg/: libmodern.so (g++ 12: needs GLIBC_2.34 and GLIBCXX_3.4.26) and the extension
 * _modern, which links to it through $ORIGIN; answer() returns 42 through the C++ code.
 */
export function buildModernPackage(python: string): string {
  const info = pythonBuildInfo(python);
  const dir = mkdtempSync(join(tmpdir(), 'modern-'));
  const pkg = join(dir, 'modernpkg');
  mkdirSync(pkg);
  writeFileSync(join(dir, 'modern.cpp'), MODERN_LIBRARY_SOURCE);
  execFileSync(
    'g++',
    [
      join(dir, 'modern.cpp'),
      '-o',
      join(pkg, 'libmodern.so'),
      ...MODERN_FLAGS,
      '-Wl,-soname,libmodern.so',
    ],
    { stdio: 'pipe' },
  );
  gccShared(
    dir,
    '_modern',
    extensionSource('_modern', 'int modern_answer(int);', 'modern_answer(1)'),
    join(pkg, `_modern${info.suffix}`),
    [`-I${info.include}`, `-L${pkg}`, '-lmodern', '-Wl,-rpath,$ORIGIN'],
  );
  writeFileSync(join(pkg, '__init__.py'), 'from ._modern import answer\n');
  return dir;
}

/**
 * futurepkg/: an extension whose only library is a stand-in libc.so.6 that defines GLIBC_2.99,
 * so it needs `GLIBC_2.99` from libc.so.6 (fancy_new_call), like a build on a glibc from the
 * future. No real glibc has it: the runtime check must refuse it wherever it runs.
 */
export function buildFuturePackage(python: string): string {
  const info = pythonBuildInfo(python);
  const dir = mkdtempSync(join(tmpdir(), 'future-'));
  const stub = join(dir, 'stub');
  const pkg = join(dir, 'futurepkg');
  mkdirSync(stub);
  mkdirSync(pkg);
  writeFileSync(join(stub, 'v.map'), 'GLIBC_2.99 { global: fancy_new_call; local: *; };\n');
  gccShared(stub, 'stub', 'int fancy_new_call(void) { return 7; }\n', join(stub, 'libc.so.6'), [
    '-nostdlib',
    '-Wl,-soname,libc.so.6',
    `-Wl,--version-script=${join(stub, 'v.map')}`,
  ]);
  gccShared(
    dir,
    '_future',
    extensionSource('_future', 'int fancy_new_call(void);', 'fancy_new_call()'),
    join(pkg, `_future${info.suffix}`),
    [`-I${info.include}`, '-nostdlib', `-L${stub}`, '-l:libc.so.6'],
  );
  writeFileSync(join(pkg, '__init__.py'), 'from ._future import answer\n');
  return dir;
}
