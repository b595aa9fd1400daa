/** `target-glibc` and the version helpers word for word: every field, every message, the bounds. */
import { describe, expect, test } from 'vitest';
import {
  compareVersions,
  describeTargetMaxima,
  findPolicy,
  maximaOf,
  parseTargetGlibc,
  splitVersion,
  targetFromDefinitions,
} from '../../src/native/glibc-target.js';
import { MANYLINUX_POLICIES } from '../../src/native/manylinux-policy.js';
import { InputError } from '../../src/base/errors.js';

const policy = (name: string) => MANYLINUX_POLICIES.find((p) => p.name === name)!;
const FIX =
  'give a glibc version such as 2.17 or 2.23, or a manylinux policy: manylinux1, manylinux2010, manylinux2014, or manylinux_2_X (PEP 600, e.g. manylinux_2_28).';

function refusal(value: string): { message: string; input: string | undefined; fix?: string } {
  let caught: unknown;
  try {
    parseTargetGlibc(value);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  const error = caught as InputError;
  return { message: error.message, input: error.input, fix: error.fix };
}

describe('parseTargetGlibc, whole targets', () => {
  test('a policy by alias, by PEP 600 name, padded with spaces', () => {
    const p2014 = policy('manylinux_2_17');
    expect(parseTargetGlibc(' manylinux2014 ')).toEqual({
      label: 'manylinux2014 (manylinux_2_17, glibc 2.17)',
      maxima: { GLIBC: '2.17', GLIBCXX: '3.4.19', CXXABI: '1.3.7', GCC: '4.8.0' },
      extra: ['CXXABI_TM_1'],
      libraries: p2014.libraries,
      source: 'input',
    });
    expect(parseTargetGlibc('manylinux_2_17')!.label).toBe('manylinux_2_17 (glibc 2.17)');
    expect(parseTargetGlibc('manylinux_2_37')).toEqual({
      label: 'manylinux_2_37 (glibc 2.37)',
      maxima: { GLIBC: '2.36', GLIBCXX: '3.4.30', CXXABI: '1.3.13', GCC: '12.0.0' },
      extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
      libraries: policy('manylinux_2_37').libraries,
      source: 'input',
    });
  });

  test('a glibc version or an unpublished manylinux_2_X: GLIBC as given, the rest of the policy below', () => {
    expect(parseTargetGlibc('2.5')).toEqual({
      label: 'glibc 2.5',
      maxima: { GLIBC: '2.5', GLIBCXX: '3.4.8', CXXABI: '1.3.1', GCC: '4.2.0' },
      extra: [],
      libraries: policy('manylinux_2_5').libraries,
      source: 'input',
    });
    expect(parseTargetGlibc('2.11')!.maxima).toEqual({
      GLIBC: '2.11',
      GLIBCXX: '3.4.8',
      CXXABI: '1.3.1',
      GCC: '4.2.0',
    });
    expect(parseTargetGlibc('2.12')!.maxima.GLIBCXX).toBe('3.4.13');
    expect(parseTargetGlibc('2.37')!.maxima).toEqual({
      GLIBC: '2.37',
      GLIBCXX: '3.4.30',
      CXXABI: '1.3.13',
      GCC: '12.0.0',
    });
    expect(parseTargetGlibc('manylinux_2_99')).toEqual({
      label: 'manylinux_2_99 (glibc 2.99)',
      maxima: { GLIBC: '2.99', GLIBCXX: '3.4.33', CXXABI: '1.3.15', GCC: '14.0.0' },
      extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
      libraries: policy('manylinux_2_41').libraries,
      source: 'input',
    });
    expect(parseTargetGlibc('2.10')!.label).toBe('glibc 2.10');
  });

  test('refusals: the exact message, the input and the fix', () => {
    const cases: [string, string][] = [
      ['2', 'is neither a glibc version (X.Y) nor a manylinux policy name.'],
      ['2.17a', 'is neither a glibc version (X.Y) nor a manylinux policy name.'],
      ['v2.17', 'is neither a glibc version (X.Y) nor a manylinux policy name.'],
      ['2.17.1', 'is neither a glibc version (X.Y) nor a manylinux policy name.'],
      ['linux-manylinux_2_17', 'is neither a glibc version (X.Y) nor a manylinux policy name.'],
      ['xmanylinux_2_17', 'is neither a glibc version (X.Y) nor a manylinux policy name.'],
      [
        'manylinux_2_17_x86_64',
        'is not a manylinux policy name (manylinux1, manylinux2010, manylinux2014, manylinux_X_Y).',
      ],
      [
        'manylinux_2',
        'is not a manylinux policy name (manylinux1, manylinux2010, manylinux2014, manylinux_X_Y).',
      ],
      ['2.4', 'names glibc 2.4; glibc versions are 2.5 to 2.99.'],
      ['2.100', 'names glibc 2.100; glibc versions are 2.5 to 2.99.'],
      ['1.5', 'names glibc 1.5; glibc versions are 2.5 to 2.99.'],
      ['3.5', 'names glibc 3.5; glibc versions are 2.5 to 2.99.'],
      ['manylinux_3_17', 'names glibc 3.17; glibc versions are 2.5 to 2.99.'],
      ['manylinux_2_4', 'names glibc 2.4; glibc versions are 2.5 to 2.99.'],
      ['manylinux_12_5', 'names glibc 12.5; glibc versions are 2.5 to 2.99.'],
      ['12.5', 'names glibc 12.5; glibc versions are 2.5 to 2.99.'],
    ];
    for (const [value, problem] of cases) {
      expect(refusal(value)).toEqual({
        message: `target-glibc "${value}" ${problem}`,
        input: 'target-glibc',
        fix: FIX,
      });
    }
    expect(parseTargetGlibc('2.99')!.label).toBe('glibc 2.99');
  });

  test('findPolicy by PEP 600 name or legacy alias only', () => {
    expect(findPolicy('manylinux1')).toBe(policy('manylinux_2_5'));
    expect(findPolicy('manylinux2010')).toBe(policy('manylinux_2_12'));
    expect(findPolicy('manylinux_2_28')).toBe(policy('manylinux_2_28'));
    expect(findPolicy('manylinux_2_30')).toBeUndefined();
    expect(findPolicy('2.17')).toBeUndefined();
  });
});

describe('versions', () => {
  test('compareVersions gives the first difference; missing parts are 0', () => {
    expect(compareVersions('3.4.26', '3.4.3')).toBe(23);
    expect(compareVersions('2.2.5', '2.17')).toBe(-15);
    expect(compareVersions('2.17', '2.17.1')).toBe(-1);
    expect(compareVersions('2.17.2', '2.17')).toBe(2);
    expect(compareVersions('3', '2.99')).toBe(1);
    expect(compareVersions('2.17', '2.17.0')).toBe(0);
    expect(compareVersions('1.3.10', '1.3.9')).toBe(1);
  });

  test('splitVersion: a family and a dotted number, or the family before the first underscore', () => {
    expect(splitVersion('GLIBC_2.2.5')).toEqual({ family: 'GLIBC', number: '2.2.5' });
    expect(splitVersion('GCC_7')).toEqual({ family: 'GCC', number: '7' });
    expect(splitVersion('GCC_12.0.0')).toEqual({ family: 'GCC', number: '12.0.0' });
    expect(splitVersion('LIB2X_1.0')).toEqual({ family: 'LIB2X', number: '1.0' });
    expect(splitVersion('GLIBC_ABI_DT_RELR')).toEqual({ family: 'GLIBC' });
    expect(splitVersion('CXXABI_FLOAT128')).toEqual({ family: 'CXXABI' });
    expect(splitVersion('GLIBC_2.17x')).toEqual({ family: 'GLIBC' });
    expect(splitVersion('GLIBC_2.')).toEqual({ family: 'GLIBC' });
    expect(splitVersion('GLIBC_.2')).toEqual({ family: 'GLIBC' });
    expect(splitVersion('glibc_2.17')).toEqual({ family: 'glibc' });
    expect(splitVersion('2X_1.0')).toEqual({ family: '2X' });
    expect(splitVersion('_1.0')).toEqual({ family: '_1.0' });
    expect(splitVersion('libfoo.so.1')).toEqual({ family: 'libfoo.so.1' });
    expect(splitVersion('A_1.0.0.0')).toEqual({ family: 'A', number: '1.0.0.0' });
  });

  test('maximaOf keeps the first of equal versions, whatever the order', () => {
    expect(maximaOf(['GLIBC_2.3', 'GLIBC_2.17', 'ZLIB_1.2.9', 'GLIBC_PRIVATE'])).toEqual({
      GLIBC: '2.17',
      ZLIB: '1.2.9',
    });
    expect(maximaOf(['GLIBC_2.17', 'GLIBC_2.3'])).toEqual({ GLIBC: '2.17' });
    expect(maximaOf(['GLIBC_2.17', 'GLIBC_2.17.0'])).toEqual({ GLIBC: '2.17' });
    expect(maximaOf([])).toEqual({});
  });

  test("an image's target: the four families only, every non-numbered version, no libraries", () => {
    expect(
      targetFromDefinitions('the image x', {
        libc: ['GLIBC_2.2.5', 'GLIBC_2.28', 'GLIBC_PRIVATE'],
        libgcc: ['GCC_3.0', 'GCC_4.2.0'],
      }),
    ).toStrictEqual({
      label: 'the image x',
      maxima: { GLIBC: '2.28', GCC: '4.2.0' },
      extra: ['GLIBC_PRIVATE'],
      libraries: [],
      source: 'image',
    });
    const full = targetFromDefinitions('y', {
      libc: ['GLIBC_2.36', 'ZLIB_1.2.9'],
      libstdcxx: ['GLIBCXX_3.4.30', 'CXXABI_1.3.13', 'CXXABI_TM_1'],
    });
    expect(full.maxima).toStrictEqual({ GLIBC: '2.36', GLIBCXX: '3.4.30', CXXABI: '1.3.13' });
    expect(full.extra).toEqual(['CXXABI_TM_1']);
    expect(describeTargetMaxima(full)).toBe(
      'GLIBC 2.36, GLIBCXX 3.4.30, CXXABI 1.3.13, GCC (none)',
    );
  });
});
