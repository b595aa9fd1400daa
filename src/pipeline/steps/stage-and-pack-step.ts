// The stage route (package-dir or stage rules): stage the files, choose the tag, bundle libraries
// when asked, and pack the wheel into the pending folder.
import type { DistInfoExtras } from '../../stage/dist-info-files.js';
import type { RuntimeTarget } from '../../native/glibc-target.js';
import { chooseManylinuxPlatform } from '../../native/manylinux-tag.js';
import { bundleStagedLibraries } from './native-libs.js';
import { checkStagedAbi } from '../../python/abi-check.js';
import { describeProbe } from '../../python/probe.js';
import { resolveSourceDate } from '../source-date.js';
import { nativeFiles } from '../../stage/native-files.js';
import { stagePackage } from '../../stage/stage.js';
import type { StepContext } from '../step-context.js';
import type { PackResult } from '../verified-wheel.js';
import { GENERATOR } from '../tool-version.js';
import { checkDataFolder } from '../../wheel/layout.js';
import { distInfoDirName } from '../../wheel/names.js';
import {
  formatTag,
  pureTag,
  tagFromProbe,
  tagMatchesProbe,
  type PythonProbe,
} from '../../wheel/tags.js';
import { importNames } from '../../wheel/top-level.js';
import { packWheel } from '../../wheel/pack.js';
import { throttledProgress } from '../../log/progress.js';

export interface StageAndPackOptions {
  probe: PythonProbe;
  /** License files and the long description, read before the build. */
  extras: DistInfoExtras;
  /** The glibc target (`target-glibc`), when there is one. */
  runtime?: RuntimeTarget;
}

export async function stageAndPack(
  ctx: StepContext,
  options: StageAndPackOptions,
): Promise<PackResult> {
  const { inputs, log, timed } = ctx;
  const { probe, extras, runtime } = options;
  const staged = await timed('Stage', () =>
    stagePackage({
      workingDirectory: inputs.workingDirectory,
      workspace: inputs.workspace,
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
          executor: ctx.executors.executor,
          host: ctx.executors.host,
          files: staged.files,
          packageName: staged.packageName,
          workDir: ctx.work,
          libraryPath: inputs.libraryPath,
          filter: { policyLibraries: runtime?.libraries ?? [], exclude: inputs.excludeLibs },
          log,
        }),
      )
    : staged.files;
  if (inputs.wheelTag === undefined && (await nativeFiles(files)).length === 0) {
    // No native file: bdist_wheel would tag it pure, and any python of that major installs it.
    tag = pureTag(probe);
    log.info(`Tag: ${formatTag(tag)} (no native file in the package: a pure wheel)`);
  } else if (inputs.platformTag === 'manylinux') {
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
    const date = await sourceDate(ctx);
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
      outputDir: ctx.pending,
      generator: GENERATOR,
      compressionLevel: inputs.compressionLevel,
      // A line every 10 s on a long pack (a 409 MiB tree took 49 s), none on a short one.
      onProgress: throttledProgress(
        'Packing',
        { bytes: files.reduce((sum, f) => sum + f.size, 0), files: files.length },
        (line) => log.info(line),
        { intervalMs: ctx.progress.intervalMs },
      ),
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

/** SOURCE_DATE_EPOCH, the last commit's date, or now; logged with where it came from. */
export async function sourceDate(ctx: StepContext): Promise<number> {
  const date = await resolveSourceDate(ctx.env, ctx.executors.host, ctx.inputs.workingDirectory);
  ctx.log.info(`timestamps from ${date.from}: ${new Date(date.epoch * 1000).toISOString()}`);
  return date.epoch;
}
