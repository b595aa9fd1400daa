/**
 * The manylinux policies as facts: for each policy, the highest symbol version of glibc
 * (GLIBC_*), libstdc++ (GLIBCXX_*, CXXABI_*), libgcc_s (GCC_*), zlib (ZLIB_*) and libatomic
 * (LIBATOMIC_*) a wheel may need on x86_64, the non-numbered versions it also allows
 * (CXXABI_TM_1, CXXABI_FLOAT128, GLIBC_ABI_DT_RELR), and the libraries it may link against
 * without bundling them.
 *
 * Source: auditwheel's published policy table, src/auditwheel/policy/manylinux-policy.json in
 * https://github.com/pypa/auditwheel (commit 86154d15d6a53a85aab6187032e86348a3a15df1,
 * 2026-08-17), reduced to the x86_64 maxima of each version family. PEP 513 (manylinux1),
 * PEP 571 (manylinux2010), PEP 599 (manylinux2014) and PEP 600 (manylinux_X_Y) define the names.
 * No code of auditwheel is used; only these facts.
 */

export interface ManylinuxPolicy {
  /** The PEP 600 name, e.g. manylinux_2_17. */
  name: string;
  /** Legacy names of the same policy, e.g. manylinux2014. */
  aliases: readonly string[];
  /** [major, minor] of glibc. */
  glibc: readonly [number, number];
  /**
   * Highest version per family (dotted numbers); null where auditwheel's list is empty: the
   * policy allows no version of that library family at all (ZLIB in manylinux_2_5).
   */
  maxima: Readonly<Record<RuntimeFamily, string> & Record<LibraryFamily, string | null>>;
  /** Versions without a number that the policy allows, e.g. CXXABI_TM_1. */
  extra: readonly string[];
  /** SONAMEs a wheel may need from the system without bundling them. */
  libraries: readonly string[];
}

/** The families of glibc, libstdc++ and libgcc_s: what target-glibc and an image describe. */
export type RuntimeFamily = 'GLIBC' | 'GLIBCXX' | 'CXXABI' | 'GCC';
/** Families of one library each, which the policies also limit. */
export type LibraryFamily = 'ZLIB' | 'LIBATOMIC';
export type VersionFamily = RuntimeFamily | LibraryFamily;
export const RUNTIME_FAMILIES: readonly RuntimeFamily[] = ['GLIBC', 'GLIBCXX', 'CXXABI', 'GCC'];
export const VERSION_FAMILIES: readonly VersionFamily[] = [
  ...RUNTIME_FAMILIES,
  'ZLIB',
  'LIBATOMIC',
];
/** The library whose versions a library family names: a ZLIB_ need of any other is not zlib's. */
export const FAMILY_LIBRARY: Readonly<Record<LibraryFamily, string>> = {
  ZLIB: 'libz.so.1',
  LIBATOMIC: 'libatomic.so.1',
};

const LIBRARIES_1: readonly string[] = [
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

const LIBRARIES_2: readonly string[] = [
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
  'libexpat.so.1',
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

const LIBRARIES_3: readonly string[] = [
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
  'libexpat.so.1',
  'libgcc_s.so.1',
  'libglib-2.0.so.0',
  'libgobject-2.0.so.0',
  'libgthread-2.0.so.0',
  'libm.so.6',
  'libmvec.so.1',
  'libnsl.so.1',
  'libpthread.so.0',
  'libresolv.so.2',
  'librt.so.1',
  'libstdc++.so.6',
  'libutil.so.1',
  'libz.so.1',
];

/** From the oldest (manylinux_2_5) to the newest policy. */
export const MANYLINUX_POLICIES: readonly ManylinuxPolicy[] = [
  {
    name: 'manylinux_2_5',
    aliases: ['manylinux1'],
    glibc: [2, 5],
    maxima: {
      GLIBC: '2.5',
      GLIBCXX: '3.4.8',
      CXXABI: '1.3.1',
      GCC: '4.2.0',
      ZLIB: null,
      LIBATOMIC: null,
    },
    extra: [],
    libraries: LIBRARIES_1,
  },
  {
    name: 'manylinux_2_12',
    aliases: ['manylinux2010'],
    glibc: [2, 12],
    maxima: {
      GLIBC: '2.12',
      GLIBCXX: '3.4.13',
      CXXABI: '1.3.3',
      GCC: '4.3.0',
      ZLIB: '1.2.2.4',
      LIBATOMIC: null,
    },
    extra: [],
    libraries: LIBRARIES_2,
  },
  {
    name: 'manylinux_2_17',
    aliases: ['manylinux2014'],
    glibc: [2, 17],
    maxima: {
      GLIBC: '2.17',
      GLIBCXX: '3.4.19',
      CXXABI: '1.3.7',
      GCC: '4.8.0',
      ZLIB: '1.2.5.2',
      LIBATOMIC: null,
    },
    extra: ['CXXABI_TM_1'],
    libraries: LIBRARIES_2,
  },
  {
    name: 'manylinux_2_24',
    aliases: [],
    glibc: [2, 24],
    maxima: {
      GLIBC: '2.24',
      GLIBCXX: '3.4.22',
      CXXABI: '1.3.10',
      GCC: '4.8.0',
      ZLIB: '1.2.5.2',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_26',
    aliases: [],
    glibc: [2, 26],
    maxima: {
      GLIBC: '2.26',
      GLIBCXX: '3.4.22',
      CXXABI: '1.3.10',
      GCC: '4.8.0',
      ZLIB: '1.2.5.2',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_27',
    aliases: [],
    glibc: [2, 27],
    maxima: {
      GLIBC: '2.27',
      GLIBCXX: '3.4.24',
      CXXABI: '1.3.11',
      GCC: '7.0.0',
      ZLIB: '1.2.9',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_28',
    aliases: [],
    glibc: [2, 28],
    maxima: {
      GLIBC: '2.28',
      GLIBCXX: '3.4.24',
      CXXABI: '1.3.11',
      GCC: '7.0.0',
      ZLIB: '1.2.9',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_31',
    aliases: [],
    glibc: [2, 31],
    maxima: {
      GLIBC: '2.31',
      GLIBCXX: '3.4.28',
      CXXABI: '1.3.12',
      GCC: '7.0.0',
      ZLIB: '1.2.9',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_34',
    aliases: [],
    glibc: [2, 34],
    maxima: {
      GLIBC: '2.34',
      GLIBCXX: '3.4.29',
      CXXABI: '1.3.13',
      GCC: '7.0.0',
      ZLIB: '1.2.9',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_35',
    aliases: [],
    glibc: [2, 35],
    maxima: {
      GLIBC: '2.35',
      GLIBCXX: '3.4.30',
      CXXABI: '1.3.13',
      GCC: '12.0.0',
      ZLIB: '1.2.9',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_36',
    aliases: [],
    glibc: [2, 36],
    maxima: {
      GLIBC: '2.36',
      GLIBCXX: '3.4.30',
      CXXABI: '1.3.13',
      GCC: '12.0.0',
      ZLIB: '1.2.9',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_37',
    aliases: [],
    glibc: [2, 37],
    maxima: {
      GLIBC: '2.36',
      GLIBCXX: '3.4.30',
      CXXABI: '1.3.13',
      GCC: '12.0.0',
      ZLIB: '1.2.12',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_38',
    aliases: [],
    glibc: [2, 38],
    maxima: {
      GLIBC: '2.38',
      GLIBCXX: '3.4.30',
      CXXABI: '1.3.13',
      GCC: '12.0.0',
      ZLIB: '1.2.12',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_39',
    aliases: [],
    glibc: [2, 39],
    maxima: {
      GLIBC: '2.39',
      GLIBCXX: '3.4.33',
      CXXABI: '1.3.15',
      GCC: '14.0.0',
      ZLIB: '1.2.12',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_40',
    aliases: [],
    glibc: [2, 40],
    maxima: {
      GLIBC: '2.40',
      GLIBCXX: '3.4.33',
      CXXABI: '1.3.15',
      GCC: '14.0.0',
      ZLIB: '1.2.12',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
    libraries: LIBRARIES_3,
  },
  {
    name: 'manylinux_2_41',
    aliases: [],
    glibc: [2, 41],
    maxima: {
      GLIBC: '2.41',
      GLIBCXX: '3.4.33',
      CXXABI: '1.3.15',
      GCC: '14.0.0',
      ZLIB: '1.2.12',
      LIBATOMIC: '1.2',
    },
    extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
    libraries: LIBRARIES_3,
  },
];
