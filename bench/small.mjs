// Start-up and the small case, for `npm run bench` (bench/run.mjs): both against references
// measured in the same run, interleaved, median of several runs.
//
// - Start-up: `node dist/cli/index.js --help` and the action rejecting one bad input
//   (`node dist/index.js` with INPUT_PYTHON='py;thon'), each against a bare `node -e 0`, under the
//   machine's node and under node 24. Target: each at most 0.3 s of CPU above bare node.
// - The small case: a one-file package end to end through the local command (probe, pack, pip
//   verification, import; no build, no publish) against a bare `pip install --target` of the same
//   wheel with the same interpreter. Target: at most 2.0x the bare install.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
const seconds = (samples) => round(median(samples.map((s) => s.wallMs)) / 1000, 3);

/** The bundled action and command must be there: they are what users run. */
export function checkBundle(dist) {
  for (const file of ['index.js', 'cli/index.js']) {
    if (!existsSync(join(dist, file))) {
      console.error(`bench: ${file} is missing: run \`npm run bundle\` first.`);
      process.exit(2);
    }
  }
}

/** An environment without anything of a GitHub job: no runner files, no artifact service. */
function plainEnv(extra = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && !k.startsWith('ACTIONS_'),
    ),
  );
  return { ...env, ...extra };
}

/**
 * The node binaries start-up is measured under: the machine's own node (the first on PATH outside
 * node_modules: node 20 here) and node 24 (the `node` devDependency, the runtime action.yml
 * declares). npm puts node_modules/.bin, where node 24 is linked, first on PATH for npm scripts.
 */
export function startupNodes(root) {
  const nodes = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || resolve(dir).split('/').includes('node_modules')) continue;
    if (existsSync(join(dir, 'node'))) {
      nodes.push(join(dir, 'node'));
      break;
    }
  }
  const node24 = join(root, 'node_modules', 'node', 'bin', 'node');
  if (existsSync(node24)) nodes.push(node24);
  return nodes;
}

/**
 * Start-up under one node: wall time (what a user waits, meaningful on an idle machine) and CPU
 * time, user + system of the process and its children (what the run costs whatever else the
 * machine does: the figure that reproduces under load). Both against a bare `node -e 0`.
 */
async function startupUnder(node, { dist, measured, runs }) {
  const samples = { bare: [], help: [], badInput: [] };
  const env = plainEnv();
  for (let run = 1; run <= runs; run++) {
    samples.bare.push(await measured('node -e 0', [node, '-e', '0'], { env }));
    const help = await measured('--help', [node, join(dist, 'cli/index.js'), '--help'], {
      env,
    });
    if (!help.stdout.includes('Usage: algorithmia-wheel'))
      throw new Error('--help printed no usage');
    samples.help.push(help);
    const bad = await measured('bad input', [node, join(dist, 'index.js')], {
      env: plainEnv({
        'INPUT_PACKAGE-DIR': 'pkg',
        INPUT_VERSION: '1.0.0',
        INPUT_PYTHON: 'py;thon',
      }),
      expectExit: 1,
    });
    if (!/::error title=[^:]*input 'python'/.test(bad.stdout)) {
      throw new Error(`the action did not reject the bad input as expected:\n${bad.stdout}`);
    }
    samples.badInput.push(bad);
  }
  const cpu = (list) => round(median(list.map((s) => s.cpuS)), 3);
  const bare = seconds(samples.bare);
  const help = seconds(samples.help);
  const badInput = seconds(samples.badInput);
  return {
    node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
    bareNodeS: bare,
    helpS: help,
    badInputS: badInput,
    helpAboveBareS: round(help - bare, 3),
    badInputAboveBareS: round(badInput - bare, 3),
    bareNodeCpuS: cpu(samples.bare),
    helpCpuAboveBareS: round(cpu(samples.help) - cpu(samples.bare), 3),
    badInputCpuAboveBareS: round(cpu(samples.badInput) - cpu(samples.bare), 3),
    helpRssMiB: round(Math.max(...samples.help.map((s) => s.rssMiB)), 1),
    badInputRssMiB: round(Math.max(...samples.badInput.map((s) => s.rssMiB)), 1),
    load1: samples.help.map((s) => round(s.load1, 2)),
  };
}

export async function benchStartup({ root, dist, measured, runs }) {
  const byNode = [];
  for (const node of startupNodes(root)) {
    byNode.push(await startupUnder(node, { dist, measured, runs }));
  }
  return { runs, byNode };
}

/** The default python3's real executable (not a pyenv shim: its start-up is not ours). */
function python3() {
  return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8',
  }).trim();
}

export async function benchSmallCase({ dist, work, measured, runs }) {
  const node = process.execPath;
  const python = python3();
  const dir = join(work, 'small');
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'tiny'), { recursive: true });
  await writeFile(join(dir, 'tiny', '__init__.py'), 'def twice(x):\n    return 2 * x\n');
  const env = plainEnv();
  const ours = [];
  const bare = [];
  let wheel;
  for (let run = 0; run <= runs; run++) {
    const out = join(dir, `out-${run}`);
    const sample = await measured(
      'small case (ours)',
      [
        node,
        join(dist, 'cli/index.js'),
        'build',
        '--working-directory',
        dir,
        '--package-dir',
        'tiny',
        '--version',
        '1.0.0',
        '--python',
        python,
        '--output-dir',
        out,
        '--json',
      ],
      { env },
    );
    const outputs = JSON.parse(sample.stdout);
    wheel = outputs.wheel;
    if (!wheel || !readdirSync(out).some((f) => f.endsWith('.whl'))) {
      throw new Error(`the small case wrote no wheel:\n${sample.stdout}`);
    }
    const target = join(dir, `target-${run}`);
    const reference = await measured(
      'pip install --target',
      [
        python,
        '-m',
        'pip',
        'install',
        '--no-index',
        '--no-deps',
        '--no-cache-dir',
        '--disable-pip-version-check',
        '--no-compile',
        '--target',
        target,
        wheel,
      ],
      { env },
    );
    // Run 0 warms the page cache and the interpreter's bytecode: not counted.
    if (run > 0) {
      ours.push(sample);
      bare.push(reference);
    }
  }
  const oursS = seconds(ours);
  const bareS = seconds(bare);
  await rm(dir, { recursive: true, force: true });
  return {
    runs,
    python,
    wheel: wheel.split('/').pop(),
    oursS,
    oursSAll: ours.map((s) => round(s.wallMs / 1000, 3)),
    barePipInstallS: bareS,
    barePipInstallSAll: bare.map((s) => round(s.wallMs / 1000, 3)),
    ratio: round(oursS / bareS, 2),
    oursRssMiB: round(Math.max(...ours.map((s) => s.rssMiB)), 1),
    load1: ours.map((s) => round(s.load1, 2)),
  };
}

export function printQuick(startup, small) {
  if (startup) {
    for (const r of startup.byNode) {
      console.log('');
      console.log(
        `Start-up (node ${r.node}, median of ${startup.runs} runs, load ${r.load1.join(' ')})`,
      );
      console.log(`| | wall (median) | above bare node | CPU above bare node | peak RSS |`);
      console.log(`|---|---:|---:|---:|---:|`);
      console.log(`| node -e 0 | ${r.bareNodeS.toFixed(3)} s | | | |`);
      console.log(
        `| dist/cli/index.js --help | ${r.helpS.toFixed(3)} s | ${r.helpAboveBareS.toFixed(3)} s | ${r.helpCpuAboveBareS.toFixed(3)} s | ${r.helpRssMiB} MiB |`,
      );
      console.log(
        `| dist/index.js, one bad input | ${r.badInputS.toFixed(3)} s | ${r.badInputAboveBareS.toFixed(3)} s | ${r.badInputCpuAboveBareS.toFixed(3)} s | ${r.badInputRssMiB} MiB |`,
      );
    }
  }
  if (small) {
    console.log('');
    console.log(
      `The small case: ${small.wheel} with ${small.python}, median of ${small.runs} runs (load ${small.load1.join(' ')})`,
    );
    console.log(`| | wall (median) | runs |`);
    console.log(`|---|---:|---|`);
    console.log(
      `| ours: probe, pack, pip verification, import | ${small.oursS.toFixed(3)} s | ${small.oursSAll.join(', ')} |`,
    );
    console.log(
      `| bare pip install --target | ${small.barePipInstallS.toFixed(3)} s | ${small.barePipInstallSAll.join(', ')} |`,
    );
    console.log(`| ratio | ${small.ratio.toFixed(2)}x | |`);
  }
}

export function quickTargets(startup, small) {
  const t = {};
  if (startup) {
    // Judged on CPU time, which reproduces under load; the wall figures are printed beside it and
    // equal it on an idle machine (one thread, no waiting).
    for (const r of startup.byNode) {
      const node = r.node.split('.')[0];
      t[`${node}HelpWithin300msOfBareNode`] = r.helpCpuAboveBareS <= 0.3;
      t[`${node}BadInputWithin300msOfBareNode`] = r.badInputCpuAboveBareS <= 0.3;
    }
  }
  if (small) t.smallCaseAtMost2xBarePipInstall = small.ratio <= 2.0;
  return t;
}
