// A real shape: a C++ library with a C interface and a pure-Python package that loads it with
// ctypes from its own folder. Importing the package (an empty __init__.py) proves nothing; the
// module that loads the library does.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction } from '../helpers/example.js';
import { installAndRun, wheelContents } from '../helpers/installed.js';
import { defaultPython3, pyenvPython } from '../helpers/python.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'ctypes-shapes');
const CALL = 'from shapes.core import polygon_area; print(polygon_area([(0, 0), (4, 0), (4, 3)]))';

describe('a ctypes wrapper package', () => {
  let project: string;
  beforeAll(() => {
    project = join(mkdtempSync(join(tmpdir(), 'ctypes-')), 'shapes');
    cpSync(FIXTURE, project, { recursive: true });
    execFileSync(join(project, 'build.sh'), { stdio: 'pipe' });
  });
  const out = () => mkdtempSync(join(tmpdir(), 'ctypes-out-'));

  it('the default import check passes a wheel that lacks the library; the wheel is broken', async () => {
    const python = defaultPython3();
    const run = await runBundledAction({
      'working-directory': project,
      stage: 'python/shapes/** => shapes',
      version: '1.0.0',
      python,
      'output-dir': out(),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('imported shapes from shapes/__init__.py');
    expect(run.stdout).not.toContain('imported shapes.core');
    const { names } = wheelContents(run.outputs.wheel!);
    expect(names.filter((n) => n.startsWith('shapes/'))).toEqual([
      'shapes/__init__.py',
      'shapes/core.py',
    ]);
    const used = installAndRun(python, run.outputs.wheel!, CALL);
    expect(used.status).not.toBe(0);
    expect(used.stderr).toMatch(/OSError: .*libshapes\.so/);
  });

  it('`import: shapes.core` fails the same wheel, and nothing is written', async () => {
    const output = out();
    const run = await runBundledAction({
      'working-directory': project,
      stage: 'python/shapes/** => shapes',
      version: '1.0.0',
      python: defaultPython3(),
      import: 'shapes.core',
      'output-dir': output,
    });
    expect(run.status).toBe(1);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("input 'import'");
    expect(errors[0]).toContain('does not import');
    expect(errors[0]).toMatch(/libshapes\.so/);
    expect(run.outputs.wheel).toBeUndefined();
    expect(readdirSync(output)).toEqual(['failed']); // the failed import's evidence only
  });

  it.each([
    ['the default python3', () => defaultPython3()],
    ['pyenv 2.7 (pip 19, no wheel package)', () => pyenvPython('2.7.18')],
    ['pyenv 3.6 (pip 18)', () => pyenvPython('3.6.15')],
  ])(
    'the complete wheel for %s carries the library, the readme and the licenses, and calls C++',
    async (_label, pythonOf) => {
      const python = pythonOf();
      const run = await runBundledAction({
        'working-directory': project,
        stage: 'python/shapes/** => shapes\nbuild/libshapes.so => shapes',
        version: '1.0.0',
        python,
        summary: 'Polygon areas in C++ through ctypes',
        license: 'MIT',
        readme: 'README.md',
        import: 'shapes\nshapes.core',
        'test-command': `python -c "${CALL.replace(/"/g, '\\"')}"`,
        'output-dir': out(),
      });
      expect(errorAnnotations(run.stdout)).toEqual([]);
      expect(run.status).toBe(0);
      const { names, metadata } = wheelContents(run.outputs.wheel!);
      expect(names).toContain('shapes/libshapes.so');
      expect(names).toContain('shapes-1.0.0.dist-info/licenses/LICENSE');
      expect(names).toContain('shapes-1.0.0.dist-info/licenses/NOTICE');
      expect(metadata).toMatch(/^Metadata-Version: 2\.4\nName: shapes\nVersion: 1\.0\.0\n/);
      expect(metadata).toContain('\nLicense-File: LICENSE\nLicense-File: NOTICE\n');
      expect(metadata).toContain('\nDescription-Content-Type: text/markdown\n');
      expect(metadata).toMatch(
        /\n\n# shapes\n\nPolygon areas in C\+\+, \*\*loaded with ctypes\*\*/,
      );
      const used = installAndRun(python, run.outputs.wheel!, CALL);
      expect(used.stderr).toBe('');
      expect(used.stdout.trim()).toBe('6.0');
      // The installed METADATA is what packaging (and PyPI's checks) accept.
      const valid = spawnSync(
        'python3',
        [
          '-c',
          'import sys, zipfile\nfrom packaging.metadata import Metadata\n' +
            'z = zipfile.ZipFile(sys.argv[1])\n' +
            'm = Metadata.from_email(z.read("shapes-1.0.0.dist-info/METADATA"), validate=True)\n' +
            'print(m.description_content_type, m.license_files)',
          run.outputs.wheel!,
        ],
        { encoding: 'utf8' },
      );
      expect(valid.stderr).toBe('');
      expect(valid.stdout.trim()).toBe("text/markdown ['LICENSE', 'NOTICE']");
    },
  );
});
