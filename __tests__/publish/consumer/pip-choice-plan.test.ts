import { describe, expect, it } from 'vitest';
import {
  consumerDownloadArgv,
  whyPipPreferred,
  wrongFileError,
} from '../../../src/publish/consumer/pip-choice-plan.js';
import { pinnedRequirement } from '../../../src/publish/s3/s3-plan.js';

const OURS = 'demo-1.0.0-cp36-cp36m-linux_x86_64.whl';
const SHA = 'a'.repeat(64);
const chosen = (fileName: string, sha256 = 'b'.repeat(64)) => ({ fileName, sha256, size: 10 });

describe('pip choice plan', () => {
  it('pins the URL with the lower-case sha256 fragment pip checks', () => {
    expect(pinnedRequirement('https://b/p/demo.whl', 'AB'.repeat(32))).toBe(
      `https://b/p/demo.whl#sha256=${'ab'.repeat(32)}`,
    );
  });

  it('downloads without credentials, configuration, deps or cache, verbosely, into the folder', () => {
    const argv = consumerDownloadArgv({
      python: '/py',
      dest: '/d',
      source: ['--index-url', 'https://i/simple/', 'demo==1.0.0'],
    });
    expect(argv[0]).toBe('env');
    expect(argv[argv.indexOf('AWS_SECRET_ACCESS_KEY') - 1]).toBe('-u');
    expect(argv.slice(argv.indexOf('/py'))).toEqual([
      '/py',
      '-E',
      '-s',
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--no-cache-dir',
      '--disable-pip-version-check',
      '-v',
      '-d',
      '/d',
      '--index-url',
      'https://i/simple/',
      'demo==1.0.0',
    ]);
  });

  it('explains a local version, a better tag, a build tag, another version and other bytes', () => {
    expect(whyPipPreferred(OURS, chosen('demo-1.0.0+gpu-cp36-cp36m-linux_x86_64.whl'), SHA)).toBe(
      'its local version 1.0.0+gpu matches ==1.0.0 (PEP 440: a version without a local label ' +
        'matches every local version of it), and pip ranks 1.0.0+gpu above 1.0.0',
    );
    expect(
      whyPipPreferred(OURS, chosen('demo-1.0.0-cp36-cp36m-manylinux_2_17_x86_64.whl'), SHA),
    ).toMatch(
      /^same version, and its tag cp36-cp36m-manylinux_2_17_x86_64 ranks above ours \(cp36-cp36m-linux_x86_64\) for this interpreter/,
    );
    expect(whyPipPreferred(OURS, chosen('demo-1.0.0-2-cp36-cp36m-linux_x86_64.whl'), SHA)).toBe(
      'same version, and pip ranks its build tag 2 above ours ((none))',
    );
    expect(whyPipPreferred(OURS, chosen('demo-1.0-cp36-cp36m-linux_x86_64.whl'), SHA)).toBe(
      'pip ranks its version 1.0 above ours (1.0.0) for this requirement',
    );
    expect(whyPipPreferred(OURS, chosen(OURS), SHA)).toBe(
      `it has our file name but other bytes (10 bytes, sha256 ${'b'.repeat(64)}; ours is ` +
        `sha256 ${SHA}): the object was overwritten, or something between the bucket and pip ` +
        'serves another copy',
    );
    expect(whyPipPreferred(OURS, chosen('index.html'), SHA)).toBe(
      'pip took index.html, which is not our file',
    );
  });

  it('names the file pip chose, the line, ours, and the fix for the index or the URL', () => {
    const error = wrongFileError({
      line: '--index-url https://i/simple/ demo==1.0.0',
      python: '/py',
      ours: { fileName: OURS, sha256: SHA },
      chosen: chosen('demo-1.0.0+gpu-cp36-cp36m-linux_x86_64.whl'),
      location: 'https://i/',
      index: true,
    });
    expect(error.input).toBe('verify-published');
    expect(error.message).toMatch(
      /^The platform's pip \(\/py\) installs demo-1\.0\.0\+gpu-cp36-cp36m-linux_x86_64\.whl for "--index-url https:\/\/i\/simple\/ demo==1\.0\.0", not the wheel this run published \(demo-1\.0\.0-cp36-cp36m-linux_x86_64\.whl\): its local version/,
    );
    expect(error.fix).toContain('its own s3-prefix');
    expect(error.fix).toContain(
      'delete demo-1.0.0+gpu-cp36-cp36m-linux_x86_64.whl from https://i/',
    );
    const direct = wrongFileError({
      line: 'https://i/x.whl#sha256=aa',
      python: '/py',
      ours: { fileName: OURS, sha256: SHA },
      chosen: chosen(OURS),
      location: 'https://i/x.whl',
      index: false,
    });
    expect(direct.fix).toContain('not the wheel this run published');
  });
});
