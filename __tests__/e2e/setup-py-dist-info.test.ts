// setup.py projects whose python has no `wheel` package: setup.py builds, our packer packs, and
// .dist-info holds what bdist_wheel would have written (licenses, top_level.txt, entry points).
// Also: `python: '3.6'` finds pyenv's 3.6 behind its shim, and an old pip builds in place.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction } from '../helpers/example.js';
import { installAndRun } from '../helpers/installed.js';
import { pyenvPython } from '../helpers/python.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'fastsum');
// A function that uses a module-level import (fastrlock's setup.py has such): Python 2.7's
// run_setup would give it no access to `os`.
const SETUP_PY = [
  'import os',
  'from setuptools import Extension, setup',
  'def version():',
  '    return os.environ.get("FASTSUM_VERSION", "0.3.0")',
  'setup(name="fastsum", version=version(), packages=["fastsum"], zip_safe=False,',
  '      entry_points={"console_scripts": ["fastsum-total=fastsum:main"]},',
  '      ext_modules=[Extension("fastsum._fastsum", ["src/fastsum.c"])])',
  '',
].join('\n');

/** The fastsum fixture with a LICENSE, an AUTHORS file and an entry point. */
function project(setupPy = SETUP_PY): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'distinfo-')), 'fastsum');
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'setup.py'), setupPy);
  writeFileSync(join(dir, 'LICENSE'), 'MIT License\n\nCopyright (c) Ann\n');
  writeFileSync(join(dir, 'AUTHORS'), 'Ann\n');
  return dir;
}

/** The .dist-info members of a wheel, by their name inside .dist-info, with their text. */
function distInfo(wheel: string): Record<string, string> {
  const code = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'print(json.dumps({n.split("/", 1)[1]: z.read(n).decode("utf-8") for n in z.namelist()',
    '                  if n.split("/")[0].endswith(".dist-info")}))',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', code, wheel], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string>;
}

/** bdist_wheel's own wheel of the project: Debian's python3 3.11 with its wheel 0.38.4. */
function bdistWheel(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'bdist-'));
  const run = spawnSync(
    '/usr/bin/python3',
    ['-m', 'pip', 'wheel', '-q', '--no-deps', '--no-build-isolation', '-w', out, dir],
    { encoding: 'utf8', env: { ...process.env, PIP_CONFIG_FILE: '/dev/null' } },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  return join(out, readdirSync(out)[0]!);
}

const CALL = 'import fastsum; print(fastsum.total([1, 2, 3.5]))';

describe('the setup.py route without `wheel` writes what bdist_wheel writes', () => {
  let reference: Record<string, string>;
  beforeAll(() => {
    reference = distInfo(bdistWheel(project()));
  });

  it.each([
    ['a 2.7 python given by path', () => pyenvPython('2.7.18'), 'cp27-cp27mu'],
    // The version alone: found in pyenv's versions, past the shim that is not selected.
    ["python: '3.6' (pyenv's, behind its shim)", () => '3.6', 'cp36-cp36m'],
  ])('%s: the same .dist-info files as bdist_wheel on 3.11', async (_label, python, tag) => {
    const run = await runBundledAction({
      'working-directory': project(),
      'project-dir': '.',
      python: python(),
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('has no `wheel` package');
    expect(run.stdout).not.toContain('license files could not be read');
    expect(run.outputs['wheel-name']).toBe(`fastsum-0.3.0-${tag}-linux_x86_64.whl`);
    const ours = distInfo(run.outputs.wheel!);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(reference).sort());
    for (const name of ['LICENSE', 'AUTHORS', 'top_level.txt', 'entry_points.txt']) {
      expect(ours[name]?.trim(), name).toBe(reference[name]?.trim());
    }
    // pyenv's python links extensions with -rpath to its own lib folder: named, not silently kept.
    const version = tag === 'cp27-cp27mu' ? '2.7.18' : '3.6.15';
    const lib = join(pyenvPython(version), '..', '..', 'lib');
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.join('\n')).toMatch(
      new RegExp(
        `fastsum/_fastsum\\S*\\.so keeps the build machine's RUNPATH ${lib.replace(/\./g, '\\.')}`,
      ),
    );
    const installed = installAndRun(pyenvPython(version), run.outputs.wheel!, CALL);
    expect(installed.stdout.trim()).toBe('6.5');
  });
});

describe('project-dir builds in place with pip before 21.3', () => {
  /** pyenv's 3.8 in a venv with pip 19.2.3 (which builds a copy) and setuptools 56. */
  function oldPipVenv(): string {
    const base = pyenvPython('3.8.18');
    const bundled = join(base, '..', '..', 'lib', 'python3.8', 'ensurepip', '_bundled');
    const pip19 = join(
      pyenvPython('2.7.18'),
      '..',
      '..',
      'lib',
      'python2.7',
      'ensurepip',
      '_bundled',
      'pip-19.2.3-py2.py3-none-any.whl',
    );
    const setuptools = join(
      bundled,
      readdirSync(bundled).find((f) => f.startsWith('setuptools'))!,
    );
    const venv = join(mkdtempSync(join(tmpdir(), 'oldpip-')), 'venv');
    const make = spawnSync(base, ['-m', 'venv', '--without-pip', venv], { encoding: 'utf8' });
    if (make.status !== 0) throw new Error(make.stderr);
    const python = join(venv, 'bin', 'python');
    const install = spawnSync(
      python,
      [join(pip19, 'pip'), 'install', '-q', '--no-index', '--no-cache-dir', pip19, setuptools],
      { encoding: 'utf8', env: { ...process.env, PIP_CONFIG_FILE: '/dev/null' } },
    );
    if (install.status !== 0) throw new Error(install.stderr);
    return python;
  }

  it('a setup.py that reads ../ builds (pip 19.2.3 would build a copy where ../ is missing)', async () => {
    const python = oldPipVenv();
    // Debian's wheel 0.38.4 on PYTHONPATH: this python can run bdist_wheel.
    const extra = mkdtempSync(join(tmpdir(), 'pythonpath-wheel-'));
    cpSync('/usr/lib/python3/dist-packages/wheel', join(extra, 'wheel'), { recursive: true });
    cpSync(
      '/usr/lib/python3/dist-packages/wheel-0.38.4.egg-info',
      join(extra, 'wheel-0.38.4.egg-info'),
      { recursive: true },
    );
    const dir = project(
      SETUP_PY.replace('version=version()', 'version=open("../VERSION").read().strip()'),
    );
    writeFileSync(join(dir, '..', 'VERSION'), '0.3.0\n');
    mkdirSync(join(dir, '..', 'out'));
    const run = await runBundledAction(
      {
        'working-directory': dir,
        'project-dir': '.',
        python,
        'output-dir': join(dir, '..', 'out'),
      },
      { PYTHONPATH: extra },
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('has no `wheel` package');
    expect(run.outputs['wheel-name']).toBe('fastsum-0.3.0-cp38-cp38-linux_x86_64.whl');
    expect(distInfo(run.outputs.wheel!).WHEEL).toMatch(/^Generator: bdist_wheel \(0\.38\.4\)$/m);
  });
});
