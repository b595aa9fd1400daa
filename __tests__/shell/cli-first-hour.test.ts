import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestName, editDistance, unknownInputWarnings } from '../../src/inputs/closest-name.js';
import { INPUT_NAMES } from '../../src/inputs/input-spec.js';
import { formatOutputs } from '../../src/shell/command-output.js';
import { runBundledAction } from '../helpers/example.js';
import { ROOT } from '../helpers/example.js';

const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const VERSION = (await import('../../package.json', { with: { type: 'json' } })).default.version;

describe("the command's messages, word for word (dist/cli/index.js)", () => {
  it('an unknown flag: our words, the closest flag, no raw node text', () => {
    const run = cli(['build', '--bucket', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'algorithmia-wheel: unknown flag --bucket. Fix: did you mean --s3-bucket? Run algorithmia-wheel --help for the flags.\n',
    );
    expect(run.stdout).toBe('');
  });

  it('a misspelt input flag gets the closest input', () => {
    const run = cli(['build', '--build-comand', 'make']);
    expect(run.stderr).toBe(
      'algorithmia-wheel: unknown flag --build-comand. Fix: did you mean --build-command? Run algorithmia-wheel --help for the flags.\n',
    );
  });

  it('a flag like nothing we know gets no wild guess', () => {
    const run = cli(['build', '--zzzzzzzz']);
    expect(run.stderr).toBe(
      'algorithmia-wheel: unknown flag --zzzzzzzz. Fix: run algorithmia-wheel --help for the flags.\n',
    );
  });

  it('a flag without its value', () => {
    const run = cli(['build', '--python']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'algorithmia-wheel: the flag --python needs a value. Fix: write --python <value>; run algorithmia-wheel --help for the flags.\n',
    );
  });

  it('--json on a usage error prints the error object on stdout', () => {
    const run = cli(['build', '--json', '--bucket', 'x']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        message: 'unknown flag --bucket',
        input: null,
        fix: 'did you mean --s3-bucket? Run algorithmia-wheel --help for the flags.',
      },
    });
  });

  it('--json on a failed build prints the error object with its input and fix', () => {
    const run = cli(['build', '--json', '--package-dir', '/nonexistent/pkg', '--version', '1.0']);
    expect(run.status).toBe(1);
    const parsed = JSON.parse(run.stdout) as { error: Record<string, unknown> };
    expect(parsed.error.input).toBe('package-dir');
    expect(parsed.error.message).toBe('the package folder /nonexistent/pkg does not exist.');
    expect(parsed.error.fix).toEqual(expect.any(String));
    expect(run.stderr).toMatch(/^error: Input 'package-dir': the package folder/m);
  });

  it('--version alone prints the tool version; -V and --tool-version too', () => {
    for (const flag of ['--version', '-V', '--tool-version']) {
      const run = cli([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${VERSION}\n`);
    }
  });

  it('--help lists yank, --verbose and --version, and the license-files default on one line', () => {
    const run = cli(['--help']);
    expect(run.stdout).toContain(
      '       algorithmia-wheel yank --s3-bucket B name==version --reason "..."  (yank --help)\n',
    );
    expect(run.stdout).toContain('  -v, --verbose');
    expect(run.stdout).toContain('print debug lines too (as RUNNER_DEBUG=1 does)');
    const line = run.stdout.split('\n').find((l) => l.startsWith('  --license-files '));
    expect(line).toMatch(
      /\(default: LICEN\[CS\]E\*, COPYING\*, NOTICE\*, AUTHORS\*, repeatable\)$/,
    );
    // No line of --help starts with a bare default value.
    expect(run.stdout).not.toMatch(/^COPYING\*/m);
  });

  it('-v prints debug lines (as RUNNER_DEBUG=1), without it none', () => {
    const args = ['build', '--package-dir', '/nonexistent/pkg', '--version', '1.0'];
    const quiet = cli(args);
    const verbose = cli(['-v', ...args]);
    expect(quiet.stderr).not.toMatch(/^debug: /m);
    expect(verbose.stderr).toContain(
      `debug: algorithmia-wheel ${VERSION} on node ${process.version}\n`,
    );
    const long = cli(['--verbose', ...args]);
    expect(long.stderr).toContain(`debug: algorithmia-wheel ${VERSION} on node`);
  });
});

describe('unknown INPUT_* names (the bundled action)', () => {
  it('a typo gets one warning naming the closest input', async () => {
    const run = await runBundledAction(
      { 'package-dir': join(mkdtempSync(join(tmpdir(), 'typo-')), 'missing'), version: '1.0' },
      { 'INPUT_BUILD-COMANDS': 'make' },
      30_000,
    );
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings).toEqual([
      "::warning::Unknown input 'build-comands' (INPUT_BUILD-COMANDS) is ignored. Did you mean 'build-command'? The inputs are listed in docs/inputs-outputs.md.",
    ]);
  });
});

describe('closestName / unknownInputWarnings / numbers in --json (pure)', () => {
  it('suggests within a few edits or by a whole dash-separated word', () => {
    expect(editDistance('pyhton', 'python')).toBe(1);
    expect(closestName('pyhton', INPUT_NAMES)).toBe('python');
    expect(closestName('bucket', INPUT_NAMES)).toBe('s3-bucket');
    expect(closestName('qqqqqqqq', INPUT_NAMES)).toBeUndefined();
  });

  it('known INPUT_ names give no warning', () => {
    expect(
      unknownInputWarnings({ INPUT_PYTHON: 'x', 'INPUT_S3-BUCKET': 'b' }, INPUT_NAMES),
    ).toEqual([]);
  });

  it('size and artifact-id are numbers with --json, strings in lines', () => {
    const outputs = { size: '1234', 'artifact-id': '7', version: '1.0', wheel: '/w.whl' };
    expect(JSON.parse(formatOutputs(outputs, 'json'))).toEqual({
      size: 1234,
      'artifact-id': 7,
      version: '1.0',
      wheel: '/w.whl',
    });
    expect(formatOutputs(outputs, 'lines')).toContain('size=1234\n');
  });
});
