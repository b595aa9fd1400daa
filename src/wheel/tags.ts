import { InputError } from '../base/errors.js';

/** What the probe script reports about an interpreter (see src/python/probe-script.ts). */
export interface PythonProbe {
  executable: string;
  version: [number, number, number];
  implementation: string; // platform.python_implementation(): CPython, PyPy, ...
  soabi: string | null;
  extSuffix: string | null;
  pyDebug: boolean;
  withPymalloc: boolean;
  maxUnicode: number;
  platform: string; // sysconfig.get_platform(): linux-x86_64
  pointerBits: number;
  pipVersion: string | null;
  include: string | null;
  /** File name suffixes of the extension modules it imports (null: unknown). */
  extensionSuffixes?: string[] | null;
  /** The tags its pip installs, most specific first (null: that pip could not tell in-process). */
  supportedTags?: string[] | null;
  /** The C library the interpreter runs on, e.g. "glibc 2.36" (null: unknown). */
  libc?: string | null;
}

export interface WheelTag {
  interpreter: string;
  abi: string;
  platform: string;
}

export function formatTag(tag: WheelTag): string {
  return `${tag.interpreter}-${tag.abi}-${tag.platform}`;
}

/** The most specific tag the probed interpreter's own pip accepts (what bdist_wheel writes). */
export function tagFromProbe(probe: PythonProbe): WheelTag {
  const [major, minor] = probe.version;
  const impl = probe.implementation.toLowerCase();
  const platform = platformTag(probe);
  if (impl === 'pypy') {
    return { interpreter: `pp${major}${minor}`, abi: pypyAbi(probe), platform };
  }
  if (impl !== 'cpython') {
    throw new InputError(`the ${probe.implementation} interpreter is not supported.`, {
      input: 'python',
      fix: 'use CPython or PyPy, or set `wheel-tag` explicitly.',
    });
  }
  return { interpreter: `cp${major}${minor}`, abi: cpythonAbi(probe), platform };
}

function cpythonAbi(probe: PythonProbe): string {
  const [major, minor] = probe.version;
  // Python 3 names its ABI in SOABI ("cpython-36m-x86_64-linux-gnu" -> cp36m), as pip reads it.
  if (probe.soabi && probe.soabi.startsWith('cpython-')) {
    return `cp${probe.soabi.split('-')[1]}`;
  }
  // Python 2 has no SOABI: pip derives the flags from the build (debug, pymalloc, UCS4).
  let flags = '';
  if (probe.pyDebug) flags += 'd';
  if (probe.withPymalloc) flags += 'm';
  if (major === 2 || (major === 3 && minor < 3)) {
    if (probe.maxUnicode === 0x10ffff) flags += 'u';
  }
  return `cp${major}${minor}${flags}`;
}

function pypyAbi(probe: PythonProbe): string {
  // "pypy39-pp73-x86_64-linux-gnu" -> pypy39_pp73, as packaging's _generic_abi does.
  if (probe.soabi) {
    const parts = probe.soabi.split('-');
    return parts.slice(0, 2).join('_').replace(/[.-]/g, '_');
  }
  return 'none';
}

function platformTag(probe: PythonProbe): string {
  let platform = probe.platform.replace(/[-.]/g, '_').toLowerCase();
  // A 32-bit interpreter on a 64-bit kernel reports the kernel's machine; pip corrects it.
  if (platform === 'linux_x86_64' && probe.pointerBits === 32) platform = 'linux_i686';
  if (platform === 'linux_aarch64' && probe.pointerBits === 32) platform = 'linux_armv7l';
  return platform;
}

/** One part of a (possibly compressed, PEP 425) tag: `cp36`, `py2.py3`, `manylinux_2_17_x86_64`. */
const TAG_PART = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

/**
 * The tag grammar, in one place: `<python>-<abi>-<platform>`, each part one or more
 * `.`-separated names of letters, digits and `_`. Undefined for anything else.
 */
export function readWheelTag(text: string): WheelTag | undefined {
  const parts = text.split('-');
  if (parts.length !== 3 || !parts.every((p) => TAG_PART.test(p))) return undefined;
  const [interpreter, abi, platform] = parts as [string, string, string];
  return { interpreter, abi, platform };
}

/** Parses and validates a `wheel-tag` input such as `py2-none-any` or `py2.py3-none-any`. */
export function parseWheelTag(raw: string, input = 'wheel-tag'): WheelTag {
  const tag = readWheelTag(raw.trim());
  if (tag === undefined) {
    throw new InputError(`"${raw}" is not a wheel tag.`, {
      input,
      fix: 'write it as <python>-<abi>-<platform>, e.g. cp36-cp36m-linux_x86_64 or py2-none-any.',
    });
  }
  return tag;
}

/** Every concrete tag a (possibly compressed, PEP 425) tag stands for: one WHEEL `Tag:` line each. */
export function expandTag(tag: WheelTag): string[] {
  const out: string[] = [];
  for (const i of tag.interpreter.split('.'))
    for (const a of tag.abi.split('.'))
      for (const p of tag.platform.split('.')) out.push(`${i}-${a}-${p}`);
  return out;
}

/**
 * What bdist_wheel writes for a tree without native code: `py3-none-any` (`py2-none-any` on
 * Python 2; `py2.py3` only when the project says `universal`, which a tree cannot tell).
 */
export function pureTag(probe: Pick<PythonProbe, 'version'>): WheelTag {
  return { interpreter: `py${probe.version[0]}`, abi: 'none', platform: 'any' };
}

/** A pure wheel (platform `any`) installs into purelib; everything else is platlib. */
export function isPureTag(tag: WheelTag): boolean {
  return tag.platform.split('.').every((p) => p === 'any');
}

/**
 * Whether the probed interpreter would plausibly accept the tag. Used only to warn about a
 * `wheel-tag` override; pip's own install during verification is the real judge.
 */
export function tagMatchesProbe(tag: WheelTag, probe: PythonProbe): boolean {
  const own = tagFromProbe(probe);
  const [major, minor] = probe.version;
  const interpreters = new Set([own.interpreter, `py${major}`, `py${major}${minor}`]);
  if (probe.implementation === 'CPython') interpreters.add(`cp${major}`);
  const abis = new Set([own.abi, 'none']);
  if (major === 3) abis.add('abi3');
  const platforms = new Set([own.platform, 'any']);
  return (
    tag.interpreter.split('.').some((i) => interpreters.has(i)) &&
    tag.abi.split('.').some((a) => abis.has(a)) &&
    tag.platform
      .split('.')
      .some((p) => platforms.has(p) || p.endsWith(own.platform.replace(/^linux/, '')))
  );
}
