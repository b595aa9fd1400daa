// Verification: install the packed wheel, check its native libraries, import it and run the test
// command; only then does it move from the pending folder into output-dir.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { RuntimeTarget } from '../../native/glibc-target.js';
import { checkNativeLibraries } from './native-libs.js';
import {
  checkImports,
  installWheel,
  runTestCommand,
  type VerifyOptions,
} from '../../python/verify-install.js';
import { UserError } from '../../base/errors.js';
import { keepFailureEvidence } from './failed-evidence.js';
import type { StepContext } from '../step-context.js';
import type { PackResult, VerifiedWheel } from '../verified-wheel.js';
import { expandTag, parseWheelTag, type PythonProbe } from '../../wheel/tags.js';

export interface VerifyStepOptions {
  packed: PackResult;
  probe: PythonProbe;
  runtime?: RuntimeTarget;
}

/** The verified wheel, with what the receipt records of its verification. */
export interface Verification {
  wheel: VerifiedWheel;
  /** What the import check printed (one line per module). */
  importLines: string[];
  /** The tags the verification install accepted (the wheel's tag set, expanded). */
  tags: readonly string[];
}

export async function runVerifyStep(
  ctx: StepContext,
  options: VerifyStepOptions,
): Promise<Verification> {
  const { inputs, log } = ctx;
  const { executor } = ctx.executors;
  const { packed, probe } = options;
  const verifyOptions: VerifyOptions = {
    executor,
    python: probe.executable,
    wheelPath: packed.wheel.path,
    tags: expandTag(parseWheelTag(packed.wheel.tag)),
    supportedTags: probe.supportedTags,
    imports: inputs.imports.length ? inputs.imports : packed.imports,
    testCommand: inputs.testCommand,
    testTimeoutMs: inputs.testTimeoutMs,
    workDir: join(ctx.work, 'verify'),
    log,
  };
  let pipLog = '';
  try {
    return await verifyAndMove(ctx, options, verifyOptions, (log) => (pipLog = log));
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    throw await keepFailureEvidence(error, {
      outputDir: inputs.outputDir,
      wheelPath: packed.wheel.path,
      // pip's refusal is the error's details; after a good install, its output.
      pipLog: pipLog || (error.details ?? ''),
      traceback: pipLog ? `${error.message}\n${error.details ?? ''}\n` : '',
      env: ctx.env,
      log,
    });
  }
}

async function verifyAndMove(
  ctx: StepContext,
  options: VerifyStepOptions,
  verifyOptions: VerifyOptions,
  onInstalled: (pipLog: string) => void,
): Promise<Verification> {
  const { inputs, log, timed } = ctx;
  const { executor } = ctx.executors;
  const { packed, probe, runtime } = options;
  const installed = await timed('Verify: install', () => installWheel(verifyOptions));
  onInstalled(installed.pipLog || '(pip printed nothing)');
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
    verify: { target: installed.target },
    nativeReport,
  };
  return { wheel, importLines, tags: verifyOptions.tags };
}
