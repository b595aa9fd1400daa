// Loaded with `node --import` (NODE_OPTIONS) into the bundled action or command: one call of
// node's fs/promises never reports back, so once nothing else is left running node ends the run
// with exit code 13 (a top-level await that can never settle). HANG_FS_CALL names the call and a
// piece of its first argument's path: `rename:.partial` (the packed wheel's move into place),
// `writeFile:/consumer/signed/` (the consumer check's copy of what it read). The fault sits at
// the OS boundary (node's fs), not inside our code.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [call, piece] = (process.env.HANG_FS_CALL ?? '').split(/:(.*)/s);
const original = fs.promises[call];
if (typeof original !== 'function' || !piece) {
  throw new Error(`HANG_FS_CALL=${process.env.HANG_FS_CALL}: want <fs.promises call>:<path piece>`);
}
fs.promises[call] = (path, ...rest) =>
  String(path).includes(piece) ? new Promise(() => {}) : original(path, ...rest);
syncBuiltinESMExports();
