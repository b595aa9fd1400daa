import { describe, expect, it } from 'vitest';
import { needsWorkingProcess } from '../../src/exec/launch-plan.js';

describe('needsWorkingProcess (which command runs need the V8 flags of a relaunch)', () => {
  it.each([
    [['build', '--python', 'python3'], true],
    [['--json', 'build'], true],
    // A value spelled like the command: a harmless relaunch, never a build without the flags.
    [['yank', '--s3-prefix', 'build'], true],
    [['--help'], false],
    [['-h'], false],
    [['-V'], false],
    [[], false],
    [['pack'], false],
    [['yank', '--s3-bucket', 'b', 'pkg==1.0', '--reason', 'broken'], false],
    [['Build'], false],
  ])('%j -> %s', (args, expected) => {
    expect(needsWorkingProcess(args)).toBe(expected);
  });
});
