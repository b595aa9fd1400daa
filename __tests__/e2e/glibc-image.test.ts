// Image mode without target-glibc: the image's own libc.so.6 and libstdc++.so.6, read from the
// image through the executor, decide which symbol versions the wheel may need. The test image is
// Debian bookworm (glibc 2.36, libstdc++ of GCC 12) through the fake docker.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { buildFuturePackage, buildModernPackage } from '../helpers/native-fixtures.js';
import { defaultPython3 } from '../helpers/python.js';
import { FAKE_DOCKER_DIR, TEST_IMAGE, ensureTestRootfs } from '../helpers/rootfs.js';

let rootfs: string;
let workspace: string;

beforeAll(() => {
  rootfs = ensureTestRootfs();
  workspace = mkdtempSync(join(tmpdir(), 'glibc-image-ws-'));
});

function dockerEnv(): Record<string, string> {
  return {
    PATH: `${FAKE_DOCKER_DIR}:${process.env.PATH ?? ''}`,
    FAKE_DOCKER_IMAGES: JSON.stringify({ [TEST_IMAGE]: rootfs }),
    FAKE_DOCKER_LOCAL: join(workspace, 'local-images'),
    FAKE_DOCKER_LOG: join(workspace, 'docker.log'),
    GITHUB_WORKSPACE: workspace,
  };
}

describe('image without target-glibc', () => {
  it("reads the image's libc.so.6 and libstdc++.so.6 and accepts what they define", async () => {
    const dir = buildModernPackage(defaultPython3());
    const run = await runBundledAction(
      {
        'working-directory': dir,
        'package-dir': 'modernpkg',
        python: 'python3',
        image: TEST_IMAGE,
        version: '1.0.0',
        'output-dir': join(mkdtempSync(join(tmpdir(), 'glibc-image-out-')), 'dist'),
        'artifact-name': 'false',
      },
      dockerEnv(),
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    // The libraries were found inside the image (its loader cache), not on this machine.
    expect(run.stdout).toMatch(
      /target-glibc: the image algorithmia-test\/debian:bookworm provides libc\.so\.6 \(\/(usr\/)?lib\/x86_64-linux-gnu\/libc\.so\.6\), libstdc\+\+\.so\.6 \(/,
    );
    expect(run.stdout).toMatch(
      /target-glibc: the image algorithmia-test\/debian:bookworm: GLIBC 2\.36, GLIBCXX 3\.4\.30, CXXABI 1\.3\.13, GCC 12\.0\.0/,
    );
    expect(run.stdout).toMatch(
      /every native file fits the image algorithmia-test\/debian:bookworm/,
    );
    expect(run.summary).toContain('Target: the image algorithmia-test/debian:bookworm');
  });

  it('refuses a need above the image (GLIBC_2.99), naming the image, the file and the symbol', async () => {
    const dir = buildFuturePackage(defaultPython3());
    const out = join(mkdtempSync(join(tmpdir(), 'glibc-image-out-')), 'dist');
    const run = await runBundledAction(
      {
        'working-directory': dir,
        'package-dir': 'futurepkg',
        python: 'python3',
        image: TEST_IMAGE,
        version: '1.0.0',
        'output-dir': out,
        'artifact-name': 'false',
      },
      dockerEnv(),
    );
    expect(run.status).not.toBe(0);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/input 'image'/);
    expect(errors[0]).toMatch(
      /than the image algorithmia-test\/debian:bookworm provides: futurepkg\/_future\.[\w-]+\.so needs GLIBC_2\.99 from libc\.so\.6 \(fancy_new_call\); the target allows GLIBC up to 2\.36/,
    );
    expect(run.outputs.wheel).toBeUndefined();
  });
});
