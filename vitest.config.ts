import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
/** The node 24 binary of the `node` devDependency: the runtime action.yml declares. */
const node24 = join(root, 'node_modules', 'node', 'bin', 'node');

/**
 * The machine's own node: the first on PATH outside node_modules. (npm puts node_modules/.bin,
 * where the `node` devDependency links node 24, first on PATH for `npm test`.)
 */
function hostNode(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || resolve(dir).split('/').includes('node_modules')) continue;
    try {
      accessSync(join(dir, 'node'), constants.X_OK);
      return join(dir, 'node');
    } catch {
      // not here
    }
  }
  return process.execPath;
}

/** The end-to-end files that also run the bundled action under node 24. */
const NODE24_FILES = [
  '__tests__/e2e/action.test.ts',
  '__tests__/e2e/image.test.ts',
  '__tests__/e2e/publish.test.ts',
  // node 24 hands the 'exit' listener code 13 itself, node 20 only process.exitCode
  '__tests__/reliability/unsettled-exit.test.ts',
];

// The end-to-end tests compile C++ and spawn interpreters: keep two workers (one per core) and
// give them room; pure unit tests finish in milliseconds either way. Nothing slow is built in a
// hook: script/setup builds the test images before vitest starts.
export default defineConfig({
  test: {
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report lets .ci/run print a plain 'N passed, N failed' line.
    reporters: ['default', ['json', { outputFile: '.cache/vitest-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'host',
          include: ['__tests__/**/*.test.ts'],
          env: { ALGORITHMIA_ACTION_NODE: process.env.ALGORITHMIA_ACTION_NODE ?? hostNode() },
        },
      },
      {
        extends: true,
        test: {
          name: 'node24',
          include: NODE24_FILES,
          env: { ALGORITHMIA_ACTION_NODE: node24 },
        },
      },
    ],
  },
});
