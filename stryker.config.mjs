// @ts-check
/**
 * `npm run mutation`: StrykerJS mutates the pure modules and runs the fast unit tests that cover
 * them (vitest.mutation.config.ts) against each mutant. Not part of `npm test`; two workers at
 * most (the machines have two cores). Reports: the clear-text table on stdout, and
 * .cache/mutation/report.html and report.json.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  checkers: [],
  concurrency: 2,
  mutate: [
    'src/wheel/names.ts',
    'src/wheel/tags.ts',
    'src/wheel/version.ts',
    'src/wheel/metadata.ts',
    'src/wheel/requirement.ts',
    'src/publish/artifact-plan.ts',
    'src/publish/s3-plan.ts',
    'src/publish/index-pages.ts',
    'src/exec/container-plan.ts',
    'src/inputs.ts',
    'src/stage.ts',
  ],
  ignorePatterns: ['dist', 'bench/work', 'examples/**/build', '.cache', 'coverage'],
  tempDirName: '.cache/stryker-tmp',
  incremental: false,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '.cache/mutation/report.html' },
  jsonReporter: { fileName: '.cache/mutation/report.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  timeoutMS: 10_000,
  cleanTempDir: 'always',
};
