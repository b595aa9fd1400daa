import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { collectLicenseFiles, readReadme } from '../../src/stage/dist-info-files.js';
import { DEFAULT_LICENSE_PATTERNS } from '../../src/stage/license-patterns.js';
import { INPUT_SPECS } from '../../src/inputs/input-spec.js';
import { MemoryLog } from '../../src/log/log.js';

const log = new MemoryLog();

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-info-files-'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

describe('license files', () => {
  it("defaults to setuptools' globs", () => {
    expect(INPUT_SPECS['license-files'].default.split('\n')).toEqual(DEFAULT_LICENSE_PATTERNS);
  });

  it('matches the default globs at the top only, case-sensitively, each file once', async () => {
    const dir = tree({
      'LICENSE.txt': 'MIT',
      LICENCE: 'x',
      COPYING: 'gpl',
      'NOTICE.md': 'n',
      AUTHORS: 'a',
      'license.txt': 'lower case: not a default match',
      'sub/LICENSE': 'not at the top',
      'src/a.cpp': '',
    });
    const files = await collectLicenseFiles({
      workingDirectory: dir,
      root: dir,
      patterns: [...DEFAULT_LICENSE_PATTERNS, 'LICENSE*'],
      log,
    });
    expect(files.map((f) => f.archivePath)).toEqual([
      'LICENCE',
      'LICENSE.txt',
      'COPYING',
      'NOTICE.md',
      'AUTHORS',
    ]);
    expect(files[1]).toEqual({
      archivePath: 'LICENSE.txt',
      sourcePath: join(dir, 'LICENSE.txt'),
      size: 3,
      executable: false,
    });
  });

  it('the default globs may match nothing; a glob the user added may not', async () => {
    const dir = tree({ 'src/a.cpp': '' });
    await expect(
      collectLicenseFiles({
        workingDirectory: dir,
        root: dir,
        patterns: DEFAULT_LICENSE_PATTERNS,
        log,
      }),
    ).resolves.toEqual([]);
    await expect(
      collectLicenseFiles({
        workingDirectory: dir,
        root: dir,
        patterns: ['third_party/*/LICENSE'],
        log,
      }),
    ).rejects.toMatchObject({
      input: 'license-files',
      message: `"third_party/*/LICENSE" matched no file in ${dir}.`,
    });
  });

  it('keeps the folder of a nested license file', async () => {
    const dir = tree({ 'third_party/zlib/LICENSE': 'z' });
    const files = await collectLicenseFiles({
      workingDirectory: dir,
      root: dir,
      patterns: ['third_party/*/LICENSE'],
      log,
    });
    expect(files.map((f) => f.archivePath)).toEqual(['third_party/zlib/LICENSE']);
  });
});

describe('symbolic links', () => {
  it("follow a link inside the workspace (a monorepo's shared LICENSE)", async () => {
    const root = tree({ LICENSE: 'shared', 'cpp/src/a.cpp': '' });
    symlinkSync('../LICENSE', join(root, 'cpp', 'LICENSE'));
    const files = await collectLicenseFiles({
      workingDirectory: join(root, 'cpp'),
      root,
      patterns: ['LICENSE'],
      log,
    });
    expect(files).toEqual([
      { archivePath: 'LICENSE', sourcePath: join(root, 'LICENSE'), size: 6, executable: false },
    ]);
  });

  it('refuse a license file or readme that leads out of the workspace', async () => {
    const outside = tree({ 'secret.txt': 'token' });
    const root = tree({});
    symlinkSync(join(outside, 'secret.txt'), join(root, 'LICENSE'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'README.txt'));
    await expect(
      collectLicenseFiles({ workingDirectory: root, root, patterns: ['LICEN[CS]E*'], log }),
    ).rejects.toMatchObject({
      input: 'license-files',
      message: `${join(root, 'LICENSE')} leads to ${join(outside, 'secret.txt')}, outside the workspace.`,
    });
    await expect(readReadme(join(root, 'README.txt'), [root])).rejects.toMatchObject({
      input: 'readme',
      message: expect.stringContaining('outside the workspace'),
    });
  });
});

describe('readme', () => {
  it('reads UTF-8 text with the content type of its extension', async () => {
    const dir = tree({ 'README.rst': 'Títle\n=====\n' });
    await expect(readReadme(join(dir, 'README.rst'), [dir])).resolves.toEqual({
      text: 'Títle\n=====\n',
      contentType: 'text/x-rst',
    });
  });

  it.each([
    ['missing', {}, 'README.md', /does not exist/],
    ['a folder', { 'README.md/x': '' }, 'README.md', /is not a file/],
    ['not UTF-8', { 'README.txt': Buffer.from([0x66, 0xff, 0xfe]) }, 'README.txt', /not UTF-8/],
    ['of unknown format', { 'README.html': '<p>' }, 'README.html', /extension/],
  ])('refuses a readme that is %s, naming the input', async (_label, files, name, message) => {
    const dir = tree(files);
    await expect(readReadme(join(dir, name), [dir])).rejects.toMatchObject({
      input: 'readme',
      message: expect.stringMatching(message),
    });
  });
});
