import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { stat, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, posix, resolve, sep } from 'node:path';
import { InputError } from '../base/errors.js';
import { checkPathLimits } from './path-limits.js';
import type { Log } from '../log/log.js';
import { globFiles } from './stage-glob.js';
import { outputDirExclusion } from './stage-exclude.js';
import { checkPayloadPath } from '../wheel/layout.js';
import { checkPathCharacters } from '../wheel/path-chars.js';
import type { PackageFile } from '../wheel/package-file.js';
import { nameWheel, topLevelOf, type NamedWheel, type TopLevel } from '../wheel/top-level.js';

/** One `SOURCE_GLOB => DEST_DIR` line of the `stage` input. */
export interface StageRule {
  source: string;
  dest: string;
  line: number;
}

export interface StagedPackage extends NamedWheel {
  /** The top-level packages and modules of the wheel (the default `import` list). */
  topLevel: TopLevel;
  files: PackageFile[];
}

// Build junk that would make the wheel depend on when and where it was built.
const EXCLUDED = ['**/__pycache__/**', '**/*.pyc', '**/*.pyo', '**/.git/**', '**/.DS_Store'];

/** Parses the `stage` input (pure): blank lines and `#` comments are skipped. */
export function parseStageRules(raw: string): StageRule[] {
  const rules: StageRule[] = [];
  raw.split(/\r?\n/).forEach((text, index) => {
    const line = text.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = line.split('=>').map((part) => part.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      throw new InputError(
        `line ${index + 1} ("${line}") is not of the form SOURCE_GLOB => DEST_DIR.`,
        {
          input: 'stage',
          fix: 'write one rule per line, e.g. `build/lib/*.so* => mypkg/lib`.',
        },
      );
    }
    const source = parts[0];
    const dest = normalizeDest(parts[1], index + 1);
    if (isAbsolute(source) || source.split('/').includes('..')) {
      throw new InputError(
        `line ${index + 1}: the glob "${source}" leaves the working directory.`,
        {
          input: 'stage',
          fix: 'use a glob relative to `working-directory`, without "..".',
        },
      );
    }
    rules.push({ source, dest, line: index + 1 });
  });
  return rules;
}

function normalizeDest(dest: string, line: number): string {
  // posix.normalize('') is '.': a DEST_DIR of slashes only is refused as absolute below.
  const normalized = posix.normalize(dest.replace(/\/+$/, ''));
  if (
    isAbsolute(dest) ||
    dest.includes('\\') ||
    normalized === '..' ||
    normalized.startsWith('../')
  ) {
    throw new InputError(
      `line ${line}: DEST_DIR "${dest}" must be a relative folder inside the wheel.`,
      {
        input: 'stage',
        fix: 'name the folder relative to the wheel root, e.g. `mypkg/lib`.',
      },
    );
  }
  return normalized === '.' ? '' : normalized;
}

/** The static part of a glob, before its first magic character: the layout is kept below it. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!]/.test(segment)) break;
    base.push(segment);
  }
  // For a plain file path the base is its folder, so the file lands directly in DEST_DIR.
  return base.join('/');
}

/** Checks a path inside the wheel (pure): nothing may escape the install target. */
export function validateArchivePath(path: string, input?: string): void {
  checkPathCharacters(path, input);
  // An empty path, a leading "/" and a trailing "/" all give an empty segment.
  if (path.includes('\\') || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new InputError(`"${path}" is not a safe path inside a wheel.`, {
      input,
      fix: 'rename the file: wheel paths are relative, without "..", backslashes or empty segments.',
    });
  }
}

export interface StageOptions {
  workingDirectory: string;
  /** GITHUB_WORKSPACE (or the command's folder): a package-dir inside it must resolve inside it. */
  workspace?: string;
  packageDir?: string;
  rules: readonly StageRule[];
  /** Where wheels are written: its contents are never staged (see outputDirExclusion). */
  outputDir?: string;
  /** The `name` input: required when the wheel has several top-level modules and packages. */
  name?: string;
  log: Log;
}

/** Leaves out the output-dir files among `found` (relative to `root`), and says so. */
function withoutOutput(
  found: string[],
  root: string,
  outputDir: string | undefined,
  log: Log,
): { kept: string[]; left: number } {
  const exclusion = outputDir === undefined ? undefined : outputDirExclusion(root, outputDir);
  if (!exclusion) return { kept: found, left: 0 };
  const kept = found.filter((rel) => !exclusion.excludes(rel));
  const left = found.length - kept.length;
  if (left > 0) log.info(`stage: left out ${left} files: ${exclusion.reason}`);
  return { kept, left };
}

/**
 * Maps build products to their place in the wheel without copying anything: the packer reads
 * them where they are. `package-dir` lands as `<its name>/`, then each rule adds its files
 * (a later file with the same wheel path replaces an earlier one, like a copy would).
 */
export async function stagePackage(options: StageOptions): Promise<StagedPackage> {
  const { workingDirectory, log } = options;
  const files = new Map<string, PackageFile>();

  if (options.packageDir !== undefined) {
    const dir = resolve(workingDirectory, options.packageDir);
    const info = await stat(dir).catch(() => undefined);
    if (info && !info.isDirectory()) {
      throw new InputError(`${dir} is a file, not the package folder.`, {
        input: 'package-dir',
        fix: 'point `package-dir` at the folder named like the package (the one holding __init__.py), or stage single files with `stage`.',
      });
    }
    if (!info) {
      throw new InputError(`the package folder ${dir} does not exist.`, {
        input: 'package-dir',
        fix: 'build first (`build-command`), or point `package-dir` at the folder named like the package.',
      });
    }
    const realDir = await realpath(dir);
    await refuseLinkedPackageDir(dir, realDir, [workingDirectory, options.workspace]);
    const packageName = basename(realDir);
    const all = await globFiles('**', { cwd: dir, ignore: EXCLUDED, input: 'package-dir' });
    const found = withoutOutput(all, dir, options.outputDir, log).kept;
    addFiles(
      files,
      found.map((rel) => ({
        source: join(dir, rel),
        archivePath: `${packageName}/${rel}`,
        root: dir,
        input: 'package-dir',
      })),
    );
  }

  for (const rule of options.rules) {
    const all = await globFiles(rule.source, {
      cwd: workingDirectory,
      ignore: EXCLUDED,
      expandDirectories: false,
      input: 'stage',
    });
    const { kept: matched, left } = withoutOutput(all, workingDirectory, options.outputDir, log);
    if (matched.length === 0) {
      const only = left > 0 ? ` but the ${left} files in output-dir, which are never packed` : '';
      throw new InputError(
        `line ${rule.line}: "${rule.source}" matched no files in ${workingDirectory}${only}.`,
        {
          input: 'stage',
          fix: 'check that `build-command` produced them and that the glob is relative to `working-directory`.',
        },
      );
    }
    const base = globBase(rule.source);
    addFiles(
      files,
      matched.sort().map((rel) => {
        const inBase = base ? posix.relative(base, rel) : rel;
        return {
          source: join(workingDirectory, rel),
          archivePath: rule.dest ? `${rule.dest}/${inBase}` : inBase,
          root: workingDirectory,
          input: 'stage',
        };
      }),
    );
    log.info(`stage: ${rule.source} => ${rule.dest || '.'} (${matched.length} files)`);
  }

  const input = options.packageDir !== undefined ? 'package-dir' : 'stage';
  const topLevel = topLevelOf([...files.keys()]);
  const named = checkTopLevel(topLevel, files, options.name, input, log);
  const staged = [...files.values()];
  log.info(`staged ${staged.length} files: ${describeTopLevel(topLevel)}`);
  return { ...named, topLevel, files: staged };
}

/**
 * `package-dir` written inside the working directory (or the workspace) must stay there once its
 * links are resolved: a folder linked out of the tree is refused like a linked file, or the
 * wheel would carry whatever the link points at (a home folder with credentials).
 */
async function refuseLinkedPackageDir(
  dir: string,
  realDir: string,
  trees: readonly (string | undefined)[],
): Promise<void> {
  const tree = trees.find((t): t is string => t !== undefined && isInside(dir, t));
  if (tree === undefined) return;
  const realTree = await realpath(tree).catch(() => tree);
  if (isInside(realDir, realTree)) return;
  const link = lstatSync(dir).isSymbolicLink();
  throw new InputError(
    `${dir} is ${link ? 'a symbolic link' : 'behind a symbolic link'} to ${realDir}, outside ${realTree}.`,
    {
      input: 'package-dir',
      fix: 'point `package-dir` at a real folder inside the working directory (have the build copy the package there) instead of a link to a folder outside it.',
      file: dir,
    },
  );
}

function isInside(path: string, tree: string): boolean {
  return path === tree || path.startsWith(tree.endsWith(sep) ? tree : tree + sep);
}

/** Top-level folders must be importable packages with an __init__.py (2.7 has no namespace packages). */
function checkTopLevel(
  topLevel: TopLevel,
  files: ReadonlyMap<string, PackageFile>,
  name: string | undefined,
  input: string,
  log: Log,
): NamedWheel {
  const bad = topLevel.otherFolders[0];
  if (bad !== undefined) {
    throw new InputError(`the package folder "${bad}" is not an importable Python name.`, {
      input,
      fix: 'name the folder like the import: ASCII letters, digits and "_", not starting with a digit.',
    });
  }
  for (const pkg of topLevel.packages) {
    if (!files.has(`${pkg}/__init__.py`)) {
      throw new InputError(`the package "${pkg}" has no __init__.py.`, {
        input,
        fix: `add ${pkg}/__init__.py that imports from the extension (e.g. \`from ._native import *\`).`,
      });
    }
  }
  if (topLevel.strayFiles.length) {
    log.warning(
      `files at the wheel root that are no module land directly in site-packages: ${topLevel.strayFiles.join(', ')}`,
    );
  }
  return nameWheel(topLevel, name, input);
}

function describeTopLevel(topLevel: TopLevel): string {
  const parts: string[] = [];
  if (topLevel.packages.length) parts.push(`packages ${topLevel.packages.join(', ')}`);
  if (topLevel.modules.length) parts.push(`top-level modules ${topLevel.modules.join(', ')}`);
  return parts.join('; ');
}

export interface StageItem {
  source: string;
  archivePath: string;
  root: string;
  input: string;
}

/**
 * Looks the files up with synchronous calls (a package has thousands of files: one thread-pool
 * round trip each costs more than the lstat itself) and adds them in their given order, so that
 * a later one with the same wheel path wins.
 */
function addFiles(files: Map<string, PackageFile>, items: readonly StageItem[]): void {
  // Folders are shared by many files: resolve each once, up front.
  const folders = new Set(items.flatMap((item) => [item.root, dirname(item.source)]));
  const realpaths = new Map(
    [...folders].map((folder) => [folder, tryCall(() => realpathSync.native(folder))]),
  );
  const real = (path: string): string | undefined => realpaths.get(path);
  for (const item of items) {
    const file = lookUp(item, real);
    files.set(file.archivePath, file);
  }
}

function tryCall<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    // Missing, a dangling link, or unreadable: the caller says which.
  }
  return undefined;
}

/** A staged file that cannot even be looked at: say why, not "a broken symbolic link". Pure. */
export function unreadableSource(item: StageItem, error: unknown): InputError {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (item.source.includes('\uFFFD')) {
    return new InputError(
      `the file name ${JSON.stringify(item.source)} is not valid UTF-8 (shown with \uFFFD for the bytes that are not); a wheel's file names must be UTF-8.`,
      {
        input: item.input,
        fix: 'rename the file to a UTF-8 name in the build (or leave it out of what you stage).',
      },
    );
  }
  if (code === 'ENAMETOOLONG') {
    return new InputError(`the path ${item.source} is too long for the file system.`, {
      input: item.input,
      fix: 'use a shallower folder layout or shorter file and folder names: Linux allows 4096 bytes for a whole path and 255 for each name.',
    });
  }
  return new InputError(
    `${item.source} disappeared or cannot be read while staging (${typeof code === 'string' ? code : String(error)}).`,
    {
      input: item.input,
      fix: 'make sure nothing deletes or renames build products while the action runs (a background process of the build?).',
      file: item.source,
    },
  );
}

function lookUp(item: StageItem, real: (path: string) => string | undefined): PackageFile {
  validateArchivePath(item.archivePath, item.input);
  checkPayloadPath(item.archivePath, item.input);
  checkPathLimits(item.archivePath, item.input);
  // Zip has no portable symlinks and pip would not restore them: a link (of the file or of a
  // folder above it) is stored as its target's bytes, but only for targets inside the tree the
  // user pointed us at. A file that is not a link resolves to its resolved folder + its name
  // (the folder was resolved before the file was looked at: unresolved only if it came later).
  let own: Stats;
  try {
    own = lstatSync(item.source);
  } catch (error) {
    throw unreadableSource(item, error);
  }
  const link = own.isSymbolicLink();
  const source = link
    ? tryCall(() => realpathSync.native(item.source))
    : join(real(dirname(item.source)) ?? dirname(item.source), basename(item.source));
  if (source === undefined) {
    throw new InputError(`${item.source} is a broken symbolic link.`, {
      input: item.input,
      fix: 'remove it or make it point at a file that exists.',
      file: item.source,
    });
  }
  const root = real(item.root) ?? item.root;
  if (!source.startsWith(root + sep)) {
    throw new InputError(
      `${item.source} is ${link ? 'a symbolic link' : 'behind a symbolic link'} to ${source}, outside ${root}.`,
      {
        input: item.input,
        fix: 'copy the file into the package instead of linking to it, or stage it with a `stage` rule.',
        file: item.source,
      },
    );
  }
  const info = !link ? own : statSync(source);
  return {
    archivePath: item.archivePath,
    sourcePath: source,
    size: info.size,
    executable: (info.mode & 0o111) !== 0,
  };
}
