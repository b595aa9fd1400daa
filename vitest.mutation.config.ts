import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
// @ts-expect-error: a plain .mjs module shared with stryker.config.mjs and script/mutation.mjs
import { currentGroup } from './script/mutation-groups.mjs';

/**
 * The unit tests `npm run mutation` runs against each mutant (see script/mutation.mjs): the fast
 * files of the current group. No end-to-end suite (they run the bundled action, which does not
 * carry the mutant) and no JSON report.
 */
export default defineConfig({
  test: {
    include: (currentGroup() as { tests: string[] }).tests,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    // The reference answers (packaging) do not change between mutants: ask python once per run.
    env: { ALGORITHMIA_ORACLE_CACHE: join(import.meta.dirname, '.cache', 'oracle') },
  },
});
