/**
 * debpkg/: `count` C extension modules, each linking seven Debian libraries (sqlite3, lzma, bz2,
 * zlib, OpenSSL's ssl and crypto, ffi) from this machine's -dev packages; each module's
 * versions() returns one number from every library, so an import proves each one loaded.
 * Plain JavaScript so that both the tests and `npm run bench` (bench/bundle.mjs) build the same
 * fixture.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEBIAN_LIBS = ['-lsqlite3', '-llzma', '-lbz2', '-lz', '-lssl', '-lcrypto', '-lffi'];

function moduleSource(name) {
  return `#include <Python.h>
#include <bzlib.h>
#include <ffi.h>
#include <lzma.h>
#include <openssl/crypto.h>
#include <openssl/ssl.h>
#include <sqlite3.h>
#include <zlib.h>
static PyObject* versions(PyObject* self, PyObject* args) {
  ffi_cif cif;
  int ffi_ok = ffi_prep_cif(&cif, FFI_DEFAULT_ABI, 0, &ffi_type_void, NULL) == FFI_OK;
  return Py_BuildValue("{s:i,s:I,s:s,s:s,s:k,s:i,s:i}", "sqlite", sqlite3_libversion_number(),
    "lzma", (unsigned)lzma_version_number(), "bz2", BZ2_bzlibVersion(), "zlib", zlibVersion(),
    "crypto", (unsigned long)OpenSSL_version_num(), "ssl", SSL_CTX_new(TLS_method()) != NULL,
    "ffi", ffi_ok);
}
static PyMethodDef methods[] = {{"versions", versions, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "${name}", NULL, -1, methods};
PyMODINIT_FUNC PyInit_${name}(void) { return PyModule_Create(&def); }
`;
}

/** Writes dir/debpkg/ with `count` modules built against `python`'s headers; returns dir. */
export function writeDebianLibsPackage(dir, python, count) {
  const pkg = join(dir, 'debpkg');
  mkdirSync(pkg, { recursive: true });
  const [include, suffix] = execFileSync(
    python,
    [
      '-c',
      'import sysconfig as s; print(s.get_paths()["include"]); print(s.get_config_var("EXT_SUFFIX"))',
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n');
  const names = Array.from({ length: count }, (_, i) => `_mod${i}`);
  writeFileSync(
    join(pkg, '__init__.py'),
    `${names.map((n) => `from . import ${n}`).join('\n')}\nMODULES = [${names.join(', ')}]\n`,
  );
  for (const name of names) {
    const src = join(dir, `${name}.c`);
    writeFileSync(src, moduleSource(name));
    execFileSync(
      'gcc',
      [
        '-shared',
        '-fPIC',
        `-I${include}`,
        src,
        '-o',
        join(pkg, `${name}${suffix}`),
        ...DEBIAN_LIBS,
      ],
      { stdio: 'pipe' },
    );
  }
  return dir;
}
