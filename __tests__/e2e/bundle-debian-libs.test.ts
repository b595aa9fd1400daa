// bundle-libs in image mode on a package linking seven Debian libraries (and what they need:
// libzstd, liblz4... through libcrypto and friends): the image's loader answers once, the copies
// are patched on this machine, each bundled library grows by at most 20% (a size, not a time:
// the timing comparison with host mode is in `npm run bench -- --only bundle`), and the
// installed wheel loads every library from its own .libs folder and calls each one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDebianLibsPackage } from '../helpers/debian-libs.mjs';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { pipInstallTarget, runFromTarget } from '../helpers/pip-target.js';
import { defaultPython3 } from '../helpers/python.js';
import { engineCalls, ensureTestImage, imageRunEnv, TEST_IMAGE } from '../helpers/rootfs.js';

beforeAll(() => {
  ensureTestImage(TEST_IMAGE);
});

describe('bundle-libs in image mode, several Debian libraries', () => {
  it('one loader query per step, libraries grown by at most 20%, every library loaded from the wheel', async () => {
    const python = defaultPython3();
    const dir = writeDebianLibsPackage(mkdtempSync(join(tmpdir(), 'debpkg-')), python, 4);
    const ws = mkdtempSync(join(tmpdir(), 'bundle-debian-'));
    const log = join(ws, 'engine.log');
    const run = await runBundledAction(
      {
        'working-directory': dir,
        'package-dir': 'debpkg',
        python: 'python3',
        version: '1.0.0',
        'output-dir': join(ws, 'dist'),
        'artifact-name': 'false',
        image: TEST_IMAGE,
        'container-engine': 'podman',
        'docker-options': '--network none',
        'bundle-libs': 'true',
      },
      imageRunEnv(log, ws),
      240_000,
    );
    expect(errorAnnotations(run.stdout), run.stdout).toEqual([]);
    expect(run.status).toBe(0);
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    // Two loader queries in all, each one container whatever the number of files: bundle-libs'
    // (before packing) and check-libs' (after the install). No container per file.
    const queries = runs.filter((argv) => argv.some((a) => a.includes('@@ALGORITHMIA-FILE')));
    expect(queries).toHaveLength(2);
    expect(runs.filter((argv) => argv.includes('ldd') || argv.includes('--list'))).toEqual([]);
    expect(runs.some((argv) => argv.includes('patchelf'))).toBe(false);

    // "bundle-libs: <path in the image> -> debpkg.libs/<unique name>", for each library.
    const copied = [...run.stdout.matchAll(/bundle-libs: (\/\S+) -> debpkg\.libs\/(\S+)/g)].map(
      (m) => ({ from: m[1]!, unique: m[2]! }),
    );
    const names = copied.map((c) => c.unique.replace(/-[0-9a-f]{8}(?=\.so)/, ''));
    for (const lib of [
      'libsqlite3.so.0',
      'liblzma.so.5',
      'libbz2.so.1.0',
      'libz.so.1',
      'libssl.so.3',
      'libcrypto.so.3',
      'libffi.so.8',
    ]) {
      expect(names, run.stdout).toContain(lib);
    }
    // Sizes in the image, as the loader found them, against the patched copies in the wheel.
    const sizes = execFileSync(
      'podman',
      [
        'run',
        '--rm',
        '--network',
        'none',
        TEST_IMAGE,
        'stat',
        '-L',
        '-c',
        '%s',
        ...copied.map((c) => c.from),
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .map(Number);
    const target = join(ws, 'target');
    const install = pipInstallTarget(python, target, [run.outputs.wheel!], { cwd: ws });
    expect(install.status, install.stderr).toBe(0);
    const libs = join(target, 'debpkg.libs');
    expect(readdirSync(libs).sort()).toEqual(copied.map((c) => c.unique).sort());
    const growth = copied.map((c, i) => ({
      name: c.unique,
      ratio: statSync(join(libs, c.unique)).size / sizes[i]!,
    }));
    for (const { name, ratio } of growth) expect(ratio, name).toBeLessThanOrEqual(1.2);

    // Imported here, every library called, each mapped from debpkg.libs and not from /usr/lib.
    const code = `import json, debpkg
calls = [m.versions() for m in debpkg.MODULES]
maps = [l.split()[-1] for l in open('/proc/self/maps') if '.so' in l]
print(json.dumps({"calls": calls, "maps": sorted(set(maps))}))`;
    const result = runFromTarget(python, target, code, { cwd: ws });
    expect(result.status, result.stderr).toBe(0);
    const { calls, maps } = JSON.parse(result.stdout) as {
      calls: Record<string, number | string>[];
      maps: string[];
    };
    expect(calls).toHaveLength(4);
    for (const call of calls) {
      expect(call.sqlite).toBeGreaterThan(3_000_000);
      expect(call.ffi).toBe(1);
      expect(call.ssl).toBe(1);
      expect(String(call.zlib)).toMatch(/^1\./);
    }
    for (const { unique } of copied) {
      expect(
        maps.some((m) => m.endsWith(`/debpkg.libs/${unique}`)),
        unique,
      ).toBe(true);
    }
    expect(maps.filter((m) => /\/lib(ssl|crypto|sqlite3|ffi)\.so/.test(m))).toEqual([]);
  });
});
