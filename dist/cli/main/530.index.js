export const id = 530;
export const ids = [530,870];
export const modules = {

/***/ 83870:
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
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
// EXTERNAL MODULE: ./src/publish/s3-plan.ts
var s3_plan = __webpack_require__(99137);
;// CONCATENATED MODULE: ./src/publish/s3-region-header.ts
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

;// CONCATENATED MODULE: ./src/publish/s3-session.ts
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


/***/ }),

/***/ 15530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishToS3: () => (/* binding */ publishToS3)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(53711);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/publish/s3-errors.ts
var s3_errors = __webpack_require__(69373);
// EXTERNAL MODULE: ./src/publish/s3-session.ts + 1 modules
var s3_session = __webpack_require__(83870);
// EXTERNAL MODULE: ./src/publish/s3-plan.ts
var s3_plan = __webpack_require__(99137);
;// CONCATENATED MODULE: ./src/publish/s3-identity.ts
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

;// CONCATENATED MODULE: ./src/publish/s3.ts
/**
 * Publishes a built wheel to S3 (or an S3-compatible store) under `<prefix><wheel file name>`.
 *
 * - Idempotent: identical bytes already there -> "already published"; different bytes -> refused
 *   unless overwrite. Identity is proven (S3's full-object checksum, else length + a SHA-256 of
 *   the bytes read back; see s3-identity.ts), never taken from x-amz-meta-sha256. Writes are conditional (If-None-Match: * to create, If-Match: <etag> to
 *   overwrite), so two concurrent jobs can never both create, or silently replace, the object.
 * - Integrity: every request carries a SHA-256 the server verifies (the whole object's for a
 *   single PUT, each part's for multipart), and the bytes read from disk are checked against the
 *   wheel's sha256 before the object is committed. The hex digest is stored as x-amz-meta-sha256.
 * - Multipart is done here rather than with lib-storage's Upload so that the whole-file digest can
 *   be checked before CompleteMultipartUpload and every failure aborts the upload (no orphan
 *   parts). Parts are read from disk one at a time, so memory stays below partSize x queueSize.
 * - Credentials come from the SDK's default chain only and never appear in messages.
 */








const DEFAULT_TIMEOUT_MS = 30 * 60_000;
/** Rounds of look-then-write when a concurrent job changes the object between the two. */
const MAX_ROUNDS = 3;
/** Budget of the clean-up requests made after a failure (the publish deadline may be spent). */
const CLEANUP_TIMEOUT_MS = 30_000;
/** Clock skew allowed when matching uploads S3 began to our CreateMultipartUpload attempts. */
const STRAY_UPLOAD_SLACK_MS = 30_000;
async function publishToS3(wheel, options, log) {
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
    const result = (status) => ({
        bucket,
        key,
        uri: (0,s3_plan/* s3Uri */.tT)(bucket, key),
        url,
        requirement: url,
        status,
        sha256: wheel.sha256,
    });
    const session = await (0,s3_session.openS3Session)(options, log, {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal: options.signal,
    });
    const { client, secrets } = session;
    const ctx = {
        client,
        wheel,
        options,
        key,
        region,
        log,
        signal: session.signal,
        secrets,
        reached: false,
    };
    log.info(`Publishing ${wheel.fileName} (${wheel.size} bytes) to ${(0,s3_plan/* s3Uri */.tT)(bucket, key)}`);
    try {
        for (let round = 1; round <= MAX_ROUNDS; round++) {
            const existing = await headObject(ctx);
            let condition;
            let status;
            if (existing.exists) {
                const identity = await compareExisting(ctx, existing).catch((error) => {
                    // Replaced between HEAD and GetObject (If-Match failed): look again.
                    if ((0,s3_errors/* isPreconditionFailure */.l9)(error))
                        return undefined;
                    throw error;
                });
                if (!identity)
                    continue;
                if (identity.same) {
                    log.info(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)} is already published with the same bytes (${identity.why}); skipping.`);
                    return result('already-published');
                }
                if (!options.overwrite)
                    throw differentBytes(ctx, existing, identity);
                log.warning(`Overwriting ${(0,s3_plan/* s3Uri */.tT)(bucket, key)} (s3-overwrite is true).`);
                condition = { IfMatch: existing.etag ?? '*' };
                status = 'overwritten';
            }
            else {
                condition = { IfNoneMatch: '*' };
                status = 'created';
            }
            try {
                await upload(ctx, condition);
                log.info(`Published ${(0,s3_plan/* s3Uri */.tT)(bucket, key)}\n  ${url}`);
                return result(status);
            }
            catch (error) {
                if (options.signal?.aborted)
                    throw error;
                if (!(0,s3_errors/* isPreconditionFailure */.l9)(error)) {
                    // The write may have landed although its answer was lost (a reset or cut-short
                    // response on every attempt): then the wheel is published, and saying it failed would
                    // be wrong.
                    if (!(error instanceof errors/* PublishError */.S1) && (await landed(ctx))) {
                        log.info(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)} holds this build's bytes although the answer to the upload ` +
                            'was lost; it is published.');
                        return result(status);
                    }
                    throw error;
                }
                // Another job wrote the key between our look and our write: look again.
                if (existing.unknown)
                    throw unreadable(ctx);
                log.info(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)} changed while uploading (concurrent publish); checking it.`);
            }
        }
        throw new errors/* PublishError */.S1(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)} kept changing while publishing.`, {
            fix: 'make sure only one job publishes this wheel version.',
        });
    }
    catch (error) {
        if (error instanceof errors/* PublishError */.S1)
            throw error;
        // Cancelled: the upload was aborted on the way out; say so, not that S3 failed.
        if (options.signal?.aborted)
            throw options.signal.reason;
        throw (0,s3_errors/* describeS3Error */.ye)(ctx.signal.aborted ? (0,s3_session.abortError)(error) : error, {
            bucket,
            key,
            region,
            endpoint: options.endpoint,
            operation: operationOf(error),
            secrets,
            reached: ctx.reached,
        });
    }
    finally {
        session.close();
    }
}
function operationOf(error) {
    const operation = error?.operation;
    return typeof operation === 'string' ? operation : 'upload';
}
function differentBytes(ctx, existing, identity) {
    const uri = (0,s3_plan/* s3Uri */.tT)(ctx.options.bucket, ctx.key);
    const claimed = existing.metaSha256 === ctx.wheel.sha256.toLowerCase()
        ? " (its x-amz-meta-sha256 claims this build's digest, but the bytes are not this wheel)"
        : '';
    return new errors/* PublishError */.S1(`${uri} already exists with different content: ${identity.why}${claimed}; this build has ` +
        `${ctx.wheel.size} bytes with sha256 ${ctx.wheel.sha256}. A published version is never ` +
        'replaced silently.', {
        input: 's3-overwrite',
        fix: 'bump the version so the wheel gets a new file name, or set s3-overwrite: true to ' +
            'replace the object.',
    });
}
function unreadable(ctx) {
    const uri = (0,s3_plan/* s3Uri */.tT)(ctx.options.bucket, ctx.key);
    return new errors/* PublishError */.S1(`${uri} already exists, but the credentials may not read it (HEAD was refused), so it ` +
        'cannot be compared with this build.', {
        fix: `grant s3:GetObject on arn:aws:s3:::${ctx.options.bucket}/${ctx.key}, or bump the version.`,
    });
}
/** After a failed write: does S3 hold exactly this wheel anyway? (Own time budget.) */
async function landed(ctx) {
    try {
        const signal = AbortSignal.timeout(CLEANUP_TIMEOUT_MS);
        const existing = await headObject(ctx, signal);
        return existing.exists && (await compareExisting(ctx, existing, signal)).same;
    }
    catch {
        return false;
    }
}
async function headObject(ctx, signal = ctx.signal) {
    try {
        const head = await ctx.client.send(new dist_cjs/* HeadObjectCommand */.l81({ Bucket: ctx.options.bucket, Key: ctx.key, ChecksumMode: 'ENABLED' }), { abortSignal: signal });
        ctx.reached = true;
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
            ctx.reached = true;
        if (status === 404)
            return { exists: false, head: {} };
        // Without s3:ListBucket S3 answers 403 for a missing key; the conditional write still
        // protects an existing object, and a real permission problem shows up there with details.
        if (status === 403) {
            ctx.log.debug(`HEAD ${ctx.key} was refused (403); relying on the conditional write.`);
            return { exists: false, unknown: true, head: {} };
        }
        Object.assign(error, { operation: 'HeadObject' });
        throw error;
    }
}
/**
 * Proves whether the existing object is this wheel: S3's full-object checksum when it has one,
 * else the length, else a SHA-256 of its bytes streamed with GetObject (If-Match the ETag HEAD
 * saw, so a concurrent replacement is not mixed in). Metadata is never trusted.
 */
async function compareExisting(ctx, existing, signal = ctx.signal) {
    const decided = identityFromHead(existing.head, ctx.wheel);
    if (decided.verdict === 'same')
        return { same: true, why: decided.proof };
    if (decided.verdict === 'different')
        return { same: false, why: decided.reason };
    const got = await (0,s3_session.sendTagged)('GetObject', ctx.key, () => ctx.client.send(new dist_cjs.GetObjectCommand({
        Bucket: ctx.options.bucket,
        Key: ctx.key,
        ...(existing.etag ? { IfMatch: existing.etag } : {}),
    }), { abortSignal: signal }));
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let size = 0;
    for await (const chunk of got.Body) {
        hash.update(chunk);
        size += chunk.length;
    }
    const digest = hash.digest('hex');
    if (size === ctx.wheel.size && digest === ctx.wheel.sha256.toLowerCase()) {
        return { same: true, why: "its bytes, read back, hash to this build's sha256" };
    }
    return { same: false, why: `its ${size} bytes hash to sha256 ${digest}` };
}
function objectParams(ctx) {
    return {
        Bucket: ctx.options.bucket,
        Key: ctx.key,
        ContentType: 'application/zip',
        CacheControl: (0,s3_plan/* cacheControl */.aV)(ctx.options.acl),
        Metadata: { sha256: ctx.wheel.sha256 },
        ...(0,s3_session.aclParams)(ctx.options.acl),
    };
}
async function upload(ctx, condition) {
    const partSize = ctx.options.partSize ?? s3_plan/* DEFAULT_PART_SIZE */.US;
    const plan = (0,s3_plan/* planUpload */.d7)(ctx.wheel.size, partSize, ctx.options.multipartThreshold ?? partSize);
    let file;
    try {
        file = await (0,promises_.open)(ctx.wheel.path, 'r');
    }
    catch (error) {
        throw new errors/* PublishError */.S1(`Cannot read the wheel ${ctx.wheel.path}: ${(0,errors/* errorMessage */.gJ)(error)}`, {
            file: ctx.wheel.path,
        });
    }
    try {
        const actualSize = (await file.stat()).size;
        if (actualSize !== ctx.wheel.size)
            throw changedOnDisk(ctx, `${actualSize} bytes`);
        if (plan.multipart)
            await uploadMultipart(ctx, file, plan, condition);
        else
            await uploadSingle(ctx, file, condition);
    }
    finally {
        await file.close();
    }
}
function changedOnDisk(ctx, found) {
    return new errors/* PublishError */.S1(`${ctx.wheel.path} is not the wheel that was built and verified (expected ` +
        `${ctx.wheel.size} bytes with sha256 ${ctx.wheel.sha256}, read ${found}); nothing was published.`, { file: ctx.wheel.path, fix: 'make sure nothing modifies the wheel after the build step.' });
}
/** Reads the range into `memory` when given (a reused part buffer), else into a new buffer. */
async function readRange(ctx, file, range, memory) {
    const length = range.end - range.start;
    const buffer = memory ? memory.subarray(0, length) : Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < buffer.length) {
        const { bytesRead } = await file.read(buffer, offset, buffer.length - offset, range.start + offset);
        if (bytesRead === 0)
            throw changedOnDisk(ctx, `only ${range.start + offset} bytes`);
        offset += bytesRead;
    }
    return buffer;
}
async function uploadSingle(ctx, file, condition) {
    const body = await readRange(ctx, file, { partNumber: 1, start: 0, end: ctx.wheel.size });
    const digest = (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
    if (digest !== ctx.wheel.sha256)
        throw changedOnDisk(ctx, `sha256 ${digest}`);
    await (0,s3_session.sendTagged)('PutObject', ctx.key, () => ctx.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
        ...objectParams(ctx),
        ...condition,
        Body: body,
        ContentLength: body.length,
        // The wheel's own digest: S3 rejects the request (BadDigest) unless the bytes match it.
        ChecksumAlgorithm: 'SHA256',
        ChecksumSHA256: (0,s3_plan/* hexToBase64 */.OG)(ctx.wheel.sha256),
    }), { abortSignal: ctx.signal }));
    ctx.options.onProgress?.(body.length, ctx.wheel.size);
}
async function uploadMultipart(ctx, file, plan, condition) {
    const { Bucket, Key } = objectParams(ctx);
    const queueSize = Math.max(1, ctx.options.queueSize ?? s3_plan/* DEFAULT_QUEUE_SIZE */.Ek);
    ctx.log.info(`Multipart upload: ${plan.parts.length} parts of up to ${plan.partSize} bytes, ` +
        `${queueSize} at a time`);
    // A run killed mid-upload (SIGKILL leaves no time to abort) left its upload of this key open.
    // Only uploads begun before this process started are a dead run's: a concurrent publisher's
    // upload, begun since, is left alone (the conditional write decides between us).
    await abortStrayUploads(ctx, { before: performance.timeOrigin });
    const createStarted = Date.now();
    let created;
    try {
        created = await (0,s3_session.sendTagged)('CreateMultipartUpload', ctx.key, () => ctx.client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4({ ...objectParams(ctx), ChecksumAlgorithm: 'SHA256' }), { abortSignal: ctx.signal }));
    }
    catch (error) {
        const { status } = (0,s3_errors/* s3ErrorCode */.az)(error);
        const attempts = error.$metadata?.attempts ?? 1;
        if (status === undefined || attempts > 1)
            await abortStrayUploads(ctx, { since: createStarted });
        throw error;
    }
    const uploadId = created.UploadId;
    if (!uploadId)
        throw new errors/* PublishError */.S1('S3 did not return an upload id for the multipart upload.');
    if ((created.$metadata.attempts ?? 1) > 1) {
        await abortStrayUploads(ctx, { since: createStarted }, uploadId);
    }
    // Stops the other parts as soon as one fails, before the upload is aborted.
    const stop = new AbortController();
    const signal = AbortSignal.any([ctx.signal, stop.signal]);
    try {
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
            // Parts are read in order, so the whole-file digest is computed on the bytes actually sent.
            const memory = spare.pop() ?? Buffer.allocUnsafeSlow(plan.partSize);
            const body = await readRange(ctx, file, range, memory);
            whole.update(body);
            const checksum = (0,external_node_crypto_.createHash)('sha256').update(body).digest('base64');
            const task = (0,s3_session.sendTagged)(`UploadPart ${range.partNumber}`, ctx.key, () => ctx.client.send(new dist_cjs/* UploadPartCommand */.iVK({
                Bucket,
                Key,
                UploadId: uploadId,
                PartNumber: range.partNumber,
                Body: body,
                ContentLength: body.length,
                ChecksumAlgorithm: 'SHA256',
                ChecksumSHA256: checksum,
            }), { abortSignal: signal })).then((part) => {
                completed.push({
                    PartNumber: range.partNumber,
                    ETag: part.ETag,
                    ChecksumSHA256: part.ChecksumSHA256 ?? checksum,
                });
                sent += body.length;
                ctx.options.onProgress?.(sent, ctx.wheel.size);
            }, (error) => {
                failure ??= error;
                stop.abort();
            });
            const tracked = task.finally(() => {
                inFlight.delete(tracked);
                spare.push(memory);
            });
            inFlight.add(tracked);
        }
        await Promise.all(inFlight);
        if (failure !== undefined)
            throw failure;
        const digest = whole.digest('hex');
        if (digest !== ctx.wheel.sha256)
            throw changedOnDisk(ctx, `sha256 ${digest}`);
        completed.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
        await (0,s3_session.sendTagged)('CompleteMultipartUpload', ctx.key, () => ctx.client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
            Bucket,
            Key,
            UploadId: uploadId,
            MultipartUpload: { Parts: completed },
            ...condition,
        }), { abortSignal: ctx.signal }));
    }
    catch (error) {
        await abortUpload(ctx, uploadId);
        throw error;
    }
}
/**
 * A CreateMultipartUpload whose answer was lost (connection reset, response cut short) still
 * began an upload that the client never heard of; the SDK's retry then begins another one, and
 * the first stays open, its parts billed, forever. After a retried or failed create, abort the
 * uploads of this exact key that S3 began since our first attempt (with slack for clock skew),
 * except our own. A concurrent job publishing the same key in that window would see its upload
 * vanish and fail with NoSuchUpload: a clear failure, never an overwrite.
 */
async function abortStrayUploads(ctx, window, keep) {
    const inWindow = (initiated) => 'since' in window
        ? initiated >= window.since - STRAY_UPLOAD_SLACK_MS
        : initiated < window.before;
    let stray;
    try {
        const list = await ctx.client.send(new dist_cjs/* ListMultipartUploadsCommand */.mo2({ Bucket: ctx.options.bucket, Prefix: ctx.key }), { abortSignal: AbortSignal.timeout(CLEANUP_TIMEOUT_MS) });
        stray = (list.Uploads ?? [])
            .filter((upload) => upload.Key === ctx.key &&
            upload.UploadId !== undefined &&
            upload.UploadId !== keep &&
            inWindow(upload.Initiated?.getTime() ?? 0))
            .map((upload) => upload.UploadId);
    }
    catch (error) {
        // Without s3:ListBucketMultipartUploads only a lifecycle rule can clean up.
        ctx.log.debug(`Could not list the multipart uploads of ${ctx.key} (${(0,s3_errors/* s3ErrorCode */.az)(error).code}).`);
        return;
    }
    for (const id of stray)
        await abortUpload(ctx, id);
}
/** Aborts with its own time budget: the publish deadline may be what failed. */
async function abortUpload(ctx, uploadId) {
    try {
        await ctx.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({
            Bucket: ctx.options.bucket,
            Key: ctx.key,
            UploadId: uploadId,
        }), { abortSignal: AbortSignal.timeout(60_000) });
        ctx.log.info(`Aborted the multipart upload of ${ctx.key}: no parts are left behind.`);
    }
    catch (error) {
        const { code } = (0,s3_errors/* s3ErrorCode */.az)(error);
        ctx.log.warning(`Could not abort the multipart upload ${uploadId} of ${ctx.key} (${code}); its parts are ` +
            'billed until a lifecycle rule (AbortIncompleteMultipartUpload) removes them.');
    }
}


/***/ })

};
