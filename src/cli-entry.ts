#!/usr/bin/env node
/** The `algorithmia-wheel` command (package.json `bin`, bundled into dist/cli/index.js). */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
