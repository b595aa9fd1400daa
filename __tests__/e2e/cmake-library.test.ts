// A real shape: a C++ library built with CMake into a folder outside the package (libgeom.so.1,
// with a SONAME), and a CPython extension linked against it with -L/-l and no RPATH. With
// `bundle-libs` and `library-path` the wheel carries the library and works once the build
// folder is gone.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction } from '../helpers/example.js';
import { installAndRun, wheelContents } from '../helpers/installed.js';
import { defaultPython3, pyenvPython } from '../helpers/python.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'geom');
const CALL =
  'import pygeom; print(pygeom.perimeter([(0, 0), (3, 0), (3, 4)])); print(pygeom.library_version())';

function buildCopy(python: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'geom-')), 'geom');
  cpSync(FIXTURE, dir, { recursive: true });
  execFileSync(join(dir, 'build.sh'), [python], { stdio: 'pipe' });
  return dir;
}

const STAGE = 'pygeom/** => pygeom\nbuild/ext/_geom*.so => pygeom';

describe('a CMake-built library wrapped by an extension', () => {
  const pythons: [string, () => string][] = [
    ['the default python3', defaultPython3],
    ['pyenv 2.7 (pip 19)', () => pyenvPython('2.7.18')],
  ];
  const projects = new Map<string, string>();
  beforeAll(() => {
    for (const [label, python] of pythons) projects.set(label, buildCopy(python()));
  });

  it.each(pythons)(
    'with %s: bundled from library-path, it imports and calls C++ after the build folder is deleted',
    async (label, pythonOf) => {
      const python = pythonOf();
      const project = projects.get(label)!;
      const run = await runBundledAction({
        'working-directory': project,
        stage: STAGE,
        version: '1.2.0',
        python,
        'bundle-libs': 'true',
        'library-path': 'build/geom',
        'test-command': `python -c "${CALL}"`,
        'output-dir': mkdtempSync(join(tmpdir(), 'geom-out-')),
      });
      expect(errorAnnotations(run.stdout)).toEqual([]);
      expect(run.status).toBe(0);
      const { names } = wheelContents(run.outputs.wheel!);
      const libs = names.filter((n) => n.startsWith('pygeom.libs/'));
      expect(libs).toHaveLength(1);
      expect(libs[0]).toMatch(/^pygeom\.libs\/libgeom[-.\w]*\.so\.1$/);
      expect(names.filter((n) => /libstdc\+\+|libc\.so|libgcc/.test(n))).toEqual([]);

      rmSync(join(project, 'build'), { recursive: true });
      const used = installAndRun(python, run.outputs.wheel!, CALL);
      expect(used.stderr).toBe('');
      expect(used.stdout.split('\n')).toEqual(['12.0', '1.2.0', '']);
    },
  );

  it('without bundle-libs the library check names libgeom.so.1 and no verified wheel is written', async () => {
    const project = buildCopy(defaultPython3());
    const output = mkdtempSync(join(tmpdir(), 'geom-out-'));
    const run = await runBundledAction({
      'working-directory': project,
      stage: STAGE,
      version: '1.2.0',
      python: defaultPython3(),
      'output-dir': output,
    });
    expect(run.status).toBe(1);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('libgeom.so.1');
    // Only the failed check's evidence: the unverified wheel, pip's log and the report.
    expect(readdirSync(output)).toEqual(['failed']);
    const kept = readdirSync(join(output, 'failed'));
    expect(kept).toHaveLength(3);
    expect(kept).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^[\w.]+-1\.2\.0-[\w.]+-[\w.]+-linux_x86_64\.whl$/),
        'pip.log',
        'traceback.txt',
      ]),
    );
    expect(readFileSync(join(output, 'failed', 'traceback.txt'), 'utf8')).toContain('libgeom.so.1');
  });
});
