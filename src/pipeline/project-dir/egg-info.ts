import { lastLines } from '../../log/text-tail.js';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import type { ProjectMetadata } from '../../wheel/metadata.js';
import type { PackageFile } from '../../wheel/package-file.js';
import { metadataFromEggInfo } from '../../wheel/pkg-info.js';

// What bdist_wheel leaves out when it turns .egg-info into .dist-info (egg2dist): PKG-INFO and
// requires.txt become METADATA; the rest is of no use to a wheel.
const NOT_COPIED = new Set(['PKG-INFO', 'requires.txt', 'SOURCES.txt', 'not-zip-safe']);

/**
 * For the setup.py route without the `wheel` package: the project's own metadata (summary,
 * install_requires, long description...) from `setup.py egg_info`, written into `workDir` (not
 * into the project), and the .egg-info files bdist_wheel copies into .dist-info (top_level.txt,
 * entry_points.txt, dependency_links.txt unless blank, ...). Undefined, with a log line, when
 * egg_info fails (distutils-only setup.py).
 */
export async function readEggInfo(options: {
  executor: Executor;
  python: string;
  projectDir: string;
  workDir: string;
  env: Record<string, string>;
  log: Log;
}): Promise<
  { metadata: Omit<ProjectMetadata, 'name' | 'version'>; distInfoFiles: PackageFile[] } | undefined
> {
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
  const distInfoFiles: PackageFile[] = [];
  for (const name of (await readdir(join(workDir, folder))).sort()) {
    if (NOT_COPIED.has(name)) continue;
    const sourcePath = join(workDir, folder, name);
    const info = await stat(sourcePath);
    if (!info.isFile()) continue;
    if (name === 'dependency_links.txt' && (await read(name)).trim() === '') continue;
    distInfoFiles.push({ archivePath: name, sourcePath, size: info.size, executable: false });
  }
  return {
    metadata: metadataFromEggInfo(await read('PKG-INFO'), await read('requires.txt')),
    distInfoFiles,
  };
}
