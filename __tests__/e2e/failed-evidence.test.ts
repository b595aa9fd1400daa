import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('a failed verification leaves evidence in output-dir/failed (bundled action)', () => {
  it('keeps the unverified wheel, pip.log and traceback.txt, and names the folder', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'failed-evidence-'));
    const pkg = join(workspace, 'brokenpkg');
    mkdirSync(pkg);
    // The import fails, and its traceback carries a credential of the environment.
    writeFileSync(
      join(pkg, '__init__.py'),
      'import os\nraise ImportError("vendor library missing " + os.environ.get("AWS_SECRET_ACCESS_KEY", "?"))\n',
    );
    const out = join(workspace, 'dist');
    const run = await runBundledAction(
      {
        'working-directory': workspace,
        'package-dir': 'brokenpkg',
        python: defaultPython3(),
        version: '1.0.0',
        'output-dir': out,
      },
      { AWS_SECRET_ACCESS_KEY: SECRET },
      60_000,
    );
    expect(run.status).toBe(1);
    const failed = join(out, 'failed');
    const files = readdirSync(failed).sort();
    expect(files).toEqual(['brokenpkg-1.0.0-py3-none-any.whl', 'pip.log', 'traceback.txt']);
    // The wheel itself: a zip with the package inside.
    const wheel = readFileSync(join(failed, files[0]!));
    expect(wheel.subarray(0, 2).toString()).toBe('PK');
    expect(wheel.includes(Buffer.from('brokenpkg/__init__.py'))).toBe(true);
    expect(readFileSync(join(failed, 'pip.log'), 'utf8')).toMatch(
      /Successfully installed brokenpkg/,
    );
    const traceback = readFileSync(join(failed, 'traceback.txt'), 'utf8');
    expect(traceback).toContain('ImportError: vendor library missing ***');
    expect(traceback).not.toContain(SECRET);
    // Only the evidence: no verified wheel in output-dir itself.
    expect(readdirSync(out)).toEqual(['failed']);
    const [annotation] = errorAnnotations(run.stdout);
    expect(annotation).toContain(
      `The unverified wheel, pip's log and the traceback are in ${failed}.`,
    );
    expect(run.summary).toContain(failed);
  });
});
