/** What ldd and `ld.so --list` print, read word for word (no process started). */
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import {
  describeMissing,
  loaderStatus,
  MISSING_LIBRARY_FIX,
  parseLdd,
  STANDARD_LOADERS,
} from '../../src/native/ldd-output.js';

describe('parseLdd', () => {
  test('each line form, with the spacing ldd really uses and wider', () => {
    expect(
      parseLdd(
        [
          '\tlinux-vdso.so.1 (0x00007ffd4f5f2000)',
          '\tlinux-gate.so.1  =>   (0xABCDEF12)',
          '\tlibnf.so  =>  not found  ',
          '\tlibr.so  =>  /opt/a b/libr.so   (0x00007F21D1200000)  ',
          '\t/lib64/ld-linux-x86-64.so.2    (0xff)',
          "x.so:/lib/libv.so.6: version 'V_2' not found (required by x.so)",
          "./y.so:   /lib/libw.so: version `W_1.0' not found (required by ./y.so and ./z.so)",
          'p: error while loading shared libraries: libgone.so.3: cannot open shared object file: No such file',
          'Error loading shared library libmusl.so: Exec format error (needed by /w/m.so)  ',
        ].join('\n'),
      ),
    ).toEqual([
      { name: 'linux-vdso.so.1', notFound: false },
      { name: 'linux-gate.so.1', notFound: false },
      { name: 'libnf.so', notFound: true },
      { name: 'libr.so', path: '/opt/a b/libr.so', notFound: false },
      {
        name: '/lib64/ld-linux-x86-64.so.2',
        path: '/lib64/ld-linux-x86-64.so.2',
        notFound: false,
      },
      { name: 'libv.so.6', path: '/lib/libv.so.6', notFound: true, missingVersion: 'V_2' },
      { name: 'libw.so', path: '/lib/libw.so', notFound: true, missingVersion: 'W_1.0' },
      { name: 'libgone.so.3', notFound: true },
      { name: 'libmusl.so', notFound: true },
    ]);
  });

  test('lines that only look alike give nothing', () => {
    for (const line of [
      'a b => not found',
      'libx.so => not foundx',
      'libx.so => /lib/x.so (0x1)x',
      'libx.so => (0x1)x',
      'a b => (0x12)',
      'libx.so => (0x1) more',
      'libx.so (0x1)x',
      'Error loading shared library libm.so: x (needed by y)z',
      'Error loading shared library libm.so: x (needed by y) z',
      'libx.so => not found here',
      'libx.so =>not found',
      'libx.so=> not found',
      'libx.so => /lib/x.so',
      'libx.so => /lib/x.so (0xzz)',
      'libx.so => /lib/x.so (0x1) trailing',
      'a b => /lib/x.so (0x1)',
      'libx.so => (0x) ',
      'a b (0x12)',
      'libx.so (0x12) more',
      'libx.so(0x12)',
      '/lib/x.so: version `V' + "' not found",
      'Error loading shared library libm.so: gone',
      'say Error loading shared library libm.so: x (needed by y)',
      'statically linked',
      '\tnot a dynamic executable',
      'Error relocating /w/m.so: f: symbol not found',
    ]) {
      expect([line, parseLdd(line)]).toEqual([line, []]);
    }
  });

  test('repeats are listed once; the same name found and not found, or per version, twice', () => {
    expect(
      parseLdd(
        [
          'libq.so => not found',
          'libq.so => not found',
          'libq.so => /x/libq.so (0x1)',
          'libq.so => /y/libq.so (0x2)',
          "a: /x/libq.so: version `A' not found (required by a)",
          "a: /x/libq.so: version `B' not found (required by a)",
          "b: /x/libq.so: version `B' not found (required by b)",
        ].join('\n'),
      ),
    ).toEqual([
      { name: 'libq.so', notFound: true },
      { name: 'libq.so', path: '/x/libq.so', notFound: false },
      { name: 'libq.so', path: '/x/libq.so', notFound: true, missingVersion: 'A' },
      { name: 'libq.so', path: '/x/libq.so', notFound: true, missingVersion: 'B' },
    ]);
    expect(parseLdd('')).toEqual([]);
  });
});

describe('what the output says and whether the command ran', () => {
  test('loaderStatus', () => {
    expect(loaderStatus('\tstatically linked\n')).toBe('static');
    expect(loaderStatus('\tnot a dynamic executable')).toBe('unsupported');
    expect(loaderStatus('ld.so: x.so: wrong ELF class: ELFCLASS32')).toBe('unsupported');
    expect(loaderStatus('x: invalid ELF header')).toBe('unsupported');
    expect(loaderStatus('\tlibc.so.6 => /lib/libc.so.6 (0x1)')).toBe('dynamic');
    expect(loaderStatus('')).toBe('dynamic');
  });

  test('describeMissing: a missing version, a missing library, one left out by exclude-libs', () => {
    expect(describeMissing({ name: 'libq.so', notFound: true, missingVersion: 'Q_2' })).toBe(
      'libq.so (version Q_2 not found)',
    );
    expect(describeMissing({ name: 'libq.so', notFound: true })).toBe('libq.so => not found');
    const excluded = (name: string) => name.startsWith('libcuda');
    expect(describeMissing({ name: 'libq.so', notFound: true }, excluded)).toBe(
      'libq.so => not found',
    );
    expect(describeMissing({ name: 'libcuda.so.1', notFound: true }, excluded)).toBe(
      'libcuda.so.1 => not found (left out of the wheel by exclude-libs: the runtime must provide it)',
    );
    expect(
      describeMissing({ name: 'libcuda.so.1', notFound: true, missingVersion: 'C_1' }, excluded),
    ).toBe('libcuda.so.1 (version C_1 not found)');
  });
});

describe('the program loaders and the fix, word for word', () => {
  // The ABI's PT_INTERP of each machine: glibc's (sysdeps/unix/sysv/linux/*/shlib-versions, the
  // ld.so names its ports install) then musl's (/lib/ld-musl-<arch>.so.1).
  test('STANDARD_LOADERS names glibc and musl loader paths per machine', () => {
    expect(STANDARD_LOADERS).toEqual({
      x86_64: ['/lib64/ld-linux-x86-64.so.2', '/lib/ld-musl-x86_64.so.1'],
      i386: ['/lib/ld-linux.so.2', '/lib/ld-musl-i386.so.1'],
      aarch64: ['/lib/ld-linux-aarch64.so.1', '/lib/ld-musl-aarch64.so.1'],
      arm: ['/lib/ld-linux-armhf.so.3', '/lib/ld-linux.so.3', '/lib/ld-musl-armhf.so.1'],
      ppc64le: ['/lib64/ld64.so.2', '/lib/ld-musl-powerpc64le.so.1'],
      ppc64: ['/lib64/ld64.so.1'],
      s390x: ['/lib/ld64.so.1', '/lib/ld-musl-s390x.so.1'],
      riscv64: ['/lib/ld-linux-riscv64-lp64d.so.1', '/lib/ld-musl-riscv64.so.1'],
      loongarch64: ['/lib64/ld-linux-loongarch-lp64d.so.1'],
    });
    // And this machine's own loader is the first x86_64 one.
    expect(existsSync(STANDARD_LOADERS.x86_64![0]!)).toBe(true);
  });

  test('MISSING_LIBRARY_FIX gives the three ways out', () => {
    expect(MISSING_LIBRARY_FIX).toBe(
      "build those libraries statically into your extension, or stage them into the package and link with an $ORIGIN RPATH (-Wl,-rpath,'$ORIGIN/...'), or set the input bundle-libs: true to copy them into the wheel.",
    );
  });
});
