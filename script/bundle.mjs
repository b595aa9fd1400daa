// Bundles the action (dist/index.js) and the local command (dist/cli/index.js) with ncc.
// Both are ES modules, so dist/ carries a package.json saying so.
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
ncc('src/index.ts', 'dist');
ncc('src/cli-entry.ts', 'dist/cli');
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n');
chmodSync('dist/cli/index.js', 0o755);
