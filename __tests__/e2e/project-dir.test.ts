// `project-dir`: a setup.py project with a C extension, built by the matching python itself.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction } from '../helpers/example.js';
import {
  engineEnv,
  ensureTestImage,
  TEST_IMAGE,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
} from '../helpers/rootfs.js';
import { pyenvPython, runPython } from '../helpers/python.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'fastsum');

function copyFixture(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'fastsum-')), 'fastsum');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('project-dir', () => {
  beforeAll(() => {
    ensureTestImage(TEST_IMAGE);
    ensureTestImage(VENDOR_IMAGE);
  });

  it("builds with Debian's python3 (pip wheel), verifies and names the wheel by the project", async () => {
    const project = copyFixture();
    const run = await runBundledAction({
      'working-directory': project,
      'project-dir': '.',
      python: '/usr/bin/python3',
      'test-command': 'python -c "import fastsum; assert fastsum.total([1, 2, 3.5]) == 6.5"',
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    const v = runPython(
      '/usr/bin/python3',
      'import sys; print("%d%d" % sys.version_info[:2])',
    ).trim();
    expect(run.outputs['wheel-name']).toBe(`fastsum-0.3.0-cp${v}-cp${v}-linux_x86_64.whl`);
    expect(run.outputs.version).toBe('0.3.0');
    expect(run.summary).toMatch(/fastsum\/_fastsum\.cpython-\d+-x86_64-linux-gnu\.so/);
  });

  it("builds inside the image with its python (docker: podman's)", async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'fastsum-ws-'));
    const project = join(workspace, 'fastsum');
    cpSync(FIXTURE, project, { recursive: true });
    const run = await runBundledAction(
      {
        'working-directory': project,
        'project-dir': '.',
        image: TEST_IMAGE,
        'container-engine': 'docker',
        'docker-options': '--network none',
        python: '3',
        'output-dir': join(workspace, 'dist'),
      },
      { ...engineEnv(), GITHUB_WORKSPACE: workspace },
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe('fastsum-0.3.0-cp311-cp311-linux_x86_64.whl');
  });

  it('builds inside the older vendor image (podman) with /opt/anaconda3/bin/python', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'fastsum-vendor-ws-'));
    const project = join(workspace, 'fastsum');
    cpSync(FIXTURE, project, { recursive: true });
    const run = await runBundledAction(
      {
        'working-directory': project,
        'project-dir': '.',
        image: VENDOR_IMAGE,
        'container-engine': 'podman',
        'docker-options': '--network none',
        'test-command': 'python -c "import fastsum; assert fastsum.total([1, 2, 3.5]) == 6.5"',
        'output-dir': join(workspace, 'dist'),
      },
      { ...engineEnv(), GITHUB_WORKSPACE: workspace },
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe('fastsum-0.3.0-cp39-cp39-linux_x86_64.whl');
    expect(run.outputs['python-version']).toMatch(/^3\.9\./);
    expect(run.summary).toContain(`at ${VENDOR_PYTHON}`);
  });

  it('builds with 2.7 without the `wheel` package: setup.py build, then our packer', async () => {
    const python = pyenvPython('2.7.18');
    const run = await runBundledAction({
      'working-directory': copyFixture(),
      'project-dir': '.',
      python,
      'test-command': 'python -c "import fastsum; assert fastsum.total([1, 2, 3.5]) == 6.5"',
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe('fastsum-0.3.0-cp27-cp27mu-linux_x86_64.whl');
    expect(run.summary).toContain('fastsum/_fastsum.so');
  });
});
