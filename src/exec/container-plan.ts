/**
 * Pure planning for steps that run inside the vendor image: which variables go in, how the
 * `docker-options` input splits, and the exact `docker run` command line. No I/O here; the
 * ContainerExecutor (container.ts) runs what this file plans.
 */
import { parse as parseShell } from 'shell-quote';
import { InputError, UserError } from '../base/errors.js';

export type ContainerEngine = 'docker' | 'podman';

/**
 * Host variables passed into the image, by exact name (listed in docs/images.md): the runner's
 * documented default variables ("Store information in variables", default environment
 * variables) that name the run, the commit and the runner, and hold no credential. Not its file
 * commands (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY: host
 * paths that are not mounted), nor RUNNER_TEMP, RUNNER_TOOL_CACHE or GITHUB_ACTION_PATH (host
 * folders). No wildcard: GITHUB_PAT, CMAKE_REGISTRY_PASS, CC or CFLAGS reach the image only
 * through the `env` input, where the workflow says so.
 */
export const CONTAINER_ENV_ALLOWED: readonly string[] = [
  'CI',
  'GITHUB_ACTION',
  'GITHUB_ACTION_REPOSITORY',
  'GITHUB_ACTIONS',
  'GITHUB_ACTOR',
  'GITHUB_ACTOR_ID',
  'GITHUB_API_URL',
  'GITHUB_BASE_REF',
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_GRAPHQL_URL',
  'GITHUB_HEAD_REF',
  'GITHUB_JOB',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_PROTECTED',
  'GITHUB_REF_TYPE',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_RETENTION_DAYS',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_SERVER_URL',
  'GITHUB_SHA',
  'GITHUB_TRIGGERING_ACTOR',
  'GITHUB_WORKFLOW',
  'GITHUB_WORKFLOW_REF',
  'GITHUB_WORKFLOW_SHA',
  'GITHUB_WORKSPACE',
  'RUNNER_ARCH',
  'RUNNER_DEBUG',
  'RUNNER_ENVIRONMENT',
  'RUNNER_NAME',
  'RUNNER_OS',
];

/**
 * Variables the engine's own client reads (where it finds its helpers, its config and storage,
 * which libraries it loads). Passing such a value through the client's environment would
 * reconfigure the client itself, so these go on the command line as `-e NAME=value` instead.
 */
export const ENGINE_CLIENT_ENV: readonly string[] = [
  'PATH',
  'HOME',
  'USER',
  'TMPDIR',
  'LD_*',
  'XDG_*',
  'DOCKER_*',
  'CONTAINERS_*',
  'PODMAN_*',
  'BUILDAH_*',
  'REGISTRY_AUTH_FILE',
];

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The lists hold variable names and `*` only (a test holds them to that): nothing to escape. */
function globToRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replaceAll('*', '.*')}$`, 'i');
}

const ALLOWED = new Set(CONTAINER_ENV_ALLOWED);
const CLIENT = ENGINE_CLIENT_ENV.map(globToRegExp);

/** True when a host variable of this name may be passed into the image without the user naming it. */
export function isForwardedHostVariable(name: string): boolean {
  return ALLOWED.has(name);
}

/**
 * The environment of every step in the image: the allow-listed host variables whose values hold
 * no secret (`isSecret`: the run's redactor finds one in it, as in a URL with a password), then
 * the `env` input's `NAME=value` lines (which win). Blank lines and `#` comments are skipped; a
 * line is trimmed, and the value is everything after the first `=`.
 */
export function containerEnv(
  hostEnv: Readonly<Record<string, string | undefined>>,
  userEnvLines: readonly string[],
  isSecret: (value: string) => boolean = () => false,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of Object.keys(hostEnv).sort()) {
    const value = hostEnv[name];
    if (value !== undefined && isForwardedHostVariable(name) && !isSecret(value)) {
      env[name] = value;
    }
  }
  userEnvLines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = eq < 0 ? line : line.slice(0, eq);
    if (eq < 0) {
      throw new InputError(`line ${index + 1} ('${name}') has no '=': expected NAME=value.`, {
        input: 'env',
        fix: `write '${name}=value'; to pass a runner variable, write '${name}=\${{ env.${name} }}' so the workflow says so explicitly.`,
      });
    }
    if (!ENV_NAME.test(name)) {
      throw new InputError(`line ${index + 1}: '${name}' is not a valid variable name.`, {
        input: 'env',
        fix: 'use letters, digits and underscores, not starting with a digit, e.g. MY_FLAG=1.',
      });
    }
    env[name] = line.slice(eq + 1);
  });
  return env;
}

/** Whole quoted or escaped pieces of a shell word: where this stops, a quote or `\\` is open. */
const CLOSED_PIECES = /(?:[^'"\\]|\\[\s\S]|'[^']*'|"(?:[^"\\]|\\[\s\S])*")*/y;

/**
 * Splits the `docker-options` input into words the way a POSIX shell would (shell-quote's
 * parser): whitespace separates, 'single quotes' are literal, "double quotes" allow \" \\ \$ \`
 * escapes, a backslash outside quotes escapes the next character. No variable expansion, no
 * globbing, no comments and no shell operators: the words go to the engine as its argv.
 */
export function parseDockerOptions(raw: string): string[] {
  CLOSED_PIECES.lastIndex = 0;
  const end = CLOSED_PIECES.exec(raw)?.[0].length ?? 0;
  if (end < raw.length) {
    const open = raw.charAt(end);
    if (open === '\\') {
      throw new InputError('ends with a lone backslash.', {
        input: 'docker-options',
        fix: 'remove the trailing backslash or quote the value.',
      });
    }
    throw new InputError(`has an unbalanced ${open === '"' ? 'double' : 'single'} quote.`, {
      input: 'docker-options',
      fix: `close the ${open} quote, or escape it with a backslash.`,
    });
  }
  // `$NAME` stays as written: the engine gets the text, as in a `docker run` argv.
  const words = parseShell(raw.replace(/\\\r?\n/g, ''), (name) => `$${name}`).map((token) => {
    if (typeof token === 'string') return token;
    if ('pattern' in token) return token.pattern;
    const text = 'comment' in token ? `#${token.comment}` : token.op;
    throw new InputError(`'${text}' is shell syntax, not an option.`, {
      input: 'docker-options',
      fix: 'docker-options is split into words and passed to the engine, never run by a shell: quote the character (e.g. "a;b"), or remove it.',
    });
  });
  for (const option of words) {
    // These break capturing the step's output (a TTY merges stderr; detached returns at once).
    // Short flags cluster (`-dp 80:80` is `-d -p 80:80`): -d or -t among the leading boolean
    // flags counts, a letter after a value-taking flag is its value (`-edt` sets e to "dt").
    if (/^-[iPq]*[dt]/.test(option) || /^--(detach|tty)(=.*)?$/.test(option)) {
      throw new InputError(`'${option}' cannot be used: the action captures each step's output.`, {
        input: 'docker-options',
        fix: 'remove -d/-t/--detach/--tty (and -it); the action passes -i itself when a step needs stdin.',
      });
    }
  }
  return words;
}

// The reference grammar of the distribution spec: [host[:port]/]path[:tag][@digest].
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN =
  '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)';
const IMAGE_REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** Throws an InputError('image') unless `image` is a valid image reference. */
export function validateImage(image: string): string {
  const trimmed = image.trim();
  if (trimmed.length > 255 || !IMAGE_REFERENCE.test(trimmed)) {
    throw new InputError(`'${image}' is not a valid image reference.`, {
      input: 'image',
      fix: 'use a name like algorithmiahq/langserver:python3.7 or registry.example.com/team/image@sha256:<digest> (lowercase name, no spaces, no leading dash).',
    });
  }
  return trimmed;
}

export interface DockerRunSpec {
  engine: ContainerEngine;
  image: string;
  /** Absolute host folders, each mounted at the same path inside. */
  mounts: readonly string[];
  /** Working directory inside (absolute); omitted: the image's own. */
  cwd?: string;
  /** The step's variables (already filtered by containerEnv, plus the step's own). */
  env: Readonly<Record<string, string>>;
  /** The parsed `docker-options` input, placed after the action's own flags. */
  options: readonly string[];
  argv: readonly string[];
  /** `--user` value, e.g. "0:0"; omitted: the image's user. */
  user?: string;
  /** Keep stdin open (`-i`): only when the step writes to it, so nothing waits on an open pipe. */
  interactive?: boolean;
  /** `--name`: lets a cancel or timeout stop the container (`rm -f NAME`), not just the client. */
  name?: string;
}

export interface DockerCommand {
  /** The command line, engine first. Never contains a value from `env` except ENGINE_CLIENT_ENV. */
  argv: string[];
  /** Added to the engine client's own environment: the values of the `-e NAME` flags. */
  env: Record<string, string>;
}

function checkAbsolute(path: string, what: string): void {
  if (!path.startsWith('/') || /[:,\n]/.test(path)) {
    throw new UserError(`The ${what} '${path}' cannot be mounted into the image.`, {
      fix: `use an absolute path without ':' ',' or line breaks for the ${what}.`,
    });
  }
}

/**
 * The `docker run` command line for one step. Variables are passed as `-e NAME` with the value in
 * the client's environment, so values never appear in argv (ps, /proc, the `[command]` echo in the
 * log) and no env-file holding them is written to disk; multi-line values survive too, which an
 * --env-file cannot carry. Only names the client itself reads (ENGINE_CLIENT_ENV) go inline.
 */
export function dockerRunCommand(spec: DockerRunSpec): DockerCommand {
  validateImage(spec.image);
  if (spec.argv.length === 0) throw new Error('dockerRunCommand: empty argv');
  const argv: string[] = [spec.engine, 'run', '--rm'];
  if (spec.interactive) argv.push('-i');
  if (spec.name !== undefined) {
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(spec.name)) {
      throw new Error(`dockerRunCommand: bad container name '${spec.name}'`);
    }
    argv.push('--name', spec.name);
  }
  // The image's ENTRYPOINT would otherwise receive our command as its arguments.
  argv.push('--entrypoint=');
  // Sorted so a parent folder is mounted before a folder inside it.
  for (const mount of [...new Set(spec.mounts)].sort()) {
    checkAbsolute(mount, 'folder');
    argv.push('-v', `${mount}:${mount}`);
  }
  if (spec.cwd !== undefined) {
    checkAbsolute(spec.cwd, 'working directory');
    argv.push('-w', spec.cwd);
  }
  const env: Record<string, string> = {};
  for (const name of Object.keys(spec.env).sort()) {
    if (!ENV_NAME.test(name)) throw new Error(`dockerRunCommand: bad variable name '${name}'`);
    const value = spec.env[name] ?? '';
    if (CLIENT.some((re) => re.test(name))) {
      argv.push('-e', `${name}=${value}`);
    } else {
      argv.push('-e', name);
      env[name] = value;
    }
  }
  argv.push(...spec.options);
  // After docker-options: the engine keeps the last --user, and a step that asks for one (the
  // hand-back runs as root) must get it.
  if (spec.user !== undefined) argv.push('--user', spec.user);
  argv.push(spec.image, ...spec.argv);
  return { argv, env };
}
