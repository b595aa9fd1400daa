import { isAbsolute, resolve } from 'node:path';
import { InputError } from './errors.js';
import { INPUT_SPECS, type InputName, type InputSource } from './input-spec.js';
import { parsePythonRequest, type PythonRequest } from './python/discover.js';
import { parseStageRules, type StageRule } from './stage.js';
import { isModulePath, validateDistributionName } from './wheel/names.js';
import { parseWheelTag, type WheelTag } from './wheel/tags.js';
import { normalizeVersion } from './wheel/version.js';

/** Everything the pipeline needs, validated; paths are absolute. */
export interface Inputs {
  workingDirectory: string;
  buildCommand?: string;
  packageDir?: string;
  stage: StageRule[];
  /** Distribution name; undefined = the package folder's name. */
  name?: string;
  /** Normalized PEP 440 version. */
  version: string;
  python: PythonRequest;
  wheelTag?: WheelTag;
  requires: string[];
  summary?: string;
  author?: string;
  license?: string;
  homePage?: string;
  /** Modules to import; empty = the package. */
  imports: string[];
  testCommand?: string;
  outputDir: string;
}

/** Reads and validates every input once; throws InputError naming the first bad one. */
export function getInputs(source: InputSource, env: NodeJS.ProcessEnv): Inputs {
  const get = (name: InputName): string => {
    const value = source(name).trim();
    return value === '' ? INPUT_SPECS[name].default : value;
  };
  const optional = (name: InputName): string | undefined => get(name) || undefined;
  const lines = (name: InputName): string[] =>
    get(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));

  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const workingDirectory = resolve(workspace, get('working-directory'));
  const packageDir = optional('package-dir');
  const stage = parseStageRules(get('stage'));
  if (packageDir === undefined && stage.length === 0) {
    throw new InputError('neither `package-dir` nor `stage` was given.', {
      input: 'package-dir',
      fix: 'set `package-dir` to the finished package folder, or `stage` to copy build products into one.',
    });
  }
  const name = optional('name');
  if (name !== undefined) validateDistributionName(name);

  const imports = lines('import');
  for (const module of imports) {
    if (!isModulePath(module)) {
      throw new InputError(`"${module}" is not a module name.`, {
        input: 'import',
        fix: 'list dotted module names such as mypkg or mypkg.core, one per line.',
      });
    }
  }
  const wheelTag = optional('wheel-tag');
  return {
    workingDirectory,
    buildCommand: optional('build-command'),
    packageDir: packageDir === undefined ? undefined : resolve(workingDirectory, packageDir),
    stage,
    name,
    version: normalizeVersion(get('version') || versionFromTag(env)),
    python: parsePythonRequest(get('python')),
    wheelTag: wheelTag === undefined ? undefined : parseWheelTag(wheelTag),
    requires: lines('requires'),
    summary: optional('summary'),
    author: optional('author'),
    license: optional('license'),
    homePage: optional('home-page'),
    imports,
    testCommand: optional('test-command'),
    outputDir: absolute(workingDirectory, get('output-dir')),
  };
}

/** On a tag push the tag is the version: `v1.2.0` -> `1.2.0`. */
export function versionFromTag(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME) {
    return env.GITHUB_REF_NAME.replace(/^v(?=\d)/, '');
  }
  return '';
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}
