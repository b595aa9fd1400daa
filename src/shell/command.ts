/**
 * The local command: the same pipeline as the action, for a terminal inside the vendor image.
 *   algorithmia-wheel build --package-dir build/mypkg --version 1.0.0 --python 2.7
 * Flags mirror the action's inputs; multi-line inputs take the flag several times.
 * This module parses the flags and answers --help and --tool-version with pure modules only; the
 * build (src/shell/command-build.ts) and `yank` load after parsing.
 */
import { parseArgs } from 'node:util';
import { errorMessage } from '../base/errors.js';
import { INPUT_NAMES, INPUT_SPECS, type InputName } from '../inputs/input-spec.js';
import { TOOL_VERSION } from '../pipeline/tool-version.js';

export function helpText(): string {
  const width = Math.max(...INPUT_NAMES.map((n) => n.length)) + 10;
  const flags = INPUT_NAMES.map((name) => {
    const spec = INPUT_SPECS[name];
    const flag = `  --${name} <value>`.padEnd(width + 4);
    const extra = [
      spec.default ? `default: ${spec.default}` : '',
      spec.multiline ? 'repeatable' : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `${flag}${spec.help}${extra ? ` (${extra})` : ''}`;
  });
  return [
    'Usage: algorithmia-wheel build [flags]',
    '',
    'Builds a C++ project into a Python wheel, verifies that it installs and imports with the',
    'matching python, and writes it to --output-dir. The log goes to stderr; the outputs go to',
    'stdout as `name=value` lines, a value with line breaks in the heredoc form of GITHUB_OUTPUT',
    "(`name<<DELIMITER`, the value's lines, then `DELIMITER` alone; the delimiter never occurs",
    'in the value), or with --json as one JSON object.',
    '',
    "Flags (the action's inputs):",
    ...flags,
    '  --json'.padEnd(width + 4) + 'print the outputs as one JSON object',
    '  -h, --help'.padEnd(width + 4) + 'show this help',
    '  -V, --tool-version'.padEnd(width + 4) + 'show the tool version',
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

class UsageError extends Error {}

/** Parses argv into input values (pure apart from throwing UsageError). */
export function parseCli(argv: string[]): {
  help: boolean;
  version: boolean;
  json: boolean;
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
  };
  for (const name of INPUT_NAMES) {
    options[name] = { type: 'string', multiple: INPUT_SPECS[name].multiline === true };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: joinDashValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
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
  return { help: wantsHelp, version: wantsVersion, json: parsed.values.json === true, values };
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
    process.stderr.write(`algorithmia-wheel: ${errorMessage(error)}\nRun with --help for usage.\n`);
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
  return runBuildCommand(parsed.values, parsed.json);
}
