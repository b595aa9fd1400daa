// Loaded with `node --import` (NODE_OPTIONS) into the bundled action or command: the move of the
// packed `.partial` wheel into place never reports back, and nothing else is left running, so
// node ends the run with exit code 13 (a top-level await that can never settle). The fault
// sits at the OS boundary (node's fs), not inside our code.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const rename = fs.promises.rename;
fs.promises.rename = (from, to) =>
  String(from).endsWith('.partial') ? new Promise(() => {}) : rename(from, to);
syncBuiltinESMExports();
