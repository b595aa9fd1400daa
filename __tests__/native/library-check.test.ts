import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MISSING_LIBRARY_FIX, parseLdd } from '../../src/native/ldd-output.js';
import { checkInstalledLibraries } from '../../src/native/library-check.js';
import { readElf } from '../../src/elf/read-file.js';
import { LibraryError } from '../../src/base/errors.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log/log.js';
import { gxx, readelfDynamic, run, tempDir } from '../elf/toolchain.js';

describe('parseLdd on fixed samples', () => {
  test('glibc: resolved, not found, vDSO and the loader', () => {
    const output = [
      '\tlinux-vdso.so.1 (0x00007ffd5a3f2000)',
      '\tlibextra.so => not found',
      '\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f21d1200000)',
      '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f21d101e000)',
      '\t/lib64/ld-linux-x86-64.so.2 (0x00007f21d151f000)',
      '',
    ].join('\n');
    expect(parseLdd(output)).toEqual([
      { name: 'linux-vdso.so.1', notFound: false },
      { name: 'libextra.so', notFound: true },
      { name: 'libstdc++.so.6', path: '/lib/x86_64-linux-gnu/libstdc++.so.6', notFound: false },
      { name: 'libc.so.6', path: '/lib/x86_64-linux-gnu/libc.so.6', notFound: false },
      {
        name: '/lib64/ld-linux-x86-64.so.2',
        path: '/lib64/ld-linux-x86-64.so.2',
        notFound: false,
      },
    ]);
  });

  test('old glibc vDSO form, paths with spaces, statically linked, not a dynamic executable', () => {
    expect(
      parseLdd(
        '\tlinux-vdso.so.1 =>  (0x00007fff4b9ff000)\n\tlibx.so => /opt/my libs/libx.so (0x1)\n',
      ),
    ).toEqual([
      { name: 'linux-vdso.so.1', notFound: false },
      { name: 'libx.so', path: '/opt/my libs/libx.so', notFound: false },
    ]);
    expect(parseLdd('\tstatically linked\n')).toEqual([]);
    expect(parseLdd('\tnot a dynamic executable\n')).toEqual([]);
  });

  test('a missing symbol version is reported as not found, with the version', () => {
    const output =
      "./_core.so: /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by ./_core.so)\n" +
      '\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f0000000000)\n';
    expect(parseLdd(output)).toEqual([
      {
        name: 'libstdc++.so.6',
        path: '/lib/x86_64-linux-gnu/libstdc++.so.6',
        notFound: true,
        missingVersion: 'GLIBCXX_3.4.32',
      },
      { name: 'libstdc++.so.6', path: '/lib/x86_64-linux-gnu/libstdc++.so.6', notFound: false },
    ]);
  });

  test('musl ldd and the glibc loader --list error form', () => {
    const musl = [
      '\t/lib/ld-musl-x86_64.so.1 (0x7f5c1c0e4000)',
      'Error loading shared library libextra.so: No such file or directory (needed by /w/m.so)',
      '\tlibc.musl-x86_64.so.1 => /lib/ld-musl-x86_64.so.1 (0x7f5c1c0e4000)',
      'Error relocating /w/m.so: _Z5extrav: symbol not found',
    ].join('\n');
    expect(parseLdd(musl)).toEqual([
      { name: '/lib/ld-musl-x86_64.so.1', path: '/lib/ld-musl-x86_64.so.1', notFound: false },
      { name: 'libextra.so', notFound: true },
      { name: 'libc.musl-x86_64.so.1', path: '/lib/ld-musl-x86_64.so.1', notFound: false },
    ]);
    const loader =
      './m.so: error while loading shared libraries: libextra.so: cannot open shared object file: No such file or directory\n';
    expect(parseLdd(loader)).toEqual([{ name: 'libextra.so', notFound: true }]);
  });
});

describe('the loader view of real objects', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let build: string;
  let main: string;
  let plain: string;
  const executor = new LocalExecutor();

  beforeAll(async () => {
    tmp = await tempDir('ldd');
    build = join(tmp.dir, 'build');
    await mkdir(build);
    await gxx(build, 'libextra.so', 'int extra() { return 41; }\n', ['-shared', '-fPIC']);
    [main, plain] = await Promise.all([
      gxx(tmp.dir, '_main.so', 'int extra();\nextern "C" int answer() { return extra() + 1; }\n', [
        '-shared',
        '-fPIC',
        `-L${build}`,
        '-lextra',
      ]),
      gxx(tmp.dir, '_plain.so', '#include <string>\nstd::string s() { return "x"; }\n', [
        '-shared',
        '-fPIC',
      ]),
    ]);
  });

  afterAll(async () => {
    await tmp?.remove();
  });

  test('real ldd output: every NEEDED entry appears, libextra.so is not found', async () => {
    const { stdout } = await run(['ldd', main]);
    const entries = parseLdd(stdout);
    const needed = (await readelfDynamic(main)).needed;
    expect(needed).toContain('libextra.so');
    for (const name of needed) expect(entries.map((e) => e.name)).toContain(name);
    expect(entries.find((e) => e.name === 'libextra.so')).toEqual({
      name: 'libextra.so',
      notFound: true,
    });
  });

  test('one loader query: ldd, and LD_LIBRARY_PATH in env changes what it finds', async () => {
    const calls: string[][] = [];
    const counting = {
      where: executor.where,
      run: (argv: string[], opts?: Parameters<typeof executor.run>[1]) => {
        calls.push(argv);
        return executor.run(argv, opts);
      },
    } as typeof executor;
    const log = new MemoryLog();
    const missing = await checkInstalledLibraries(counting, [plain, main], log).catch((e) => e);
    expect(missing).toBeInstanceOf(LibraryError);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.slice(0, 2)).toEqual(['sh', '-c']);
    const found = await checkInstalledLibraries(counting, [plain, main], log, {
      env: { LD_LIBRARY_PATH: build },
    });
    expect(calls).toHaveLength(2);
    expect(found.map((v) => [v.tool, v.status])).toEqual([
      ['ldd', 'dynamic'],
      ['ldd', 'dynamic'],
    ]);
    expect(found[1]!.entries.find((e) => e.name === 'libextra.so')).toEqual({
      name: 'libextra.so',
      path: join(build, 'libextra.so'),
      notFound: false,
    });
  });

  test('without ldd on PATH it asks the program loader with --list', async () => {
    // An image without ldd: this process's PATH (where tools are looked up) holds sh and awk only.
    const bin = join(tmp.dir, 'no-ldd-bin');
    await mkdir(bin, { recursive: true });
    await symlink('/bin/sh', join(bin, 'sh'));
    const savedPath = process.env.PATH;
    process.env.PATH = bin;
    try {
      const noLdd = new LocalExecutor();
      expect((await noLdd.run(['ldd', '--version'])).exitCode).toBe(127);
      const info = await readElf(main);
      const error = await checkInstalledLibraries(noLdd, [main], new MemoryLog(), {
        machineName: info.machineName,
      }).catch((e) => e);
      expect(error).toBeInstanceOf(LibraryError);
      expect(error.details).toBe(`${main}\n  libextra.so => not found`);
      const [ok] = await checkInstalledLibraries(noLdd, [main], new MemoryLog(), {
        machineName: info.machineName,
        env: { LD_LIBRARY_PATH: build },
      });
      expect(ok!.tool).toMatch(/^\/lib.*\/ld-/);
      expect(ok!.status).toBe('dynamic');
      expect(ok!.entries.find((e) => e.name === 'libextra.so')?.path).toBe(
        join(build, 'libextra.so'),
      );
      const log = new MemoryLog();
      const none = await checkInstalledLibraries(noLdd, [main], log, {
        interpreter: '/nonexistent/ld.so',
        machineName: 'sparc',
      });
      expect(none[0]!.status).toBe('unavailable');
      expect(log.lines).toContain(
        `warning: Could not check the libraries of ${main} on ${noLdd.where} (none): neither ldd nor a program loader was found`,
      );
    } finally {
      process.env.PATH = savedPath;
    }
  });

  test('a loader query that never ran is an error, not a pass', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = join(tmp.dir, 'nowhere'); // no sh at all
    try {
      const error = await checkInstalledLibraries(
        new LocalExecutor(),
        [main],
        new MemoryLog(),
      ).catch((e) => e);
      expect(error).toBeInstanceOf(LibraryError);
      expect(error.input).toBe('check-libs');
      expect(error.message).toMatch(/^check-libs could not ask the loader on .* \(exit 127\): /);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  test('checkInstalledLibraries names each file and its missing libraries, with the fix', async () => {
    const log = new MemoryLog();
    const error = await checkInstalledLibraries(executor, [plain, main], log).catch((e) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error.message).toContain('libextra.so');
    expect(error.file).toBe(main);
    expect(error.details).toBe(`${main}\n  libextra.so => not found`);
    expect(error.fix).toBe(MISSING_LIBRARY_FIX);
    expect(error.fix).toContain('bundle-libs');
    expect(error.fix).toContain('$ORIGIN');
    expect(log.lines).toContain(`${main}: 1 libraries resolved, 1 missing`);
  });

  test('checkInstalledLibraries passes and returns the views when everything resolves', async () => {
    const log = new MemoryLog();
    const views = await checkInstalledLibraries(executor, [plain, main], log, {
      env: { LD_LIBRARY_PATH: build },
    });
    expect(views.map((v) => v.file)).toEqual([plain, main]);
    expect(views.flatMap((v) => v.entries).filter((e) => e.notFound)).toEqual([]);
  });

  test('a 32-bit object resolves where 32-bit code runs, and is a warning where it does not', async () => {
    const fixture = join(import.meta.dirname, '..', 'elf', 'fixtures', 'tiny32.so');
    const log = new MemoryLog();
    const [view] = await checkInstalledLibraries(executor, [fixture], log);
    if (view!.status === 'dynamic') {
      expect(view!.entries.find((e) => e.name === 'libc.so.6')?.notFound).toBe(false);
    } else {
      expect(view!.status).toBe('unsupported');
      expect(
        log.lines.some((l) => l.startsWith(`warning: Could not check the libraries of ${fixture}`)),
      ).toBe(true);
    }
  });
});
