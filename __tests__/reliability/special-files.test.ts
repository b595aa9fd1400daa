/**
 * What a staged tree holds that is neither a file nor a folder (broken links, link loops, a FIFO,
 * a socket, a device node, a link to a folder that contains it): the glob walk used to leave them
 * out without a word, and a self-link packed the tree twice. Through the bundled action each is
 * named in one error, and nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';

let python: string;

function workspace(): { ws: string; pkg: string } {
  const ws = mkdtempSync(join(tmpdir(), 'special-files-'));
  const pkg = join(ws, 'tinypkg');
  mkdirSync(pkg);
  writeFileSync(join(pkg, '__init__.py'), 'VALUE = 1\n');
  return { ws, pkg };
}

/** A listening unix socket's file, left behind once the server is closed. */
async function socketFile(path: string): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  // Closing unlinks it: keep the server until the run ends by not closing; unref lets vitest go.
  server.unref();
}

function inputs(ws: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'working-directory': ws,
    'package-dir': 'tinypkg',
    python,
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'output-dir': join(ws, 'dist'),
    'artifact-name': 'false',
    ...extra,
  };
}

beforeAll(() => {
  python = defaultPython3();
});

describe('special files in package-dir, through the bundled action', () => {
  it('names every broken link, loop, FIFO, socket, device and self-link in one error', async () => {
    const { ws, pkg } = workspace();
    symlinkSync('/nonexistent/target', join(pkg, 'broken'));
    symlinkSync('loop2', join(pkg, 'loop1'));
    symlinkSync('loop1', join(pkg, 'loop2'));
    execFileSync('mkfifo', [join(pkg, 'fifo')]);
    execFileSync('mknod', [join(pkg, 'null'), 'c', '1', '3']);
    mkdirSync(join(pkg, 'sub'));
    symlinkSync('..', join(pkg, 'sub', 'up'));
    symlinkSync('.', join(pkg, 'self'));
    await socketFile(join(pkg, 'sock'));
    const run = await runBundledAction(inputs(ws), { GITHUB_WORKSPACE: ws });
    const errors = errorAnnotations(run.stdout);
    expect(errors, run.stdout).toHaveLength(1);
    const message = decodeURIComponent(errors[0]!.replace(/%0A/g, '\n'));
    expect(message).toContain(
      `Input 'package-dir': 8 entries in ${pkg} are not a regular file or folder, so the wheel could not hold them: `,
    );
    expect(message).toContain('"broken": a broken symbolic link;');
    expect(message).toContain('"fifo": a named pipe (FIFO);');
    expect(message).toContain('"loop1": a symbolic link loop;');
    expect(message).toContain('"loop2": a symbolic link loop;');
    expect(message).toContain('"null": a character device;');
    expect(message).toContain(
      `"self": a symbolic link to ${pkg}, a folder that contains it (the tree would be packed again inside itself);`,
    );
    expect(message).toContain('"sock": a socket;');
    expect(message).toContain(`"sub/up": a symbolic link to ${pkg}, a folder that contains it`);
    expect(message).toMatch(/Fix: remove them in the build/);
    expect(run.status).toBe(1);
    expect(existsSync(join(ws, 'dist'))).toBe(false);
  });

  it('a stage rule that matches a FIFO names it; one it does not match is no concern', async () => {
    const { ws } = workspace();
    mkdirSync(join(ws, 'build'));
    writeFileSync(join(ws, 'build', 'ok.so'), 'x');
    execFileSync('mkfifo', [join(ws, 'build', 'pipe.so')]);
    execFileSync('mkfifo', [join(ws, 'build', 'other.fifo')]);
    const run = await runBundledAction(
      inputs(ws, { 'package-dir': '', stage: 'tinypkg/** => tinypkg\nbuild/*.so => tinypkg' }),
      { GITHUB_WORKSPACE: ws },
    );
    const errors = errorAnnotations(run.stdout);
    expect(errors, run.stdout).toHaveLength(1);
    const message = decodeURIComponent(errors[0]!.replace(/%0A/g, '\n'));
    expect(message).toContain(
      `Input 'stage': 1 entry in ${ws} is not a regular file or folder, so the wheel could not hold it: "build/pipe.so": a named pipe (FIFO).`,
    );
    expect(message).not.toContain('other.fifo');
  });

  it('a link to a file inside the tree is still packed as that file', async () => {
    const { ws, pkg } = workspace();
    writeFileSync(join(pkg, 'data.txt'), 'data\n');
    symlinkSync('data.txt', join(pkg, 'alias.txt'));
    const run = await runBundledAction(inputs(ws), { GITHUB_WORKSPACE: ws });
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.summary).toContain('`tinypkg/alias.txt` | 5 |');
  });
});
