import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseWheelTag } from '../../src/wheel/tags.js';
import {
  distInfoDirName,
  escapeWheelName,
  isImportableName,
  isModulePath,
  normalizeProjectName,
  parseWheelFileName,
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

describe('one grammar for wheel file names and tags', () => {
  it.each([
    ['vecmath', '1.0.0', 'cp27-cp27mu-linux_x86_64'],
    ['My.Lib', '2.0rc1+local.1', 'py2.py3-none-any'],
    ['fast-sum', '0.1', 'cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64'],
  ])(
    'what wheelFileName writes for %s %s %s, parseWheelFileName reads back',
    (name, version, tag) => {
      const parsed = parseWheelFileName(wheelFileName(name, version, tag));
      expect(parsed).toMatchObject({ version, tag, project: normalizeProjectName(name) });
      expect(parsed?.distribution).toBe(escapeWheelName(name));
      const count = tag.split('-').reduce((n, part) => n * part.split('.').length, 1);
      expect(parsed?.tags).toHaveLength(count);
    },
  );

  it.each([
    'x-1-py3-none.whl',
    'x-1-py3-none-any-extra-part.whl',
    'x-1-py3-none-any.zip',
    'x-1-py3-none-a+y.whl',
    'x-1-py3..py2-none-any.whl',
    'dir/x-1-py3-none-any.whl',
    '-x-1-py3-none-any.whl',
    'x-1-build-py3-none-any.whl',
  ])('refuses %s, and a wheel-tag input with the same tag grammar agrees', (fileName) => {
    expect(parseWheelFileName(fileName)).toBeUndefined();
  });

  it('reads a tag part exactly as the wheel-tag input does', () => {
    for (const tag of [
      'py3-none-a+y',
      'py3..py2-none-any',
      'py3-none',
      'cp36-cp36m-linux_x86_64',
    ]) {
      const fromInput = (() => {
        try {
          return parseWheelTag(tag);
        } catch {
          return undefined;
        }
      })();
      expect(parseWheelFileName(`x-1-${tag}.whl`)?.tag).toBe(
        fromInput && `${fromInput.interpreter}-${fromInput.abi}-${fromInput.platform}`,
      );
    }
  });
});
