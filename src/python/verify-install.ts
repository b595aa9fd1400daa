import { lastLines } from '../log/text-tail.js';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { VerifyError } from '../base/errors.js';
import { timedOutError } from '../exec/command-timeouts.js';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import { SUPPORTED_TAGS_LOOKUP } from './probe-script.js';
import { localeInstallError, RUNTIME_C_LOCALE } from './runtime-locale.js';

// Put only the install target first on sys.path (not the cwd, not the source tree), import each
// module and prove it came from the target: a wheel that imports only thanks to the build tree
// must fail here.
const IMPORT_SCRIPT = String.raw`
import os, sys, importlib
target = os.path.realpath(sys.argv[1])
cwd = os.getcwd()
sys.path[:] = [target] + [p for p in sys.path if p not in ("", ".", cwd)]
for name in sys.argv[2:]:
    module = importlib.import_module(name)
    path = getattr(module, "__file__", None) or ""
    real = os.path.realpath(path) if path else ""
    if not real.startswith(target + os.sep):
        sys.stderr.write("module %s was imported from %s, not from the installed wheel\n" % (name, path or "a built-in"))
        sys.exit(3)
    print("imported %s from %s" % (name, real[len(target) + 1:]))
`;

export interface VerifyOptions {
  /** Every tag of the wheel (compressed sets expanded). */
  tags: readonly string[];
  /** The tags the interpreter's pip installs, when the probe learned them (else pip is asked). */
  supportedTags?: readonly string[] | null;
  executor: Executor;
  /** The interpreter's executable, as the executor sees it. */
  python: string;
  wheelPath: string;
  /** Modules to import (`import` input). */
  imports: readonly string[];
  /** Optional shell command, run with the installed wheel on PYTHONPATH. */
  testCommand?: string;
  /** Stops test-command (and all it started) after this long; undefined = no limit. */
  testTimeoutMs?: number;
  /** An empty folder the executor can read and write (inside the image's mounts). */
  workDir: string;
  /** Added to every command's variables (after the isolation ones). */
  env?: Record<string, string>;
  /** The wheel's file names that are not ASCII (they need a UTF-8 locale with an old pip). */
  nonAsciiNames?: readonly string[];
  log: Log;
}

export interface VerifyResult {
  /** Where pip installed the wheel. */
  target: string;
}

// Asks the interpreter's own pip which tags it installs, the way a plain `pip install` would
// judge the wheel. Needed because pip < 20 skips that check with --target (2.7's pip 19.2 and
// 3.6's pip 18.1 both install a wheel of another python there). The probe usually brings the
// list already (the same lookup, in its process); this separate call is the fallback.
const SUPPORTED_TAGS_SCRIPT = `import sys
${SUPPORTED_TAGS_LOOKUP.trim()}
for t in supported_tags:
    print(t)
`;

// Isolate pip and python from the user's configuration: the wheel alone must decide.
const ISOLATED_ENV = { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' };

export interface InstalledWheel {
  /** Where pip installed the wheel. */
  target: string;
  /** An empty folder to run imports and tests in. */
  cwd: string;
  bin: string;
  /** The wheel's tags this interpreter's pip accepts. */
  tagsAccepted?: string[];
  /** pip's output of the install (kept as evidence when a later check fails). */
  pipLog?: string;
}

/** The isolation variables, then the caller's own. */
function envOf(options: VerifyOptions): Record<string, string> {
  return { ...ISOLATED_ENV, ...options.env };
}

/** The tags `python`'s pip installs, from a process of its own (when the probe could not tell). */
async function askSupportedTags(options: VerifyOptions, cwd: string): Promise<string[]> {
  const { executor, python } = options;
  const supported = await executor.run([python, '-E', '-s', '-c', SUPPORTED_TAGS_SCRIPT], {
    cwd,
    env: envOf(options),
  });
  if (supported.exitCode !== 0) {
    throw new VerifyError(`${python} has no working pip.`, {
      input: 'python',
      fix: 'install pip for that interpreter (e.g. python -m ensurepip), or point `python` at one that has it.',
      details: lastLines(supported.stderr, 40),
    });
  }
  return supported.stdout
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The interpreter's pip judges the tags, then installs the wheel file into a fresh target. */
export async function installWheel(options: VerifyOptions): Promise<InstalledWheel> {
  const { executor, python, log } = options;
  const target = join(options.workDir, 'target');
  const cwd = join(options.workDir, 'cwd');
  const bin = join(options.workDir, 'bin');
  await mkdir(target, { recursive: true });
  await mkdir(cwd, { recursive: true });
  await mkdir(bin, { recursive: true });
  const supportedTags = options.supportedTags?.length
    ? options.supportedTags
    : await askSupportedTags(options, cwd);
  const tagsAccepted = options.tags.filter((tag) => supportedTags.includes(tag));
  if (tagsAccepted.length === 0) {
    throw new VerifyError(
      `${python}'s pip does not install wheels tagged ${options.tags.join(', ')}.`,
      {
        input: 'python',
        fix: 'build with the python the algorithm runs (`python` input), or fix `wheel-tag`.',
        details: `Its most specific tags: ${supportedTags.slice(0, 4).join(', ')}`,
      },
    );
  }

  const pipLog = await pipInstall(options, target, cwd, envOf(options));
  log.info(`pip installed the wheel into a fresh target with ${python} on ${executor.where}`);

  return { target, cwd, bin, tagsAccepted, pipLog };
}

/** pip reads the tags and RECORD of the wheel file itself and unpacks it once into the target. */
async function pipInstall(
  options: VerifyOptions,
  target: string,
  cwd: string,
  env: Record<string, string>,
): Promise<string> {
  const { executor, python } = options;
  const install = await executor.run(
    [
      python,
      '-E',
      '-s',
      '-m',
      'pip',
      'install',
      '--no-index',
      '--no-deps',
      '--no-cache-dir',
      '--disable-pip-version-check',
      '--no-compile',
      '--target',
      target,
      options.wheelPath,
    ],
    { cwd, env },
  );
  if (install.exitCode !== 0) {
    const output = install.stderr + install.stdout;
    const names = options.nonAsciiNames ?? [];
    const locale = names.length
      ? localeInstallError(output, names, python, executor.where)
      : undefined;
    if (locale) throw locale;
    throw new VerifyError(`pip (${python}) refused to install the wheel.`, {
      fix: notSupportedHint(output),
      details: lastLines(install.stderr || install.stdout, 40),
    });
  }
  return `${install.stdout}${install.stderr}`;
}

/**
 * On this machine, a wheel with non-ASCII file names is installed and imported once more under
 * LC_ALL=C: the runtime images set no UTF-8 locale, and the runner's own must not prove it.
 */
export async function proveUnderCLocale(options: VerifyOptions): Promise<void> {
  const names = options.nonAsciiNames ?? [];
  if (names.length === 0) return;
  const dir = join(options.workDir, 'c-locale');
  const target = join(dir, 'target');
  const cwd = join(dir, 'cwd');
  await mkdir(target, { recursive: true });
  await mkdir(cwd, { recursive: true });
  const cOptions = { ...options, env: { ...options.env, ...RUNTIME_C_LOCALE } };
  await pipInstall(cOptions, target, cwd, envOf(cOptions));
  await checkImports(cOptions, { target, cwd, bin: join(dir, 'bin') });
  options.log.info(
    `locale: ${names.length} non-ASCII file name(s) (${names[0]}...) install and import under LC_ALL=C too, as in a runtime without a UTF-8 locale`,
  );
}

/** Imports each module in a fresh interpreter that sees only the install target first. */
export async function checkImports(
  options: VerifyOptions,
  installed: InstalledWheel,
): Promise<string[]> {
  const { executor, python, log } = options;
  const { target, cwd } = installed;
  const imported = await executor.run(
    [python, '-E', '-s', '-c', IMPORT_SCRIPT, target, ...options.imports],
    { cwd, env: envOf(options) },
  );
  if (imported.exitCode !== 0) {
    throw new VerifyError(`the installed wheel does not import with ${python}.`, {
      input: 'import',
      fix:
        'check that every module in `import` is in the package, that __init__.py imports the ' +
        'extension by its module name, and that the extension was built against this python.',
      details: lastLines(imported.stderr || imported.stdout, 40),
    });
  }
  const lines = imported.stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '');
  for (const line of lines) log.info(line);
  return lines;
}

/** Runs `test-command` in the empty folder with the installed wheel on PYTHONPATH. */
export async function runTestCommand(
  options: VerifyOptions,
  installed: InstalledWheel,
  beside: { paths: readonly string[]; bins: readonly string[] } = { paths: [], bins: [] },
): Promise<void> {
  const { executor, python, log } = options;
  const { target, cwd, bin } = installed;
  if (options.testCommand) {
    await symlink(python, join(bin, 'python'));
    // test-requires (and requires) come after the wheel: the wheel's own files always win.
    const pythonPath = [target, ...beside.paths].join(':');
    const path = [bin, ...beside.bins].join(':');
    const test = await executor.run(
      [
        'sh',
        '-c',
        'PATH="$1:$PATH"; export PATH; eval "$2"',
        'test-command',
        path,
        options.testCommand,
      ],
      {
        cwd,
        env: { ...envOf(options), PYTHONPATH: pythonPath, PYTHON: python },
        stream: true,
        timeoutMs: options.testTimeoutMs,
      },
    );
    if (test.timedOut) {
      throw timedOutError('test-command', 'test-timeout', options.testTimeoutMs!);
    }
    if (test.exitCode !== 0) {
      throw new VerifyError(`test-command failed with exit code ${test.exitCode}.`, {
        input: 'test-command',
        fix: 'run it against the installed wheel: it runs in an empty folder with PYTHONPATH set to the install target.',
        details: lastLines(test.stderr || test.stdout, 40),
      });
    }
    log.info('test-command passed');
  }
}

/** install + import + test-command, for callers that need no checks in between. */
export async function verifyInstall(options: VerifyOptions): Promise<VerifyResult> {
  const installed = await installWheel(options);
  await checkImports(options, installed);
  await runTestCommand(options, installed);
  return { target: installed.target };
}

function notSupportedHint(output: string): string {
  if (/not a supported wheel|is not a supported/i.test(output)) {
    return "the wheel's tags do not match this interpreter: build with the python the algorithm runs (`python` input), or fix `wheel-tag`.";
  }
  return "read pip's message above; the wheel must install with the same python the algorithm runs.";
}
