// How the `python` input is read, and where each kind of request finds its interpreter: real
// interpreters behind a PATH we control.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, PythonError } from '../../src/base/errors.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log/log.js';
import { candidatePaths, discoverPython, parsePythonRequest } from '../../src/python/discover.js';
import { tryProbe } from '../../src/python/probe.js';
import { defaultPython3, pyenvPython, pypy3, runPython } from '../helpers/python.js';

describe('parsePythonRequest', () => {
  it.each([
    ['', { kind: 'auto' }],
    ['auto', { kind: 'auto' }],
    ['3', { kind: 'version', major: 3 }],
    ['3.6', { kind: 'version', major: 3, minor: 6 }],
    [' 2.7 ', { kind: 'version', major: 2, minor: 7 }],
    ['3.11', { kind: 'version', major: 3, minor: 11 }],
    ['python3', { kind: 'command', command: 'python3' }],
    ['python2.7', { kind: 'command', command: 'python2.7' }],
    ['python', { kind: 'command', command: 'python' }],
    ['pypy3', { kind: 'command', command: 'pypy3' }],
    ['python3.11-dbg', { kind: 'command', command: 'python3.11-dbg' }],
    ['/opt/anaconda2/bin/python', { kind: 'path', path: '/opt/anaconda2/bin/python' }],
    ['./venv/bin/python', { kind: 'path', path: './venv/bin/python' }],
  ])('reads %j as %j', (raw, request) => {
    expect(parsePythonRequest(raw)).toEqual(request);
  });

  it.each(['3.x', 'python 3', '-m', '3.6.1', '$(python3)', 'py;thon'])(
    'refuses %j naming the input',
    (raw) => {
      let error: unknown;
      try {
        parsePythonRequest(raw);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('python');
      expect((error as InputError).message).toBe(
        `"${raw}" is neither a path, a command name, a version nor "auto".`,
      );
    },
  );

  it('looks a bare version up where vendor images keep it, a command only on PATH', () => {
    expect(candidatePaths(parsePythonRequest('3.6'))).toEqual([
      '/opt/anaconda2/bin/python',
      '/opt/anaconda3/bin/python',
      '/opt/conda/bin/python',
      '/usr/local/bin/python3.6',
      '/usr/bin/python3.6',
      'python3.6',
      '$PYENV_ROOT/versions/3.6*/bin/python3.6',
      '/opt/anaconda2/envs/*/bin/python3.6',
      '/opt/anaconda3/envs/*/bin/python3.6',
      '/opt/conda/envs/*/bin/python3.6',
      '/opt/miniconda3/envs/*/bin/python3.6',
      '~/anaconda3/envs/*/bin/python3.6',
      '~/miniconda3/envs/*/bin/python3.6',
      '~/.conda/envs/*/bin/python3.6',
    ]);
    expect(candidatePaths(parsePythonRequest('python3'))).toEqual(['python3']);
  });
});

describe('discoverPython', () => {
  /** A folder whose `python3` is pyenv's 3.6, first on PATH (as actions/setup-python does). */
  function pathWithPython36(): { bin: string; env: NodeJS.ProcessEnv } {
    const bin = mkdtempSync(join(tmpdir(), 'path-python3-'));
    symlinkSync(pyenvPython('3.6.15'), join(bin, 'python3'));
    return { bin, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` } };
  }

  it('a bare command is the one first on PATH, not /usr/bin/python3', async () => {
    const { bin, env } = pathWithPython36();
    const log = new MemoryLog();
    const probe = await discoverPython(new LocalExecutor(env), parsePythonRequest('python3'), log);
    expect(probe.executable).toBe(join(bin, 'python3'));
    expect(probe.version.slice(0, 2)).toEqual([3, 6]);
    expect(log.lines.join('\n')).toContain(
      `\`python3\` on PATH is CPython 3.6.15 at ${bin}/python3`,
    );
  });

  it('a bare version keeps the vendor lookup (/usr/bin before PATH)', async () => {
    const { env } = pathWithPython36();
    const probe = await discoverPython(
      new LocalExecutor(env),
      parsePythonRequest('3'),
      new MemoryLog(),
    );
    expect(probe.executable).toBe('/usr/bin/python3');
  });

  it("a bare version finds pyenv's build behind a shim that is not selected", async () => {
    const root = execFileSync('pyenv', ['root'], { encoding: 'utf8' }).trim();
    // pyenv's shims first on PATH, its global version not 3.6: the shim says "command not found".
    const env = { ...process.env, PATH: `${root}/shims:/usr/bin:/bin`, PYENV_VERSION: '3.11.7' };
    const log = new MemoryLog();
    const probe = await discoverPython(new LocalExecutor(env), parsePythonRequest('3.6'), log);
    expect(probe.executable).toBe(join(root, 'versions', '3.6.15', 'bin', 'python3.6'));
    expect(probe.version).toEqual([3, 6, 15]);
    // 3.1 is not 3.10..3.13: the binary's name tells them apart, and nothing matches.
    await expect(
      discoverPython(new LocalExecutor(env), parsePythonRequest('3.1'), new MemoryLog()),
    ).rejects.toThrow('Python 3.1 was not found on this machine.');
  });

  it('a bare version finds a conda environment in ~/.conda/envs', async () => {
    const home = mkdtempSync(join(tmpdir(), 'conda-home-'));
    mkdirSync(join(home, '.conda', 'envs', 'legacy', 'bin'), { recursive: true });
    const python = join(home, '.conda', 'envs', 'legacy', 'bin', 'python2.7');
    symlinkSync(pyenvPython('2.7.18'), python);
    const env = {
      ...process.env,
      HOME: home,
      PATH: '/usr/bin:/bin',
      PYENV_ROOT: mkdtempSync(join(tmpdir(), 'no-pyenv-')),
    };
    const probe = await discoverPython(
      new LocalExecutor(env),
      parsePythonRequest('2.7'),
      new MemoryLog(),
    );
    expect(probe.executable).toBe(python);
    expect(probe.version.slice(0, 2)).toEqual([2, 7]);
  });

  it('a command that is not on PATH fails naming the input, the command and the PATH', async () => {
    const env = { ...process.env, PATH: '/usr/bin:/bin' };
    let error: unknown;
    try {
      await discoverPython(
        new LocalExecutor(env),
        parsePythonRequest('python3.6'),
        new MemoryLog(),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PythonError);
    expect((error as PythonError).input).toBe('python');
    expect((error as PythonError).message).toBe(
      '`python3.6` was not found on PATH on this machine.',
    );
    expect((error as PythonError).details).toBe('PATH=/usr/bin:/bin');
  });

  it('a command on PATH that is not python fails as not a working interpreter', async () => {
    const env = { ...process.env, PATH: `/usr/bin:/bin` };
    await expect(
      discoverPython(new LocalExecutor(env), parsePythonRequest('ls'), new MemoryLog()),
    ).rejects.toThrow(/"\/(usr\/)?bin\/ls" is not a working Python interpreter/);
  });
});

describe('the probe reports the extension suffixes each interpreter imports', () => {
  const own = (python: string): unknown =>
    JSON.parse(
      runPython(
        python,
        `import json
try:
    import importlib.machinery as m
    print(json.dumps(m.EXTENSION_SUFFIXES))
except ImportError:
    import imp
    print(json.dumps([s[0] for s in imp.get_suffixes() if s[2] == imp.C_EXTENSION]))`,
      ),
    );

  it.each([
    ['CPython 2.7', () => pyenvPython('2.7.18')],
    ['CPython 3.6', () => pyenvPython('3.6.15')],
    ['the default python3', defaultPython3],
    ['PyPy 3', pypy3],
  ])('%s', async (_label, python) => {
    const interpreter = python();
    const { probe } = await tryProbe(new LocalExecutor(), interpreter);
    expect(probe?.extensionSuffixes).toEqual(own(interpreter));
    expect(probe?.extensionSuffixes?.length).toBeGreaterThan(0);
  });
});
