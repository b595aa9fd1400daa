import { describe, expect, it } from 'vitest';
import { outputDirExclusion, PENDING_PREFIX } from '../../src/stage/stage-exclude.js';

describe('outputDirExclusion', () => {
  it('leaves out everything below an output-dir inside the staged folder', () => {
    const exclusion = outputDirExclusion('/w/pkg', '/w/pkg/dist')!;
    expect(exclusion.reason).toBe(
      'output-dir /w/pkg/dist is inside /w/pkg: everything in it is left out',
    );
    expect(exclusion.excludes('dist/pkg-1.0-py3-none-any.whl')).toBe(true);
    expect(exclusion.excludes('dist/sub/x.txt')).toBe(true);
    expect(exclusion.excludes('dist')).toBe(false);
    expect(exclusion.excludes('distx/a.whl')).toBe(false);
    expect(exclusion.excludes('a.whl')).toBe(false);
    expect(exclusion.excludes('sub/dist/a.whl')).toBe(false);
  });

  it('works for an output-dir several folders down', () => {
    const exclusion = outputDirExclusion('/w', '/w/a/b/out')!;
    expect(exclusion.excludes('a/b/out/x.whl')).toBe(true);
    expect(exclusion.excludes('a/b/x.whl')).toBe(false);
  });

  it('leaves out the wheels and pending folders at the top of an output-dir that is the staged folder', () => {
    expect(PENDING_PREFIX).toBe('.algorithmia-wheel-');
    const exclusion = outputDirExclusion('/w/pkg', '/w/pkg')!;
    expect(exclusion.reason).toBe(
      'output-dir /w/pkg is the folder being staged: its wheels (*.whl), their receipts (*.whl.verification.json) and .algorithmia-wheel-* folders are left out',
    );
    expect(exclusion.excludes('pkg-1.0-py3-none-any.whl')).toBe(true);
    // An earlier run's verification receipt sits beside its wheel.
    expect(exclusion.excludes('pkg-1.0-py3-none-any.whl.verification.json')).toBe(true);
    expect(exclusion.excludes('sub/pkg-1.0-py3-none-any.whl.verification.json')).toBe(false);
    expect(exclusion.excludes('notes.verification.json')).toBe(false);
    expect(exclusion.excludes('.algorithmia-wheel-1234/pkg-1.0-py3-none-any.whl')).toBe(true);
    expect(exclusion.excludes('sub/keep.whl')).toBe(false);
    expect(exclusion.excludes('a.whl.txt')).toBe(false);
    expect(exclusion.excludes('sub/.algorithmia-wheel-1/x')).toBe(false);
    expect(exclusion.excludes('__init__.py')).toBe(false);
  });

  it.each([
    ['/w/pkg', '/w'],
    ['/w/pkg', '/elsewhere/dist'],
    ['/w/pkg', '/w/pkgdist'],
    ['/w/pkg', '/'],
  ])('leaves nothing out when staging %s with output-dir %s', (root, outputDir) => {
    expect(outputDirExclusion(root, outputDir)).toBeUndefined();
  });
});
