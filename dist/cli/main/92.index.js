export const id = 92;
export const ids = [92];
export const modules = {

/***/ 27092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  verifyPublished: () => (/* binding */ verifyPublished)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(34758);
// EXTERNAL MODULE: ./src/python/verify-install.ts
var verify_install = __webpack_require__(24399);
// EXTERNAL MODULE: ./src/wheel/names.ts
var names = __webpack_require__(44295);
// EXTERNAL MODULE: ./src/publish/index/index-pages.ts + 1 modules
var index_pages = __webpack_require__(14744);
// EXTERNAL MODULE: ./src/log/redact.ts
var redact = __webpack_require__(94361);
// EXTERNAL MODULE: ./src/log/text-tail.ts
var text_tail = __webpack_require__(3342);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(784);
// EXTERNAL MODULE: ./src/publish/s3/s3-errors.ts
var s3_errors = __webpack_require__(94556);
;// CONCATENATED MODULE: ./src/publish/consumer/consumer-read-plan.ts
/**
 * Pure limits of the consumer check's reads: a hostile or broken server must end each read in a
 * named failure (too large, truncated, stalled, too slow), never in an unbounded wait or an
 * unbounded buffer.
 */

/** 16 KiB per 20 s: any working link does far better; a drip of 1 byte/s ends in 20 s. */
const STALL_WINDOW_MS = 20_000;
const MIN_BYTES_PER_WINDOW = 16 * 1024;
/** An index page bigger than this is not one we wrote (ours list one project's files). */
const MAX_PAGE_BYTES = 32 * 1024 * 1024;
/** Limits for reading the wheel: its exact size is known. */
function wheelReadLimits(size, timeoutMs) {
    return {
        maxBytes: size,
        expectedBytes: size,
        windowMs: STALL_WINDOW_MS,
        minBytesPerWindow: MIN_BYTES_PER_WINDOW,
        timeoutMs,
    };
}
/** Limits for reading an index page: only an upper bound. */
function pageReadLimits(timeoutMs) {
    return {
        maxBytes: MAX_PAGE_BYTES,
        windowMs: STALL_WINDOW_MS,
        minBytesPerWindow: MIN_BYTES_PER_WINDOW,
        timeoutMs,
    };
}
/** The bytes a window must bring: the minimum, or what is still missing when less. */
function windowTarget(limits, received) {
    if (limits.expectedBytes === undefined)
        return limits.minBytesPerWindow;
    return Math.max(1, Math.min(limits.minBytesPerWindow, limits.expectedBytes - received));
}
/** The named failure of a read that went wrong, with what the user can do. */
function readFaultError(fault, read) {
    const { what, url, limits } = read;
    const of = limits.expectedBytes === undefined ? '' : ` of ${limits.expectedBytes}`;
    const network = 're-run the job; if it persists, check what answers at that URL for the platform ' +
        '(s3-endpoint, s3-region, a proxy or CDN in front of the bucket).';
    switch (fault.kind) {
        case 'too-large': {
            const size = fault.announced !== undefined
                ? `announces ${fault.announced} bytes`
                : `sent more than ${limits.maxBytes} bytes`;
            const bound = limits.expectedBytes !== undefined
                ? `the published wheel is ${limits.expectedBytes} bytes`
                : `the limit is ${limits.maxBytes} bytes`;
            return new errors/* PublishError */.S1(`The platform's read of ${what} (${url}) was stopped: the server ${size}, but ${bound}.`, {
                input: 'verify-published',
                fix: 'something other than the uploaded object answers at that URL (a proxy, a CDN, a ' +
                    'wrong s3-endpoint, or another job overwrote it): ' +
                    network,
            });
        }
        case 'truncated':
            return new errors/* PublishError */.S1(`The platform's read of ${what} (${url}) ended after ${fault.received}${of} bytes: ` +
                `${fault.cause}.`, { input: 'verify-published', fix: network });
        case 'stalled':
            return new errors/* PublishError */.S1(`The platform's read of ${what} (${url}) stalled: ${fault.inWindow} bytes in the last ` +
                `${limits.windowMs / 1000} s (${fault.received}${of} bytes read); a read must bring ` +
                `at least ${limits.minBytesPerWindow} bytes (or the rest) every ${limits.windowMs / 1000} s.`, { input: 'verify-published', fix: network });
        case 'timeout':
            return new errors/* PublishError */.S1(`The platform's read of ${what} (${url}) took longer than ${limits.timeoutMs / 1000} s ` +
                `(${fault.received}${of} bytes read).`, { input: 'verify-published', fix: network });
    }
}

// EXTERNAL MODULE: ./src/publish/consumer/verify-published-plan.ts
var verify_published_plan = __webpack_require__(5694);
;// CONCATENATED MODULE: ./src/publish/consumer/consumer-read.ts
/**
 * The consumer check's reads of what was published: streamed and hashed as they arrive, with the
 * expected size as the limit, a progress window (a drip of bytes counts as a stall), a deadline
 * and the run's cancellation. Each way a read goes wrong ends in a named failure
 * (consumer-read-plan.ts); a cancel ends in the run's own CancelledError.
 */






const ERROR_BODY_BYTES = 2000;
function secrets() {
    return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
        .map((name) => process.env[name])
        .filter((value) => !!value);
}
/** The message of an error and of its causes (undici says `terminated`, its cause says why). */
function causeChain(error) {
    const parts = [];
    let current = error;
    for (let depth = 0; current && depth < 4; depth++) {
        const message = (0,errors/* errorMessage */.gJ)(current);
        if (message && !parts.includes(message))
            parts.push(message);
        current = current.cause;
    }
    return parts.join(': ') || 'the connection closed';
}
/**
 * Opens and reads one body within `request.limits`. `open` gets the signal that stops the
 * request; an error thrown before the headers came is passed to `openFailed`.
 */
async function boundedRead(request, open, openFailed) {
    const { limits } = request;
    const controller = new AbortController();
    let fault;
    let received = 0;
    let inWindow = 0;
    const stop = (found) => {
        fault ??= found;
        controller.abort();
    };
    const onCancel = () => controller.abort(request.signal?.reason);
    request.signal?.addEventListener('abort', onCancel, { once: true });
    const deadline = setTimeout(() => stop({ kind: 'timeout', received }), limits.timeoutMs);
    const window = setInterval(() => {
        if (inWindow < windowTarget(limits, received))
            stop({ kind: 'stalled', received, inWindow });
        inWindow = 0;
    }, limits.windowMs);
    const failure = (error) => {
        const reason = request.signal?.reason;
        if (request.signal?.aborted)
            return reason instanceof Error ? reason : new Error(String(reason));
        if (fault)
            return readFaultError(fault, request);
        return readFaultError({ kind: 'truncated', received, cause: causeChain(error) }, request);
    };
    try {
        if (request.signal?.aborted)
            throw request.signal.reason;
        let opened;
        try {
            opened = await open(controller.signal);
        }
        catch (error) {
            if (request.signal?.aborted || fault)
                throw failure(error);
            throw openFailed(error);
        }
        const ok = opened.status >= 200 && opened.status < 300;
        const max = ok ? limits.maxBytes : ERROR_BODY_BYTES;
        if (ok && opened.length !== undefined && opened.length > max) {
            stop({ kind: 'too-large', announced: opened.length, received });
            throw failure(undefined);
        }
        const hash = (0,external_node_crypto_.createHash)('sha256');
        const chunks = [];
        try {
            for await (const chunk of opened.body ?? []) {
                received += chunk.length;
                inWindow += chunk.length;
                if (received > max) {
                    if (!ok)
                        break;
                    stop({ kind: 'too-large', received });
                    throw failure(undefined);
                }
                hash.update(chunk);
                chunks.push(Buffer.from(chunk));
            }
        }
        catch (error) {
            if (error instanceof errors/* PublishError */.S1)
                throw error;
            if (!ok)
                return { status: opened.status, bytes: Buffer.concat(chunks), sha256: '' };
            throw failure(error);
        }
        if (ok && limits.expectedBytes !== undefined && received < limits.expectedBytes) {
            throw failure(new Error('the body ended early'));
        }
        return { status: opened.status, bytes: Buffer.concat(chunks), sha256: hash.digest('hex') };
    }
    finally {
        clearTimeout(deadline);
        clearInterval(window);
        request.signal?.removeEventListener('abort', onCancel);
        if (!controller.signal.aborted)
            controller.abort();
    }
}
/** An unsigned GET: what a public URL or a bucket policy for everyone gives. */
async function anonymousRead(request, key, target) {
    const { url, what } = request;
    const result = await boundedRead(request, async (signal) => {
        const response = await fetch(url, { signal, redirect: 'follow' });
        const length = response.headers.get('content-length');
        return {
            status: response.status,
            ...(length !== null && /^\d+$/.test(length) ? { length: Number(length) } : {}),
            body: response.body,
        };
    }, (error) => new errors/* PublishError */.S1(`The platform's read of ${what} (${url}) failed: ${causeChain(error)}.`, {
        input: 'verify-published',
        fix: 'check that the URL is reachable from where the platform runs (s3-endpoint, s3-region).',
    }));
    if (result.status === 403 || result.status === 404) {
        throw (0,verify_published_plan/* readRefusedError */.tf)({ ...target, status: result.status, url, key, what });
    }
    if (result.status < 200 || result.status >= 300) {
        throw new errors/* PublishError */.S1(`The platform's read of ${what} (${url}) got HTTP ${result.status}.`, {
            input: 'verify-published',
            fix: 're-run the job; if it persists, check the bucket and the endpoint.',
            details: (0,redact/* redactText */.Rd)(result.bytes.toString('utf8'), secrets(), [redact/* AWS_ACCESS_KEY_ID */.Fb]),
        });
    }
    return result;
}
/** A GetObject signed with the runner's credentials: a platform that reads with its own role. */
async function signedRead(request, key, target) {
    const { session } = target;
    return boundedRead(request, async (signal) => {
        const object = await session.send('GetObject', { Bucket: target.bucket, Key: key }, { signal: AbortSignal.any([signal, session.deadline(request.limits.timeoutMs)]) });
        return {
            status: 200,
            ...(object.ContentLength !== undefined ? { length: object.ContentLength } : {}),
            body: object.Body,
        };
    }, (error) => {
        const { status, code } = (0,s3_errors/* s3ErrorCode */.az)(error);
        if (status === 403 || status === 404) {
            return (0,verify_published_plan/* readRefusedError */.tf)({ ...target, status, url: request.url, key, what: request.what });
        }
        return new errors/* PublishError */.S1(`The signed read of ${request.url} failed: ${code}.`, {
            input: 'verify-published',
            fix: 're-run the job; if it persists, check the bucket and the credentials.',
            details: session.redact((0,errors/* errorMessage */.gJ)(error)),
        });
    });
}

;// CONCATENATED MODULE: ./src/publish/consumer/pip-choice-plan.ts
/**
 * Pure part of the consumer check's proof of the exact file: the `pip download` that lets the
 * platform's pip choose a file the way `pip install` would (every pip from 8 on has it; none
 * before 22.2 has `--report`), and the failure that names the file
 * pip chose and why pip preferred it to ours.
 */



/**
 * The argv with which the platform's pip chooses and fetches a file for `source` (a
 * `name==version` with `--index-url`, or the pinned URL) into `dest`, without AWS credentials or
 * pip configuration, and without installing it.
 */
function consumerDownloadArgv(options) {
    const strip = verify_published_plan/* AWS_CREDENTIAL_VARIABLES */.iW.flatMap((name) => ['-u', name]);
    return [
        'env',
        ...strip,
        options.python,
        '-E',
        '-s',
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--no-cache-dir',
        '--disable-pip-version-check',
        '-v',
        '-d',
        options.dest,
        ...options.source,
    ];
}
/** Why pip took `chosen` over `ours` for the same requirement (both wheel names). */
function whyPipPreferred(ours, chosen, oursSha256) {
    const a = (0,names/* parseWheelFileName */.QW)(ours);
    const b = (0,names/* parseWheelFileName */.QW)(chosen.fileName);
    if (chosen.fileName === ours) {
        return (`it has our file name but other bytes (${chosen.size} bytes, sha256 ${chosen.sha256}; ` +
            `ours is sha256 ${oursSha256}): the object was overwritten, or something between the ` +
            'bucket and pip serves another copy');
    }
    if (!a || !b)
        return `pip took ${chosen.fileName}, which is not our file`;
    if (a.version !== b.version) {
        if (b.version.startsWith(`${a.version}+`)) {
            return (`its local version ${b.version} matches ==${a.version} (PEP 440: a version without a ` +
                `local label matches every local version of it), and pip ranks ${b.version} above ` +
                `${a.version}`);
        }
        return `pip ranks its version ${b.version} above ours (${a.version}) for this requirement`;
    }
    if ((a.build ?? '') !== (b.build ?? '')) {
        return `same version, and pip ranks its build tag ${b.build ?? '(none)'} above ours (${a.build ?? '(none)'})`;
    }
    return (`same version, and its tag ${b.tag} ranks above ours (${a.tag}) for this interpreter: pip ` +
        'takes the most specific tag it supports (a manylinux tag over linux_x86_64, a newer ' +
        'manylinux over an older one, an interpreter-specific tag over py3-none-any)');
}
/** The failure when the documented line does not install our file. */
function wrongFileError(options) {
    const { chosen, ours } = options;
    const why = whyPipPreferred(ours.fileName, chosen, ours.sha256);
    const fix = options.index
        ? `only one build of a version may match an interpreter under one prefix: give each build ` +
            `(a local version such as +gpu, another platform tag) its own s3-prefix, or delete ` +
            `${chosen.fileName} from ${options.location} and re-run (the index is rebuilt from the ` +
            'listing). Depend on the pinned line (the requirement output: the URL with #sha256=), ' +
            'which installs this file or nothing.'
        : 'the object at the URL is not the wheel this run published: re-run the job; if it ' +
            'persists, check what answers at that URL for the platform (a proxy or CDN).';
    return new errors/* PublishError */.S1(`The platform's pip (${options.python}) installs ${chosen.fileName} for "${options.line}", ` +
        `not the wheel this run published (${ours.fileName}): ${why}.`, { input: 'verify-published', fix });
}

;// CONCATENATED MODULE: ./src/publish/consumer/verify-published.ts
/**
 * The consumer check (`verify-published`): after the upload and the index update, prove that the
 * platform installs the exact file that was published, the way it will:
 *
 * 1. the wheel's URL is read as the platform reads it (an unsigned GET for `anonymous`, a signed
 *    GetObject for `credentials`), streamed within the wheel's size, and its bytes must hash to
 *    the wheel's sha256;
 * 2. the matching interpreter's own pip, through the executor (in the image with `image`) and
 *    with every AWS credential variable removed, chooses and fetches a file for the documented
 *    line (`name==version` from the published index with s3-index, else the pinned URL with
 *    `#sha256=`) with `pip download`; that file's name and sha256 must be the published wheel's,
 *    or the check fails naming the file pip chose and why pip preferred it;
 * 3. that proven file is installed into a fresh target, and the `import` check runs on it.
 *
 * A signed reader cannot be imitated by pip, so with `credentials` pip installs the bytes the
 * signed read returned (already proven identical) instead of reading S3 itself.
 */















/** Each read's upper bound, and pip's for its whole download. */
const DEFAULT_TIMEOUT_MS = 5 * 60_000;
const ISOLATED_ENV = { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' };
function verify_published_secrets() {
    return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
        .map((name) => process.env[name])
        .filter((value) => !!value);
}
async function fileSha256(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
function pipFailed(options, what, result) {
    return new errors/* PublishError */.S1(`The platform's pip (${options.python}) could not install ${what} as published.`, {
        input: 'verify-published',
        fix: "read pip's message: a 403/404 is read access (s3-acl, the bucket policy, Block Public " +
            'Access); "no matching distribution" means the index does not offer this python the ' +
            'wheel (tags, requires-python). The object stays published; re-running re-checks it.',
        details: (0,redact/* redactText */.Rd)((0,text_tail/* lastLines */.w$)(`${result.stdout}\n${result.stderr}`, 30), verify_published_secrets(), [
            redact/* AWS_ACCESS_KEY_ID */.Fb,
        ]),
    });
}
function pipTimedOut(options, line, timeoutMs, result) {
    return new errors/* PublishError */.S1(`The platform's pip (${options.python}) did not finish fetching "${line}" within ` +
        `${Math.round(timeoutMs / 1000)} s and was stopped, with every process it started.`, {
        input: 'verify-published',
        fix: 'our own read of the wheel finished in time, so look at what stands between pip and the ' +
            'bucket (a proxy in HTTP_PROXY/HTTPS_PROXY, a CDN in front of the endpoint). The object ' +
            'stays published; re-running re-checks it.',
        details: (0,redact/* redactText */.Rd)((0,text_tail/* lastLines */.w$)(`${result.stdout}\n${result.stderr}`, 30), verify_published_secrets(), [
            redact/* AWS_ACCESS_KEY_ID */.Fb,
        ]),
    });
}
/**
 * Lets the platform's pip choose and fetch a file for `source` into a fresh folder, then proves
 * the file it chose is the published wheel (name and sha256). Returns its path and pip's log.
 */
async function proveChoice(options, line, source, location) {
    const { wheel, log } = options;
    const dest = (0,external_node_path_.join)(options.workDir, 'download');
    const cwd = (0,external_node_path_.join)(options.workDir, 'cwd');
    await (0,promises_.mkdir)(dest, { recursive: true });
    await (0,promises_.mkdir)(cwd, { recursive: true });
    const argv = consumerDownloadArgv({ python: options.python, dest, source });
    // pip's own socket timeout never ends a server that drips a byte every few seconds.
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const result = await options.executor.run(argv, { cwd, env: ISOLATED_ENV, timeoutMs });
    const pipLog = `${result.stdout}\n${result.stderr}`;
    for (const text of pipLog.split('\n'))
        if (text.trim())
            log.debug(`pip: ${text}`);
    if (result.timedOut)
        throw pipTimedOut(options, line, timeoutMs, result);
    const files = (await (0,promises_.readdir)(dest)).sort();
    if (result.exitCode !== 0 || files.length !== 1)
        throw pipFailed(options, line, result);
    const path = (0,external_node_path_.join)(dest, files[0]);
    const chosen = { fileName: files[0], sha256: await fileSha256(path), size: 0 };
    chosen.size = (await (0,promises_.stat)(path)).size;
    if (chosen.fileName !== wheel.fileName || chosen.sha256 !== wheel.sha256.toLowerCase()) {
        throw wrongFileError({
            line,
            python: options.python,
            ours: wheel,
            chosen,
            location,
            index: source.includes('--index-url'),
        });
    }
    log.info(`verify-published: for "${line}" ${options.python}'s pip chose ${chosen.fileName}, ` +
        `${chosen.size} bytes, sha256 ${chosen.sha256}: the published wheel.`);
    return { path, pipLog };
}
async function verifyPublished(options) {
    const { wheel, log, executor } = options;
    const region = (0,s3_plan/* resolveRegion */.Zv)(options.region, process.env);
    const locate = (key) => (0,s3_plan/* objectUrl */.bC)({
        bucket: options.bucket,
        key,
        region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle,
    });
    const key = (0,s3_plan/* s3Key */.Aw)(options.prefix, wheel.fileName);
    const url = locate(key);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const target = {
        bucket: options.bucket,
        prefix: options.prefix,
        acl: options.acl,
        mode: options.mode,
    };
    const signal = options.signal ? { signal: options.signal } : {};
    const wheelRead = {
        what: 'the published wheel',
        url,
        limits: wheelReadLimits(wheel.size, timeoutMs),
        ...signal,
    };
    // 1. The bytes the platform gets are the bytes that were verified.
    const { bytes, sha256: digest } = options.mode === 'anonymous'
        ? await anonymousRead(wheelRead, key, target)
        : await signedRead(wheelRead, key, { ...target, session: options.session });
    if (digest !== wheel.sha256.toLowerCase()) {
        throw new errors/* PublishError */.S1(`${url} serves ${bytes.length} bytes with sha256 ${digest}, not the verified wheel ` +
            `(sha256 ${wheel.sha256}).`, {
            input: 'verify-published',
            fix: 'something between S3 and the reader changes the bytes (a CDN or proxy serving a stale ' +
                'copy, or another job overwrote the object): invalidate the cache or bump the version.',
        });
    }
    log.info(`${url}: ${options.mode} read OK, ${bytes.length} bytes, sha256 matches the wheel.`);
    // 2. The platform's pip chooses a file for the documented line: it must be ours.
    const provenLine = (0,s3_plan/* pinnedRequirement */.YQ)(url, wheel.sha256);
    let indexUrl;
    let source = 'url';
    let installFrom;
    let pipLog = '';
    if (options.mode === 'credentials') {
        source = 'signed-download';
        const signedDir = (0,external_node_path_.join)(options.workDir, 'signed');
        await (0,promises_.mkdir)(signedDir, { recursive: true });
        installFrom = (0,external_node_path_.join)(signedDir, wheel.fileName);
        await (0,promises_.writeFile)(installFrom, bytes);
        log.info('verify-published: credentials: pip cannot sign requests, so it installs the bytes the ' +
            'signed read returned.');
    }
    else if (options.index) {
        source = 'index';
        const keys = (0,index_pages/* indexKeys */.nI)(options.prefix, (0,names/* normalizeProjectName */.yz)(wheel.distribution));
        indexUrl = locate(keys.root[0]);
        const projectUrl = locate(keys.project[0]);
        const page = await anonymousRead({ what: 'the index page', url: projectUrl, limits: pageReadLimits(timeoutMs), ...signal }, keys.project[0], target);
        if (!page.bytes.toString('utf8').includes(encodeURIComponent(wheel.fileName))) {
            throw new errors/* PublishError */.S1(`The index page ${projectUrl} does not list ${wheel.fileName}.`, {
                input: 's3-index',
                fix: 're-run the job: the index is rebuilt from the listing of the prefix.',
            });
        }
        const requirement = `${wheel.distribution}==${wheel.version}`;
        ({ path: installFrom, pipLog } = await proveChoice(options, `--index-url ${indexUrl} ${requirement}`, ['--index-url', indexUrl, requirement], locate(options.prefix)));
    }
    else {
        ({ path: installFrom, pipLog } = await proveChoice(options, provenLine, [provenLine], url));
    }
    // 3. The proven file is installed into a fresh target; the import check runs on that.
    const installTarget = (0,external_node_path_.join)(options.workDir, 'target');
    const cwd = (0,external_node_path_.join)(options.workDir, 'cwd');
    await (0,promises_.mkdir)(installTarget, { recursive: true });
    await (0,promises_.mkdir)(cwd, { recursive: true });
    const argv = (0,verify_published_plan/* consumerInstallArgv */.gu)({
        python: options.python,
        distribution: wheel.distribution,
        version: wheel.version,
        target: installTarget,
        wheelUrl: installFrom,
    });
    const install = await executor.run(argv, { cwd, env: ISOLATED_ENV });
    for (const text of `${install.stdout}\n${install.stderr}`.split('\n'))
        if (text.trim())
            log.debug(`pip: ${text}`);
    if (install.exitCode !== 0)
        throw pipFailed(options, installFrom, install);
    const usedMetadataFile = pipLog.includes(`${encodeURIComponent(wheel.fileName)}.metadata`);
    log.info(`verify-published: ${options.python}'s pip installed ${wheel.distribution}==${wheel.version} ` +
        `from ${indexUrl ?? (source === 'url' ? url : installFrom)} without AWS credentials` +
        (usedMetadataFile ? ', resolving from the PEP 658 metadata file' : '') +
        '.');
    const installed = { target: installTarget, cwd, bin: (0,external_node_path_.join)(cwd, 'bin') };
    await (0,verify_install/* checkImports */.r6)({
        executor,
        python: options.python,
        imports: options.imports,
        tags: [],
        wheelPath: installFrom,
        workDir: options.workDir,
        log,
    }, installed);
    return { url, ...(indexUrl ? { indexUrl } : {}), source, usedMetadataFile, provenLine };
}


/***/ }),

/***/ 94556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   az: () => (/* binding */ s3ErrorCode),
/* harmony export */   l9: () => (/* binding */ isPreconditionFailure),
/* harmony export */   ye: () => (/* binding */ describeS3Error)
/* harmony export */ });
/* harmony import */ var _log_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94361);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/**
 * Turns an S3 / AWS SDK failure into a PublishError that says what went wrong in the user's terms
 * (which bucket, which input, what to check). Pure: it reads the error's fields, nothing else.
 * Raw SDK errors are never attached as `cause`: some carry the access key id in their fields.
 */


/** The error's code (`NoSuchBucket`, `ECONNREFUSED`...) and HTTP status, when it has them. */
function s3ErrorCode(error) {
    const fields = (typeof error === 'object' && error !== null ? error : {});
    const code = [fields.Code, fields.name, fields.code].find((value) => typeof value === 'string' && value !== '' && value !== 'Error');
    return { code: code ?? 'Error', status: fields.$metadata?.httpStatusCode };
}
/** True for the answers S3 gives when a conditional write lost (412) or raced (409). */
function isPreconditionFailure(error) {
    const { code, status } = s3ErrorCode(error);
    return (status === 412 ||
        code === 'PreconditionFailed' ||
        code === 'ConditionalRequestConflict' ||
        (status === 409 && code !== 'BucketAlreadyExists'));
}
const CREDENTIAL_CODES = new Set([
    'InvalidAccessKeyId',
    'SignatureDoesNotMatch',
    'InvalidToken',
    'ExpiredToken',
    'TokenRefreshRequired',
    'InvalidClientTokenId',
    'UnrecognizedClientException',
    'AuthFailure',
]);
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'TimeoutError',
    'RequestTimeout',
]);
const DIGEST_CODES = new Set([
    'BadDigest',
    'InvalidDigest',
    'XAmzContentSHA256Mismatch',
    'InvalidChecksum',
]);
const REGION_CODES = new Set([
    'PermanentRedirect',
    'AuthorizationHeaderMalformed',
    'IllegalLocationConstraintException',
]);
/** The kinds of failure, most specific first; the first that applies describes the error. */
const CASES = [
    {
        when: ({ code }) => code === 'NoSuchBucket',
        tell: ({ context, where }) => ({
            message: `The S3 bucket '${context.bucket}' does not exist${where}.`,
            input: 's3-bucket',
            fix: 'check the bucket name, s3-region and s3-endpoint, and create the bucket before ' +
                'publishing (the action never creates buckets).',
        }),
    },
    {
        when: ({ code }) => code === 'CredentialsProviderError',
        tell: () => ({
            message: 'No AWS credentials were found for the S3 upload.',
            fix: 'add aws-actions/configure-aws-credentials before this step (OIDC role: the job needs ' +
                '`permissions: id-token: write`), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ' +
                'from repository secrets. The action never takes keys as inputs.',
        }),
    },
    {
        when: ({ code }) => CREDENTIAL_CODES.has(code),
        tell: ({ code, context, target }) => ({
            message: `S3 rejected the AWS credentials (${code}) while publishing to ${target}.`,
            fix: 'check the credentials step (the role or secrets used by ' +
                'aws-actions/configure-aws-credentials): the keys may be wrong, expired, or for ' +
                'another account or partition' +
                (context.endpoint ? `; they must be valid for ${context.endpoint}.` : '.'),
        }),
    },
    {
        when: ({ code }) => DIGEST_CODES.has(code),
        tell: ({ code, target }) => ({
            message: `S3 rejected the bytes sent for ${target} (${code}): they did not match their SHA-256, ` +
                'so they were corrupted on the way; nothing was published.',
            fix: 'run the job again; if it keeps happening, check proxies or network equipment between the runner and S3.',
        }),
    },
    {
        when: ({ code }) => code === 'AccessControlListNotSupported',
        tell: ({ context }) => ({
            message: `The bucket '${context.bucket}' has ACLs disabled, so the object cannot be made public-read.`,
            input: 's3-acl',
            fix: "use s3-acl: private and grant public read with a bucket policy, or set the bucket's " +
                'Object Ownership to allow ACLs.',
        }),
    },
    {
        when: ({ code, status }) => REGION_CODES.has(code) || status === 301,
        tell: ({ fields, context }) => {
            const region = [fields.BucketRegion, fields.Region].find((value) => typeof value === 'string' && /^[a-z0-9-]+$/.test(value));
            const actual = region ? ` (it is in ${region})` : '';
            return {
                message: `The S3 bucket '${context.bucket}' is not in region ${context.region}${actual}.`,
                input: 's3-region',
                fix: region ? `Set s3-region: ${region}.` : "Set s3-region to the bucket's region.",
            };
        },
    },
    {
        when: ({ code, status }) => code === 'AccessDenied' || code === 'Forbidden' || status === 403,
        tell: ({ context, target }) => ({
            message: `Access denied to ${target} (${context.operation}).`,
            fix: `grant the role s3:PutObject, s3:GetObject and s3:AbortMultipartUpload on ` +
                `arn:aws:s3:::${context.bucket}/${context.key}` +
                ' (and s3:PutObjectAcl for s3-acl: public-read); check bucket policies and KMS key access.',
        }),
    },
    {
        when: ({ code }) => code === 'AbortError',
        tell: ({ target }) => ({
            message: `The S3 upload to ${target} did not finish in time and was stopped.`,
            fix: 'check the network to S3, or raise the time limit / max attempts.',
        }),
    },
    {
        // The endpoint answered before: this request was cut on every attempt (a proxy or firewall
        // cutting large bodies, a flaky link), which s3-endpoint cannot fix.
        when: ({ code, context }) => NETWORK_CODES.has(code) && context.reached === true,
        tell: ({ code, context, where }) => ({
            message: `The connection to S3${where} failed (${code}) during ${context.operation} on every ` +
                'attempt, although S3 answered the earlier requests of this publish; nothing was published.',
            input: 's3-max-attempts',
            fix: 'run the job again or raise s3-max-attempts; if it keeps happening, check proxies or ' +
                'firewalls between the runner and S3 that cut long uploads.',
        }),
    },
    {
        when: ({ code }) => NETWORK_CODES.has(code),
        tell: ({ code, context, where }) => ({
            message: `Cannot reach S3${where} (${code}).`,
            input: context.endpoint ? 's3-endpoint' : undefined,
            fix: context.endpoint
                ? 'Check s3-endpoint (scheme, host, port) and that the server is reachable from the runner.'
                : 'Check the network from the runner to S3 and the s3-region.',
        }),
    },
];
/** Any other failure: the operation and S3's code, with where to look the code up. */
const tellOther = ({ code, context, target }) => ({
    message: `S3 ${context.operation} failed for ${target}: ${code}.`,
    fix: 'see the details; S3 error codes are listed at https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html',
});
function describeS3Error(error, context) {
    if (error instanceof _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1)
        return error;
    const { code, status } = s3ErrorCode(error);
    const fields = (typeof error === 'object' && error !== null ? error : {});
    const failure = {
        code,
        status,
        fields,
        context,
        where: context.endpoint ? ` at ${context.endpoint}` : ` in ${context.region}`,
        target: `s3://${context.bucket}/${context.key}`,
    };
    const tell = CASES.find((c) => c.when(failure))?.tell ?? tellOther;
    const { message, ...told } = tell(failure);
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(message, { ...told, details: failureDetails(error, failure) });
}
/** The lines under the message: operation, code and status, the SDK's message, the request id;
 * credentials and anything shaped like an access key id redacted. */
function failureDetails(error, { code, status, fields, context }) {
    const requestId = fields.$metadata?.requestId;
    return (0,_log_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactText */ .Rd)([
        `${context.operation} failed: ${code}${status ? ` (HTTP ${status})` : ''}`,
        (0,_base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error),
        requestId ? `request id: ${requestId}` : '',
    ]
        .filter(Boolean)
        .join('\n'), context.secrets ?? [], [_log_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .AWS_ACCESS_KEY_ID */ .Fb]);
}


/***/ })

};
