// Verification: in each place the wheel must run (each `verify-image`, or where the build ran),
// install the packed wheel, check its native libraries, import it and run the test command; only
// then does it move from the pending folder into output-dir.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { CancelledError, UserError } from '../../base/errors.js';
import type { RuntimeTarget } from '../../native/glibc-target.js';
import { runtimeOfImage } from '../../native/image-runtime.js';
import { parseImageInspect } from '../../publish/receipt.js';
import { discoverPython } from '../../python/discover.js';
import { nonAsciiPaths } from '../../python/runtime-locale.js';
import { checkTestSource, installTestRequirements } from '../../python/test-requires.js';
import { checkNativeLibraries, type NativeReport } from './native-libs.js';
import {
  checkImports,
  installWheel,
  proveUnderCLocale,
  runTestCommand,
  type VerifyOptions,
} from '../../python/verify-install.js';
import { FAILED_ARTIFACT_SUFFIX, keepFailureEvidence } from './failed-evidence.js';
import { resolveArtifactName } from '../../publish/artifact/artifact-plan.js';
import type { StepContext } from '../step-context.js';
import { formatDuration } from '../../log/log.js';
import { withTicker } from '../../log/progress-ticker.js';
import type { VerifyPlace } from '../verify-places.js';
import type { PackResult, PlaceVerification, VerifiedWheel } from '../verified-wheel.js';
import { expandTag, parseWheelTag, type PythonProbe } from '../../wheel/tags.js';

export interface VerifyStepOptions {
  packed: PackResult;
  probe: PythonProbe;
  runtime?: RuntimeTarget;
  /** Where to prove the wheel (src/pipeline/verify-places.ts). */
  places: readonly VerifyPlace[];
}

/** The verified wheel, with what the receipt records of its verification. */
export interface Verification {
  wheel: VerifiedWheel;
  /** What the import check printed (one line per module), in the first place. */
  importLines: string[];
  /** The tags the verification install accepted (the wheel's tag set, expanded). */
  tags: readonly string[];
}

interface PlaceResult {
  target: string;
  importLines: string[];
  nativeReport: NativeReport;
  row: PlaceVerification;
}

export async function runVerifyStep(
  ctx: StepContext,
  options: VerifyStepOptions,
): Promise<Verification> {
  const { inputs, log } = ctx;
  const { packed, probe } = options;
  if (inputs.testFindLinks) await checkTestSource(inputs.testFindLinks);
  const tags = expandTag(parseWheelTag(packed.wheel.tag));
  const results: PlaceResult[] = [];
  // pip's output of the last install, kept with the wheel when a later check fails.
  const evidence = { pipLog: '' };
  try {
    for (const [index, place] of options.places.entries()) {
      try {
        results.push(await verifyIn(ctx, options, place, index, tags, evidence));
      } catch (error) {
        throw naming(error, place, options.places.length);
      }
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw await keepFailureEvidence(error, {
      outputDir: inputs.outputDir,
      wheelPath: packed.wheel.path,
      // pip's refusal is the error's details; after a good install, its output.
      pipLog: evidence.pipLog || (error.details ?? ''),
      traceback: evidence.pipLog ? `${error.message}\n${error.details ?? ''}\n` : '',
      env: ctx.env,
      log,
      ...evidenceArtifact(inputs, packed.wheel.fileName),
      progressMs: ctx.progress.intervalMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  }
  const first = results[0]!;

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
    verify: { target: first.target },
    nativeReport: first.nativeReport,
    verifications: results.map((r) => r.row),
  };
  return { wheel, importLines: first.importLines, tags };
}

/**
 * The step's timed phases, each with a progress line once it has been quiet for the interval
 * (pip, the import and test-command can be long): which phase, and for how long. A command that
 * prints keeps it quiet.
 */
function quietTimed(ctx: StepContext): StepContext['timed'] {
  const { intervalMs, lastOutputAt } = ctx.progress;
  return (name, fn) =>
    ctx.timed(name, () =>
      withTicker(
        {
          intervalMs,
          lastOutputAt,
          line: (ms) => `${name}: still running (${formatDuration(ms)})`,
          print: (line) => ctx.log.info(line),
        },
        fn,
      ),
    );
}

/** `<artifact-name>-failed` when artifact publishing is on. */
function evidenceArtifact(
  inputs: StepContext['inputs'],
  wheelFileName: string,
): { artifact?: { name: string; retentionDays?: number } } {
  if (!inputs.artifact) return {};
  const name = resolveArtifactName(inputs.artifact.name, wheelFileName);
  if (name === undefined) return {};
  const { retentionDays } = inputs.artifact;
  return {
    artifact: {
      name: `${name}${FAILED_ARTIFACT_SUFFIX}`,
      ...(retentionDays === undefined ? {} : { retentionDays }),
    },
  };
}

/** install, check-libs, import, test-requires and test-command in one place. */
async function verifyIn(
  ctx: StepContext,
  options: VerifyStepOptions,
  place: VerifyPlace,
  index: number,
  tags: readonly string[],
  evidence: { pipLog: string },
): Promise<PlaceResult> {
  const { inputs, log } = ctx;
  const timed = quietTimed(ctx);
  const { packed } = options;
  const { executor } = place;
  const workDir = join(ctx.work, index === 0 ? 'verify' : `verify-${index + 1}`);
  const suffix = place.listed ? ` (${place.label})` : '';
  let probe = options.probe;
  let runtime = options.runtime;
  if (place.listed) {
    await place.prepare();
    // The same `python` rule, resolved in this image; its own libc is the glibc target.
    probe = await timed(`Python${suffix}`, () => discoverPython(executor, inputs.python, log));
    const own = await runtimeOfImage({ executor, workDir, label: place.label, log });
    runtime = own ?? inputs.targetGlibc;
  }
  const verifyOptions: VerifyOptions = {
    executor,
    python: probe.executable,
    wheelPath: packed.wheel.path,
    tags,
    supportedTags: probe.supportedTags,
    imports: inputs.imports.length ? inputs.imports : packed.imports,
    testCommand: inputs.testCommand,
    testTimeoutMs: inputs.testTimeoutMs,
    workDir,
    nonAsciiNames: nonAsciiPaths(packed.wheel.entries.map((e) => e.path)),
    log,
  };
  const installed = await timed(`Verify: install${suffix}`, () => installWheel(verifyOptions));
  evidence.pipLog = installed.pipLog || '(pip printed nothing)';
  // In an image the image's own locale already decides; here the runner's must not.
  if (!place.image) await proveUnderCLocale(verifyOptions);
  const nativeReport = await timed(`Check libs${suffix}`, () =>
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
  await timed(`Verify: import${suffix}`, async () => {
    importLines = await checkImports(verifyOptions, installed);
    const source = inputs.testFindLinks;
    // With a source, the wheel's `requires` are proven resolvable even without a test-command.
    const beside = source
      ? await installTestRequirements({
          executor,
          python: probe.executable,
          workDir,
          cwd: installed.cwd,
          source,
          testRequires: inputs.testRequires,
          requires: inputs.requires,
          env: { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' },
          log,
        })
      : undefined;
    await runTestCommand(verifyOptions, installed, beside);
  });
  const imageFacts = place.image ? await inspectImage(ctx, place.image) : undefined;
  log.info(`verified in ${place.label} with ${probe.executable}`);
  return {
    target: installed.target,
    importLines,
    nativeReport,
    row: {
      where: place.label,
      ...(imageFacts ? { image: imageFacts } : {}),
      python: {
        path: probe.executable,
        version: probe.version.join('.'),
        pip: probe.pipVersion,
      },
      tagsAccepted: installed.tagsAccepted ?? [],
      result: 'passed',
    },
  };
}

async function inspectImage(
  ctx: StepContext,
  image: { reference: string; engine: string },
): Promise<NonNullable<PlaceVerification['image']>> {
  const inspect = await ctx.executors.host.run([image.engine, 'image', 'inspect', image.reference]);
  return {
    reference: image.reference,
    ...(inspect.exitCode === 0 ? parseImageInspect(inspect.stdout) : {}),
  };
}

/** With several places, or a listed image, the error says in which one the wheel failed. */
function naming(error: unknown, place: VerifyPlace, count: number): unknown {
  if (!(error instanceof UserError) || error instanceof CancelledError) return error;
  if (!place.listed && count === 1) return error;
  const Kind = error.constructor as typeof UserError;
  const where = place.listed ? `${place.label} (verify-image)` : place.label;
  const message = error.message.includes(place.label)
    ? error.message
    : `in ${where}: ${error.message}`;
  // A runtime refusal (glibc, libraries) is about this verify-image line, not the build image.
  const runtime = place.listed && error.input === 'image';
  return new Kind(message, {
    input: runtime ? 'verify-image' : error.input,
    fix: runtime
      ? `build in an image as old as ${place.image!.reference} (set \`image\` to it, or to its toolchain image), or with an older toolchain so the symbols bind to older versions; or remove it from verify-image if the algorithm does not run there.`
      : error.fix,
    file: error.file,
    details: error.details,
    cause: error,
  });
}
