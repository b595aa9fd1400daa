#!/usr/bin/env node
/**
 * `npm run mutation [-- [--force] GROUP...]`: StrykerJS over the pure modules, one group of
 * script/mutation-groups.mjs after the other, then one table of scores per file and one per
 * group, the share of src/ lines the groups mutate, the survivors in
 * .cache/mutation/survivors.txt, and exit 1 when any group scores under 90%.
 * Not part of `npm test`: it takes minutes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATION_GROUPS } from './mutation-groups.mjs';

const root = join(import.meta.dirname, '..');
const BREAK = 90;
const args = process.argv.slice(2);
const force = args.includes('--force');
// `--baseline REF`: also score each file with only the test files that exist at REF (a mutant
// counts as killed before when one of their tests killed it; the runs do not bail).
const baselineAt = args.indexOf('--baseline');
const baseline = baselineAt >= 0 ? args[baselineAt + 1] : undefined;
const reportOnly = args.includes('--report-only');
const chosen = args.filter(
  (arg, i) =>
    arg !== '--force' && arg !== '--report-only' && i !== baselineAt && i !== baselineAt + 1,
);
const names = chosen.length ? chosen : Object.keys(MUTATION_GROUPS);
const started = Date.now();

for (const name of reportOnly ? [] : names) {
  if (!MUTATION_GROUPS[name]) {
    console.error(
      `no mutation group '${name}' (groups: ${Object.keys(MUTATION_GROUPS).join(', ')})`,
    );
    process.exit(2);
  }
  console.log(`\n== mutation group ${name}`);
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'stryker'),
    ['run', ...(force ? ['--force'] : [])],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MUTATION_GROUP: name },
    },
  );
  if (run.status !== 0) {
    console.error(`stryker failed for group ${name} (exit ${run.status})`);
    process.exit(run.status ?? 1);
  }
}

const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const rows = [];
const groupRows = [];
const survivors = [];
const existsAt = (path) =>
  spawnSync('git', ['cat-file', '-e', `${baseline}:${path}`], { cwd: root }).status === 0;
for (const name of names) {
  const report = JSON.parse(readFileSync(join(root, '.cache', 'mutation', `${name}.json`), 'utf8'));
  const oldTests = new Set();
  if (baseline) {
    for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) {
      if (existsAt(file)) for (const test of tests) oldTests.add(test.id);
    }
  }
  const group = { file: name, killed: 0, before: 0, total: 0 };
  groupRows.push(group);
  for (const [file, { mutants, source }] of Object.entries(report.files)) {
    const lines = source.split('\n');
    const counted = mutants.filter((m) => COUNTED.has(m.status));
    const killed = counted.filter((m) => KILLED.has(m.status)).length;
    const before = counted.filter(
      (m) => m.status === 'Timeout' || (m.killedBy ?? []).some((id) => oldTests.has(id)),
    ).length;
    rows.push({ file, killed, before, total: counted.length });
    group.killed += killed;
    group.before += before;
    group.total += counted.length;
    for (const m of counted.filter((m) => !KILLED.has(m.status))) {
      const { line, column } = m.location.start;
      survivors.push(
        `${file}:${line}:${column} ${m.status} ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}\n    ${lines[line - 1]?.trim()}`,
      );
    }
  }
}
rows.sort((a, b) => a.file.localeCompare(b.file));
const pct = (k, t) => (t === 0 ? 100 : (100 * k) / t);
const line = (file, killed, before, total) =>
  `${file.padEnd(34)} ${pct(killed, total).toFixed(1).padStart(5)}%  ${`${killed}/${total}`.padEnd(10)}` +
  (baseline ? ` ${pct(before, total).toFixed(1).padStart(5)}%  ${before}/${total}` : '');
console.log(
  `\n${'file'.padEnd(34)} score   killed/total${baseline ? ` with the tests of ${baseline} only` : ''}`,
);
for (const { file, killed, before, total } of rows) console.log(line(file, killed, before, total));
const killed = rows.reduce((s, r) => s + r.killed, 0);
const before = rows.reduce((s, r) => s + r.before, 0);
const total = rows.reduce((s, r) => s + r.total, 0);
console.log(line('total', killed, before, total));
console.log(`\n${'group'.padEnd(34)} score   killed/total`);
for (const { file, killed, before, total } of groupRows)
  console.log(line(file, killed, before, total));

// The share of src/ the groups mutate: lines of the mutated files over lines of all src/**/*.ts.
const linesOf = (file) => readFileSync(join(root, file), 'utf8').split('\n').length - 1;
const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => join('src', file));
const mutatedFiles = new Set(Object.values(MUTATION_GROUPS).flatMap((g) => g.mutate));
const allLines = sources.reduce((s, file) => s + linesOf(file), 0);
const mutatedLines = [...mutatedFiles].reduce((s, file) => s + linesOf(file), 0);
console.log(
  `\nmutated share of src/: ${mutatedLines}/${allLines} lines ` +
    `(${pct(mutatedLines, allLines).toFixed(1)}%) in ${mutatedFiles.size} of ${sources.length} files`,
);
console.log(
  `(${((Date.now() - started) / 60000).toFixed(1)} min; survivors: .cache/mutation/survivors.txt)`,
);
writeFileSync(join(root, '.cache', 'mutation', 'survivors.txt'), survivors.join('\n') + '\n');
const under = groupRows.filter((g) => pct(g.killed, g.total) < BREAK);
for (const g of under) {
  console.error(
    `mutation group ${g.file} scores ${pct(g.killed, g.total).toFixed(1)}%, under ${BREAK}%`,
  );
}
if (under.length) process.exit(1);
