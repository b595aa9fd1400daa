// @ts-check
import { currentGroup } from './script/mutation-groups.mjs';

const group = currentGroup();

/**
 * StrykerJS for one group of script/mutation-groups.mjs (MUTATION_GROUP); `npm run mutation`
 * (script/mutation.mjs) runs every group and sums up. Two workers at most (two cores).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Every covering test runs on each mutant, so the report says which tests kill it (and
  // script/mutation.mjs can say what the older tests alone would score: MUTATION_BASELINE_TESTS).
  disableBail: true,
  mutate: group.mutate,
  ignorePatterns: ['dist', 'bench/work', 'examples/**/build', '.cache', 'coverage'],
  tempDirName: '.cache/stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false },
  htmlReporter: { fileName: `.cache/mutation/${group.name}.html` },
  jsonReporter: { fileName: `.cache/mutation/${group.name}.json` },
  // Kept in .cache: a later run re-tests only the mutants whose code or covering tests changed
  // (`npm run mutation -- --force` re-tests everything).
  incremental: true,
  incrementalFile: `.cache/mutation/${group.name}.incremental.json`,
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10_000,
  warnings: { slow: false },
};
