/**
 * What `test-command` may need beside the wheel: `test-requires` (and the wheel's own `requires`,
 * to prove they resolve) installed into folders of their own from the source the user named,
 * never from PyPI on our own. The wheel itself stays installed with `--no-deps`, alone in its
 * target: these folders only join test-command's PYTHONPATH.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, VerifyError } from '../base/errors.js';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import { lastLines } from '../log/text-tail.js';

/** Where `test-requires` come from: a folder of wheels (offline) or an index URL the user names. */
export type TestSource = { kind: 'folder'; path: string } | { kind: 'index'; url: string };

export interface TestRequirementsOptions {
  executor: Executor;
  python: string;
  /** A folder the executor can write (inside the image's mounts). */
  workDir: string;
  cwd: string;
  source: TestSource;
  testRequires: readonly string[];
  /** The wheel's Requires-Dist lines: checked resolvable from the same source. */
  requires: readonly string[];
  env: Record<string, string>;
  log: Log;
}

/** pip's flags for the source: a folder offline (`--no-index`), or the index the user named. */
export function sourceArgs(source: TestSource): string[] {
  return source.kind === 'folder'
    ? ['--no-index', '--find-links', source.path]
    : ['--index-url', source.url];
}

/** Checks a folder source exists before any pip runs. */
export async function checkTestSource(source: TestSource): Promise<void> {
  if (source.kind !== 'folder') return;
  const found = await stat(source.path).catch(() => undefined);
  if (!found?.isDirectory()) {
    throw new InputError(`the folder ${source.path} does not exist.`, {
      input: 'test-find-links',
      fix: 'build the wheelhouse in an earlier step (e.g. `pip wheel -w wheelhouse pytest`), or give an index URL.',
    });
  }
}

/** Installs `requires` then `test-requires`; returns the folders to put on PYTHONPATH (and PATH). */
export async function installTestRequirements(
  options: TestRequirementsOptions,
): Promise<{ paths: string[]; bins: string[] }> {
  const paths: string[] = [];
  const groups: ['requires' | 'test-requires', readonly string[]][] = [
    ['requires', options.requires],
    ['test-requires', options.testRequires],
  ];
  for (const [input, requirements] of groups) {
    if (requirements.length === 0) continue;
    const target = join(options.workDir, input);
    const { executor, python } = options;
    const result = await executor.run(
      [
        python,
        '-E',
        '-s',
        '-m',
        'pip',
        'install',
        ...sourceArgs(options.source),
        '--no-cache-dir',
        '--disable-pip-version-check',
        '--no-compile',
        '--target',
        target,
        ...requirements,
      ],
      { cwd: options.cwd, env: options.env },
    );
    if (result.exitCode !== 0) {
      const from =
        options.source.kind === 'folder' ? options.source.path : `the index ${options.source.url}`;
      throw new VerifyError(
        `pip (${python}) on ${executor.where} could not install ${requirements.join(', ')} from ${from}.`,
        {
          input,
          fix:
            input === 'requires'
              ? 'put wheels of every requirement (and theirs) into test-find-links, or fix the `requires` lines: the platform must resolve them too.'
              : 'put wheels of these requirements and their own dependencies, for this python, into test-find-links (`pip wheel -w DIR REQ`).',
          details: lastLines(result.stderr || result.stdout, 30),
        },
      );
    }
    options.log.info(`${input}: pip installed ${requirements.join(', ')} for test-command`);
    paths.push(target);
  }
  return { paths, bins: paths.map((p) => join(p, 'bin')) };
}
