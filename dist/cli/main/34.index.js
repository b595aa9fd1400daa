export const id = 34;
export const ids = [34];
export const modules = {

/***/ 30164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ describeIndexError)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);
/* harmony import */ var _s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11878);
/* harmony import */ var _s3_s3_session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2362);
/**
 * The index's wording for the S3 failures whose fix differs from a wheel upload's (the index
 * needs listing and conditional writes); every other failure is described by describeS3Error.
 */



/** Index-specific wording for the failures whose fix differs from a wheel upload's. */
function describeIndexError(error, context) {
    const { operation, key } = (0,_s3_s3_session_js__WEBPACK_IMPORTED_MODULE_2__.taggedRequest)(error, {
        operation: 'index update',
        key: context.prefix,
    });
    const { code, status } = (0,_s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .s3ErrorCode */ .az)(error);
    const arn = `arn:aws:s3:::${context.bucket}`;
    const described = (0,_s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeS3Error */ .ye)(context.aborted ? (0,_s3_s3_session_js__WEBPACK_IMPORTED_MODULE_2__.abortError)(error) : error, {
        bucket: context.bucket,
        key,
        region: context.region,
        endpoint: context.endpoint,
        operation,
        secrets: context.secrets,
    });
    if (status === 403 || code === 'AccessDenied') {
        return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`Access denied while updating the pip index of s3://${context.bucket}/${context.prefix} ` +
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
        return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`The S3 server does not support conditional writes (If-Match / If-None-Match), which ` +
            `the pip index needs so that concurrent jobs do not lose each other's wheels.`, {
            input: 's3-index',
            fix: 'use a store that supports conditional writes (AWS S3, recent MinIO), or set s3-index: false.',
            details: described.details,
        });
    }
    return described;
}


/***/ }),

/***/ 76034:
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
var errors = __webpack_require__(15232);
// EXTERNAL MODULE: ./src/publish/index/index-errors.ts
var index_errors = __webpack_require__(30164);
// EXTERNAL MODULE: ./src/wheel/names.ts
var names = __webpack_require__(31769);
// EXTERNAL MODULE: ./src/publish/index/index-sidecars.ts
var index_sidecars = __webpack_require__(35603);
// EXTERNAL MODULE: ./src/publish/s3/s3-errors.ts
var s3_errors = __webpack_require__(11878);
// EXTERNAL MODULE: ./src/publish/index/index-pages.ts + 1 modules
var index_pages = __webpack_require__(95341);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(79338);
;// CONCATENATED MODULE: ./src/publish/index/index-run.ts
/**
 * One update of the pip index (index-update.ts): its options, the state its steps share and learn
 * across rounds (index-read.ts, index-write.ts), and the result it ends with.
 */




const DEFAULT_ATTEMPTS = 8;
/** The run of an update, its options checked; and how many rounds it may take. */
function startIndexRun(options) {
    const bucket = (0,s3_plan/* validateBucketName */.EG)(options.bucket);
    const prefix = (0,s3_plan/* validatePrefix */.hb)(options.prefix);
    const project = (0,names/* normalizeProjectName */.yz)(options.distribution);
    const run = {
        options,
        session: options.session,
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

// EXTERNAL MODULE: ./src/publish/s3/s3-session.ts + 1 modules
var s3_session = __webpack_require__(2362);
// EXTERNAL MODULE: ./src/publish/index/list-plan.ts
var list_plan = __webpack_require__(96342);
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
        const object = await run.session.send('GetObject', { Bucket: run.bucket, Key: key }, { signal: run.signal });
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
    const seen = new Set();
    do {
        const page = await run.session.send('ListObjectsV2', {
            Bucket: run.bucket,
            Prefix: prefix,
            // Wheels sit directly under the prefix; the simple/ tree and sub-folders are skipped.
            Delimiter: '/',
            ContinuationToken: token,
            MaxKeys: run.options.listPageSize,
        }, { signal: run.signal, key: prefix });
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
        token = (0,list_plan/* nextListToken */.x)(page, seen, `s3://${run.bucket}/${prefix}`);
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
            const head = await run.session.send('HeadObject', { Bucket: run.bucket, Key: wheel.key, ChecksumMode: 'ENABLED' }, { signal: run.signal });
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
            const bytes = await (0,index_sidecars/* readSidecar */.YD)(run.session, run.bucket, sidecar.key, run.signal);
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
    await run.session.send('PutObject', {
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
    }, { signal: run.signal });
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
 * The I/O edge for the action: the run's S3 session (credentials masked before any request, its
 * cancellation), a deadline, and every S3 failure turned into a PublishError that names the
 * missing permission; a cancel is thrown as the cancellation it is.
 */
async function publishIndex(session, options, log) {
    const bucket = (0,s3_plan/* validateBucketName */.EG)(options.bucket);
    const prefix = (0,s3_plan/* validatePrefix */.hb)(options.prefix);
    const signal = session.deadline(options.timeoutMs ?? 5 * 60_000);
    try {
        return await updateIndex({
            session,
            bucket,
            prefix,
            acl: options.acl,
            distribution: options.distribution,
            expectFile: options.expectFile,
            region: session.region,
            endpoint: options.endpoint,
            forcePathStyle: options.forcePathStyle,
            log,
            signal,
        });
    }
    catch (error) {
        if (error instanceof errors/* PublishError */.S1)
            throw error;
        session.signal.throwIfAborted();
        throw (0,index_errors/* describeIndexError */.u)(error, {
            bucket,
            prefix,
            region: session.region,
            endpoint: options.endpoint,
            aborted: signal.aborted,
            secrets: session.secrets,
        });
    }
}


/***/ }),

/***/ 96342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ nextListToken)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);
/**
 * Pure guard of every prefix listing (the index update, yank): a server that hands back a
 * continuation token it already gave would make the listing loop forever (measured: 3,400 pages
 * in five minutes), so a repeated token ends the listing in a named failure.
 */

/**
 * The token for the next page, or undefined when the listing is complete; `seen` holds the
 * tokens used so far (the caller keeps one set per listing).
 */
function nextListToken(page, seen, where) {
    if (!page.IsTruncated)
        return undefined;
    const token = page.NextContinuationToken;
    if (!token || seen.has(token)) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`The listing of ${where} does not end: after ${seen.size + 1} pages the server ` +
            (token
                ? 'hands back a continuation token it already gave.'
                : 'says "truncated" but gives no continuation token.'), {
            input: 's3-endpoint',
            fix: 'the server at s3-endpoint (or a proxy in front of S3) answers ListObjectsV2 wrongly; ' +
                'point s3-endpoint at S3 or a conforming S3-compatible server, then re-run.',
        });
    }
    seen.add(token);
    return token;
}


/***/ })

};
