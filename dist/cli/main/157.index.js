export const id = 157;
export const ids = [157];
export const modules = {

/***/ 87157:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yankMain: () => (/* binding */ yankMain)
/* harmony export */ });
/* unused harmony export YANK_HELP */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _console_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21433);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66316);
/* harmony import */ var _publish_s3_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99137);
/**
 * `algorithmia-wheel yank --s3-bucket B --s3-prefix P name==version --reason "..."`: marks a
 * release yanked (PEP 592) in the index published with `s3-index`.
 */





const YANK_HELP = [
    'Usage: algorithmia-wheel yank --s3-bucket B [--s3-prefix P] name==version --reason "..."',
    '',
    'Marks every wheel of name==version as yanked (PEP 592) in the pip index next to the wheels',
    '(published with s3-index): pip then no longer picks it for ranges such as name>=1.0, but',
    'still installs it, with a warning, for name==version. The wheels are not deleted.',
    '',
    '  --reason <text>               why (shown by pip); required',
    '  --s3-bucket, --s3-prefix, --s3-region, --s3-endpoint, --s3-force-path-style, --s3-max-attempts',
    "                                as for the build's inputs",
    '  --s3-acl <acl>                ACL of the rewritten pages (default: that of the project page)',
].join('\n');
async function yankMain(argv) {
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                help: { type: 'boolean', short: 'h' },
                reason: { type: 'string' },
                's3-bucket': { type: 'string' },
                's3-prefix': { type: 'string', default: '' },
                's3-region': { type: 'string' },
                's3-endpoint': { type: 'string' },
                's3-force-path-style': { type: 'string', default: 'false' },
                's3-max-attempts': { type: 'string', default: '5' },
                's3-acl': { type: 'string' },
            },
        });
        if (parsed.values.help) {
            process.stdout.write(`${YANK_HELP}\n`);
            return 0;
        }
        if (parsed.positionals.length !== 1)
            throw new Error('give exactly one name==version');
        if (!parsed.values['s3-bucket'])
            throw new Error('--s3-bucket is required');
        if (parsed.values.reason === undefined)
            throw new Error('--reason is required');
        const acl = parsed.values['s3-acl'];
        if (acl !== undefined && acl !== 'private' && acl !== 'public-read') {
            throw new Error(`--s3-acl must be private or public-read, got "${acl}"`);
        }
        const attempts = Number(parsed.values['s3-max-attempts']);
        if (!Number.isInteger(attempts) || attempts < 1 || attempts > 20) {
            throw new Error('--s3-max-attempts must be a whole number from 1 to 20');
        }
    }
    catch (error) {
        process.stderr.write(`algorithmia-wheel yank: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}\nRun with --help for usage.\n`);
        return 2;
    }
    const log = new _console_log_js__WEBPACK_IMPORTED_MODULE_4__/* .ConsoleLog */ .w(process.env.RUNNER_DEBUG === '1');
    const values = parsed.values;
    try {
        const endpoint = values['s3-endpoint'];
        if (endpoint)
            (0,_publish_s3_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEndpoint */ .Bk)(endpoint);
        // Loaded when used: `--help` and usage errors never read the AWS SDK.
        const { yankRelease } = await Promise.all(/* import() */[__webpack_require__.e(711), __webpack_require__.e(130)]).then(__webpack_require__.bind(__webpack_require__, 95130));
        const result = await yankRelease({
            bucket: values['s3-bucket'],
            prefix: values['s3-prefix'] ?? '',
            requirement: parsed.positionals[0],
            reason: values.reason,
            region: values['s3-region'],
            endpoint,
            forcePathStyle: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)(values['s3-force-path-style'] ?? 'false', 's3-force-path-style'),
            maxAttempts: Number(values['s3-max-attempts']),
            ...(values['s3-acl'] ? { acl: values['s3-acl'] } : {}),
        }, log);
        for (const file of result.files)
            process.stdout.write(`yanked=${file}\n`);
        process.stdout.write(`index-url=${result.index.indexUrl}\n`);
        return 0;
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo) {
            process.stderr.write(`error: ${error.describe()}\n${error.details ? `${error.details}\n` : ''}`);
        }
        else {
            process.stderr.write(`error: unexpected failure: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}\n`);
        }
        return 1;
    }
}


/***/ })

};
