import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import { staticPyprojectVersion } from '../../inputs/project-version.js';

/**
 * The project's version as known before its wheel is built, so a tag that disagrees fails
 * before minutes of compiling: pyproject.toml's static `[project] version`, else what
 * `python setup.py --version` prints. Undefined when neither tells (the built wheel then does).
 */
export async function readProjectVersion(options: {
  executor: Executor;
  python: string;
  projectDir: string;
  log: Log;
}): Promise<{ version: string; where: string } | undefined> {
  const { executor, python, projectDir, log } = options;
  const toml = await readFile(join(projectDir, 'pyproject.toml'), 'utf8').catch(() => undefined);
  const fromToml = toml === undefined ? undefined : staticPyprojectVersion(toml);
  if (fromToml !== undefined) return { version: fromToml, where: 'pyproject.toml' };
  const hasSetupPy = await readFile(join(projectDir, 'setup.py')).then(
    () => true,
    () => false,
  );
  if (!hasSetupPy) return undefined;
  const result = await executor.run([python, 'setup.py', '--version'], { cwd: projectDir });
  const last = result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1);
  if (result.exitCode !== 0 || last === undefined) {
    log.info('`setup.py --version` did not answer; the version is checked on the built wheel.');
    return undefined;
  }
  return { version: last, where: '`setup.py --version`' };
}
