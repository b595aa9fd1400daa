export const id = 806;
export const ids = [806,362];
export const modules = {

/***/ 11878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   az: () => (/* binding */ s3ErrorCode),
/* harmony export */   l9: () => (/* binding */ isPreconditionFailure),
/* harmony export */   ye: () => (/* binding */ describeS3Error)
/* harmony export */ });
/* harmony import */ var _log_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93099);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);
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

/***/ 61806:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishToS3: () => (/* binding */ publishToS3)
});

// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(15232);
// EXTERNAL MODULE: ./src/publish/s3/s3-errors.ts
var s3_errors = __webpack_require__(11878);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(79338);
;// CONCATENATED MODULE: ./src/publish/s3/s3-identity.ts
/**
 * Is the object already under the key this very wheel? Decided from proof only (pure): S3's own
 * full-object SHA-256 checksum (HEAD with ChecksumMode ENABLED; S3 verified it against the bytes
 * when they were written), or else the length plus a SHA-256 of the object's bytes. The
 * `x-amz-meta-sha256` metadata is never proof: anyone who can write the key can set it to any
 * value, over any bytes.
 */

/** The object's full-object SHA-256 (hex) from HEAD, or undefined for none or a composite one. */
function fullObjectSha256(head) {
    const value = head.checksumSha256;
    if (!value || head.checksumType === 'COMPOSITE' || value.includes('-'))
        return undefined;
    const hex = (0,s3_plan/* base64ToHex */.Qf)(value);
    return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}
function identityFromHead(head, wheel) {
    const ours = wheel.sha256.toLowerCase();
    const theirs = fullObjectSha256(head);
    if (theirs === ours) {
        // A checksum equal to our digest cannot come from other bytes, whatever type S3 names.
        return { verdict: 'same', proof: "S3's SHA-256 checksum of the object matches" };
    }
    if (head.size !== undefined && head.size !== wheel.size) {
        return { verdict: 'different', reason: `it has ${head.size} bytes, this build ${wheel.size}` };
    }
    if (theirs && head.checksumType === 'FULL_OBJECT') {
        return { verdict: 'different', reason: `its SHA-256 checksum is ${theirs}` };
    }
    // No checksum, a composite (multipart) one, or one whose type the server does not say (moto
    // gives its composite multipart checksums without "-N" and without a type): read the bytes.
    return { verdict: 'read-bytes', reason: 'same length and no full-object checksum' };
}

// EXTERNAL MODULE: ./src/publish/s3/s3-session.ts + 1 modules
var s3_session = __webpack_require__(2362);
;// CONCATENATED MODULE: ./src/publish/s3/s3-publish-run.ts


/** Budget of the clean-up requests made after a failure (the publish deadline may be spent). */
const CLEANUP_TIMEOUT_MS = 30_000;
/** The parameters of every write of the wheel's object (PutObject, CreateMultipartUpload). */
function objectParams(run) {
    return {
        Bucket: run.options.bucket,
        Key: run.key,
        ContentType: 'application/zip',
        CacheControl: (0,s3_plan/* cacheControl */.aV)(run.options.acl),
        Metadata: { sha256: run.wheel.sha256 },
        ...(0,s3_session.aclParams)(run.options.acl),
    };
}

;// CONCATENATED MODULE: ./src/publish/s3/s3-existing.ts
/**
 * Is the object already under the wheel's key this very wheel? A HEAD says whether there is one
 * (and its length and S3's checksum); identityFromHead (s3-identity.ts) decides from those when
 * it can, else the object's bytes are streamed back and hashed. Metadata is never trusted.
 */




async function headObject(run, signal = run.signal) {
    try {
        const head = await run.session.send('HeadObject', { Bucket: run.options.bucket, Key: run.key, ChecksumMode: 'ENABLED' }, { signal });
        run.reached = true;
        return {
            exists: true,
            etag: head.ETag,
            head: {
                size: head.ContentLength,
                checksumSha256: head.ChecksumSHA256,
                checksumType: head.ChecksumType,
            },
            metaSha256: head.Metadata?.sha256?.toLowerCase(),
        };
    }
    catch (error) {
        const { status } = (0,s3_errors/* s3ErrorCode */.az)(error);
        if (status !== undefined)
            run.reached = true;
        if (status === 404)
            return { exists: false, head: {} };
        // Without s3:ListBucket S3 answers 403 for a missing key; the conditional write still
        // protects an existing object, and a real permission problem shows up there with details.
        if (status === 403) {
            run.log.debug(`HEAD ${run.key} was refused (403); relying on the conditional write.`);
            return { exists: false, unknown: true, head: {} };
        }
        throw error;
    }
}
/**
 * Proves whether the existing object is this wheel: S3's full-object checksum when it has one,
 * else the length, else a SHA-256 of its bytes streamed with GetObject (If-Match the ETag HEAD
 * saw, so a concurrent replacement is not mixed in). Metadata is never trusted.
 */
async function compareExisting(run, existing, signal = run.signal) {
    const decided = identityFromHead(existing.head, run.wheel);
    if (decided.verdict === 'same')
        return { same: true, why: decided.proof };
    if (decided.verdict === 'different')
        return { same: false, why: decided.reason };
    const got = await run.session.send('GetObject', {
        Bucket: run.options.bucket,
        Key: run.key,
        ...(existing.etag ? { IfMatch: existing.etag } : {}),
    }, { signal });
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    for await (const chunk of got.Body) {
        hash.update(chunk);
        size += chunk.length;
    }
    const digest = hash.digest('hex');
    if (size === run.wheel.size && digest === run.wheel.sha256.toLowerCase()) {
        return { same: true, why: "its bytes, read back, hash to this build's sha256" };
    }
    return { same: false, why: `its ${size} bytes hash to sha256 ${digest}` };
}
/** After a failed write: does S3 hold exactly this wheel anyway? (Own time budget.) */
async function landed(run) {
    try {
        const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
        const existing = await headObject(run, signal);
        return existing.exists && (await compareExisting(run, existing, signal)).same;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/publish/s3/s3-wheel-bytes.ts

/** The wheel on disk is not the one built and verified (`found`: what was read instead). */
function changedOnDisk(wheel, found) {
    return new errors/* PublishError */.S1(`${wheel.path} is not the wheel that was built and verified (expected ` +
        `${wheel.size} bytes with sha256 ${wheel.sha256}, read ${found}); nothing was published.`, { file: wheel.path, fix: 'make sure nothing modifies the wheel after the build step.' });
}
/** Reads the range into `memory` when given (a reused part buffer), else into a new buffer. */
async function readRange(wheel, file, range, memory) {
    const length = range.end - range.start;
    const buffer = memory ? memory.subarray(0, length) : Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < buffer.length) {
        const { bytesRead } = await file.read(buffer, offset, buffer.length - offset, range.start + offset);
        if (bytesRead === 0)
            throw changedOnDisk(wheel, `only ${range.start + offset} bytes`);
        offset += bytesRead;
    }
    return buffer;
}

;// CONCATENATED MODULE: ./src/publish/s3/s3-multipart.ts
/**
 * The multipart upload of a wheel, done here rather than with lib-storage's Upload so that the
 * whole-file digest is checked before CompleteMultipartUpload and every failure aborts the
 * upload (no orphan parts). Parts are read from disk in order, at most queueSize at a time, into
 * reused buffers, so memory stays below partSize x queueSize. Uploads a dead or retried run left
 * open on this key are aborted.
 */






/** Clock skew allowed when matching uploads S3 began to our CreateMultipartUpload attempts. */
const STRAY_UPLOAD_SLACK_MS = 30_000;
async function uploadMultipart(run, file, plan, condition) {
    const queueSize = Math.max(1, run.options.queueSize ?? s3_plan/* DEFAULT_QUEUE_SIZE */.Ek);
    run.log.info(`Multipart upload: ${plan.parts.length} parts of up to ${plan.partSize} bytes, ` +
        `${queueSize} at a time`);
    // A run killed mid-upload (SIGKILL leaves no time to abort) left its upload of this key open.
    // Only uploads begun before this process started are a dead run's: a concurrent publisher's
    // upload, begun since, is left alone (the conditional write decides between us).
    await abortStrayUploads(run, { before: performance.timeOrigin });
    const uploadId = await createUpload(run);
    try {
        const { parts, sha256 } = await uploadParts(run, file, plan, { uploadId, queueSize });
        if (sha256 !== run.wheel.sha256)
            throw changedOnDisk(run.wheel, `sha256 ${sha256}`);
        await run.session.send('CompleteMultipartUpload', {
            Bucket: run.options.bucket,
            Key: run.key,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
            ...condition,
        }, { signal: run.signal });
    }
    catch (error) {
        await abortUpload(run, uploadId);
        throw error;
    }
}
/** Begins the upload; a retried or failed create aborts the uploads it may have left open. */
async function createUpload(run) {
    const createStarted = Date.now();
    let created;
    try {
        created = await run.session.send('CreateMultipartUpload', { ...objectParams(run), ChecksumAlgorithm: 'SHA256' }, { signal: run.signal });
    }
    catch (error) {
        const { status } = (0,s3_errors/* s3ErrorCode */.az)(error);
        const attempts = error.$metadata?.attempts ?? 1;
        if (status === undefined || attempts > 1)
            await abortStrayUploads(run, { since: createStarted });
        throw error;
    }
    const uploadId = created.UploadId;
    if (!uploadId)
        throw new errors/* PublishError */.S1('S3 did not return an upload id for the multipart upload.');
    if ((created.$metadata.attempts ?? 1) > 1) {
        await abortStrayUploads(run, { since: createStarted }, uploadId);
    }
    return uploadId;
}
/**
 * Sends every part, at most queueSize at once; the first failure stops the others. Returns the
 * parts in order and the SHA-256 of the bytes actually sent (parts are read in order).
 */
async function uploadParts(run, file, plan, { uploadId, queueSize }) {
    // Stops the other parts as soon as one fails, before the upload is aborted.
    const stop = new AbortController();
    const signal = AbortSignal.any([run.signal, stop.signal]);
    const completed = [];
    const whole = (0,external_node_crypto_.createHash)('sha256');
    const inFlight = new Set();
    let sent = 0;
    let failure;
    // Part buffers are reused once their part is stored: allocating one per part leaves the
    // garbage to V8, which lets it pile up to several times partSize x queueSize.
    const spare = [];
    for (const range of plan.parts) {
        // Wait for a free slot before reading, so at most queueSize parts are in memory.
        while (inFlight.size >= queueSize && failure === undefined)
            await Promise.race(inFlight);
        if (failure !== undefined)
            break;
        const memory = spare.pop() ?? Buffer.allocUnsafeSlow(plan.partSize);
        const body = await readRange(run.wheel, file, range, memory);
        whole.update(body);
        const tracked = uploadPart(run, { uploadId, range, body, signal })
            .then((part) => {
            completed.push(part);
            sent += body.length;
            run.options.onProgress?.(sent, run.wheel.size);
        }, (error) => {
            failure ??= error;
            stop.abort();
        })
            .finally(() => {
            inFlight.delete(tracked);
            spare.push(memory);
        });
        inFlight.add(tracked);
    }
    await Promise.all(inFlight);
    if (failure !== undefined)
        throw failure;
    completed.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    return { parts: completed, sha256: whole.digest('hex') };
}
/** One part, with the SHA-256 S3 verifies it against. */
async function uploadPart(run, part) {
    const { range, body } = part;
    const checksum = (0,external_node_crypto_.createHash)('sha256').update(body).digest('base64');
    const stored = await run.session.send('UploadPart', {
        Bucket: run.options.bucket,
        Key: run.key,
        UploadId: part.uploadId,
        PartNumber: range.partNumber,
        Body: body,
        ContentLength: body.length,
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: checksum,
    }, { signal: part.signal, tag: `UploadPart ${range.partNumber}` });
    return {
        PartNumber: range.partNumber,
        ETag: stored.ETag,
        ChecksumSHA256: stored.ChecksumSHA256 ?? checksum,
    };
}
/**
 * A CreateMultipartUpload whose answer was lost (connection reset, response cut short) still
 * began an upload that the client never heard of; the SDK's retry then begins another one, and
 * the first stays open, its parts billed, forever. After a retried or failed create, abort the
 * uploads of this exact key that S3 began since our first attempt (with slack for clock skew),
 * except our own. A concurrent job publishing the same key in that window would see its upload
 * vanish and fail with NoSuchUpload: a clear failure, never an overwrite.
 */
async function abortStrayUploads(run, window, keep) {
    const inWindow = (initiated) => 'since' in window
        ? initiated >= window.since - STRAY_UPLOAD_SLACK_MS
        : initiated < window.before;
    let stray;
    try {
        const list = await run.session.send('ListMultipartUploads', { Bucket: run.options.bucket, Prefix: run.key }, { cleanupMs: CLEANUP_TIMEOUT_MS });
        stray = (list.Uploads ?? [])
            .filter((upload) => upload.Key === run.key &&
            upload.UploadId !== undefined &&
            upload.UploadId !== keep &&
            inWindow(upload.Initiated?.getTime() ?? 0))
            .map((upload) => upload.UploadId);
    }
    catch (error) {
        // Without s3:ListBucketMultipartUploads only a lifecycle rule can clean up.
        run.log.debug(`Could not list the multipart uploads of ${run.key} (${(0,s3_errors/* s3ErrorCode */.az)(error).code}).`);
        return;
    }
    for (const id of stray)
        await abortUpload(run, id);
}
/** Aborts with its own time budget: the publish deadline may be what failed. */
async function abortUpload(run, uploadId) {
    try {
        await run.session.send('AbortMultipartUpload', { Bucket: run.options.bucket, Key: run.key, UploadId: uploadId }, { cleanupMs: 60_000 });
        run.log.info(`Aborted the multipart upload of ${run.key}: no parts are left behind.`);
    }
    catch (error) {
        const { code } = (0,s3_errors/* s3ErrorCode */.az)(error);
        run.log.warning(`Could not abort the multipart upload ${uploadId} of ${run.key} (${code}); its parts are ` +
            'billed until a lifecycle rule (AbortIncompleteMultipartUpload) removes them.');
    }
}

;// CONCATENATED MODULE: ./src/publish/s3/s3-upload.ts
/**
 * Writes the wheel's bytes under its key with the given condition: one PUT for a small wheel,
 * a multipart upload (s3-multipart.ts) for a large one. The bytes read from disk are checked
 * against the wheel's size and sha256 first, and S3 verifies the SHA-256 every request carries.
 */







async function upload(run, condition) {
    const partSize = run.options.partSize ?? s3_plan/* DEFAULT_PART_SIZE */.US;
    const plan = (0,s3_plan/* planUpload */.d7)(run.wheel.size, partSize, run.options.multipartThreshold ?? partSize);
    let file;
    try {
        file = await (0,promises_.open)(run.wheel.path, 'r');
    }
    catch (error) {
        throw new errors/* PublishError */.S1(`Cannot read the wheel ${run.wheel.path}: ${(0,errors/* errorMessage */.gJ)(error)}`, {
            file: run.wheel.path,
        });
    }
    try {
        const actualSize = (await file.stat()).size;
        if (actualSize !== run.wheel.size)
            throw changedOnDisk(run.wheel, `${actualSize} bytes`);
        if (plan.multipart)
            await uploadMultipart(run, file, plan, condition);
        else
            await uploadSingle(run, file, condition);
    }
    finally {
        await file.close();
    }
}
async function uploadSingle(run, file, condition) {
    const body = await readRange(run.wheel, file, { partNumber: 1, start: 0, end: run.wheel.size });
    const digest = (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
    if (digest !== run.wheel.sha256)
        throw changedOnDisk(run.wheel, `sha256 ${digest}`);
    await run.session.send('PutObject', {
        ...objectParams(run),
        ...condition,
        Body: body,
        ContentLength: body.length,
        // The wheel's own digest: S3 rejects the request (BadDigest) unless the bytes match it.
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: (0,s3_plan/* hexToBase64 */.OG)(run.wheel.sha256),
    }, { signal: run.signal });
    run.options.onProgress?.(body.length, run.wheel.size);
}

;// CONCATENATED MODULE: ./src/publish/s3/s3-publish.ts
/**
 * Publishes a built wheel to S3 (or an S3-compatible store) under `<prefix><wheel file name>`.
 *
 * - Idempotent: identical bytes already there -> "already published"; different bytes -> refused
 *   unless overwrite. Identity is proven (S3's full-object checksum, else length + a SHA-256 of
 *   the bytes read back; see s3-existing.ts), never taken from x-amz-meta-sha256. Writes are
 *   conditional (If-None-Match: * to create, If-Match: <etag> to overwrite), so two concurrent
 *   jobs can never both create, or silently replace, the object.
 * - Integrity: every request carries a SHA-256 the server verifies (the whole object's for a
 *   single PUT, each part's for multipart), and the bytes read from disk are checked against the
 *   wheel's sha256 before the object is committed (s3-upload.ts, s3-multipart.ts). The hex
 *   digest is stored as x-amz-meta-sha256.
 * - Credentials come from the SDK's default chain only and never appear in messages.
 *
 * This file holds the rounds of look-then-write and what the user is told; the steps live in
 * s3-existing.ts (look), s3-upload.ts and s3-multipart.ts (write).
 */






const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** Rounds of look-then-write when a concurrent job changes the object between the two. */
const MAX_ROUNDS = 3;
async function publishToS3(session, wheel, options, log) {
    const bucket = (0,s3_plan/* validateBucketName */.EG)(options.bucket);
    const key = (0,s3_plan/* s3Key */.Aw)(options.prefix, wheel.fileName);
    const region = (0,s3_plan/* resolveRegion */.Zv)(options.region, process.env);
    const url = (0,s3_plan/* objectUrl */.bC)({
        bucket,
        key,
        region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle,
    });
    const run = {
        session,
        wheel,
        options,
        key,
        region,
        log,
        signal: session.deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        secrets: session.secrets,
        reached: false,
    };
    log.info(`Publishing ${wheel.fileName} (${wheel.size} bytes) to ${(0,s3_plan/* s3Uri */.tT)(bucket, key)}`);
    try {
        const status = await publishRounds(run, url);
        return {
            bucket,
            key,
            uri: (0,s3_plan/* s3Uri */.tT)(bucket, key),
            url,
            requirement: (0,s3_plan/* pinnedRequirement */.YQ)(url, wheel.sha256),
            status,
            sha256: wheel.sha256,
        };
    }
    catch (error) {
        throw publishFailure(run, error);
    }
}
/** Look, then write; again when a concurrent job changed the key between the two. */
async function publishRounds(run, url) {
    const uri = (0,s3_plan/* s3Uri */.tT)(run.options.bucket, run.key);
    for (let round = 1; round <= MAX_ROUNDS; round++) {
        const existing = await headObject(run);
        const decision = await decide(run, existing);
        if (decision === 'look-again')
            continue;
        if (decision === 'already-published')
            return decision;
        const written = await write(run, existing, decision.write);
        if (written === 'uploaded')
            run.log.info(`Published ${uri}\n  ${url}`);
        if (written !== 'lost-race')
            return decision.status;
        run.log.info(`${uri} changed while uploading (concurrent publish); checking it.`);
    }
    throw new errors/* PublishError */.S1(`${uri} kept changing while publishing.`, {
        fix: 'make sure only one job publishes this wheel version.',
    });
}
/** Whether to create the key, replace it (s3-overwrite), or leave it: it is this wheel already. */
async function decide(run, existing) {
    if (!existing.exists)
        return { write: { IfNoneMatch: '*' }, status: 'created' };
    const uri = (0,s3_plan/* s3Uri */.tT)(run.options.bucket, run.key);
    const identity = await compareExisting(run, existing).catch((error) => {
        // Replaced between HEAD and GetObject (If-Match failed): look again.
        if ((0,s3_errors/* isPreconditionFailure */.l9)(error))
            return undefined;
        throw error;
    });
    if (!identity)
        return 'look-again';
    if (identity.same) {
        run.log.info(`${uri} is already published with the same bytes (${identity.why}); skipping.`);
        return 'already-published';
    }
    if (!run.options.overwrite)
        throw differentBytes(run, existing, identity);
    run.log.warning(`Overwriting ${uri} (s3-overwrite is true).`);
    return { write: { IfMatch: existing.etag ?? '*' }, status: 'overwritten' };
}
/**
 * Uploads with the condition: 'uploaded'; 'landed' when the answer was lost but S3 holds the
 * wheel; 'lost-race' when another job wrote the key between our look and our write.
 */
async function write(run, existing, condition) {
    try {
        await upload(run, condition);
        return 'uploaded';
    }
    catch (error) {
        if (run.session.signal.aborted)
            throw error;
        if ((0,s3_errors/* isPreconditionFailure */.l9)(error)) {
            if (existing.unknown)
                throw unreadable(run);
            return 'lost-race';
        }
        // The write may have landed although its answer was lost (a reset or cut-short response on
        // every attempt): then the wheel is published, and saying it failed would be wrong.
        if (!(error instanceof errors/* PublishError */.S1) && (await landed(run))) {
            run.log.info(`${(0,s3_plan/* s3Uri */.tT)(run.options.bucket, run.key)} holds this build's bytes although the answer to ` +
                'the upload was lost; it is published.');
            return 'landed';
        }
        throw error;
    }
}
/** What the user is told: our own PublishError, the cancellation, or the S3 failure explained. */
function publishFailure(run, error) {
    if (error instanceof errors/* PublishError */.S1)
        return error;
    // Cancelled: the upload was aborted on the way out; say so, not that S3 failed.
    if (run.session.signal.aborted)
        return run.session.signal.reason;
    return (0,s3_errors/* describeS3Error */.ye)(run.signal.aborted ? (0,s3_session.abortError)(error) : error, {
        bucket: run.options.bucket,
        key: run.key,
        region: run.region,
        endpoint: run.options.endpoint,
        operation: operationOf(error),
        secrets: run.secrets,
        reached: run.reached,
    });
}
function operationOf(error) {
    const operation = error?.operation;
    return typeof operation === 'string' ? operation : 'upload';
}
function differentBytes(run, existing, identity) {
    const uri = (0,s3_plan/* s3Uri */.tT)(run.options.bucket, run.key);
    const claimed = existing.metaSha256 === run.wheel.sha256.toLowerCase()
        ? " (its x-amz-meta-sha256 claims this build's digest, but the bytes are not this wheel)"
        : '';
    return new errors/* PublishError */.S1(`${uri} already exists with different content: ${identity.why}${claimed}; this build has ` +
        `${run.wheel.size} bytes with sha256 ${run.wheel.sha256}. A published version is never ` +
        'replaced silently.', {
        input: 's3-overwrite',
        fix: 'bump the version so the wheel gets a new file name, or set s3-overwrite: true to ' +
            'replace the object.',
    });
}
function unreadable(run) {
    const uri = (0,s3_plan/* s3Uri */.tT)(run.options.bucket, run.key);
    return new errors/* PublishError */.S1(`${uri} already exists, but the credentials may not read it (HEAD was refused), so it ` +
        'cannot be compared with this build.', {
        fix: `grant s3:GetObject on arn:aws:s3:::${run.options.bucket}/${run.key}, or bump the version.`,
    });
}


/***/ }),

/***/ 2362:
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
  taggedRequest: () => (/* binding */ taggedRequest)
});

// EXTERNAL MODULE: ../main/node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(55423);
// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(15232);
// EXTERNAL MODULE: ./src/log/redact.ts
var redact = __webpack_require__(93099);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(79338);
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
 * The one S3 session of a run, and the only way to the AWS SDK: every publishing path (the
 * wheel, the index, the files beside the wheel, the consumer check, yank) sends through the same
 * object, which holds the client (its retry policy: the SDK's standard retries, `s3-max-attempts`
 * attempts per request), the credentials masked before any request, the redaction of messages,
 * and the run's cancellation signal, merged into every request. A path adds its own deadline
 * (`deadline`); only a clean-up request (aborting a multipart upload) goes out after a cancel.
 * The paths differ in what they do, never in how they talk to S3. Nothing outside src/publish/s3/
 * imports the SDK (lint: no-restricted-imports; __tests__/layers.test.ts).
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
const COMMANDS = {
    AbortMultipartUpload: dist_cjs/* AbortMultipartUploadCommand */.tfP,
    CompleteMultipartUpload: dist_cjs/* CompleteMultipartUploadCommand */.Gym,
    CreateMultipartUpload: dist_cjs/* CreateMultipartUploadCommand */.nG4,
    GetObject: dist_cjs/* GetObjectCommand */.jLs,
    GetObjectAcl: dist_cjs/* GetObjectAclCommand */.hsf,
    HeadObject: dist_cjs/* HeadObjectCommand */.l81,
    ListMultipartUploads: dist_cjs/* ListMultipartUploadsCommand */.mo2,
    ListObjectsV2: dist_cjs/* ListObjectsV2Command */.u6x,
    PutObject: dist_cjs/* PutObjectCommand */.wKZ,
    PutObjectAcl: dist_cjs/* PutObjectAclCommand */.a8O,
    UploadPart: dist_cjs/* UploadPartCommand */.iVK,
};
/**
 * Opens a session: the client, its credentials masked on `log` before any request, and the
 * run's cancellation `signal` (with `timeoutMs`, a bound for the whole session). One per run:
 * the pipeline opens it when the first S3 step needs it and closes it at the end.
 */
async function openS3Session(options, log, limits = {}) {
    const client = createS3Client(options);
    const secrets = await maskCredentials(client, log);
    const bounds = [
        ...(limits.signal ? [limits.signal] : []),
        ...(limits.timeoutMs === undefined ? [] : [AbortSignal.timeout(limits.timeoutMs)]),
    ];
    const signal = bounds.length ? AbortSignal.any(bounds) : new AbortController().signal;
    const requestSignal = (options) => {
        if (options.cleanupMs !== undefined)
            return AbortSignal.timeout(options.cleanupMs);
        return options.signal ? AbortSignal.any([signal, options.signal]) : signal;
    };
    return {
        region: (0,s3_plan/* resolveRegion */.Zv)(options.region, process.env),
        secrets,
        signal,
        redact: (text) => (0,redact/* redactText */.Rd)(text, secrets, [redact/* AWS_ACCESS_KEY_ID */.Fb]),
        deadline: (timeoutMs) => AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
        send: (operation, input, options = {}) => {
            const command = new COMMANDS[operation](input);
            const key = options.key ?? input.Key;
            return sendTagged(options.tag ?? operation, key, () => client.send(command, { abortSignal: requestSignal(options) }));
        },
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
