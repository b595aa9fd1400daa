// Bundles the action and the local command with ncc. Each has a tiny launcher (src/*-launcher.ts,
// node builtins only) at the path users run, which starts the real bundle with the V8 flags it needs:
//   dist/index.js      -> dist/action/index.js    (action.yml `main`)
//   dist/cli/index.js  -> dist/cli/main/index.js  (package.json `bin`)
// All are ES modules, so dist/ carries a package.json saying so.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const ncc = (entry, out) =>
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '-q'],
    {
      stdio: 'inherit',
    },
  );
// The input defaults come from action.yml (src/inputs/action-defaults.ts, written by script/docs.mjs).
execFileSync('node', ['script/docs.mjs'], { stdio: 'inherit' });
ncc('src/action-launcher.ts', 'dist');
ncc('src/cli-launcher.ts', 'dist/cli');
ncc('src/action.ts', 'dist/action');
ncc('src/cli.ts', 'dist/cli/main');
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n');
chmodSync('dist/cli/index.js', 0o755);
