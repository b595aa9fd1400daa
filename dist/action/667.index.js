export const id = 667;
export const ids = [667];
export const modules = {

/***/ 4667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  alignPageAcls: () => (/* binding */ alignPageAcls),
  alignWheelAcl: () => (/* binding */ alignWheelAcl),
  publishSidecars: () => (/* binding */ publishSidecars)
});

// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(15232);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
// EXTERNAL MODULE: ./src/zip/zip-listing.ts
var zip_listing = __webpack_require__(98191);
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
var index_sidecars = __webpack_require__(35603);
// EXTERNAL MODULE: ./src/wheel/names.ts
var names = __webpack_require__(31769);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(79338);
;// CONCATENATED MODULE: ./src/publish/s3/s3-acl.ts

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
    const { session, bucket, key, acl, log, signal } = options;
    const current = await session.send('GetObjectAcl', { Bucket: bucket, Key: key }, { signal });
    const isPublic = isPublicRead(current);
    if (isPublic === (acl === 'public-read'))
        return 'unchanged';
    await session.send('PutObjectAcl', { Bucket: bucket, Key: key, ACL: acl }, { signal });
    log.info(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)}: ACL brought to ${acl} as s3-acl asks (it was ` +
        `${isPublic ? 'public-read' : 'private'}).`);
    return acl === 'public-read' ? 'made-public' : 'made-private';
}

// EXTERNAL MODULE: ./src/publish/s3/s3-errors.ts
var s3_errors = __webpack_require__(11878);
// EXTERNAL MODULE: ./src/publish/s3/s3-session.ts + 1 modules
var s3_session = __webpack_require__(2362);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/publish/s3/s3-sidecars.ts
/**
 * Writes the small objects published beside a wheel (index-sidecars.ts): `<wheel>.metadata` and
 * `<wheel>.verification.json`. Each is read back first (they are a few KiB): identical bytes are
 * left alone (their ACL brought in line), different bytes are replaced only if the object is
 * still the one read (If-Match), a missing one is created only if still missing (If-None-Match).
 */





const ROUNDS = 3;
async function putSidecar(options) {
    const { session, bucket, key, body, acl, log, signal } = options;
    for (let round = 1; round <= ROUNDS; round++) {
        let stored;
        try {
            const object = await session.send('GetObject', { Bucket: bucket, Key: key }, { signal });
            stored = {
                etag: object.ETag,
                bytes: Buffer.from((await object.Body?.transformToByteArray()) ?? new Uint8Array()),
            };
        }
        catch (error) {
            const { code, status } = (0,s3_errors/* s3ErrorCode */.az)(error);
            // 403: no s3:GetObject/ListBucket; the conditional create below still protects.
            if (!((status === 404 && code !== 'NoSuchBucket') || status === 403))
                throw error;
        }
        if (stored && stored.bytes.equals(body)) {
            await alignObjectAcl({ session, bucket, key, acl, log, signal });
            return 'unchanged';
        }
        try {
            await session.send('PutObject', {
                Bucket: bucket,
                Key: key,
                Body: body,
                ContentLength: body.length,
                ContentType: options.contentType,
                CacheControl: 'no-cache',
                ...(acl === 'public-read' ? { ACL: 'public-read' } : {}),
                ...(stored?.etag ? { IfMatch: stored.etag } : { IfNoneMatch: '*' }),
                ChecksumAlgorithm: 'SHA256',
                ChecksumSHA256: (0,external_node_crypto_.createHash)('sha256').update(body).digest('base64'),
            }, { signal });
            if (stored)
                log.info(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)} replaced (its content was out of date).`);
            return stored ? 'replaced' : 'created';
        }
        catch (error) {
            if (!(0,s3_errors/* isPreconditionFailure */.l9)(error))
                throw error;
            log.info(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)} changed while writing it (another job); reading it again.`);
        }
    }
    throw new errors/* PublishError */.S1(`${(0,s3_plan/* s3Uri */.tT)(bucket, key)} kept changing while writing it.`, {
        fix: 'make sure only one job publishes this wheel version, then re-run.',
    });
}

;// CONCATENATED MODULE: ./src/publish/s3/s3-beside.ts
/**
 * What the S3 step does besides the wheel upload: bring an already-published wheel's ACL (and
 * the index pages') in line with `s3-acl`, and write the sidecars (`<wheel>.metadata` with
 * `s3-index`, `<wheel>.verification.json` always). The run's session, a deadline per object; S3
 * failures are described like the upload's, a cancel is thrown as the cancellation it is.
 */









const TIMEOUT_MS = 5 * 60_000;
async function withDeadline(session, options, key, fn) {
    try {
        return await fn(session.deadline(TIMEOUT_MS));
    }
    catch (error) {
        if (error instanceof errors/* PublishError */.S1)
            throw error;
        session.signal.throwIfAborted();
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
}
/** An identical wheel was skipped: its ACL must still follow `s3-acl`. */
function alignWheelAcl(session, options, fileName, log) {
    const key = (0,s3_plan/* s3Key */.Aw)(options.prefix, fileName);
    return withDeadline(session, options, key, async (signal) => {
        await alignObjectAcl({ session, bucket: options.bucket, key, acl: options.acl, log, signal });
    });
}
/** The index pages left unchanged by the update still get the ACL `s3-acl` asks for. */
function alignPageAcls(session, options, keys, log) {
    return withDeadline(session, options, keys[0] ?? options.prefix, async (signal) => {
        for (const key of keys) {
            await alignObjectAcl({ session, bucket: options.bucket, key, acl: options.acl, log, signal });
        }
    });
}
/** Writes `<wheel>.metadata` (when `metadata`) and `<wheel>.verification.json` beside the wheel. */
async function publishSidecars(session, options, wheel, receipt, metadata, log) {
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
        const status = await withDeadline(session, options, file.key, (signal) => putSidecar({
            session,
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


/***/ })

};
