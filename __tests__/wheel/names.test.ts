import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
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

describe('distribution names, exactly', () => {
  it('refuses with one error naming the input, what was wrong and the fix', () => {
    const error = (() => {
      try {
        validateDistributionName('-pkg');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      message: '"-pkg" is not a valid distribution name.',
      input: 'name',
      fix: 'use ASCII letters, digits, ".", "_" and "-", starting and ending with a letter or digit (PEP 508).',
    });
  });

  it('names the input it was given', () => {
    expect(() => validateDistributionName('a b', 'project-name')).toThrow(
      expect.objectContaining({
        input: 'project-name',
        message: '"a b" is not a valid distribution name.',
      }),
    );
  });

  it.each(['a', 'Z', '9', 'ab', 'a9', 'A-b', 'x.y', 'x_y', 'a--._b', 'VecMath'])(
    'accepts %j as it is',
    (name) => {
      expect(validateDistributionName(name)).toBe(name);
    },
  );

  it.each(['.a', 'a.', '_a', 'a_', 'a-', 'pkg\n', '\npkg', 'pk!g', 'a~', '~a', 'é', 'a é'])(
    'refuses %j',
    (name) => {
      expect(() => validateDistributionName(name)).toThrow(InputError);
    },
  );
});

describe('importable names, exactly', () => {
  it.each(['a', 'Z', '_', '__init__', 'a1', 'A_b9', 'none', 'true', 'Print', 'async_'])(
    '%j is importable',
    (name) => {
      expect(isImportableName(name)).toBe(true);
    },
  );

  it.each(['', '1', '1a', 'a-b', 'a.b', ' a', 'a ', 'a\n', '$a', 'a$', 'ñ', 'aé'])(
    '%j is not importable',
    (name) => {
      expect(isImportableName(name)).toBe(false);
    },
  );

  // Python 2.7's and 3.x's keywords alike: the wheel must import on both.
  it.each(
    (
      'False None True and as assert async await break class continue def del elif else except ' +
      'exec finally for from global if import in is lambda nonlocal not or pass print raise return ' +
      'try while with yield'
    ).split(' '),
  )('the keyword %j is not importable', (keyword) => {
    expect(isImportableName(keyword)).toBe(false);
    expect(isImportableName(`${keyword}_`)).toBe(true);
  });

  it('checks every part of a dotted module path', () => {
    expect(isModulePath('a')).toBe(true);
    expect(isModulePath('a.b.c')).toBe(true);
    expect(isModulePath('')).toBe(false);
    expect(isModulePath('.a')).toBe(false);
    expect(isModulePath('a.class')).toBe(false);
    expect(isModulePath('class.a')).toBe(false);
    expect(isModulePath('a.2b.c')).toBe(false);
  });
});

describe('wheel file names, exactly', () => {
  it('escapes every dash of the version, and every run of separators of the name', () => {
    expect(wheelFileName('A.-_b', '1.0-1-2', 'py3-none-any')).toBe('a_b-1.0_1_2-py3-none-any.whl');
    expect(distInfoDirName('A.-_b', '1.0-1-2')).toBe('a_b-1.0_1_2.dist-info');
    expect(normalizeProjectName('A.-_b._C')).toBe('a-b-c');
  });

  it('parses every field, and no build when there is none', () => {
    expect(parseWheelFileName('My_Lib-1.0+cu1.x-py2.py3-none-any.whl')).toStrictEqual({
      fileName: 'My_Lib-1.0+cu1.x-py2.py3-none-any.whl',
      distribution: 'My_Lib',
      project: 'my-lib',
      version: '1.0+cu1.x',
      tag: 'py2.py3-none-any',
      tags: ['py2-none-any', 'py3-none-any'],
    });
  });

  it('parses a build tag (a digit first)', () => {
    expect(parseWheelFileName('x-1-2b.c_d-cp36-cp36m-linux_x86_64.whl')).toEqual({
      fileName: 'x-1-2b.c_d-cp36-cp36m-linux_x86_64.whl',
      distribution: 'x',
      project: 'x',
      version: '1',
      build: '2b.c_d',
      tag: 'cp36-cp36m-linux_x86_64',
      tags: ['cp36-cp36m-linux_x86_64'],
    });
  });

  it.each([
    ['a-1-py3-none-any.whl', 'a', '1'],
    ['a.b-1-py3-none-any.whl', 'a.b', '1'],
    ['a9-1-py3-none-any.whl', 'a9', '1'],
    ['x-1!2.0rc1.post3.dev4+l.5-py3-none-any.whl', 'x', '1!2.0rc1.post3.dev4+l.5'],
    ['x-A1-py3-none-any.whl', 'x', 'A1'],
    ['x-1_0-py3-none-any.whl', 'x', '1_0'],
  ])('reads %s', (fileName, distribution, version) => {
    expect(parseWheelFileName(fileName)).toMatchObject({ distribution, version });
  });

  it.each([
    '_x-1-py3-none-any.whl',
    'x_-1-py3-none-any.whl',
    '.x-1-py3-none-any.whl',
    'x~-1-py3-none-any.whl',
    '~x-1-py3-none-any.whl',
    'x+y-1-py3-none-any.whl',
    'x--py3-none-any.whl',
    'x-.1-py3-none-any.whl',
    'x-+1-py3-none-any.whl',
    'x-1~-py3-none-any.whl',
    'x-~1-py3-none-any.whl',
    'x-1--py3-none-any.whl',
    'x-1-a1-py3-none-any.whl',
    'x-1-1~-py3-none-any.whl',
    'x-1-~1-py3-none-any.whl',
    'x-1-py3-none-an y.whl',
    'x-1-py3-none-any.whlx',
    'x-1-py3-none-any.WHL',
    'x-1-py3-none-any',
    '.whl',
    'a/x-1-py3-none-any.whl',
    'x-1-py3-none-any/.whl',
  ])('does not take %j for a wheel', (fileName) => {
    expect(parseWheelFileName(fileName)).toBeUndefined();
  });
});
