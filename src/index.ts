/** The action's entry point (action.yml `main`, bundled into dist/index.js). */
import { run } from './main.js';
import { relaunchWithFlags } from './node-flags.js';

const relaunched = relaunchWithFlags();
if (relaunched === undefined) await run();
else process.exitCode = relaunched;
