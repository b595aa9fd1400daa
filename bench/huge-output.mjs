// `npm run bench -- --only output`: 1 GiB of command output through the bundled action (a build
// that prints it and fails, a test-command that prints it and passes). Each run must end cleanly
// (one BuildError with the last line; a wheel) with the action's peak RSS under 250 MiB: the
// output is streamed to the log and only a bounded tail is kept.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const GIB = 1024 * 1024 * 1024;
export const OUTPUT_RSS_TARGET_MIB = 250;

/** Runs dist/index.js under /usr/bin/time -v with the inputs; its output is counted, not kept. */
function runAction({ dist, dir, inputs }) {
  const timeFile = join(dir, 'time.txt');
  const outputFile = join(dir, 'output');
  writeFileSync(outputFile, '');
  writeFileSync(join(dir, 'summary'), '');
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, 'tmp'),
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const started = process.hrtime.bigint();
  const child = spawn(
    '/usr/bin/time',
    ['-v', '-o', timeFile, process.execPath, join(dist, 'index.js')],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let logBytes = 0;
  let errors = [];
  let partial = '';
  child.stdout.on('data', (chunk) => {
    logBytes += chunk.length;
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop().slice(-65536);
    errors.push(...lines.filter((line) => line.startsWith('::error')));
  });
  child.stderr.on('data', (chunk) => (logBytes += chunk.length));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const report = readFileSync(timeFile, 'utf8');
      const rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1]);
      resolve({
        code,
        errors,
        logBytes,
        wallS: Number(process.hrtime.bigint() - started) / 1e9,
        rssMiB: rssKiB / 1024,
        outputs: readFileSync(outputFile, 'utf8'),
      });
    });
  });
}

export async function benchHugeOutput({ dist, work, python }) {
  const dir = mkdtempSync(join(work, 'huge-output-'));
  mkdirSync(join(dir, 'tinypkg'));
  writeFileSync(join(dir, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
  const base = {
    'working-directory': dir,
    'package-dir': 'tinypkg',
    python,
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'artifact-name': 'false',
  };
  const build = await runAction({
    dist,
    dir,
    inputs: {
      ...base,
      'output-dir': join(dir, 'out-build'),
      'build-command': `yes 'compiling something rather verbose [----------------]' | head -c ${GIB}; echo last-line >&2; exit 1`,
    },
  });
  const buildClean =
    build.code === 1 &&
    build.errors.length === 1 &&
    build.errors[0].includes('exited with code 1') &&
    build.errors[0].includes('last-line');
  const test = await runAction({
    dist,
    dir,
    inputs: {
      ...base,
      'output-dir': join(dir, 'out-test'),
      'test-command': `yes 'test output line' | head -c ${GIB}`,
    },
  });
  const testClean =
    test.code === 0 && test.errors.length === 0 && test.outputs.includes('wheel-name');
  return {
    failingBuild: { ...build, outputs: undefined, clean: buildClean },
    passingTest: { ...test, outputs: undefined, clean: testClean },
    targets: {
      cleanEnds: buildClean && testClean,
      rssUnder250MiB: build.rssMiB < OUTPUT_RSS_TARGET_MIB && test.rssMiB < OUTPUT_RSS_TARGET_MIB,
    },
  };
}
