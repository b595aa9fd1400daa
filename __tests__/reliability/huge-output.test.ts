/**
 * A build or test command that prints more than a JavaScript string can hold (over 512 MiB):
 * the action streams it to the log and keeps only a bounded tail, so the run ends cleanly: a
 * failing build is a BuildError naming its exit code with the last lines in the annotation, a
 * passing test-command a published wheel. (The RSS target is in `npm run bench -- --only output`;
 * the figure is printed here.)
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPython3 } from '../helpers/python.js';
import { runStreamedAction } from '../helpers/streamed-action.js';

/** Over V8's longest string (2^29 - 24 characters), which the old capture hit. */
const HUGE = 600 * 1024 * 1024;

let ws: string;
let python: string;

function base(): Record<string, string> {
  return {
    'working-directory': ws,
    'package-dir': 'tinypkg',
    python,
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'output-dir': join(mkdtempSync(join(tmpdir(), 'huge-out-')), 'dist'),
    'artifact-name': 'false',
  };
}

beforeAll(() => {
  python = defaultPython3();
  ws = mkdtempSync(join(tmpdir(), 'huge-output-'));
  mkdirSync(join(ws, 'tinypkg'));
  writeFileSync(join(ws, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
});

describe('command output over 512 MiB, through the bundled action', () => {
  it('a failing build ends in one BuildError with the last lines, not ERR_STRING_TOO_LONG', async () => {
    const run = await runStreamedAction(
      {
        ...base(),
        'build-command': `yes 'compiling something rather verbose [------------------------]' | head -c ${HUGE}; echo 'the-last-line: error 42' >&2; exit 7`,
      },
      { GITHUB_WORKSPACE: ws },
    );
    console.log(
      `failing build: ${run.stderrBytes} bytes of output, action peak RSS ${Math.round(run.peakRssKiB / 1024)} MiB`,
    );
    const errors = run.commands.filter((line) => line.startsWith('::error'));
    expect(errors, run.commands.join('\n')).toHaveLength(1);
    const message = decodeURIComponent(errors[0]!.replace(/%0A/g, '\n'));
    expect(message).toContain("Input 'build-command': the build command exited with code 7.");
    expect(message).toContain('the-last-line: error 42');
    expect(message).not.toContain('Unexpected failure');
    // Streamed to the log as it came, not lost (near the end: stdout and stderr are two pipes).
    expect(run.stderrBytes).toBeGreaterThan(HUGE);
    expect(run.stderrTail).toContain('the-last-line: error 42');
    expect(run.status).toBe(1);
    expect(run.summary).toContain('the build command exited with code 7');
    expect(run.summary).toContain('the-last-line: error 42');
    expect(run.outputs).toEqual({});
  });

  it('a passing test-command that prints 600 MiB in one endless line ends in a wheel', async () => {
    const run = await runStreamedAction(
      {
        ...base(),
        'test-command': `head -c ${HUGE} /dev/zero | tr '\\0' x; "$PYTHON" -c 'import tinypkg; assert tinypkg.VALUE == 1'`,
      },
      { GITHUB_WORKSPACE: ws },
    );
    console.log(
      `passing test-command: ${run.stderrBytes} bytes of output, action peak RSS ${Math.round(run.peakRssKiB / 1024)} MiB`,
    );
    expect(run.commands.filter((line) => line.startsWith('::error'))).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stderrBytes).toBeGreaterThanOrEqual(HUGE);
    expect(run.outputs['wheel-name']).toBe('tinypkg-1.0.0-py3-none-any.whl');
    expect(run.summary).toContain('built and verified');
  });
});
