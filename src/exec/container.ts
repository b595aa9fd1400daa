import { existsSync } from 'node:fs';
import { InputError, UserError } from '../base/errors.js';
import { formatDuration, type Log } from '../log/log.js';
import { dockerRunCommand, validateImage, type ContainerEngine } from './container-plan.js';
import type { ExecResult, Executor, RunOptions } from './executor.js';
import { LocalExecutor } from './local.js';

export interface ContainerExecutorConfig {
  engine: ContainerEngine;
  image: string;
  /** Absolute host folders mounted at the same path (workspace, the action's temp folders). */
  mounts: readonly string[];
  /** Variables of every step: containerEnv(process.env, envInputLines). */
  env: Readonly<Record<string, string>>;
  /** The parsed `docker-options` input. */
  options?: readonly string[];
  log: Log;
  /** Runs the engine's client on the host; a LocalExecutor unless a test says otherwise. */
  host?: Executor;
  /** Cancels the run: the client is stopped and the container removed (`rm -f`). */
  signal?: AbortSignal;
}

/** Budget of the `kill` and `rm -f` that stop a cancelled or timed-out container. */
const REMOVE_TIMEOUT_MS = 10_000;
let containers = 0;

/**
 * Runs each step in a fresh `docker run --rm` (or podman) container of the vendor image, with the
 * workspace mounted at the same path, so paths mean the same inside and out. Nothing persists
 * between two calls except what is written into a mounted folder.
 */
export class ContainerExecutor implements Executor {
  readonly where: string;
  readonly engine: ContainerEngine;
  readonly image: string;
  private readonly host: Executor;
  private pulled: Promise<void> | undefined;

  constructor(private readonly config: ContainerExecutorConfig) {
    this.engine = config.engine;
    this.image = validateImage(config.image);
    this.where = `image ${this.image}`;
    this.host = config.host ?? new LocalExecutor();
  }

  run(argv: readonly string[], options: RunOptions = {}): Promise<ExecResult> {
    return this.runAs(argv, options, undefined);
  }

  shell(command: string, options: RunOptions = {}): Promise<ExecResult> {
    return this.run(['sh', '-c', command], options);
  }

  /**
   * Makes sure the image is on this machine: `image inspect`, then one `pull` when it is missing.
   * Later calls reuse the first answer. Throws an InputError('image') with the engine's message
   * when the image cannot be had.
   */
  ensureImage(): Promise<void> {
    this.pulled ??= this.inspectOrPull();
    return this.pulled;
  }

  /**
   * Gives files the container created (as root) back to the runner's user, so later steps can
   * read and delete them. Runs `chown -R` inside the image as root, which needs no sudo on the
   * host. A no-op when the runner's user is root, and with podman, whose rootless containers
   * already create files as the calling user. Paths outside the mounts, or gone, are skipped.
   */
  async handBack(paths: readonly string[], uid: number, gid: number): Promise<void> {
    if (uid === 0 || this.engine === 'podman') return;
    const mounted = paths.filter(
      (path) =>
        this.config.mounts.some((mount) => path === mount || path.startsWith(`${mount}/`)) &&
        existsSync(path),
    );
    if (mounted.length === 0) return;
    // Also after a cancel (a signal of its own): files left owned by root would break the job.
    const result = await this.runAs(
      ['chown', '-R', `${uid}:${gid}`, '--', ...mounted],
      { signal: AbortSignal.timeout(REMOVE_TIMEOUT_MS) },
      '0:0',
    );
    if (result.exitCode !== 0) {
      this.config.log.warning(
        `Could not give ${mounted.join(', ')} back to ${uid}:${gid} (exit code ${result.exitCode}): ${result.stderr.trim()}. Later steps may not be able to delete these files.`,
      );
    }
  }

  private async runAs(
    argv: readonly string[],
    options: RunOptions,
    user: string | undefined,
  ): Promise<ExecResult> {
    // Killing the client does not stop a container: a cancel or timeout removes it by name.
    const name = `algorithmia-wheel-${process.pid}-${++containers}`;
    const command = dockerRunCommand({
      name,
      engine: this.engine,
      image: this.image,
      mounts: this.config.mounts,
      cwd: options.cwd,
      env: { ...this.config.env, ...options.env },
      options: this.config.options ?? [],
      argv,
      user,
      interactive: options.input !== undefined,
    });
    // Only names go on the command line (see dockerRunCommand), so it is safe to log.
    this.config.log.debug(`[${this.where}] ${command.argv.join(' ')}`);
    let result: ExecResult;
    try {
      result = await this.host.run(command.argv, {
        env: command.env,
        input: options.input,
        stream: options.stream,
        timeoutMs: options.timeoutMs,
        signal: options.signal ?? this.config.signal,
      });
    } catch (error) {
      await this.remove(name);
      throw error;
    }
    if (result.timedOut) await this.remove(name);
    return result;
  }

  /**
   * Stops and removes a container that may still run (its client was stopped); best effort.
   * `kill` (SIGKILL) first: Docker's `rm -f` kills at once, but podman's (and podman's `docker`)
   * sends SIGTERM and waits the stop timeout (10 s) before SIGKILL, and a step's shell running as
   * PID 1 ignores SIGTERM, so a cancel would outlast the runner's 7.5 s grace period.
   */
  private async remove(name: string): Promise<void> {
    const { engine } = this;
    const signal = AbortSignal.timeout(REMOVE_TIMEOUT_MS);
    try {
      // Fails when the container has stopped already; `rm -f` still removes what is left.
      await this.host.run([engine, 'kill', name], { signal });
      const removed = await this.host.run([engine, 'rm', '-f', name], { signal });
      // Exit 1 "No such container" (or Docker's removal "already in progress"): --rm removed it.
      if (
        removed.exitCode !== 0 &&
        !/no such container|already in progress/i.test(removed.stderr)
      ) {
        this.config.log.warning(
          `Could not stop container ${name}: ${removed.stderr.trim()}; stop it with \`${engine} rm -f ${name}\`.`,
        );
      }
    } catch (error) {
      this.config.log.warning(`Could not stop container ${name} in time: ${String(error)}`);
    }
  }

  private async inspectOrPull(): Promise<void> {
    const { engine, image } = this;
    const { log } = this.config;
    const inspect = await this.host.run([engine, 'image', 'inspect', image]);
    if (inspect.exitCode === 0) {
      log.debug(`Image ${image} is already on this machine.`);
      return;
    }
    if (inspect.exitCode === 127) {
      throw new InputError(`'${engine}' was not found on this machine.`, {
        input: 'container-engine',
        details: inspect.stderr.trim(),
        fix: `install ${engine} on the runner (GitHub's ubuntu runners have docker), or set container-engine to the engine you have.`,
      });
    }
    if (/cannot connect|daemon running|connection refused/i.test(inspect.stderr)) {
      throw new UserError(`The ${engine} engine is not running or not reachable.`, {
        input: 'container-engine',
        details: inspect.stderr.trim(),
        fix: `start the ${engine} service (or set DOCKER_HOST) before this step.`,
      });
    }
    log.info(`Pulling ${image} with ${engine}...`);
    const started = Date.now();
    const pull = await this.host.run([engine, 'pull', image]);
    if (pull.exitCode !== 0) {
      throw new InputError(`Image '${image}' is not on this machine and '${engine} pull' failed.`, {
        input: 'image',
        details: pull.stderr.trim() || pull.stdout.trim(),
        fix: 'check the image name and tag, and if the registry is private log in to it in an earlier step (e.g. docker/login-action).',
      });
    }
    log.info(`Pulled ${image} in ${formatDuration(Date.now() - started)}.`);
  }
}
