#!/usr/bin/env node
// Validates action.yml and every workflow under .github/workflows against the GitHub Actions
// schemas of action-validator (@action-validator/core, the library behind `npx action-validator`).
// Exits 1 on any error, listing each file's problems. For .ci/run:
//
//   node script/validate-actions.mjs [--root DIR]   (default: this repository)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateAction, validateWorkflow } from '@action-validator/core';

/**
 * action-validator 0.6's schema predates `runs.using: node24` (GitHub added it in 2025) and
 * rejects it as "OneOf conditions are not met". The runner accepts it, and node24 is what we
 * mean, so the action is validated as if it said node20: every other field is still checked.
 * Drop this when the schema knows node24 (`npx action-validator action.yml` passes).
 */
export function asNode20(actionYaml) {
  return actionYaml.replace(/^(\s*using:\s*)(['"]?)node24\2(\s*(#.*)?)$/m, '$1$2node20$2$3');
}

/** One line per leaf error; `one_of` errors nest the reasons of each alternative. */
export function describeErrors(errors, indent = '  ') {
  const lines = [];
  for (const error of errors) {
    const where = error.path ?? (error.location ? `line ${error.location.line}` : '');
    const detail = error.detail ? `: ${error.detail}` : '';
    lines.push(`${indent}${where ? `${where} ` : ''}${error.title}${detail}`);
    for (const [i, state] of (error.states ?? []).entries()) {
      lines.push(`${indent}  alternative ${i + 1}:`);
      lines.push(...describeErrors(state.errors, `${indent}    `));
    }
  }
  return lines;
}

function workflowFiles(root) {
  const dir = join(root, '.github', 'workflows');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function main(argv) {
  let root = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (argv[0] === '--root' && argv[1] && argv.length === 2) root = argv[1];
  else if (argv.length > 0) {
    console.error('usage: node script/validate-actions.mjs [--root DIR]');
    return 2;
  }
  const checks = [
    { file: join(root, 'action.yml'), validate: (text) => validateAction(asNode20(text)) },
    ...workflowFiles(root).map((file) => ({ file, validate: validateWorkflow })),
  ];
  let failed = 0;
  for (const { file, validate } of checks) {
    const shown = relative(root, file);
    if (!existsSync(file)) {
      console.error(`${shown}: missing`);
      failed++;
      continue;
    }
    const { errors } = validate(readFileSync(file, 'utf8'));
    if (errors.length === 0) {
      console.log(`${shown}: valid`);
      continue;
    }
    failed++;
    console.error(`${shown}: ${errors.length} error(s)`);
    for (const line of describeErrors(errors)) console.error(line);
  }
  if (failed > 0) {
    console.error(`validate-actions: ${failed} of ${checks.length} file(s) invalid`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
