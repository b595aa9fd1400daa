/**
 * A run whose last await can never settle: node would end it with exit code 13, no message, and
 * the pending folder with its `.partial` wheel left in output-dir (seen once by the outside
 * review under a full disk). Provoked here for certain: a preload makes the move of the packed
 * `.partial` never report back. The bundled action and the local command must end with one named
 * error, exit code 1, and nothing left behind (output-dir, pending folder, temp folder).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, ROOT, runBundledAction } from '../helpers/example.js';
import { actionNode } from '../helpers/node.js';
import { defaultPython3 } from '../helpers/python.js';

const PRELOAD = join(ROOT, '__tests__', 'helpers', 'preload', 'hang-fs-call.mjs');
const HANG = { NODE_OPTIONS: `--import=${PRELOAD}`, HANG_FS_CALL: 'rename:.partial' };
let python: string;

beforeAll(() => {
  python = defaultPython3();
});

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'unsettled-'));
  mkdirSync(join(ws, 'tinypkg'));
  writeFileSync(join(ws, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
  return ws;
}

describe('a run that can never settle (node exit 13)', () => {
  it('the action: one named error, exit 1, the summary says it, nothing left behind', async () => {
    const ws = workspace();
    const out = join(ws, 'dist');
    const temp = join(ws, 'runner-temp');
    const run = await runBundledAction(
      {
        'package-dir': 'tinypkg',
        python,
        'wheel-tag': 'py3-none-any',
        version: '1.0.0',
        'output-dir': out,
        'artifact-name': 'false',
      },
      { ...HANG, GITHUB_WORKSPACE: ws, RUNNER_TEMP: temp },
    );
    const errors = errorAnnotations(run.stdout);
    console.log(`the user sees: ${errors.join('\n')}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      'title=algorithmia-wheel::The run stopped before its work was done',
    );
    expect(errors[0]).toContain("(node's exit code 13)");
    expect(errors[0]).toContain('Fix: re-run the job');
    expect(run.status).toBe(1);
    expect(run.summary).toContain('## :x: The wheel was not published');
    expect(run.summary).toContain('The run stopped before its work was done');
    // output-dir did not exist before: not even the folder stays; the temp folder is empty.
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
    expect(run.outputs).toEqual({});
  });

  it('the local command: one error line, exit 1, nothing left in an output-dir that existed', () => {
    const ws = workspace();
    const out = join(ws, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), "the user's own file\n");
    const run = spawnSync(
      actionNode(),
      [
        join(ROOT, 'dist', 'cli', 'index.js'),
        'build',
        `--working-directory=${ws}`,
        '--package-dir=tinypkg',
        `--python=${python}`,
        '--wheel-tag=py3-none-any',
        '--version=1.0.0',
        `--output-dir=${out}`,
      ],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ws, ...HANG },
        timeout: 120_000,
      },
    );
    console.log(`the user sees: ${run.stderr.trim().split('\n').slice(-2).join('\n')}`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: The run stopped before its work was done: .*\(node's exit code 13\)/m,
    );
    expect(run.stdout).toBe('');
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });
});
