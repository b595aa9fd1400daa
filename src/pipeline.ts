import { mkdir, mkdtemp, rename, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BuildError, InputError } from './errors.js';
import { createExecutors, type Executors } from './exec/create.js';
import type { Executor } from './exec/executor.js';
import type { Inputs } from './inputs.js';
import { formatDuration, type Log } from './log.js';
import { bundleStagedLibraries, checkNativeLibraries, type NativeReport } from './native-libs.js';
import { artifactStep, s3IndexStep, s3Step } from './publish/steps.js';
import { verifyPublishedStep, type ConsumerContext } from './publish/verify-published-step.js';
import { discoverPython } from './python/discover.js';
import { describeProbe } from './python/probe.js';
import { buildProjectWheel, buildSetupPyTree, hasWheelPackage } from './python/project-build.js';
import {
  checkImports,
  installWheel,
  runTestCommand,
  type VerifyOptions,
  type VerifyResult,
} from './python/verify.js';
import { writeReceipt, type ReceiptFile } from './receipt-step.js';
import { resolveSourceDate } from './source-date.js';
import { parseStageRules, stagePackage } from './stage.js';
import { GENERATOR } from './version.js';
import { packWheel, sha256File, type PackedWheel } from './wheel/pack.js';
import {
  expandTag,
  formatTag,
  parseWheelTag,
  tagFromProbe,
  tagMatchesProbe,
  type PythonProbe,
} from './wheel/tags.js';
import { normalizeVersion } from './wheel/version.js';
import { listZipEntries } from './wheel/zip-listing.js';

/** A step that runs only after the wheel was verified (publishers); returns outputs to set. */
export interface AfterVerifyStep {
  name: string;
  run(wheel: VerifiedWheel, log: Log): Promise<Record<string, string>>;
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
}

export interface PipelineResult {
  wheel: VerifiedWheel;
  outputs: Record<string, string>;
}

/** build -> stage -> python -> pack -> verify -> check libs -> publish, in that order. */
export async function runPipeline(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  const { log, env } = deps;
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
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
  const tempRoot = env.RUNNER_TEMP || tmpdir();
  // Made before the temp folder: a bad `env` line or engine fails without leaving it behind.
  const executors = deps.executors ?? createExecutors(inputs, env, tempRoot, log);
  await mkdir(tempRoot, { recursive: true });
  const work = await mkdtemp(join(tempRoot, 'algorithmia-wheel-'));
  const pending = join(inputs.outputDir, `.algorithmia-wheel-${process.pid}`);
  let succeeded = false;
  const { executor } = executors;
  try {
    await executors.prepare();
    if (inputs.buildCommand) await timed('Build', () => runBuild(inputs, executor, log));
    const probe = await timed('Python', () => discoverPython(executor, inputs.python, log));

    const packed = inputs.projectDir
      ? await timed('Build project wheel', () =>
          projectWheel(inputs, executors, probe, pending, work, env, log),
        )
      : await stageAndPack(inputs, executors, probe, pending, work, timed, env, log);

    const verifyOptions: VerifyOptions = {
      executor,
      python: probe.executable,
      wheelPath: packed.wheel.path,
      tags: expandTag(parseWheelTag(packed.wheel.tag)),
      imports: inputs.imports.length ? inputs.imports : [packed.packageName],
      testCommand: inputs.testCommand,
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
      Object.assign(outputs, await timed(step.name, () => step.run(wheel, log)));
    }
    succeeded = true;
    return { wheel, outputs };
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
  const result = await executor.shell(command, { cwd: inputs.workingDirectory, stream: true });
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
): Promise<PackResult> {
  const staged = await timed('Stage', () =>
    stagePackage({
      workingDirectory: inputs.workingDirectory,
      packageDir: inputs.packageDir,
      rules: inputs.stage,
      log,
    }),
  );
  const ownTag = tagFromProbe(probe);
  const tag = inputs.wheelTag ?? ownTag;
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
          log,
        }),
      )
    : staged.files;
  const distribution = inputs.name ?? staged.packageName;
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
      },
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
  return { wheel, distribution, version: inputs.version, packageName: staged.packageName };
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
  const date = await sourceDate(inputs, executors, env, log);
  const projectDir = inputs.projectDir!;
  const hasSetupPy = await stat(join(projectDir, 'setup.py')).then(
    () => true,
    () => false,
  );
  if (hasSetupPy && !(await hasWheelPackage(executors.executor, probe.executable))) {
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
      log,
    });
    const version = normalizeVersion(tree.version, 'project-dir');
    log.warning(
      `${probe.executable} has no \`wheel\` package: packed setup.py's build with our packer; ` +
        'its METADATA has the name and version (plus `summary`/`requires`), not install_requires.',
    );
    const wheel = await packWheel({
      files: staged.files,
      metadata: { name: tree.name, version, summary: inputs.summary, requires: inputs.requires },
      tag: inputs.wheelTag ?? tagFromProbe(probe),
      mtime: new Date(date * 1000),
      outputDir: pending,
      generator: GENERATOR,
      compressionLevel: inputs.compressionLevel,
    });
    return { wheel, distribution: tree.name, version, packageName: staged.packageName };
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
  const [, distribution, version, tag] = parts as unknown as [string, string, string, string];
  if (inputs.version && inputs.version !== version.replace(/_/g, '-')) {
    throw new InputError(
      `the project's version is ${version}, but \`version\` says ${inputs.version}.`,
      {
        input: 'version',
        fix: 'leave `version` empty for a project-dir build, or make the project report the same version.',
      },
    );
  }
  await mkdir(pending, { recursive: true });
  const path = join(pending, fileName);
  await rename(built, path);
  const entries = await listZipEntries(path);
  const topLevel = entries
    .map((e) => e.path.split('/')[0]!)
    .find((p) => !p.endsWith('.dist-info') && !p.endsWith('.data'));
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
    packageName: (topLevel ?? distribution).replace(/\.py$|\..*\.so$|\.so$/, ''),
  };
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
