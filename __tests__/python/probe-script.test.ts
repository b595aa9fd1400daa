// The probe (src/python/probe-script.ts) run by a real interpreter, each value checked against the
// interpreter's own answer to the plain question, asked in a separate process. Light (two python
// starts): the mutation group `pythonplans` runs it for every mutant of the script. The fallbacks
// of 2.7 and PyPy are proven by probe-tags.test.ts and discover.test.ts on every interpreter.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/exec/local.js';
import { PythonError } from '../../src/base/errors.js';
import { describeProbe, parseProbeOutput, probePython, tryProbe } from '../../src/python/probe.js';
import type { PythonProbe } from '../../src/wheel/tags.js';
import { defaultPython3, runPython } from '../helpers/python.js';

// Each answer the simplest way this interpreter gives it (no fallbacks: the version is known).
const ORACLE = String.raw`
import json, os, platform, struct, sys, sysconfig
py3 = sys.version_info[0] >= 3
if py3:
    import importlib.machinery
    suffixes = list(importlib.machinery.EXTENSION_SUFFIXES)
    from pip._internal.utils.compatibility_tags import get_supported
    libc = os.confstr("CS_GNU_LIBC_VERSION")
else:
    import imp
    suffixes = [s[0] for s in imp.get_suffixes() if s[2] == imp.C_EXTENSION]
    from pip._internal.pep425tags import get_supported
    libc = "%s %s" % platform.libc_ver()
import pip
print(json.dumps({
    "executable": sys.executable,
    "version": list(sys.version_info[:3]),
    "implementation": platform.python_implementation(),
    "soabi": sysconfig.get_config_var("SOABI"),
    "extSuffix": sysconfig.get_config_var("EXT_SUFFIX") or sysconfig.get_config_var("SO"),
    "pyDebug": hasattr(sys, "gettotalrefcount"),
    "withPymalloc": bool(sysconfig.get_config_var("WITH_PYMALLOC")),
    "maxUnicode": sys.maxunicode,
    "platform": sysconfig.get_platform(),
    "pointerBits": struct.calcsize("P") * 8,
    "pipVersion": pip.__version__,
    "include": sysconfig.get_paths()["include"],
    "extensionSuffixes": suffixes,
    "supportedTags": [str(t) if not isinstance(t, tuple) else "-".join(t) for t in get_supported()],
    "libc": libc,
}))
`;

const executor = new LocalExecutor(process.env);
const dir = mkdtempSync(join(tmpdir(), 'probe-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the probe script, run by the interpreter it describes', () => {
  it('the default python3: one marked line, every field what the interpreter says itself', async () => {
    const python = defaultPython3();
    const expected = JSON.parse(runPython(python, ORACLE)) as Record<string, unknown>;
    const probe = await probePython(executor, python);
    expect(probe).toEqual(expected);
    expect(probe.version[0]).toBe(3);
    expect(probe.supportedTags!.length).toBeGreaterThan(10);
    expect(probe.extensionSuffixes).toContain('.so');
    expect(probe.libc).toMatch(/^glibc 2\.\d+$/);
  });
});

describe("reading the probe's line (pure)", () => {
  const probe = {
    version: [3, 6, 15],
    implementation: 'CPython',
    executable: '/opt/py/bin/python',
  };
  const line = `ALGORITHMIA-WHEEL-PROBE ${JSON.stringify(probe)}`;

  it('finds the marked line among whatever else the interpreter printed', () => {
    expect(parseProbeOutput(line)).toEqual(probe);
    expect(parseProbeOutput(`sitecustomize says hi\n${line}\nbye\n`)).toEqual(probe);
    expect(describeProbe(probe as PythonProbe)).toBe('CPython 3.6.15 at /opt/py/bin/python');
  });

  it('nothing without the marker, with broken JSON, or without version and implementation', () => {
    expect(parseProbeOutput('')).toBeUndefined();
    expect(parseProbeOutput(JSON.stringify(probe))).toBeUndefined();
    expect(parseProbeOutput(`x ${line}`)).toBeUndefined();
    expect(parseProbeOutput('ALGORITHMIA-WHEEL-PROBE {"version": [3,')).toBeUndefined();
    expect(parseProbeOutput('ALGORITHMIA-WHEEL-PROBE null')).toBeUndefined();
    expect(
      parseProbeOutput(`ALGORITHMIA-WHEEL-PROBE ${JSON.stringify({ ...probe, version: '3.6' })}`),
    ).toBeUndefined();
    expect(
      parseProbeOutput(
        `ALGORITHMIA-WHEEL-PROBE ${JSON.stringify({ ...probe, implementation: 3 })}`,
      ),
    ).toBeUndefined();
  });
});

describe('a program that is not python', () => {
  it('succeeding without the line, or failing: one error naming the input and the fix', async () => {
    const messages: [string, string | undefined][] = [];
    for (const program of ['/bin/true', '/bin/echo']) {
      const error = await probePython(executor, program).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PythonError);
      const e = error as PythonError;
      messages.push([e.describe(), e.details]);
    }
    const fix = 'Fix: point `python` at a python executable, or give a version such as 2.7 or 3.6.';
    expect(messages[0]).toEqual([
      `Input 'python': "/bin/true" is not a working Python interpreter (on this machine). ${fix}`,
      undefined,
    ]);
    // What the program printed instead (echo: its arguments, the script), trimmed.
    expect(messages[1]![0]).toBe(
      `Input 'python': "/bin/echo" is not a working Python interpreter (on this machine). ${fix}`,
    );
    expect(messages[1]![1]).toMatch(/^-s -c \nimport json, os, platform, struct, sys, sysconfig\n/);
    expect(messages[1]![1]).toMatch(/"libc": libc,\n}\)\)$/);
    // A probe line from a program that then fails is not trusted: what it printed is the reason.
    const fake = join(dir, 'fails-after-probe');
    const line = 'ALGORITHMIA-WHEEL-PROBE {"version": [3, 6, 0], "implementation": "CPython"}';
    writeFileSync(fake, `#!/bin/sh\necho '${line}'\nexit 3\n`, { mode: 0o755 });
    expect(await tryProbe(executor, fake)).toEqual({ stderr: `${line}\n` });
    const failed = await tryProbe(executor, '/bin/false');
    expect(failed).toEqual({ stderr: '' });
    const ls = await tryProbe(executor, '/bin/ls');
    expect(ls.probe).toBeUndefined();
    expect(ls.stderr).toMatch(/^\/bin\/ls: (invalid option|cannot access)/);
  });
});
