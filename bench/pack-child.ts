/**
 * Benchmark child: stages a package folder the way the action does (package-dir) and packs it with
 * our packer, then prints one JSON line. Run alone in its own process so that `/usr/bin/time -v`
 * reports the peak RSS of packing and nothing else.
 *
 *   node pack.js --tree DIR --package NAME --out DIR [--level N] [--concurrency N]
 */
import { parseArgs } from 'node:util';
import { MemoryLog } from '../src/log/log.js';
import { stagePackage } from '../src/stage/stage.js';
import { packWheel } from '../src/wheel/pack.js';

const { values } = parseArgs({
  options: {
    tree: { type: 'string' },
    package: { type: 'string', default: 'benchpkg' },
    out: { type: 'string' },
    level: { type: 'string' },
    concurrency: { type: 'string' },
  },
});
if (!values.tree || !values.out) throw new Error('usage: --tree DIR --out DIR');

const started = performance.now();
const staged = await stagePackage({
  workingDirectory: values.tree,
  packageDir: values.package,
  rules: [],
  log: new MemoryLog(),
});
const stagedMs = performance.now() - started;
const wheel = await packWheel({
  files: staged.files,
  metadata: { name: 'benchpkg', version: '1.0.0', summary: 'benchmark package' },
  tag: { interpreter: 'cp311', abi: 'cp311', platform: 'linux_x86_64' },
  mtime: new Date(Date.UTC(2020, 0, 1)),
  outputDir: values.out,
  generator: 'algorithmia-wheel (bench)',
  ...(values.level !== undefined ? { compressionLevel: Number(values.level) } : {}),
  ...(values.concurrency !== undefined ? { concurrency: Number(values.concurrency) } : {}),
});
console.log(
  JSON.stringify({
    path: wheel.path,
    fileName: wheel.fileName,
    sha256: wheel.sha256,
    size: wheel.size,
    files: staged.files.length,
    bytes: staged.files.reduce((sum, file) => sum + file.size, 0),
    stageMs: Math.round(stagedMs),
    totalMs: Math.round(performance.now() - started),
  }),
);
