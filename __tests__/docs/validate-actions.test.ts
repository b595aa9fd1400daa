import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = join(repo, 'script', 'validate-actions.mjs');
const validate = (...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

describe('script/validate-actions.mjs', () => {
  const root = mkdtempSync(join(tmpdir(), 'validate-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("passes the repository's action.yml (node24 included) and workflows", () => {
    const result = validate();
    expect(result.stderr).not.toContain('error(s)');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('action.yml: valid');
    expect(result.stdout).toMatch(/\.github\/workflows\/ci\.yml: valid/);
  });

  it('names the file and the field of a broken workflow, and of a runtime that does not exist', () => {
    mkdirSync(join(root, '.github', 'workflows'), { recursive: true });
    const action = readFileSync(join(repo, 'action.yml'), 'utf8');
    expect(action).toMatch(/using: node24/);
    writeFileSync(join(root, 'action.yml'), action.replace('using: node24', 'using: node99'));
    copyFileSync(
      join(repo, '.github', 'workflows', 'ci.yml'),
      join(root, '.github', 'workflows', 'ok.yml'),
    );
    writeFileSync(
      join(root, '.github', 'workflows', 'bad.yml'),
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    stepz: []\n',
    );

    const result = validate('--root', root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('.github/workflows/ok.yml: valid');
    expect(result.stderr).toContain('action.yml: 1 error(s)');
    expect(result.stderr).toContain('/runs/using');
    expect(result.stderr).toContain('.github/workflows/bad.yml: 1 error(s)');
    expect(result.stderr).toContain("Additional property 'stepz' is not allowed");
    expect(result.stderr).toContain('2 of 3 file(s) invalid');
  });
});
