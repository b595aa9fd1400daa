import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  cell,
  defaultCell,
  formatTables,
  inputsTable,
  outputsTable,
  renderTables,
  replaceSection,
  TABLES_PAGE,
  DEFAULTS_MODULE,
} from '../../script/docs.mjs';
import { INPUT_NAMES, INPUT_SPECS } from '../../src/inputs/input-spec.js';
import { OUTPUT_NAMES, OUTPUT_SPECS } from '../../src/inputs/output-spec.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface ActionYaml {
  inputs: Record<string, { description?: string; default?: unknown; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
}
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as ActionYaml;

describe('action.yml and src/inputs/input-spec.ts describe the same inputs', () => {
  const declared = Object.keys(action.inputs);

  it('declares every input the code reads, and the code reads every declared input', () => {
    expect([...declared].sort()).toEqual([...INPUT_NAMES].sort());
  });

  it.each(declared)('%s has the same default in both', (name) => {
    const spec = INPUT_SPECS[name as keyof typeof INPUT_SPECS];
    // The runner passes action.yml's default; the CLI and the tests apply INPUT_SPECS'. A
    // difference would make the action and the local command build different wheels.
    expect(String(action.inputs[name]!.default ?? '')).toBe(spec.default);
  });

  it.each(declared)('%s has a description and is optional', (name) => {
    expect(action.inputs[name]!.description?.trim()).toBeTruthy();
    // Every input has a working default or is checked by the code with a user-facing fix; the
    // runner's `required` only warns, so it must not promise more.
    expect(action.inputs[name]!.required ?? false).toBe(false);
  });

  it.each(Object.keys(action.outputs))('output %s has a description', (name) => {
    expect(action.outputs[name]!.description?.trim()).toBeTruthy();
  });
});

describe('action.yml and src/inputs/output-spec.ts describe the same outputs', () => {
  it('declares every output the code sets, in the same order', () => {
    expect(Object.keys(action.outputs)).toEqual(OUTPUT_NAMES);
  });

  it.each(OUTPUT_NAMES)('%s has the same description in both', (name) => {
    // The outputs table of docs/ shows action.yml's text; the table in the code must say the same.
    expect(action.outputs[name]?.description?.trim()).toBe(OUTPUT_SPECS[name].description);
  });
});

describe('the inputs and outputs tables of docs/ (script/docs.mjs)', () => {
  it('escapes pipes and joins wrapped lines into one cell, keeping paragraphs apart', () => {
    expect(cell('a | b\n  c\n\nnext')).toBe('a \\| b c<br><br>next');
    expect(cell(undefined)).toBe('');
  });

  it('shows defaults as code, a multi-line one line by line, none as an empty cell', () => {
    expect(defaultCell('dist')).toBe('`dist`');
    expect(defaultCell('')).toBe('');
    expect(defaultCell(undefined)).toBe('');
    expect(defaultCell('a|b\nuses `x`\n')).toBe('`a\\|b`<br>`` uses `x` ``');
    expect(defaultCell(3)).toBe('`3`');
  });

  it('renders one row per input and output, in action.yml order', () => {
    const inputs = inputsTable({
      first: { description: 'The first.', default: 'x', required: true },
      second: { description: 'The second.' },
    }).split('\n');
    expect(inputs).toEqual([
      '| Input | Description | Default | Required |',
      '| --- | --- | --- | --- |',
      '| `first` | The first. | `x` | yes |',
      '| `second` | The second. |  | no |',
    ]);
    expect(outputsTable({ wheel: { description: 'Path.' } }).split('\n')[2]).toBe(
      '| `wheel` | Path. |',
    );
  });

  it('replaces only what lies between the markers', () => {
    const text = 'before\n<!-- t -->\nold\n<!-- /t -->\nafter\n';
    const out = replaceSection(text, 't', 'NEW');
    expect(out.startsWith('before\n<!-- t -->\n')).toBe(true);
    expect(out.endsWith('NEW\n\n<!-- /t -->\nafter\n')).toBe(true);
    expect(out).not.toContain('STALE-ROW');
    expect(replaceSection(out, 't', 'NEW')).toBe(out);
  });

  it.each([
    ['missing', 'no markers here\n'],
    ['doubled', '<!-- t -->\n<!-- /t -->\n<!-- t -->\n<!-- /t -->\n'],
    ['reversed', '<!-- /t -->\n<!-- t -->\n'],
  ])('refuses %s markers with the fix', (_label, text) => {
    expect(() => replaceSection(text, 't', 'x')).toThrow(/add the pair where the table belongs/);
  });

  it('formats the way prettier does, so a second run changes nothing', async () => {
    const page =
      '# T\n\n<!-- inputs-table -->\n<!-- /inputs-table -->\n\n<!-- outputs-table -->\n<!-- /outputs-table -->\n';
    const actionYaml = readFileSync(join(repo, 'action.yml'), 'utf8');
    const path = join(repo, TABLES_PAGE);
    const once = await formatTables(page, actionYaml, path);
    expect(await formatTables(once, actionYaml, path)).toBe(once);
    for (const name of Object.keys(action.inputs)) expect(once).toContain(`| \`${name}\``);
    for (const name of Object.keys(action.outputs)) expect(once).toContain(`| \`${name}\``);
    expect(renderTables(page, actionYaml)).toContain('Generated by `npm run docs`');
  });
});

describe('node script/docs.mjs on a copy of the repository files', () => {
  const root = mkdtempSync(join(tmpdir(), 'docs-'));
  const page = join(root, TABLES_PAGE);
  mkdirSync(dirname(page), { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(repo, 'script', 'docs.mjs'), '--root', root, ...args], {
      encoding: 'utf8',
    });

  it('--check fails with the fix, a plain run rewrites, then --check passes', () => {
    copyFileSync(join(repo, 'action.yml'), join(root, 'action.yml'));
    copyFileSync(join(repo, '.prettierrc.json'), join(root, '.prettierrc.json'));
    const stale =
      '# Title\n\n<!-- inputs-table -->\nSTALE-ROW\n<!-- /inputs-table -->\n\n<!-- outputs-table -->\n<!-- /outputs-table -->\n';
    writeFileSync(page, stale);

    const before = run('--check');
    expect(before.status).toBe(1);
    expect(before.stderr).toContain('out of date with action.yml: run `npm run docs`');
    expect(readFileSync(page, 'utf8')).toBe(stale);

    expect(run().status).toBe(0);
    const written = readFileSync(page, 'utf8');
    expect(written).toContain('| `output-dir`');
    expect(written).not.toContain('STALE-ROW');
    // The input defaults the code applies are written from the same action.yml.
    const defaults = readFileSync(join(root, DEFAULTS_MODULE), 'utf8');
    expect(defaults).toContain("'output-dir': 'dist',");
    expect(defaults).toContain('Generated by `npm run docs` from action.yml');

    const after = run('--check');
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
  });

  it('names the missing markers instead of passing', () => {
    copyFileSync(join(repo, 'action.yml'), join(root, 'action.yml'));
    writeFileSync(page, '# Title\n\n<!-- inputs-table -->\n<!-- /inputs-table -->\n');
    const result = run('--check');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"<!-- outputs-table -->"');
  });
});
