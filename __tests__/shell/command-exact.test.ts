// The local command's parsing and its answers that need no build, in-process and word for word:
// --help, --tool-version, the usage errors (exit 2, with --json an error object on stdout). Light:
// the mutation group `cli` runs it for every mutant of src/shell/command.ts; command.test.ts and
// cli-first-hour.test.ts prove the same through dist/cli/index.js.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INPUT_NAMES } from '../../src/inputs/input-spec.js';
import { TOOL_VERSION } from '../../src/pipeline/tool-version.js';
import {
  asksToolVersion,
  helpText,
  joinDashValues,
  main,
  parseCli,
  UsageError,
} from '../../src/shell/command.js';

/** Runs main() with stdout and stderr captured. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk) => ((stdout += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk) => ((stderr += String(chunk)), true),
  );
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}
afterEach(() => vi.restoreAllMocks());

function usageError(argv: string[]): UsageError {
  try {
    parseCli(argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
}

describe('--help and --tool-version', () => {
  it('the help text around the flag lines, word for word', () => {
    const lines = helpText().split('\n');
    const flags = lines.indexOf("Flags (the action's inputs):");
    expect(lines.slice(0, flags + 1)).toEqual([
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
    ]);
    expect(lines.slice(flags + 1 + INPUT_NAMES.length)).toEqual([
      '  --json                         print the outputs as one JSON object (on failure: {"error": {"message", "input", "fix"}})',
      '  -v, --verbose                  print debug lines too (as RUNNER_DEBUG=1 does)',
      '  -h, --help                     show this help',
      "  -V, --tool-version             show the tool version (so does --version with no command; build's --version is the wheel's)",
      '',
      'Example (the bundled example, built for the default python3):',
      '  algorithmia-wheel build --working-directory examples/vecmath \\',
      '    --build-command "./build.sh python3" --python python3 --version 1.0.0 \\',
      "    --stage 'python/vecmath/** => vecmath' --stage 'build/*.so => vecmath' \\",
      "    --stage 'build/lib/*.so* => vecmath/lib'",
      '',
      'Exit codes: 0 verified wheel written, 1 failure, 2 usage error.',
    ]);
    // The flag column is as wide as the longest input name needs.
    expect(lines[flags + 1]).toBe(
      '  --working-directory <value>    folder the build runs in; relative paths start here (default: .)',
    );
  });

  it.each([['--help'], ['-h'], ['build', '--help'], ['build', '-h', '--json']])(
    '%s prints the help on stdout, exit 0',
    async (...argv) => {
      expect(await run(argv)).toEqual({ code: 0, stdout: `${helpText()}\n`, stderr: '' });
    },
  );

  it.each([['-V'], ['--tool-version'], ['--version'], ['build', '-V']])(
    '%s prints the tool version, exit 0',
    async (...argv) => {
      expect(await run(argv)).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
    },
  );

  it("--version alone is the tool's; with anything else it is the wheel's", () => {
    expect(asksToolVersion(['--version'])).toBe(true);
    expect(asksToolVersion(['--tool-version'])).toBe(true);
    expect(asksToolVersion(['-V'])).toBe(true);
    expect(asksToolVersion([])).toBe(false);
    expect(asksToolVersion(['--help'])).toBe(false);
    expect(asksToolVersion(['build', '--version'])).toBe(false);
    expect(asksToolVersion(['--version', '1.0'])).toBe(false);
    expect(parseCli(['--version'])).toEqual({
      help: false,
      version: true,
      json: false,
      verbose: false,
      values: new Map(),
    });
  });
});

describe('parseCli', () => {
  it('reads every flag form into the input values; a repeated flag is one line each', () => {
    const parsed = parseCli([
      'build',
      '--python',
      '3.6',
      '--stage',
      'a => b',
      '--stage=c => d',
      '--docker-options',
      '-v /a:/b',
      '--json',
      '-v',
    ]);
    expect(parsed).toEqual({
      help: false,
      version: false,
      json: true,
      verbose: true,
      values: new Map([
        ['stage', 'a => b\nc => d'],
        ['python', '3.6'],
        ['docker-options', '-v /a:/b'],
      ]),
    });
    expect([...parsed.values.keys()]).toEqual(['stage', 'python', 'docker-options']);
    expect(parseCli(['build', '--verbose'])).toMatchObject({ json: false, verbose: true });
    expect(parseCli(['build'])).toEqual({
      help: false,
      version: false,
      json: false,
      verbose: false,
      values: new Map(),
    });
  });

  it('a single-line input given twice keeps the last value, not both', () => {
    expect(parseCli(['build', '--python', '2.7', '--python', '3.6']).values.get('python')).toBe(
      '3.6',
    );
  });

  it.each([
    [
      ['build', '--bucket', 'x'],
      'unknown flag --bucket',
      'did you mean --s3-bucket? Run algorithmia-wheel --help for the flags.',
    ],
    [
      ['build', '--s3-bucket=b', '--jsn'],
      'unknown flag --jsn',
      'did you mean --json? Run algorithmia-wheel --help for the flags.',
    ],
    [
      ['build', '--zzzzzzzz=1'],
      'unknown flag --zzzzzzzz',
      'run algorithmia-wheel --help for the flags.',
    ],
    [
      ['build', '-x'],
      'unknown flag -x',
      'the short flags are -h, -v and -V; run algorithmia-wheel --help for the flags.',
    ],
    [
      ['build', '-vh'],
      'unknown flag -vh',
      'the short flags are -h, -v and -V; run algorithmia-wheel --help for the flags.',
    ],
    [
      ['build', '--python'],
      'the flag --python needs a value',
      'write --python <value>; run algorithmia-wheel --help for the flags.',
    ],
    [
      ['build', '--json=yes'],
      "Option '--json' does not take an argument",
      'run algorithmia-wheel --help for the flags.',
    ],
    [[], 'missing command "build"', 'run algorithmia-wheel --help for the flags.'],
    [['--json'], 'missing command "build"', 'run algorithmia-wheel --help for the flags.'],
    [['pack'], 'unknown command "pack"', 'run algorithmia-wheel --help for the flags.'],
    [
      ['build', 'extra'],
      'unexpected argument "extra"',
      'run algorithmia-wheel --help for the flags.',
    ],
    [
      ['build', '--', '--bucket'],
      'unexpected argument "--bucket"',
      'run algorithmia-wheel --help for the flags.',
    ],
  ])('%j: %s', (argv, message, fix) => {
    const error = usageError(argv);
    expect(error.message).toBe(message);
    expect(error.fix).toBe(fix);
  });

  it('after `--` nothing is a flag, and a value that starts with "-" is a value', () => {
    expect(usageError(['build', '--', '-x']).message).toBe('unexpected argument "-x"');
    expect(parseCli(['build', '--name', '-x']).values.get('name')).toBe('-x');
    expect(parseCli(['build', '--s3-prefix', '--json']).values.get('s3-prefix')).toBe('--json');
    // A dash inside a value is no flag.
    expect(parseCli(['build', '--name', 'my-pkg']).values.get('name')).toBe('my-pkg');
  });
});

describe('joinDashValues', () => {
  const options = { name: { type: 'string' as const }, json: { type: 'boolean' as const } };

  it('joins only a string flag with a next argument that starts with "-"', () => {
    expect(
      joinDashValues(['--name', '-x', '--name', 'y', '--json', '-v', '--name'], options),
    ).toEqual(['--name=-x', '--name', 'y', '--json', '-v', '--name']);
    expect(joinDashValues(['-name', '-x', 'name', '-y'], options)).toEqual([
      '-name',
      '-x',
      'name',
      '-y',
    ]);
  });

  it('copies what follows `--` as it is', () => {
    expect(joinDashValues(['a', '--', '--name', '-x'], options)).toEqual([
      'a',
      '--',
      '--name',
      '-x',
    ]);
    expect(joinDashValues(['--name', '--', '--name', '-x'], options)).toEqual([
      '--name=--',
      '--name=-x',
    ]);
  });
});

describe('main hands `yank` on', () => {
  it("yank --help is the yank command's help, not the build's", async () => {
    const { YANK_HELP } = await import('../../src/shell/yank-command.js');
    expect(await run(['yank', '--help'])).toEqual({
      code: 0,
      stdout: `${YANK_HELP}\n`,
      stderr: '',
    });
  });
});

describe('usage errors from main: exit 2, one line on stderr', () => {
  it('names the mistake and the fix', async () => {
    expect(await run(['build', '--bucket', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'algorithmia-wheel: unknown flag --bucket. Fix: did you mean --s3-bucket? Run algorithmia-wheel --help for the flags.\n',
    });
  });

  it('with --json, the error object on stdout too', async () => {
    const result = await run(['pack', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'algorithmia-wheel: unknown command "pack". Fix: run algorithmia-wheel --help for the flags.\n',
    );
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        message: 'unknown command "pack"',
        input: null,
        fix: 'run algorithmia-wheel --help for the flags.',
      },
    });
  });
});
