// End to end on a real engine: rootful podman, called as `podman` and as `docker` (podman's
// docker command, first on PATH through helpers/engine, which records each call), in the local
// images script/setup imported: real python, real g++, real mounts and exit codes.
//
// One case still uses the bubblewrap stand-in (helpers/fake-docker): pulling a missing image,
// which needs a registry, and none is reachable from the development machines (no network).
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { containerEnv, type ContainerEngine } from '../../src/exec/container-plan.js';
import { ContainerExecutor, type ContainerExecutorConfig } from '../../src/exec/container.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log/log.js';
import {
  ENGINE_DIR,
  FAKE_DOCKER_DIR,
  TEST_IMAGE,
  VENDOR_IMAGE,
  VENDOR_PYTHON,
  engineCalls,
  ensureTestImage,
  rootfsPackageVersion,
} from '../helpers/rootfs.js';

const saved = { ...process.env };
const roots: Record<string, string> = {};
let scratch: string;
let workspace: string;
let engineLog: string;

function invocations(): string[][] {
  return engineCalls(engineLog);
}

function executor(overrides: Partial<ContainerExecutorConfig> = {}): ContainerExecutor {
  return new ContainerExecutor({
    engine: 'docker',
    image: TEST_IMAGE,
    mounts: [workspace],
    env: {},
    log: new MemoryLog(),
    ...overrides,
  });
}

beforeAll(() => {
  roots[TEST_IMAGE] = ensureTestImage(TEST_IMAGE);
  roots[VENDOR_IMAGE] = ensureTestImage(VENDOR_IMAGE);
  scratch = mkdtempSync(join(tmpdir(), 'container-test-'));
  workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  engineLog = join(scratch, 'engine.log');
  // LocalExecutor finds the recording `docker` and `podman` first on PATH.
  process.env.PATH = `${ENGINE_DIR}${delimiter}${process.env.PATH ?? ''}`;
  process.env.ENGINE_LOG = engineLog;
});

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

beforeEach(() => {
  writeFileSync(engineLog, '');
});

// Each engine command against one of the two images: together they cover both of each.
const CASES: { engine: ContainerEngine; image: string; python: string; pkg: string }[] = [
  { engine: 'podman', image: TEST_IMAGE, python: '/usr/bin/python3', pkg: 'python3.11' },
  { engine: 'docker', image: VENDOR_IMAGE, python: VENDOR_PYTHON, pkg: 'python3.9' },
];

describe.each(CASES)(
  'ContainerExecutor through $engine run, in $image',
  ({ engine, image, python, pkg }) => {
    const executor = (overrides: Partial<ContainerExecutorConfig> = {}): ContainerExecutor =>
      new ContainerExecutor({
        engine,
        image,
        mounts: [workspace],
        env: {},
        log: new MemoryLog(),
        ...overrides,
      });

    test("runs the image's python, not the host's", async () => {
      const expected = rootfsPackageVersion(roots[image]!, pkg);
      const result = await executor().run([
        python,
        '-c',
        'import sys; print(sys.version.split()[0]); print(sys.executable)',
      ]);
      expect(result).toMatchObject({ exitCode: 0, stderr: '' });
      expect(result.stdout.trim().split('\n')).toEqual([expected, python]);
      const hostVersion = execFileSync('python3', ['-c', 'import sys; print(sys.version)']);
      expect(result.stdout).not.toContain(hostVersion.toString().split(' ')[0]);
      expect(invocations()).toEqual([
        [
          'run',
          '--rm',
          '--name',
          expect.stringMatching(/^algorithmia-wheel-\d+-\d+$/),
          '--entrypoint=',
          '-v',
          `${workspace}:${workspace}`,
          image,
          python,
          '-c',
          'import sys; print(sys.version.split()[0]); print(sys.executable)',
        ],
      ]);
    });

    test('host files are invisible inside except the mounts', async () => {
      const hostPaths = [
        process.execPath,
        process.cwd(),
        join(homedir(), '.pyenv'),
        scratch,
      ].filter((path) => existsSync(path));
      expect(hostPaths.length).toBeGreaterThan(2);
      const script = 'for p; do if [ -e "$p" ]; then echo "seen $p"; else echo "gone $p"; fi; done';
      const result = await executor().run(['sh', '-c', script, 'sh', ...hostPaths, workspace]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout.trim().split('\n')).toEqual([
        ...hostPaths.map((path) => (path === scratch ? `seen ${path}` : `gone ${path}`)),
        `seen ${workspace}`,
      ]);
      // Only the mount itself shows under scratch, not its siblings (the docker log).
      const listing = await executor().run(['ls', '-a', scratch]);
      expect(listing.stdout.split('\n').filter(Boolean)).toEqual(['.', '..', 'workspace']);
    });

    test('files written in the workspace reach the host; files elsewhere vanish with --rm', async () => {
      const sub = join(workspace, 'build dir');
      const ex = executor();
      const write = await ex.shell(
        'echo "from the image" > out.txt && echo x > /opt/marker && pwd',
        {
          cwd: sub,
        },
      );
      expect(write).toMatchObject({ exitCode: 0, stdout: `${sub}\n` });
      expect(readFileSync(join(sub, 'out.txt'), 'utf8')).toBe('from the image\n');
      const again = await ex.run(['test', '-e', '/opt/marker']);
      expect(again.exitCode).toBe(1);
      expect(invocations()[0]).toContain(sub);
    });

    test('exit codes and stderr propagate', async () => {
      const ex = executor();
      expect(await ex.shell('echo out; echo "it failed" >&2; exit 7')).toEqual({
        exitCode: 7,
        stdout: 'out\n',
        stderr: 'it failed\n',
      });
      const missing = await ex.run(['no-such-tool', '--version']);
      expect(missing.exitCode).toBe(127);
      expect(missing.stderr).toContain('no-such-tool');
    });

    test('stdin input reaches the command, and -i is passed only then', async () => {
      const ex = executor();
      const input = 'line one\nit\'s "quoted" $HOME\n';
      const result = await ex.run(['cat'], { input });
      expect(result).toMatchObject({ exitCode: 0, stdout: input });
      const none = await ex.run(['cat']);
      expect(none).toMatchObject({ exitCode: 0, stdout: '' });
      const [withInput, without] = invocations();
      expect(withInput?.slice(0, 3)).toEqual(['run', '--rm', '-i']);
      expect(without).not.toContain('-i');
    });

    test('arguments with spaces and quotes arrive as single arguments', async () => {
      const args = ['a b', "it's", '"double"', '$HOME', '', 'x\ny', '; rm -rf /'];
      const result = await executor().run([
        python,
        '-c',
        'import json, sys; print(json.dumps(sys.argv[1:]))',
        ...args,
      ]);
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(args);
    });

    test('only the allow-listed and explicit variables get in; host secrets never', async () => {
      const hostEnv: Record<string, string> = {
        ...(process.env as Record<string, string>),
        AWS_SECRET_ACCESS_KEY: 'aws-secret-value-123',
        AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKE',
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
        GITHUB_TOKEN: 'ghs_fakevalue',
        GITHUB_REPOSITORY: 'octo/wheel',
        CFLAGS: '-O2 -g0',
        SOURCE_DATE_EPOCH: '1700000000',
      };
      const env = containerEnv(hostEnv, [
        'MY_VAR=hello world',
        'PATH=/opt/py/bin:/usr/bin:/bin',
        'CFLAGS=-O2 -g0',
      ]);
      const ex = executor({ env, host: new LocalExecutor(hostEnv) });
      const result = await ex.run(['env', '-0'], { env: { MULTI: 'one\ntwo' } });
      expect(result.exitCode).toBe(0);
      const inside = Object.fromEntries(
        result.stdout
          .split('\0')
          .filter(Boolean)
          .map((entry) => [
            entry.slice(0, entry.indexOf('=')),
            entry.slice(entry.indexOf('=') + 1),
          ]),
      );
      expect(inside).toMatchObject({
        GITHUB_REPOSITORY: 'octo/wheel',
        CFLAGS: '-O2 -g0',
        MY_VAR: 'hello world',
        MULTI: 'one\ntwo',
        PATH: '/opt/py/bin:/usr/bin:/bin',
      });
      const names = Object.keys(inside);
      // Not a runner default: only through `env`.
      expect(names).not.toContain('SOURCE_DATE_EPOCH');
      expect(
        names.filter((name) => /AWS|TOKEN|ACTIONS_|ENGINE_LOG|NODE|VITEST/.test(name)),
      ).toEqual([]);
      const secrets = [
        'aws-secret-value-123',
        'AKIAFAKEFAKE',
        'runtime-token-value',
        'ghs_fakevalue',
      ];
      for (const secret of secrets) expect(result.stdout).not.toContain(secret);
      const argv = JSON.stringify(invocations());
      for (const value of [...secrets, 'hello world', 'one\\ntwo', '-O2 -g0']) {
        expect(argv).not.toContain(value);
      }
    });

    test('docker-options are passed before the image', async () => {
      const ex = executor({ options: ['--network', 'none'] });
      const result = await ex.run(['cat', '/proc/net/dev']);
      expect(result.exitCode).toBe(0);
      // With its own network namespace the container has only the loopback interface.
      const interfaces = result.stdout
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.split(':')[0]?.trim());
      expect(interfaces).toEqual(['lo']);
      const argv = invocations()[0] ?? [];
      expect(argv.slice(argv.indexOf('--network'), argv.indexOf(image) + 1)).toEqual([
        '--network',
        'none',
        image,
      ]);
    });

    test('g++ and the Python headers of the image build a program in the workspace', async () => {
      writeFileSync(
        join(workspace, 'hello.cpp'),
        '#include <Python.h>\n#include <cstdio>\nint main() { std::printf("%d.%d\\n", PY_MAJOR_VERSION, PY_MINOR_VERSION); }\n',
      );
      const ex = executor();
      // "$0" is the image's python: the headers it reports are the ones g++ compiles against.
      const result = await ex.run(
        [
          'sh',
          '-c',
          'g++ $("$0" -c "import sysconfig; print(\'-I\' + sysconfig.get_paths()[\'include\'])") hello.cpp -o hello && ./hello && "$0" -c "import sys; print(*sys.version_info[:2], sep=\'.\')"',
          python,
        ],
        { cwd: workspace },
      );
      expect(result.exitCode).toBe(0);
      const [built, running] = result.stdout.trim().split('\n');
      expect(built).toBe(running);
      expect(existsSync(join(workspace, 'hello'))).toBe(true);
    });
  },
);

describe('ensureImage', () => {
  test('an image already on the machine is inspected, not pulled', async () => {
    const ex = executor();
    await ex.ensureImage();
    await ex.ensureImage();
    expect(invocations()).toEqual([['image', 'inspect', TEST_IMAGE]]);
  });

  // The one case left on the bubblewrap stand-in: a pull needs a registry, and the development
  // machines reach none. The stand-in's "registry" is a map from image names to root folders.
  test('a missing image is pulled once, then runs (stand-in docker: no registry here)', async () => {
    const fakeLog = join(scratch, 'fake-docker.log');
    const local = join(scratch, 'fake-local-images');
    writeFileSync(local, '');
    const host = new LocalExecutor({
      ...(process.env as Record<string, string>),
      PATH: `${FAKE_DOCKER_DIR}${delimiter}${saved.PATH ?? ''}`,
      FAKE_DOCKER_IMAGES: JSON.stringify({ [TEST_IMAGE]: roots[TEST_IMAGE] }),
      FAKE_DOCKER_LOCAL: local,
      FAKE_DOCKER_LOG: fakeLog,
    });
    const log = new MemoryLog();
    const ex = executor({ log, host });
    // @actions/exec looks the tool up on this process's PATH.
    const path = process.env.PATH;
    process.env.PATH = `${FAKE_DOCKER_DIR}${delimiter}${saved.PATH ?? ''}`;
    try {
      await Promise.all([ex.ensureImage(), ex.ensureImage()]);
      expect((await ex.run(['true'])).exitCode).toBe(0);
    } finally {
      process.env.PATH = path;
    }
    const calls = readFileSync(fakeLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { argv: string[] }).argv);
    expect(calls).toEqual([
      ['image', 'inspect', TEST_IMAGE],
      ['pull', TEST_IMAGE],
      [
        'run',
        '--rm',
        '--name',
        expect.stringMatching(/^algorithmia-wheel-\d+-\d+$/),
        '--entrypoint=',
        '-v',
        `${workspace}:${workspace}`,
        TEST_IMAGE,
        'true',
      ],
    ]);
    expect(log.lines.some((line) => line.startsWith(`Pulled ${TEST_IMAGE} in `))).toBe(true);
  });

  test('an image that cannot be pulled is a clear InputError on the image input', async () => {
    const ex = executor({ image: 'algorithmia-test/no-such-image:1.0' });
    const error = await ex.ensureImage().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    const inputError = error as InputError;
    expect(inputError.input).toBe('image');
    expect(inputError.message).toBe(
      "Image 'algorithmia-test/no-such-image:1.0' is not on this machine and 'docker pull' failed.",
    );
    // The engine's own words (here podman's, from a registry it could not reach).
    expect(inputError.details).toMatch(/algorithmia-test\/no-such-image/);
    expect(inputError.fix).toMatch(/log in/);
    // Asked once: a second call gives the same answer without running docker again.
    await expect(ex.ensureImage()).rejects.toBe(error);
    expect(invocations()).toHaveLength(2);
  });

  test('a missing engine is an InputError on container-engine', async () => {
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'no-engine-'));
    try {
      const error = await executor({ engine: 'podman' })
        .ensureImage()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('container-engine');
      expect((error as InputError).message).toBe("'podman' was not found on this machine.");
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('handBack', () => {
  test("gives files the container created back to the runner's user", async () => {
    const ex = executor();
    const made = await ex.shell('mkdir -p out/deep && touch out/deep/a.whl out/b', {
      cwd: workspace,
    });
    expect(made.exitCode).toBe(0);
    const outside = join(scratch, 'not-mounted');
    mkdirSync(outside);
    writeFileSync(engineLog, '');
    await ex.handBack([join(workspace, 'out'), join(workspace, 'gone'), outside], 4321, 4322);
    for (const path of ['out', 'out/deep', 'out/deep/a.whl', 'out/b']) {
      const stat = statSync(join(workspace, path));
      expect([path, stat.uid, stat.gid]).toEqual([path, 4321, 4322]);
    }
    expect(statSync(outside).uid).toBe(process.getuid?.());
    const argv = invocations()[0] ?? [];
    expect(argv.slice(argv.indexOf('--user'))).toEqual([
      '--user',
      '0:0',
      TEST_IMAGE,
      'chown',
      '-R',
      '4321:4322',
      '--',
      join(workspace, 'out'),
    ]);
  });

  test('is a no-op for a root runner and for podman', async () => {
    mkdirSync(join(workspace, 'noop'), { recursive: true });
    await executor().handBack([join(workspace, 'noop')], 0, 0);
    await executor({ engine: 'podman' }).handBack([join(workspace, 'noop')], 1001, 1001);
    expect(invocations()).toEqual([]);
  });

  test('a failed chown is a warning, not an error', async () => {
    const log = new MemoryLog();
    // Without CAP_CHOWN even root cannot give files away.
    const ex = executor({ log, options: ['--cap-drop', 'CHOWN'] });
    mkdirSync(join(workspace, 'kept'), { recursive: true });
    await ex.handBack([join(workspace, 'kept')], 1001, 1001);
    const warnings = log.lines.filter((line) => line.startsWith('warning: '));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^warning: Could not give .*kept back to 1001:1001 \(exit code 1\): .*Operation not permitted/,
    );
    expect(statSync(join(workspace, 'kept')).uid).toBe(process.getuid?.());
  });
});
