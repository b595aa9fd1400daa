import { describe, expect, it } from 'vitest';
import { checkDataFolder, checkPayloadPath, DATA_SCHEMES } from '../../src/wheel/layout.js';
import { thrownInputError } from '../helpers/input-error.js';

describe('checkPayloadPath', () => {
  it('lists the scheme folders of the wheel spec', () => {
    expect(DATA_SCHEMES).toEqual(['data', 'headers', 'platlib', 'purelib', 'scripts']);
  });

  it.each([
    'pkg/__init__.py',
    'top.py',
    'x.dist-info',
    'x.data',
    'pkg/x-1.0.dist-info/METADATA',
    'pkg/x.data/tool',
    'x-1.0.dist-info.bak/METADATA',
    'x-1.0.data/scripts/tool',
    'x-1.0.data/purelib/m.py',
    'x-1.0.data/platlib/m.so',
    'x-1.0.data/headers/x.h',
    'x-1.0.data/data/share/x/y.txt',
  ])('accepts %j', (path) => {
    expect(() => checkPayloadPath(path, 'stage')).not.toThrow();
  });

  it.each([
    ['x-1.0.dist-info/METADATA', 'stage'],
    ['pkg.dist-info/sub/RECORD', 'package-dir'],
    ['.dist-info/x', 'stage'],
  ])('refuses %j inside a metadata folder, naming %s', (path, input) => {
    const e = thrownInputError(() => checkPayloadPath(path, input));
    const top = path.split('/')[0];
    expect(e.message).toBe(
      `"${path}" is staged into ${top}/, a metadata folder: only the packer writes one.`,
    );
    expect(e.input).toBe(input);
    expect(e.fix).toBe(
      'stage files into the package folder; the wheel metadata comes from `name`, `version`, `summary`, `requires` and the other inputs.',
    );
  });

  it.each([
    'x-1.0.data/bin/tool',
    'x-1.0.data/scripts',
    'x-1.0.data/Scripts/tool',
    'x-1.0.data/tool',
    '.data/lib/x',
  ])('refuses %j outside the scheme folders', (path) => {
    const e = thrownInputError(() => checkPayloadPath(path, 'stage'));
    const top = path.split('/')[0];
    expect(e.message).toBe(
      `"${path}" is staged into ${top}/ but not into one of its scheme folders (data, headers, platlib, purelib, scripts).`,
    );
    expect(e.input).toBe('stage');
    expect(e.fix).toBe(
      `stage it into ${top}/<scheme>/..., e.g. \`build/tool => ${top}/scripts\`, or into the package folder.`,
    );
  });
});

describe('checkDataFolder', () => {
  it("accepts the wheel's own data folder, and files whose names only end in .data", () => {
    expect(() =>
      checkDataFolder(
        ['pkg/a.py', 'my_package-1.0.data/scripts/t', 'table.data', 'pkg/x.data/y'],
        'my_package-1.0.dist-info',
      ),
    ).not.toThrow();
  });

  it.each(['my-package-1.0.data/scripts/t', 'my_package-1.0.0.data/data/x', 'other.data/data/x'])(
    'refuses %j beside my_package-1.0.dist-info',
    (path) => {
      const e = thrownInputError(() =>
        checkDataFolder(['pkg/a.py', path], 'my_package-1.0.dist-info'),
      );
      expect(e.message).toBe(
        `"${path}" is staged into ${path.split('/')[0]}/, but this wheel's data folder is my_package-1.0.data/.`,
      );
      expect(e.input).toBe('stage');
      expect(e.fix).toBe(
        'stage it into my_package-1.0.data/<scheme>/... (the name and version as the wheel writes them).',
      );
    },
  );
});
