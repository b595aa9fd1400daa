export const id = 933;
export const ids = [933];
export const modules = {

/***/ 99933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBuild: () => (/* binding */ runBuild)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/cancel.ts
/**
 * Cancellation of the working process: the runner cancels a step with SIGINT (some versions
 * SIGHUP), then SIGTERM 7.5 s later, then kills the process tree 2.5 s after that. Any of these
 * signals, or the launcher (src/exec/launch.ts) going away, aborts one AbortSignal that every step
 * gets: running commands are stopped, an upload in flight is aborted, no later step starts.
 */

const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** After a cancel, the process exits by itself this long later even if a step hangs. */
const CANCEL_DEADLINE_MS = 6000;
function cancelledError(cause) {
    return new errors/* CancelledError */.cc(`the run was cancelled (${cause}).`, {
        fix: 're-run the job; a re-run aborts the uploads this run left unfinished.',
    });
}
/**
 * Turns SIGINT/SIGTERM/SIGHUP and the loss of the launcher's IPC channel into an aborted signal
 * whose reason is a CancelledError. A repeated signal changes nothing; CANCEL_DEADLINE_MS after
 * the first, the process exits with code 130 whatever is still running.
 */
function cancelOnSignals(proc = process) {
    const controller = new AbortController();
    const cancel = (cause) => {
        if (controller.signal.aborted)
            return;
        controller.abort(cancelledError(cause));
        setTimeout(() => proc.exit(130), CANCEL_DEADLINE_MS).unref();
    };
    const onSignal = (signal) => cancel(signal);
    const onDisconnect = () => cancel('the launching process went away');
    for (const signal of CANCEL_SIGNALS)
        proc.on(signal, onSignal);
    if (proc.channel) {
        // The channel only tells us when the launcher dies; it must not keep this process alive.
        proc.channel.unref();
        proc.on('disconnect', onDisconnect);
    }
    return {
        signal: controller.signal,
        dispose() {
            for (const signal of CANCEL_SIGNALS)
                proc.off(signal, onSignal);
            proc.off('disconnect', onDisconnect);
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/cli-output.ts

/**
 * The CLI's outputs on stdout. `lines`: `name=value` for a one-line value and, for a value with
 * line breaks, the heredoc form GITHUB_OUTPUT uses:
 *
 *     name<<ghadelimiter_<uuid>
 *     first line
 *     second line
 *     ghadelimiter_<uuid>
 *
 * (a delimiter that occurs in no line of the value). `json`: one JSON object on one line.
 */
function formatOutputs(outputs, format, newDelimiter = () => `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`) {
    if (format === 'json')
        return `${JSON.stringify(outputs)}\n`;
    let text = '';
    for (const [name, value] of Object.entries(outputs)) {
        if (!/[\r\n]/.test(value)) {
            text += `${name}=${value}\n`;
            continue;
        }
        const lines = value.split(/\r\n|\r|\n/);
        let delimiter = newDelimiter();
        while (lines.includes(delimiter))
            delimiter = newDelimiter();
        text += `${name}<<${delimiter}\n${lines.join('\n')}\n${delimiter}\n`;
    }
    return text;
}

// EXTERNAL MODULE: ./src/console-log.ts
var console_log = __webpack_require__(21433);
// EXTERNAL MODULE: ./src/inputs.ts + 1 modules
var src_inputs = __webpack_require__(66316);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/redact-stream.ts


/**
 * The output sink of the user's commands: a Writable that writes what it receives to `sink`
 * with every secret replaced. A secret cut in two by a chunk boundary is still caught: the end
 * of an unfinished line that could be the start of a secret is held back until the next chunk
 * (or `flush`). Secrets never span a line break (they are masked line by line), so whole lines
 * go out at once; progress bars (`\r`) count as line ends too.
 */
class RedactingStream extends external_node_stream_.Writable {
    redactor;
    sink;
    pending = '';
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    constructor(redactor, sink) {
        super({ decodeStrings: true });
        this.redactor = redactor;
        this.sink = sink;
    }
    _write(chunk, _encoding, callback) {
        this.push(this.decoder.write(chunk));
        callback();
    }
    _final(callback) {
        this.flush();
        callback();
    }
    /** The stream itself: a RedactingStream is an OutputSink of the executors. */
    get stream() {
        return this;
    }
    /** Writes out what is held back (call when the command ended). */
    flush() {
        const rest = this.pending + this.decoder.end();
        this.pending = '';
        if (rest)
            this.sink.write(this.redactor.redact(rest));
    }
    push(text) {
        const all = this.pending + text;
        const lastBreak = Math.max(all.lastIndexOf('\n'), all.lastIndexOf('\r'));
        const lines = lastBreak >= 0 ? all.slice(0, lastBreak + 1) : '';
        const partial = this.redactor.redact(all.slice(lastBreak + 1));
        const keep = this.redactor.unsafeTail(partial);
        const out = this.redactor.redact(lines) + partial.slice(0, partial.length - keep);
        this.pending = partial.slice(partial.length - keep);
        if (out)
            this.sink.write(out);
    }
}

;// CONCATENATED MODULE: ./src/redacting-log.ts
/**
 * A Log that removes every secret from what it prints, and whose `setSecret` both registers
 * the value with the redactor and forwards it (`::add-mask::` in Actions). Code that learns a
 * credential (the AWS chain) calls `log.setSecret` once; everything printed later is clean.
 */
class RedactingLog {
    inner;
    redactor;
    constructor(inner, redactor) {
        this.inner = inner;
        this.redactor = redactor;
    }
    info(message) {
        this.inner.info(this.redactor.redact(message));
    }
    warning(message, properties = {}) {
        const clean = {};
        if (properties.file !== undefined)
            clean.file = this.redactor.redact(properties.file);
        if (properties.title !== undefined)
            clean.title = this.redactor.redact(properties.title);
        this.inner.warning(this.redactor.redact(message), clean);
    }
    debug(message) {
        this.inner.debug(this.redactor.redact(message));
    }
    group(name, fn) {
        return this.inner.group(this.redactor.redact(name), fn);
    }
    setSecret(value) {
        for (const piece of this.redactor.add(value))
            this.inner.setSecret(piece);
    }
}
/**
 * Registers every value the redactor already holds with the log's masking (`::add-mask::`),
 * before anything else is printed.
 */
function maskAll(log, redactor) {
    for (const value of redactor.values)
        log.setSecret(value);
}

;// CONCATENATED MODULE: ./src/cli-build.ts
/**
 * The local command's build (loaded by src/cli.ts once the flags are parsed): runs the pipeline
 * with a console log, prints the outputs on stdout, and turns errors into one `error:` line.
 */








/** Runs `build` with the parsed flag values; returns the exit code. */
async function runBuild(values, json) {
    // One redactor for the run (see main.ts): nothing printed carries a credential.
    const redactor = redact/* Redactor */.pO.fromEnvironment(process.env);
    const clean = (text) => redactor.redact(text);
    const log = new RedactingLog(new console_log/* ConsoleLog */.w(process.env.RUNNER_DEBUG === '1'), redactor);
    const commandOutput = new RedactingStream(redactor, process.stderr);
    const cancellation = cancelOnSignals();
    try {
        const inputs = (0,src_inputs/* getInputs */.GP)((name) => values.get(name) ?? '', process.env);
        // The pipeline loads once the inputs are valid: a bad input is rejected without it.
        const { runPipeline } = await __webpack_require__.e(/* import() */ 503).then(__webpack_require__.bind(__webpack_require__, 21503));
        const result = await runPipeline(inputs, {
            log,
            env: process.env,
            commandOutput,
            signal: cancellation.signal,
        });
        const outputs = Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [name, clean(value)]));
        process.stdout.write(formatOutputs(outputs, json ? 'json' : 'lines'));
        return 0;
    }
    catch (error) {
        commandOutput.flush();
        if (error instanceof errors/* UserError */.yo) {
            process.stderr.write(clean(`error: ${error.describe()}\n${error.details ? `${error.details}\n` : ''}`));
        }
        else {
            process.stderr.write(clean(`error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
        }
        return error instanceof errors/* CancelledError */.cc ? 130 : 1;
    }
    finally {
        cancellation.dispose();
    }
}


/***/ })

};
