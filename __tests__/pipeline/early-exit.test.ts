// The clean-ups that still run when the process ends before the run's own `finally`: the
// registry (src/pipeline/early-exit.ts) and what closing a run's folders removes (work-folders.ts),
// on real folders.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inputs } from '../../src/inputs/inputs.js';
import { onEarlyExit, runEarlyExitCleanups } from '../../src/pipeline/early-exit.js';
import {
  closeWorkFoldersSync,
  removalPlan,
  type WorkFolders,
} from '../../src/pipeline/work-folders.js';
import { unfinishedRunMessage } from '../../src/shell/unfinished-exit.js';

describe('onEarlyExit / runEarlyExitCleanups', () => {
  it('runs what is still registered, once, in order, past a failing one', () => {
    runEarlyExitCleanups();
    const ran: string[] = [];
    onEarlyExit(() => ran.push('a'));
    onEarlyExit(() => {
      throw new Error('boom');
    });
    const forget = onEarlyExit(() => ran.push('forgotten'));
    onEarlyExit(() => ran.push('c'));
    forget();
    expect(runEarlyExitCleanups()).toBe(3);
    expect(ran).toEqual(['a', 'c']);
    expect(runEarlyExitCleanups()).toBe(0);
    expect(ran).toEqual(['a', 'c']);
  });
});

const inputs = { outputDir: '/o' } as Inputs;
const folders = (outputDirExisted: boolean): WorkFolders =>
  ({ work: '/t/w', pending: '/o/.p', outputDirExisted }) as WorkFolders;

describe('removalPlan (pure)', () => {
  it('a failed run: what it placed, both folders, and output-dir if it made it', () => {
    expect(removalPlan(inputs, folders(false), false, ['/o/a.whl', '/o/a.whl.r'])).toEqual({
      files: ['/o/a.whl', '/o/a.whl.r'],
      trees: ['/o/.p', '/t/w'],
      emptyFolder: '/o',
    });
    expect(removalPlan(inputs, folders(true), false, [])).toEqual({
      files: [],
      trees: ['/o/.p', '/t/w'],
    });
  });

  it('a run that succeeded keeps what it placed and output-dir', () => {
    expect(removalPlan(inputs, folders(false), true, ['/o/a.whl'])).toEqual({
      files: [],
      trees: ['/o/.p', '/t/w'],
    });
  });
});

describe('closeWorkFoldersSync', () => {
  it('removes the placed files and both folders, and output-dir only when empty', () => {
    const root = mkdtempSync(join(tmpdir(), 'early-exit-'));
    const out = join(root, 'out');
    const pending = join(out, '.algorithmia-wheel-1');
    const work = join(root, 'work');
    mkdirSync(pending, { recursive: true });
    mkdirSync(join(work, 'deep'), { recursive: true });
    writeFileSync(join(pending, '.x.whl.1.partial'), 'half');
    writeFileSync(join(work, 'deep', 'f'), 'f');
    writeFileSync(join(out, 'x.whl'), 'wheel');
    const run = { outputDir: out } as Inputs;
    const made = { work, pending, outputDirExisted: false } as WorkFolders;
    closeWorkFoldersSync(run, made, [join(out, 'x.whl'), join(out, 'missing')]);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(work)).toBe(false);

    // A file of the user's in output-dir: the folder stays (never a recursive removal of it).
    mkdirSync(pending, { recursive: true });
    writeFileSync(join(out, 'keep.txt'), 'mine');
    closeWorkFoldersSync(run, made, []);
    expect(existsSync(join(out, 'keep.txt'))).toBe(true);
    expect(existsSync(pending)).toBe(false);
  });
});

describe('unfinishedRunMessage (pure)', () => {
  it('names the exit code, what was removed, and what to re-run', () => {
    expect(unfinishedRunMessage('the job')).toBe(
      "The run stopped before its work was done: it was waiting for an operation that could never finish, with nothing else left running (node's exit code 13). The files it had begun (the pending folder and any half-written wheel in output-dir, its temp folder) were removed; nothing more was published. Fix: re-run the job; if it happens again, report it with this log, as it is a fault of the action.",
    );
    expect(unfinishedRunMessage('the command')).toContain('Fix: re-run the command;');
  });
});
