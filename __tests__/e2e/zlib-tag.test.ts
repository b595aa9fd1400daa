// platform-tag: manylinux on C extensions linked with -lz (Debian's zlib 1.2.13 headers and
// libz.so.1), through the bundled action. crc32_z binds to ZLIB_1.2.9, which manylinux_2_17's
// zlib (and Ubuntu 16.04's 1.2.8) lacks: "version `ZLIB_1.2.9' not found". auditwheel allows it
// from manylinux_2_27 on. compress binds to no version at all, so it changes nothing.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readElf } from '../../src/elf/read-file.js';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { installAndRun } from '../helpers/install.js';
import { extensionSource, gccShared, pythonBuildInfo } from '../helpers/native-fixtures.js';
import { defaultPython3 } from '../helpers/python.js';

let python: string;
beforeAll(() => {
  python = defaultPython3();
});

/** Package `pkg` with the extension _z whose answer() returns `call` (zlib.h in scope). */
function zlibPackage(pkg: string, declare: string, call: string): { dir: string; ext: string } {
  const info = pythonBuildInfo(python);
  const dir = mkdtempSync(join(tmpdir(), `${pkg}-`));
  mkdirSync(join(dir, pkg));
  const ext = join(dir, pkg, `_z${info.suffix}`);
  gccShared(dir, '_z', extensionSource('_z', `#include <zlib.h>\n${declare}`, call), ext, [
    `-I${info.include}`,
    '-lz',
  ]);
  writeFileSync(join(dir, pkg, '__init__.py'), 'from ._z import answer\n');
  return { dir, ext: `${pkg}/_z${info.suffix}` };
}

const run = (dir: string, pkg: string) =>
  runBundledAction({
    'working-directory': dir,
    'package-dir': pkg,
    python,
    version: '1.0.0',
    'platform-tag': 'manylinux',
    'output-dir': join(mkdtempSync(join(tmpdir(), 'zlib-out-')), 'dist'),
    'artifact-name': 'false',
  });

describe('platform-tag: manylinux and zlib symbol versions', () => {
  it('crc32_z (ZLIB_1.2.9): manylinux_2_27, the log names ZLIB_1.2.9; pip installs and calls it', async () => {
    const { dir, ext } = zlibPackage(
      'zcrc',
      'static long crc(void) { return (long)crc32_z(0, (const Bytef *)"abc", 3); }',
      'crc()',
    );
    const needs = (await readElf(join(dir, ext), { symbols: true })).versionNeeds.filter(
      (n) => n.library === 'libz.so.1',
    );
    expect(needs.map((n) => [n.version, n.symbols])).toEqual([['ZLIB_1.2.9', ['crc32_z']]]);

    const result = await run(dir, 'zcrc');
    expect(errorAnnotations(result.stdout), result.stdout).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs['wheel-name']).toMatch(
      /^zcrc-1\.0\.0-cp3\d+-cp3\d+-manylinux_2_27_x86_64\.whl$/,
    );
    const lines = result.stdout.split('\n');
    expect(lines).toContain(
      'platform-tag: the native files satisfy manylinux_2_27: manylinux_2_27_x86_64',
    );
    expect(lines).toContain(
      `platform-tag: not manylinux_2_26: ${ext} needs ZLIB_1.2.9 from libz.so.1 (crc32_z); the target allows ZLIB up to 1.2.5.2`,
    );
    expect(result.stdout).toContain(`${ext} needs at most: `);
    expect(result.stdout).toMatch(/needs at most: .*libz\.so\.1 ZLIB_1\.2\.9/);
    // zlib.crc32(b'abc'), computed by python's own zlib.
    expect(installAndRun(python, result.outputs.wheel!, 'import zcrc; print(zcrc.answer())')).toBe(
      installAndRun(python, result.outputs.wheel!, 'import zlib; print(zlib.crc32(b"abc"))'),
    );
  });

  it('compress only (no zlib version): manylinux_2_5.manylinux1, as before, nothing to explain', async () => {
    const { dir, ext } = zlibPackage(
      'zold',
      `static long packed(void) {
  Bytef out[64]; uLongf n = sizeof out;
  return compress(out, &n, (const Bytef *)"abc", 3) == Z_OK ? (long)n : -1;
}`,
      'packed()',
    );
    const info = await readElf(join(dir, ext));
    expect(info.needed).toContain('libz.so.1');
    expect(info.versionNeeds.filter((n) => n.library === 'libz.so.1')).toEqual([]);

    const result = await run(dir, 'zold');
    expect(errorAnnotations(result.stdout), result.stdout).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs['wheel-name']).toMatch(
      /^zold-1\.0\.0-cp3\d+-cp3\d+-manylinux_2_5_x86_64\.manylinux1_x86_64\.whl$/,
    );
    expect(result.stdout).not.toContain('platform-tag: not ');
    expect(installAndRun(python, result.outputs.wheel!, 'import zold; print(zold.answer())')).toBe(
      installAndRun(
        python,
        result.outputs.wheel!,
        'import zlib; print(len(zlib.compress(b"abc")))',
      ),
    );
  });
});
