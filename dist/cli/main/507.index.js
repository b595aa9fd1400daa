export const id = 507;
export const ids = [507];
export const modules = {

/***/ 42160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ booleanWord)
/* harmony export */ });
/**
 * The one reading of a yes/no input: `true` or `false` in any letter case, surrounding blanks
 * ignored (what @actions/core's getBooleanInput accepts, and `TRUE`/`tRuE` too). Pure.
 * Returns undefined for anything else, so each caller decides what another value means: an
 * error for a boolean input, a name for `artifact-name`, globs for `license-files`.
 */
function booleanWord(value) {
    const word = value.trim().toLowerCase();
    if (word === 'true')
        return true;
    if (word === 'false')
        return false;
    return undefined;
}


/***/ }),

/***/ 7743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ inputReader),
/* harmony export */   y: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _base_boolean_word_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42160);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);
/* harmony import */ var _input_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82982);
/**
 * How every input is read, the same for each: trimmed, blank = its default (INPUT_SPECS), line
 * lists without blank and `#` lines, booleans as true/false only. Pure.
 */



function inputReader(source) {
    const get = (name) => {
        const value = source(name).trim();
        return value === '' ? _input_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_SPECS */ .a[name].default : value;
    };
    return {
        get,
        optional: (name) => get(name) || undefined,
        lines: (name) => get(name)
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== '' && !l.startsWith('#')),
        bool: (name) => parseBoolean(get(name), name),
    };
}
function parseBoolean(value, input) {
    const word = (0,_base_boolean_word_js__WEBPACK_IMPORTED_MODULE_2__/* .booleanWord */ .D)(value);
    if (word !== undefined)
        return word;
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${value}" is not a boolean.`, { input, fix: 'use true or false.' });
}


/***/ }),

/***/ 98994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ ConsoleLog)
/* harmony export */ });
/**
 * The Log of the local command: plain lines on stderr, so stdout stays for results. Node builtins
 * only: the command never loads @actions/core (ActionsLog, src/log/actions-log.ts, is the action's).
 */
class ConsoleLog {
    verbose;
    constructor(verbose = false) {
        this.verbose = verbose;
    }
    info(message) {
        process.stderr.write(`${message}\n`);
    }
    warning(message) {
        process.stderr.write(`warning: ${message}\n`);
    }
    debug(message) {
        if (this.verbose)
            process.stderr.write(`debug: ${message}\n`);
    }
    async group(name, fn) {
        process.stderr.write(`==> ${name}\n`);
        return fn();
    }
    setSecret() { }
}


/***/ }),

/***/ 79338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ s3Key),
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   EG: () => (/* binding */ validateBucketName),
/* harmony export */   Ek: () => (/* binding */ DEFAULT_QUEUE_SIZE),
/* harmony export */   OG: () => (/* binding */ hexToBase64),
/* harmony export */   Qf: () => (/* binding */ base64ToHex),
/* harmony export */   US: () => (/* binding */ DEFAULT_PART_SIZE),
/* harmony export */   YQ: () => (/* binding */ pinnedRequirement),
/* harmony export */   Zv: () => (/* binding */ resolveRegion),
/* harmony export */   aV: () => (/* binding */ cacheControl),
/* harmony export */   bC: () => (/* binding */ objectUrl),
/* harmony export */   d7: () => (/* binding */ planUpload),
/* harmony export */   hb: () => (/* binding */ validatePrefix),
/* harmony export */   tT: () => (/* binding */ s3Uri)
/* harmony export */ });
/* unused harmony exports MAX_PARTS, encodeKey */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);
/**
 * Pure decisions for the S3 publisher: validated names, the object key, its URLs, the multipart
 * layout. No I/O here, so every rule is unit-testable.
 */

/** S3's own limits. */
const MAX_PARTS = 10_000;
const MAX_KEY_BYTES = 1024;
/** Part size and single-PUT threshold when the caller does not choose: 8 MiB, like the AWS CLI. */
const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/** Parts in flight at once; memory is bounded by partSize x queueSize. */
const DEFAULT_QUEUE_SIZE = 4;
/**
 * Checks a bucket name against S3's naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html) so that a typo
 * fails before any request, with a message that says which rule.
 */
function validateBucketName(name) {
    const fail = (rule) => {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${name}' is not a valid S3 bucket name: ${rule}.`, {
            input: 's3-bucket',
            fix: 'use the bucket name only (no s3:// and no path; put the path in s3-prefix).',
        });
    };
    // An s3:// URI contains '/' too.
    if (name.includes('/'))
        fail('it contains a scheme or a path');
    if (name.length < 3 || name.length > 63)
        fail('it must be 3 to 63 characters long');
    if (!/^[a-z0-9.-]+$/.test(name)) {
        fail('only lowercase letters, digits, dots and hyphens are allowed');
    }
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
        fail('it must begin and end with a letter or a digit');
    }
    if (name.includes('..'))
        fail('it must not contain two adjacent dots');
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
        fail('it must not look like an IP address');
    for (const reserved of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
        if (name.startsWith(reserved))
            fail(`the prefix '${reserved}' is reserved`);
    }
    for (const reserved of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
        if (name.endsWith(reserved))
            fail(`the suffix '${reserved}' is reserved`);
    }
    return name;
}
/**
 * Validates the key prefix and returns it normalized: empty stays empty, anything else ends in
 * `/`. pip takes the wheel's name from the last URL path segment, so `wheels/v1` + the file name
 * must become `wheels/v1/<file>`, never `wheels/v1<file>` (pip would reject that name).
 */
function validatePrefix(prefix) {
    if (prefix === '')
        return '';
    const fail = (rule) => {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${prefix}' is not a valid S3 key prefix: ${rule}.`, {
            input: 's3-prefix',
            fix: "use a relative path such as 'wheels/mylib/' (segments separated by '/').",
        });
    };
    if (prefix.startsWith('/'))
        fail("it must not start with '/'");
    if (prefix.includes('\\'))
        fail('it must not contain a backslash');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(prefix))
        fail('it must not contain control characters');
    const normalized = prefix.endsWith('/') ? prefix : `${prefix}/`;
    for (const segment of normalized.slice(0, -1).split('/')) {
        if (segment === '')
            fail("it must not contain an empty segment ('//')");
        if (segment === '.' || segment === '..')
            fail(`it must not contain a '${segment}' segment`);
    }
    return normalized;
}
/** The object key: the normalized prefix followed by the wheel's file name. */
function s3Key(prefix, fileName) {
    if (fileName === '' || fileName.includes('/') || fileName.includes('\\')) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${fileName}' is not a plain file name.`);
    }
    const key = `${validatePrefix(prefix)}${fileName}`;
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The S3 key '${key}' is longer than ${MAX_KEY_BYTES} bytes.`, {
            input: 's3-prefix',
            fix: 'use a shorter s3-prefix.',
        });
    }
    return key;
}
function s3Uri(bucket, key) {
    return `s3://${bucket}/${key}`;
}
/** Region: explicit input, then the AWS environment, then S3's default region. */
function resolveRegion(explicit, env) {
    return explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}
/** Parses `s3-endpoint`: an http(s) URL without query or credentials. */
function parseEndpoint(endpoint) {
    let url;
    try {
        url = new URL(endpoint);
    }
    catch {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${endpoint}' is not a URL.`, {
            input: 's3-endpoint',
            fix: 'give the full URL of the S3-compatible server, e.g. https://minio.example.com:9000.',
        });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${endpoint}' must use http:// or https://.`, {
            input: 's3-endpoint',
            fix: 'give the full URL of the S3-compatible server, e.g. https://minio.example.com:9000.',
        });
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('The endpoint URL must not contain credentials, a query or a fragment.', {
            input: 's3-endpoint',
            fix: 'give only scheme, host, port (and base path); credentials come from the AWS chain.',
        });
    }
    return url;
}
/**
 * Encodes a key for a URL path, segment by segment. `+` becomes %2B: S3 reads a literal `+` in
 * a path as a space, and wheel names carry `+` in local versions (`1.0+cpu`).
 */
function encodeKey(key) {
    return key.split('/').map(encodeURIComponent).join('/');
}
/**
 * The https URL of the object. AWS: virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com/<key>`
 * unless path style is forced or the bucket name has dots (a dotted host does not match S3's
 * wildcard TLS certificate); then `https://s3.<region>.amazonaws.com/<bucket>/<key>`. A custom
 * endpoint keeps its scheme, host, port and base path.
 */
function objectUrl(options) {
    const path = encodeKey(options.key);
    const pathStyle = options.forcePathStyle || options.bucket.includes('.');
    if (options.endpoint) {
        const url = parseEndpoint(options.endpoint);
        const base = url.pathname.replace(/\/+$/, '');
        if (pathStyle)
            return `${url.protocol}//${url.host}${base}/${options.bucket}/${path}`;
        return `${url.protocol}//${options.bucket}.${url.host}${base}/${path}`;
    }
    const suffix = options.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    const host = `s3.${options.region}.${suffix}`;
    if (pathStyle)
        return `https://${host}/${options.bucket}/${path}`;
    return `https://${options.bucket}.${host}/${path}`;
}
/** Cache policy for a release file: its name carries the version, its bytes never change. */
/**
 * The dependency line that installs this file or nothing: its URL with pip's hash fragment
 * (every pip from 8 on checks `#sha256=` before installing).
 */
function pinnedRequirement(url, sha256) {
    return `${url}#sha256=${sha256.toLowerCase()}`;
}
function cacheControl(acl) {
    return `${acl === 'public-read' ? 'public' : 'private'}, max-age=31536000, immutable`;
}
/** S3 wants base64 checksums; the pipeline carries hex. */
function hexToBase64(hex) {
    if (!/^[0-9a-f]{64}$/i.test(hex))
        throw new Error(`not a SHA-256 hex digest: '${hex}'`);
    return Buffer.from(hex, 'hex').toString('base64');
}
function base64ToHex(base64) {
    return Buffer.from(base64, 'base64').toString('hex');
}
/**
 * Single PUT up to `threshold` bytes, otherwise parts of `partSize` (grown if the file would need
 * more than S3's 10,000 parts). Part sizes below S3's 5 MiB minimum are not refused here: the
 * server decides (tests use that to make a completion fail).
 */
function planUpload(size, partSize, threshold) {
    if (!Number.isSafeInteger(size) || size < 0)
        throw new Error(`invalid size ${size}`);
    if (!Number.isSafeInteger(partSize) || partSize < 1)
        throw new Error(`invalid part size`);
    if (size <= threshold) {
        return { multipart: false, partSize: size, parts: [{ partNumber: 1, start: 0, end: size }] };
    }
    const effective = Math.max(partSize, Math.ceil(size / MAX_PARTS));
    const parts = [];
    for (let start = 0, n = 1; start < size; start += effective, n++) {
        parts.push({ partNumber: n, start, end: Math.min(start + effective, size) });
    }
    return { multipart: true, partSize: effective, parts };
}


/***/ }),

/***/ 68848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
/* unused harmony exports CANCEL_SIGNALS, CANCEL_DEADLINE_MS, cancelledError */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);
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
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`the run was cancelled (${cause}).`, {
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
        endIfCancelled(code) {
            if (!controller.signal.aborted)
                return;
            // process.exit(undefined) would exit with 0 whatever process.exitCode says.
            if (code !== undefined)
                proc.exitCode = code;
            proc.exit();
        },
    };
}


/***/ }),

/***/ 24507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yankMain: () => (/* binding */ yankMain)
/* harmony export */ });
/* unused harmony export YANK_HELP */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68848);
/* harmony import */ var _log_console_log_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98994);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15232);
/* harmony import */ var _inputs_input_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7743);
/* harmony import */ var _publish_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(79338);
/**
 * `algorithmia-wheel yank --s3-bucket B --s3-prefix P name==version --reason "..."`: marks a
 * release yanked (PEP 592) in the index published with `s3-index`.
 */






const YANK_HELP = [
    'Usage: algorithmia-wheel yank --s3-bucket B [--s3-prefix P] name==version --reason "..."',
    '',
    'Marks every wheel of name==version as yanked (PEP 592) in the pip index next to the wheels',
    '(published with s3-index): pip then no longer picks it for ranges such as name>=1.0, but',
    'still installs it, with a warning, for name==version. The wheels are not deleted.',
    '',
    '  --reason <text>               why (shown by pip); required',
    '  --s3-bucket, --s3-prefix, --s3-region, --s3-endpoint, --s3-force-path-style, --s3-max-attempts',
    "                                as for the build's inputs",
    '  --s3-acl <acl>                ACL of the rewritten pages (default: that of the project page)',
].join('\n');
async function yankMain(argv) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                help: { type: 'boolean', short: 'h' },
                reason: { type: 'string' },
                's3-bucket': { type: 'string' },
                's3-prefix': { type: 'string', default: '' },
                's3-region': { type: 'string' },
                's3-endpoint': { type: 'string' },
                's3-force-path-style': { type: 'string', default: 'false' },
                's3-max-attempts': { type: 'string', default: '5' },
                's3-acl': { type: 'string' },
            },
        });
        if (parsed.values.help) {
            process.stdout.write(`${YANK_HELP}\n`);
            return 0;
        }
        if (parsed.positionals.length !== 1)
            throw new Error('give exactly one name==version');
        if (!parsed.values['s3-bucket'])
            throw new Error('--s3-bucket is required');
        if (parsed.values.reason === undefined)
            throw new Error('--reason is required');
        const acl = parsed.values['s3-acl'];
        if (acl !== undefined && acl !== 'private' && acl !== 'public-read') {
            throw new Error(`--s3-acl must be private or public-read, got "${acl}"`);
        }
        const attempts = Number(parsed.values['s3-max-attempts']);
        if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) {
            throw new Error('--s3-max-attempts must be a whole number from 1 to 20');
        }
    }
    catch (error) {
        process.stderr.write(`algorithmia-wheel yank: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}\nRun with --help for usage.\n`);
        return 2;
    }
    const log = new _log_console_log_js__WEBPACK_IMPORTED_MODULE_5__/* .ConsoleLog */ .w(process.env.RUNNER_DEBUG === '1');
    const values = parsed.values;
    // Ctrl-C or SIGTERM aborts every request of the yank (one S3 session, its signal).
    const cancellation = (0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelOnSignals */ .dJ)();
    try {
        const endpoint = values['s3-endpoint'];
        if (endpoint)
            (0,_publish_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .parseEndpoint */ .Bk)(endpoint);
        // Loaded when used: `--help` and usage errors never read the AWS SDK.
        const { yankRelease } = await Promise.all(/* import() */[__webpack_require__.e(423), __webpack_require__.e(808), __webpack_require__.e(147), __webpack_require__.e(297)]).then(__webpack_require__.bind(__webpack_require__, 49297));
        const result = await yankRelease({
            bucket: values['s3-bucket'],
            prefix: values['s3-prefix'] ?? '',
            requirement: parsed.positionals[0],
            reason: values.reason,
            region: values['s3-region'],
            endpoint,
            forcePathStyle: (0,_inputs_input_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .y)(values['s3-force-path-style'] ?? 'false', 's3-force-path-style'),
            maxAttempts: Number(values['s3-max-attempts']),
            ...(values['s3-acl'] ? { acl: values['s3-acl'] } : {}),
            signal: cancellation.signal,
        }, log);
        for (const file of result.files)
            process.stdout.write(`yanked=${file}\n`);
        process.stdout.write(`index-url=${result.index.indexUrl}\n`);
        return 0;
    }
    catch (error) {
        if (error instanceof _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo) {
            process.stderr.write(`error: ${error.describe()}\n${error.details ? `${error.details}\n` : ''}`);
        }
        else {
            process.stderr.write(`error: unexpected failure: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}\n`);
        }
        return error instanceof _base_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc ? 130 : 1;
    }
    finally {
        cancellation.dispose();
        cancellation.endIfCancelled(130);
    }
}


/***/ })

};
