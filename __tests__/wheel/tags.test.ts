import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import {
  expandTag,
  formatTag,
  isPureTag,
  parseWheelTag,
  pureTag,
  tagFromProbe,
  tagMatchesProbe,
  type PythonProbe,
} from '../../src/wheel/tags.js';
import { thrownInputError } from '../helpers/input-error.js';

function probe(overrides: Partial<PythonProbe>): PythonProbe {
  return {
    executable: '/usr/bin/python',
    version: [3, 11, 7],
    implementation: 'CPython',
    soabi: 'cpython-311-x86_64-linux-gnu',
    extSuffix: '.cpython-311-x86_64-linux-gnu.so',
    pyDebug: false,
    withPymalloc: false,
    maxUnicode: 0x10ffff,
    platform: 'linux-x86_64',
    pointerBits: 64,
    pipVersion: '23.2.1',
    include: '/usr/include/python3.11',
    ...overrides,
  };
}

// Probe outputs as the real interpreters print them (2.7 has no SOABI; 3.6 keeps the "m").
const PROBES: [string, Partial<PythonProbe>, string][] = [
  [
    'CPython 2.7 UCS4 (anaconda2, pyenv)',
    { version: [2, 7, 18], soabi: null, withPymalloc: true },
    'cp27-cp27mu-linux_x86_64',
  ],
  [
    'CPython 2.7 UCS2',
    { version: [2, 7, 18], soabi: null, withPymalloc: true, maxUnicode: 0xffff },
    'cp27-cp27m-linux_x86_64',
  ],
  [
    'CPython 2.7 debug',
    { version: [2, 7, 18], soabi: null, withPymalloc: true, pyDebug: true },
    'cp27-cp27dmu-linux_x86_64',
  ],
  [
    'CPython 3.6',
    { version: [3, 6, 15], soabi: 'cpython-36m-x86_64-linux-gnu', withPymalloc: true },
    'cp36-cp36m-linux_x86_64',
  ],
  ['CPython 3.11', {}, 'cp311-cp311-linux_x86_64'],
  [
    'CPython 3.13 debug',
    { version: [3, 13, 0], soabi: 'cpython-313d-x86_64-linux-gnu' },
    'cp313-cp313d-linux_x86_64',
  ],
  [
    'PyPy 3.9',
    { implementation: 'PyPy', version: [3, 9, 16], soabi: 'pypy39-pp73-x86_64-linux-gnu' },
    'pp39-pypy39_pp73-linux_x86_64',
  ],
  ['32-bit python on a 64-bit kernel', { pointerBits: 32 }, 'cp311-cp311-linux_i686'],
  ['aarch64', { platform: 'linux-aarch64' }, 'cp311-cp311-linux_aarch64'],
];

describe('tags from the probe', () => {
  it.each(PROBES)('%s -> %s', (_name, overrides, expected) => {
    expect(formatTag(tagFromProbe(probe(overrides)))).toBe(expected);
  });

  it('a pure tree: py3-none-any on 3.x (PyPy too), py2-none-any on 2.7', () => {
    expect(formatTag(pureTag(probe({})))).toBe('py3-none-any');
    expect(formatTag(pureTag(probe({ implementation: 'PyPy', version: [3, 9, 16] })))).toBe(
      'py3-none-any',
    );
    expect(formatTag(pureTag(probe({ version: [2, 7, 18] })))).toBe('py2-none-any');
    expect(isPureTag(pureTag(probe({})))).toBe(true);
  });

  it('refuses interpreters it cannot tag', () => {
    expect(() => tagFromProbe(probe({ implementation: 'Jython' }))).toThrow(InputError);
  });
});

describe('wheel-tag override', () => {
  it('parses and expands compressed tag sets', () => {
    const tag = parseWheelTag('py2.py3-none-any');
    expect(expandTag(tag)).toEqual(['py2-none-any', 'py3-none-any']);
    expect(isPureTag(tag)).toBe(true);
    expect(isPureTag(parseWheelTag('cp27-cp27mu-linux_x86_64'))).toBe(false);
  });

  it.each(['py2-none', 'py2--any', 'py2-none-any-x', 'py 2-none-any', 'cp27/x-none-any'])(
    'refuses %j',
    (raw) => {
      expect(() => parseWheelTag(raw)).toThrow(InputError);
    },
  );

  it('tells which overrides fit the interpreter', () => {
    const py27 = probe({ version: [2, 7, 18], soabi: null, withPymalloc: true });
    expect(tagMatchesProbe(parseWheelTag('py2-none-any'), py27)).toBe(true);
    expect(tagMatchesProbe(parseWheelTag('cp27-cp27mu-linux_x86_64'), py27)).toBe(true);
    expect(tagMatchesProbe(parseWheelTag('cp36-cp36m-linux_x86_64'), py27)).toBe(false);
    expect(tagMatchesProbe(parseWheelTag('py3-none-any'), py27)).toBe(false);
    expect(tagMatchesProbe(parseWheelTag('cp311-abi3-linux_x86_64'), probe({}))).toBe(true);
  });
});

describe('tags from the probe, exactly', () => {
  it('refuses another interpreter naming the python input and the fix', () => {
    const error = thrownInputError(() => tagFromProbe(probe({ implementation: 'IronPython' })));
    expect(error.message).toBe('the IronPython interpreter is not supported.');
    expect(error.input).toBe('python');
    expect(error.fix).toBe('use CPython or PyPy, or set `wheel-tag` explicitly.');
  });

  it.each<[string, Partial<PythonProbe>, string]>([
    ['implementation in any case', { implementation: 'cpython' }, 'cp311-cp311-linux_x86_64'],
    [
      'PyPy in any case',
      { implementation: 'PYPY', version: [3, 10, 14], soabi: 'pypy310-pp73-x86_64-linux-gnu' },
      'pp310-pypy310_pp73-linux_x86_64',
    ],
    [
      'PyPy with a dotted SOABI',
      { implementation: 'PyPy', version: [3, 7, 13], soabi: 'pypy3.7-pp73-x86_64-linux-gnu' },
      'pp37-pypy3_7_pp73-linux_x86_64',
    ],
    [
      'PyPy 2.7 without SOABI',
      { implementation: 'PyPy', version: [2, 7, 18], soabi: null },
      'pp27-none-linux_x86_64',
    ],
    [
      'CPython 2.7 without pymalloc, UCS2',
      { version: [2, 7, 18], soabi: null, maxUnicode: 0xffff },
      'cp27-cp27-linux_x86_64',
    ],
    [
      'CPython 2.7 with a 0x10fffe maxunicode',
      { version: [2, 7, 18], soabi: null, maxUnicode: 0x10fffe },
      'cp27-cp27-linux_x86_64',
    ],
    [
      'CPython 3.2 without SOABI (UCS4 flag still counts)',
      { version: [3, 2, 5], soabi: null, withPymalloc: true },
      'cp32-cp32mu-linux_x86_64',
    ],
    [
      'CPython 3.3 without SOABI (no UCS4 flag from 3.3 on)',
      { version: [3, 3, 7], soabi: null, withPymalloc: true },
      'cp33-cp33m-linux_x86_64',
    ],
    [
      'CPython 4.0 without SOABI',
      { version: [4, 0, 0], soabi: null, pyDebug: true },
      'cp40-cp40d-linux_x86_64',
    ],
    ['CPython 1.2 without SOABI', { version: [1, 2, 0], soabi: null }, 'cp12-cp12-linux_x86_64'],
    [
      'a SOABI that is not cpython-*',
      { version: [3, 11, 7], soabi: 'xcpython-311-x86_64', withPymalloc: true },
      'cp311-cp311m-linux_x86_64',
    ],
    [
      'an empty SOABI',
      { version: [2, 7, 18], soabi: '', withPymalloc: true },
      'cp27-cp27mu-linux_x86_64',
    ],
    [
      '32-bit on aarch64',
      { platform: 'linux-aarch64', pointerBits: 32 },
      'cp311-cp311-linux_armv7l',
    ],
    ['32-bit on armv7l', { platform: 'linux-armv7l', pointerBits: 32 }, 'cp311-cp311-linux_armv7l'],
    ['32-bit i686', { platform: 'linux-i686', pointerBits: 32 }, 'cp311-cp311-linux_i686'],
    ['64-bit on 64', { platform: 'linux-x86_64', pointerBits: 64 }, 'cp311-cp311-linux_x86_64'],
    ['an upper-case platform', { platform: 'Linux-X86_64' }, 'cp311-cp311-linux_x86_64'],
    ['a dotted platform', { platform: 'macosx-10.9-x86_64' }, 'cp311-cp311-macosx_10_9_x86_64'],
  ])('%s -> %s', (_name, overrides, expected) => {
    expect(formatTag(tagFromProbe(probe(overrides)))).toBe(expected);
  });
});

describe('the wheel-tag grammar, exactly', () => {
  it('trims the input and reads the three parts', () => {
    expect(parseWheelTag(' \tpy2.py3-none-any\n')).toEqual({
      interpreter: 'py2.py3',
      abi: 'none',
      platform: 'any',
    });
    expect(parseWheelTag('a-b-c')).toEqual({ interpreter: 'a', abi: 'b', platform: 'c' });
    expect(parseWheelTag('A_1.b-C_2-d.E_3')).toEqual({
      interpreter: 'A_1.b',
      abi: 'C_2',
      platform: 'd.E_3',
    });
  });

  it('refuses naming the input, the value as given and the fix', () => {
    const error = thrownInputError(() => parseWheelTag(' py2-none '));
    expect(error.message).toBe('" py2-none " is not a wheel tag.');
    expect(error.input).toBe('wheel-tag');
    expect(error.fix).toBe(
      'write it as <python>-<abi>-<platform>, e.g. cp36-cp36m-linux_x86_64 or py2-none-any.',
    );
    expect(thrownInputError(() => parseWheelTag('x', 'other-tag')).input).toBe('other-tag');
  });

  it.each([
    '',
    '--',
    '-none-any',
    'py3-none-',
    '.py3-none-any',
    'py3.-none-any',
    'py3-.none-any',
    'py3-none-any.',
    'py3-none-any!',
    '!py3-none-any',
    'py3-no!ne-any',
    'py3-none-any-',
    'py3-none-any-linux',
    'py3-none-a\nny',
    'py3—none—any',
  ])('refuses %j', (raw) => {
    expect(() => parseWheelTag(raw)).toThrow(InputError);
  });

  it('expands a compressed set in order: python, then abi, then platform', () => {
    expect(expandTag(parseWheelTag('py2.py3-cp27.abi3-x.y'))).toEqual([
      'py2-cp27-x',
      'py2-cp27-y',
      'py2-abi3-x',
      'py2-abi3-y',
      'py3-cp27-x',
      'py3-cp27-y',
      'py3-abi3-x',
      'py3-abi3-y',
    ]);
    expect(expandTag(parseWheelTag('py3-none-any'))).toEqual(['py3-none-any']);
  });

  it('calls a tag pure only when every platform is any', () => {
    expect(isPureTag(parseWheelTag('py3-none-any.any'))).toBe(true);
    expect(isPureTag(parseWheelTag('py3-none-any.linux_x86_64'))).toBe(false);
    expect(isPureTag(parseWheelTag('py3-none-linux_x86_64.any'))).toBe(false);
    expect(isPureTag(parseWheelTag('py3-none-anything'))).toBe(false);
  });
});

describe('which wheel-tag overrides fit the interpreter, exactly', () => {
  const cp311 = probe({});
  const cp27 = probe({ version: [2, 7, 18], soabi: null, withPymalloc: true });
  const pp39 = probe({
    implementation: 'PyPy',
    version: [3, 9, 16],
    soabi: 'pypy39-pp73-x86_64-linux-gnu',
  });
  const fits = (tag: string, p: PythonProbe): boolean => tagMatchesProbe(parseWheelTag(tag), p);

  it.each<[string, PythonProbe, boolean]>([
    // interpreters: its own, pyN, pyNM, and cpN for CPython only
    ['cp311-none-any', cp311, true],
    ['py3-none-any', cp311, true],
    ['py311-none-any', cp311, true],
    ['cp3-none-any', cp311, true],
    ['py2-none-any', cp311, false],
    ['py31-none-any', cp311, false],
    ['cp310-none-any', cp311, false],
    ['pp39-none-any', pp39, true],
    ['py3-none-any', pp39, true],
    ['py39-none-any', pp39, true],
    ['cp3-none-any', pp39, false],
    ['cp39-none-any', pp39, false],
    ['cp2-none-any', cp27, true],
    ['py27-none-any', cp27, true],
    // abis: its own, none, and abi3 on Python 3 only
    ['cp311-cp311-any', cp311, true],
    ['cp311-abi3-any', cp311, true],
    ['cp311-cp310-any', cp311, false],
    ['cp27-cp27mu-any', cp27, true],
    ['cp27-abi3-any', cp27, false],
    ['cp27-cp27m-any', cp27, false],
    ['pp39-pypy39_pp73-any', pp39, true],
    // platforms: its own, any, and the tags ending in its machine (manylinux, musllinux)
    ['py3-none-linux_x86_64', cp311, true],
    ['py3-none-manylinux_2_17_x86_64', cp311, true],
    ['py3-none-manylinux1_x86_64', cp311, true],
    ['py3-none-manylinux_2_17_aarch64', cp311, false],
    ['py3-none-linux_aarch64', cp311, false],
    ['py3-none-win_amd64', cp311, false],
    ['py3-none-x86_64', cp311, false],
    ['py3-none-linux_x86_64x', cp311, false],
    // a compressed set fits when any of its parts fits, part by part
    ['py2.py3-none-any', cp311, true],
    ['py3.py2-none-any', cp311, true],
    ['py2.cp36-none-any', cp311, false],
    ['py3-cp36m.none-any', cp311, true],
    ['py3-cp36m.cp37m-any', cp311, false],
    ['py3-none-win32.any', cp311, true],
    ['py3-none-any.win32', cp311, true],
    ['py3-none-win32.macosx_11_0_arm64', cp311, false],
    // one part alone never makes a tag fit
    ['py2-cp311-linux_x86_64', cp311, false],
    ['cp311-cp27mu-linux_x86_64', cp311, false],
    ['cp311-cp311-win_amd64', cp311, false],
  ])('%s on %#', (tag, p, expected) => {
    expect(fits(tag, p)).toBe(expected);
  });

  it('takes only a leading "linux" off its own platform to find the machine', () => {
    const odd = probe({ platform: 'solaris-linux-x86_64' });
    expect(fits('py3-none-solaris_linux_x86_64', odd)).toBe(true);
    expect(fits('py3-none-xsolaris_linux_x86_64', odd)).toBe(true);
    expect(fits('py3-none-solaris__x86_64', odd)).toBe(false);
    expect(fits('py3-none-manylinux_2_17_x86_64', odd)).toBe(false);
  });

  it('matches the machine of an aarch64 interpreter, not of x86_64', () => {
    const arm = probe({ platform: 'linux-aarch64' });
    expect(fits('py3-none-manylinux2014_aarch64', arm)).toBe(true);
    expect(fits('py3-none-manylinux2014_x86_64', arm)).toBe(false);
  });
});
