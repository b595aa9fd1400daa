import { basename, isAbsolute, resolve } from 'node:path';
import { booleanWord } from '../base/boolean-word.js';
import { InputError } from '../base/errors.js';
import { parseDockerOptions, validateImage, type ContainerEngine } from '../exec/container-plan.js';
import { parseTargetGlibc, type RuntimeTarget } from '../native/glibc-target.js';
import { parseLibraryGlobs, type LibraryGlob } from '../native/library-filter.js';
import { inputReader, type InputReader } from './input-reader.js';
import type { InputName, InputSource } from './input-spec.js';
import { artifactInputs, s3Inputs, type ArtifactInputs, type S3Inputs } from './inputs-publish.js';
import { verifyInputs, type VerifyInputs } from './inputs-verify.js';
import { DEFAULT_LICENSE_PATTERNS } from '../stage/license-patterns.js';
import { pushedTag, tagVersion, type ExpectedVersion } from './project-version.js';
import { parsePythonRequest, type PythonRequest } from '../python/discover.js';
import { parseStageRules, type StageRule } from '../stage/stage.js';
import { parseTimeoutMinutes } from '../exec/command-timeouts.js';
import { checkVersionLength } from '../wheel/file-name-length.js';
import { isModulePath, validateDistributionName } from '../wheel/names.js';
import { parseSpecifierSet } from '../wheel/specifier.js';
import { formatTag, parseWheelTag, type WheelTag } from '../wheel/tags.js';
import { readmeContentType, singleLine } from '../wheel/metadata.js';
import { validateRequirement } from '../wheel/requirement.js';
import { formatVersion, normalizeVersion, parseVersion } from '../wheel/version.js';

export interface ContainerInputs {
  image: string;
  engine: ContainerEngine;
  options: string[];
  /** The raw `env` lines (validated when the executor is made). */
  envLines: string[];
}

export type { ArtifactInputs, S3Inputs } from './inputs-publish.js';
export type { VerifyInputs } from './inputs-verify.js';

/** Everything the pipeline needs, validated; paths are absolute. */
export interface Inputs extends VerifyInputs {
  workspace: string;
  workingDirectory: string;
  buildCommand?: string;
  /** `build-timeout` in ms; undefined = no limit. */
  buildTimeoutMs?: number;
  packageDir?: string;
  stage: StageRule[];
  projectDir?: string;
  /** Distribution name; undefined = the package folder's name. */
  name?: string;
  /** Normalized PEP 440 version (empty for project-dir, whose metadata has its own). */
  version: string;
  /** project-dir: the version the project must report (`version`, or the pushed tag). */
  expectedVersion?: ExpectedVersion;
  python: PythonRequest;
  wheelTag?: WheelTag;
  requires: string[];
  /** Canonical PEP 440 specifier set for Requires-Python. */
  requiresPython?: string;
  summary?: string;
  author?: string;
  license?: string;
  homePage?: string;
  /** Globs (in working-directory) of the license files for .dist-info/licenses/; [] = none. */
  licenseFiles: string[];
  /** The readme file (absolute) that becomes the long description. */
  readme?: string;
  /** Modules to import; empty = the package. */
  imports: string[];
  testCommand?: string;
  /** `test-timeout` in ms; undefined = no limit. */
  testTimeoutMs?: number;
  outputDir: string;
  /** zlib level 1-9. */
  compressionLevel: number;
  container?: ContainerInputs;
  /** With `verify-image`: its engine, `docker-options` and `env` (also without `image`). */
  verifyEngine?: Omit<ContainerInputs, 'image' | 'envLines'> & { envLines: string[] };
  checkLibs: boolean;
  bundleLibs: boolean;
  libraryPath: string[];
  /** `exclude-libs`: libraries bundle-libs leaves out. */
  excludeLibs: LibraryGlob[];
  /** `target-glibc`; undefined = none given (with `image`: the image's own libc decides). */
  targetGlibc?: RuntimeTarget;
  /** `platform-tag`: linux_<arch>, or the strictest manylinux policy the wheel satisfies. */
  platformTag: 'linux' | 'manylinux';
  s3?: S3Inputs;
  /** undefined = `artifact-name: false`. */
  artifact?: ArtifactInputs;
}

/** Reads and validates every input once; throws InputError naming the first bad one. */
export function getInputs(source: InputSource, env: NodeJS.ProcessEnv): Inputs {
  const read = inputReader(source);
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const workingDirectory = resolve(workspace, read.get('working-directory'));
  const { packageDir, stage, projectDir } = packageSource(read);
  const name = distributionName(read);
  const imports = importList(read);
  const wheelTag = read.optional('wheel-tag');
  const metadata = metadataInputs(read, projectDir, env);
  const bundleLibs = bundleLibsInput(read, projectDir);
  const requiresPython = requiresPythonInput(read, projectDir);
  const excludeLibs = excludeLibsInput(read, bundleLibs);
  const platformTag = platformTagInput(read, wheelTag, projectDir);
  const inputs: Inputs = {
    workspace,
    workingDirectory,
    buildCommand: read.optional('build-command'),
    buildTimeoutMs: parseTimeoutMinutes('build-timeout', read.get('build-timeout')),
    packageDir: packageDir === undefined ? undefined : resolve(workingDirectory, packageDir),
    stage,
    projectDir: projectDir === undefined ? undefined : resolve(workingDirectory, projectDir),
    name,
    // A project-dir wheel carries its own version; one given here (or by the tag) must match it.
    version: projectDir !== undefined ? '' : normalizeVersion(metadata.rawVersion),
    expectedVersion:
      projectDir !== undefined ? expectedVersion(read.get('version'), env) : undefined,
    python: parsePythonRequest(read.get('python')),
    wheelTag: wheelTag === undefined ? undefined : parseWheelTag(wheelTag),
    requires: metadata.requires,
    requiresPython: requiresPython === undefined ? undefined : parseSpecifierSet(requiresPython),
    summary: read.optional('summary'),
    author: read.optional('author'),
    license: read.optional('license'),
    homePage: read.optional('home-page'),
    licenseFiles: metadata.licenseFiles,
    readme: metadata.readme === undefined ? undefined : absolute(workingDirectory, metadata.readme),
    imports,
    testCommand: read.optional('test-command'),
    testTimeoutMs: parseTimeoutMinutes('test-timeout', read.get('test-timeout')),
    outputDir: absolute(workingDirectory, read.get('output-dir')),
    compressionLevel: compressionLevel(read.get('compression-level')),
    container: containerInputs(read),
    ...verifyInputs(read, workingDirectory),
    ...(read.lines('verify-image').length > 0
      ? {
          verifyEngine: {
            engine: engineInput(read),
            options: parseDockerOptions(read.get('docker-options')),
            envLines: read.lines('env'),
          },
        }
      : {}),
    checkLibs: read.bool('check-libs'),
    bundleLibs,
    libraryPath: read.lines('library-path').map((p) => absolute(workingDirectory, p)),
    excludeLibs,
    targetGlibc: parseTargetGlibc(read.get('target-glibc')),
    platformTag,
    s3: s3Inputs(read),
    artifact: artifactInputs(read.get('artifact-name'), read.get('retention-days')),
  };
  // A wheel file name too long for the disk fails here, not after the build (ENAMETOOLONG).
  if (inputs.version !== '') {
    const knownName = name ?? (packageDir ? basename(packageDir) : undefined);
    const tag = inputs.wheelTag === undefined ? undefined : formatTag(inputs.wheelTag);
    checkVersionLength(inputs.version, knownName, tag);
  }
  return inputs;
}

/** Exactly one way to the package: `project-dir`, or `package-dir` and/or `stage`. */
function packageSource(read: InputReader): {
  packageDir?: string;
  stage: StageRule[];
  projectDir?: string;
} {
  const packageDir = read.optional('package-dir');
  const stage = parseStageRules(read.get('stage'));
  const projectDir = read.optional('project-dir');
  if (projectDir !== undefined && (packageDir !== undefined || stage.length > 0)) {
    throw new InputError('`project-dir` cannot be combined with `package-dir` or `stage`.', {
      input: 'project-dir',
      fix: 'give `project-dir` for a setup.py/pyproject.toml project, or `package-dir`/`stage` for build products, not both.',
    });
  }
  if (projectDir === undefined && packageDir === undefined && stage.length === 0) {
    throw new InputError('neither `package-dir` nor `stage` was given.', {
      input: 'package-dir',
      fix: 'set `package-dir` to the finished package folder, or `stage` to copy build products into one (or `project-dir` for a setup.py project).',
    });
  }
  return { packageDir, stage, projectDir };
}

function distributionName(read: InputReader): string | undefined {
  const name = read.get('name');
  return name === '' ? undefined : validateDistributionName(name);
}

/** `import`: the modules the verification imports. */
function importList(read: InputReader): string[] {
  const imports = read.lines('import');
  for (const module of imports) {
    if (!isModulePath(module)) {
      throw new InputError(`"${module}" is not a module name.`, {
        input: 'import',
        fix: 'list dotted module names such as mypkg or mypkg.core, one per line.',
      });
    }
  }
  return imports;
}

/**
 * The METADATA inputs, checked now rather than when METADATA is written after the whole build;
 * refused on a project-dir, whose build writes its own METADATA.
 */
function metadataInputs(
  read: InputReader,
  projectDir: string | undefined,
  env: NodeJS.ProcessEnv,
): { licenseFiles: string[]; rawVersion: string; readme?: string; requires: string[] } {
  const licenseFiles = licensePatterns(read.lines('license-files'));
  if (projectDir !== undefined) refuseProjectMetadata(read.get, licenseFiles);
  const rawVersion = read.get('version') || versionFromTag(env);
  const readme = read.optional('readme');
  if (readme !== undefined) readmeContentType(readme);
  for (const field of ['summary', 'author', 'license', 'home-page'] as const) {
    const value = read.optional(field);
    if (value !== undefined) singleLine(value, field);
  }
  const requires = read.lines('requires');
  for (const requirement of requires) validateRequirement(requirement);
  return { licenseFiles, rawVersion, readme, requires };
}

function bundleLibsInput(read: InputReader, projectDir: string | undefined): boolean {
  const bundleLibs = read.bool('bundle-libs');
  if (bundleLibs && projectDir !== undefined) {
    throw new InputError(
      '`bundle-libs` works on staged build products, not on a `project-dir` wheel.',
      {
        input: 'bundle-libs',
        fix: "use auditwheel in the project's own build, or stage the build products with `package-dir`/`stage`.",
      },
    );
  }
  return bundleLibs;
}

/** The raw `requires-python` (parsed later, where the other values are). */
function requiresPythonInput(
  read: InputReader,
  projectDir: string | undefined,
): string | undefined {
  const requiresPython = read.optional('requires-python');
  if (requiresPython !== undefined && projectDir !== undefined) {
    throw new InputError('`requires-python` is for staged wheels, not a `project-dir` build.', {
      input: 'requires-python',
      fix: 'declare it in the project itself (python_requires in setup.py, requires-python in pyproject.toml).',
    });
  }
  return requiresPython;
}

function excludeLibsInput(read: InputReader, bundleLibs: boolean): LibraryGlob[] {
  const excludeLibs = parseLibraryGlobs(read.lines('exclude-libs'));
  if (excludeLibs.length > 0 && !bundleLibs) {
    throw new InputError('`exclude-libs` only applies with `bundle-libs: true`.', {
      input: 'exclude-libs',
      fix: 'set bundle-libs: true, or remove exclude-libs (without bundling, nothing is copied into the wheel).',
    });
  }
  return excludeLibs;
}

function platformTagInput(
  read: InputReader,
  wheelTag: string | undefined,
  projectDir: string | undefined,
): Inputs['platformTag'] {
  const platformTag = read.get('platform-tag');
  if (platformTag !== 'linux' && platformTag !== 'manylinux') {
    throw new InputError(`platform-tag "${platformTag}" is not supported.`, {
      input: 'platform-tag',
      fix: 'use linux (the default: linux_<arch>, which every pip accepts) or manylinux (tag the wheel with the strictest manylinux policy it satisfies).',
    });
  }
  if (platformTag === 'manylinux' && (wheelTag !== undefined || projectDir !== undefined)) {
    throw new InputError(
      `platform-tag: manylinux cannot be combined with ${wheelTag !== undefined ? '`wheel-tag`' : '`project-dir`'}.`,
      {
        input: 'platform-tag',
        fix:
          wheelTag !== undefined
            ? 'give the whole tag in wheel-tag, or leave wheel-tag empty and let platform-tag: manylinux choose the platform.'
            : "a project-dir wheel is tagged by the project's own build (use auditwheel there), or stage the build products with package-dir/stage.",
      },
    );
  }
  return platformTag;
}

function containerInputs(read: InputReader): ContainerInputs | undefined {
  const image = read.get('image');
  if (image === '') return undefined;
  return {
    image: validateImage(image),
    engine: engineInput(read),
    options: parseDockerOptions(read.get('docker-options')),
    envLines: read.lines('env'),
  };
}

function engineInput(read: InputReader): ContainerEngine {
  const engine = read.get('container-engine');
  if (engine !== 'docker' && engine !== 'podman') {
    throw new InputError(`"${engine}" is not a supported container engine.`, {
      input: 'container-engine',
      fix: 'use docker or podman.',
    });
  }
  return engine;
}

function compressionLevel(raw: string): number {
  if (!/^[1-9]$/.test(raw)) {
    throw new InputError(`"${raw}" is not a compression level.`, {
      input: 'compression-level',
      fix: 'use a whole number from 1 (fastest) to 9 (smallest); 4 is the default, 6 matches zip -6.',
    });
  }
  return Number(raw);
}

/** On a tag push the tag is the version: `v1.2.0` -> `1.2.0`. */
export function versionFromTag(env: NodeJS.ProcessEnv): string {
  const tag = pushedTag(env);
  return tag === undefined ? '' : tagVersion(tag);
}

/**
 * project-dir: the project's own version is the wheel's; `version`, or the pushed tag when
 * `version` is empty, must agree with it. A tag that names no version (`nightly`) checks nothing.
 */
function expectedVersion(given: string, env: NodeJS.ProcessEnv): ExpectedVersion | undefined {
  if (given !== '') return { version: normalizeVersion(given), from: { input: 'version' } };
  const tag = pushedTag(env);
  if (tag === undefined) return undefined;
  const parsed = parseVersion(tagVersion(tag));
  return parsed === undefined ? undefined : { version: formatVersion(parsed), from: { tag } };
}

// What each metadata input is called in the project's own configuration.
const PROJECT_FIELDS: [InputName, string][] = [
  ['name', "`name=` in setup.py, or `name` in pyproject.toml's [project]"],
  ['summary', '`description=` in setup.py, or `description` in [project]'],
  ['requires', '`install_requires=` in setup.py, or `dependencies` in [project]'],
  ['author', '`author=` in setup.py, or `authors` in [project]'],
  ['license', '`license=` in setup.py, or `license` in [project]'],
  ['home-page', '`url=` in setup.py, or `urls` in [project]'],
  [
    'readme',
    '`long_description=` and `long_description_content_type=` in setup.py, or `readme` in [project]',
  ],
  ['license-files', '`license_files` in setup.cfg, or `license-files` in [project]'],
];

/**
 * A project-dir wheel's METADATA is written by the project's build backend, which knows nothing
 * of our inputs: refusing them up front beats dropping them silently after a long build.
 */
function refuseProjectMetadata(get: (name: InputName) => string, licenseFiles: string[]): void {
  for (const [input, where] of PROJECT_FIELDS) {
    const given =
      input === 'license-files'
        ? licenseFiles.some((p) => !DEFAULT_LICENSE_PATTERNS.includes(p))
        : get(input) !== '';
    if (given) {
      throw new InputError(
        `\`${input}\` cannot be applied to a \`project-dir\` wheel: the project's build writes its metadata.`,
        {
          input,
          fix: `set it in the project instead (${where}), and remove \`${input}\` from the step.`,
        },
      );
    }
  }
}

/** The `license-files` globs: `false` turns them off; each must stay inside working-directory. */
function licensePatterns(patterns: string[]): string[] {
  if (patterns.length === 1 && booleanWord(patterns[0]!) === false) return [];
  for (const pattern of patterns) {
    if (isAbsolute(pattern) || pattern.split('/').includes('..') || pattern.includes('\\')) {
      throw new InputError(`"${pattern}" is not a glob inside the working directory.`, {
        input: 'license-files',
        fix: 'give globs relative to `working-directory` without ".." (e.g. LICENSE, licenses/*.txt), or set `working-directory` to the folder that holds them.',
      });
    }
  }
  return patterns;
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
