// Small real trees for the stager's tests, and the refusal a staging run ends in.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { InputError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import { rejectedInputError } from './input-error.js';
import { stagePackage, type StageOptions } from '../../src/stage/stage.js';

/**
 * A temporary folder (its real path, links resolved) removed after the calling file's tests, and
 * `tree(files)`, which writes each `path: text` into a new folder inside it (`t0`, `t1`, ..., or
 * the name given) and returns that folder. Call it at the top of a test file.
 */
export function stageTrees(prefix: string): {
  dir: string;
  tree: (files: Record<string, string>, name?: string) => string;
} {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let trees = 0;
  const tree = (files: Record<string, string>, name = `t${trees++}`): string => {
    const root = join(dir, name);
    mkdirSync(root, { recursive: true });
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
  return { dir, tree };
}

/** The InputError a staging run throws (a MemoryLog unless `log` is given); fails if it stages. */
export async function stageRefusal(
  options: Omit<StageOptions, 'log'> & Partial<Pick<StageOptions, 'log'>>,
): Promise<InputError> {
  return rejectedInputError(() => stagePackage({ log: new MemoryLog(), ...options }), 'staged');
}
