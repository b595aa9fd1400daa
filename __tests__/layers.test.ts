import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, test } from 'vitest';
import { findCycle, importGraph, type ImportGraph } from './helpers/import-graph.js';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

describe('the import graph of src/', () => {
  const graph = importGraph(src);

  test('has no cycle, type imports included', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(findCycle(graph)).toBeUndefined();
  });

  test('resolves every relative import to a file of src/', () => {
    const missing = [...graph].flatMap(([from, targets]) =>
      targets.filter((t) => !graph.has(t)).map((t) => `${from} -> ${t}`),
    );
    expect(missing).toEqual([]);
    // The composition roots are where the pipeline finds them.
    expect(graph.get('pipeline.ts')).toEqual(
      expect.arrayContaining(['executors.ts', 'publishers.ts', 'verified-wheel.ts']),
    );
  });

  test('leaf folders import neither the pipeline, inputs.ts nor a composition root', () => {
    const tops = ['pipeline.ts', 'inputs.ts', 'publishers.ts', 'executors.ts', 'main.ts', 'cli.ts'];
    const wrong = [...graph]
      .filter(([from]) => from.includes('/'))
      .flatMap(([from, targets]) =>
        targets.filter((t) => tops.includes(t)).map((t) => `${from} -> ${t}`),
      );
    expect(wrong).toEqual([]);
  });
});

describe('the cycle checker', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('finds a cycle of a synthetic graph and returns it closed', () => {
    const graph: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', []],
      ['d.ts', ['b.ts']],
    ]);
    expect(findCycle(graph)).toEqual(['b.ts', 'd.ts', 'b.ts']);
    expect(findCycle(new Map([['a.ts', ['a.ts']]]))).toEqual(['a.ts', 'a.ts']);
  });

  test('accepts a diamond (shared imports are no cycle)', () => {
    const graph: ImportGraph = new Map([
      ['a.ts', ['b.ts', 'c.ts']],
      ['b.ts', ['d.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', []],
    ]);
    expect(findCycle(graph)).toBeUndefined();
  });

  test('reads type-only, re-export and dynamic imports from files, across folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'leaf'));
    writeFileSync(
      join(dir, 'top.ts'),
      "import type { T } from './leaf/a.js';\nexport type U = T;\n",
    );
    writeFileSync(
      join(dir, 'leaf', 'a.ts'),
      "export { x } from './b.js';\nexport type T = number;\n",
    );
    writeFileSync(
      join(dir, 'leaf', 'b.ts'),
      "export const x = 1;\nexport const later = () => import('../top.js');\n",
    );
    const graph = importGraph(dir);
    expect(graph).toEqual(
      new Map([
        ['leaf/a.ts', ['leaf/b.ts']],
        ['leaf/b.ts', ['top.ts']],
        ['top.ts', ['leaf/a.ts']],
      ]),
    );
    expect(findCycle(graph)).toEqual(['leaf/a.ts', 'leaf/b.ts', 'top.ts', 'leaf/a.ts']);
  });
});

describe('the layer lint rules', () => {
  const eslint = new ESLint({ cwd: root });
  const lint = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result!.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.message);
  };

  test.each([
    ['src/wheel/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/wheel/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/wheel/x.ts', "import { spawn } from 'node:child_process';"],
    ['src/publish/x-plan.ts', "import { Worker } from 'node:worker_threads';"],
    ['src/exec/container-plan.ts', "import { execFile } from 'child_process';"],
    ['src/publish/index-pages.ts', "import { open } from 'node:fs/promises';"],
    ['src/elf/reader.ts', "import { open } from 'node:fs/promises';"],
  ])('a pure module (%s) may not do I/O: %s', async (file, code) => {
    expect((await lint(file, code)).join('\n')).toMatch(/pure/);
  });

  test.each([
    ['src/publish/s3.ts', "import type { Inputs } from '../inputs.js';"],
    ['src/exec/local.ts', "import { runPipeline } from '../pipeline.js';"],
    ['src/python/x.ts', "import { artifactStep } from '../publishers.js';"],
    ['src/elf/x.ts', "import { createExecutors } from '../executors.js';"],
    ['src/wheel/x.ts', "import type { Inputs } from '../inputs.js';"],
  ])('a leaf module (%s) may not import the top: %s', async (file, code) => {
    expect((await lint(file, code)).join('\n')).toMatch(/leaf folder/);
  });

  test.each([
    ['src/pipeline.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/publish/s3.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/wheel/x.ts', "import { formatTag } from './tags.js';"],
    ['src/publish/s3.ts', "import type { Log } from '../log.js';"],
    ['src/publishers.ts', "import type { Inputs } from './inputs.js';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
