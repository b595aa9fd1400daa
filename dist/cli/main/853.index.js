export const id = 853;
export const ids = [853,529];
export const modules = {

/***/ 16237:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YD: () => (/* binding */ readSidecar),
/* harmony export */   bV: () => (/* binding */ normalizeYankReason),
/* harmony export */   e8: () => (/* binding */ METADATA_SUFFIX),
/* harmony export */   hQ: () => (/* binding */ sidecarOf),
/* harmony export */   pb: () => (/* binding */ metadataFacts),
/* harmony export */   tB: () => (/* binding */ YANKED_SUFFIX)
/* harmony export */ });
/* unused harmony export requiresPythonOf */
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

/***/ 87439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ alignObjectAcl),
/* harmony export */   _: () => (/* binding */ isPublicRead)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53711);
/* harmony import */ var _s3_plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(784);
/**
 * Brings an existing object's ACL to the one `s3-acl` asks for. An identical object is never
 * uploaded again, so without this a re-run with `s3-acl: public-read` over bytes published
 * private would say "already published" and leave them unreadable to the platform.
 */


const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
/** Pure: does the ACL grant everyone READ (what `public-read` gives)? */
function isPublicRead(acl) {
    return (acl.Grants ?? []).some((grant) => grant.Grantee?.Type === 'Group' &&
        grant.Grantee.URI === ALL_USERS &&
        (grant.Permission === 'READ' || grant.Permission === 'FULL_CONTROL'));
}
/**
 * Reads the object's ACL and puts the canned one `acl` names when it differs. Errors are thrown
 * as the SDK raised them, tagged with the operation, for describeS3Error.
 */
async function alignObjectAcl(options) {
    const { client, bucket, key, acl, log, signal } = options;
    let current;
    try {
        current = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .GetObjectAclCommand */ .hsf({ Bucket: bucket, Key: key }), {
            abortSignal: signal,
        });
    }
    catch (error) {
        Object.assign(error, { operation: 'GetObjectAcl', key });
        throw error;
    }
    const isPublic = isPublicRead(current);
    if (isPublic === (acl === 'public-read'))
        return 'unchanged';
    try {
        await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_1__/* .PutObjectAclCommand */ .a8O({ Bucket: bucket, Key: key, ACL: acl }), {
            abortSignal: signal,
        });
    }
    catch (error) {
        Object.assign(error, { operation: 'PutObjectAcl', key });
        throw error;
    }
    log.info(`${(0,_s3_plan_js__WEBPACK_IMPORTED_MODULE_0__/* .s3Uri */ .tT)(bucket, key)}: ACL brought to ${acl} as s3-acl asks (it was ` +
        `${isPublic ? 'public-read' : 'private'}).`);
    return acl === 'public-read' ? 'made-public' : 'made-private';
}


/***/ }),

/***/ 49853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  alignPageAcls: () => (/* binding */ alignPageAcls),
  alignWheelAcl: () => (/* binding */ alignWheelAcl),
  publishSidecars: () => (/* binding */ publishSidecars)
});

// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(34758);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/zip/zip-listing.ts
var zip_listing = __webpack_require__(853);
;// CONCATENATED MODULE: ./src/zip/zip-entry.ts



/**
 * Reads one entry of a zip (stored or deflated) by a predicate on its name, from the central
 * directory: for the wheel's `*.dist-info/METADATA`, served beside it as `<wheel>.metadata`.
 * Returns undefined when no entry matches; throws when more than one does, or the zip is corrupt.
 * Bounded: entries over `maxBytes` (default 16 MiB) are refused rather than inflated.
 */
async function readZipEntry(path, match, maxBytes = 16 * 1024 * 1024) {
    const file = await (0,promises_.open)(path, 'r');
    try {
        const found = (await (0,zip_listing/* readCentralDirectory */.H)(file, path)).filter((entry) => match(entry.name));
        if (found.length === 0)
            return undefined;
        if (found.length > 1) {
            throw new Error(`${path} has several entries named like ${found.map((f) => f.name).join(', ')}`);
        }
        const entry = found[0];
        if (entry.size > maxBytes || entry.compressedSize > maxBytes) {
            throw new Error(`${path}: ${entry.name} is larger than ${maxBytes} bytes`);
        }
        const header = Buffer.alloc(30);
        await file.read(header, 0, 30, entry.localHeaderOffset);
        if (header.readUInt32LE(0) !== 0x04034b50)
            throw new Error(`${path}: corrupt local header`);
        const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
        const data = Buffer.alloc(entry.compressedSize);
        await file.read(data, 0, entry.compressedSize, start);
        let bytes;
        if (entry.method === 0)
            bytes = data;
        else if (entry.method === 8)
            bytes = (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: maxBytes });
        else
            throw new Error(`${path}: ${entry.name} uses compression method ${entry.method}`);
        if (bytes.length !== entry.size)
            throw new Error(`${path}: ${entry.name} has the wrong size`);
        return { name: entry.name, bytes };
    }
    finally {
        await file.close();
    }
}
/** The wheel's `<name>-<version>.dist-info/METADATA`, the exact bytes (PEP 658). */
function isTopLevelMetadata(name) {
    return /^[^/]+\.dist-info\/METADATA$/.test(name);
}

// EXTERNAL MODULE: ./src/publish/index/index-sidecars.ts
var index_sidecars = __webpack_require__(16237);
// EXTERNAL MODULE: ./src/wheel/names.ts
var names = __webpack_require__(44295);
// EXTERNAL MODULE: ./src/publish/s3/s3-acl.ts
var s3_acl = __webpack_require__(87439);
// EXTERNAL MODULE: ./src/publish/s3/s3-errors.ts
var s3_errors = __webpack_require__(94556);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(784);
// EXTERNAL MODULE: ./src/publish/s3/s3-session.ts + 1 modules
var s3_session = __webpack_require__(1529);
// EXTERNAL MODULE: ./src/publish/s3/s3-sidecars.ts
var s3_sidecars = __webpack_require__(48123);
;// CONCATENATED MODULE: ./src/publish/s3/s3-beside.ts









const TIMEOUT_MS = 5 * 60_000;
async function withClient(options, key, log, fn) {
    const session = await (0,s3_session.openS3Session)(options, log, { timeoutMs: TIMEOUT_MS });
    try {
        return await fn(session.client, session.signal);
    }
    catch (error) {
        if (error instanceof errors/* PublishError */.S1)
            throw error;
        const tagged = (0,s3_session.taggedRequest)(error, { operation: 'PutObjectAcl', key });
        throw (0,s3_errors/* describeS3Error */.ye)(error, {
            bucket: options.bucket,
            key: tagged.key,
            region: session.region,
            endpoint: options.endpoint,
            operation: tagged.operation,
            secrets: session.secrets,
        });
    }
    finally {
        session.close();
    }
}
/** An identical wheel was skipped: its ACL must still follow `s3-acl`. */
function alignWheelAcl(options, fileName, log) {
    const key = (0,s3_plan/* s3Key */.Aw)(options.prefix, fileName);
    return withClient(options, key, log, async (client, signal) => {
        await (0,s3_acl/* alignObjectAcl */.T)({ client, bucket: options.bucket, key, acl: options.acl, log, signal });
    });
}
/** The index pages left unchanged by the update still get the ACL `s3-acl` asks for. */
function alignPageAcls(options, keys, log) {
    return withClient(options, keys[0] ?? options.prefix, log, async (client, signal) => {
        for (const key of keys) {
            await (0,s3_acl/* alignObjectAcl */.T)({ client, bucket: options.bucket, key, acl: options.acl, log, signal });
        }
    });
}
/** Writes `<wheel>.metadata` (when `metadata`) and `<wheel>.verification.json` beside the wheel. */
async function publishSidecars(options, wheel, receipt, metadata, log) {
    const files = [];
    if (metadata) {
        const entry = await readZipEntry(wheel.path, isTopLevelMetadata);
        if (!entry) {
            throw new errors/* PublishError */.S1(`${wheel.fileName} has no *.dist-info/METADATA.`, {
                file: wheel.path,
                fix: 'build the wheel with this action or a standard build backend.',
            });
        }
        files.push({
            key: (0,s3_plan/* s3Key */.Aw)(options.prefix, `${wheel.fileName}${index_sidecars/* METADATA_SUFFIX */.e8}`),
            body: entry.bytes,
            // What PyPI serves PEP 658 files as.
            contentType: 'binary/octet-stream',
        });
    }
    if (receipt) {
        files.push({
            key: (0,s3_plan/* s3Key */.Aw)(options.prefix, `${wheel.fileName}${names/* RECEIPT_SUFFIX */.X9}`),
            body: receipt,
            contentType: 'application/json',
        });
    }
    const written = [];
    for (const file of files) {
        const status = await withClient(options, file.key, log, (client, signal) => (0,s3_sidecars/* putSidecar */.p)({
            client,
            bucket: options.bucket,
            key: file.key,
            body: file.body,
            contentType: file.contentType,
            acl: options.acl,
            log,
            signal,
        }));
        log.info(`s3://${options.bucket}/${file.key}: ${status}`);
        written.push(file.key);
    }
    return written;
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


/***/ }),

/***/ 48123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ putSidecar)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(53711);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34758);
/* harmony import */ var _s3_acl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87439);
/* harmony import */ var _s3_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94556);
/* harmony import */ var _s3_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(784);
/**
 * Writes the small objects published beside a wheel (index-sidecars.ts): `<wheel>.metadata` and
 * `<wheel>.verification.json`. Each is read back first (they are a few KiB): identical bytes are
 * left alone (their ACL brought in line), different bytes are replaced only if the object is
 * still the one read (If-Match), a missing one is created only if still missing (If-None-Match).
 */






const ROUNDS = 3;
async function putSidecar(options) {
    const { client, bucket, key, body, acl, log, signal } = options;
    for (let round = 1; round <= ROUNDS; round++) {
        let stored;
        try {
            const object = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__.GetObjectCommand({ Bucket: bucket, Key: key }), {
                abortSignal: signal,
            });
            stored = {
                etag: object.ETag,
                bytes: Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array()),
            };
        }
        catch (error) {
            const { code, status } = (0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .s3ErrorCode */ .az)(error);
            // 403: no s3:GetObject/ListBucket; the conditional create below still protects.
            if (!((status === 404 && code !== 'NoSuchBucket') || status === 403)) {
                Object.assign(error, { operation: 'GetObject', key });
                throw error;
            }
        }
        if (stored && stored.bytes.equals(body)) {
            await (0,_s3_acl_js__WEBPACK_IMPORTED_MODULE_2__/* .alignObjectAcl */ .T)({ client, bucket, key, acl, log, signal });
            return 'unchanged';
        }
        try {
            await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_5__/* .PutObjectCommand */ .wKZ({
                Bucket: bucket,
                Key: key,
                Body: body,
                ContentLength: body.length,
                ContentType: options.contentType,
                CacheControl: 'no-cache',
                ...(acl === 'public-read' ? { ACL: 'public-read' } : {}),
                ...(stored?.etag ? { IfMatch: stored.etag } : { IfNoneMatch: '*' }),
                ChecksumAlgorithm: 'SHA256',
                ChecksumSHA256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest('base64'),
            }), { abortSignal: signal });
            if (stored)
                log.info(`${(0,_s3_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .s3Uri */ .tT)(bucket, key)} replaced (its content was out of date).`);
            return stored ? 'replaced' : 'created';
        }
        catch (error) {
            if (!(0,_s3_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isPreconditionFailure */ .l9)(error)) {
                Object.assign(error, { operation: 'PutObject', key });
                throw error;
            }
            log.info(`${(0,_s3_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .s3Uri */ .tT)(bucket, key)} changed while writing it (another job); reading it again.`);
        }
    }
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`${(0,_s3_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .s3Uri */ .tT)(bucket, key)} kept changing while writing it.`, {
        fix: 'make sure only one job publishes this wheel version, then re-run.',
    });
}


/***/ })

};
