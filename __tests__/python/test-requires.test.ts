// test-requires and the wheel's requires installed for test-command by the real pip of the default
// python3, from a folder of wheels made here (no network) or a file:// index, into folders of their
// own. Light (a pip run per case, one tiny wheel): the mutation group `pythonplans` runs it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, VerifyError } from '../../src/base/errors.js';
import { LocalExecutor } from '../../src/exec/local.js';
import { MemoryLog } from '../../src/log/log.js';
import {
  checkTestSource,
  installTestRequirements,
  sourceArgs,
  type TestSource,
} from '../../src/python/test-requires.js';
import { defaultPython3 } from '../helpers/python.js';

const dir = mkdtempSync(join(tmpdir(), 'test-requires-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const wheelhouse = join(dir, 'wheelhouse');
const emptyIndex = join(dir, 'empty-index');

/** A pure-python wheel of one module, `tinydep.py`, as any build backend would write it. */
async function writeTinyWheel(folder: string): Promise<void> {
  const info = 'tinydep-1.0.dist-info';
  const files: [string, string][] = [
    ['tinydep.py', 'ANSWER = 42\n'],
    [`${info}/METADATA`, 'Metadata-Version: 2.1\nName: tinydep\nVersion: 1.0\n'],
    [
      `${info}/WHEEL`,
      'Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    ],
  ];
  const zip = new ZipFile();
  for (const [name, text] of files) zip.addBuffer(Buffer.from(text), name);
  zip.addBuffer(
    Buffer.from(
      files
        .map(([name]) => `${name},,`)
        .concat(`${info}/RECORD,,`)
        .join('\n'),
    ),
    `${info}/RECORD`,
  );
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  writeFileSync(join(folder, 'tinydep-1.0-py3-none-any.whl'), Buffer.concat(chunks));
}

beforeAll(async () => {
  mkdirSync(wheelhouse);
  mkdirSync(emptyIndex);
  await writeTinyWheel(wheelhouse);
});

// pip's progress goes to the sink, not into the test's output.
const quiet = { stream: new Writable({ write: (_c, _e, done) => done() }), flush: () => {} };
const executor = new LocalExecutor(process.env, { output: quiet });

function options(source: TestSource, requires: string[], testRequires: string[], name: string) {
  const log = new MemoryLog();
  return {
    log,
    options: {
      executor,
      python: defaultPython3(),
      workDir: join(dir, name),
      cwd: dir,
      source,
      requires,
      testRequires,
      env: {},
      log,
    },
  };
}

describe("pip's source for test-requires", () => {
  it('a folder offline, or the index the user named', () => {
    expect(sourceArgs({ kind: 'folder', path: '/w/house' })).toEqual([
      '--no-index',
      '--find-links',
      '/w/house',
    ]);
    expect(sourceArgs({ kind: 'index', url: 'https://pypi.org/simple' })).toEqual([
      '--index-url',
      'https://pypi.org/simple',
    ]);
  });

  it('a folder must exist and be a folder; an index is not looked at before pip', async () => {
    await expect(checkTestSource({ kind: 'folder', path: wheelhouse })).resolves.toBeUndefined();
    await expect(
      checkTestSource({ kind: 'index', url: 'https://nowhere.invalid/simple' }),
    ).resolves.toBeUndefined();
    for (const path of [join(dir, 'missing'), join(wheelhouse, 'tinydep-1.0-py3-none-any.whl')]) {
      const error = await checkTestSource({ kind: 'folder', path }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).describe()).toBe(
        `Input 'test-find-links': the folder ${path} does not exist. Fix: build the wheelhouse in an earlier step (e.g. \`pip wheel -w wheelhouse pytest\`), or give an index URL.`,
      );
    }
  });
});

describe('installTestRequirements (real pip)', () => {
  it('installs requires into a folder of their own and says so; nothing for an empty list', async () => {
    const { log, options: opts } = options(
      { kind: 'folder', path: wheelhouse },
      ['tinydep==1.0'],
      [],
      'ok',
    );
    const installed = await installTestRequirements(opts);
    const target = join(dir, 'ok', 'requires');
    expect(installed).toEqual({ paths: [target], bins: [join(target, 'bin')] });
    expect(readFileSync(join(target, 'tinydep.py'), 'utf8')).toBe('ANSWER = 42\n');
    expect(existsSync(join(dir, 'ok', 'test-requires'))).toBe(false);
    expect(log.lines).toEqual(['requires: pip installed tinydep==1.0 for test-command']);
  });

  it("names the requirements, the folder, the input and the fix, with pip's error", async () => {
    const { log, options: opts } = options(
      { kind: 'folder', path: wheelhouse },
      [],
      ['tinydep', 'nosuchdep'],
      'missing',
    );
    const error = await installTestRequirements(opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerifyError);
    const e = error as VerifyError;
    expect(e.describe()).toBe(
      `Input 'test-requires': pip (${defaultPython3()}) on this machine could not install tinydep, nosuchdep from ${wheelhouse}. Fix: put wheels of these requirements and their own dependencies, for this python, into test-find-links (\`pip wheel -w DIR REQ\`).`,
    );
    // pip's stderr (its error), not its stdout ("Looking in links: ...").
    expect(e.details).toMatch(/No matching distribution found for nosuchdep$/);
    expect(e.details).not.toContain('Looking in links');
    expect(log.lines).toEqual([]);
  });

  it('a requires line that does not resolve from an index names the index and the requires fix', async () => {
    const url = `file://${emptyIndex}`;
    const { options: opts } = options({ kind: 'index', url }, ['nosuchdep'], ['tinydep'], 'index');
    const error = await installTestRequirements(opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VerifyError);
    const e = error as VerifyError;
    expect(e.input).toBe('requires');
    expect(e.message).toBe(
      `pip (${defaultPython3()}) on this machine could not install nosuchdep from the index ${url}.`,
    );
    expect(e.fix).toBe(
      'put wheels of every requirement (and theirs) into test-find-links, or fix the `requires` lines: the platform must resolve them too.',
    );
  });
});
