import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_NAMES, INPUT_SPECS } from '../../src/inputs/input-spec.js';
import { OUTPUT_NAMES, OUTPUT_SPECS } from '../../src/inputs/output-spec.js';

// Light (no script/docs.mjs run): the mutation group `inputspec` runs it against every mutant.
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
