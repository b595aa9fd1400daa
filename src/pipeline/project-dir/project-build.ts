import { lastLines } from '../../log/text-tail.js';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BuildError } from '../../base/errors.js';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import type { PythonProbe } from '../../wheel/tags.js';

/**
 * How the project's wheel is built, always in the project folder itself: pip before 21.3 builds a
 * copy of the tree in a temporary folder, where a setup.py that reads `../` fails. So pip 21.3+
 * runs `pip wheel` (in place since 21.3); with an older pip a setup.py project runs
 * `setup.py bdist_wheel` itself, and a pyproject-only project asks pip 21.1-21.2 for
 * `--use-feature=in-tree-build`. Only pip 10.0-21.0 on a project without setup.py still copies.
 */
export function projectBuildCommand(
  probe: PythonProbe,
  projectDir: string,
  outDir: string,
  hasSetupPy: boolean,
): { argv: string[]; cwd: string; copies: boolean } {
  const [major = 0, minor = 0] = (probe.pipVersion ?? '0').split('.').map((n) => Number(n) || 0);
  const inTree = major > 21 || (major === 21 && minor >= 3);
  const featureInTree = major === 21 && minor >= 1 && minor < 3;
  if (major < 10 || (hasSetupPy && !inTree)) {
    return {
      argv: [probe.executable, 'setup.py', 'bdist_wheel', '-d', outDir],
      cwd: projectDir,
      copies: false,
    };
  }
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
      ...(featureInTree ? ['--use-feature=in-tree-build'] : []),
      '-w',
      outDir,
      projectDir,
    ],
    cwd: projectDir,
    copies: !inTree && !featureInTree,
  };
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
  const hasSetupPy = await stat(join(options.projectDir, 'setup.py')).then(
    () => true,
    () => false,
  );
  const { argv, cwd, copies } = projectBuildCommand(
    probe,
    options.projectDir,
    options.outDir,
    hasSetupPy,
  );
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
        : copies
          ? `pip ${probe.pipVersion} builds a copy of project-dir in a temporary folder, so a build that reads files outside project-dir (../) fails there: upgrade pip to 21.3 or newer for ${probe.executable}, or add a setup.py (built in place); otherwise see the build output above.`
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
