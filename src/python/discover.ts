import { InputError, PythonError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import type { PythonProbe } from '../wheel/tags.js';
import { describeProbe, probePython, tryProbe } from './probe.js';

/** What the `python` input asks for. */
export type PythonRequest =
  | { kind: 'auto' }
  | { kind: 'path'; path: string }
  /** A bare command name (`python3`, `python2.7`, `pypy3`): found on PATH like the build finds it. */
  | { kind: 'command'; command: string }
  | { kind: 'version'; major: number; minor?: number };

// A command name as a shell finds it on PATH: no slash, no space, starting with a letter.
const COMMAND = /^[A-Za-z][A-Za-z0-9._+-]*$/;

export function parsePythonRequest(raw: string): PythonRequest {
  const value = raw.trim();
  if (value === '' || value === 'auto') return { kind: 'auto' };
  const version = /^(\d)(?:\.(\d{1,2}))?$/.exec(value);
  if (version) {
    const major = Number(version[1]);
    return version[2] === undefined
      ? { kind: 'version', major }
      : { kind: 'version', major, minor: Number(version[2]) };
  }
  if (value.includes('/')) return { kind: 'path', path: value };
  if (COMMAND.test(value)) return { kind: 'command', command: value };
  throw new InputError(`"${raw}" is neither a path, a command name, a version nor "auto".`, {
    input: 'python',
    fix: 'use a path such as /opt/anaconda2/bin/python, a command on PATH such as python3, a version such as 2.7 or 3.6, or auto.',
  });
}

/** Where conda keeps its environments, besides the base installs of `candidatePaths`. */
const CONDA_ENVS = [
  '/opt/anaconda2/envs/*/bin',
  '/opt/anaconda3/envs/*/bin',
  '/opt/conda/envs/*/bin',
  '/opt/miniconda3/envs/*/bin',
  '~/anaconda3/envs/*/bin',
  '~/miniconda3/envs/*/bin',
  '~/.conda/envs/*/bin',
];

/**
 * Where vendor images keep their interpreters, in the order they are tried (pure). Anaconda
 * first: Algorithmia's images build and run algorithms with it. A version is also looked up in
 * pyenv's versions (`$PYENV_ROOT`, else `pyenv root`, else ~/.pyenv) and conda environments;
 * `*` and a leading `$PYENV_ROOT/` or `~/` are expanded where the build runs.
 */
export function candidatePaths(request: PythonRequest): string[] {
  const anaconda = [
    '/opt/anaconda2/bin/python',
    '/opt/anaconda3/bin/python',
    '/opt/conda/bin/python',
  ];
  if (request.kind === 'path') return [request.path];
  if (request.kind === 'command') return [request.command];
  if (request.kind === 'auto') return [...anaconda, 'python3', 'python'];
  const version =
    request.minor === undefined ? `${request.major}` : `${request.major}.${request.minor}`;
  const name = `python${version}`;
  return [
    ...anaconda,
    `/usr/local/bin/${name}`,
    `/usr/bin/${name}`,
    name,
    // The binary's name tells 3.1 from 3.10: only 3.1 has python3.1.
    `$PYENV_ROOT/versions/${version}*/bin/${name}`,
    ...CONDA_ENVS.map((folder) => `${folder}/${name}`),
  ];
}

export function probeMatches(request: PythonRequest, probe: PythonProbe): boolean {
  if (request.kind !== 'version') return true;
  const [major, minor] = probe.version;
  return major === request.major && (request.minor === undefined || minor === request.minor);
}

/** Finds and probes the interpreter, in the executor's environment (the image, when one is used). */
export async function discoverPython(
  executor: Executor,
  request: PythonRequest,
  log: Log,
): Promise<PythonProbe> {
  if (request.kind === 'path') return probePython(executor, request.path);
  if (request.kind === 'command') return commandOnPath(executor, request.command, log);
  const candidates = candidatePaths(request);
  // One shell round trip tells which candidates exist (each one is a `docker run` in an image).
  const existing = await existingCandidates(executor, candidates);
  const tried: string[] = [];
  for (const path of existing) {
    const { probe } = await tryProbe(executor, path);
    if (!probe) {
      tried.push(`${path} (not a working interpreter)`);
      continue;
    }
    if (probeMatches(request, probe)) {
      log.info(`Python: ${describeProbe(probe)}`);
      return probe;
    }
    tried.push(`${path} (${probe.version.join('.')})`);
  }
  const wanted =
    request.kind === 'auto'
      ? 'a Python interpreter'
      : `Python ${request.major}${request.minor === undefined ? '' : `.${request.minor}`}`;
  throw new PythonError(`${wanted} was not found on ${executor.where}.`, {
    input: 'python',
    fix: "install it there, or set `python` to the interpreter's full path.",
    details: `Looked for: ${candidates.join(', ')}${tried.length ? `\nFound but not matching: ${tried.join(', ')}` : ''}`,
  });
}

/** The command as `sh` finds it on PATH in the executor's environment (the build's own lookup). */
async function commandOnPath(executor: Executor, command: string, log: Log): Promise<PythonProbe> {
  const found = await executor.run([
    'sh',
    '-c',
    'command -v "$1" || { echo "PATH=$PATH" >&2; exit 1; }',
    'discover',
    command,
  ]);
  const path = found.stdout.trim().split('\n')[0] ?? '';
  if (found.exitCode !== 0 || !path.startsWith('/')) {
    throw new PythonError(`\`${command}\` was not found on PATH on ${executor.where}.`, {
      input: 'python',
      fix:
        'install it or put its folder on PATH before this step (e.g. actions/setup-python), ' +
        'or give a full path or a version such as 3.6.',
      details: found.stderr.trim() || undefined,
    });
  }
  const probe = await probePython(executor, path);
  log.info(`Python: \`${command}\` on PATH is ${describeProbe(probe)}`);
  return probe;
}

// Each candidate, expanded where the build runs: `$PYENV_ROOT/` and `~/` prefixes, then the
// glob (IFS is a newline, so only `*` expands); a command through PATH. A pyenv shim is resolved
// with `pyenv which`, or dropped when that version is not selected (pyenv's versions are
// searched on their own): the shim itself only says "command not found".
const EXISTING_SCRIPT = `
root=\${PYENV_ROOT:-}
[ -n "$root" ] || root=$(pyenv root 2>/dev/null) || root=
[ -n "$root" ] || root=\${HOME:-/root}/.pyenv
IFS='
'
for c in "$@"; do
  case "$c" in
    '$PYENV_ROOT/'*) c="$root/\${c#'$PYENV_ROOT/'}";;
    '~/'*) c="\${HOME:-/root}/\${c#'~/'}";;
  esac
  case "$c" in
    */*) for p in $c; do [ -f "$p" ] && [ -x "$p" ] && echo "$p"; done;;
    *) p=$(command -v "$c" 2>/dev/null) || continue
       case "$p" in
         */shims/*) p=$(pyenv which "$c" 2>/dev/null) && echo "$p";;
         *) echo "$p";;
       esac;;
  esac
done
true`;

async function existingCandidates(executor: Executor, candidates: string[]): Promise<string[]> {
  const result = await executor.run(['sh', '-c', EXISTING_SCRIPT, 'discover', ...candidates]);
  const seen = new Set<string>();
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !seen.has(line) && seen.add(line) !== undefined);
}
