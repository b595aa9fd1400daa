/** What ldd and `ld.so --list` print, read word for word (no process started). */
import { describe, expect, test } from 'vitest';
import { describeMissing, loaderStatus, parseLdd } from '../../src/native/ldd-output.js';

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
