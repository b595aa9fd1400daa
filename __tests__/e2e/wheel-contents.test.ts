import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { MemoryLog } from '../../src/log/log.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/pipeline.js';
import { listZipEntries } from '../../src/zip/zip-listing.js';
import { copyExample, EXAMPLE_STAGE, inputs, installAndCall } from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';

const ENV = { SOURCE_DATE_EPOCH: '1700000000' };

async function run(
  values: Parameters<typeof inputs>[0],
): Promise<{ result: PipelineResult; log: MemoryLog }> {
  const log = new MemoryLog();
  const result = await runPipeline(getInputs(inputs(values), ENV), { log, env: ENV, after: [] });
  return { result, log };
}

/** Seeds output-dir with what earlier runs leave there: a wheel, and a killed run's pending one. */
function seedEarlierWheels(outputDir: string): void {
  mkdirSync(join(outputDir, '.algorithmia-wheel-1'), { recursive: true });
  writeFileSync(join(outputDir, 'vecmath-0.9-py3-none-any.whl'), 'an earlier wheel');
  writeFileSync(join(outputDir, '.algorithmia-wheel-1', 'vecmath-0.9-py3-none-any.whl'), 'pending');
}

async function payload(result: PipelineResult): Promise<string[]> {
  return (await listZipEntries(result.wheel.path))
    .map((e) => e.path)
    .filter((p) => !p.includes('.dist-info/'))
    .sort();
}

const PAYLOAD = [
  'vecmath/__init__.py',
  'vecmath/data/units.txt',
  'vecmath/geometry/__init__.py',
  'vecmath/lib/libvecmath.so.1',
];

describe.each([
  {
    route: 'stage rules, output-dir inside the staged tree',
    values: (dir: string) => ({
      stage: EXAMPLE_STAGE,
      'output-dir': join(dir, 'python/vecmath/dist'),
    }),
    left: (dir: string) =>
      `output-dir ${join(dir, 'python/vecmath/dist')} is inside ${dir}: everything in it is left out`,
  },
  {
    route: 'package-dir, output-dir is the package folder',
    values: (dir: string) => ({
      'package-dir': 'python/vecmath',
      stage: 'build/_vecmath*.so => vecmath\nbuild/lib/*.so.* => vecmath/lib',
      'output-dir': join(dir, 'python/vecmath'),
    }),
    left: (dir: string) =>
      `output-dir ${join(dir, 'python/vecmath')} is the folder being staged: its wheels (*.whl), their receipts (*.whl.verification.json) and .algorithmia-wheel-* folders are left out`,
  },
])('earlier wheels never end up in the wheel ($route)', ({ values, left }) => {
  let python: string;
  let dir: string;
  let first: { result: PipelineResult; log: MemoryLog };
  let second: { result: PipelineResult; log: MemoryLog };
  beforeAll(async () => {
    python = defaultPython3();
    dir = copyExample('contents-');
    seedEarlierWheels(values(dir)['output-dir']);
    first = await run({
      'working-directory': dir,
      'build-command': `./build.sh ${python}`,
      python,
      version: '1.0.0',
      ...values(dir),
    });
    // The second run finds the first run's verified wheel in output-dir too.
    second = await run({ 'working-directory': dir, python, version: '1.0.1', ...values(dir) });
  }, 240_000);

  it('packs the package and nothing of output-dir, and says what it left out', async () => {
    for (const { result, log } of [first, second]) {
      const files = await payload(result);
      expect(files.filter((p) => !p.startsWith('vecmath/_vecmath'))).toEqual(PAYLOAD);
      expect(files.filter((p) => p.startsWith('vecmath/_vecmath'))).toHaveLength(1);
      expect(log.lines.filter((l) => l.startsWith('stage: left out'))).toEqual([
        // The second run also finds the first run's wheel and its verification receipt.
        `stage: left out ${result === first.result ? 2 : 4} files: ${left(dir)}`,
      ]);
    }
    expect(existsSync(first.result.wheel.path)).toBe(true);
    expect(first.result.wheel.path.startsWith(values(dir)['output-dir'])).toBe(true);
  });

  it('the wheels install and call the C++ code', () => {
    for (const { result } of [first, second]) {
      const call = installAndCall(python, result.wheel.path);
      expect(call.stderr).toBe('');
      expect(JSON.parse(call.stdout).dot).toBe(32);
    }
  });
});

describe('the data folder is the wheel’s own', () => {
  it('refuses a data folder named for another version before packing', async () => {
    const python = defaultPython3();
    const dir = copyExample('contents-data-');
    const out = join(dir, 'out');
    let error: unknown;
    try {
      await run({
        'working-directory': dir,
        'build-command': `./build.sh ${python}`,
        python,
        version: '1.0.0',
        stage: `${EXAMPLE_STAGE}\nbuild/lib/*.so.* => vecmath-2.0.data/data/lib`,
        'output-dir': out,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      '"vecmath-2.0.data/data/lib/libvecmath.so.1" is staged into vecmath-2.0.data/, but this wheel\'s data folder is vecmath-1.0.0.data/.',
    );
    expect((error as InputError).input).toBe('stage');
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
