export const id = 114;
export const ids = [114];
export const modules = {

/***/ 36114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyPublished: () => (/* binding */ verifyPublished)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(15232);
/* harmony import */ var _python_verify_install_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37249);
/* harmony import */ var _wheel_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(31769);
/* harmony import */ var _index_index_pages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(75775);
/* harmony import */ var _log_redact_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(93099);
/* harmony import */ var _log_text_tail_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(49484);
/* harmony import */ var _s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(11878);
/* harmony import */ var _s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(79338);
/* harmony import */ var _verify_published_plan_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(62080);
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
        throw (0,_verify_published_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .readRefusedError */ .tf)({
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
            details: (0,_log_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .redactText */ .Rd)(body.toString('utf8').slice(0, 2000), secrets(), [_log_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .AWS_ACCESS_KEY_ID */ .Fb]),
        });
    }
    return body;
}
/** A GetObject signed with the runner's credentials: a platform that reads with its own role. */
async function signedRead(url, key, options) {
    const { session } = options;
    try {
        const object = await session.send('GetObject', { Bucket: options.bucket, Key: key }, { signal: session.deadline(options.timeoutMs ?? 5 * 60_000) });
        return Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array());
    }
    catch (error) {
        session.signal.throwIfAborted();
        const { status, code } = (0,_s3_s3_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .s3ErrorCode */ .az)(error);
        if (status === 403 || status === 404) {
            throw (0,_verify_published_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .readRefusedError */ .tf)({
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
    const argv = (0,_verify_published_plan_js__WEBPACK_IMPORTED_MODULE_9__/* .consumerInstallArgv */ .gu)({
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
            details: (0,_log_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .redactText */ .Rd)((0,_log_text_tail_js__WEBPACK_IMPORTED_MODULE_11__/* .lastLines */ .w)(pipLog, 30), secrets(), [_log_redact_js__WEBPACK_IMPORTED_MODULE_10__/* .AWS_ACCESS_KEY_ID */ .Fb]),
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


/***/ })

};
