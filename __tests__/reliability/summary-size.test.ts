/**
 * The runner drops a step summary over 1 MiB whole (the verdict, the consumer check and the
 * receipt with it). A wheel with thousands of long paths, through the bundled action: the summary
 * stays under the limit, the verdict and the receipt come first and whole, and the contents table
 * is cut with a count of the files left out.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';

const RUNNER_LIMIT = 1024 * 1024;
const FILES = 6000;

describe('a job summary that would be over 1 MiB, through the bundled action', () => {
  it('keeps the verdict and the receipt, and cuts the contents table with a count', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'summary-size-'));
    // 6000 paths of about 200 bytes: a contents table of about 1.3 MB.
    const deep = join(ws, 'tinypkg', 'd'.repeat(90), 'e'.repeat(90));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(ws, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
    for (let i = 0; i < FILES; i++) {
      writeFileSync(join(deep, `data_${String(i).padStart(5, '0')}.txt`), `${i}\n`);
    }
    const run = await runBundledAction(
      {
        'working-directory': ws,
        'package-dir': 'tinypkg',
        python: defaultPython3(),
        'wheel-tag': 'py3-none-any',
        version: '1.0.0',
        'output-dir': join(ws, 'dist'),
        'artifact-name': 'false',
      },
      { GITHUB_WORKSPACE: ws },
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    const bytes = Buffer.byteLength(run.summary);
    console.log(`summary of ${FILES + 1} files: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(RUNNER_LIMIT);
    expect(run.summary.startsWith('## :white_check_mark: tinypkg 1.0.0 built and verified')).toBe(
      true,
    );
    // The proof comes before the long table, and whole.
    const receipt = run.summary.indexOf('<details><summary>Verification receipt');
    const contents = run.summary.indexOf('<details><summary>Contents of the wheel');
    expect(receipt).toBeGreaterThan(0);
    expect(contents).toBeGreaterThan(receipt);
    expect(run.summary).toContain('"sha256"');
    const more = /\| \.\.\. and (\d+) more files \((\d+) in all\) \| \| \|/.exec(run.summary);
    expect(more, run.summary.slice(-500)).not.toBeNull();
    const rows = run.summary.match(/^\| `[^`]+` \| \d+ \|/gm) ?? [];
    // The rows shown and the count left out add up to every file of the wheel (with
    // __init__.py, METADATA, WHEEL and RECORD).
    expect(Number(more![2])).toBe(FILES + 4);
    expect(rows.length + Number(more![1])).toBe(FILES + 4);
    expect(rows.length).toBeGreaterThan(3000);
  });
});
