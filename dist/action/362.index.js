export const id = 362;
export const ids = [362];
export const modules = {

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
