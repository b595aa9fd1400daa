import { mkdir, mkdtemp, rename, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readDistInfoExtras, type DistInfoExtras } from './dist-info-files.js';
import type { RuntimeTarget } from './elf/glibc-target.js';
import { chooseManylinuxPlatform } from './elf/manylinux-tag.js';
import { BuildError, InputError } from './errors.js';
import { timedOutError } from './timeouts.js';
import { createExecutors, type Executors } from './exec/create.js';
import { explainFsFailure, type FsPlaces } from './fs-failure.js';
import type { Executor, OutputSink } from './exec/executor.js';
import type { Inputs } from './inputs.js';
import { formatDuration, type Log } from './log.js';
import { bundleStagedLibraries, checkNativeLibraries, type NativeReport } from './native-libs.js';
import { artifactStep, s3IndexStep, s3Step } from './publish/steps.js';
import { verifyPublishedStep, type ConsumerContext } from './publish/verify-published-step.js';
import { checkAbiForProbe } from './python/abi-check.js';
import { discoverPython } from './python/discover.js';
import { describeProbe } from './python/probe.js';
import { readEggInfoMetadata } from './python/egg-info.js';
import { readProjectVersion } from './python/project-version.js';
import { checkProjectVersion } from './project-version.js';
import { buildProjectWheel, buildSetupPyTree, hasWheelPackage } from './python/project-build.js';
import {
  checkImports,
  installWheel,
  runTestCommand,
  type VerifyOptions,
  type VerifyResult,
} from './python/verify.js';
import { writeReceipt, type ReceiptFile } from './receipt-step.js';
import { resolveRuntimeTarget } from './runtime-target.js';
import { resolveSourceDate } from './source-date.js';
import { PENDING_PREFIX } from './stage-exclude.js';
import { parseStageRules, stagePackage } from './stage.js';
import { GENERATOR } from './version.js';
import { packWheel, sha256File, type PackageFile, type PackedWheel } from './wheel/pack.js';
import {
  expandTag,
  formatTag,
  parseWheelTag,
  tagFromProbe,
  tagMatchesProbe,
  type PythonProbe,
} from './wheel/tags.js';
import { checkDataFolder } from './wheel/layout.js';
import { distInfoDirName } from './wheel/names.js';
import { defaultImports, importNames, topLevelOf } from './wheel/top-level.js';
import { listZipEntries } from './wheel/zip-listing.js';

/** A step that runs only after the wheel was verified (publishers); returns outputs to set. */
export interface AfterVerifyStep {
  name: string;
  run(wheel: VerifiedWheel, log: Log, signal?: AbortSignal): Promise<Record<string, string>>;
}

export interface VerifiedWheel extends PackedWheel {
  distribution: string;
  version: string;
  packageName: string;
  probe: PythonProbe;
  verify: VerifyResult;
  /** The native files and their dependencies. */
  nativeReport: NativeReport;
  /** The verification receipt written next to the wheel. */
  receipt?: ReceiptFile;
}

export interface PipelineDeps {
  log: Log;
  env: NodeJS.ProcessEnv;
  /** Overrides where steps run (tests); default: this machine, or the `image`. */
  executors?: Executors;
  /** Overrides the publishers (tests); default: artifact and S3 per the inputs. */
  after?: readonly AfterVerifyStep[];
  /** Cancels the run (src/cancel.ts): commands are stopped, uploads aborted, no step starts. */
  signal?: AbortSignal;
  /** Where the user's commands' streamed output goes (the entry point's redacting stream). */
  commandOutput?: OutputSink;
}

export interface PipelineResult {
  wheel: VerifiedWheel;
  outputs: Record<string, string>;
}

/** build -> stage -> python -> pack -> verify -> check libs -> publish, in that order. */
export async function runPipeline(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  const { log, env, signal } = deps;
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    const started = Date.now();
    const value = await log.group(name, fn);
    log.info(`${name}: ${formatDuration(Date.now() - started)}`);
    return value;
  };

  // Folders the user named must be usable before anything runs or is written.
  if (!(await stat(inputs.workingDirectory).catch(() => undefined))?.isDirectory()) {
    throw new InputError(`the working directory ${inputs.workingDirectory} does not exist.`, {
      input: 'working-directory',
      fix: 'check out the sources first, or give a folder relative to the workspace.',
    });
  }
  const outputInfo = await stat(inputs.outputDir).catch(() => undefined);
  if (outputInfo && !outputInfo.isDirectory()) {
    throw new InputError(`${inputs.outputDir} exists and is not a folder.`, {
      input: 'output-dir',
      fix: 'name a folder (it is created when missing), not a file.',
    });
  }
  const outputDirExisted = outputInfo !== undefined;
  // License files and the readme are read before the build, so a wrong name fails at once.
  const extras = inputs.projectDir
    ? undefined
    : await readDistInfoExtras({
        workingDirectory: inputs.workingDirectory,
        root: inputs.workspace,
        licensePatterns: inputs.licenseFiles,
        readme: inputs.readme,
        log,
      });
  const tempRoot = env.RUNNER_TEMP || tmpdir();
  // Made before the temp folder: a bad `env` line or engine fails without leaving it behind.
  const executors =
    deps.executors ??
    createExecutors(inputs, env, tempRoot, log, { signal, output: deps.commandOutput });
  const places: FsPlaces = {
    outputDir: inputs.outputDir,
    tempRoot,
    tempFromRunner: !!env.RUNNER_TEMP,
    stagingInput: inputs.projectDir ? 'project-dir' : inputs.packageDir ? 'package-dir' : 'stage',
  };
  const work = await mkdir(tempRoot, { recursive: true })
    .then(() => mkdtemp(join(tempRoot, 'algorithmia-wheel-')))
    .catch((error: unknown) => {
      throw explainFsFailure(error, places);
    });
  const pending = join(inputs.outputDir, `${PENDING_PREFIX}${process.pid}`);
  let succeeded = false;
  const { executor } = executors;
  try {
    await executors.prepare();
    if (inputs.buildCommand) await timed('Build', () => runBuild(inputs, executor, log));
    const probe = await timed('Python', () => discoverPython(executor, inputs.python, log));
    const runtime = await resolveRuntimeTarget(inputs, executor, work, log);

    const packed = inputs.projectDir
      ? await timed('Build project wheel', () =>
          projectWheel(inputs, executors, probe, pending, work, env, log),
        )
      : await stageAndPack(
          inputs,
          executors,
          probe,
          pending,
          work,
          timed,
          env,
          log,
          extras!,
          runtime,
        );

    const verifyOptions: VerifyOptions = {
      executor,
      python: probe.executable,
      wheelPath: packed.wheel.path,
      tags: expandTag(parseWheelTag(packed.wheel.tag)),
      imports: inputs.imports.length ? inputs.imports : packed.imports,
      testCommand: inputs.testCommand,
      testTimeoutMs: inputs.testTimeoutMs,
      workDir: join(work, 'verify'),
      log,
    };
    const installed = await timed('Verify: install', () => installWheel(verifyOptions));
    const nativeReport = await timed('Check libs', () =>
      checkNativeLibraries({
        executor,
        target: installed.target,
        platformTag: parseWheelTag(packed.wheel.tag).platform,
        checkLibs: inputs.checkLibs,
        ...(runtime ? { runtime } : {}),
        excludeLibs: inputs.excludeLibs,
        log,
      }),
    );
    let importLines: string[] = [];
    await timed('Verify: import', async () => {
      importLines = await checkImports(verifyOptions, installed);
      await runTestCommand(verifyOptions, installed);
    });

    // Only a verified wheel reaches output-dir.
    const finalPath = join(inputs.outputDir, packed.wheel.fileName);
    await rename(packed.wheel.path, finalPath);
    const wheel: VerifiedWheel = {
      ...packed.wheel,
      path: finalPath,
      distribution: packed.distribution,
      version: packed.version,
      packageName: packed.packageName,
      probe,
      verify: { target: installed.target, installedFiles: installed.installedFiles },
      nativeReport,
    };
    wheel.receipt = await timed('Receipt', () =>
      writeReceipt({
        inputs,
        executors,
        env,
        wheel: { ...wheel, tags: verifyOptions.tags },
        probe,
        target: installed.target,
        importLines,
        nativeReport,
        log,
      }),
    );
    const outputs: Record<string, string> = {
      wheel: wheel.path,
      'wheel-name': wheel.fileName,
      sha256: wheel.sha256,
      size: String(wheel.size),
      'python-version': probe.version.join('.'),
      tags: wheel.tag,
      version: wheel.version,
      receipt: wheel.receipt.path,
    };
    const after =
      deps.after ??
      defaultPublishers(inputs, env, log, {
        executor,
        workDir: join(work, 'consumer'),
        imports: inputs.imports,
      });
    for (const step of after) {
      Object.assign(outputs, await timed(step.name, () => step.run(wheel, log, signal)));
    }
    succeeded = true;
    return { wheel, outputs };
  } catch (error) {
    throw explainFsFailure(error, places);
  } finally {
    const handBack = [inputs.workingDirectory, inputs.outputDir, work];
    await executors
      .finish(handBack)
      .catch((e: unknown) => log.warning(`hand-back failed: ${String(e)}`));
    await rm(pending, { recursive: true, force: true }).catch(() => undefined);
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
    // A failed run leaves no trace in output-dir: not even the folder, if it made it.
    if (!succeeded && !outputDirExisted) await rmdir(inputs.outputDir).catch(() => undefined);
  }
}

function defaultPublishers(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  log: Log,
  consumer: ConsumerContext,
): AfterVerifyStep[] {
  const steps: AfterVerifyStep[] = [];
  if (inputs.artifact) steps.push(artifactStep(inputs.artifact, env));
  if (inputs.s3) steps.push(s3Step(inputs.s3, log));
  if (inputs.s3?.index) steps.push(s3IndexStep(inputs.s3));
  if (inputs.s3) steps.push(verifyPublishedStep(inputs.s3, consumer));
  return steps;
}

async function runBuild(inputs: Inputs, executor: Executor, log: Log): Promise<void> {
  const command = inputs.buildCommand!;
  log.info(`$ ${command}   (in ${inputs.workingDirectory}, on ${executor.where})`);
  const result = await executor.shell(command, {
    cwd: inputs.workingDirectory,
    stream: true,
    timeoutMs: inputs.buildTimeoutMs,
  });
  if (result.timedOut)
    throw timedOutError('build-command', 'build-timeout', inputs.buildTimeoutMs!);
  if (result.exitCode !== 0) {
    throw new BuildError(`the build command exited with code ${result.exitCode}.`, {
      input: 'build-command',
      fix: 'see the build output above; the command runs with `sh -c` in `working-directory`.',
      details: result.stderr.trim().split('\n').slice(-20).join('\n') || undefined,
    });
  }
}

interface PackResult {
  wheel: PackedWheel;
  distribution: string;
  version: string;
  packageName: string;
  /** The default `import` list: every top-level module and package of the wheel. */
  imports: string[];
}

async function stageAndPack(
  inputs: Inputs,
  executors: Executors,
  probe: PythonProbe,
  pending: string,
  work: string,
  timed: <T>(name: string, fn: () => Promise<T>) => Promise<T>,
  env: NodeJS.ProcessEnv,
  log: Log,
  extras: DistInfoExtras,
  runtime: RuntimeTarget | undefined,
): Promise<PackResult> {
  const staged = await timed('Stage', () =>
    stagePackage({
      workingDirectory: inputs.workingDirectory,
      packageDir: inputs.packageDir,
      rules: inputs.stage,
      outputDir: inputs.outputDir,
      name: inputs.name,
      log,
    }),
  );
  checkStagedAbi(probe, staged.files);
  const ownTag = tagFromProbe(probe);
  let tag = inputs.wheelTag ?? ownTag;
  if (inputs.wheelTag && !tagMatchesProbe(inputs.wheelTag, probe)) {
    log.warning(
      `wheel-tag ${formatTag(inputs.wheelTag)} does not match ${describeProbe(probe)} ` +
        `(its own tag is ${formatTag(ownTag)}); the verification install decides.`,
    );
  }
  log.info(`Tag: ${formatTag(tag)}`);
  const files = inputs.bundleLibs
    ? await timed('Bundle libs', () =>
        bundleStagedLibraries({
          executor: executors.executor,
          files: staged.files,
          packageName: staged.packageName,
          workDir: work,
          libraryPath: inputs.libraryPath,
          filter: { policyLibraries: runtime?.libraries ?? [], exclude: inputs.excludeLibs },
          log,
        }),
      )
    : staged.files;
  if (inputs.platformTag === 'manylinux') {
    const platform = await chooseManylinuxPlatform({ files, linuxPlatform: tag.platform, log });
    tag = { ...tag, platform };
    log.info(`Tag: ${formatTag(tag)}`);
  }
  const distribution = staged.distribution;
  checkDataFolder(
    files.map((f) => f.archivePath),
    distInfoDirName(distribution, inputs.version),
  );
  const wheel = await timed('Pack', async () => {
    const date = await sourceDate(inputs, executors, env, log);
    const packed = await packWheel({
      files,
      metadata: {
        name: distribution,
        version: inputs.version,
        summary: inputs.summary,
        requires: inputs.requires,
        requiresPython: inputs.requiresPython,
        author: inputs.author,
        license: inputs.license,
        homePage: inputs.homePage,
        description: extras.description,
      },
      licenses: extras.licenses,
      tag,
      mtime: new Date(date * 1000),
      // The wheel waits beside the output folder until it is verified: a wheel that does not
      // import never lands where a later step could pick it up.
      outputDir: pending,
      generator: GENERATOR,
      compressionLevel: inputs.compressionLevel,
    });
    log.info(
      `${packed.fileName}: ${packed.entries.length} files, ${packed.size} bytes, sha256 ${packed.sha256}`,
    );
    return packed;
  });
  return {
    wheel,
    distribution,
    version: inputs.version,
    packageName: staged.packageName,
    imports: importNames(staged.topLevel),
  };
}

async function projectWheel(
  inputs: Inputs,
  executors: Executors,
  probe: PythonProbe,
  pending: string,
  work: string,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<PackResult> {
  const projectDir = inputs.projectDir!;
  if (inputs.expectedVersion) {
    // Before minutes of compiling: a tag or `version` that disagrees with the project fails now.
    const early = await readProjectVersion({
      executor: executors.executor,
      python: probe.executable,
      projectDir,
      log,
    });
    if (early) checkProjectVersion(inputs.expectedVersion, early.version, early.where);
  }
  const date = await sourceDate(inputs, executors, env, log);
  const hasSetupPy = await stat(join(projectDir, 'setup.py')).then(
    () => true,
    () => false,
  );
  if (hasSetupPy && !(await hasWheelPackage(executors.executor, probe.executable, projectDir))) {
    const tree = await buildSetupPyTree({
      executor: executors.executor,
      probe,
      projectDir,
      workDir: join(work, 'setup-py'),
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
    const version = checkProjectVersion(inputs.expectedVersion, tree.version, 'setup.py');
    log.info(`${probe.executable} has no \`wheel\` package: packing setup.py's build ourselves`);
    const projectMeta = await readEggInfoMetadata({
      executor: executors.executor,
      python: probe.executable,
      projectDir,
      workDir: join(work, 'egg-info'),
      env: { SOURCE_DATE_EPOCH: String(date) },
      log,
    });
    const wheel = await packWheel({
      files: staged.files,
      metadata: { ...projectMeta, name: tree.name, version },
      tag: inputs.wheelTag ?? tagFromProbe(probe),
      mtime: new Date(date * 1000),
      outputDir: pending,
      generator: GENERATOR,
      compressionLevel: inputs.compressionLevel,
    });
    return {
      wheel,
      distribution: tree.name,
      version,
      packageName: staged.packageName,
      imports: importNames(staged.topLevel),
    };
  }
  const built = await buildProjectWheel({
    executor: executors.executor,
    probe,
    projectDir: inputs.projectDir!,
    outDir: join(work, 'project-wheel'),
    env: { SOURCE_DATE_EPOCH: String(date) },
    log,
  });
  const fileName = basename(built);
  const parts = /^([^-]+)-([^-]+)-(?:\d[^-]*-)?([^-]+-[^-]+-[^-]+)\.whl$/.exec(fileName);
  if (!parts) {
    throw new BuildError(`the project built "${fileName}", which is not a wheel file name.`, {
      input: 'project-dir',
    });
  }
  const [, distribution, fileVersion, tag] = parts as unknown as [string, string, string, string];
  // The file name escapes "-" as "_"; either is a PEP 440 separator, with the same normal form.
  const version = checkProjectVersion(
    inputs.expectedVersion,
    fileVersion.replace(/_/g, '-'),
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
      tag,
      entries,
    },
    distribution,
    version,
    packageName: topLevel.packages.length === 1 ? topLevel.packages[0]! : distribution,
    imports: defaultImports(paths),
  };
}

/** The ABI check before packing, naming the staged source of a mismatching module. */
function checkStagedAbi(probe: PythonProbe, files: readonly PackageFile[]): void {
  const sources = new Map(files.map((f) => [f.archivePath, f.sourcePath]));
  checkAbiForProbe(
    probe,
    files.map((f) => f.archivePath),
    (path) => sources.get(path),
  );
}

async function sourceDate(
  inputs: Inputs,
  executors: Executors,
  env: NodeJS.ProcessEnv,
  log: Log,
): Promise<number> {
  const date = await resolveSourceDate(env, executors.host, inputs.workingDirectory);
  log.info(`timestamps from ${date.from}: ${new Date(date.epoch * 1000).toISOString()}`);
  return date.epoch;
}
