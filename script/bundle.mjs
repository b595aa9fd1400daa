// Bundles the action and the local command with ncc. Each has a tiny launcher (src/entry/, node
// builtins only) at the path users run, which starts the real bundle with the V8 flags it needs:
//   dist/index.js      -> dist/action/index.js    (action.yml `main`)
//   dist/cli/index.js  -> dist/cli/main/index.js  (package.json `bin`)
// The deflate worker (src/zip/deflate-worker.ts) is an entry of its own, copied beside each bundle
// as deflate-worker.js, where src/zip/deflate-worker-source.ts finds it at run time.
// All are ES modules, so dist/ carries a package.json saying so.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, rmSync, writeFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const ncc = (entry, out) =>
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '-q'],
    {
      stdio: 'inherit',
    },
  );
ncc('src/entry/action.ts', 'dist');
ncc('src/entry/cli.ts', 'dist/cli');
ncc('src/index.ts', 'dist/action');
ncc('src/cli-entry.ts', 'dist/cli/main');
ncc('src/zip/deflate-worker.ts', 'dist/deflate-worker');
for (const dir of ['dist/action', 'dist/cli/main']) {
  copyFileSync('dist/deflate-worker/index.js', `${dir}/deflate-worker.js`);
}
rmSync('dist/deflate-worker', { recursive: true });
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n');
chmodSync('dist/cli/index.js', 0o755);
