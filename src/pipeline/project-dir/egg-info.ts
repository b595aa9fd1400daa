import { lastLines } from '../../log/text-tail.js';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import type { ProjectMetadata } from '../../wheel/metadata.js';
import { metadataFromEggInfo } from '../../wheel/pkg-info.js';

/**
 * For the setup.py route without the `wheel` package: the project's own metadata (summary,
 * install_requires, long description...) from `setup.py egg_info`, written into `workDir` (not
 * into the project). Undefined, with a log line, when egg_info fails (distutils-only setup.py).
 */
export async function readEggInfoMetadata(options: {
  executor: Executor;
  python: string;
  projectDir: string;
  workDir: string;
  env: Record<string, string>;
  log: Log;
}): Promise<Omit<ProjectMetadata, 'name' | 'version'> | undefined> {
  const { executor, python, projectDir, workDir, log } = options;
  await mkdir(workDir, { recursive: true });
  const result = await executor.run([python, 'setup.py', '-q', 'egg_info', '--egg-base', workDir], {
    cwd: projectDir,
    env: options.env,
  });
  const folder = (await readdir(workDir).catch(() => [])).find((f) => f.endsWith('.egg-info'));
  if (result.exitCode !== 0 || folder === undefined) {
    log.warning(
      '`setup.py egg_info` failed: the METADATA has the name and version only. ' +
        lastLines(result.stderr, 1),
    );
    return undefined;
  }
  const read = (name: string): Promise<string> =>
    readFile(join(workDir, folder, name), 'utf8').catch(() => '');
  return metadataFromEggInfo(await read('PKG-INFO'), await read('requires.txt'));
}
