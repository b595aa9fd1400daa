import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../src/input-spec.js';
import { buildExample, copyExample, ROOT } from './helpers/example.js';
import { defaultPython3 } from './helpers/python.js';

const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('the local command (dist/cli/index.js)', () => {
  it('--help lists every input as a flag, with an example', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    for (const name of INPUT_NAMES) expect(run.stdout).toContain(`--${name} `);
    expect(run.stdout).toContain('Example');
    expect(run.stdout).toContain('algorithmia-wheel build --working-directory examples/vecmath');
  });

  it('-V prints the tool version', () => {
    const run = cli(['-V']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    ['a flag without its value', ['build', '--version'], /argument missing/],
    ['no command', [], /missing command "build"/],
    ['an unknown command', ['pack'], /unknown command "pack"/],
    ['an unknown flag', ['build', '--bucket', 'x'], /Unknown option '--bucket'/],
  ])('exits 2 on %s', (_label, args, message) => {
    const run = cli(args as string[]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('--help');
  });

  it('builds the example, prints the outputs on stdout and the log on stderr', () => {
    const python = defaultPython3();
    const example = copyExample('cli-');
    buildExample(example, python);
    const out = mkdtempSync(join(tmpdir(), 'cli-out-'));
    const run = cli([
      'build',
      '--working-directory',
      example,
      '--python',
      python,
      '--version',
      '3.0.0',
      '--stage',
      'python/vecmath/** => vecmath',
      '--stage',
      'build/_vecmath*.so => vecmath',
      '--stage',
      'build/lib/*.so.* => vecmath/lib',
      '--import',
      'vecmath',
      '--import',
      'vecmath.geometry',
      '--output-dir',
      out,
    ]);
    expect(run.stderr).toContain('==> Verify: import');
    expect(run.status).toBe(0);
    const outputs = Object.fromEntries(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(outputs['wheel-name']).toMatch(/^vecmath-3\.0\.0-cp3\d+-cp3\d+-linux_x86_64\.whl$/);
    expect(outputs.wheel).toBe(join(out, outputs['wheel-name']!));
    expect(run.stderr).toContain('artifact skipped');
  });

  it('exits 1 with one error line for bad input', () => {
    const run = cli(['build', '--package-dir', '/nonexistent/pkg', '--version', '1.0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Input 'package-dir': the package folder \/nonexistent\/pkg does not exist\. Fix:/m,
    );
    expect(run.stdout).toBe('');
  });
});
