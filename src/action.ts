/** The action's work (bundled into dist/action/index.js, started by dist/index.js: src/entry/). */
import { run } from './shell/action-run.js';

await run();
