// license-files and readme to the letter: what a glob matches (files only, no folder expansion,
// nothing under .git), the order, the log line, and each refusal's fix.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import { collectLicenseFiles, readDistInfoExtras } from '../../src/stage/dist-info-files.js';

function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-info-exact-'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

async function collect(dir: string, patterns: string[], log = new MemoryLog()) {
  const files = await collectLicenseFiles({ workingDirectory: dir, root: dir, patterns, log });
  return files.map((f) => f.archivePath);
}

async function refusal(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('collectLicenseFiles, exactly', () => {
  it('matches files only, never a folder, and does not expand a folder name', async () => {
    const dir = tree({ 'legal/a.txt': 'a', 'legal/sub/b.txt': 'b', 'legal/c.txt': 'c' });
    expect(await collect(dir, ['legal/*'])).toEqual(['legal/a.txt', 'legal/c.txt']);
    const error = await refusal(collect(dir, ['legal']));
    expect(error.message).toBe(`"legal" matched no file in ${dir}.`);
    expect(error.input).toBe('license-files');
    expect(error.fix).toBe(
      'give globs relative to `working-directory` that match the license files, or `false` for none.',
    );
  });

  it('leaves out everything under .git, even when a glob names it', async () => {
    const dir = tree({ '.git/LICENSE': 'x', 'a/.git/LICENSE': 'y', 'a/LICENSE': 'z' });
    expect(await collect(dir, ['**/LICENSE'])).toEqual(['a/LICENSE']);
    const error = await refusal(collect(dir, ['.git/*']));
    expect(error.message).toBe(`".git/*" matched no file in ${dir}.`);
  });

  it('sorts the matches of a glob that crawls several levels', async () => {
    // The crawl yields a level at a time (z/LICENSE before a/b/c/LICENSE); the sort does not.
    const dir = tree({ 'z/LICENSE': '1', 'a/b/c/LICENSE': '2', 'a/LICENSE': '3' });
    expect(await collect(dir, ['**/LICENSE'])).toEqual(['a/LICENSE', 'a/b/c/LICENSE', 'z/LICENSE']);
  });

  it('takes the matches of each glob in sorted order, each file once, and logs them', async () => {
    // Created out of order: the directory order is not the sorted one.
    const dir = tree({ 'L/z': '1', 'L/a': '2', 'L/m': '3', 'L/b': '4', 'L/y': '5', 'L/c': '6' });
    const log = new MemoryLog();
    expect(await collect(dir, ['L/y', 'L/*', 'L/a'], log)).toEqual([
      'L/y',
      'L/a',
      'L/b',
      'L/c',
      'L/m',
      'L/z',
    ]);
    expect(log.lines).toEqual(['license files: L/y, L/a, L/b, L/c, L/m, L/z']);
  });

  it('logs nothing when no license file is found', async () => {
    const log = new MemoryLog();
    expect(await collect(tree({ 'src/a.cpp': '' }), ['LICEN[CS]E*'], log)).toEqual([]);
    expect(log.lines).toEqual([]);
  });

  it('refuses a link out of the workspace with the fix', async () => {
    const outside = tree({ secret: 's' });
    const dir = tree({});
    symlinkSync(join(outside, 'secret'), join(dir, 'LICENSE'));
    const error = await refusal(collect(dir, ['LICENSE']));
    expect(error.message).toMatch(/LICENSE leads to .*secret, outside the workspace\.$/);
    expect(error.fix).toBe(
      'point it at a file inside the workspace (copy the file in instead of linking to it).',
    );
    expect(error.file).toBe(join(dir, 'LICENSE'));
  });
});

describe('readDistInfoExtras', () => {
  const log = new MemoryLog();

  it('has no description without a readme', async () => {
    const dir = tree({ LICENSE: 'MIT' });
    const extras = await readDistInfoExtras({
      workingDirectory: dir,
      root: dir,
      licensePatterns: ['LICENSE'],
      log,
    });
    expect(Object.keys(extras)).toEqual(['licenses']);
    expect(extras.licenses.map((f) => [f.archivePath, f.size])).toEqual([['LICENSE', 3]]);
  });

  it('reads the readme, which may lie in working-directory outside the workspace root', async () => {
    const root = tree({});
    const dir = tree({ 'README.md': '# Hi\n' });
    const extras = await readDistInfoExtras({
      workingDirectory: dir,
      root,
      licensePatterns: [],
      readme: join(dir, 'README.md'),
      log,
    });
    expect(extras).toStrictEqual({
      licenses: [],
      description: { text: '# Hi\n', contentType: 'text/markdown' },
    });
  });

  it('refuses a missing readme, a folder, and bytes that are not UTF-8, each with its fix', async () => {
    const dir = tree({ 'bad.txt': Buffer.from([0xff, 0xfe, 0x41]), 'docs.md/x': '' });
    const options = { workingDirectory: dir, root: dir, licensePatterns: [], log };
    const missing = await refusal(
      readDistInfoExtras({ ...options, readme: join(dir, 'README.rst') }),
    );
    expect(missing.message).toBe(`the readme ${join(dir, 'README.rst')} does not exist.`);
    expect(missing.input).toBe('readme');
    expect(missing.fix).toBe('give the path of a README file relative to `working-directory`.');
    const folder = await refusal(readDistInfoExtras({ ...options, readme: join(dir, 'docs.md') }));
    expect(folder.message).toBe(`the readme ${join(dir, 'docs.md')} is not a file.`);
    const binary = await refusal(readDistInfoExtras({ ...options, readme: join(dir, 'bad.txt') }));
    expect(binary.message).toBe(`the readme ${join(dir, 'bad.txt')} is not UTF-8 text.`);
    expect(binary.fix).toBe('save it as UTF-8 (METADATA is UTF-8).');
    expect(binary.file).toBe(join(dir, 'bad.txt'));
  });
});
