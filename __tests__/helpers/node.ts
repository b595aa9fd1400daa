/**
 * Which node runs the bundled action in the end-to-end tests. The action declares `using: node24`
 * and the local command supports node 20 and newer, so vitest.config.ts runs the end-to-end files
 * of the action twice: in the `host` project with the machine's own node (ALGORITHMIA_ACTION_NODE
 * set to the first `node` on PATH outside node_modules: node 20 on the development machines), and
 * in the `node24` project with the node 24 binary of the `node` devDependency (NODE24).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The real node 24 binary the npm package `node@24` installs (node_modules/.bin/node links to it). */
export const NODE24 = join(ROOT, 'node_modules', 'node', 'bin', 'node');

/** The node that runs dist/index.js: ALGORITHMIA_ACTION_NODE, else the one running the tests. */
export function actionNode(): string {
  const node = process.env.ALGORITHMIA_ACTION_NODE || process.execPath;
  if (!existsSync(node)) {
    throw new Error(
      `ALGORITHMIA_ACTION_NODE is '${node}', which does not exist. Run \`npm ci\` (the node devDependency ships node 24).`,
    );
  }
  return node;
}

/** The major version of actionNode(), asked of that binary itself. */
export function actionNodeMajor(): number {
  const version = execFileSync(actionNode(), ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return Number(version.trim().split('.')[0]);
}
