// The system-library policy name by name: PEP 599's manylinux2014 list (plus libcrypt.so.1 of
// PEP 513), and the loader, vDSO and musl patterns at their edges. Light (no compiler), so
// `npm run mutation` runs it for every mutant of system-libs.ts.
import { describe, expect, it } from 'vitest';
import {
  isProgramLoader,
  isSystemLibrary,
  SYSTEM_LIBRARIES,
} from '../../src/native/system-libs.js';

// https://peps.python.org/pep-0599/#the-manylinux2014-policy, in the PEP's order.
const PEP_599 = [
  'libgcc_s.so.1',
  'libstdc++.so.6',
  'libm.so.6',
  'libdl.so.2',
  'librt.so.1',
  'libc.so.6',
  'libnsl.so.1',
  'libutil.so.1',
  'libpthread.so.0',
  'libresolv.so.2',
  'libX11.so.6',
  'libXext.so.6',
  'libXrender.so.1',
  'libICE.so.6',
  'libSM.so.6',
  'libGL.so.1',
  'libgobject-2.0.so.0',
  'libgthread-2.0.so.0',
  'libglib-2.0.so.0',
];

describe('isSystemLibrary', () => {
  it('is the PEP 599 list plus libcrypt.so.1, each name by itself or as a path', () => {
    expect(SYSTEM_LIBRARIES).toEqual([...PEP_599, 'libcrypt.so.1']);
    for (const name of [...PEP_599, 'libcrypt.so.1']) {
      expect(isSystemLibrary(name), name).toBe(true);
      expect(isSystemLibrary(`/usr/lib64/${name}`), name).toBe(true);
      expect(isSystemLibrary(`${name}.1`), `${name}.1`).toBe(false);
      expect(isSystemLibrary(`x${name}`), `x${name}`).toBe(false);
    }
  });

  it('knows the program loaders of each architecture, and nothing that only looks like one', () => {
    for (const name of [
      'ld-linux.so.2',
      'ld-linux-x86-64.so.2',
      'ld-linux-aarch64.so.1',
      'ld-linux-armhf.so.3',
      'ld-linux-riscv64-lp64d.so.1',
      'ld64.so.1',
      'ld64.so.2',
      'ld.so.1',
      'ld-musl-x86_64.so.1',
      'ld-musl-armhf.so.1',
      'libc.musl-aarch64.so.1',
      'libc.musl-s390x.so.1',
    ]) {
      expect(isSystemLibrary(name), name).toBe(true);
    }
    for (const name of [
      'ld-linux.so',
      'ld-linux.so.x',
      'ld-linux-.so.2',
      'xld-linux.so.2',
      'ld-linux.so.2.bak',
      'ld-linux.so.22x',
      'ld64.so',
      'ld64.so.2x',
      'xld64.so.2',
      'ld.so',
      'ld.so.1x',
      'old.so.1',
      'ld-musl-.so.1',
      'ld-musl-x86_64.so.2',
      'ld-musl-x86_64.so.1x',
      'xld-musl-x86_64.so.1',
      'ld-musl-x/86.so.1',
      'libc.musl-.so.1',
      'libc.musl-x86_64.so.2',
      'libc.musl-x86_64.so.1x',
      'xlibc.musl-x86_64.so.1',
      'libcxmusl-x86_64.so.1',
      'ld-musl-x86 64.so.1',
    ]) {
      expect(isSystemLibrary(name), name).toBe(false);
    }
  });

  it('knows the vDSOs by each of their names', () => {
    for (const name of [
      'linux-vdso.so.1',
      'linux-vdso64.so.1',
      'linux-vdso32.so.1',
      'linux-gate.so.1',
      'linux-gate32.so.1',
    ]) {
      expect(isSystemLibrary(name), name).toBe(true);
    }
    for (const name of [
      'linux-vdso.so.2',
      'linux-vdso16.so.1',
      'linux-vdso.so.1x',
      'xlinux-vdso.so.1',
      'linux-other.so.1',
      'linux-.so.1',
      'linuxxvdso.so.1',
      'linux-vdsoxso.1',
    ]) {
      expect(isSystemLibrary(name), name).toBe(false);
    }
  });

  it('reads the name after the last slash only', () => {
    expect(isSystemLibrary('/opt/libc.so.6/libz.so.1')).toBe(false);
    expect(isSystemLibrary('a/b/libz.so.1/libc.so.6')).toBe(true);
    expect(isSystemLibrary('libc.so.6/')).toBe(false);
    expect(isSystemLibrary('')).toBe(false);
  });
});

describe('the program loader and the loader patterns at their edges', () => {
  it('isProgramLoader: ld-linux* and ld64.so.1/2 by file name, nothing else', () => {
    for (const name of [
      'ld-linux-x86-64.so.2',
      '/lib64/ld-linux-x86-64.so.2',
      'ld-linux.so.2',
      'ld64.so.1',
      'ld64.so.2',
      '/lib/ld64.so.1',
    ]) {
      expect(isProgramLoader(name), name).toBe(true);
    }
    for (const name of [
      'ld64.so.3',
      'libc.so.6',
      'ld64.so.1x',
      '/ld64.so.2/libc.so.6',
      'ld.so.1',
    ]) {
      expect(isProgramLoader(name), name).toBe(false);
    }
  });

  it('a loader version of two digits is still a loader; a prefix or suffix is not', () => {
    for (const name of ['ld-linux.so.10', 'ld-linux-x86-64.so.12', 'ld64.so.10', 'ld.so.10']) {
      expect(isSystemLibrary(name), name).toBe(true);
    }
    for (const name of [
      'xld-linux.so.2',
      'ld-linux.so.2x',
      'xld64.so.1',
      'ld64.so.1x',
      'xld.so.1',
      'ld.so.1x',
    ]) {
      expect(isSystemLibrary(name), name).toBe(false);
    }
  });
});
