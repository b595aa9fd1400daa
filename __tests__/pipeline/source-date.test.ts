// Where the wheel's timestamps come from: SOURCE_DATE_EPOCH, else the HEAD commit (real git),
// else the zip epoch; never before 1980.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { resolveSourceDate, ZIP_EPOCH } from '../../src/pipeline/source-date.js';

const dir = mkdtempSync(join(tmpdir(), 'source-date-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = new LocalExecutor();

function repo(name: string, commitEpoch?: number): string {
  const path = join(dir, name);
  execFileSync('git', ['init', '-q', path]);
  if (commitEpoch !== undefined) {
    execFileSync('git', ['-C', path, 'commit', '-q', '--allow-empty', '-m', 'x'], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
        GIT_AUTHOR_DATE: `@${commitEpoch} +0000`,
        GIT_COMMITTER_DATE: `@${commitEpoch} +0000`,
      },
    });
  }
  return path;
}

/** A `git` first on PATH that prints $FAKE_GIT_OUT and exits with $FAKE_GIT_CODE. */
function fakeGit(out: string, code: number): LocalExecutor {
  const bin = join(dir, 'fake-bin');
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(
    join(bin, 'git'),
    '#!/bin/sh\nprintf "%s\\n" "$FAKE_GIT_OUT"\nexit "$FAKE_GIT_CODE"\n',
  );
  chmodSync(join(bin, 'git'), 0o755);
  return new LocalExecutor({
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    FAKE_GIT_OUT: out,
    FAKE_GIT_CODE: String(code),
  });
}

describe('resolveSourceDate', () => {
  it('takes SOURCE_DATE_EPOCH first, trimmed, and never earlier than 1980', async () => {
    const cwd = repo('with-env', 1_700_000_000);
    expect(await resolveSourceDate({ SOURCE_DATE_EPOCH: '1600000000' }, git, cwd)).toEqual({
      epoch: 1_600_000_000,
      from: 'SOURCE_DATE_EPOCH',
    });
    expect(await resolveSourceDate({ SOURCE_DATE_EPOCH: ' 1600000001\n' }, git, cwd)).toEqual({
      epoch: 1_600_000_001,
      from: 'SOURCE_DATE_EPOCH',
    });
    expect(await resolveSourceDate({ SOURCE_DATE_EPOCH: '7' }, git, cwd)).toEqual({
      epoch: ZIP_EPOCH,
      from: 'SOURCE_DATE_EPOCH',
    });
    expect(ZIP_EPOCH).toBe(Date.UTC(1980, 0, 1) / 1000);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a whole number of seconds, saying how to fix it', async () => {
    for (const raw of ['12a', 'a12', '1.5', '-5', '1e9']) {
      const error = await resolveSourceDate({ SOURCE_DATE_EPOCH: raw }, git, dir).catch((e) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toContain(
        `SOURCE_DATE_EPOCH="${raw}" is not a number of seconds.`,
      );
      expect((error as InputError).fix).toBe(
        'set it to an integer such as $(git log -1 --format=%ct), or unset it.',
      );
    }
  });

  it('uses the HEAD commit when SOURCE_DATE_EPOCH is unset or blank, never earlier than 1980', async () => {
    const cwd = repo('with-commit', 1_700_000_123);
    for (const env of [{}, { SOURCE_DATE_EPOCH: '' }, { SOURCE_DATE_EPOCH: '  ' }]) {
      expect(await resolveSourceDate(env, git, cwd)).toEqual({
        epoch: 1_700_000_123,
        from: 'the HEAD commit',
      });
    }
    expect(await resolveSourceDate({}, git, repo('old-commit', 1000))).toEqual({
      epoch: ZIP_EPOCH,
      from: 'the HEAD commit',
    });
  });

  it('falls back to the zip epoch outside a checkout, before the first commit, or when git fails', async () => {
    const fallback = {
      epoch: ZIP_EPOCH,
      from: 'the zip epoch (no SOURCE_DATE_EPOCH, no git checkout)',
    };
    const outside = join(dir, 'plain');
    execFileSync('mkdir', ['-p', outside]);
    expect(
      await resolveSourceDate(
        {},
        new LocalExecutor({ ...process.env, GIT_CEILING_DIRECTORIES: dir }),
        outside,
      ),
    ).toEqual(fallback);
    expect(await resolveSourceDate({}, git, repo('no-commit'))).toEqual(fallback);
    expect(await resolveSourceDate({}, fakeGit('1700000000', 1), dir)).toEqual(fallback);
    expect(await resolveSourceDate({}, fakeGit('x1700000000', 0), dir)).toEqual(fallback);
    expect(await resolveSourceDate({}, fakeGit('1700000000 x', 0), dir)).toEqual(fallback);
    expect(await resolveSourceDate({}, fakeGit(' 1700000009 ', 0), dir)).toEqual({
      epoch: 1_700_000_009,
      from: 'the HEAD commit',
    });
  });
});
