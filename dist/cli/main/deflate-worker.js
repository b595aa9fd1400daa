import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  CJ: () => (/* binding */ deflateInto),
  Cl: () => (/* binding */ nativeDeflateWriter),
  b5: () => (/* binding */ runJob)
});

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/zip/deflate-worker.ts
/**
 * The deflate worker: a thread of DeflatePool (deflate-pool.ts). A typed entry of its own, bundled
 * by ncc beside each bundle as `deflate-worker.js` (script/bundle.mjs). It imports node builtins
 * only, so that, run from the sources (tests), it can be transpiled alone.
 *
 * Each piece is deflated straight into the batch's output buffer through the stream's native
 * handle (what zlib's own deflateRawSync does inside), so that a worker allocates nothing per
 * piece: garbage buffers would otherwise pile up to tens of MiB per thread before V8 collects
 * them. That is the one use of Node internals, isolated in `nativeDeflateWriter`; should a Node
 * version lack them, the public API does the same with one copy more, and
 * __tests__/zip/deflate-worker.test.ts fails loudly so that the loss is seen.
 */


const { Z_FINISH, Z_SYNC_FLUSH } = external_node_zlib_namespaceObject.constants;
/**
 * The stream's native synchronous write, or undefined when this Node has no such internals.
 * The only place that touches `_handle` and `_writeState`.
 */
function nativeDeflateWriter(engine) {
    const internals = engine;
    const handle = internals._handle;
    const state = internals._writeState;
    const writeSync = handle?.writeSync;
    if (!handle || typeof writeSync !== 'function' || !(state instanceof Uint32Array)) {
        return undefined;
    }
    return (flush, input, output, at, room) => {
        writeSync.call(handle, flush, input, 0, input.length, output, at, room);
        return [state[0], state[1]];
    };
}
/** Deflates one piece into `output` at `at`; returns the number of bytes written. */
function deflateInto(input, piece, level, output, at) {
    const flush = piece.last ? Z_FINISH : Z_SYNC_FLUSH;
    const dictionary = piece.dictionary ? { dictionary: piece.dictionary } : {};
    const room = output.length - at;
    const engine = new external_node_zlib_namespaceObject.DeflateRaw({ level, chunkSize: 64, ...dictionary });
    engine.on('error', () => undefined);
    try {
        const write = nativeDeflateWriter(engine);
        if (write) {
            const [availOut, availIn] = write(flush, input, output, at, room);
            if (engine.destroyed)
                throw new Error('zlib failed');
            if (availIn !== 0 || availOut === 0)
                throw new Error('deflate output exceeded its bound');
            return room - availOut;
        }
        const out = external_node_zlib_namespaceObject.deflateRawSync(input, { level, finishFlush: flush, ...dictionary });
        if (out.length >= room)
            throw new Error('deflate output exceeded its bound');
        return out.copy(output, at);
    }
    finally {
        engine.close();
    }
}
/** Runs one batch: every piece of `job.input` deflated into `job.output`, in order. */
function runJob(job) {
    try {
        const input = Buffer.from(job.input);
        const output = Buffer.from(job.output);
        let at = 0;
        const lengths = job.pieces.map((piece) => {
            const bytes = input.subarray(piece.offset, piece.offset + piece.length);
            const length = deflateInto(bytes, piece, job.level, output, at);
            at += length;
            return length;
        });
        return { id: job.id, lengths, input: job.input, output: job.output };
    }
    catch (error) {
        return { id: job.id, error: String((error instanceof Error && error.stack) || error) };
    }
}
const port = external_node_worker_threads_namespaceObject.parentPort;
if (port) {
    port.on('message', (job) => {
        const reply = runJob(job);
        port.postMessage(reply, reply.lengths ? [job.input, job.output] : []);
    });
}

var __webpack_exports__deflateInto = __webpack_exports__.CJ;
var __webpack_exports__nativeDeflateWriter = __webpack_exports__.Cl;
var __webpack_exports__runJob = __webpack_exports__.b5;
export { __webpack_exports__deflateInto as deflateInto, __webpack_exports__nativeDeflateWriter as nativeDeflateWriter, __webpack_exports__runJob as runJob };
