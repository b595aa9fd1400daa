import { PythonError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';
import type { PythonProbe } from '../wheel/tags.js';
import { PROBE_MARKER, PROBE_SCRIPT } from './probe-script.js';

/** Pure: reads the probe's JSON line out of whatever the interpreter printed. */
export function parseProbeOutput(stdout: string): PythonProbe | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(PROBE_MARKER));
  if (!line) return undefined;
  const json = line.slice(PROBE_MARKER.length);
  let value: PythonProbe | undefined;
  try {
    value = JSON.parse(json) as PythonProbe;
  } catch {
    // Not JSON: value stays undefined, judged below like JSON that is not a probe.
  }
  if (!Array.isArray(value?.version) || typeof value.implementation !== 'string') return undefined;
  return value;
}

/** Runs the probe with `python`; undefined when it is not a working Python interpreter. */
export async function tryProbe(
  executor: Executor,
  python: string,
): Promise<{ probe?: PythonProbe; stderr: string }> {
  // -E/-s: the user's PYTHONPATH or site-packages must not change what we learn.
  const result = await executor.run([python, '-E', '-s', '-c', PROBE_SCRIPT]);
  const probe = result.exitCode === 0 ? parseProbeOutput(result.stdout) : undefined;
  return probe ? { probe, stderr: result.stderr } : { stderr: result.stderr || result.stdout };
}

export async function probePython(executor: Executor, python: string): Promise<PythonProbe> {
  const { probe, stderr } = await tryProbe(executor, python);
  if (!probe) {
    throw new PythonError(
      `"${python}" is not a working Python interpreter (on ${executor.where}).`,
      {
        input: 'python',
        fix: 'point `python` at a python executable, or give a version such as 2.7 or 3.6.',
        details: stderr.trim() || undefined,
      },
    );
  }
  return probe;
}

export function describeProbe(probe: PythonProbe): string {
  return `${probe.implementation} ${probe.version.join('.')} at ${probe.executable}`;
}
