/**
 * What the real engine says about a run's containers, asked of podman itself rather than through
 * the recording commands of helpers/engine, so a test's own questions never show up in ENGINE_LOG.
 * Names come from the engine log (the `--name` of each recorded `run`): other engineers' tests may
 * run containers on the same machine, so nothing here lists "every algorithmia-wheel container".
 */
import { execFileSync } from 'node:child_process';
import { engineCalls } from './rootfs.js';

/** The real podman (the same one helpers/engine/podman runs). */
const PODMAN = process.env.ALGORITHMIA_TEST_PODMAN ?? '/usr/bin/podman';

function podman(args: readonly string[]): string {
  return execFileSync(PODMAN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A name as an anchored regular expression for podman's `--filter name=` (which matches regexes). */
function exactly(name: string): string {
  return `^${name.replace(/[.]/g, '\\.')}$`;
}

/**
 * The container names of the `run` calls recorded in an engine log (helpers/engine), in order.
 * Throws when a `run` carries no `--name`: the executor must name every container it starts.
 */
export function recordedContainerNames(log: string): string[] {
  return engineCalls(log)
    .filter((argv) => argv[0] === 'run')
    .map((argv) => {
      const at = argv.indexOf('--name');
      const name = at >= 0 ? argv[at + 1] : undefined;
      if (name === undefined) throw new Error(`a run without --name: ${argv.join(' ')}`);
      return name;
    });
}

/**
 * The engine's own word on a container: its status ("running", "exited", ...), or undefined when
 * `podman ps -a --filter name=^NAME$` lists nothing, i.e. the container no longer exists at all.
 */
export function containerStatus(name: string): string | undefined {
  const out = podman(['ps', '-a', '--filter', `name=${exactly(name)}`, '--format', '{{.Names}}']);
  const names = out.split('\n').filter(Boolean);
  if (names.length > 1) throw new Error(`more than one container named ${name}: ${out}`);
  if (names.length === 0) return undefined;
  try {
    return podman(['inspect', '--format', '{{.State.Status}}', name]).trim();
  } catch {
    return undefined; // removed between the two questions
  }
}

/**
 * The host pids of a running container: its conmon (which outlives a killed client) and every
 * process inside it (`podman top NAME hpid`).
 */
export function containerPids(name: string): number[] {
  const conmon = Number(podman(['inspect', '--format', '{{.State.ConmonPid}}', name]).trim());
  const inside = podman(['top', name, 'hpid'])
    .split('\n')
    .slice(1)
    .map((line) => Number(line.trim()))
    .filter((pid) => Number.isInteger(pid) && pid > 0);
  return [conmon, ...inside];
}

/** `rm -f -t 0`: removes a container a failed test may have left behind (best effort). */
export function forceRemove(name: string): void {
  try {
    podman(['rm', '-f', '-t', '0', name]);
  } catch {
    // Gone already.
  }
}
