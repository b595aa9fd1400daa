// `npm run example` needs node, g++ and a python with pip and headers: no root, no npm install,
// no set-up. Run as an unprivileged user on a copy holding only what a clone has of it.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/example.js';

const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of what `npm run example` reads (script/, dist/, examples/), owned by nobody. */
function cloneLike(): string {
  const dir = mkdtempSync(join(tmpdir(), 'example-clone-'));
  dirs.push(dir);
  chmodSync(dir, 0o777);
  for (const part of ['script', 'dist', 'examples', 'package.json']) {
    cpSync(join(ROOT, part), join(dir, part), {
      recursive: true,
      filter: (src) => !/\/examples\/[^/]+\/(build|dist)(\/|$)/.test(src),
    });
  }
  spawnSync('chown', ['-R', '65534:65534', dir]);
  return dir;
}

function runExample(dir: string, path: string, args: string[] = []) {
  return spawnSync(
    '/usr/bin/setpriv',
    [...NOBODY, 'bash', join(dir, 'script', 'example'), ...args],
    {
      encoding: 'utf8',
      env: { PATH: path, HOME: dir, LANG: 'C.UTF-8' },
      timeout: 170_000,
    },
  );
}

describe('npm run example (script/example)', () => {
  it('builds and verifies the example as an unprivileged user with node, g++ and python3 only', () => {
    const dir = cloneLike();
    const run = runExample(dir, '/usr/local/bin:/usr/bin:/bin', ['/usr/bin/python3']);
    expect(run.stderr + run.stdout).not.toMatch(/setup:|npm ci|apt-get install -y/);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain('dot([1,2,3],[4,5,6]) = 32');
    const wheels = readdirSync(join(dir, 'examples', 'vecmath', 'dist'));
    expect(wheels.filter((f) => f.endsWith('.whl'))).toEqual([
      expect.stringMatching(/^vecmath-1\.0\.0-cp311-cp311-linux_x86_64\.whl$/),
    ]);
  });

  it('names a missing compiler and the fix, before building anything', () => {
    const dir = cloneLike();
    // A PATH with node, bash and python3 but no g++.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    for (const tool of ['node', 'bash', 'python3', 'dirname', 'cat']) {
      symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
    }
    const run = runExample(dir, bin);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "example: g++ is not on PATH: the example's C++ code cannot be built.\n" +
        'example: Fix: install a C++ compiler (Debian/Ubuntu: sudo apt-get install g++) and run npm run example again.\n',
    );
  });
});
