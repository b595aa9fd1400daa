export const id = 504;
export const ids = [504,529];
export const modules = {

/***/ 56504:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyPublished: () => (/* binding */ verifyPublished)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(53711);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(34758);
/* harmony import */ var _python_verify_install_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24399);
/* harmony import */ var _wheel_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(44295);
/* harmony import */ var _index_index_pages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(14744);
/* harmony import */ var _log_redact_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(94361);
/* harmony import */ var _log_text_tail_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(3342);
/* harmony import */ var _s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(94556);
/* harmony import */ var _s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(784);
/* harmony import */ var _s3_s3_session_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1529);
/* harmony import */ var _verify_published_plan_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5694);
/**
 * The consumer check (`verify-published`): after the upload and the index update, prove that the
 * platform can install what was published, the way it will:
 *
 * 1. the wheel's URL is read as the platform reads it (an unsigned GET for `anonymous`, a signed
 *    GetObject for `credentials`) and its bytes must hash to the wheel's sha256;
 * 2. the matching interpreter's own pip, through the executor (in the image with `image`) and
 *    with every AWS credential variable removed, installs `name==version` from the published
 *    index (or the wheel's URL) into a fresh target, and the `import` check runs on that install.
 *
 * A signed reader cannot be imitated by pip, so with `credentials` pip installs the bytes the
 * signed read returned (already proven identical) instead of reading S3 itself.
 */














const ISOLATED_ENV = { PIP_CONFIG_FILE: '/dev/null', PYTHONNOUSERSITE: '1', PIP_NO_INPUT: '1' };
function secrets() {
    return ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']
        .map((name) => process.env[name])
        .filter((value) => !!value);
}
/** An unsigned GET: what a public URL or a bucket policy for everyone gives. */
async function anonymousRead(url, what, options, key) {
    let response;
    try {
        response = await fetch(url, {
            signal: AbortSignal.timeout(options.timeoutMs ?? 5 * 60_000),
            redirect: 'follow',
        });
    }
    catch (error) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1(`The platform's read of ${what} (${url}) failed: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}.`, {
            input: 'verify-published',
            fix: 'check that the URL is reachable from where the platform runs (s3-endpoint, s3-region).',
        });
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status === 403 || response.status === 404) {
        throw (0,_verify_published_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .readRefusedError */ .tf)({
            status: response.status,
            url,
            bucket: options.bucket,
            prefix: options.prefix,
            key,
            mode: 'anonymous',
            acl: options.acl,
            what,
        });
    }
    if (!response.ok) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1(`The platform's read of ${what} (${url}) got HTTP ${response.status}.`, {
            input: 'verify-published',
            fix: 're-run the job; if it persists, check the bucket and the endpoint.',
            details: (0,_log_redact_js__WEBPACK_IMPORTED_MODULE_11__/* .redactText */ .Rd)(body.toString('utf8').slice(0, 2000), secrets(), [_log_redact_js__WEBPACK_IMPORTED_MODULE_11__/* .AWS_ACCESS_KEY_ID */ .Fb]),
        });
    }
    return body;
}
/** A GetObject signed with the runner's credentials: a platform that reads with its own role. */
async function signedRead(url, key, options) {
    const session = await (0,_s3_s3_session_js__WEBPACK_IMPORTED_MODULE_9__.openS3Session)(options, options.log, {
        timeoutMs: options.timeoutMs ?? 5 * 60_000,
    });
    try {
        const object = await session.client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_12__.GetObjectCommand({ Bucket: options.bucket, Key: key }), { abortSignal: session.signal });
        return Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array());
    }
    catch (error) {
        const { status, code } = (0,_s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .s3ErrorCode */ .az)(error);
        if (status === 403 || status === 404) {
            throw (0,_verify_published_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .readRefusedError */ .tf)({
                status,
                url,
                bucket: options.bucket,
                prefix: options.prefix,
                key,
                mode: 'credentials',
                acl: options.acl,
                what: 'the published wheel',
            });
        }
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1(`The signed read of ${url} failed: ${code}.`, {
            input: 'verify-published',
            fix: 're-run the job; if it persists, check the bucket and the credentials.',
            details: session.redact((0,_base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)),
        });
    }
    finally {
        session.close();
    }
}
async function verifyPublished(options) {
    const { wheel, log, executor } = options;
    const region = (0,_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveRegion */ .Zv)(options.region, process.env);
    const locate = (key) => (0,_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .objectUrl */ .bC)({
        bucket: options.bucket,
        key,
        region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle,
    });
    const key = (0,_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .s3Key */ .Aw)(options.prefix, wheel.fileName);
    const url = locate(key);
    // 1. The bytes the platform gets are the bytes that were verified.
    const bytes = options.mode === 'anonymous'
        ? await anonymousRead(url, 'the published wheel', options, key)
        : await signedRead(url, key, options);
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
    if (digest !== wheel.sha256.toLowerCase()) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1(`${url} serves ${bytes.length} bytes with sha256 ${digest}, not the verified wheel ` +
            `(sha256 ${wheel.sha256}).`, {
            input: 'verify-published',
            fix: 'something between S3 and the reader changes the bytes (a CDN or proxy serving a stale ' +
                'copy, or another job overwrote the object): invalidate the cache or bump the version.',
        });
    }
    log.info(`${url}: ${options.mode} read OK, ${bytes.length} bytes, sha256 matches the wheel.`);
    // 2. The platform's pip installs it into a fresh target; the import check runs on that.
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, 'target');
    const cwd = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, 'cwd');
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(target, { recursive: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(cwd, { recursive: true });
    let indexUrl;
    let source = 'url';
    let installFrom = url;
    if (options.mode === 'credentials') {
        source = 'signed-download';
        installFrom = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, wheel.fileName);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(installFrom, bytes);
        log.info('verify-published: credentials: pip cannot sign requests, so it installs the bytes the ' +
            'signed read returned.');
    }
    else if (options.index) {
        source = 'index';
        const keys = (0,_index_index_pages_js__WEBPACK_IMPORTED_MODULE_6__/* .indexKeys */ .nI)(options.prefix, (0,_wheel_names_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeProjectName */ .yz)(wheel.distribution));
        indexUrl = locate(keys.root[0]);
        const projectUrl = locate(keys.project[0]);
        const page = await anonymousRead(projectUrl, 'the index page', options, keys.project[0]);
        if (!page.toString('utf8').includes(encodeURIComponent(wheel.fileName))) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1(`The index page ${projectUrl} does not list ${wheel.fileName}.`, {
                input: 's3-index',
                fix: 're-run the job: the index is rebuilt from the listing of the prefix.',
            });
        }
    }
    const argv = (0,_verify_published_plan_js__WEBPACK_IMPORTED_MODULE_10__/* .consumerInstallArgv */ .gu)({
        python: options.python,
        distribution: wheel.distribution,
        version: wheel.version,
        target,
        ...(indexUrl ? { indexUrl } : {}),
        wheelUrl: installFrom,
        verbose: true,
    });
    const install = await executor.run(argv, { cwd, env: ISOLATED_ENV });
    const pipLog = `${install.stdout}\n${install.stderr}`;
    for (const line of pipLog.split('\n'))
        if (line.trim())
            log.debug(`pip: ${line}`);
    if (install.exitCode !== 0) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PublishError */ .S1(`The platform's pip (${options.python}) could not install ` +
            `${indexUrl ? `${wheel.distribution}==${wheel.version} from ${indexUrl}` : installFrom}` +
            ' as published.', {
            input: 'verify-published',
            fix: "read pip's message: a 403/404 is read access (s3-acl, the bucket policy, Block Public " +
                'Access); "no matching distribution" means the index does not offer this python the ' +
                'wheel (tags, requires-python). The object stays published; re-running re-checks it.',
            details: (0,_log_redact_js__WEBPACK_IMPORTED_MODULE_11__/* .redactText */ .Rd)((0,_log_text_tail_js__WEBPACK_IMPORTED_MODULE_13__/* .lastLines */ .w)(pipLog, 30), secrets(), [_log_redact_js__WEBPACK_IMPORTED_MODULE_11__/* .AWS_ACCESS_KEY_ID */ .Fb]),
        });
    }
    const usedMetadataFile = pipLog.includes(`${encodeURIComponent(wheel.fileName)}.metadata`);
    log.info(`verify-published: ${options.python}'s pip installed ${wheel.distribution}==${wheel.version} ` +
        `from ${indexUrl ?? installFrom} without AWS credentials` +
        (usedMetadataFile ? ', resolving from the PEP 658 metadata file' : '') +
        '.');
    const installed = { target, cwd, bin: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cwd, 'bin') };
    await (0,_python_verify_install_js__WEBPACK_IMPORTED_MODULE_4__/* .checkImports */ .r6)({
        executor,
        python: options.python,
        imports: options.imports,
        tags: [],
        wheelPath: installFrom,
        workDir: options.workDir,
        log,
    }, installed);
    return { url, ...(indexUrl ? { indexUrl } : {}), source, usedMetadataFile };
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
