import { defineConfig } from 'vitest/config';

// The end-to-end tests compile C++ and spawn interpreters: keep two workers (one per core) and
// give them room; pure unit tests finish in milliseconds either way.
export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain 'N passed, N failed' line.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-results.json' }]],
  },
});
