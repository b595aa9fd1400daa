// The native-library lines of the log and the summary table, exactly.
import { describe, expect, it } from 'vitest';
import type { ElfInfo } from '../../src/elf/reader.js';
import { describeElfFile, formatElfReport } from '../../src/native/report.js';

const info = (over: Partial<ElfInfo> = {}): ElfInfo => ({
  class: 64,
  endian: 'little',
  machine: 62,
  machineName: 'x86_64',
  type: 'shared',
  dynamic: true,
  needed: [],
  rpath: [],
  runpath: [],
  versionNeeds: [],
  versionDefs: [],
  ...over,
});

describe('describeElfFile', () => {
  it('names the file below the root, machine, class and type, then each dynamic fact', () => {
    const file = {
      path: '/w/pkg/_core.so',
      info: info({
        soname: 'libcore.so.1',
        needed: ['libstdc++.so.6', 'libc.so.6'],
        rpath: ['$ORIGIN', '/opt/lib'],
        runpath: ['$ORIGIN/../lib', '/x'],
      }),
    };
    expect(describeElfFile(file, '/w')).toBe(
      'pkg/_core.so: x86_64 64-bit shared; SONAME libcore.so.1; NEEDED libstdc++.so.6, libc.so.6; RPATH $ORIGIN:/opt/lib; RUNPATH $ORIGIN/../lib:/x',
    );
  });

  it('says a file without PT_DYNAMIC is an object file or statically linked', () => {
    expect(
      describeElfFile({ path: '/w/a.o', info: info({ type: 'rel', dynamic: false }) }, '/w'),
    ).toBe('a.o: x86_64 64-bit rel; object file');
    expect(
      describeElfFile(
        {
          path: '/w/tool',
          info: info({ type: 'exec', dynamic: false, class: 32, machineName: 'i386' }),
        },
        '/w',
      ),
    ).toBe('tool: i386 32-bit exec; statically linked');
    expect(describeElfFile({ path: '/w/plain.so', info: info() }, '/w')).toBe(
      'plain.so: x86_64 64-bit shared',
    );
  });

  it('keeps the full path of a file outside the root, or the root itself', () => {
    expect(describeElfFile({ path: '/elsewhere/x.so', info: info() }, '/w')).toBe(
      '/elsewhere/x.so: x86_64 64-bit shared',
    );
    expect(describeElfFile({ path: '/w', info: info() }, '/w')).toBe('/w: x86_64 64-bit shared');
    expect(describeElfFile({ path: '/w/..x/y.so', info: info() }, '/w')).toBe(
      '/w/..x/y.so: x86_64 64-bit shared',
    );
  });
});

describe('formatElfReport', () => {
  it('says so when the package has no ELF file', () => {
    expect(formatElfReport([], { root: '/w' })).toBe(
      '### Native libraries\n\nNo ELF files in the package.\n',
    );
  });

  it('gives one table row per file, escaping pipes and new lines, "-" for an empty cell', () => {
    const files = [
      {
        path: '/w/pkg/_a.so',
        info: info({
          soname: 'lib|a.so',
          needed: ['libm.so.6', 'libc.so.6'],
          rpath: ['$ORIGIN'],
          runpath: ['/r1', '/r2'],
        }),
      },
      { path: '/w/pkg/b\nc.so', info: info({ class: 32, machineName: 'arm' }) },
    ];
    expect(formatElfReport(files, { root: '/w' })).toBe(
      [
        '### Native libraries',
        '',
        '| File | Machine | SONAME | Needs | RPATH / RUNPATH |',
        '| --- | --- | --- | --- | --- |',
        '| pkg/_a.so | x86_64 64-bit | lib\\|a.so | libm.so.6, libc.so.6 | RPATH $ORIGIN, RUNPATH /r1, RUNPATH /r2 |',
        '| pkg/b c.so | arm 32-bit | - | - | - |',
        '',
      ].join('\n'),
    );
  });

  it('lists the machine mismatches under the table with their severity', () => {
    const out = formatElfReport([{ path: '/w/x.so', info: info() }], {
      root: '/w',
      mismatches: [
        {
          path: '/w/x.so',
          severity: 'error',
          found: 'aarch64',
          expected: 'x86_64',
          message: 'x.so is aarch64',
        },
        {
          path: '/w/y.so',
          severity: 'warning',
          found: 'i386',
          expected: 'x86_64',
          message: 'y.so is i386',
        },
      ],
    });
    expect(
      out.endsWith(
        '| x.so | x86_64 64-bit | - | - | - |\n\n- **error**: x.so is aarch64\n- **warning**: y.so is i386\n',
      ),
    ).toBe(true);
    expect(
      formatElfReport([{ path: '/w/x.so', info: info() }], { root: '/w', mismatches: [] }),
    ).toBe(formatElfReport([{ path: '/w/x.so', info: info() }], { root: '/w' }));
    expect(
      formatElfReport([{ path: '/w/x.so', info: info() }], { root: '/w' }).endsWith('- |\n'),
    ).toBe(true);
  });
});
