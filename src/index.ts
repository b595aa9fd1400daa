/** The action's entry point (action.yml `main`, bundled into dist/index.js). */
import { run } from './main.js';

await run();
