import { defineConfig } from 'vitest/config';

/**
 * The unit tests `npm run mutation` runs against each mutant (see stryker.config.mjs): the fast
 * files that cover the pure modules under mutation. No end-to-end suite (they build C++ and run
 * the bundled action, which does not carry the mutant) and no JSON report.
 */
export const MUTATION_TESTS = [
  '__tests__/wheel/names.test.ts',
  '__tests__/wheel/tags.test.ts',
  '__tests__/wheel/version.test.ts',
  '__tests__/wheel/metadata.test.ts',
  '__tests__/wheel/requirement.test.ts',
  '__tests__/publish/artifact-plan.test.ts',
  '__tests__/publish/s3-plan.test.ts',
  '__tests__/publish/index-pages.test.ts',
  '__tests__/exec/container-plan.test.ts',
  '__tests__/inputs.test.ts',
  '__tests__/stage.test.ts',
  '__tests__/stage-walk.test.ts',
  '__tests__/stage-contents.test.ts',
  '__tests__/stage-exclude.test.ts',
];

export default defineConfig({
  test: {
    include: MUTATION_TESTS,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
