import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/exec/local.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { MemoryLog } from '../../src/log/log.js';
import { runPipeline, type PipelineResult } from '../../src/pipeline/pipeline.js';
import { verifyInstall } from '../../src/python/verify-install.js';
import { copyExample, EXAMPLE_STAGE, inputs, installAndCall } from '../helpers/example.js';
import { defaultPython3, pyenvPython, pypy3 } from '../helpers/python.js';
import { expectedTag } from '../helpers/tags.js';

interface Case {
  label: string;
  python: () => string;
}

const CASES: Case[] = [
  { label: 'CPython 2.7.18 (pyenv)', python: () => pyenvPython('2.7.18') },
  { label: 'CPython 3.6.15 (pyenv)', python: () => pyenvPython('3.6.15') },
  { label: 'default python3', python: defaultPython3 },
  { label: 'PyPy 3 (Debian)', python: pypy3 },
];

const built = new Map<string, PipelineResult>();

async function buildWith(python: string, out: string): Promise<PipelineResult> {
  const dir = copyExample();
  const log = new MemoryLog();
  const result = await runPipeline(
    getInputs(
      inputs({
        'working-directory': dir,
        'build-command': `./build.sh ${python}`,
        stage: EXAMPLE_STAGE,
        python,
        version: '1.0.0',
        'output-dir': out,
        'test-command': 'python -c "import vecmath; assert vecmath.dot([1, 2], [3, 4]) == 11"',
      }),
      { SOURCE_DATE_EPOCH: '1700000000' },
    ),
    { log, env: { SOURCE_DATE_EPOCH: '1700000000' } },
  );
  return result;
}

describe.each(CASES)('the example, built and verified with $label', ({ python }) => {
  let interpreter: string;
  let result: PipelineResult;
  beforeAll(async () => {
    interpreter = python();
    result = await buildWith(interpreter, mkdtempSync(join(tmpdir(), 'wheels-')));
    built.set(interpreter, result);
  });

  it('names the wheel with the tags the interpreter itself uses', () => {
    const tag = expectedTag(interpreter);
    expect(result.wheel.tag).toBe(tag);
    expect(result.wheel.fileName).toBe(`vecmath-1.0.0-${tag}.whl`);
    expect(existsSync(result.outputs.wheel!)).toBe(true);
    const bytes = readFileSync(result.outputs.wheel!);
    expect(result.outputs.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(result.outputs.size).toBe(String(bytes.length));
  });

  it('installs with pip and calls into the C++ code', () => {
    const run = installAndCall(interpreter, result.outputs.wheel!);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const value = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(value).toMatchObject({
      dot: 32,
      describe: 'Vector(2): [1, 2.5]',
      error: 'dot: vectors have different lengths (3 vs 2)',
      norm: 5,
      units: ['meter', 'second', 'kilogram'],
      native: 'vecmath-native 1.0',
    });
    expect(String(value.file)).toContain(`${join('target', 'vecmath')}`);
  });

  it('lays out the package, the library and the dist-info as staged', () => {
    const paths = result.wheel.entries.map((e) => e.path);
    expect(paths).toContain('vecmath/__init__.py');
    expect(paths).toContain('vecmath/geometry/__init__.py');
    expect(paths).toContain('vecmath/data/units.txt');
    expect(paths).toContain('vecmath/lib/libvecmath.so.1');
    expect(paths.some((p) => /^vecmath\/_vecmath.*\.so$/.test(p))).toBe(true);
    expect(paths.at(-1)).toBe('vecmath-1.0.0.dist-info/RECORD');
  });
});

describe('a wheel for one interpreter', () => {
  const wheelFor = async (python: string): Promise<string> =>
    (built.get(python) ?? (await buildWith(python, mkdtempSync(join(tmpdir(), 'wheels-'))))).outputs
      .wheel!;

  it('is refused by the pip of interpreters it does not match', async () => {
    const refused = installAndCall(defaultPython3(), await wheelFor(pyenvPython('3.6.15')));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr + refused.stdout).toMatch(/is not a supported wheel on this platform/);
    const refusedByPypy = installAndCall(pypy3(), await wheelFor(defaultPython3()));
    expect(refusedByPypy.status).not.toBe(0);
    expect(refusedByPypy.stderr + refusedByPypy.stdout).toMatch(/is not a supported wheel/);
  });

  it.each([
    ['2.7.18', () => defaultPython3()],
    ['3.6.15', () => pyenvPython('2.7.18')],
  ])(
    'is refused by verification with %s, whose old pip lets it in with --target',
    async (version, other) => {
      const python = pyenvPython(version);
      const wheel = await wheelFor(other());
      // pip < 20 skips the tag check with --target, and the import then fails obscurely...
      const run = installAndCall(python, wheel);
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/ImportError/);
      // ...which is why verification asks the interpreter's pip for its tags first.
      const work = mkdtempSync(join(tmpdir(), 'verify-'));
      const tag = /-(\w+-\w+-\w+)\.whl$/.exec(wheel)![1]!;
      await expect(
        verifyInstall({
          executor: new LocalExecutor(),
          python,
          wheelPath: wheel,
          tags: [tag],
          imports: ['vecmath'],
          workDir: work,
          log: new MemoryLog(),
        }),
      ).rejects.toThrow(new RegExp(`pip does not install wheels tagged ${tag}`));
    },
  );
});
