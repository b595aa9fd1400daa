// pybind11 projects, with Debian's pybind11-dev (headers and CMake package): a single top-level
// module built with CMake and staged with `=> .`, and a setup.py project (ext_modules +
// py_modules) built by pyenv's 3.6, which has no `wheel` package. Through the bundled action.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction } from '../helpers/example.js';
import { installAndRun, wheelEntries } from '../helpers/install.js';
import { defaultPython3, pyenvPython, runPython } from '../helpers/python.js';
import { expectedTag, extSuffix } from '../helpers/tags.js';

function copyFixture(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), `${name}-`)), name);
  cpSync(join(ROOT, '__tests__', 'fixtures', name), dir, { recursive: true });
  return dir;
}

function versionOf(python: string): string {
  return runPython(python, 'import sys; print("%d.%d" % sys.version_info[:2])').trim();
}

describe('pybind11', () => {
  it('a single top-level module built with CMake, staged with `=> .`', async () => {
    const python = defaultPython3();
    const run = await runBundledAction(
      {
        'working-directory': copyFixture('pyvec-cmake'),
        'build-command':
          `cmake -S . -B build -DPYTHON_EXECUTABLE=${python} -DCMAKE_BUILD_TYPE=Release ` +
          '&& cmake --build build',
        stage: 'build/pyvec*.so => .',
        version: '0.2.0',
        python,
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      {},
      240_000,
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    // The one top-level module names the distribution and is the default import.
    expect(run.outputs['wheel-name']).toBe(`pyvec-0.2.0-${expectedTag(python)}.whl`);
    expect(run.stdout).toMatch(/imported pyvec from pyvec\.cpython-\d+-x86_64-linux-gnu\.so/);
    expect(
      wheelEntries(python, run.outputs.wheel!).filter((e) => !e.includes('.dist-info/')),
    ).toEqual([`pyvec${extSuffix(python)}`]);
    const result = installAndRun(
      python,
      run.outputs.wheel!,
      `import pyvec
v = pyvec.Vec([3, 4])
try:
    v.dot(pyvec.Vec([1]))
    error = None
except ValueError as e:
    error = str(e)
print(json.dumps({"norm": v.norm(), "dot": v.dot(pyvec.Vec([1, 2])), "repr": repr(v),
  "error": error, "built": pyvec.built_for, "file": pyvec.__file__}))`,
    );
    expect(result).toMatchObject({
      norm: 5,
      dot: 11,
      repr: 'Vec(3, 4)',
      error: 'dot: sizes differ (2 vs 1)',
      built: versionOf(python),
    });
    expect(String((result as { file: string }).file)).toMatch(/\/target\/pyvec\.cpython-.*\.so$/);
  });

  it('a setup.py project (ext_modules + py_modules) with 3.6 without `wheel`', async () => {
    const python = pyenvPython('3.6.15');
    const run = await runBundledAction(
      {
        'working-directory': copyFixture('pyshapes'),
        'project-dir': '.',
        python,
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      },
      {},
      240_000,
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('has no `wheel` package');
    expect(run.outputs['wheel-name']).toBe(`pyshapes-0.4.1-${expectedTag(python)}.whl`);
    expect(
      wheelEntries(python, run.outputs.wheel!)
        .filter((e) => !e.includes('.dist-info/'))
        .sort(),
    ).toEqual(['pyshapes.cpython-36m-x86_64-linux-gnu.so', 'shapes_util.py']);
    expect(run.stdout).toMatch(/imported pyshapes from pyshapes\.cpython-36m-x86_64-linux-gnu\.so/);
    expect(run.stdout).toMatch(/imported shapes_util from shapes_util\.py/);
    const result = installAndRun(
      python,
      run.outputs.wheel!,
      `import pyshapes, shapes_util
shapes = [pyshapes.Rect(2, 3), pyshapes.Circle(1)]
try:
    pyshapes.Rect(-1, 1)
    error = None
except ValueError as e:
    error = str(e)
print(json.dumps({"total": shapes_util.total_area(shapes), "names": [s.name() for s in shapes],
  "error": error, "built": pyshapes.built_for}))`,
    );
    expect(result).toEqual({
      total: 6 + Math.PI,
      names: ['rect', 'circle'],
      error: 'Rect: negative side',
      built: '3.6',
    });
  });
});
