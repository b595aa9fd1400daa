// `npm run local-action` (CONTRIBUTING.md): the action's source under GitHub's runner emulation,
// @github/local-action, on the committed .env.example. Run as documented in a copy holding what a
// checkout has (node_modules linked, as in a git worktree), offline: in a network namespace of
// its own (`unshare -n`, no interface but a down loopback) with npm told not to fetch.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { installAndCall, ROOT } from '../helpers/example.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What a checkout has of what the loop reads, and the repository's node_modules linked in. */
function checkoutLike(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'local-action-')), 'wheel-maker');
  dirs.push(dir);
  for (const part of ['action.yml', 'package.json', 'tsconfig.json', '.env.example']) {
    cpSync(join(ROOT, part), join(dir, part));
  }
  for (const part of ['script', 'src', 'examples']) {
    cpSync(join(ROOT, part), join(dir, part), {
      recursive: true,
      filter: (src) => !/\/examples\/[^/]+\/(build|dist)(\/|$)/.test(src),
    });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** The documented command, in `dir`, with no network and npm offline. */
function npmRunLocalAction(dir: string, args: string[] = []) {
  return spawnSync(
    'unshare',
    ['--net', '--', 'npm', 'run', 'local-action', ...(args.length ? ['--', ...args] : [])],
    {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? dir,
        npm_config_offline: 'true',
      },
      timeout: 170_000,
    },
  );
}

/** The rows of local-action's "Action Outputs" table (what its @actions/core stub recorded). */
function outputsTable(stdout: string): Record<string, string> {
  const tail = stdout.slice(stdout.indexOf('Action Outputs'));
  const rows: Record<string, string> = {};
  for (const [, name, value] of tail.matchAll(/│\s*\d+\s*│\s*'([^']+)'\s*│\s*'([^']*)'\s*│/g)) {
    rows[name!] = value!;
  }
  return rows;
}

describe('npm run local-action (@github/local-action on .env.example)', () => {
  it('builds, verifies and writes the example wheel to output-dir only, offline; local-action prints the outputs; the summary is written', () => {
    const dir = checkoutLike();
    const run = npmRunLocalAction(dir);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    // The stubs ran, not the real @actions/core: they print `::info::` lines and record outputs.
    expect(run.stdout).toContain('::info::staged 5 files: packages vecmath');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);

    const outputs = outputsTable(run.stdout);
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'python-version',
        'receipt',
        'sha256',
        'size',
        'tags',
        'version',
        'wheel',
        'wheel-name',
      ].sort(),
    );
    const out = join(dir, '.local-action', 'dist');
    expect(outputs['wheel-name']).toMatch(/^vecmath-1\.0\.0-cp3\d+-cp3\d+-linux_x86_64\.whl$/);
    expect(outputs.wheel).toBe(join(out, outputs['wheel-name']!));
    // Published to the output-dir and nowhere else: the wheel and its receipt.
    expect(readdirSync(out).sort()).toEqual([
      outputs['wheel-name'],
      `${outputs['wheel-name']}.verification.json`,
    ]);
    const bytes = readFileSync(outputs.wheel!);
    expect(outputs.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(outputs.size).toBe(String(bytes.length));
    expect(outputs.version).toBe('1.0.0');
    expect(outputs.receipt).toBe(`${outputs.wheel}.verification.json`);
    // The same values as the stub's `::set-output` lines.
    for (const [name, value] of Object.entries(outputs)) {
      expect(run.stdout).toContain(`::set-output name=${name}::${value}\n`);
    }

    const summary = readFileSync(join(dir, '.local-action', 'summary.md'), 'utf8');
    expect(summary.startsWith('## :white_check_mark: vecmath 1.0.0 built and verified\n')).toBe(
      true,
    );
    expect(summary).toContain(`| SHA-256 | \`${outputs.sha256}\` |`);

    // The wheel installs with the python it was verified with, and the import calls the C++ code.
    const receipt = JSON.parse(readFileSync(outputs.receipt!, 'utf8')) as {
      python: { path: string };
    };
    const call = installAndCall(receipt.python.path, outputs.wheel!);
    expect(call.status, call.stderr).toBe(0);
    expect(JSON.parse(call.stdout)).toMatchObject({ dot: 32, norm: 5 });
  });

  it('a bad input in a copy of the env file fails with our ::error message, word for word, and publishes nothing', () => {
    const dir = checkoutLike();
    const example = readFileSync(join(dir, '.env.example'), 'utf8');
    const bad = example.replace(/^INPUT_VERSION=1\.0\.0$/m, 'INPUT_VERSION=0.1.4-gpu');
    expect(bad).not.toBe(example);
    writeFileSync(join(dir, '.env'), bad);

    const run = npmRunLocalAction(dir, ['.env']);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
      `::error title=algorithmia-wheel: input 'version'::Input 'version': "0.1.4-gpu" is not a valid PEP 440 version. Fix: use "0.1.4+gpu" (a local version label goes after "+").`,
    ]);
    expect(run.stdout).toContain('No outputs were set!');
    // Refused before the build: nothing built, nothing written but the failure's summary.
    expect(existsSync(join(dir, 'examples', 'vecmath', 'build'))).toBe(false);
    expect(readdirSync(join(dir, '.local-action'))).toEqual(['summary.md']);
    expect(readFileSync(join(dir, '.local-action', 'summary.md'), 'utf8')).toBe(
      '## :x: The wheel was not published\n\n' +
        'Input &#39;version&#39;: &quot;0.1.4-gpu&quot; is not a valid PEP 440 version. Fix: use &quot;0.1.4+gpu&quot; (a local version label goes after &quot;+&quot;).\n',
    );
  });
});
