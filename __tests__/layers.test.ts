import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, test } from 'vitest';
import { WINGS } from '../eslint.config.mjs';
import { findCycle, importGraph, type ImportGraph } from './helpers/import-graph.js';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

/** The wing of a module of src/ ('' for the entries at its top). */
const wingOf = (module: string): string => (module.includes('/') ? module.split('/')[0]! : '');

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
    expect(graph.get('pipeline/pipeline.ts')).toEqual(
      expect.arrayContaining(['pipeline/executors.ts', 'pipeline/publishers.ts']),
    );
  });

  test('holds only the entries at its top, and every other module in a wing of WINGS', () => {
    const top = [...graph.keys()].filter((m) => wingOf(m) === '').sort();
    expect(top).toEqual(['action-launcher.ts', 'action.ts', 'cli-launcher.ts', 'cli.ts']);
    const wings = new Set([...graph.keys()].map(wingOf).filter((w) => w !== ''));
    expect([...wings].sort()).toEqual([...WINGS].sort());
  });

  test('every import stays in its wing or runs down the wing order, never up', () => {
    const rank = (module: string): number => {
      const wing = wingOf(module);
      return wing === '' ? -1 : WINGS.indexOf(wing);
    };
    const upward = [...graph].flatMap(([from, targets]) =>
      targets
        .filter((t) => wingOf(t) !== wingOf(from) && rank(t) <= rank(from))
        .map((t) => `${from} -> ${t}`),
    );
    expect(upward).toEqual([]);
  });

  test('no two files share a name, no folder holds more than 15 files, none is over 450 lines', () => {
    const modules = [...graph.keys()];
    const names = modules.map((m) => basename(m));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const perFolder = new Map<string, number>();
    for (const m of modules) perFolder.set(dirname(m), (perFolder.get(dirname(m)) ?? 0) + 1);
    expect([...perFolder].filter(([, count]) => count > 15)).toEqual([]);
    const long = modules.filter((m) => readFileSync(join(src, m), 'utf8').split('\n').length > 450);
    expect(long).toEqual([]);
  });

  test('no two modules export a value, function, class or type of the same name', () => {
    const owners = new Map<string, string[]>();
    for (const m of graph.keys()) {
      const text = readFileSync(join(src, m), 'utf8');
      const declared =
        /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z0-9_$]+)/gm;
      for (const [, name] of text.matchAll(declared)) {
        owners.set(name!, [...(owners.get(name!) ?? []), m]);
      }
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
    expect(owners.size).toBeGreaterThan(200);
  });
});

describe('the AWS SDK of src/', () => {
  const graph = importGraph(src);
  const text = (m: string): string => readFileSync(join(src, m), 'utf8');
  // Static, type-only, re-exported and dynamic imports of the SDK.
  const sdkImport = /(?:from\s*|import\s*\(\s*|import\s+)['"]@aws-sdk\//;
  const valueImport =
    /^import\s+(?!type\b)[^;]*from\s*['"]@aws-sdk\/|import\s*\(\s*['"]@aws-sdk\//m;

  test('is named only in src/publish/s3/, and only the session imports its values', () => {
    const naming = [...graph.keys()].filter((m) => sdkImport.test(text(m))).sort();
    // The modules that send to S3 through the session stay many; those naming the SDK, few.
    expect(naming.length).toBeGreaterThan(0);
    expect(naming.filter((m) => !m.startsWith('publish/s3/'))).toEqual([]);
    expect(naming.filter((m) => valueImport.test(text(m)))).toEqual(['publish/s3/s3-session.ts']);
  });

  test('is sent to by the session alone: one client, one send', () => {
    const clients = [...graph.keys()].filter((m) => /new S3Client\s*\(/.test(text(m)));
    expect(clients).toEqual(['publish/s3/s3-session.ts']);
    const senders = [...graph.keys()].filter((m) => /\bclient\.send\s*\(/.test(text(m)));
    expect(senders).toEqual(['publish/s3/s3-session.ts']);
    // Every other S3 request of src/ is a session.send(operation, ...).
    const through = [...graph.keys()].filter((m) =>
      /\bsession\.send\(\s*$|\bsession\.send\(\s*'/m.test(text(m)),
    );
    expect(through.length).toBeGreaterThanOrEqual(9);
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
    ['src/publish/index/index-pages.ts', "import { open } from 'node:fs/promises';"],
    ['src/elf/reader.ts', "import { open } from 'node:fs/promises';"],
  ])('a pure module (%s) may not do I/O: %s', async (file, code) => {
    expect((await lint(file, code)).join('\n')).toMatch(/pure/);
  });

  test.each([
    ['src/publish/s3/s3-publish.ts', "import type { Inputs } from '../../inputs/inputs.js';"],
    ['src/exec/local.ts', "import { runPipeline } from '../pipeline/pipeline.js';"],
    ['src/python/x.ts', "import { artifactStep } from '../pipeline/publishers.js';"],
    ['src/elf/x.ts', "import { createExecutors } from '../pipeline/executors.js';"],
    ['src/wheel/x.ts', "import type { Inputs } from '../inputs/inputs.js';"],
    ['src/zip/x.ts', "import { packWheel } from '../wheel/pack.js';"],
    ['src/stage/x.ts', "import { RECEIPT } from '../publish/index/index-sidecars.js';"],
    ['src/log/x.ts', "import { ExecError } from '../exec/executor.js';"],
  ])('a wing (%s) may not import a wing above it: %s', async (file, code) => {
    expect((await lint(file, code)).join('\n')).toMatch(
      /may import only its own wing and the wings below/,
    );
  });

  const lintSdk = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return result!.messages
      .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
      .map((m) => m.message);
  };

  test.each([
    ['src/publish/index/x.ts', "import { GetObjectCommand } from '@aws-sdk/client-s3';"],
    ['src/publish/consumer/x.ts', "import type { S3Client } from '@aws-sdk/client-s3';"],
    ['src/pipeline/x.ts', "export { S3Client } from '@aws-sdk/client-s3';"],
    ['src/shell/x.ts', "import { fromEnv } from '@aws-sdk/credential-providers';"],
  ])('outside src/publish/s3/, %s may not name the AWS SDK: %s', async (file, code) => {
    expect((await lintSdk(file, code)).join('\n')).toMatch(/only through the run's S3 session/);
  });

  test('in src/publish/s3/, only the session imports values of the SDK', async () => {
    const value = "import { PutObjectCommand } from '@aws-sdk/client-s3';";
    expect((await lintSdk('src/publish/s3/s3-upload.ts', value)).join('\n')).toMatch(
      /only src\/publish\/s3\/s3-session.ts sends to S3/,
    );
    const type = "import type { GetObjectAclCommandOutput } from '@aws-sdk/client-s3';";
    expect(await lintSdk('src/publish/s3/s3-acl.ts', type)).toEqual([]);
    expect(await lintSdk('src/publish/s3/s3-session.ts', value)).toEqual([]);
  });

  test.each([
    ['src/pipeline/x.ts', "import { run } from '../action.js';"],
    ['src/base/x.ts', "import { main } from '../cli.js';"],
  ])('a wing (%s) may not import an entry: %s', async (file, code) => {
    expect((await lint(file, code)).join('\n')).toMatch(/entries at the top/);
  });

  test.each([
    ['src/pipeline/pipeline.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/publish/s3/s3-publish.ts', "import { readFile } from 'node:fs/promises';"],
    ['src/wheel/x.ts', "import { formatTag } from './tags.js';"],
    ['src/publish/s3/s3-publish.ts', "import type { Log } from '../../log/log.js';"],
    ['src/pipeline/publishers.ts', "import type { Inputs } from '../inputs/inputs.js';"],
    [
      'src/publish/s3/s3-beside.ts',
      "import { METADATA_SUFFIX } from '../index/index-sidecars.js';",
    ],
    ['src/wheel/pack.ts', "import { readFile } from 'node:fs/promises';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
