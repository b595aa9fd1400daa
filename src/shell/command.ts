/**
 * The local command: the same pipeline as the action, for a terminal inside the vendor image.
 *   algorithmia-wheel build --package-dir build/mypkg --version 1.0.0 --python 2.7
 * Flags mirror the action's inputs; multi-line inputs take the flag several times.
 * This module parses the flags and answers --help and --tool-version with pure modules only; the
 * build (src/shell/command-build.ts) and `yank` load after parsing.
 */
import { parseArgs } from 'node:util';
import { errorMessage } from '../base/errors.js';
import { errorJson } from './command-output.js';
import { closestName } from '../inputs/closest-name.js';
import { INPUT_NAMES, INPUT_SPECS, type InputName } from '../inputs/input-spec.js';
import { TOOL_VERSION } from '../pipeline/tool-version.js';

export function helpText(): string {
  const width = Math.max(...INPUT_NAMES.map((n) => n.length)) + 10;
  const flags = INPUT_NAMES.map((name) => {
    const spec = INPUT_SPECS[name];
    const flag = `  --${name} <value>`.padEnd(width + 4);
    const extra = [
      // A multi-line default (license-files) reads as a list on the flag's one line.
      spec.default ? `default: ${spec.default.split('\n').join(', ')}` : '',
      spec.multiline ? 'repeatable' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `${flag}${spec.help}${extra ? ` (${extra})` : ''}`;
  });
  return [
    'Usage: algorithmia-wheel build [flags]',
    '       algorithmia-wheel yank --s3-bucket B name==version --reason "..."  (yank --help)',
    '       algorithmia-wheel --version',
    '',
    'Builds a C++ project into a Python wheel, verifies that it installs and imports with the',
    'matching python, and writes it to --output-dir. The log goes to stderr; the outputs go to',
    'stdout as `name=value` lines, a value with line breaks in the heredoc form of GITHUB_OUTPUT',
    "(`name<<DELIMITER`, the value's lines, then `DELIMITER` alone; the delimiter never occurs",
    'in the value), or with --json as one JSON object.',
    '',
    "Flags (the action's inputs):",
    ...flags,
    '  --json'.padEnd(width + 4) +
      'print the outputs as one JSON object (on failure: {"error": {"message", "input", "fix"}})',
    '  -v, --verbose'.padEnd(width + 4) + 'print debug lines too (as RUNNER_DEBUG=1 does)',
    '  -h, --help'.padEnd(width + 4) + 'show this help',
    '  -V, --tool-version'.padEnd(width + 4) +
      "show the tool version (so does --version with no command; build's --version is the wheel's)",
    '',
    'Example (the bundled example, built for the default python3):',
    '  algorithmia-wheel build --working-directory examples/vecmath \\',
    '    --build-command "./build.sh python3" --python python3 --version 1.0.0 \\',
    "    --stage 'python/vecmath/** => vecmath' --stage 'build/*.so => vecmath' \\",
    "    --stage 'build/lib/*.so* => vecmath/lib'",
    '',
    'Exit codes: 0 verified wheel written, 1 failure, 2 usage error.',
  ].join('\n');
}

/** A usage mistake: exit 2, with a fix when we have one (the closest flag). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly fix = 'run algorithmia-wheel --help for the flags.',
  ) {
    super(message);
  }
}

/** The command's own flags (not inputs). */
const OWN_FLAGS = ['help', 'tool-version', 'json', 'verbose'] as const;
const SHORT_FLAGS = new Set(['-h', '-V', '-v']);

/** `algorithmia-wheel --version` alone asks for the tool's version: there is no build to version. */
export function asksToolVersion(argv: readonly string[]): boolean {
  return (
    argv.length === 1 &&
    (argv[0] === '--version' || argv[0] === '--tool-version' || argv[0] === '-V')
  );
}

/** The first flag that is neither an input nor one of ours, as one clear UsageError. */
function checkFlags(args: readonly string[]): void {
  const known = [...INPUT_NAMES, ...OWN_FLAGS];
  for (const arg of args) {
    if (arg === '--') return;
    if (arg.startsWith('--')) {
      const name = arg.slice(2).split('=')[0]!;
      if ((known as string[]).includes(name)) continue;
      const guess = closestName(name, known);
      throw new UsageError(
        `unknown flag --${name}`,
        guess
          ? `did you mean --${guess}? Run algorithmia-wheel --help for the flags.`
          : 'run algorithmia-wheel --help for the flags.',
      );
    }
    if (/^-[^-]/.test(arg) && !SHORT_FLAGS.has(arg)) {
      throw new UsageError(
        `unknown flag ${arg}`,
        'the short flags are -h, -v and -V; run algorithmia-wheel --help for the flags.',
      );
    }
  }
}

/** Parses argv into input values (pure apart from throwing UsageError). */
export function parseCli(argv: string[]): {
  help: boolean;
  version: boolean;
  json: boolean;
  verbose: boolean;
  values: Map<InputName, string>;
} {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
  > = {
    help: { type: 'boolean', short: 'h' },
    // `--version` is the wheel's version input; the tool's own is -V.
    'tool-version': { type: 'boolean', short: 'V' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
  };
  for (const name of INPUT_NAMES) {
    options[name] = { type: 'string', multiple: INPUT_SPECS[name].multiline === true };
  }
  if (asksToolVersion(argv)) {
    return { help: false, version: true, json: false, verbose: false, values: new Map() };
  }
  const args = joinDashValues(argv, options);
  checkFlags(args);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // node's text ("Option '--version <value>' argument missing") in our words.
    const missing = /^Option '(-\w, )?(--[\w-]+)[^']*' argument missing/.exec(errorMessage(error));
    if (missing) {
      throw new UsageError(
        `the flag ${missing[2]} needs a value`,
        `write ${missing[2]} <value>; run algorithmia-wheel --help for the flags.`,
      );
    }
    throw new UsageError(errorMessage(error));
  }
  const [command, ...rest] = parsed.positionals;
  const wantsHelp = parsed.values.help === true;
  const wantsVersion = parsed.values['tool-version'] === true;
  if (!wantsHelp && !wantsVersion) {
    if (command !== 'build')
      throw new UsageError(command ? `unknown command "${command}"` : 'missing command "build"');
    if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  }
  const values = new Map<InputName, string>();
  for (const name of INPUT_NAMES) {
    const value = parsed.values[name];
    if (Array.isArray(value)) values.set(name, value.join('\n'));
    else if (typeof value === 'string') values.set(name, value);
  }
  return {
    help: wantsHelp,
    version: wantsVersion,
    json: parsed.values.json === true,
    verbose: parsed.values.verbose === true,
    values,
  };
}

/**
 * `--docker-options '-v /a:/b'`: parseArgs refuses a value that starts with `-` as ambiguous.
 * An input flag always takes a value, so the next argument is its value: written as
 * `--name=value`, the one form parseArgs accepts.
 */
export function joinDashValues(
  argv: readonly string[],
  options: Readonly<Record<string, { type: 'string' | 'boolean' }>>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (options[name]?.type === 'string' && next !== undefined && next.startsWith('-')) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
    if (arg === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
  }
  return out;
}

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'yank') {
    const { yankMain } = await import('./yank-command.js');
    return yankMain(argv.slice(1));
  }
  let parsed;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    // parseCli turns every mistake, node's included, into a UsageError.
    const { fix } = error as UsageError;
    process.stderr.write(`algorithmia-wheel: ${errorMessage(error)}. Fix: ${fix}\n`);
    // With --json a script reads stdout: it gets the error as an object, not nothing.
    if (argv.includes('--json'))
      process.stdout.write(errorJson(errorMessage(error), undefined, fix));
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  if (parsed.version) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  // The pipeline (and all it imports) loads only now: --help, --tool-version and usage errors
  // answer without it.
  const { runBuildCommand } = await import('./command-build.js');
  return runBuildCommand(parsed.values, { json: parsed.json, verbose: parsed.verbose });
}
