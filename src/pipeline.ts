import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuildError } from './errors.js';
import type { Executor } from './exec/executor.js';
import type { Inputs } from './inputs.js';
import { formatDuration, type Log } from './log.js';
import { discoverPython } from './python/discover.js';
import { describeProbe } from './python/probe.js';
import { verifyWheel, type VerifyResult } from './python/verify.js';
import { resolveSourceDate } from './source-date.js';
import { stagePackage } from './stage.js';
import { GENERATOR } from './version.js';
import { packWheel, type PackedWheel } from './wheel/pack.js';
import {
  expandTag,
  formatTag,
  tagFromProbe,
  tagMatchesProbe,
  type PythonProbe,
} from './wheel/tags.js';

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
}

export interface PipelineDeps {
  /** Runs the build, the probe and the verification: this machine, or the image. */
  executor: Executor;
  /** Runs host-only helpers (git). */
  host: Executor;
  log: Log;
  env: NodeJS.ProcessEnv;
  after?: readonly AfterVerifyStep[];
}

export interface PipelineResult {
  wheel: VerifiedWheel;
  outputs: Record<string, string>;
}

export async function runPipeline(inputs: Inputs, deps: PipelineDeps): Promise<PipelineResult> {
  const { executor, log, env } = deps;
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const value = await log.group(name, fn);
    log.info(`${name}: ${formatDuration(Date.now() - started)}`);
    return value;
  };

  if (inputs.buildCommand) {
    const command = inputs.buildCommand;
    await timed('Build', async () => {
      log.info(`$ ${command}   (in ${inputs.workingDirectory}, on ${executor.where})`);
      const result = await executor.shell(command, { cwd: inputs.workingDirectory, stream: true });
      if (result.exitCode !== 0) {
        throw new BuildError(`the build command exited with code ${result.exitCode}.`, {
          input: 'build-command',
          fix: 'see the build output above; the command runs with `sh -c` in `working-directory`.',
        });
      }
    });
  }

  const staged = await timed('Stage', () =>
    stagePackage({
      workingDirectory: inputs.workingDirectory,
      packageDir: inputs.packageDir,
      rules: inputs.stage,
      log,
    }),
  );

  const probe = await timed('Python', () => discoverPython(executor, inputs.python, log));
  const ownTag = tagFromProbe(probe);
  const tag = inputs.wheelTag ?? ownTag;
  if (inputs.wheelTag && !tagMatchesProbe(inputs.wheelTag, probe)) {
    log.warning(
      `wheel-tag ${formatTag(inputs.wheelTag)} does not match ${describeProbe(probe)} ` +
        `(its own tag is ${formatTag(ownTag)}); the verification install decides.`,
    );
  }
  log.info(`Tag: ${formatTag(tag)}`);

  const distribution = inputs.name ?? staged.packageName;
  const tempRoot = env.RUNNER_TEMP || tmpdir();
  await mkdir(tempRoot, { recursive: true });
  const work = await mkdtemp(join(tempRoot, 'algorithmia-wheel-'));
  const pending = join(inputs.outputDir, `.algorithmia-wheel-${process.pid}`);
  try {
    const packed = await timed('Pack', async () => {
      const date = await resolveSourceDate(env, deps.host, inputs.workingDirectory);
      log.info(`timestamps from ${date.from}: ${new Date(date.epoch * 1000).toISOString()}`);
      const wheel = await packWheel({
        files: staged.files,
        metadata: {
          name: distribution,
          version: inputs.version,
          summary: inputs.summary,
          requires: inputs.requires,
          author: inputs.author,
          license: inputs.license,
          homePage: inputs.homePage,
        },
        tag,
        mtime: new Date(date.epoch * 1000),
        // The wheel waits beside the output folder until it is verified: a wheel that does not
        // import never lands where a later step could pick it up.
        outputDir: pending,
        generator: GENERATOR,
      });
      log.info(
        `${wheel.fileName}: ${wheel.entries.length} files, ${wheel.size} bytes, sha256 ${wheel.sha256}`,
      );
      return wheel;
    });

    const verify = await timed('Verify', () =>
      verifyWheel({
        executor,
        python: probe.executable,
        wheelPath: packed.path,
        tags: expandTag(tag),
        imports: inputs.imports.length ? inputs.imports : [staged.packageName],
        testCommand: inputs.testCommand,
        workDir: join(work, 'verify'),
        log,
      }),
    );

    const finalPath = join(inputs.outputDir, packed.fileName);
    await rename(packed.path, finalPath);
    const wheel: VerifiedWheel = {
      ...packed,
      path: finalPath,
      distribution,
      version: inputs.version,
      packageName: staged.packageName,
      probe,
      verify,
    };
    const outputs: Record<string, string> = {
      wheel: wheel.path,
      'wheel-name': wheel.fileName,
      sha256: wheel.sha256,
      size: String(wheel.size),
      'python-version': probe.version.join('.'),
      tags: wheel.tag,
      version: wheel.version,
    };
    for (const step of deps.after ?? []) {
      Object.assign(outputs, await timed(step.name, () => step.run(wheel, log)));
    }
    return { wheel, outputs };
  } finally {
    await rm(pending, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}
