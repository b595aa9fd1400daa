export const id = 451;
export const ids = [451,529];
export const modules = {

/***/ 16237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YD: () => (/* binding */ readSidecar),
/* harmony export */   e8: () => (/* binding */ METADATA_SUFFIX),
/* harmony export */   hQ: () => (/* binding */ sidecarOf),
/* harmony export */   pb: () => (/* binding */ metadataFacts)
/* harmony export */ });
/* unused harmony exports YANKED_SUFFIX, requiresPythonOf, normalizeYankReason */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94556);


const METADATA_SUFFIX = '.metadata';
const YANKED_SUFFIX = '.yanked';
/** `x.whl.metadata` -> { wheel: 'x.whl', kind: 'metadata' }; anything else: undefined. */
function sidecarOf(name) {
    for (const [suffix, kind] of [
        [METADATA_SUFFIX, 'metadata'],
        [YANKED_SUFFIX, 'yanked'],
    ]) {
        if (name.endsWith(`.whl${suffix}`))
            return { wheel: name.slice(0, -suffix.length), kind };
    }
    return undefined;
}
/** The Requires-Python header of a METADATA text (RFC 822 headers end at the first blank line). */
function requiresPythonOf(metadata) {
    for (const line of metadata.split(/\r?\n/)) {
        if (line === '')
            break;
        const match = /^Requires-Python:\s*(.*?)\s*$/i.exec(line);
        if (match)
            return match[1] || undefined;
    }
    return undefined;
}
/** A yank reason as stored: one line, at most 300 characters, surrounding space trimmed. */
function normalizeYankReason(reason) {
    return reason.replace(/\s+/g, ' ').trim().slice(0, 300);
}
/** What a `.metadata` object's bytes give the page. */
function metadataFacts(bytes) {
    const requiresPython = requiresPythonOf(bytes.toString('utf8'));
    return {
        metadataSha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex'),
        ...(requiresPython ? { requiresPython } : {}),
    };
}
/** The object's bytes; undefined when it is gone (deleted since the listing). */
async function readSidecar(client, bucket, key, signal) {
    try {
        // Loaded here, not at the top: the names above are read at start-up (receipt-step.ts).
        const { GetObjectCommand } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19));
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
            abortSignal: signal,
        });
        return Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array());
    }
    catch (error) {
        const { code, status } = (0,_s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .s3ErrorCode */ .az)(error);
        if (status === 404 && code !== 'NoSuchBucket')
            return undefined;
        Object.assign(error, { operation: 'GetObject', key });
        throw error;
    }
}


/***/ }),

/***/ 97451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  backoffDelay: () => (/* binding */ backoffDelay),
  publishIndex: () => (/* binding */ publishIndex),
  updateIndex: () => (/* binding */ updateIndex)
});

// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(34758);
// EXTERNAL MODULE: ./src/publish/s3/s3-errors.ts
var s3_errors = __webpack_require__(94556);
// EXTERNAL MODULE: ./src/publish/s3/s3-session.ts + 1 modules
var s3_session = __webpack_require__(1529);
;// CONCATENATED MODULE: ./src/publish/index/index-errors.ts
/**
 * The index's wording for the S3 failures whose fix differs from a wheel upload's (the index
 * needs listing and conditional writes); every other failure is described by describeS3Error.
 */



/** Index-specific wording for the failures whose fix differs from a wheel upload's. */
function describeIndexError(error, context) {
    const { operation, key } = (0,s3_session.taggedRequest)(error, {
        operation: 'index update',
        key: context.prefix,
    });
    const { code, status } = (0,s3_errors/* s3ErrorCode */.az)(error);
    const arn = `arn:aws:s3:::${context.bucket}`;
    const described = (0,s3_errors/* describeS3Error */.ye)(context.aborted ? (0,s3_session.abortError)(error) : error, {
        bucket: context.bucket,
        key,
        region: context.region,
        endpoint: context.endpoint,
        operation,
        secrets: context.secrets,
    });
    if (status === 403 || code === 'AccessDenied') {
        return new errors/* PublishError */.S1(`Access denied while updating the pip index of s3://${context.bucket}/${context.prefix} ` +
            `(${operation}); the wheel itself is published.`, {
            input: 's3-index',
            fix: `the index needs s3:ListBucket on ${arn} (prefix ${context.prefix || '*'}), ` +
                `s3:GetObject on ${arn}/${context.prefix}*, and s3:PutObject (plus ` +
                `s3:PutObjectAcl for public-read) on ${arn}/${context.prefix}simple/* and ` +
                `${arn}/${context.prefix}index.html; or set s3-index: false.`,
            details: described.details,
        });
    }
    if (code === 'NotImplemented' || status === 501) {
        return new errors/* PublishError */.S1(`The S3 server does not support conditional writes (If-Match / If-None-Match), which ` +
            `the pip index needs so that concurrent jobs do not lose each other's wheels.`, {
            input: 's3-index',
            fix: 'use a store that supports conditional writes (AWS S3, recent MinIO), or set s3-index: false.',
            details: described.details,
        });
    }
    return described;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./src/wheel/names.ts
var names = __webpack_require__(44295);
// EXTERNAL MODULE: ./src/publish/index/index-sidecars.ts
var index_sidecars = __webpack_require__(16237);
// EXTERNAL MODULE: ./src/publish/index/index-pages.ts
var index_pages = __webpack_require__(61141);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(784);
;// CONCATENATED MODULE: ./src/publish/index/index-run.ts




const DEFAULT_ATTEMPTS = 8;
/** The run of an update, its options checked; and how many rounds it may take. */
function startIndexRun(options) {
    const bucket = (0,s3_plan/* validateBucketName */.EG)(options.bucket);
    const prefix = (0,s3_plan/* validatePrefix */.hb)(options.prefix);
    const project = (0,names/* normalizeProjectName */.yz)(options.distribution);
    const run = {
        options,
        client: options.client,
        bucket,
        prefix,
        project,
        keys: (0,index_pages/* indexKeys */.nI)(prefix, project),
        log: options.log,
        signal: options.signal,
        hashes: new Map(),
        facts: new Map(),
        warned: new Set(),
        statuses: new Map(),
    };
    const rounds = options.maxAttempts ?? DEFAULT_ATTEMPTS;
    if (!Number.isInteger(rounds) || rounds < 1) {
        throw new errors/* PublishError */.S1(`index rounds must be a positive integer, got ${rounds}.`);
    }
    return { run, rounds };
}
/** Every page of the index: the project's, the root's and the flat find-links page. */
function allPageKeys(run) {
    return [...run.keys.project, ...run.keys.root, run.keys.flat];
}
/** Logs a key the index leaves out or links without a hash, once per key. */
function skipOnce(run, key, why) {
    if (run.warned.has(key))
        return;
    run.warned.add(key);
    run.log.info(`Index: ignoring ${(0,s3_plan/* s3Uri */.tT)(run.bucket, key)} (${why}).`);
}
/** The result of a finished update, and its one log line. */
function indexResult(run, files, attempt) {
    const { options, keys } = run;
    const url = (key) => (0,s3_plan/* objectUrl */.bC)({
        bucket: run.bucket,
        key,
        region: options.region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle,
    });
    const pages = allPageKeys(run).map((key) => ({
        key,
        status: run.statuses.get(key) ?? 'unchanged',
    }));
    const written = pages.filter((page) => page.status !== 'unchanged');
    run.log.info(`Index: ${files.length} wheel(s) of ${run.project} on ${url(keys.project[0])}; ` +
        (written.length
            ? `wrote ${written.map((page) => `${page.key} (${page.status})`).join(', ')}`
            : 'every page was already up to date') +
        (attempt > 1 ? ` after ${attempt} rounds.` : '.'));
    return {
        indexUrl: url(keys.root[0]),
        projectUrl: url(keys.project[0]),
        findLinksUrl: url(keys.flat),
        project: run.project,
        files,
        pages,
        attempts: attempt,
    };
}

;// CONCATENATED MODULE: ./src/publish/index/index-read.ts
/**
 * What the index is rendered from: the pages as stored (read before the listing; see
 * s3-index.ts for why), the wheels directly under the prefix with their sidecars, each wheel's
 * SHA-256 (one HEAD per object version) and what its sidecars say.
 */






const DEFAULT_HEAD_CONCURRENCY = 8;
/** A page as stored (body and ETag), or none yet (404). */
async function readPage(run, key) {
    try {
        const object = await (0,s3_session.sendTagged)('GetObject', key, () => run.client.send(new dist_cjs.GetObjectCommand({ Bucket: run.bucket, Key: key }), {
            abortSignal: run.signal,
        }));
        return {
            key,
            etag: object.ETag,
            body: (await object.Body?.transformToString('utf-8')) ?? '',
        };
    }
    catch (error) {
        const { code, status } = (0,s3_errors/* s3ErrorCode */.az)(error);
        if (status === 404 && code !== 'NoSuchBucket')
            return { key };
        throw error;
    }
}
/** The wheels directly under the prefix, each with its sidecars. */
async function listWheels(run) {
    const { prefix } = run;
    const wheels = [];
    const sidecars = [];
    let token;
    do {
        const page = await (0,s3_session.sendTagged)('ListObjectsV2', prefix, () => run.client.send(new dist_cjs/* ListObjectsV2Command */.u6x({
            Bucket: run.bucket,
            Prefix: prefix,
            // Wheels sit directly under the prefix; the simple/ tree and sub-folders are skipped.
            Delimiter: '/',
            ContinuationToken: token,
            MaxKeys: run.options.listPageSize,
        }), { abortSignal: run.signal }));
        for (const object of page.Contents ?? []) {
            if (!object.Key)
                continue;
            const parsed = (0,names/* parseWheelFileName */.QW)(object.Key.slice(prefix.length));
            const sidecar = (0,index_sidecars/* sidecarOf */.hQ)(object.Key.slice(prefix.length));
            if (parsed) {
                wheels.push({ ...parsed, key: object.Key, etag: object.ETag ?? '', sidecars: [] });
            }
            else if (sidecar) {
                sidecars.push({ ...sidecar, key: object.Key, etag: object.ETag ?? '' });
            }
            else if (object.Key.endsWith('.whl'))
                skipOnce(run, object.Key, 'its name is not a wheel name');
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    for (const { wheel, ...sidecar } of sidecars) {
        wheels.find((w) => w.fileName === wheel)?.sidecars.push(sidecar);
    }
    return wheels;
}
/** Looks up the SHA-256 of each wheel; a wheel deleted since the listing is dropped. */
async function withHashes(run, wheels) {
    const found = await mapBounded(wheels, run.options.headConcurrency ?? DEFAULT_HEAD_CONCURRENCY, (wheel) => wheelHash(run, wheel));
    return found.filter((wheel) => wheel !== undefined);
}
/** The SHA-256 of one wheel (HEAD once per object version); undefined when it was deleted. */
async function wheelHash(run, wheel) {
    const id = `${wheel.key}\u0000${wheel.etag}`;
    if (!run.hashes.has(id)) {
        try {
            const head = await (0,s3_session.sendTagged)('HeadObject', wheel.key, () => run.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: run.bucket, Key: wheel.key, ChecksumMode: 'ENABLED' }), { abortSignal: run.signal }));
            run.hashes.set(id, (0,s3_session.objectSha256)(head));
        }
        catch (error) {
            const { status } = (0,s3_errors/* s3ErrorCode */.az)(error);
            if (status === 404)
                return undefined;
            if (status !== 403)
                throw error;
            run.hashes.set(id, undefined);
            skipOnce(run, wheel.key, 'HEAD was refused, no s3:GetObject: linked without a hash');
        }
        if (run.hashes.get(id) === undefined) {
            skipOnce(run, wheel.key, 'no sha256 metadata or checksum: linked without a hash');
        }
    }
    const sha256 = run.hashes.get(id);
    return {
        fileName: wheel.fileName,
        ...(sha256 ? { sha256 } : {}),
        ...(await sidecarFacts(run, wheel)),
    };
}
/** What a wheel's sidecars say (requires-python, yanked), read once per sidecar version. */
async function sidecarFacts(run, wheel) {
    const out = {};
    for (const sidecar of wheel.sidecars) {
        const id = `${sidecar.key}\u0000${sidecar.etag}`;
        if (!run.facts.has(id)) {
            const bytes = await (0,index_sidecars/* readSidecar */.YD)(run.client, run.bucket, sidecar.key, run.signal);
            run.facts.set(id, bytes === undefined
                ? {}
                : sidecar.kind === 'metadata'
                    ? (0,index_sidecars/* metadataFacts */.pb)(bytes)
                    : { yanked: bytes.toString('utf8') });
        }
        Object.assign(out, run.facts.get(id));
    }
    return out;
}
/** Runs `fn` over `items`, at most `limit` at a time. */
async function mapBounded(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await fn(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/publish/index/index-write.ts
/**
 * Renders the index pages (index-pages.ts) from what was read and listed, and writes those that
 * differ, each only if its ETag is still the one read (If-None-Match: * when creating it). A page
 * another publisher changed meanwhile is handed back to be read, listed and written again.
 */






const CONTENT_TYPE = 'text/html; charset=utf-8';
/** Pages change with every publish; caches must revalidate (the wheels stay immutable). */
const PAGE_CACHE_CONTROL = 'no-cache';
/**
 * Renders every page read from the listing and writes those that differ; returns the project's
 * files and the pages another publisher changed meanwhile (to read, list and write again).
 */
async function writeChangedPages(run, stored, listed) {
    const { keys, project } = run;
    const wheels = await withHashes(run, listed);
    const own = new Set(listed.filter((w) => w.project === project).map((w) => w.fileName));
    const ownWheels = wheels.filter((wheel) => own.has(wheel.fileName));
    const files = ownWheels.map((wheel) => wheel.fileName).sort();
    const projects = listed.map((wheel) => wheel.project);
    const render = (key) => {
        if (keys.project.includes(key))
            return (0,index_pages/* projectPage */.DB)(project, ownWheels);
        if (keys.root.includes(key))
            return (0,index_pages/* rootPage */.YW)(projects);
        return (0,index_pages/* flatPage */.Hd)(wheels);
    };
    const outcomes = await Promise.allSettled(stored.map(async (page) => {
        const body = render(page.key);
        if (page.body === body) {
            if (!run.statuses.has(page.key))
                run.statuses.set(page.key, 'unchanged');
            return;
        }
        await writePage(run, page, body);
        run.statuses.set(page.key, page.etag ? 'updated' : 'created');
    }));
    const lost = [];
    for (const [i, outcome] of outcomes.entries()) {
        if (outcome.status === 'fulfilled')
            continue;
        const error = outcome.reason;
        // 412/409: another publisher wrote the page since we read it; 404 on If-Match: it was
        // deleted meanwhile. Either way: read, list and render again.
        const { code, status } = (0,s3_errors/* s3ErrorCode */.az)(error);
        if ((0,s3_errors/* isPreconditionFailure */.l9)(error) || (status === 404 && code !== 'NoSuchBucket')) {
            lost.push(stored[i].key);
        }
        else {
            throw error;
        }
    }
    return { files, lost };
}
/** Writes one page if its ETag is still the one read (If-None-Match: * when creating it). */
async function writePage(run, page, body) {
    const bytes = Buffer.from(body, 'utf8');
    await (0,s3_session.sendTagged)('PutObject', page.key, () => run.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
        Bucket: run.bucket,
        Key: page.key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: CONTENT_TYPE,
        CacheControl: PAGE_CACHE_CONTROL,
        ...(0,s3_session.aclParams)(run.options.acl),
        ...(page.etag ? { IfMatch: page.etag } : { IfNoneMatch: '*' }),
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('base64'),
    }), { abortSignal: run.signal }));
}

;// CONCATENATED MODULE: ./src/publish/index/index-update.ts
/**
 * Rebuilds the pip index pages (see index-pages.ts) next to the wheels in S3, after a wheel was
 * published.
 *
 * No lost updates between concurrent publishers (matrix jobs): every page is read (body and
 * ETag) BEFORE the wheels are listed, and written only if its ETag is still the one read
 * (If-Match; If-None-Match: * when creating). A writer that loses re-reads, re-lists and tries
 * again, with a bounded number of rounds and jittered backoff. Whoever writes last therefore
 * listed after every page state it replaces, and so saw every wheel whose publisher read that
 * state or an earlier one; a publisher that reads a later state finds its wheel missing and
 * writes again. A page whose rendering equals what is stored is not written at all.
 */







const DEFAULT_BACKOFF = { baseMs: 100, maxMs: 3000 };
/** Delay before round `round + 1`: "full jitter" (random in [0, cap]), so racers spread out. */
function backoffDelay(round, backoff, random = Math.random) {
    const cap = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, round - 1));
    return Math.floor(random() * cap);
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
/**
 * Read the pages, list the wheels, write what changed, with If-Match; again (bounded, with
 * backoff) for the pages another publisher changed meanwhile. See the header for why.
 */
async function updateIndex(options) {
    const { run, rounds } = startIndexRun(options);
    let pending = allPageKeys(run);
    let notListed = false;
    for (let attempt = 1; attempt <= rounds; attempt++) {
        // Read first, list second: see the header comment for why the order matters.
        const stored = await Promise.all(pending.map((key) => readPage(run, key)));
        const listed = await listWheels(run);
        notListed = !!options.expectFile && !listed.some((w) => w.fileName === options.expectFile);
        if (notListed) {
            // Stores with eventually consistent listings (some S3-compatible ones) can lag a PUT.
            run.log.info(`Index: ${options.expectFile} is not listed yet (attempt ${attempt}/${rounds}).`);
        }
        else {
            const { files, lost } = await writeChangedPages(run, stored, listed);
            if (lost.length === 0)
                return indexResult(run, files, attempt);
            pending = lost;
            run.log.info(`Index: ${lost.join(', ')} changed while updating (another job is publishing); ` +
                `reading and listing again (round ${attempt}/${rounds}).`);
        }
        if (attempt < rounds) {
            await sleep(backoffDelay(attempt, options.backoff ?? DEFAULT_BACKOFF), run.signal);
        }
    }
    throw new errors/* PublishError */.S1(notListed
        ? `The index was not updated: ${options.expectFile} did not appear in the listing of ` +
            `${(0,s3_plan/* s3Uri */.tT)(run.bucket, run.prefix)} after ${rounds} attempts. The wheel itself is published.`
        : `The index pages ${pending.join(', ')} kept changing while updating them ` +
            `(${rounds} rounds); the wheel itself is published.`, {
        fix: 'run the job again: the next publish rebuilds the pages from the listing; if many ' +
            'jobs publish into this prefix at once, let them publish the index one after another.',
    });
}
/**
 * The I/O edge for the action: one S3 session (credentials masked before any request, a
 * deadline), and every S3 failure turned into a PublishError that names the missing permission.
 */
async function publishIndex(options, log) {
    const bucket = (0,s3_plan/* validateBucketName */.EG)(options.bucket);
    const prefix = (0,s3_plan/* validatePrefix */.hb)(options.prefix);
    const session = await (0,s3_session.openS3Session)(options, log, { timeoutMs: options.timeoutMs ?? 5 * 60_000 });
    try {
        return await updateIndex({
            client: session.client,
            bucket,
            prefix,
            acl: options.acl,
            distribution: options.distribution,
            expectFile: options.expectFile,
            region: session.region,
            endpoint: options.endpoint,
            forcePathStyle: options.forcePathStyle,
            log,
            signal: session.signal,
        });
    }
    catch (error) {
        if (error instanceof errors/* PublishError */.S1)
            throw error;
        throw describeIndexError(error, {
            bucket,
            prefix,
            region: session.region,
            endpoint: options.endpoint,
            aborted: session.signal.aborted,
            secrets: session.secrets,
        });
    }
    finally {
        session.close();
    }
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


/***/ }),

/***/ 1529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  abortError: () => (/* binding */ abortError),
  aclParams: () => (/* binding */ aclParams),
  createS3Client: () => (/* binding */ createS3Client),
  maskCredentials: () => (/* binding */ maskCredentials),
  objectSha256: () => (/* binding */ objectSha256),
  openS3Session: () => (/* binding */ openS3Session),
  s3Target: () => (/* binding */ s3Target),
  sendTagged: () => (/* binding */ sendTagged),
  taggedRequest: () => (/* binding */ taggedRequest)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(34758);
// EXTERNAL MODULE: ./src/log/redact.ts
var redact = __webpack_require__(94361);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(784);
;// CONCATENATED MODULE: ./src/publish/s3/s3-region-header.ts
/**
 * S3 names a bucket's region in the `x-amz-bucket-region` header of its redirect (301) and
 * wrong-region (400) answers, even a HEAD's, which has no body; the SDK drops headers from the
 * errors it throws. This copies the header onto the error as `BucketRegion`, so describeS3Error
 * can say which region to set. Two middlewares of one request share its context: the inner one
 * sees the raw answer, the outer one the error.
 */
function captureBucketRegion(client) {
    client.middlewareStack.add((next, context) => async (args) => {
        const out = await next(args);
        const response = out.response;
        const region = response?.headers?.['x-amz-bucket-region'];
        if (region && (response?.statusCode ?? 200) >= 300) {
            Object.assign(context, { bucketRegion: region });
        }
        return out;
    }, { step: 'deserialize', priority: 'low', name: 'algorithmiaBucketRegionRead' });
    client.middlewareStack.add((next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (error) {
            const region = context.bucketRegion;
            if (typeof region === 'string' && typeof error === 'object' && error !== null) {
                Object.assign(error, { BucketRegion: region });
            }
            throw error;
        }
    }, { step: 'initialize', priority: 'high', name: 'algorithmiaBucketRegionAttach' });
}

;// CONCATENATED MODULE: ./src/publish/s3/s3-session.ts
/**
 * One S3 session for every publishing path (the wheel, the index, the files beside the wheel,
 * the consumer check, yank): the client, the credentials it will use masked before any request,
 * one way to send (the operation and key tagged onto a failure, for describeS3Error), one
 * deadline merged with the run's cancellation, one redaction of messages, the ACL parameter and
 * the SHA-256 read from a HEAD. The paths differ in what they do, never in how they talk to S3.
 */





/** Per attempt: time to connect, and how long a socket may stay silent. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 60_000;
/** The variables the SDK's chain reads first; masked even when the chain then fails. */
const CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
function createS3Client(options) {
    if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
        throw new errors/* PublishError */.S1(`max attempts must be a positive integer, got ${options.maxAttempts}.`);
    }
    const client = new dist_cjs/* S3Client */.YxF({
        region: (0,s3_plan/* resolveRegion */.Zv)(options.region, process.env),
        endpoint: options.endpoint ? (0,s3_plan/* parseEndpoint */.Bk)(options.endpoint).toString() : undefined,
        forcePathStyle: options.forcePathStyle,
        maxAttempts: options.maxAttempts,
        retryMode: 'standard',
        // We always send our own SHA-256; the SDK must not add its default CRC32 on top.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        requestHandler: {
            connectionTimeout: CONNECTION_TIMEOUT_MS,
            socketTimeout: SOCKET_TIMEOUT_MS,
        },
    });
    captureBucketRegion(client);
    return client;
}
/**
 * Masks the AWS credentials of the environment and those the default chain finds although the
 * environment does not show them (a profile file, SSO, a container or instance role, web
 * identity), before any request; returns them for the error messages. A chain that finds
 * nothing is left to the first request, which reports it with its fix.
 */
async function maskCredentials(client, log) {
    const secrets = CREDENTIAL_VARIABLES.map((name) => process.env[name]).filter((value) => !!value);
    for (const secret of secrets)
        log.setSecret(secret);
    let found;
    try {
        found = await client.config.credentials();
    }
    catch {
        return secrets;
    }
    for (const value of [found.accessKeyId, found.secretAccessKey, found.sessionToken]) {
        if (value && !secrets.includes(value)) {
            log.setSecret(value);
            secrets.push(value);
        }
    }
    return secrets;
}
/** Tags an SDK error with the operation (and key) that raised it, for describeS3Error. */
async function sendTagged(operation, key, request) {
    try {
        return await request();
    }
    catch (error) {
        if (typeof error === 'object' && error !== null && !('operation' in error)) {
            Object.assign(error, key === undefined ? { operation } : { operation, key });
        }
        throw error;
    }
}
/** The operation and key a failure was tagged with by sendTagged (fallbacks when untagged). */
function taggedRequest(error, fallback) {
    const fields = (typeof error === 'object' && error !== null ? error : {});
    return {
        operation: typeof fields.operation === 'string' ? fields.operation : fallback.operation,
        key: typeof fields.key === 'string' ? fields.key : fallback.key,
    };
}
/** A failure after the deadline passed, reported as the timeout it is. */
function abortError(error) {
    return Object.assign(new Error((0,errors/* errorMessage */.gJ)(error)), { name: 'AbortError' });
}
/** The ACL parameter of a write: 'private' is S3's default, and not sending it keeps buckets
 * with ACLs disabled working. */
function aclParams(acl) {
    return acl === 'public-read' ? { ACL: 'public-read' } : {};
}
/** The hex SHA-256 of an object: our metadata, else S3's full-object (not composite) checksum. */
function objectSha256(head) {
    const meta = head.Metadata?.sha256?.toLowerCase();
    if (meta && /^[0-9a-f]{64}$/.test(meta))
        return meta;
    const composite = head.ChecksumType === 'COMPOSITE' || head.ChecksumSHA256?.includes('-');
    if (head.ChecksumSHA256 && !composite) {
        const hex = (0,s3_plan/* base64ToHex */.Qf)(head.ChecksumSHA256);
        if (hex.length === 64)
            return hex;
    }
    return undefined;
}
/**
 * Opens a session: the client, its credentials masked on `log` before any request, and a
 * deadline of `timeoutMs` merged with `signal`. Close it in a `finally`.
 */
async function openS3Session(options, log, limits) {
    const client = createS3Client(options);
    const secrets = await maskCredentials(client, log);
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    return {
        client,
        region: (0,s3_plan/* resolveRegion */.Zv)(options.region, process.env),
        secrets,
        signal: limits.signal ? AbortSignal.any([deadline, limits.signal]) : deadline,
        redact: (text) => (0,redact/* redactText */.Rd)(text, secrets, [redact/* AWS_ACCESS_KEY_ID */.Fb]),
        close: () => client.destroy(),
    };
}
/** The target fields of a larger settings object (the S3 inputs), and nothing else. */
function s3Target(settings) {
    const { bucket, prefix, region, endpoint, forcePathStyle, maxAttempts, acl } = settings;
    return { bucket, prefix, region, endpoint, forcePathStyle, maxAttempts, acl };
}


/***/ })

};
