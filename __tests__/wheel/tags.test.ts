import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  expandTag,
  formatTag,
  isPureTag,
  parseWheelTag,
  tagFromProbe,
  tagMatchesProbe,
  type PythonProbe,
} from '../../src/wheel/tags.js';

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
