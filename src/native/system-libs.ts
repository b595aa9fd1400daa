/**
 * Which shared libraries count as "part of the base system", so a wheel may rely on them instead
 * of carrying its own copy. `bundle-libs` copies every other needed library into the wheel.
 *
 * Policy: the manylinux2014 allow-list of PEP 599 (glibc, libstdc++/libgcc_s, and a few X11,
 * OpenGL and GLib libraries that every desktop or server distribution ships and that must come
 * from the system to work with its drivers), plus libcrypt.so.1 from PEP 513's manylinux1 list
 * (still present on glibc systems), the program loaders themselves (ld-linux*.so.*, ld64.so.*,
 * ld-musl-*.so.1), the kernel's vDSO pseudo-libraries, and musl's libc for musllinux images.
 * Anything else (libz, libgomp, libgfortran, libopenblas, Boost, ...) is not guaranteed to be on
 * the machine that installs the wheel and must be bundled or linked statically.
 * https://peps.python.org/pep-0599/#the-manylinux2014-policy
 */

/** The PEP 599 manylinux2014 list, plus libcrypt.so.1 (PEP 513). Exact SONAMEs. */
export const SYSTEM_LIBRARIES: readonly string[] = [
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
  'libcrypt.so.1',
];

/** Loaders, vDSOs and musl's libc, which have one name per architecture. */
export const SYSTEM_LIBRARY_PATTERNS: readonly RegExp[] = [
  /^ld-linux(-[\w-]+)?\.so\.\d+$/, // ld-linux.so.2, ld-linux-x86-64.so.2, ld-linux-aarch64.so.1, ld-linux-armhf.so.3
  /^ld64\.so\.\d+$/, // ppc64le, s390x
  /^ld\.so\.\d+$/,
  /^ld-musl-[\w-]+\.so\.1$/,
  /^libc\.musl-[\w-]+\.so\.1$/,
  /^linux-(vdso|gate)(64|32)?\.so\.1$/,
];

const SYSTEM_SET = new Set(SYSTEM_LIBRARIES);

/**
 * The program loader (ld-linux-x86-64.so.2, ld64.so.1/2): part of the platform, not a library a
 * policy lists. g++ 10 and later name it as NEEDED in ordinary extensions (for __tls_get_addr);
 * auditwheel leaves it out of every policy check the same way ("always exclude ELF dynamic
 * linker/loader", policy/__init__.py).
 */
export function isProgramLoader(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.includes('ld-linux') || base === 'ld64.so.1' || base === 'ld64.so.2';
}

/**
 * True when `name` (a NEEDED entry or SONAME; a path is reduced to its file name) is a system
 * library a wheel may use without bundling it.
 */
export function isSystemLibrary(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return SYSTEM_SET.has(base) || SYSTEM_LIBRARY_PATTERNS.some((pattern) => pattern.test(base));
}
