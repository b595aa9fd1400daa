/**
 * The manylinux policy table against auditwheel's: src/auditwheel/policy/manylinux-policy.json
 * of pypa/auditwheel at 86154d15d6a53a85aab6187032e86348a3a15df1 (2026-08-17), its x86_64
 * symbol versions reduced to the highest number per family (null where the list is empty), the
 * non-numbered ones, and lib_whitelist (sorted). Written out here from that file, so a change to
 * our table shows.
 */
import { describe, expect, test } from 'vitest';
import {
  FAMILY_LIBRARY,
  MANYLINUX_POLICIES,
  RUNTIME_FAMILIES,
  VERSION_FAMILIES,
} from '../../src/native/manylinux-policy.js';

const BASE = [
  'libGL.so.1',
  'libICE.so.6',
  'libSM.so.6',
  'libX11.so.6',
  'libXext.so.6',
  'libXrender.so.1',
  'libanl.so.1',
  'libatomic.so.1',
  'libc.so.6',
  'libdl.so.2',
  'libgcc_s.so.1',
  'libglib-2.0.so.0',
  'libgobject-2.0.so.0',
  'libgthread-2.0.so.0',
  'libm.so.6',
  'libnsl.so.1',
  'libpthread.so.0',
  'libresolv.so.2',
  'librt.so.1',
  'libstdc++.so.6',
  'libutil.so.1',
  'libz.so.1',
];
const WITH_EXPAT = [...BASE, 'libexpat.so.1'].sort();
const WITH_MVEC = [...WITH_EXPAT, 'libmvec.so.1'].sort();
const TM = ['CXXABI_TM_1'];
const F128 = ['CXXABI_FLOAT128', 'CXXABI_TM_1'];
const RELR = ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'];

// name, aliases, GLIBC, GLIBCXX, CXXABI, GCC, ZLIB, LIBATOMIC (null: auditwheel's list is
// empty, no version allowed), non-numbered versions, lib_whitelist
type Row = [string, string[], string, string, string, string, Z, Z, string[], string[]];
type Z = string | null;
const AUDITWHEEL: Row[] = [
  ['manylinux_2_5', ['manylinux1'], '2.5', '3.4.8', '1.3.1', '4.2.0', null, null, [], BASE],
  [
    'manylinux_2_12',
    ['manylinux2010'],
    '2.12',
    '3.4.13',
    '1.3.3',
    '4.3.0',
    '1.2.2.4',
    null,
    [],
    WITH_EXPAT,
  ],
  [
    'manylinux_2_17',
    ['manylinux2014'],
    '2.17',
    '3.4.19',
    '1.3.7',
    '4.8.0',
    '1.2.5.2',
    null,
    TM,
    WITH_EXPAT,
  ],
  ['manylinux_2_24', [], '2.24', '3.4.22', '1.3.10', '4.8.0', '1.2.5.2', '1.2', F128, WITH_MVEC],
  ['manylinux_2_26', [], '2.26', '3.4.22', '1.3.10', '4.8.0', '1.2.5.2', '1.2', F128, WITH_MVEC],
  ['manylinux_2_27', [], '2.27', '3.4.24', '1.3.11', '7.0.0', '1.2.9', '1.2', F128, WITH_MVEC],
  ['manylinux_2_28', [], '2.28', '3.4.24', '1.3.11', '7.0.0', '1.2.9', '1.2', F128, WITH_MVEC],
  ['manylinux_2_31', [], '2.31', '3.4.28', '1.3.12', '7.0.0', '1.2.9', '1.2', F128, WITH_MVEC],
  ['manylinux_2_34', [], '2.34', '3.4.29', '1.3.13', '7.0.0', '1.2.9', '1.2', F128, WITH_MVEC],
  ['manylinux_2_35', [], '2.35', '3.4.30', '1.3.13', '12.0.0', '1.2.9', '1.2', F128, WITH_MVEC],
  ['manylinux_2_36', [], '2.36', '3.4.30', '1.3.13', '12.0.0', '1.2.9', '1.2', RELR, WITH_MVEC],
  // glibc 2.37 added no x86_64 symbol version: GLIBC_2.36 stays the highest.
  ['manylinux_2_37', [], '2.36', '3.4.30', '1.3.13', '12.0.0', '1.2.12', '1.2', RELR, WITH_MVEC],
  ['manylinux_2_38', [], '2.38', '3.4.30', '1.3.13', '12.0.0', '1.2.12', '1.2', RELR, WITH_MVEC],
  ['manylinux_2_39', [], '2.39', '3.4.33', '1.3.15', '14.0.0', '1.2.12', '1.2', RELR, WITH_MVEC],
  ['manylinux_2_40', [], '2.40', '3.4.33', '1.3.15', '14.0.0', '1.2.12', '1.2', RELR, WITH_MVEC],
  ['manylinux_2_41', [], '2.41', '3.4.33', '1.3.15', '14.0.0', '1.2.12', '1.2', RELR, WITH_MVEC],
];

describe("the policy table is auditwheel's, x86_64", () => {
  test('every policy, in order: name, aliases, glibc, maxima, extra versions, libraries', () => {
    expect(
      MANYLINUX_POLICIES.map((p) => [
        p.name,
        p.aliases,
        p.glibc,
        p.maxima.GLIBC,
        p.maxima.GLIBCXX,
        p.maxima.CXXABI,
        p.maxima.GCC,
        p.maxima.ZLIB,
        p.maxima.LIBATOMIC,
        p.extra,
        [...p.libraries].sort(),
      ]),
    ).toEqual(
      AUDITWHEEL.map(([name, aliases, glibc, cxx, abi, gcc, zlib, atomic, extra, libraries]) => [
        name,
        aliases,
        name.split('_').slice(1).map(Number),
        glibc,
        cxx,
        abi,
        gcc,
        zlib,
        atomic,
        extra,
        libraries,
      ]),
    );
    for (const policy of MANYLINUX_POLICIES) expect(Object.keys(policy.maxima)).toHaveLength(6);
  });

  test('the families, in the order of the log and the summary; who defines the library ones', () => {
    expect(VERSION_FAMILIES).toEqual(['GLIBC', 'GLIBCXX', 'CXXABI', 'GCC', 'ZLIB', 'LIBATOMIC']);
    expect(RUNTIME_FAMILIES).toEqual(['GLIBC', 'GLIBCXX', 'CXXABI', 'GCC']);
    expect(FAMILY_LIBRARY).toEqual({ ZLIB: 'libz.so.1', LIBATOMIC: 'libatomic.so.1' });
  });
});
