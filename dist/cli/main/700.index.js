export const id = 700;
export const ids = [700];
export const modules = {

/***/ 7700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishArtifact: () => (/* binding */ publishArtifact)
/* harmony export */ });
/* harmony import */ var _log_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93099);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15232);
/* harmony import */ var _artifact_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(87610);




/**
 * Uploads the verified wheel as a workflow artifact of the current run.
 *
 * The wheel is already a zip: when the artifact is named after the file (the default) it goes up
 * as is (`skipArchive`, the artifact *is* the .whl); under another name the client must zip it,
 * and level 0 stores it without recompressing.
 *
 * `env` decides whether we are in Actions and builds the URL; @actions/artifact itself reads
 * process.env, so in production pass process.env.
 */
/**
 * The artifact client, loaded on first use: it is large (the Azure blob client among others) and
 * runs outside Actions skip the upload before needing it.
 */
async function artifactClient() {
    const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 379).then(__webpack_require__.bind(__webpack_require__, 10379));
    return new DefaultArtifactClient();
}
/**
 * The client's work, given up the moment the run is cancelled: the cancellation is thrown at
 * once. @actions/artifact (6.x) takes no AbortSignal (its blob upload aborts only on its own
 * stall timer), so the request in flight is not cut here; the shell ends the process right after
 * reporting a cancelled run (src/shell/cancel.ts), which cuts it before FinalizeArtifact: an
 * artifact that is never finalized is never listed or downloadable. A cancel that arrives while
 * FinalizeArtifact itself is on the wire cannot be taken back.
 */
async function untilCancelled(work, signal) {
    if (!signal)
        return work;
    // The abandoned work may still fail later: that is not this run's failure any more.
    work.catch(() => undefined);
    let onAbort;
    const cancelled = new Promise((_, reject) => {
        onAbort = () => reject(signal.reason);
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return await Promise.race([work, cancelled]);
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
}
async function publishArtifact(wheel, options, env, log) {
    const { name, retentionDays, signal } = options;
    const missing = (0,_artifact_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .missingArtifactEnv */ .ug)(env);
    if (missing.length > 0) {
        const reason = `not running in a GitHub Actions job (${missing.join(' and ')} not set)`;
        log.info(`Workflow artifact skipped: ${reason}.`);
        return { status: 'skipped', name, reason };
    }
    // The runner masks its own token; masking it here too keeps it out of any log line of ours
    // wherever the action runs (a wrapper, a self-hosted runner with a custom environment).
    log.setSecret(env.ACTIONS_RUNTIME_TOKEN);
    // The client names a skipArchive artifact after the file on disk, so compare with that.
    const format = (0,_artifact_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactUploadFormat */ .xe)(name, node_path__WEBPACK_IMPORTED_MODULE_0___default().basename(wheel.path));
    const secrets = [env.ACTIONS_RUNTIME_TOKEN];
    let response;
    signal?.throwIfAborted();
    try {
        const client = await artifactClient();
        signal?.throwIfAborted();
        response = await untilCancelled(client.uploadArtifact(name, [wheel.path], node_path__WEBPACK_IMPORTED_MODULE_0___default().dirname(wheel.path), {
            ...(retentionDays === undefined ? {} : { retentionDays }),
            compressionLevel: 0,
            skipArchive: format === 'wheel',
        }), signal);
    }
    catch (error) {
        if (signal?.aborted)
            throw signal.reason;
        const existing = await sameWheelAlreadyUploaded(error, { name, format, wheel, env, log });
        if (existing)
            return existing;
        const failure = (0,_artifact_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .describeArtifactFailure */ .q8)({
            name: error instanceof Error ? error.name : 'Error',
            message: (0,_log_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redactText */ .Rd)((0,_base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error), secrets, [_log_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .SAS_SIGNATURE */ .$y]),
        }, name);
        // Only a name clash is about the input; a 503 or a quota is not. No `cause`: the client's
        // error objects carry request details we would rather not print.
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(failure.message, {
            ...(failure.kind === 'conflict' ? { input: 'artifact-name' } : {}),
            fix: failure.fix,
        });
    }
    if (response.id === undefined) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`The artifact service did not return an id for '${name}'.`, {
            fix: "re-run the job; if it persists, set 'artifact-name' to false to skip the upload.",
        });
    }
    // The uploaded bytes are the wheel's bytes only in `wheel` format; check them against the hash
    // taken when the wheel was verified, so what we publish is what we tested.
    if (format === 'wheel' &&
        response.digest &&
        response.digest.toLowerCase() !== wheel.sha256.toLowerCase()) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PublishError */ .S1(`The uploaded artifact '${name}' has sha256 ${response.digest}, but the verified wheel has ${wheel.sha256}.`, {
            file: wheel.path,
            fix: 'make sure nothing rewrites the wheel after the build step, then re-run.',
        });
    }
    const url = (0,_artifact_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactUrl */ .Wk)(env, response.id);
    const how = format === 'wheel' ? 'the .whl itself, not zipped' : 'zip with the wheel stored';
    log.info(`Workflow artifact '${name}' uploaded (id ${response.id}, ${how})${url ? `: ${url}` : ''}`);
    return {
        status: 'uploaded',
        name,
        id: response.id,
        ...(url === undefined ? {} : { url }),
        format,
        ...(response.digest === undefined ? {} : { digest: response.digest }),
    };
}
/**
 * A re-run attempt of the same job finds the artifact of the earlier attempt (a 409). When that
 * artifact is this very wheel (same sha256), the upload is done already: say so and succeed.
 */
async function sameWheelAlreadyUploaded(error, options) {
    const { name, format, wheel, env, log } = options;
    if (format !== 'wheel' || !/already exists|conflict|409/i.test((0,_base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)))
        return undefined;
    try {
        const { artifact } = await (await artifactClient()).getArtifact(name);
        if (artifact.digest !== `sha256:${wheel.sha256}`)
            return undefined;
        log.info(`artifact ${name} already uploaded by an earlier attempt (same sha256): skipped`);
        const url = (0,_artifact_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .artifactUrl */ .Wk)(env, artifact.id);
        return {
            status: 'uploaded',
            name,
            id: artifact.id,
            ...(url ? { url } : {}),
            format: 'wheel',
            digest: artifact.digest,
        };
    }
    catch {
        return undefined;
    }
}


/***/ })

};
