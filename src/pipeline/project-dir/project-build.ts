import { lastLines } from '../../log/text-tail.js';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BuildError } from '../../base/errors.js';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import type { PythonProbe } from '../../wheel/tags.js';

/** pip learned `--no-build-isolation` in 10.0; older pips get `setup.py bdist_wheel`. */
export function projectBuildCommand(
  probe: PythonProbe,
  projectDir: string,
  outDir: string,
): { argv: string[]; cwd: string } {
  const major = Number((probe.pipVersion ?? '0').split('.')[0]);
  if (major >= 10) {
    return {
      argv: [
        probe.executable,
        '-m',
        'pip',
        'wheel',
        '--no-deps',
        '--no-build-isolation',
        '--no-cache-dir',
        '--disable-pip-version-check',
        '-w',
        outDir,
        projectDir,
      ],
      cwd: projectDir,
    };
  }
  return { argv: [probe.executable, 'setup.py', 'bdist_wheel', '-d', outDir], cwd: projectDir };
}

/**
 * Builds a setup.py / pyproject.toml project's wheel with the matching python itself, so its
 * build backend decides names and tags; returns the wheel's path.
 */
export async function buildProjectWheel(options: {
  executor: Executor;
  probe: PythonProbe;
  projectDir: string;
  outDir: string;
  env: Record<string, string>;
  log: Log;
}): Promise<string> {
  const { executor, probe, log } = options;
  await mkdir(options.outDir, { recursive: true });
  const { argv, cwd } = projectBuildCommand(probe, options.projectDir, options.outDir);
  log.info(`$ ${argv.join(' ')}`);
  const result = await executor.run(argv, {
    cwd,
    env: { PIP_CONFIG_FILE: '/dev/null', ...options.env },
    stream: true,
  });
  if (result.exitCode !== 0) {
    const output = result.stderr + result.stdout;
    const noWheel = /invalid command 'bdist_wheel'|No module named '?wheel/.test(output);
    throw new BuildError(`building the project's wheel failed (exit code ${result.exitCode}).`, {
      input: 'project-dir',
      fix: noWheel
        ? `install the \`wheel\` package for ${probe.executable} (e.g. \`${probe.executable} -m pip install wheel\`): setup.py projects need it to build wheels.`
        : 'see the build output above; the project must build with this python and the build requirements already installed in its environment (no build isolation).',
      details: lastLines(result.stderr, 30) || undefined,
    });
  }
  const wheels = (await readdir(options.outDir)).filter((f) => f.endsWith('.whl'));
  if (wheels.length !== 1) {
    throw new BuildError(`the project build produced ${wheels.length} wheels, expected one.`, {
      input: 'project-dir',
      fix: "point `project-dir` at a single distribution's setup.py/pyproject.toml folder.",
    });
  }
  return join(options.outDir, wheels[0]!);
}

// `setup.py bdist_wheel` works when setuptools finds the command: the `wheel` distribution's
// entry point (an importable `wheel` folder without its metadata is not enough), or setuptools'
// own bdist_wheel (setuptools >= 70.1).
const HAS_BDIST_WHEEL = String.raw`
import sys
try:
    from setuptools.dist import Distribution
    Distribution().get_command_class("bdist_wheel")
except Exception as e:
    sys.stderr.write("%s\n" % e)
    sys.exit(1)
`;

/**
 * Whether `python` can build wheels of setup.py projects (the `wheel` package). Asked the way
 * `pip wheel` will run it: the same environment (PYTHONPATH and the user's site-packages count)
 * and the project folder as the working directory.
 */
export async function hasWheelPackage(
  executor: Executor,
  python: string,
  projectDir: string,
): Promise<boolean> {
  const result = await executor.run([python, '-c', HAS_BDIST_WHEEL], { cwd: projectDir });
  return result.exitCode === 0;
}

/**
 * For a setup.py project whose python lacks the `wheel` package (2.7 images often do, and it
 * cannot be installed offline): `setup.py build` compiles the package and its extensions into
 * `libDir`, which the caller packs with our own packer. Returns the project's name and version.
 */
export async function buildSetupPyTree(options: {
  executor: Executor;
  probe: PythonProbe;
  projectDir: string;
  workDir: string;
  env: Record<string, string>;
  log: Log;
}): Promise<{ name: string; version: string; libDir: string }> {
  const { executor, probe, projectDir, log } = options;
  const python = probe.executable;
  const libDir = join(options.workDir, 'lib');
  const argv = [
    python,
    'setup.py',
    'build',
    '--build-base',
    join(options.workDir, 'build'),
    '--build-lib',
    libDir,
  ];
  log.info(
    `the wheel package is not installed for ${python}: $ ${argv.join(' ')}, then our packer`,
  );
  const built = await executor.run(argv, { cwd: projectDir, env: options.env, stream: true });
  if (built.exitCode !== 0) {
    throw new BuildError(`setup.py build failed (exit code ${built.exitCode}).`, {
      input: 'project-dir',
      fix: 'see the build output above; the project must build with this python and its build requirements installed.',
      details: lastLines(built.stderr, 30) || undefined,
    });
  }
  const meta = await executor.run([python, 'setup.py', '--name', '--version'], {
    cwd: projectDir,
    env: options.env,
  });
  const lines = meta.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (meta.exitCode !== 0 || lines.length < 2) {
    throw new BuildError('setup.py did not report its name and version.', {
      input: 'project-dir',
      fix: 'make `python setup.py --name --version` print them.',
      details: meta.stderr.trim() || undefined,
    });
  }
  return { name: lines.at(-2)!, version: lines.at(-1)!, libDir };
}
