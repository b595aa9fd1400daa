#!/usr/bin/env node
/** The `algorithmia-wheel` command (package.json `bin`, bundled into dist/cli/index.js). */
import { main } from './cli.js';
import { relaunchWithFlags } from './node-flags.js';

const relaunched = relaunchWithFlags();
process.exitCode = relaunched ?? (await main(process.argv.slice(2)));
