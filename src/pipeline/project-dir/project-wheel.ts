// The project-dir route: the project's own build (setup.py or pyproject) makes the wheel; with a
// setup.py and no `wheel` package in the interpreter, setup.py builds the tree and we pack it.
import { mkdir, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { BuildError } from '../../base/errors.js';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import { checkProjectVersion, type ExpectedVersion } from '../../inputs/project-version.js';
import { nativeFiles } from '../../stage/native-files.js';
import { parseStageRules, stagePackage } from '../../stage/stage.js';
import type { PackResult } from '../verified-wheel.js';
import { GENERATOR } from '../tool-version.js';
import { parseWheelFileName } from '../../wheel/names.js';
import { pureTag, tagFromProbe, type PythonProbe, type WheelTag } from '../../wheel/tags.js';
import { defaultImports, importNames, topLevelOf } from '../../wheel/top-level.js';
import { packWheel, sha256File } from '../../wheel/pack.js';
import { listZipEntries } from '../../zip/zip-listing.js';
import { checkAbiForProbe, checkStagedAbi } from '../../python/abi-check.js';
import { warnBuildRunpaths } from './build-runpath.js';
import { readEggInfo } from './egg-info.js';
import { readLicensePaths } from './license-paths.js';
import { buildProjectWheel, buildSetupPyTree, hasWheelPackage } from './project-build.js';
import { readProjectVersion } from './read-project-version.js';

export interface ProjectWheelOptions {
  executor: Executor;
  probe: PythonProbe;
  projectDir: string;
  /** The tag or `version` the project's own version must agree with. */
  expectedVersion?: ExpectedVersion;
  /** `wheel-tag`, for the wheel we pack ourselves. */
  wheelTag?: WheelTag;
  compressionLevel: number;
  /** This run's temp folder. */
  work: string;
  /** Where the wheel waits until it is verified. */
  pending: string;
  /** SOURCE_DATE_EPOCH of the run (resolved, and logged, when first asked). */
  sourceDate: () => Promise<number>;
  log: Log;
}

/** Builds the project's wheel into `pending` and checks its version and ABI. */
export async function projectWheel(options: ProjectWheelOptions): Promise<PackResult> {
  const { executor, probe, projectDir, expectedVersion, log } = options;
  if (expectedVersion) {
    // Before minutes of compiling: a tag or `version` that disagrees with the project fails now.
    const early = await readProjectVersion({ executor, python: probe.executable, projectDir, log });
    if (early) checkProjectVersion(expectedVersion, early.version, early.where);
  }
  const date = await options.sourceDate();
  const hasSetupPy = await stat(join(projectDir, 'setup.py')).then(
    () => true,
    () => false,
  );
  if (hasSetupPy && !(await hasWheelPackage(executor, probe.executable, projectDir))) {
    return packSetupPyTree(options, date);
  }
  const built = await buildProjectWheel({
    executor,
    probe,
    projectDir,
    outDir: join(options.work, 'project-wheel'),
    env: { SOURCE_DATE_EPOCH: String(date) },
    log,
  });
  return adoptBuiltWheel(options, built);
}

/** No `wheel` package: setup.py builds the tree, we pack it with METADATA from egg_info. */
async function packSetupPyTree(options: ProjectWheelOptions, date: number): Promise<PackResult> {
  const { executor, probe, projectDir, log } = options;
  const tree = await buildSetupPyTree({
    executor,
    probe,
    projectDir,
    workDir: join(options.work, 'setup-py'),
    env: { SOURCE_DATE_EPOCH: String(date) },
    log,
  });
  const staged = await stagePackage({
    workingDirectory: tree.libDir,
    rules: parseStageRules('** => .'),
    name: tree.name,
    log,
  });
  checkStagedAbi(probe, staged.files);
  const version = checkProjectVersion(options.expectedVersion, tree.version, 'setup.py');
  log.info(`${probe.executable} has no \`wheel\` package: packing setup.py's build ourselves`);
  warnBuildRunpaths(staged.files, probe.executable, log);
  const env = { SOURCE_DATE_EPOCH: String(date) };
  const eggInfo = await readEggInfo({
    executor,
    python: probe.executable,
    projectDir,
    workDir: join(options.work, 'egg-info'),
    env,
    log,
  });
  // .dist-info as bdist_wheel writes it: the egg-info files, and the license files by name.
  const licenses = await readLicensePaths({
    executor,
    python: probe.executable,
    projectDir,
    env,
    log,
  });
  // By name, the later one winning, as bdist_wheel's copies overwrite each other.
  const distInfoFiles = new Map((eggInfo?.distInfoFiles ?? []).map((f) => [f.archivePath, f]));
  for (const path of licenses) {
    const info = await stat(path);
    const archivePath = basename(path);
    distInfoFiles.set(archivePath, {
      archivePath,
      sourcePath: path,
      size: info.size,
      executable: false,
    });
  }
  if (licenses.length > 0)
    log.info(`license files: ${licenses.map((p) => basename(p)).join(', ')}`);
  // bdist_wheel tags a distribution without extensions pure; a tree without native files is one.
  const pure = (await nativeFiles(staged.files)).length === 0;
  const tag = pure ? pureTag(probe) : tagFromProbe(probe);
  const wheel = await packWheel({
    files: staged.files,
    metadata: { ...eggInfo?.metadata, name: tree.name, version },
    distInfoFiles: [...distInfoFiles.values()],
    tag: options.wheelTag ?? tag,
    mtime: new Date(date * 1000),
    outputDir: options.pending,
    generator: GENERATOR,
    compressionLevel: options.compressionLevel,
  });
  return {
    wheel,
    distribution: tree.name,
    version,
    packageName: staged.packageName,
    imports: importNames(staged.topLevel),
  };
}

/** The project's own wheel: its name read with the wheel-file-name grammar, moved to pending. */
async function adoptBuiltWheel(options: ProjectWheelOptions, built: string): Promise<PackResult> {
  const { probe, pending, log } = options;
  const fileName = basename(built);
  const parsed = parseWheelFileName(fileName);
  if (!parsed) {
    throw new BuildError(`the project built "${fileName}", which is not a wheel file name.`, {
      input: 'project-dir',
    });
  }
  // The file name escapes "-" as "_"; either is a PEP 440 separator, with the same normal form.
  const version = checkProjectVersion(
    options.expectedVersion,
    parsed.version.replace(/_/g, '-'),
    fileName,
  );
  await mkdir(pending, { recursive: true });
  const path = join(pending, fileName);
  await rename(built, path);
  const entries = await listZipEntries(path);
  const paths = entries.map((e) => e.path);
  checkAbiForProbe(probe, paths);
  const topLevel = topLevelOf(paths);
  log.info(`${fileName}: ${entries.length} files`);
  return {
    wheel: {
      path,
      fileName,
      sha256: await sha256File(path),
      size: (await stat(path)).size,
      tag: parsed.tag,
      entries,
    },
    distribution: parsed.distribution,
    version,
    packageName: packageNameOf(topLevel.packages, parsed.distribution),
    imports: defaultImports(paths),
  };
}

/** The wheel's one top-level package, or its distribution name when it has none or several. */
export function packageNameOf(packages: readonly string[], distribution: string): string {
  return packages.length === 1 ? packages[0]! : distribution;
}
