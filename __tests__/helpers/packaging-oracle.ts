import { spawnSync } from 'node:child_process';
import { defaultPython3 } from './python.js';

/**
 * Runs `code` once in the default python3 (the one with `packaging`), with `input` as JSON on
 * stdin, and returns the JSON it prints: one interpreter for a whole corpus.
 */
export function askPackaging<T>(code: string, input: unknown): T {
  const python = defaultPython3();
  const result = spawnSync(python, ['-c', code], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${python} failed (${result.status}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** The packaging version the oracle runs (the corpus tests name it in their titles). */
export function packagingVersion(): string {
  return askPackaging<string>(
    'import json, packaging; print(json.dumps(packaging.__version__))',
    null,
  );
}
