import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { InputError } from '../base/errors.js';
import { DEFAULT_LICENSE_PATTERNS } from './license-patterns.js';
import type { Log } from '../log/log.js';
import { readmeContentType, validateLicensePath, type LongDescription } from '../wheel/metadata.js';
import type { PackageFile } from '../wheel/package-file.js';

/**
 * The `license-files` globs matched in working-directory: each file once, `archivePath` relative
 * to `.dist-info/licenses/` (its path relative to working-directory, as setuptools writes it).
 * A glob the user added that matches nothing is an error; the default globs may match nothing.
 */
export async function collectLicenseFiles(options: {
  workingDirectory: string;
  /** Files (after symlinks) must lie inside this folder: the workspace. */
  root: string;
  patterns: readonly string[];
  log: Log;
}): Promise<PackageFile[]> {
  const { workingDirectory, patterns, log } = options;
  const files = new Map<string, PackageFile>();
  for (const pattern of patterns) {
    const matched = await glob(pattern, {
      cwd: workingDirectory,
      onlyFiles: true,
      expandDirectories: false,
      ignore: ['**/.git/**'],
    });
    if (matched.length === 0 && !DEFAULT_LICENSE_PATTERNS.includes(pattern)) {
      throw new InputError(`"${pattern}" matched no file in ${workingDirectory}.`, {
        input: 'license-files',
        fix: 'give globs relative to `working-directory` that match the license files, or `false` for none.',
      });
    }
    for (const rel of matched.sort()) {
      if (files.has(rel)) continue;
      const sourcePath = await insideRoot(
        join(workingDirectory, rel),
        [options.root, workingDirectory],
        'license-files',
      );
      const info = await stat(sourcePath);
      files.set(rel, {
        archivePath: validateLicensePath(rel),
        sourcePath,
        size: info.size,
        executable: false,
      });
    }
  }
  if (files.size > 0) log.info(`license files: ${[...files.keys()].join(', ')}`);
  return [...files.values()];
}

/**
 * A symbolic link that leads out of the workspace (a `LICENSE` pointing at /etc/shadow in a pull
 * request) must not carry that file into a published wheel: its real path must lie inside the
 * workspace or the working directory.
 */
async function insideRoot(path: string, roots: readonly string[], input: string): Promise<string> {
  const real = await realpath(path);
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => root)));
  if (!realRoots.some((root) => real.startsWith(root + sep))) {
    throw new InputError(`${path} leads to ${real}, outside the workspace.`, {
      input,
      fix: 'point it at a file inside the workspace (copy the file in instead of linking to it).',
      file: path,
    });
  }
  return real;
}

/** Reads the `readme` file: UTF-8 text, its content type from the extension. */
export async function readReadme(path: string, roots: readonly string[]): Promise<LongDescription> {
  const contentType = readmeContentType(path);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    throw new InputError(`the readme ${path} ${info ? 'is not a file' : 'does not exist'}.`, {
      input: 'readme',
      fix: 'give the path of a README file relative to `working-directory`.',
      file: path,
    });
  }
  const bytes = await readFile(await insideRoot(path, roots, 'readme'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`the readme ${path} is not UTF-8 text.`, {
      input: 'readme',
      fix: 'save it as UTF-8 (METADATA is UTF-8).',
      file: path,
    });
  }
  return { text, contentType };
}

/** What the staged route adds to .dist-info beside the generated files. */
export interface DistInfoExtras {
  licenses: PackageFile[];
  description?: LongDescription;
}

/** Reads `license-files` and `readme` before the build, so a wrong name fails at once. */
export async function readDistInfoExtras(options: {
  workingDirectory: string;
  /** The workspace: what the files may point into. */
  root: string;
  licensePatterns: readonly string[];
  readme?: string;
  log: Log;
}): Promise<DistInfoExtras> {
  const licenses = await collectLicenseFiles({
    workingDirectory: options.workingDirectory,
    root: options.root,
    patterns: options.licensePatterns,
    log: options.log,
  });
  if (options.readme === undefined) return { licenses };
  return {
    licenses,
    description: await readReadme(options.readme, [options.root, options.workingDirectory]),
  };
}
