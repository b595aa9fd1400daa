import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseLdd } from '../../src/native/ldd-output.js';
import { isSystemLibrary, SYSTEM_LIBRARIES } from '../../src/native/system-libs.js';
import { gxx, run, tempDir } from '../elf/toolchain.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir('syslibs');
});
afterAll(async () => {
  await tmp?.remove();
});

test('everything a plain C++ extension loads on this glibc system is a system library', async () => {
  const so = await gxx(
    tmp.dir,
    '_cpp.so',
    '#include <cmath>\n#include <string>\nstd::string f(double x) { return std::to_string(std::sqrt(x)); }\n',
    ['-shared', '-fPIC', '-lm'],
  );
  const entries = parseLdd((await run(['ldd', so])).stdout);
  expect(entries.map((e) => e.name)).toContain('libstdc++.so.6');
  for (const entry of entries) expect(isSystemLibrary(entry.name), entry.name).toBe(true);
});

test('the PEP 599 list, loaders and vDSOs are system; common third-party libraries are not', () => {
  expect(SYSTEM_LIBRARIES).toContain('libc.so.6');
  expect(SYSTEM_LIBRARIES).toContain('libglib-2.0.so.0');
  for (const name of [
    'libpthread.so.0',
    'libGL.so.1',
    'ld-linux-x86-64.so.2',
    'ld-linux-aarch64.so.1',
    'ld-linux-armhf.so.3',
    'ld-linux.so.2',
    'ld64.so.2',
    'ld-musl-x86_64.so.1',
    'libc.musl-x86_64.so.1',
    'linux-vdso.so.1',
    'linux-gate.so.1',
    '/lib64/ld-linux-x86-64.so.2',
    '/usr/lib/x86_64-linux-gnu/libm.so.6',
  ]) {
    expect(isSystemLibrary(name), name).toBe(true);
  }
  for (const name of [
    'libz.so.1',
    'libgomp.so.1',
    'libgfortran.so.5',
    'libopenblas.so.0',
    'libboost_system.so.1.74.0',
    'libstdc++.so.5',
    'libextra.so',
    'libc.so',
  ]) {
    expect(isSystemLibrary(name), name).toBe(false);
  }
});
