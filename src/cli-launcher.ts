#!/usr/bin/env node
/** The `algorithmia-wheel` command (package.json `bin`, dist/cli/index.js): starts dist/cli/main/. */
import { launch } from './exec/launch.js';
import { needsWorkingProcess } from './exec/launch-plan.js';

// --help, --tool-version, usage errors and `yank` run here; `build` in a process with NODE_FLAGS.
launch(import.meta.url, 'main/index.js', (args) => !needsWorkingProcess(args));
