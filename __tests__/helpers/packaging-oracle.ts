import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPython3 } from './python.js';

/**
 * Runs `code` once in the default python3 (the one with `packaging`), with `input` as JSON on
 * stdin, and returns the JSON it prints: one interpreter for a whole corpus.
 */
export function askPackaging<T>(code: string, input: unknown): T {
  // `npm run mutation` runs these tests once per mutant of our code: the reference's answers for
  // the same question do not change meanwhile, so it keeps them for the run (never in `npm test`).
  const cacheDir = process.env.ALGORITHMIA_ORACLE_CACHE;
  if (cacheDir) {
    const key = createHash('sha256').update(code).update('\0').update(JSON.stringify(input));
    const file = join(cacheDir, `${key.digest('hex')}.json`);
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      const answer = askPython<T>(code, input);
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(file, JSON.stringify(answer));
      return answer;
    }
  }
  return askPython<T>(code, input);
}

function askPython<T>(code: string, input: unknown): T {
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
