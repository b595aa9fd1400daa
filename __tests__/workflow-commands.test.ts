/**
 * src/workflow-commands.ts writes what @actions/core writes: both run here on the same hostile
 * values and their bytes (stdout, GITHUB_OUTPUT, the job summary) are compared.
 */
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ours from '../src/workflow-commands.js';

/** What `fn` writes to stdout (the runner reads workflow commands there). */
async function stdoutOf(fn: () => unknown): Promise<string> {
  let text = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    text += String(chunk);
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return text;
}

const HOSTILE = [
  'plain',
  '',
  '100% done\r\nsecond line\n::error::injected',
  'a:b,c=d %0A %25 ::',
  'tab\tand unicode é ✓',
];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('workflow commands, byte for byte as @actions/core', () => {
  it.each(HOSTILE)('info, debug, setSecret, group: %j', async (text) => {
    const run = async (lib: typeof ours | typeof core) => {
      lib.info(text);
      lib.debug(text);
      lib.setSecret(text);
      await lib.group(text, async () => lib.info('inside'));
    };
    expect(await stdoutOf(() => run(ours))).toBe(await stdoutOf(() => run(core)));
  });

  it.each(HOSTILE)('error and warning with and without properties: %j', async (text) => {
    const cases: ours.AnnotationProperties[] = [
      {},
      { title: text },
      { title: "algorithmia-wheel: input 'python'", file: text },
      { file: 'dir/a,b:c.so' },
      { title: '' },
    ];
    for (const properties of cases) {
      const mine = await stdoutOf(() => {
        ours.error(text, properties);
        ours.warning(text, properties);
      });
      const theirs = await stdoutOf(() => {
        core.error(text, properties);
        core.warning(text, properties);
      });
      expect(mine).toBe(theirs);
    }
  });

  it('getInput reads INPUT_<NAME> (spaces to underscores), trimmed unless asked not to', () => {
    vi.stubEnv('INPUT_BUILD-COMMAND', '  make all \n');
    vi.stubEnv('INPUT_MY_INPUT', '\n line one\nline two  \n');
    for (const name of ['build-command', 'my input', 'absent']) {
      for (const trimWhitespace of [true, false]) {
        expect(ours.getInput(name, { trimWhitespace })).toBe(
          core.getInput(name, { trimWhitespace }),
        );
      }
    }
  });

  it.each(HOSTILE)(
    'setOutput to GITHUB_OUTPUT (heredoc, random delimiter) and stdout: %j',
    async (value) => {
      const dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'));
      const outputs = (lib: typeof ours | typeof core): string => {
        const file = join(dir, `output-${lib === ours ? 'ours' : 'core'}`);
        writeFileSync(file, '');
        vi.stubEnv('GITHUB_OUTPUT', file);
        lib.setOutput('wheel', value);
        lib.setOutput('sha256', `${value}\nmore`);
        return readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIMITER');
      };
      expect(outputs(ours)).toBe(outputs(core));
      expect(outputs(ours)).toContain('wheel<<DELIMITER\n');
      vi.stubEnv('GITHUB_OUTPUT', '');
      expect(await stdoutOf(() => ours.setOutput('wheel', value))).toBe(
        await stdoutOf(() => core.setOutput('wheel', value)),
      );
      vi.stubEnv('GITHUB_OUTPUT', join(dir, 'missing'));
      expect(() => ours.setOutput('wheel', value)).toThrow(
        `Missing file at path: ${join(dir, 'missing')}`,
      );
      expect(() => core.setOutput('wheel', value)).toThrow(
        `Missing file at path: ${join(dir, 'missing')}`,
      );
    },
  );

  it('the job summary is appended as core.summary.addRaw().write() appends it; failures read the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workflow-summary-'));
    const mine = join(dir, 'ours.md');
    const theirs = join(dir, 'core.md');
    writeFileSync(mine, 'before\n');
    writeFileSync(theirs, 'before\n');
    const markdown = '## Wheel\n| a | b |\n|---|---|\n| 1 | <b>2</b> |\n';
    vi.stubEnv('GITHUB_STEP_SUMMARY', mine);
    await ours.appendSummary(markdown);
    await ours.appendSummary('again');
    vi.stubEnv('GITHUB_STEP_SUMMARY', theirs);
    await core.summary.addRaw(markdown).write();
    await core.summary.addRaw('again').write();
    expect(readFileSync(mine, 'utf8')).toBe(readFileSync(theirs, 'utf8'));

    const missing = join(dir, 'no-such-dir', 'summary.md');
    vi.stubEnv('GITHUB_STEP_SUMMARY', missing);
    const coreError = await core.summary
      .addRaw('x')
      .write()
      .then(
        () => undefined,
        (error: Error) => error.message,
      );
    core.summary.emptyBuffer();
    await expect(ours.appendSummary('x')).rejects.toThrow(coreError!);
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    await expect(ours.appendSummary('x')).rejects.toThrow('GITHUB_STEP_SUMMARY');
  });
});
