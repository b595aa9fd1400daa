// Whether a setup.py project can go through `pip wheel`: asked of the real interpreter, in the
// environment pip will have (PYTHONPATH, the user's site-packages), not in an isolated one.
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../../src/exec/local.js';
import {
  hasWheelPackage,
  projectBuildCommand,
} from '../../../src/pipeline/project-dir/project-build.js';
import type { PythonProbe } from '../../../src/wheel/tags.js';
import { defaultPython3, pyenvPython, runPython } from '../../helpers/python.js';

// Debian's python3-wheel (0.38.4): the package and the metadata that registers bdist_wheel.
const DEBIAN_WHEEL = '/usr/lib/python3/dist-packages/wheel';
const DEBIAN_WHEEL_INFO = '/usr/lib/python3/dist-packages/wheel-0.38.4.egg-info';

function folderWith(entries: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wheel-path-'));
  for (const [name, target] of Object.entries(entries)) symlinkSync(target, join(dir, name));
  return dir;
}

describe('hasWheelPackage', () => {
  let python: string;
  let project: string;
  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
    const base: NodeJS.ProcessEnv = { ...process.env };
    delete base.PYTHONPATH;
    delete base.PYTHONNOUSERSITE;
    return { ...base, ...extra };
  };
  const has = (extra: Record<string, string> = {}): Promise<boolean> =>
    hasWheelPackage(new LocalExecutor(env(extra)), python, project);

  beforeAll(() => {
    python = defaultPython3();
    project = mkdtempSync(join(tmpdir(), 'project-'));
    // The premise: this interpreter has no `wheel` of its own.
    expect(() => runPython(python, 'import wheel')).toThrow(/No module named .?wheel/);
  });

  it('is false for an interpreter without `wheel` (pyenv 3.11, 3.6, 2.7)', async () => {
    expect(await has()).toBe(false);
    expect(await hasWheelPackage(new LocalExecutor(env({})), pyenvPython('3.6.15'), project)).toBe(
      false,
    );
    expect(await hasWheelPackage(new LocalExecutor(env({})), pyenvPython('2.7.18'), project)).toBe(
      false,
    );
  });

  it('is true for a `wheel` on PYTHONPATH, which the old -E check hid', async () => {
    const dir = folderWith({ wheel: DEBIAN_WHEEL, 'wheel-0.38.4.egg-info': DEBIAN_WHEEL_INFO });
    expect(await has({ PYTHONPATH: dir })).toBe(true);
  });

  it('is false for an importable `wheel` folder without the metadata that registers bdist_wheel', async () => {
    // setup.py bdist_wheel would fail with "invalid command 'bdist_wheel'" here.
    const dir = folderWith({ wheel: DEBIAN_WHEEL });
    expect(
      runPython(python, 'import wheel; print(wheel.__version__)', { env: { PYTHONPATH: dir } }),
    ).toBe('0.38.4\n');
    expect(await has({ PYTHONPATH: dir })).toBe(false);
  });

  it("sees the user's site-packages, unless PYTHONNOUSERSITE turns it off", async () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const version = runPython(python, 'import sys; print("%d.%d" % sys.version_info[:2])').trim();
    const site = join(home, '.local', 'lib', `python${version}`, 'site-packages');
    mkdirSync(site, { recursive: true });
    symlinkSync(DEBIAN_WHEEL, join(site, 'wheel'));
    symlinkSync(DEBIAN_WHEEL_INFO, join(site, 'wheel-0.38.4.egg-info'));
    expect(await has({ HOME: home })).toBe(true);
    expect(await has({ HOME: home, PYTHONNOUSERSITE: '1' })).toBe(false);
  });
});

describe('projectBuildCommand builds in the project folder on every pip', () => {
  const probe = (pipVersion: string | null): PythonProbe =>
    ({ executable: '/py', pipVersion }) as PythonProbe;
  const run = (pip: string | null, hasSetupPy: boolean) =>
    projectBuildCommand(probe(pip), '/proj', '/out', hasSetupPy);

  it.each([
    ['9.0.3', true],
    ['9.0.3', false],
    ['18.1', true],
    ['19.2.3', true],
    ['21.2.4', true],
  ])('pip %s (setup.py: %s): setup.py bdist_wheel in /proj', (pip, hasSetupPy) => {
    expect(run(pip, hasSetupPy)).toEqual({
      argv: ['/py', 'setup.py', 'bdist_wheel', '-d', '/out'],
      cwd: '/proj',
      copies: false,
    });
  });

  it.each([
    ['21.3', true, [], false],
    ['23.0.1', false, [], false],
    ['21.1', false, ['--use-feature=in-tree-build'], false],
    ['21.2.4', false, ['--use-feature=in-tree-build'], false],
    ['20.3.4', false, [], true],
    ['10.0.1', false, [], true],
  ])('pip %s (setup.py: %s): pip wheel %j, copies: %s', (pip, hasSetupPy, extra, copies) => {
    const command = run(pip, hasSetupPy);
    expect(command.argv).toEqual([
      '/py',
      '-m',
      'pip',
      'wheel',
      '--no-deps',
      '--no-build-isolation',
      '--no-cache-dir',
      '--disable-pip-version-check',
      ...extra,
      '-w',
      '/out',
      '/proj',
    ]);
    expect(command.copies).toBe(copies);
  });
});
