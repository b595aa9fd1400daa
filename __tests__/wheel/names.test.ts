import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  distInfoDirName,
  escapeWheelName,
  isImportableName,
  isModulePath,
  normalizeProjectName,
  validateDistributionName,
  wheelFileName,
} from '../../src/wheel/names.js';

describe('wheel names', () => {
  it.each([
    ['vecmath', 'vecmath', 'vecmath'],
    ['Vec.Math', 'vec-math', 'vec_math'],
    ['my--pkg__x', 'my-pkg-x', 'my_pkg_x'],
    ['caffe-GPU', 'caffe-gpu', 'caffe_gpu'],
    ['a._-b', 'a-b', 'a_b'],
  ])('%s normalizes to %s (PEP 503) and escapes to %s (PEP 427)', (name, pep503, escaped) => {
    expect(normalizeProjectName(name)).toBe(pep503);
    expect(escapeWheelName(name)).toBe(escaped);
  });

  it('builds the file name and dist-info folder from escaped parts', () => {
    expect(wheelFileName('Caffe-GPU', '1.0.0+gpu', 'cp27-cp27mu-linux_x86_64')).toBe(
      'caffe_gpu-1.0.0+gpu-cp27-cp27mu-linux_x86_64.whl',
    );
    expect(distInfoDirName('Caffe-GPU', '1.0.0')).toBe('caffe_gpu-1.0.0.dist-info');
  });

  it.each(['-pkg', 'pkg-', 'pk g', 'pkg/evil', '', 'naïve', '..'])(
    'refuses the distribution name %j',
    (name) => {
      expect(() => validateDistributionName(name)).toThrow(InputError);
    },
  );

  it('accepts PEP 508 names', () => {
    expect(validateDistributionName('A.b-c_9')).toBe('A.b-c_9');
  });

  it.each([
    ['vecmath', true],
    ['_private', true],
    ['cv2', true],
    ['2cv', false],
    ['my-pkg', false],
    ['class', false],
    ['print', false],
    ['naïve', false],
  ])('importable(%s) = %s', (name, ok) => {
    expect(isImportableName(name)).toBe(ok);
  });

  it('checks dotted module paths', () => {
    expect(isModulePath('vecmath.geometry')).toBe(true);
    expect(isModulePath('vecmath..geometry')).toBe(false);
    expect(isModulePath('vecmath.')).toBe(false);
  });
});
