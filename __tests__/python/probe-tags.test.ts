// The probe reports the tags the interpreter's pip installs, in-process, so verification needs no
// separate pip call: the list must be exactly what that pip gives, on every interpreter we meet
// (pip 19 on 2.7, pip 18 on 3.6, pip 23/24 on 3.11/3.13, PyPy), and without pip the separate call
// still runs and fails clearly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VerifyError } from '../../src/base/errors.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log/log.js';
import { probePython } from '../../src/python/probe.js';
import { installWheel } from '../../src/python/verify-install.js';
import { defaultPython3, pyenvPython, pypy3, runPython } from '../helpers/python.js';

const dir = mkdtempSync(join(tmpdir(), 'probe-tags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const executor = new LocalExecutor(process.env);

// The oracle names the module each pip keeps its list in, independently of the probe's fallbacks.
const cases: [string, () => string, string][] = [
  ['2.7 (pip 19)', () => pyenvPython('2.7.18'), 'pip._internal.pep425tags'],
  ['3.6 (pip 18)', () => pyenvPython('3.6.15'), 'pip._internal.pep425tags'],
  ['3.11 (pip 23)', defaultPython3, 'pip._internal.utils.compatibility_tags'],
  ['3.13 (pip 24)', () => pyenvPython('3.13.0'), 'pip._internal.utils.compatibility_tags'],
  ['pypy3', pypy3, 'pip._internal.utils.compatibility_tags'],
];

describe('the probe reports the supported tags itself', () => {
  it.each(cases)('%s: exactly what a separate call of its pip gives', async (_, python, module) => {
    const interpreter = python();
    const probe = await probePython(executor, interpreter);
    const oracle = runPython(
      interpreter,
      `from ${module} import get_supported\nfor t in get_supported(): print(t if not isinstance(t, tuple) else "-".join(t))`,
    )
      .split('\n')
      .filter(Boolean);
    expect(oracle.length).toBeGreaterThan(10);
    expect(probe.supportedTags).toEqual(oracle);
  });

  it.each(cases)(
    '%s: reports its C library too (the receipt needs no python start)',
    async (_, python) => {
      const interpreter = python();
      const probe = await probePython(executor, interpreter);
      const oracle = runPython(
        interpreter,
        // 2.7 has no CS_GNU_LIBC_VERSION: platform.libc_ver(), as the receipt's own lookup does.
        'import os, platform\ntry:\n    v = os.confstr("CS_GNU_LIBC_VERSION")\nexcept Exception:\n    v = "%s %s" % platform.libc_ver()\nprint(v)',
      ).trim();
      expect(oracle).toMatch(/^glibc \d+\.\d+/);
      expect(probe.libc).toBe(oracle);
    },
  );

  it('without pip the probe still works (no tags), and verification asks pip itself, failing clearly', async () => {
    const venv = join(dir, 'nopip');
    execFileSync(defaultPython3(), ['-m', 'venv', '--without-pip', venv]);
    const python = join(venv, 'bin', 'python');
    const probe = await probePython(executor, python);
    expect(probe.version[0]).toBe(3);
    expect(probe.pipVersion).toBeNull();
    expect(probe.supportedTags).toBeNull();
    const wheel = join(dir, 'x-1.0-py3-none-any.whl');
    writeFileSync(wheel, 'not used');
    const error = await installWheel({
      executor,
      python,
      wheelPath: wheel,
      tags: ['py3-none-any'],
      supportedTags: probe.supportedTags,
      imports: [],
      workDir: join(dir, 'verify'),
      log: new MemoryLog(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerifyError);
    expect((error as VerifyError).input).toBe('python');
    expect((error as VerifyError).message).toContain('has no working pip');
  });
});
