/** The command's work (bundled into dist/cli/main/index.js, started by dist/cli/index.js). */
import { main } from './shell/command.js';

process.exitCode = await main(process.argv.slice(2));
