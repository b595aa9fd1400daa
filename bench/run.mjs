/* global fetch, AbortSignal, setTimeout */
// `npm run bench`: packing and publishing speed against the references, on one generated tree.
//
//   npm run bench                 280 MiB tree, 3 runs of each, S3 included
//   npm run bench -- --quick      40 MiB tree, 2 runs: a smoke run
//   npm run bench -- --scale 4    a tree 4x larger (shows that the packer's RSS does not grow)
//   npm run bench -- --only startup,small   start-up and the small case alone (about a minute)
//   npm run bench -- --only bundle          bundle-libs here and in the bookworm image
//   options: --runs N, --level N (our packer's zlib level), --no-refs (only ours), --no-s3,
//            --keep (leave bench/work/tree for the next run), --only PARTS (startup, small, pack, pipeline, bundle),
//            --dist DIR (start-up and the small case of another bundle, e.g. main's)
//
// Every measured command runs in its own process under `/usr/bin/time -v`, so its peak RSS is its
// own. Runs are interleaved (ours, bdist_wheel, zip, ours, ...) so that load from other work on the
// machine spreads over all of them; the load average is recorded next to the numbers.
// Needs what script/setup installs: zip, time, python3-wheel, python3-setuptools (for
// /usr/bin/python3), and moto_server + aws on PATH (the default python3's).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile, open } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateTree, mib } from './tree.mjs';
import { benchPipeline } from './pipeline.mjs';
import { benchSmallCase, benchStartup, checkBundle, printQuick, quickTargets } from './small.mjs';
import { benchHugeOutput } from './huge-output.mjs';
import { benchBundle, bundleTargets, printBundle } from './bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', 'work');
const MIB = 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    runs: { type: 'string' },
    level: { type: 'string' },
    'no-refs': { type: 'boolean', default: false },
    'no-s3': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    only: { type: 'string', default: 'startup,small,pack,pipeline,bundle' },
    // Another bundle for start-up and the small case (e.g. main's, for figures before a change).
    dist: { type: 'string' },
  },
});
const parts = new Set(args.only.split(',').map((p) => p.trim()));
for (const part of parts) {
  if (!['startup', 'small', 'pack', 'pipeline', 'output', 'bundle'].includes(part))
    throw new Error(`--only takes startup, small, pack, pipeline, output and bundle, got ${part}`);
}
const scale = Number(args.scale);
if (!(scale > 0)) throw new Error(`--scale must be a positive number, got ${args.scale}`);
const runs = Number(args.runs ?? (args.quick ? 2 : 3));
const config = args.quick
  ? { name: 'quick', targetBytes: 40 * MIB * scale, pyCount: Math.round(400 * scale) }
  : { name: `scale-${scale}`, targetBytes: 280 * MIB * scale, pyCount: Math.round(3000 * scale) };
if (args.level !== undefined) config.name += `-level-${args.level}`;
const treeDir = join(work, 'tree');
const outDir = join(work, 'out');
const PACKAGE = 'benchpkg';

// ---------------------------------------------------------------------------------------------
// Processes

function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** The real `aws` next to the default python3 (a pyenv shim would add its own start-up time). */
function realAws() {
  try {
    const script =
      'import os, sys; p = os.path.join(os.path.dirname(sys.executable), "aws"); print(p if os.access(p, os.X_OK) else "")';
    const found = execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // fall back to PATH
  }
  return which('aws');
}

function checkTools() {
  const missing = [];
  if (!existsSync('/usr/bin/time')) missing.push('/usr/bin/time (apt-get install time)');
  if (!args['no-refs']) {
    if (!which('zip')) missing.push('zip (apt-get install zip)');
    try {
      execFileSync('/usr/bin/python3', ['-c', 'import setuptools, wheel'], { stdio: 'ignore' });
    } catch {
      missing.push(
        '/usr/bin/python3 with setuptools and wheel (apt-get install python3-wheel python3-setuptools)',
      );
    }
  }
  if (!args['no-s3']) {
    if (!which('moto_server')) missing.push('moto_server (pip install "moto[server]")');
    if (!realAws()) missing.push('aws (pip install awscli)');
  }
  if (missing.length) {
    console.error(`bench: missing ${missing.join(', ')}.\nRun script/setup (npm test does) first.`);
    process.exit(2);
  }
}

/** Runs argv under `/usr/bin/time -v`; resolves wall time (measured here), peak RSS and CPU. */
async function measured(label, argv, { cwd = root, env = process.env, expectExit = 0 } = {}) {
  const timeFile = join(work, 'time.txt');
  const started = process.hrtime.bigint();
  const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, ...argv], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', resolvePromise);
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (code !== expectExit) {
    throw new Error(`${label} failed (exit ${code}): ${argv.join(' ')}\n${stderr}${stdout}`);
  }
  const report = readFileSync(timeFile, 'utf8');
  const field = (name) => {
    const match = report.match(new RegExp(`${name}: ([\\d.]+)`));
    if (!match) throw new Error(`no "${name}" in the output of /usr/bin/time -v:\n${report}`);
    return Number(match[1]);
  };
  return {
    wallMs,
    rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    load1: loadavg()[0],
    stdout,
    stderr,
  };
}

async function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

async function startMoto() {
  const port = await freePort();
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')),
  );
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited:\n${output}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return { endpoint, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`moto_server did not answer on ${endpoint}:\n${output}`);
}

// ---------------------------------------------------------------------------------------------
// Bundles of our code (ncc), rebuilt when a source is newer than the bundle

function newest(dir, pattern) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && pattern.test(entry.name)) {
      latest = Math.max(latest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
    }
  }
  return latest;
}

function bundle(name) {
  const out = join(work, name);
  const entry = join(root, 'bench', `${name}-child.ts`);
  const built = join(out, 'index.js');
  const sources = Math.max(
    newest(join(root, 'src'), /\.ts$/),
    statSync(entry).mtimeMs,
    statSync(join(root, 'package-lock.json')).mtimeMs,
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    console.log(`bench: bundling bench/${name}-child.ts`);
    execFileSync(
      join(root, 'node_modules', '.bin', 'ncc'),
      ['build', entry, '-o', out, '--target', 'es2022', '-q'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
  }
  return built;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarize(samples, extra = {}) {
  return {
    runs: samples.length,
    wallS: round(median(samples.map((s) => s.wallMs)) / 1000, 3),
    wallSAll: samples.map((s) => round(s.wallMs / 1000, 3)),
    cpuS: round(median(samples.map((s) => s.cpuS)), 2),
    rssMiB: round(Math.max(...samples.map((s) => s.rssMiB)), 1),
    load1: samples.map((s) => round(s.load1, 2)),
    ...extra,
  };
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Entry count from the end-of-central-directory record (archives here have no comment). */
async function zipEntries(path) {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tail = Buffer.alloc(22);
    await file.read(tail, 0, 22, size - 22);
    if (tail.readUInt32LE(0) !== 0x06054b50) return undefined;
    const count = tail.readUInt16LE(10);
    if (count !== 0xffff) return count;
    // zip64: the locator precedes the end record and points to the zip64 record.
    const locator = Buffer.alloc(20);
    await file.read(locator, 0, 20, size - 42);
    const record = Buffer.alloc(56);
    await file.read(record, 0, 56, Number(locator.readBigUInt64LE(8)));
    return Number(record.readBigUInt64LE(32));
  } finally {
    await file.close();
  }
}

const SETUP_PY = `# The way it is done today: setuptools bdist_wheel of the staged package, marked as having
# extension modules so that the wheel is platform-specific (cp311-cp311-linux_x86_64).
from setuptools import setup, find_namespace_packages
from setuptools.dist import Distribution

class BinaryDistribution(Distribution):
    def has_ext_modules(self):
        return True

setup(
    name="${PACKAGE}",
    version="1.0.0",
    packages=find_namespace_packages(include=["${PACKAGE}", "${PACKAGE}.*"]),
    package_data={"": ["*.so", "*.so.*"]},
    distclass=BinaryDistribution,
    zip_safe=False,
)
`;

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  await mkdir(work, { recursive: true });
  if (parts.has('startup') || parts.has('small')) await quick();
  if (parts.has('output')) await hugeOutput();
  if (parts.has('bundle')) await bundleCase();
  if (!parts.has('pack') && !parts.has('pipeline')) return;
  checkTools();
  const load = { start: loadavg().map((x) => round(x, 2)) };
  console.log(
    `bench: ${config.name}, ${runs} runs, ${cpus().length} cores, load ${load.start.join(' ')}`,
  );
  const packJs = parts.has('pack') ? bundle('pack') : undefined;
  const publishJs = args['no-s3'] || !parts.has('pack') ? undefined : bundle('publish');

  console.log(`bench: generating a ${mib(config.targetBytes).toFixed(0)} MiB tree in ${treeDir}`);
  const tree = await generateTree({
    dir: treeDir,
    packageName: PACKAGE,
    targetBytes: config.targetBytes,
    pyCount: config.pyCount,
  });
  await writeFile(join(treeDir, 'setup.py'), SETUP_PY);
  console.log(
    `bench: ${tree.files} files, ${mib(tree.bytes).toFixed(1)} MiB (${tree.soFiles} ELF .so, ` +
      `${mib(tree.soBytes).toFixed(1)} MiB; ${tree.pyFiles} .py, ${mib(tree.pyBytes).toFixed(1)} MiB)`,
  );

  // The whole pipeline (bench/pipeline.mjs): the bundled command against the seed's way.
  let pipeline;
  if (parts.has('pipeline')) {
    const dist = resolve(args.dist ?? join(root, 'dist'));
    checkBundle(dist);
    pipeline = await benchPipeline({
      dist,
      treeDir,
      outDir,
      packageName: PACKAGE,
      measured,
      runs,
    });
    pipeline.dist = dist;
    console.log(
      `bench: whole pipeline: ours ${pipeline.oursS} s, the seed's way ${pipeline.seedWayS} s: ` +
        `${pipeline.speedupVsSeedWay}x (peak RSS ${pipeline.oursRssMiB} MiB)`,
    );
  }
  if (!parts.has('pack')) {
    load.end = loadavg().map((x) => round(x, 2));
    writeResults(`${config.name}-pipeline${args.dist ? ` (${pipeline.dist})` : ''}`, {
      date: new Date().toISOString(),
      node: process.version,
      load,
      tree: { ...tree, mib: round(mib(tree.bytes), 1) },
      pipeline,
      targets: { pipelineAtLeast2point4xSeedWay: pipeline.speedupVsSeedWay >= 2.4 },
    });
    if (!args.keep) await rm(treeDir, { recursive: true, force: true });
    return;
  }

  const levelArgs = args.level !== undefined ? ['--level', args.level] : [];
  // Each variant writes its own folder: the default's last wheel is the one published below.
  const ours =
    (extra = [], folder = 'ours') =>
    async () => {
      await rm(join(outDir, folder), { recursive: true, force: true });
      // The action's entry runs the packer under NODE_FLAGS (src/exec/launch.ts): so does the bench.
      const argv = [
        'node',
        '--max-semi-space-size=1',
        '--optimize-for-size',
        packJs,
        '--tree',
        treeDir,
        '--package',
        PACKAGE,
        '--out',
        join(outDir, folder),
      ];
      const sample = await measured('our packer', [...argv, ...levelArgs, ...extra]);
      const result = JSON.parse(sample.stdout.trim().split('\n').pop());
      return {
        ...sample,
        size: result.size,
        sha256: result.sha256,
        path: result.path,
        stageMs: result.stageMs,
        entries: await zipEntries(result.path),
      };
    };
  const bdist = async () => {
    for (const junk of ['build', 'dist', `${PACKAGE}.egg-info`]) {
      await rm(join(treeDir, junk), { recursive: true, force: true });
    }
    const sample = await measured(
      'setuptools bdist_wheel',
      ['/usr/bin/python3', 'setup.py', '-q', 'bdist_wheel', '-d', join(outDir, 'bdist')],
      { cwd: treeDir, env: { ...process.env, SOURCE_DATE_EPOCH: '1577836800' } },
    );
    const [name] = readdirSync(join(outDir, 'bdist')).filter((f) => f.endsWith('.whl'));
    const path = join(outDir, 'bdist', name);
    const result = { ...sample, size: statSync(path).size, entries: await zipEntries(path), name };
    await rm(join(outDir, 'bdist'), { recursive: true, force: true });
    return result;
  };
  const zip = async () => {
    const path = join(outDir, 'tree.zip');
    await rm(path, { force: true });
    await mkdir(outDir, { recursive: true });
    const sample = await measured('zip -r -6', ['zip', '-r', '-6', '-q', '-X', path, PACKAGE], {
      cwd: treeDir,
    });
    const result = { ...sample, size: statSync(path).size, entries: await zipEntries(path) };
    await rm(path, { force: true });
    return result;
  };
  // The kept library (yazl) at level 6, beside ours at level 6: like against like.
  const yazlZip = async () => {
    const path = join(outDir, 'tree-yazl.zip');
    await rm(path, { force: true });
    await mkdir(outDir, { recursive: true });
    const script = join(root, 'bench', 'yazl-pack.mjs');
    const sample = await measured('yazl, level 6', ['node', script, treeDir, PACKAGE, path, '6']);
    const result = { ...sample, size: statSync(path).size, entries: await zipEntries(path) };
    await rm(path, { force: true });
    return result;
  };

  // Warm-up (page cache, bundle), then the reference bytes from a single deflate worker.
  console.log('bench: warm-up, then our packer with one deflate worker (the reference bytes)');
  await ours()();
  const single = await ours(['--concurrency', '1'], 'one-worker')();

  // Our packer at level 6 too (when ours runs at another level): the size/speed trade-off.
  const level6 = args.level === undefined || args.level !== '6';
  const samples = { ours: [], level6: [], bdist: [], zip: [], yazl: [] };
  const seconds = (sample) => `${(sample.wallMs / 1000).toFixed(2)} s`;
  for (let run = 1; run <= runs; run++) {
    samples.ours.push(await ours()());
    const line = [`ours ${seconds(samples.ours.at(-1))}`];
    if (level6) {
      samples.level6.push(await ours(['--level', '6'], 'level-6')());
      line.push(`ours -6 ${seconds(samples.level6.at(-1))}`);
    }
    if (!args['no-refs']) {
      samples.bdist.push(await bdist());
      samples.zip.push(await zip());
      samples.yazl.push(await yazlZip());
      line.push(
        `bdist_wheel ${seconds(samples.bdist.at(-1))}`,
        `zip ${seconds(samples.zip.at(-1))}`,
        `yazl -6 ${seconds(samples.yazl.at(-1))}`,
      );
    }
    console.log(`bench: run ${run}/${runs}: ${line.join(', ')}  (load ${loadavg()[0].toFixed(2)})`);
  }
  const last = samples.ours.at(-1);
  const identical = samples.ours.every((s) => s.sha256 === single.sha256);
  if (!identical) throw new Error('our wheel differs between runs or from the one-worker run');

  const ratio = (bytes) => round(tree.bytes / bytes, 2);
  const archive = (sample) => ({
    sizeMiB: round(mib(sample.size), 2),
    compression: ratio(sample.size),
    entries: sample.entries,
  });
  const pack = {
    ours: summarize(samples.ours, {
      level: Number(args.level ?? 4),
      ...archive(last),
      stageS: round(median(samples.ours.map((s) => s.stageMs)) / 1000, 3),
      sha256: last.sha256,
      identicalToOneWorker: identical,
    }),
    oursOneWorker: summarize([single], archive(single)),
  };
  if (level6)
    pack.oursLevel6 = summarize(samples.level6, { level: 6, ...archive(samples.level6.at(-1)) });
  pack.speedup = { vsOneWorker: round(pack.oursOneWorker.wallS / pack.ours.wallS, 2) };
  if (level6) pack.speedup.vsOursLevel6 = round(pack.oursLevel6.wallS / pack.ours.wallS, 2);
  if (!args['no-refs']) {
    pack.bdistWheel = summarize(samples.bdist, archive(samples.bdist.at(-1)));
    pack.zip6 = summarize(samples.zip, archive(samples.zip.at(-1)));
    pack.yazl6 = summarize(samples.yazl, archive(samples.yazl.at(-1)));
    pack.speedup.vsYazl6 = round(pack.yazl6.wallS / pack.ours.wallS, 2);
    pack.speedup.vsBdistWheel = round(pack.bdistWheel.wallS / pack.ours.wallS, 2);
    pack.speedup.vsZip6 = round(pack.zip6.wallS / pack.ours.wallS, 2);
    if (level6) {
      pack.speedup.level6VsBdistWheel = round(pack.bdistWheel.wallS / pack.oursLevel6.wallS, 2);
      pack.speedup.level6VsZip6 = round(pack.zip6.wallS / pack.oursLevel6.wallS, 2);
      pack.speedup.level6VsYazl6 = round(pack.yazl6.wallS / pack.oursLevel6.wallS, 2);
    }
  }

  let s3;
  if (!args['no-s3']) s3 = await benchS3({ publishJs, wheel: last, runs });
  load.end = loadavg().map((x) => round(x, 2));

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    load,
    tree: { ...tree, mib: round(mib(tree.bytes), 1) },
    pack,
    ...(s3 ? { s3 } : {}),
    ...(pipeline ? { pipeline } : {}),
    targets: {
      ...targets(pack, s3),
      ...(pipeline ? { pipelineAtLeast2point4xSeedWay: pipeline.speedupVsSeedWay >= 2.4 } : {}),
    },
  };
  printTable(result);
  writeResults(config.name, result);

  await rm(outDir, { recursive: true, force: true });
  if (!args.keep) await rm(treeDir, { recursive: true, force: true });
}

/** Start-up and the small case (bench/small.mjs), from the bundled dist/ users run. */
async function quick() {
  const dist = resolve(args.dist ?? join(root, 'dist'));
  checkBundle(dist);
  const load = { start: loadavg().map((x) => round(x, 2)) };
  console.log(`bench: start-up and the small case, load ${load.start.join(' ')}`);
  const startup = parts.has('startup')
    ? await benchStartup({ root, dist, measured, runs: Math.max(7, runs * 2 + 1) })
    : undefined;
  const small = parts.has('small')
    ? await benchSmallCase({ dist, work, measured, runs: Math.max(5, runs) })
    : undefined;
  load.end = loadavg().map((x) => round(x, 2));
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    load,
    dist,
    ...(startup ? { startup } : {}),
    ...(small ? { small } : {}),
    targets: quickTargets(startup, small),
  };
  printQuick(startup, small);
  console.log('');
  for (const [name, ok] of Object.entries(result.targets))
    console.log(`${ok ? 'PASS' : 'MISS'} ${name}`);
  writeResults(args.dist ? `startup-and-small (${dist})` : 'startup-and-small', result);
}

/** 1 GiB of command output through the bundled action: clean ends, peak RSS under 250 MiB. */
async function hugeOutput() {
  const dist = resolve(args.dist ?? join(root, 'dist'));
  checkBundle(dist);
  const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).trim();
  const load = { start: loadavg().map((x) => round(x, 2)) };
  const result = await benchHugeOutput({ dist, work, python });
  load.end = loadavg().map((x) => round(x, 2));
  for (const [name, run] of Object.entries({
    'failing build, 1 GiB': result.failingBuild,
    'passing test-command, 1 GiB': result.passingTest,
  })) {
    console.log(
      `output: ${name}: ${run.clean ? 'clean end' : 'NOT CLEAN'}, peak RSS ${run.rssMiB.toFixed(0)} MiB, ${run.wallS.toFixed(1)} s, ${(run.logBytes / 2 ** 20).toFixed(0)} MiB logged`,
    );
  }
  for (const [target, ok] of Object.entries(result.targets)) {
    console.log(`output: ${ok ? 'PASS' : 'MISS'} ${target}`);
  }
  writeResults('huge-output', {
    date: new Date().toISOString(),
    node: process.version,
    load,
    ...result,
  });
}

/** bundle-libs on this machine and in the bookworm image (bench/bundle.mjs), from dist/. */
async function bundleCase() {
  const dist = resolve(args.dist ?? join(root, 'dist'));
  checkBundle(dist);
  const load = { start: loadavg().map((x) => round(x, 2)) };
  console.log(`bench: bundle-libs, this machine and the image, load ${load.start.join(' ')}`);
  const bundle = await benchBundle({ dist, work, measured, runs });
  load.end = loadavg().map((x) => round(x, 2));
  printBundle(bundle);
  const result = {
    date: new Date().toISOString(),
    cores: cpus().length,
    load,
    bundle,
    targets: bundleTargets(bundle),
  };
  console.log('');
  for (const [name, ok] of Object.entries(result.targets))
    console.log(`${ok ? 'PASS' : 'MISS'} ${name}`);
  writeResults('bundle', result);
}

function writeResults(key, result) {
  const resultsPath = join(root, 'bench', 'results.json');
  const all = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
  all[key] = result;
  writeFileSync(resultsPath, JSON.stringify(all, null, 2) + '\n');
  // Formatted like the rest of the repository, so that `npm run format:check` stays green.
  execFileSync(join(root, 'node_modules', '.bin', 'prettier'), ['--write', resultsPath], {
    stdio: 'ignore',
  });
  console.log(`bench: numbers written to bench/results.json ("${key}")`);
}

async function benchS3({ publishJs, wheel, runs }) {
  const moto = await startMoto();
  const bucket = 'bench';
  const reset = async () => {
    await (await fetch(`${moto.endpoint}/moto-api/reset`, { method: 'POST' })).arrayBuffer();
    const created = await fetch(`${moto.endpoint}/${bucket}`, { method: 'PUT' });
    await created.arrayBuffer();
    if (!created.ok) throw new Error(`cannot create the bucket on moto: ${created.status}`);
  };
  const empty = join(work, 'aws-empty-config');
  await writeFile(empty, '');
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_'))),
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_REGION: 'us-east-1',
    // The reference client with its defaults, not whatever this machine's profile says.
    AWS_CONFIG_FILE: empty,
    AWS_SHARED_CREDENTIALS_FILE: empty,
  };
  const aws = realAws();
  const fileName = wheel.path.split('/').pop();
  const publishArgs = [
    '--wheel',
    wheel.path,
    '--sha256',
    wheel.sha256,
    '--endpoint',
    moto.endpoint,
    '--bucket',
    bucket,
  ];
  try {
    console.log(
      `bench: S3 on moto_server ${moto.endpoint}: ${mib(wheel.size).toFixed(1)} MiB wheel`,
    );
    // The same upload with the least buffer memory S3 allows (one 5 MiB part at a time): what
    // the default run uses beyond it, plus those 5 MiB, is what its buffers cost.
    await reset();
    const minimal = await measured(
      'our publisher, 5 MiB x 1',
      [
        'node',
        publishJs,
        ...publishArgs,
        '--prefix',
        'minimal/',
        '--part-size',
        String(5 * MIB),
        '--queue-size',
        '1',
      ],
      { env },
    );
    const ours = [];
    const reference = [];
    for (let run = 1; run <= runs; run++) {
      await reset();
      const sample = await measured(
        'our publisher',
        ['node', publishJs, ...publishArgs, '--prefix', `ours${run}/`],
        { env },
      );
      const outcome = JSON.parse(sample.stdout.trim().split('\n').pop());
      if (outcome.status !== 'created') throw new Error(`our publish: ${outcome.status}`);
      ours.push(sample);
      await reset();
      reference.push(
        await measured(
          'aws s3 cp',
          [
            aws,
            's3',
            'cp',
            wheel.path,
            `s3://${bucket}/aws${run}/${fileName}`,
            '--endpoint-url',
            moto.endpoint,
            '--only-show-errors',
          ],
          { env },
        ),
      );
      console.log(
        `bench: S3 run ${run}/${runs}: ours ${(ours.at(-1).wallMs / 1000).toFixed(2)} s, aws s3 cp ${(reference.at(-1).wallMs / 1000).toFixed(2)} s  (load ${loadavg()[0].toFixed(2)})`,
      );
    }
    const throughput = (summary) => round(mib(wheel.size) / summary.wallS, 1);
    const oursSummary = summarize(ours);
    const refSummary = summarize(reference);
    const partSize = 8 * MIB;
    const queueSize = 4;
    return {
      wheelMiB: round(mib(wheel.size), 1),
      ours: { ...oursSummary, mibPerS: throughput(oursSummary) },
      awsCli: { ...refSummary, mibPerS: throughput(refSummary) },
      minimalBuffersRssMiB: round(minimal.rssMiB, 1),
      uploadBuffersMiB: round(oursSummary.rssMiB - minimal.rssMiB + 5, 1),
      bufferBoundMiB: mib(partSize * queueSize),
      speedVsAwsCli: round(refSummary.wallS / oursSummary.wallS, 2),
    };
  } finally {
    await moto.stop();
  }
}

function targets(pack, s3) {
  const t = {
    packRssUnder150MiB: pack.ours.rssMiB <= 150,
    packIdenticalToOneWorker: pack.ours.identicalToOneWorker,
  };
  if (pack.speedup.vsZip6 !== undefined) {
    t.packAtMostOneThirdOfBdistWheel = pack.speedup.vsBdistWheel >= 3;
    t.packAtMostOneThirdOfZip6 = pack.speedup.vsZip6 >= 3;
  }
  if (s3) {
    t.s3AtLeastAwsCli = s3.speedVsAwsCli >= 1;
    t.s3RssWithinBuffers = s3.uploadBuffersMiB <= s3.bufferBoundMiB;
  }
  return t;
}

function printTable(r) {
  const rows = [['', 'wall (median)', 'CPU', 'peak RSS', 'archive', 'ratio', 'speed-up of ours']];
  const p = r.pack;
  const line = (name, s, speedup) => [
    name,
    `${s.wallS.toFixed(2)} s`,
    `${s.cpuS.toFixed(1)} s`,
    `${s.rssMiB.toFixed(0)} MiB`,
    `${s.sizeMiB.toFixed(2)} MiB`,
    `${s.compression.toFixed(2)}:1`,
    speedup === undefined ? '' : `${speedup.toFixed(2)}x`,
  ];
  rows.push(line(`ours, level ${p.ours.level}, ${r.cores} workers`, p.ours));
  rows.push(line(`ours, level ${p.ours.level}, 1 worker`, p.oursOneWorker, p.speedup.vsOneWorker));
  if (p.oursLevel6) rows.push(line('ours, level 6', p.oursLevel6, p.speedup.vsOursLevel6));
  if (p.bdistWheel) rows.push(line('setuptools bdist_wheel', p.bdistWheel, p.speedup.vsBdistWheel));
  if (p.zip6) rows.push(line('zip -r -6', p.zip6, p.speedup.vsZip6));
  if (p.yazl6) rows.push(line('yazl, level 6 (node, one stream)', p.yazl6, p.speedup.vsYazl6));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const fmt = (row) =>
    `| ${row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  console.log('');
  console.log(
    `Packing ${r.tree.files} files, ${r.tree.mib} MiB (${r.tree.soFiles} ELF .so + ${r.tree.pyFiles} .py), ` +
      `median of ${p.ours.runs} runs; load ${r.load.start.join(' ')} -> ${r.load.end.join(' ')}`,
  );
  console.log(fmt(rows[0]));
  console.log(
    `|${widths.map((w, i) => (i ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|')}|`,
  );
  for (const row of rows.slice(1)) console.log(fmt(row));
  if (p.speedup.level6VsYazl6 !== undefined) {
    console.log('');
    console.log(
      `Like against like, every side at deflate level 6: ours is ${p.speedup.level6VsBdistWheel}x ` +
        `bdist_wheel, ${p.speedup.level6VsZip6}x zip -6 and ${p.speedup.level6VsYazl6}x yazl ` +
        `(archives ${p.oursLevel6.sizeMiB} / ${p.bdistWheel.sizeMiB} / ${p.zip6.sizeMiB} / ${p.yazl6.sizeMiB} MiB).`,
    );
  }
  if (r.s3) {
    const s = r.s3;
    const srows = [
      ['', 'wall (median)', 'throughput', 'peak RSS', 'speed-up of ours'],
      [
        'ours (publishToS3)',
        `${s.ours.wallS.toFixed(2)} s`,
        `${s.ours.mibPerS} MiB/s`,
        `${s.ours.rssMiB.toFixed(0)} MiB`,
        '',
      ],
      [
        'aws s3 cp',
        `${s.awsCli.wallS.toFixed(2)} s`,
        `${s.awsCli.mibPerS} MiB/s`,
        `${s.awsCli.rssMiB.toFixed(0)} MiB`,
        `${s.speedVsAwsCli.toFixed(2)}x`,
      ],
    ];
    const w = srows[0].map((_, i) => Math.max(...srows.map((row) => row[i].length)));
    const f = (row) =>
      `| ${row.map((cell, i) => (i ? cell.padStart(w[i]) : cell.padEnd(w[i]))).join(' | ')} |`;
    console.log('');
    console.log(
      `Publishing the ${s.wheelMiB} MiB wheel to moto_server on loopback, median of ${s.ours.runs} runs ` +
        `(upload buffers: ${s.uploadBuffersMiB} MiB = peak RSS - ${s.minimalBuffersRssMiB} MiB with ` +
        `one 5 MiB part at a time + 5 MiB; bound: ${s.bufferBoundMiB} MiB = 8 MiB parts x 4)`,
    );
    console.log(f(srows[0]));
    console.log(
      `|${w.map((width, i) => (i ? '-'.repeat(width + 1) + ':' : '-'.repeat(width + 2))).join('|')}|`,
    );
    for (const row of srows.slice(1)) console.log(f(row));
  }
  console.log('');
  for (const [name, ok] of Object.entries(r.targets))
    console.log(`${ok ? 'PASS' : 'MISS'} ${name}`);
}

await main();
