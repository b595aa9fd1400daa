// The whole pipeline on the generated tree, for `npm run bench` (bench/run.mjs): the local
// command end to end (probe, stage, pack, pip verification, import; no build, no publish; no
// library check: see below) against the way it is done without us (the seed's way, the wheel_maker guide):
// `setup.py bdist_wheel`, then `pip install --target` of that wheel and the same import, with
// the same interpreter (/usr/bin/python3, which has setuptools and wheel). Interleaved, median.
import { readdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
const PYTHON = '/usr/bin/python3';

/**
 * The tree holds extension modules of other interpreters (copied from the system: PyPy's, 3.12's),
 * which the pipeline rightly refuses for /usr/bin/python3 (3.11): rename them to plain `.so`
 * libraries, the way a 3.11 package would ship them. Same bytes, other names.
 */
async function renameForeignExtensions(dir) {
  const foreign = /\.(?:cpython-(?!311-)\d+|pypy\d+-pp\d+)-x86_64-linux-gnu\.so$/;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !foreign.test(entry.name)) continue;
    const parent = entry.parentPath ?? entry.path;
    const plain =
      entry.name.replace(foreign, '') +
      '_' +
      entry.name.match(foreign)[0].split('-')[0].slice(1) +
      '.so';
    await rename(join(parent, entry.name), join(parent, plain));
  }
}

export async function benchPipeline({ dist, treeDir, outDir, packageName, measured, runs }) {
  await renameForeignExtensions(join(treeDir, packageName));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && !k.startsWith('ACTIONS_'),
    ),
  );
  const ours = async (run) => {
    const out = join(outDir, `pipeline-${run}`);
    await rm(out, { recursive: true, force: true });
    const sample = await measured(
      'whole pipeline (ours)',
      [
        process.execPath,
        join(dist, 'cli/index.js'),
        'build',
        '--working-directory',
        treeDir,
        '--package-dir',
        packageName,
        '--version',
        '1.0.0',
        '--python',
        PYTHON,
        '--output-dir',
        out,
        // The tree's libraries come from unrelated software (a JDK, gconv modules, a vendored
        // libffi) whose own dependencies are not in it: the loader check would refuse them.
        '--check-libs',
        'false',
        '--json',
      ],
      { env: { ...env, SOURCE_DATE_EPOCH: '1577836800' } },
    );
    if (!JSON.parse(sample.stdout).wheel) throw new Error(`no wheel:\n${sample.stdout}`);
    await rm(out, { recursive: true, force: true });
    return sample;
  };
  const seed = async (run) => {
    const out = join(outDir, `seed-${run}`);
    await rm(out, { recursive: true, force: true });
    for (const junk of ['build', 'dist', `${packageName}.egg-info`]) {
      await rm(join(treeDir, junk), { recursive: true, force: true });
    }
    const script = [
      'set -e',
      `"$0" setup.py -q bdist_wheel -d "$1/dist" >/dev/null`,
      `"$0" -m pip install -q --no-index --no-deps --no-cache-dir --disable-pip-version-check --no-compile --target "$1/target" "$1"/dist/*.whl`,
      `cd "$1" && PYTHONPATH="$1/target" "$0" -c "import ${packageName}"`,
    ].join('\n');
    const sample = await measured('the seed way', ['sh', '-c', script, PYTHON, out], {
      cwd: treeDir,
      env: { ...env, SOURCE_DATE_EPOCH: '1577836800' },
    });
    if (!readdirSync(join(out, 'dist')).some((f) => f.endsWith('.whl'))) {
      throw new Error('bdist_wheel wrote no wheel');
    }
    await rm(out, { recursive: true, force: true });
    return sample;
  };
  const samples = { ours: [], seed: [] };
  for (let run = 1; run <= runs; run++) {
    samples.ours.push(await ours(run));
    samples.seed.push(await seed(run));
    console.log(
      `bench: pipeline run ${run}/${runs}: ours ${(samples.ours.at(-1).wallMs / 1000).toFixed(2)} s, ` +
        `bdist_wheel + pip install + import ${(samples.seed.at(-1).wallMs / 1000).toFixed(2)} s`,
    );
  }
  const wall = (list) => round(median(list.map((s) => s.wallMs)) / 1000, 3);
  const oursS = wall(samples.ours);
  const seedS = wall(samples.seed);
  return {
    runs,
    oursS,
    oursSAll: samples.ours.map((s) => round(s.wallMs / 1000, 3)),
    oursRssMiB: round(Math.max(...samples.ours.map((s) => s.rssMiB)), 1),
    seedWayS: seedS,
    seedWaySAll: samples.seed.map((s) => round(s.wallMs / 1000, 3)),
    speedupVsSeedWay: round(seedS / oursS, 2),
    load1: samples.ours.map((s) => round(s.load1, 2)),
  };
}
