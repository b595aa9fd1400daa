export const id = 415;
export const ids = [415];
export const modules = {

/***/ 14744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hd: () => (/* binding */ flatPage),
  nI: () => (/* binding */ indexKeys),
  $8: () => (/* binding */ indexOutputs),
  DB: () => (/* binding */ projectPage),
  YW: () => (/* binding */ rootPage)
});

// UNUSED EXPORTS: indexSummaryMarkdown, parseWheelFileName

;// CONCATENATED MODULE: ./src/publish/index/html.ts
/** Text made safe inside HTML (element text and quoted attributes); pure. */
function html_escapeHtml(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

// EXTERNAL MODULE: ./src/wheel/names.ts
var wheel_names = __webpack_require__(44295);
;// CONCATENATED MODULE: ./src/publish/index/index-pages.ts
/**
 * Pure rendering of the pip index published next to the wheels (no I/O):
 *
 * - a PEP 503 "simple" tree: `<prefix>simple/` lists the projects, `<prefix>simple/<project>/`
 *   lists one project's wheels. Each page is stored twice, as `<dir>/` and `<dir>/index.html`,
 *   so that a plain S3 REST endpoint answers the URL pip asks for (`.../simple/<project>/`) and
 *   website hosting (index document) works too;
 * - a flat page `<prefix>index.html` with every wheel, for `pip --find-links` (old pips too).
 *
 * Links are relative, so the pages work behind any host (S3, a custom endpoint, a CDN). Both
 * stored names of a page resolve links against the same directory (`a/b/` and `a/b/index.html`
 * have the base `a/b/`), so one body serves both. Rendering is deterministic (sorted, no dates):
 * identical listings give identical bytes, which lets the writer skip pages that did not change.
 */



const SHA256 = /^[0-9a-f]{64}$/;
/** Keys of the pages, given the normalized prefix (`''` or ending in `/`). */
function indexKeys(prefix, project) {
    return {
        root: [`${prefix}simple/`, `${prefix}simple/index.html`],
        project: [`${prefix}simple/${project}/`, `${prefix}simple/${project}/index.html`],
        flat: `${prefix}index.html`,
    };
}
/** Byte order, not locale order: the same set always renders the same page. */
function byName(key) {
    return (a, b) => Buffer.compare(Buffer.from(key(a)), Buffer.from(key(b)));
}
function unique(wheels) {
    const seen = new Map();
    for (const wheel of wheels)
        seen.set(wheel.fileName, wheel);
    return [...seen.values()].sort(byName((w) => w.fileName));
}
/** `<a>` to a wheel; `base` is the path from the page's directory to the wheels' directory. */
function wheelLink(wheel, base) {
    // pip takes the file name from the URL's last segment and unquotes it; S3 reads a raw `+`
    // in a path as a space, so every reserved character is percent-encoded.
    const sha256 = wheel.sha256?.toLowerCase();
    const fragment = sha256 && SHA256.test(sha256) ? `#sha256=${sha256}` : '';
    const href = `${base}${encodeURIComponent(wheel.fileName)}${fragment}`;
    const attributes = [`href="${html_escapeHtml(href)}"`];
    const metadata = wheel.metadataSha256?.toLowerCase();
    if (metadata && SHA256.test(metadata)) {
        // PEP 714 renamed PEP 658's attribute; pip < 23.3 reads only the old name: write both.
        attributes.push(`data-dist-info-metadata="sha256=${metadata}"`);
        attributes.push(`data-core-metadata="sha256=${metadata}"`);
    }
    if (wheel.requiresPython) {
        attributes.push(`data-requires-python="${html_escapeHtml(wheel.requiresPython)}"`);
    }
    if (wheel.yanked !== undefined)
        attributes.push(`data-yanked="${html_escapeHtml(wheel.yanked)}"`);
    return `    <a ${attributes.join(' ')}>${html_escapeHtml(wheel.fileName)}</a><br>`;
}
function page(title, links) {
    return [
        '<!DOCTYPE html>',
        '<html>',
        '  <head>',
        '    <meta charset="utf-8">',
        // PEP 629: pip >= 21 reads the API version; older pips ignore it.
        '    <meta name="pypi:repository-version" content="1.0">',
        `    <title>${html_escapeHtml(title)}</title>`,
        '  </head>',
        '  <body>',
        `    <h1>${html_escapeHtml(title)}</h1>`,
        ...links,
        '  </body>',
        '</html>',
        '',
    ].join('\n');
}
/**
 * The PEP 503 page of one project, stored at `<prefix>simple/<project>/` (and `.../index.html`):
 * the wheels live two directories up, at `<prefix><file>`.
 */
function projectPage(name, wheels) {
    const project = (0,wheel_names/* normalizeProjectName */.yz)(name);
    return page(`Links for ${project}`, unique(wheels).map((wheel) => wheelLink(wheel, '../../')));
}
/** The PEP 503 root, stored at `<prefix>simple/` (and `.../index.html`): one link per project. */
function rootPage(projects) {
    const names = [...new Set(projects.map(wheel_names/* normalizeProjectName */.yz))].sort(byName((n) => n));
    return page('Simple index', names.map((name) => {
        const href = `${encodeURIComponent(name)}/`;
        return `    <a href="${html_escapeHtml(href)}">${html_escapeHtml(name)}</a><br>`;
    }));
}
/** Every wheel under the prefix, stored at `<prefix>index.html` beside them: `--find-links`. */
function flatPage(wheels) {
    return page('Wheels', unique(wheels).map((wheel) => wheelLink(wheel, '')));
}
/** What to paste into the algorithm's dependencies file. */
function indexOutputs(options) {
    return {
        'index-url': options.indexUrl,
        'index-requirement': `--extra-index-url ${options.indexUrl}\n${options.distribution}==${options.version}`,
    };
}
/** A job-summary section (Markdown) showing the two lines of `index-requirement`. */
function indexSummaryMarkdown(outputs) {
    return [
        `pip index: ${escapeHtml(outputs['index-url'])}`,
        '',
        'Or add these two lines to the dependencies file to install from the index:',
        '',
        '```',
        outputs['index-requirement'],
        '```',
        '',
    ].join('\n');
}


/***/ }),

/***/ 75415:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yankRelease: () => (/* binding */ yankRelease)
/* harmony export */ });
/* unused harmony export parsePinned */
/* harmony import */ var _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(53711);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _wheel_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44295);
/* harmony import */ var _wheel_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83431);
/* harmony import */ var _index_pages_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(14744);
/* harmony import */ var _index_sidecars_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(16237);
/* harmony import */ var _s3_s3_acl_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(87439);
/* harmony import */ var _index_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(30634);
/* harmony import */ var _index_update_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(47544);
/* harmony import */ var _s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(784);
/* harmony import */ var _s3_s3_session_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1529);
/* harmony import */ var _s3_s3_sidecars_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(48123);
/**
 * PEP 592 yank of `name==version` in an index published with `s3-index`: writes
 * `<wheel>.yanked` (its body is the reason) beside each wheel of that version, conditionally
 * like every other write, then rebuilds the pages from the listing (s3-index.ts, conditional
 * writes). pip then skips the files for `name>=x` and installs them for `name==version` with a
 * warning. The wheels themselves are never touched.
 */













/** Pure: `name==version` -> its parts; anything else is an InputError. */
function parsePinned(requirement) {
    const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*==\s*([^\s,;=<>!~]+)\s*$/.exec(requirement);
    if (!match) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${requirement}" does not pin one version.`, {
            input: 'requirement',
            fix: 'name exactly one release as name==version, e.g. vecmath==1.2.0.',
        });
    }
    return { name: match[1], version: (0,_wheel_version_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeVersion */ .Qj)(match[2], 'requirement') };
}
async function yankRelease(options, log) {
    const bucket = (0,_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .validateBucketName */ .EG)(options.bucket);
    const prefix = (0,_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .validatePrefix */ .hb)(options.prefix);
    const { name, version } = parsePinned(options.requirement);
    const project = (0,_wheel_names_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeProjectName */ .yz)(name);
    const reason = (0,_index_sidecars_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeYankReason */ .bV)(options.reason);
    const session = await (0,_s3_s3_session_js__WEBPACK_IMPORTED_MODULE_9__.openS3Session)(options, log, { timeoutMs: 5 * 60_000 });
    const { client, signal, region } = session;
    try {
        const files = [];
        let token;
        do {
            const page = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__/* .ListObjectsV2Command */ .u6x({
                Bucket: bucket,
                Prefix: prefix,
                Delimiter: '/',
                ContinuationToken: token,
            }), { abortSignal: signal });
            for (const object of page.Contents ?? []) {
                const parsed = (0,_wheel_names_js__WEBPACK_IMPORTED_MODULE_1__/* .parseWheelFileName */ .QW)((object.Key ?? '').slice(prefix.length));
                if (!parsed || parsed.project !== project)
                    continue;
                let theirs;
                try {
                    theirs = (0,_wheel_version_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeVersion */ .Qj)(parsed.version.replace(/_/g, '-'));
                }
                catch {
                    continue;
                }
                if (theirs === version)
                    files.push(parsed.fileName);
            }
            token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        if (files.length === 0) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`No wheel of ${project}==${version} under ${(0,_s3_s3_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .s3Uri */ .tT)(bucket, prefix)}.`, {
                input: 'requirement',
                fix: 'check the name, the version, --s3-bucket and --s3-prefix (the prefix the wheels were published under).',
            });
        }
        let acl = options.acl;
        if (!acl) {
            try {
                const current = await client.send(new _aws_sdk_client_s3__WEBPACK_IMPORTED_MODULE_11__/* .GetObjectAclCommand */ .hsf({ Bucket: bucket, Key: (0,_index_pages_js__WEBPACK_IMPORTED_MODULE_3__/* .indexKeys */ .nI)(prefix, project).project[0] }), { abortSignal: signal });
                acl = (0,_s3_s3_acl_js__WEBPACK_IMPORTED_MODULE_5__/* .isPublicRead */ ._)(current) ? 'public-read' : 'private';
            }
            catch {
                acl = 'private';
            }
        }
        for (const file of files.sort()) {
            const status = await (0,_s3_s3_sidecars_js__WEBPACK_IMPORTED_MODULE_10__/* .putSidecar */ .p)({
                client,
                bucket,
                key: `${prefix}${file}${_index_sidecars_js__WEBPACK_IMPORTED_MODULE_4__/* .YANKED_SUFFIX */ .tB}`,
                body: Buffer.from(reason, 'utf8'),
                contentType: 'text/plain; charset=utf-8',
                acl,
                log,
                signal,
            });
            log.info(`${file}: ${status === 'unchanged' ? 'already yanked for this reason' : 'yanked'}` +
                (reason ? ` ("${reason}")` : ''));
        }
        const index = await (0,_index_update_js__WEBPACK_IMPORTED_MODULE_7__.updateIndex)({
            client,
            bucket,
            prefix,
            acl,
            distribution: name,
            region,
            endpoint: options.endpoint,
            forcePathStyle: options.forcePathStyle,
            log,
            signal,
        });
        return { files, index };
    }
    catch (error) {
        if (error instanceof _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz || error instanceof _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1)
            throw error;
        throw (0,_index_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeIndexError */ .u)(error, {
            bucket,
            prefix,
            region,
            endpoint: options.endpoint,
            aborted: signal.aborted,
            secrets: session.secrets,
        });
    }
    finally {
        session.close();
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
