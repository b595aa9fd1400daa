/**
 * The runtime a wheel must load on (`target-glibc`): a glibc version or a manylinux policy, or
 * what an image's own libc.so.6 and libstdc++.so.6 define. Pure: parsing and table look-ups.
 */
import { InputError } from '../base/errors.js';
import {
  MANYLINUX_POLICIES,
  RUNTIME_FAMILIES,
  type ManylinuxPolicy,
  type RuntimeFamily,
} from './manylinux-policy.js';

export interface RuntimeTarget {
  /** For messages: "glibc 2.31", "manylinux2014 (glibc 2.17)", "the image debian:11". */
  label: string;
  /**
   * Highest version per family; a family without a maximum is not provided at all. Only glibc's,
   * libstdc++'s and libgcc_s's: an image's zlib is not read, so ZLIB_ needs are not checked here.
   */
  maxima: Partial<Record<RuntimeFamily, string>>;
  /** Versions without a number that the runtime provides (CXXABI_TM_1, GLIBC_ABI_DT_RELR...). */
  extra: readonly string[];
  /** SONAMEs the runtime provides, which bundle-libs leaves out (empty for an image target). */
  libraries: readonly string[];
  /** Where it came from: the input, or read from the image. */
  source: 'input' | 'image';
}

const POLICY_NAME = /^manylinux_(\d+)_(\d+)$/;
const GLIBC_VERSION = /^(\d+)\.(\d+)$/;

/** Compares dotted version numbers ("3.4.26" < "3.4.30"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  // Stryker disable next-line EqualityOperator: one more round compares 0 with 0 and returns 0
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The policy named `name` (PEP 600 name or legacy alias), if it is in the table. */
export function findPolicy(name: string): ManylinuxPolicy | undefined {
  return MANYLINUX_POLICIES.find((p) => p.name === name || p.aliases.includes(name));
}

/** The newest published policy whose glibc is at most `glibc` (X.Y). */
function policyAtOrBelow(glibc: string): ManylinuxPolicy | undefined {
  let found: ManylinuxPolicy | undefined;
  for (const policy of MANYLINUX_POLICIES) {
    if (compareVersions(policy.glibc.join('.'), glibc) <= 0) found = policy;
  }
  return found;
}

function fromPolicy(policy: ManylinuxPolicy, label: string, glibc?: string): RuntimeTarget {
  return {
    label,
    maxima: {
      GLIBC: glibc ?? policy.maxima.GLIBC,
      GLIBCXX: policy.maxima.GLIBCXX,
      CXXABI: policy.maxima.CXXABI,
      GCC: policy.maxima.GCC,
    },
    extra: policy.extra,
    libraries: policy.libraries,
    source: 'input',
  };
}

function bad(value: string, problem: string): InputError {
  return new InputError(`target-glibc "${value}" ${problem}`, {
    input: 'target-glibc',
    fix: 'give a glibc version such as 2.17 or 2.23, or a manylinux policy: manylinux1, manylinux2010, manylinux2014, or manylinux_2_X (PEP 600, e.g. manylinux_2_28).',
  });
}

/**
 * Parses `target-glibc`. A glibc version X.Y means PEP 600's manylinux_X_Y: GLIBC_* up to X.Y,
 * and GLIBCXX/CXXABI/GCC up to the newest published policy whose glibc is at most X.Y (the
 * libstdc++ that came with that glibc generation). Empty: undefined (no target).
 */
export function parseTargetGlibc(raw: string): RuntimeTarget | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const policy = findPolicy(value);
  if (policy) {
    const glibc = policy.glibc.join('.');
    const label =
      value === policy.name
        ? `${value} (glibc ${glibc})`
        : `${value} (${policy.name}, glibc ${glibc})`;
    return fromPolicy(policy, label);
  }
  const match = POLICY_NAME.exec(value) ?? GLIBC_VERSION.exec(value);
  if (!match) {
    if (/^manylinux/.test(value))
      throw bad(
        value,
        'is not a manylinux policy name (manylinux1, manylinux2010, manylinux2014, manylinux_X_Y).',
      );
    throw bad(value, 'is neither a glibc version (X.Y) nor a manylinux policy name.');
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  if (major !== 2 || minor < 5 || minor > 99) {
    throw bad(value, `names glibc ${major}.${minor}; glibc versions are 2.5 to 2.99.`);
  }
  const glibc = `${major}.${minor}`;
  const below = policyAtOrBelow(glibc)!;
  const label = POLICY_NAME.test(value) ? `${value} (glibc ${glibc})` : `glibc ${glibc}`;
  return fromPolicy(below, label, glibc);
}

/** Splits "GLIBCXX_3.4.26" into its family and number; non-numbered versions give no number. */
export function splitVersion(version: string): { family: string; number?: string } {
  const m = /^([A-Z][A-Z0-9]*?)_(\d+(?:\.\d+)*)$/.exec(version);
  if (m) return { family: m[1]!, number: m[2]! };
  const underscore = version.indexOf('_');
  return { family: underscore > 0 ? version.slice(0, underscore) : version };
}

/** The highest numbered version per family among `versions` (e.g. a library's definitions). */
export function maximaOf(versions: readonly string[]): Partial<Record<string, string>> {
  const maxima: Partial<Record<string, string>> = {};
  for (const version of versions) {
    const { family, number } = splitVersion(version);
    if (number === undefined) continue;
    const current = maxima[family];
    if (current === undefined || compareVersions(number, current) > 0) maxima[family] = number;
  }
  return maxima;
}

/**
 * The target an image provides: the versions its libc.so.6 defines (GLIBC_*), its
 * libstdc++.so.6 (GLIBCXX_*, CXXABI_*) and its libgcc_s.so.1 (GCC_*). A library the image does
 * not have (no libstdc++ in a slim image) provides no version of its families.
 */
export function targetFromDefinitions(
  label: string,
  defs: { libc: readonly string[]; libstdcxx?: readonly string[]; libgcc?: readonly string[] },
): RuntimeTarget {
  const all = [...defs.libc, ...(defs.libstdcxx ?? []), ...(defs.libgcc ?? [])];
  const found = maximaOf(all);
  const maxima: Partial<Record<RuntimeFamily, string>> = {};
  for (const family of RUNTIME_FAMILIES) {
    if (found[family] !== undefined) maxima[family] = found[family];
  }
  return {
    label,
    maxima,
    extra: all.filter((v) => splitVersion(v).number === undefined),
    libraries: [],
    source: 'image',
  };
}

/** "GLIBC 2.31, GLIBCXX 3.4.28, CXXABI 1.3.12, GCC 7.0.0" for the log. */
export function describeTargetMaxima(target: RuntimeTarget): string {
  return RUNTIME_FAMILIES.map((f) => `${f} ${target.maxima[f] ?? '(none)'}`).join(', ');
}
