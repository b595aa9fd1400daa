import { describe, expect, test } from 'vitest';
import {
  compareVersions,
  describeTargetMaxima,
  maximaOf,
  parseTargetGlibc,
  splitVersion,
  targetFromDefinitions,
} from '../../src/native/glibc-target.js';
import { MANYLINUX_POLICIES } from '../../src/native/manylinux-policy.js';
import { InputError } from '../../src/base/errors.js';

describe('target-glibc', () => {
  test.each([
    [
      'manylinux1',
      'manylinux1 (manylinux_2_5, glibc 2.5)',
      { GLIBC: '2.5', GLIBCXX: '3.4.8', CXXABI: '1.3.1', GCC: '4.2.0' },
    ],
    [
      'manylinux2010',
      'manylinux2010 (manylinux_2_12, glibc 2.12)',
      { GLIBC: '2.12', GLIBCXX: '3.4.13', CXXABI: '1.3.3', GCC: '4.3.0' },
    ],
    [
      'manylinux2014',
      'manylinux2014 (manylinux_2_17, glibc 2.17)',
      { GLIBC: '2.17', GLIBCXX: '3.4.19', CXXABI: '1.3.7', GCC: '4.8.0' },
    ],
    [
      'manylinux_2_17',
      'manylinux_2_17 (glibc 2.17)',
      { GLIBC: '2.17', GLIBCXX: '3.4.19', CXXABI: '1.3.7', GCC: '4.8.0' },
    ],
    [
      'manylinux_2_28',
      'manylinux_2_28 (glibc 2.28)',
      { GLIBC: '2.28', GLIBCXX: '3.4.24', CXXABI: '1.3.11', GCC: '7.0.0' },
    ],
    ['2.31', 'glibc 2.31', { GLIBC: '2.31', GLIBCXX: '3.4.28', CXXABI: '1.3.12', GCC: '7.0.0' }],
    // Between published policies: glibc as given, libstdc++ of the policy below it.
    ['2.23', 'glibc 2.23', { GLIBC: '2.23', GLIBCXX: '3.4.19', CXXABI: '1.3.7', GCC: '4.8.0' }],
    [
      'manylinux_2_30',
      'manylinux_2_30 (glibc 2.30)',
      { GLIBC: '2.30', GLIBCXX: '3.4.24', CXXABI: '1.3.11', GCC: '7.0.0' },
    ],
    ['2.36', 'glibc 2.36', { GLIBC: '2.36', GLIBCXX: '3.4.30', CXXABI: '1.3.13', GCC: '12.0.0' }],
  ])('%s', (value, label, maxima) => {
    const target = parseTargetGlibc(value)!;
    expect(target.label).toBe(label);
    expect(target.maxima).toEqual(maxima);
    expect(target.libraries).toContain('libc.so.6');
    expect(target.libraries).toContain('libstdc++.so.6');
    expect(target.source).toBe('input');
  });

  test('manylinux2014 allows CXXABI_TM_1; manylinux_2_36 allows GLIBC_ABI_DT_RELR', () => {
    expect(parseTargetGlibc('manylinux2014')!.extra).toContain('CXXABI_TM_1');
    expect(parseTargetGlibc('manylinux1')!.extra).toEqual([]);
    expect(parseTargetGlibc('manylinux_2_36')!.extra).toContain('GLIBC_ABI_DT_RELR');
  });

  test('empty means no target', () => {
    expect(parseTargetGlibc('')).toBeUndefined();
    expect(parseTargetGlibc('  ')).toBeUndefined();
  });

  test.each([
    ['2', /neither a glibc version/],
    ['glibc-2.17', /neither a glibc version/],
    ['3.1', /names glibc 3\.1/],
    ['2.4', /names glibc 2\.4/],
    ['manylinux2015', /not a manylinux policy name/],
    ['manylinux_2_17_x86_64', /not a manylinux policy name/],
    ['musllinux_1_2', /neither/],
  ])('bad value %s names the input and the fix', (value, pattern) => {
    let caught: unknown;
    try {
      parseTargetGlibc(value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const error = caught as InputError;
    expect(error.input).toBe('target-glibc');
    expect(error.message).toContain(`"${value}"`);
    expect(error.message).toMatch(pattern);
    expect(error.fix).toMatch(/manylinux2014/);
  });
});

describe('versions', () => {
  test('compare, split and maxima', () => {
    expect(compareVersions('3.4.26', '3.4.3')).toBeGreaterThan(0);
    expect(compareVersions('2.2.5', '2.17')).toBeLessThan(0);
    expect(compareVersions('2.17', '2.17.0')).toBe(0);
    expect(splitVersion('GLIBCXX_3.4.26')).toEqual({ family: 'GLIBCXX', number: '3.4.26' });
    expect(splitVersion('CXXABI_TM_1')).toEqual({ family: 'CXXABI' });
    expect(splitVersion('GLIBC_PRIVATE')).toEqual({ family: 'GLIBC' });
    expect(maximaOf(['GLIBC_2.2.5', 'GLIBC_2.17', 'GLIBC_2.3.4', 'GLIBC_PRIVATE'])).toEqual({
      GLIBC: '2.17',
    });
  });

  test("an image's definitions give the maxima; a missing libstdc++ gives none", () => {
    const withCxx = targetFromDefinitions('the image debian:11', {
      libc: ['GLIBC_2.2.5', 'GLIBC_2.30', 'GLIBC_PRIVATE'],
      libstdcxx: ['GLIBCXX_3.4', 'GLIBCXX_3.4.28', 'CXXABI_1.3.12', 'CXXABI_TM_1'],
      libgcc: ['GCC_3.0', 'GCC_7.0.0'],
    });
    expect(withCxx.maxima).toEqual({
      GLIBC: '2.30',
      GLIBCXX: '3.4.28',
      CXXABI: '1.3.12',
      GCC: '7.0.0',
    });
    expect(withCxx.extra).toEqual(['GLIBC_PRIVATE', 'CXXABI_TM_1']);
    expect(withCxx.source).toBe('image');
    const slim = targetFromDefinitions('slim', { libc: ['GLIBC_2.36'] });
    expect(slim.maxima).toEqual({ GLIBC: '2.36' });
    expect(describeTargetMaxima(slim)).toBe(
      'GLIBC 2.36, GLIBCXX (none), CXXABI (none), GCC (none)',
    );
  });

  test('the policy table runs from manylinux_2_5 upwards and every maximum only grows', () => {
    expect(MANYLINUX_POLICIES[0]!.name).toBe('manylinux_2_5');
    for (let i = 1; i < MANYLINUX_POLICIES.length; i++) {
      const [a, b] = [MANYLINUX_POLICIES[i - 1]!, MANYLINUX_POLICIES[i]!];
      expect(b.glibc[1]).toBeGreaterThan(a.glibc[1]);
      for (const family of ['GLIBC', 'GLIBCXX', 'CXXABI', 'GCC'] as const)
        expect(compareVersions(b.maxima[family], a.maxima[family])).toBeGreaterThanOrEqual(0);
      // zlib and libatomic: none (null) until a policy allows them, then never fewer.
      for (const family of ['ZLIB', 'LIBATOMIC'] as const) {
        const [older, newer] = [a.maxima[family], b.maxima[family]];
        if (older !== null) expect(compareVersions(newer!, older)).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
