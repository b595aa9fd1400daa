/**
 * Disk trouble in `output-dir` and names too long for it, through the bundled action: a full
 * disk (a 1 MiB tmpfs) while packing or while writing the receipt, a read-only file system, and a
 * valid version that makes the wheel's file name too long. Each must end in one error that names
 * the input and the folder (not "Unexpected failure", not ENOENT), leave nothing behind in
 * output-dir, and, where it can be known before, stop before the build runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';

let root: string;
let python: string;
const mounts: string[] = [];

/** A tmpfs of `size` at a fresh folder (root only, as on the development machines). */
function mountTmpfs(options: string): string {
  const dir = mkdtempSync(join(root, 'mnt-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** A package whose one data file has `bytes` random (incompressible) bytes. */
function packageWith(bytes: number): string {
  const ws = mkdtempSync(join(root, 'ws-'));
  mkdirSync(join(ws, 'tinypkg'));
  writeFileSync(join(ws, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
  writeFileSync(join(ws, 'tinypkg', 'data.bin'), randomBytes(bytes));
  return ws;
}

function inputs(ws: string, outputDir: string): Record<string, string> {
  return {
    'working-directory': ws,
    'package-dir': 'tinypkg',
    python,
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'output-dir': outputDir,
    'artifact-name': 'false',
    // Proves whether the build ran.
    'build-command': 'touch built.marker',
  };
}

function oneError(stdout: string): string {
  const errors = errorAnnotations(stdout);
  expect(errors, stdout).toHaveLength(1);
  return decodeURIComponent(errors[0]!.replace(/%0A/g, '\n'));
}

beforeAll(() => {
  python = defaultPython3();
  root = mkdtempSync(join(tmpdir(), 'disk-errors-'));
});

afterAll(() => {
  for (const dir of mounts) execFileSync('umount', [dir]);
});

describe('a full output-dir (1 MiB tmpfs)', () => {
  it('while packing: names output-dir and the full disk, and leaves no .partial', async () => {
    const disk = mountTmpfs('size=1m');
    const ws = packageWith(1_500_000);
    const out = join(disk, 'dist');
    const run = await runBundledAction(inputs(ws, out), { GITHUB_WORKSPACE: ws });
    const message = oneError(run.stdout);
    expect(message).toContain(`title=algorithmia-wheel: input 'output-dir'`);
    expect(message).toContain(
      `Input 'output-dir': cannot write the wheel to ${out}: the disk is full (ENOSPC`,
    );
    expect(message).toContain('nothing was left there');
    expect(message).toMatch(/Fix: free space on the disk that holds `output-dir`/);
    expect(message).not.toContain('Unexpected failure');
    expect(run.status).toBe(1);
    expect(run.summary).toContain('the disk is full');
    expect(readdirSync(disk)).toEqual([]);
  });

  it('while packing many files on every deflate worker: named, no .partial, under this node', async () => {
    const disk = mountTmpfs('size=1m');
    const ws = packageWith(10);
    for (let i = 0; i < 400; i++) {
      writeFileSync(join(ws, 'tinypkg', `part${i}.bin`), randomBytes(8192));
    }
    const out = join(disk, 'dist');
    const run = await runBundledAction(inputs(ws, out), { GITHUB_WORKSPACE: ws });
    const message = oneError(run.stdout);
    expect(message).toContain(
      `Input 'output-dir': cannot write the wheel to ${out}: the disk is full (ENOSPC`,
    );
    // Not node's exit 13 (a promise left unsettled): the named error and exit code 1.
    expect(run.status).toBe(1);
    expect(readdirSync(disk)).toEqual([]);
  });

  it('while writing the receipt: removes the wheel it had moved there', async () => {
    const disk = mountTmpfs('size=1m');
    // The wheel takes the tmpfs's last page: the receipt beside it finds no room.
    const ws = packageWith(1_046_500);
    const out = join(disk, 'dist');
    const run = await runBundledAction(inputs(ws, out), { GITHUB_WORKSPACE: ws });
    const message = oneError(run.stdout);
    expect(message).toContain(
      `Input 'output-dir': cannot write the wheel to ${out}: the disk is full (ENOSPC`,
    );
    expect(message).toContain('.verification.json');
    expect(run.status).toBe(1);
    expect(run.outputs).toEqual({});
    expect(readdirSync(disk)).toEqual([]);
  });
});

describe('a full output-dir when a failed verification keeps its evidence', () => {
  it('warns naming failed/, claims no evidence, and leaves no partial copy', async () => {
    const disk = mountTmpfs('size=1m');
    // The wheel (~600 kB) fits; its copy into failed/ does not.
    const ws = packageWith(600_000);
    writeFileSync(join(ws, 'tinypkg', '__init__.py'), 'raise ImportError("broken on purpose")\n');
    const out = join(disk, 'dist');
    const run = await runBundledAction(inputs(ws, out), { GITHUB_WORKSPACE: ws });
    const message = oneError(run.stdout);
    console.log(`the user sees: ${message}`);
    expect(message).toContain('broken on purpose');
    expect(message).not.toContain('are in');
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning'));
    expect(warnings.join('\n')).toContain(
      `Could not keep the failed verification's files in ${join(out, 'failed')}`,
    );
    expect(warnings.join('\n')).toContain('ENOSPC');
    expect(run.status).toBe(1);
    expect(existsSync(join(out, 'failed'))).toBe(false);
  });
});

describe("a full disk under the runner's output file", () => {
  it('GITHUB_OUTPUT: a named error (not "Unexpected failure"), the variable and the fix', async () => {
    const disk = mountTmpfs('size=64k');
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=4096'], {
        stdio: 'ignore',
      });
    } catch {
      // dd ends with ENOSPC: the disk is full now
    }
    const outputFile = join(disk, 'output');
    writeFileSync(outputFile, '');
    const ws = packageWith(10);
    const out = join(mkdtempSync(join(root, 'out-')), 'dist');
    const run = await runBundledAction(inputs(ws, out), {
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: outputFile,
    });
    const message = oneError(run.stdout);
    console.log(`the user sees: ${message}`);
    expect(message).toContain(
      `Variable GITHUB_OUTPUT: could not append to ${outputFile}: the disk that holds it is full (ENOSPC).`,
    );
    expect(message).toContain("Fix: free space on the runner's disk");
    expect(message).not.toContain('Unexpected failure');
    expect(run.status).toBe(1);
    expect(run.summary).toContain('the disk that holds it is full');
  });
});

describe('a read-only output-dir', () => {
  it('is refused by name before the build runs (not ENOENT)', async () => {
    const disk = mountTmpfs('size=1m,ro');
    const ws = packageWith(10);
    const out = join(disk, 'dist');
    const run = await runBundledAction(inputs(ws, out), { GITHUB_WORKSPACE: ws });
    const message = oneError(run.stdout);
    expect(message).toContain(
      `Input 'output-dir': ${disk}, where the output folder ${out} would be made, is on a read-only file system (EROFS).`,
    );
    expect(message).not.toContain('ENOENT');
    expect(run.status).toBe(1);
    expect(existsSync(join(ws, 'built.marker'))).toBe(false);
  });
});

describe('a valid version too long for a file name', () => {
  it('names `version` before anything is built (not output-dir ENAMETOOLONG)', async () => {
    const ws = packageWith(10);
    const version = `1.0.0+${'a'.repeat(236)}`;
    expect(version).toHaveLength(242);
    const out = join(mkdtempSync(join(root, 'out-')), 'dist');
    const run = await runBundledAction({ ...inputs(ws, out), version }, { GITHUB_WORKSPACE: ws });
    const message = oneError(run.stdout);
    expect(message).toContain(`title=algorithmia-wheel: input 'version'`);
    expect(message).toMatch(
      /Input 'version': the version "1\.0\.0\+a{26}\.\.\." \(242 bytes\) makes the wheel's file name at least 267 bytes long; file systems allow 255 bytes for a name and the receipt beside the wheel adds 18, so the wheel "tinypkg" leaves 212 bytes for the version\. Fix: use a version of at most 212 bytes/,
    );
    expect(message).not.toContain('ENAMETOOLONG');
    expect(run.status).toBe(1);
    expect(existsSync(join(ws, 'built.marker'))).toBe(false);
    expect(existsSync(out)).toBe(false);
  });
});
