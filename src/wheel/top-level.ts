import { InputError } from '../base/errors.js';
import { escapeWheelName, isImportableName } from './names.js';

/**
 * What a wheel puts directly into site-packages (pure): its top-level packages (folders) and
 * top-level modules (`helper.py`, `fastjson.cpython-36m-x86_64-linux-gnu.so`), the names a user
 * imports. Derived from the wheel paths alone, the same way on every route (staged files, a
 * `setup.py build` tree, the entries of a wheel pip built).
 */
export interface TopLevel {
  /** Importable top-level folders, sorted. */
  packages: string[];
  /** Importable top-level modules (Python sources and extension modules), sorted, unique. */
  modules: string[];
  /** Top-level folders whose names cannot be imported (`my-pkg`); `.libs`/`.data`/`.dist-info` excluded. */
  otherFolders: string[];
  /** Files at the root that are no module (`libfoo.so.1`, `README`): they land in site-packages as they are. */
  strayFiles: string[];
}

// Folders that belong to the wheel format or to bundled libraries, never imported.
const SPECIAL_FOLDER = /\.(?:libs|data|dist-info)$/;
// A module's file at the root: `name.py`, `name.so`, `name.<abi tag>.so`, and a `.pyi` stub.
const MODULE_FILE = /^([^.]+)(?:\.py|\.pyi|(?:\.[A-Za-z0-9_-]+)?\.so)$/;

/**
 * The module a file at the wheel root provides, if any. An unversioned `lib*.so` is taken for a
 * shared library placed beside an extension (`libfoo.so`), not for a module named `libfoo`.
 */
export function rootModuleName(fileName: string): string | undefined {
  const match = MODULE_FILE.exec(fileName);
  if (!match || !isImportableName(match[1]!)) return undefined;
  if (fileName.startsWith('lib') && fileName === `${match[1]}.so`) return undefined;
  return match[1];
}

export function topLevelOf(paths: readonly string[]): TopLevel {
  const packages = new Set<string>();
  const modules = new Set<string>();
  const otherFolders = new Set<string>();
  const strayFiles: string[] = [];
  for (const path of paths) {
    const slash = path.indexOf('/');
    if (slash >= 0) {
      const folder = path.slice(0, slash);
      if (SPECIAL_FOLDER.test(folder)) continue;
      (isImportableName(folder) ? packages : otherFolders).add(folder);
      continue;
    }
    const module = rootModuleName(path);
    if (module === undefined) strayFiles.push(path);
    else if (!path.endsWith('.pyi')) modules.add(module);
  }
  return {
    packages: [...packages].sort(),
    modules: [...modules].sort(),
    otherFolders: [...otherFolders].sort(),
    strayFiles: strayFiles.sort(),
  };
}

/** Every name the wheel lets `import` find at top level: the default `import` list. */
export function importNames(topLevel: TopLevel): string[] {
  return [...new Set([...topLevel.packages, ...topLevel.modules])].sort();
}

export interface NamedWheel {
  /** The distribution name: `name`, or the one top-level module or package. */
  distribution: string;
  /**
   * The name that prefixes the wheel's own folders (`<name>.libs/` for bundled libraries): the
   * one package when there is exactly one, else the escaped distribution name.
   */
  packageName: string;
}

/**
 * Names the distribution (pure): `name` when given, otherwise the wheel's only top-level module
 * or package. Several, or none, without `name` is an error naming the input.
 */
export function nameWheel(topLevel: TopLevel, name: string | undefined, input: string): NamedWheel {
  const names = importNames(topLevel);
  if (names.length === 0) {
    throw new InputError(
      topLevel.strayFiles.length
        ? `the staged files contain no Python module or package (at the wheel root: ${list(topLevel.strayFiles)}).`
        : 'the staged files contain no Python module or package.',
      {
        input,
        fix: 'stage a package folder (`python/mypkg/** => mypkg`) or top-level modules (`build/mymod*.so => .`, `mymod.py => .`).',
      },
    );
  }
  if (name === undefined && names.length > 1) {
    throw new InputError(
      `the wheel has several top-level modules and packages (${list(names)}), so its distribution name cannot be derived.`,
      {
        input: 'name',
        fix: 'set `name` to the distribution name (what `pip install` and the dependencies file use).',
      },
    );
  }
  const distribution = name ?? names[0]!;
  const packageName =
    topLevel.packages.length === 1 ? topLevel.packages[0]! : escapeWheelName(distribution);
  return { distribution, packageName };
}

function list(names: readonly string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(', ')}, ...` : names.join(', ');
}

/**
 * The default `import` list of a wheel built by someone else (pip wheel): its top-level modules
 * and the folders with an `__init__.py` (a folder without one may be a namespace portion or
 * data, which 2.7 cannot import). All names when that leaves nothing.
 */
export function defaultImports(paths: readonly string[]): string[] {
  const topLevel = topLevelOf(paths);
  const present = new Set(paths);
  const names = [
    ...topLevel.packages.filter((p) => present.has(`${p}/__init__.py`)),
    ...topLevel.modules,
  ];
  return names.length ? [...new Set(names)].sort() : importNames(topLevel);
}
