export const id = 433;
export const ids = [433];
export const modules = {

/***/ 48086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ booleanWord)
/* harmony export */ });
/**
 * The one reading of a yes/no input: `true` or `false` in any letter case, surrounding blanks
 * ignored (what @actions/core's getBooleanInput accepts, and `TRUE`/`tRuE` too). Pure.
 * Returns undefined for anything else, so each caller decides what another value means: an
 * error for a boolean input, a name for `artifact-name`, globs for `license-files`.
 */
function booleanWord(value) {
    const word = value.trim().toLowerCase();
    if (word === 'true')
        return true;
    if (word === 'false')
        return false;
    return undefined;
}


/***/ }),

/***/ 29693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseTimeoutMinutes),
/* harmony export */   _: () => (/* binding */ timedOutError)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/** The `build-timeout` and `test-timeout` inputs: minutes in, milliseconds out (pure). */

/** setTimeout's upper bound (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * Parses a timeout in minutes ("30", "0.5") into milliseconds; empty means no limit. Throws an
 * InputError naming the input for anything but a positive number.
 */
function parseTimeoutMinutes(input, raw) {
    const text = raw.trim();
    if (text === '')
        return undefined;
    const minutes = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
    const ms = Math.round(minutes * 60_000);
    if (!Number.isFinite(minutes) || ms < 1 || ms > MAX_TIMER_MS) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${raw}' is not a timeout: give a positive number of minutes, at most ${Math.floor(MAX_TIMER_MS / 60_000)}.`, {
            input,
            fix: `use e.g. \`${input}: 30\` (minutes), or leave it empty for the default.`,
        });
    }
    return ms;
}
/** The error for a command stopped by its timeout. */
function timedOutError(commandInput, timeoutInput, ms) {
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandTimeoutError */ .$9(`${commandInput} ran longer than ${formatMinutes(ms)} and was stopped, with every process it started.`, {
        input: timeoutInput,
        fix: `make ${commandInput} finish sooner, or raise \`${timeoutInput}\` (minutes).`,
    });
}
function formatMinutes(ms) {
    const minutes = ms / 60_000;
    return `${Number(minutes.toFixed(3))} minute${minutes === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 73068:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OV: () => (/* binding */ parseDockerOptions),
/* harmony export */   jY: () => (/* binding */ containerEnv),
/* harmony export */   m_: () => (/* binding */ validateImage),
/* harmony export */   tj: () => (/* binding */ dockerRunCommand)
/* harmony export */ });
/* unused harmony exports CONTAINER_ENV_ALLOWED, ENGINE_CLIENT_ENV, isForwardedHostVariable */
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26591);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34758);
/**
 * Pure planning for steps that run inside the vendor image: which variables go in, how the
 * `docker-options` input splits, and the exact `docker run` command line. No I/O here; the
 * ContainerExecutor (container.ts) runs what this file plans.
 */


/**
 * Host variables passed into the image, by exact name (listed in docs/images.md): the runner's
 * documented default variables ("Store information in variables", default environment
 * variables) that name the run, the commit and the runner, and hold no credential. Not its file
 * commands (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STATE, GITHUB_STEP_SUMMARY: host
 * paths that are not mounted), nor RUNNER_TEMP, RUNNER_TOOL_CACHE or GITHUB_ACTION_PATH (host
 * folders). No wildcard: GITHUB_PAT, CMAKE_REGISTRY_PASS, CC or CFLAGS reach the image only
 * through the `env` input, where the workflow says so.
 */
const CONTAINER_ENV_ALLOWED = [
    'CI',
    'GITHUB_ACTION',
    'GITHUB_ACTION_REPOSITORY',
    'GITHUB_ACTIONS',
    'GITHUB_ACTOR',
    'GITHUB_ACTOR_ID',
    'GITHUB_API_URL',
    'GITHUB_BASE_REF',
    'GITHUB_EVENT_NAME',
    'GITHUB_EVENT_PATH',
    'GITHUB_GRAPHQL_URL',
    'GITHUB_HEAD_REF',
    'GITHUB_JOB',
    'GITHUB_REF',
    'GITHUB_REF_NAME',
    'GITHUB_REF_PROTECTED',
    'GITHUB_REF_TYPE',
    'GITHUB_REPOSITORY',
    'GITHUB_REPOSITORY_ID',
    'GITHUB_REPOSITORY_OWNER',
    'GITHUB_REPOSITORY_OWNER_ID',
    'GITHUB_RETENTION_DAYS',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_RUN_ID',
    'GITHUB_RUN_NUMBER',
    'GITHUB_SERVER_URL',
    'GITHUB_SHA',
    'GITHUB_TRIGGERING_ACTOR',
    'GITHUB_WORKFLOW',
    'GITHUB_WORKFLOW_REF',
    'GITHUB_WORKFLOW_SHA',
    'GITHUB_WORKSPACE',
    'RUNNER_ARCH',
    'RUNNER_DEBUG',
    'RUNNER_ENVIRONMENT',
    'RUNNER_NAME',
    'RUNNER_OS',
];
/**
 * Variables the engine's own client reads (where it finds its helpers, its config and storage,
 * which libraries it loads). Passing such a value through the client's environment would
 * reconfigure the client itself, so these go on the command line as `-e NAME=value` instead.
 */
const ENGINE_CLIENT_ENV = [
    'PATH',
    'HOME',
    'USER',
    'TMPDIR',
    'LD_*',
    'XDG_*',
    'DOCKER_*',
    'CONTAINERS_*',
    'PODMAN_*',
    'BUILDAH_*',
    'REGISTRY_AUTH_FILE',
];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The lists hold variable names and `*` only (a test holds them to that): nothing to escape. */
function globToRegExp(pattern) {
    return new RegExp(`^${pattern.replaceAll('*', '.*')}$`, 'i');
}
const ALLOWED = new Set(CONTAINER_ENV_ALLOWED);
const CLIENT = ENGINE_CLIENT_ENV.map(globToRegExp);
/** True when a host variable of this name may be passed into the image without the user naming it. */
function isForwardedHostVariable(name) {
    return ALLOWED.has(name);
}
/**
 * The environment of every step in the image: the allow-listed host variables whose values hold
 * no secret (`isSecret`: the run's redactor finds one in it, as in a URL with a password), then
 * the `env` input's `NAME=value` lines (which win). Blank lines and `#` comments are skipped; a
 * line is trimmed, and the value is everything after the first `=`.
 */
function containerEnv(hostEnv, userEnvLines, isSecret = () => false) {
    const env = {};
    for (const name of Object.keys(hostEnv).sort()) {
        const value = hostEnv[name];
        if (value !== undefined && isForwardedHostVariable(name) && !isSecret(value)) {
            env[name] = value;
        }
    }
    userEnvLines.forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const eq = line.indexOf('=');
        const name = eq < 0 ? line : line.slice(0, eq);
        if (eq < 0) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`line ${index + 1} ('${name}') has no '=': expected NAME=value.`, {
                input: 'env',
                fix: `write '${name}=value'; to pass a runner variable, write '${name}=\${{ env.${name} }}' so the workflow says so explicitly.`,
            });
        }
        if (!ENV_NAME.test(name)) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`line ${index + 1}: '${name}' is not a valid variable name.`, {
                input: 'env',
                fix: 'use letters, digits and underscores, not starting with a digit, e.g. MY_FLAG=1.',
            });
        }
        env[name] = line.slice(eq + 1);
    });
    return env;
}
/** Whole quoted or escaped pieces of a shell word: where this stops, a quote or `\\` is open. */
const CLOSED_PIECES = /(?:[^'"\\]|\\[\s\S]|'[^']*'|"(?:[^"\\]|\\[\s\S])*")*/y;
/**
 * Splits the `docker-options` input into words the way a POSIX shell would (shell-quote's
 * parser): whitespace separates, 'single quotes' are literal, "double quotes" allow \" \\ \$ \`
 * escapes, a backslash outside quotes escapes the next character. No variable expansion, no
 * globbing, no comments and no shell operators: the words go to the engine as its argv.
 */
function parseDockerOptions(raw) {
    CLOSED_PIECES.lastIndex = 0;
    const end = CLOSED_PIECES.exec(raw)?.[0].length ?? 0;
    if (end < raw.length) {
        const open = raw.charAt(end);
        if (open === '\\') {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ends with a lone backslash.', {
                input: 'docker-options',
                fix: 'remove the trailing backslash or quote the value.',
            });
        }
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`has an unbalanced ${open === '"' ? 'double' : 'single'} quote.`, {
            input: 'docker-options',
            fix: `close the ${open} quote, or escape it with a backslash.`,
        });
    }
    // `$NAME` stays as written: the engine gets the text, as in a `docker run` argv.
    const words = (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.parse)(raw.replace(/\\\r?\n/g, ''), (name) => `$${name}`).map((token) => {
        if (typeof token === 'string')
            return token;
        if ('pattern' in token)
            return token.pattern;
        const text = 'comment' in token ? `#${token.comment}` : token.op;
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`'${text}' is shell syntax, not an option.`, {
            input: 'docker-options',
            fix: 'docker-options is split into words and passed to the engine, never run by a shell: quote the character (e.g. "a;b"), or remove it.',
        });
    });
    for (const option of words) {
        // These break capturing the step's output (a TTY merges stderr; detached returns at once).
        // Short flags cluster (`-dp 80:80` is `-d -p 80:80`): -d or -t among the leading boolean
        // flags counts, a letter after a value-taking flag is its value (`-edt` sets e to "dt").
        if (/^-[iPq]*[dt]/.test(option) || /^--(detach|tty)(=.*)?$/.test(option)) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`'${option}' cannot be used: the action captures each step's output.`, {
                input: 'docker-options',
                fix: 'remove -d/-t/--detach/--tty (and -it); the action passes -i itself when a step needs stdin.',
            });
        }
    }
    return words;
}
// The reference grammar of the distribution spec: [host[:port]/]path[:tag][@digest].
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)';
const IMAGE_REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);
/** Throws an InputError('image') unless `image` is a valid image reference. */
function validateImage(image) {
    const trimmed = image.trim();
    if (trimmed.length > 255 || !IMAGE_REFERENCE.test(trimmed)) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`'${image}' is not a valid image reference.`, {
            input: 'image',
            fix: 'use a name like algorithmiahq/langserver:python3.7 or registry.example.com/team/image@sha256:<digest> (lowercase name, no spaces, no leading dash).',
        });
    }
    return trimmed;
}
function checkAbsolute(path, what) {
    if (!path.startsWith('/') || /[:,\n]/.test(path)) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`The ${what} '${path}' cannot be mounted into the image.`, {
            fix: `use an absolute path without ':' ',' or line breaks for the ${what}.`,
        });
    }
}
/**
 * The `docker run` command line for one step. Variables are passed as `-e NAME` with the value in
 * the client's environment, so values never appear in argv (ps, /proc, the `[command]` echo in the
 * log) and no env-file holding them is written to disk; multi-line values survive too, which an
 * --env-file cannot carry. Only names the client itself reads (ENGINE_CLIENT_ENV) go inline.
 */
function dockerRunCommand(spec) {
    validateImage(spec.image);
    if (spec.argv.length === 0)
        throw new Error('dockerRunCommand: empty argv');
    const argv = [spec.engine, 'run', '--rm'];
    if (spec.interactive)
        argv.push('-i');
    if (spec.name !== undefined) {
        if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(spec.name)) {
            throw new Error(`dockerRunCommand: bad container name '${spec.name}'`);
        }
        argv.push('--name', spec.name);
    }
    // The image's ENTRYPOINT would otherwise receive our command as its arguments.
    argv.push('--entrypoint=');
    // Sorted so a parent folder is mounted before a folder inside it.
    for (const mount of [...new Set(spec.mounts)].sort()) {
        checkAbsolute(mount, 'folder');
        argv.push('-v', `${mount}:${mount}`);
    }
    if (spec.cwd !== undefined) {
        checkAbsolute(spec.cwd, 'working directory');
        argv.push('-w', spec.cwd);
    }
    const env = {};
    for (const name of Object.keys(spec.env).sort()) {
        if (!ENV_NAME.test(name))
            throw new Error(`dockerRunCommand: bad variable name '${name}'`);
        const value = spec.env[name] ?? '';
        if (CLIENT.some((re) => re.test(name))) {
            argv.push('-e', `${name}=${value}`);
        }
        else {
            argv.push('-e', name);
            env[name] = value;
        }
    }
    argv.push(...spec.options);
    // After docker-options: the engine keeps the last --user, and a step that asks for one (the
    // hand-back runs as root) must get it.
    if (spec.user !== undefined)
        argv.push('--user', spec.user);
    argv.push(spec.image, ...spec.argv);
    return { argv, env };
}


/***/ }),

/***/ 56757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ inputReader),
/* harmony export */   y: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _base_boolean_word_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48086);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _input_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38200);
/**
 * How every input is read, the same for each: trimmed, blank = its default (INPUT_SPECS), line
 * lists without blank and `#` lines, booleans as true/false only. Pure.
 */



function inputReader(source) {
    const get = (name) => {
        const value = source(name).trim();
        return value === '' ? _input_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .INPUT_SPECS */ .a[name].default : value;
    };
    return {
        get,
        optional: (name) => get(name) || undefined,
        lines: (name) => get(name)
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== '' && !l.startsWith('#')),
        bool: (name) => parseBoolean(get(name), name),
    };
}
function parseBoolean(value, input) {
    const word = (0,_base_boolean_word_js__WEBPACK_IMPORTED_MODULE_2__/* .booleanWord */ .D)(value);
    if (word !== undefined)
        return word;
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${value}" is not a boolean.`, { input, fix: 'use true or false.' });
}


/***/ }),

/***/ 66725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J3: () => (/* binding */ staticPyprojectVersion),
/* harmony export */   RQ: () => (/* binding */ tagVersion),
/* harmony export */   YZ: () => (/* binding */ pushedTag),
/* harmony export */   _U: () => (/* binding */ checkProjectVersion)
/* harmony export */ });
/* unused harmony export sameVersion */
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3292);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34758);
/* harmony import */ var _wheel_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83431);



/** The tag of a tag push (`refs/tags/v1.2.3` -> `v1.2.3`), or undefined on any other push. */
function pushedTag(env) {
    if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME)
        return env.GITHUB_REF_NAME;
    if (env.GITHUB_REF_TYPE === undefined || env.GITHUB_REF_TYPE === '') {
        const match = env.GITHUB_REF?.match(/^refs\/tags\/(.+)$/);
        if (match)
            return match[1];
    }
    return undefined;
}
/** `v1.2.0` -> `1.2.0`: the version a tag names, before normalization. */
function tagVersion(tag) {
    return tag.replace(/^v(?=\d)/, '');
}
/**
 * Whether two normalized PEP 440 versions are the same version for pip: `1.2` and `1.2.0` are,
 * `1.2` and `1.2.post0` are not.
 */
function sameVersion(a, b) {
    return comparable(a) === comparable(b);
}
function comparable(version) {
    const match = /^((?:\d+!)?)(\d+(?:\.\d+)*)(.*)$/.exec(version);
    if (!match)
        return version;
    const [, epoch, release, rest] = match;
    return `${epoch}${release.replace(/(?:\.0+)+$/, '')}${rest}`;
}
/**
 * Throws when the project's own version disagrees with the one expected; `reported` is the
 * project's version as it reported it (setup.py, pyproject.toml, the built wheel's name).
 */
function checkProjectVersion(expected, reported, where) {
    const actual = (0,_wheel_version_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeVersion */ .Qj)(reported, 'project-dir');
    if (expected === undefined || sameVersion(expected.version, actual))
        return actual;
    if ('tag' in expected.from) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`the pushed tag ${expected.from.tag} means version ${expected.version}, but the project's version is ${actual} (${where}).`, {
            input: 'version',
            fix: `bump the project's version to ${expected.version} and tag that commit, or tag the commit with v${actual} instead; a project-dir wheel always carries the project's own version.`,
        });
    }
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`\`version\` says ${expected.version}, but the project's version is ${actual} (${where}).`, {
        input: 'version',
        fix: `leave \`version\` empty to use the project's own version (${actual}), or change the version in the project's setup.py/pyproject.toml.`,
    });
}
/**
 * The static `version` of pyproject.toml's `[project]` table, or undefined when it is dynamic,
 * missing, or not a string (then the build tells). Read with a TOML parser: a multi-line string
 * holding `version = "9.9"`, dotted keys (`project.version = ...`) and inline tables
 * (`project = { version = ... }`) read as Python's tomllib reads them.
 */
function staticPyprojectVersion(toml) {
    let document;
    try {
        document = (0,smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(toml);
    }
    catch (error) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`pyproject.toml is not valid TOML: ${(0,_base_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error).split('\n')[0]}`, {
            input: 'project-dir',
            fix: "correct pyproject.toml's syntax (pip's build would refuse it too).",
            file: 'pyproject.toml',
        });
    }
    // A `project` that is no table (a string, an array) has no `version` either.
    const version = document.project?.version;
    return typeof version === 'string' ? version.trim() : undefined;
}


/***/ }),

/***/ 1144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ ConsoleLog)
/* harmony export */ });
/**
 * The Log of the local command: plain lines on stderr, so stdout stays for results. Node builtins
 * only: the command never loads @actions/core (ActionsLog, src/log/actions-log.ts, is the action's).
 */
class ConsoleLog {
    verbose;
    constructor(verbose = false) {
        this.verbose = verbose;
    }
    info(message) {
        process.stderr.write(`${message}\n`);
    }
    warning(message) {
        process.stderr.write(`warning: ${message}\n`);
    }
    debug(message) {
        if (this.verbose)
            process.stderr.write(`debug: ${message}\n`);
    }
    async group(name, fn) {
        process.stderr.write(`==> ${name}\n`);
        return fn();
    }
    setSecret() { }
}


/***/ }),

/***/ 43034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ splitVersion),
/* harmony export */   CL: () => (/* binding */ targetFromDefinitions),
/* harmony export */   KH: () => (/* binding */ describeTargetMaxima),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   uB: () => (/* binding */ parseTargetGlibc)
/* harmony export */ });
/* unused harmony exports findPolicy, maximaOf */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _manylinux_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56855);
/**
 * The runtime a wheel must load on (`target-glibc`): a glibc version or a manylinux policy, or
 * what an image's own libc.so.6 and libstdc++.so.6 define. Pure: parsing and table look-ups.
 */


const POLICY_NAME = /^manylinux_(\d+)_(\d+)$/;
const GLIBC_VERSION = /^(\d+)\.(\d+)$/;
/** Compares dotted version numbers ("3.4.26" < "3.4.30"); missing parts count as 0. */
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    // Stryker disable next-line EqualityOperator: one more round compares 0 with 0 and returns 0
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
/** The policy named `name` (PEP 600 name or legacy alias), if it is in the table. */
function findPolicy(name) {
    return _manylinux_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .MANYLINUX_POLICIES */ .Xw.find((p) => p.name === name || p.aliases.includes(name));
}
/** The newest published policy whose glibc is at most `glibc` (X.Y). */
function policyAtOrBelow(glibc) {
    let found;
    for (const policy of _manylinux_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .MANYLINUX_POLICIES */ .Xw) {
        if (compareVersions(policy.glibc.join('.'), glibc) <= 0)
            found = policy;
    }
    return found;
}
function fromPolicy(policy, label, glibc) {
    return {
        label,
        maxima: {
            GLIBC: glibc ?? policy.maxima.GLIBC,
            GLIBCXX: policy.maxima.GLIBCXX,
            CXXABI: policy.maxima.CXXABI,
            GCC: policy.maxima.GCC,
        },
        extra: policy.extra,
        libraries: policy.libraries,
        source: 'input',
    };
}
function bad(value, problem) {
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`target-glibc "${value}" ${problem}`, {
        input: 'target-glibc',
        fix: 'give a glibc version such as 2.17 or 2.23, or a manylinux policy: manylinux1, manylinux2010, manylinux2014, or manylinux_2_X (PEP 600, e.g. manylinux_2_28).',
    });
}
/**
 * Parses `target-glibc`. A glibc version X.Y means PEP 600's manylinux_X_Y: GLIBC_* up to X.Y,
 * and GLIBCXX/CXXABI/GCC up to the newest published policy whose glibc is at most X.Y (the
 * libstdc++ that came with that glibc generation). Empty: undefined (no target).
 */
function parseTargetGlibc(raw) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    const policy = findPolicy(value);
    if (policy) {
        const glibc = policy.glibc.join('.');
        const label = value === policy.name
            ? `${value} (glibc ${glibc})`
            : `${value} (${policy.name}, glibc ${glibc})`;
        return fromPolicy(policy, label);
    }
    const match = POLICY_NAME.exec(value) ?? GLIBC_VERSION.exec(value);
    if (!match) {
        if (/^manylinux/.test(value))
            throw bad(value, 'is not a manylinux policy name (manylinux1, manylinux2010, manylinux2014, manylinux_X_Y).');
        throw bad(value, 'is neither a glibc version (X.Y) nor a manylinux policy name.');
    }
    const major = Number(match[1]);
    const minor = Number(match[2]);
    if (major !== 2 || minor < 5 || minor > 99) {
        throw bad(value, `names glibc ${major}.${minor}; glibc versions are 2.5 to 2.99.`);
    }
    const glibc = `${major}.${minor}`;
    const below = policyAtOrBelow(glibc);
    const label = POLICY_NAME.test(value) ? `${value} (glibc ${glibc})` : `glibc ${glibc}`;
    return fromPolicy(below, label, glibc);
}
/** Splits "GLIBCXX_3.4.26" into its family and number; non-numbered versions give no number. */
function splitVersion(version) {
    const m = /^([A-Z][A-Z0-9]*?)_(\d+(?:\.\d+)*)$/.exec(version);
    if (m)
        return { family: m[1], number: m[2] };
    const underscore = version.indexOf('_');
    return { family: underscore > 0 ? version.slice(0, underscore) : version };
}
/** The highest numbered version per family among `versions` (e.g. a library's definitions). */
function maximaOf(versions) {
    const maxima = {};
    for (const version of versions) {
        const { family, number } = splitVersion(version);
        if (number === undefined)
            continue;
        const current = maxima[family];
        if (current === undefined || compareVersions(number, current) > 0)
            maxima[family] = number;
    }
    return maxima;
}
/**
 * The target an image provides: the versions its libc.so.6 defines (GLIBC_*), its
 * libstdc++.so.6 (GLIBCXX_*, CXXABI_*) and its libgcc_s.so.1 (GCC_*). A library the image does
 * not have (no libstdc++ in a slim image) provides no version of its families.
 */
function targetFromDefinitions(label, defs) {
    const all = [...defs.libc, ...(defs.libstdcxx ?? []), ...(defs.libgcc ?? [])];
    const found = maximaOf(all);
    const maxima = {};
    for (const family of _manylinux_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .RUNTIME_FAMILIES */ .oB) {
        if (found[family] !== undefined)
            maxima[family] = found[family];
    }
    return {
        label,
        maxima,
        extra: all.filter((v) => splitVersion(v).number === undefined),
        libraries: [],
        source: 'image',
    };
}
/** "GLIBC 2.31, GLIBCXX 3.4.28, CXXABI 1.3.12, GCC 7.0.0" for the log. */
function describeTargetMaxima(target) {
    return _manylinux_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .RUNTIME_FAMILIES */ .oB.map((f) => `${f} ${target.maxima[f] ?? '(none)'}`).join(', ');
}


/***/ }),

/***/ 53031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VL: () => (/* binding */ exclusionReason),
/* harmony export */   Wh: () => (/* binding */ parseLibraryGlobs),
/* harmony export */   ee: () => (/* binding */ isPythonRuntimeLibrary),
/* harmony export */   fz: () => (/* binding */ NO_FILTER)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _system_libs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75555);
/**
 * Which needed libraries `bundle-libs` leaves out of the wheel, and why: the base system (the
 * manylinux allow-list), the target policy's library list, the Python runtime itself
 * (libpython*, libpypy*: the interpreter that imports the extension has already loaded it, and
 * a second copy would be a second, uninitialised interpreter), and the user's `exclude-libs`
 * globs (libraries the runtime provides: CUDA drivers, libGL). Pure.
 */


const PYTHON_RUNTIME = /^lib(?:python\d|pypy)/;
/** libpython*, libpypy*: loaded by the interpreter before it imports any extension. */
function isPythonRuntimeLibrary(name) {
    return PYTHON_RUNTIME.test(name.slice(name.lastIndexOf('/') + 1));
}
const GLOB_CHARS = /^[\w.+*?[\]-]+$/;
/** Parses `exclude-libs` lines: shell globs on library file names (libcuda.so.*, libGL*). */
function parseLibraryGlobs(lines) {
    return lines.map((pattern) => {
        if (pattern.includes('/') || !GLOB_CHARS.test(pattern) || /\[[^\]]*$/.test(pattern)) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`exclude-libs "${pattern}" is not a library file name glob.`, {
                input: 'exclude-libs',
                fix: 'give one library name pattern per line, without a folder, e.g. libcuda.so.* or libGL*.so.1 (the characters * ? [ ] are wildcards).',
            });
        }
        let source = '';
        for (let i = 0; i < pattern.length; i++) {
            const c = pattern[i];
            if (c === '*')
                source += '.*';
            else if (c === '?')
                source += '.';
            else if (c === '[') {
                // GLOB_CHARS admits no `!` and no backslash: the class is copied as it is.
                const end = pattern.indexOf(']', i + 1);
                source += `[${pattern.slice(i + 1, end)}]`;
                i = end;
            }
            else
                source += c.replace(/[.+\-\]]/g, '\\$&');
        }
        return { pattern, regex: new RegExp(`^${source}$`) };
    });
}
/** Why `name` (a NEEDED entry) stays out of the wheel, or undefined when it is bundled. */
function exclusionReason(name, filter) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (filter.exclude.some((g) => g.regex.test(base)))
        return 'excluded';
    if (isPythonRuntimeLibrary(base))
        return 'python';
    if ((0,_system_libs_js__WEBPACK_IMPORTED_MODULE_1__/* .isSystemLibrary */ .Xo)(base))
        return 'system';
    if (filter.policyLibraries.includes(base))
        return 'policy';
    return undefined;
}
const NO_FILTER = { policyLibraries: [], exclude: [] };


/***/ }),

/***/ 56855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rw: () => (/* binding */ FAMILY_LIBRARY),
/* harmony export */   Xw: () => (/* binding */ MANYLINUX_POLICIES),
/* harmony export */   oB: () => (/* binding */ RUNTIME_FAMILIES),
/* harmony export */   qo: () => (/* binding */ VERSION_FAMILIES)
/* harmony export */ });
/**
 * The manylinux policies as facts: for each policy, the highest symbol version of glibc
 * (GLIBC_*), libstdc++ (GLIBCXX_*, CXXABI_*), libgcc_s (GCC_*), zlib (ZLIB_*) and libatomic
 * (LIBATOMIC_*) a wheel may need on x86_64, the non-numbered versions it also allows
 * (CXXABI_TM_1, CXXABI_FLOAT128, GLIBC_ABI_DT_RELR), and the libraries it may link against
 * without bundling them.
 *
 * Source: auditwheel's published policy table, src/auditwheel/policy/manylinux-policy.json in
 * https://github.com/pypa/auditwheel (commit 86154d15d6a53a85aab6187032e86348a3a15df1,
 * 2026-08-17), reduced to the x86_64 maxima of each version family. PEP 513 (manylinux1),
 * PEP 571 (manylinux2010), PEP 599 (manylinux2014) and PEP 600 (manylinux_X_Y) define the names.
 * No code of auditwheel is used; only these facts.
 */
const RUNTIME_FAMILIES = ['GLIBC', 'GLIBCXX', 'CXXABI', 'GCC'];
const VERSION_FAMILIES = [
    ...RUNTIME_FAMILIES,
    'ZLIB',
    'LIBATOMIC',
];
/** The library whose versions a library family names: a ZLIB_ need of any other is not zlib's. */
const FAMILY_LIBRARY = {
    ZLIB: 'libz.so.1',
    LIBATOMIC: 'libatomic.so.1',
};
const LIBRARIES_1 = [
    'libGL.so.1',
    'libICE.so.6',
    'libSM.so.6',
    'libX11.so.6',
    'libXext.so.6',
    'libXrender.so.1',
    'libanl.so.1',
    'libatomic.so.1',
    'libc.so.6',
    'libdl.so.2',
    'libgcc_s.so.1',
    'libglib-2.0.so.0',
    'libgobject-2.0.so.0',
    'libgthread-2.0.so.0',
    'libm.so.6',
    'libnsl.so.1',
    'libpthread.so.0',
    'libresolv.so.2',
    'librt.so.1',
    'libstdc++.so.6',
    'libutil.so.1',
    'libz.so.1',
];
const LIBRARIES_2 = [
    'libGL.so.1',
    'libICE.so.6',
    'libSM.so.6',
    'libX11.so.6',
    'libXext.so.6',
    'libXrender.so.1',
    'libanl.so.1',
    'libatomic.so.1',
    'libc.so.6',
    'libdl.so.2',
    'libexpat.so.1',
    'libgcc_s.so.1',
    'libglib-2.0.so.0',
    'libgobject-2.0.so.0',
    'libgthread-2.0.so.0',
    'libm.so.6',
    'libnsl.so.1',
    'libpthread.so.0',
    'libresolv.so.2',
    'librt.so.1',
    'libstdc++.so.6',
    'libutil.so.1',
    'libz.so.1',
];
const LIBRARIES_3 = [
    'libGL.so.1',
    'libICE.so.6',
    'libSM.so.6',
    'libX11.so.6',
    'libXext.so.6',
    'libXrender.so.1',
    'libanl.so.1',
    'libatomic.so.1',
    'libc.so.6',
    'libdl.so.2',
    'libexpat.so.1',
    'libgcc_s.so.1',
    'libglib-2.0.so.0',
    'libgobject-2.0.so.0',
    'libgthread-2.0.so.0',
    'libm.so.6',
    'libmvec.so.1',
    'libnsl.so.1',
    'libpthread.so.0',
    'libresolv.so.2',
    'librt.so.1',
    'libstdc++.so.6',
    'libutil.so.1',
    'libz.so.1',
];
/** From the oldest (manylinux_2_5) to the newest policy. */
const MANYLINUX_POLICIES = [
    {
        name: 'manylinux_2_5',
        aliases: ['manylinux1'],
        glibc: [2, 5],
        maxima: {
            GLIBC: '2.5',
            GLIBCXX: '3.4.8',
            CXXABI: '1.3.1',
            GCC: '4.2.0',
            ZLIB: null,
            LIBATOMIC: null,
        },
        extra: [],
        libraries: LIBRARIES_1,
    },
    {
        name: 'manylinux_2_12',
        aliases: ['manylinux2010'],
        glibc: [2, 12],
        maxima: {
            GLIBC: '2.12',
            GLIBCXX: '3.4.13',
            CXXABI: '1.3.3',
            GCC: '4.3.0',
            ZLIB: '1.2.2.4',
            LIBATOMIC: null,
        },
        extra: [],
        libraries: LIBRARIES_2,
    },
    {
        name: 'manylinux_2_17',
        aliases: ['manylinux2014'],
        glibc: [2, 17],
        maxima: {
            GLIBC: '2.17',
            GLIBCXX: '3.4.19',
            CXXABI: '1.3.7',
            GCC: '4.8.0',
            ZLIB: '1.2.5.2',
            LIBATOMIC: null,
        },
        extra: ['CXXABI_TM_1'],
        libraries: LIBRARIES_2,
    },
    {
        name: 'manylinux_2_24',
        aliases: [],
        glibc: [2, 24],
        maxima: {
            GLIBC: '2.24',
            GLIBCXX: '3.4.22',
            CXXABI: '1.3.10',
            GCC: '4.8.0',
            ZLIB: '1.2.5.2',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_26',
        aliases: [],
        glibc: [2, 26],
        maxima: {
            GLIBC: '2.26',
            GLIBCXX: '3.4.22',
            CXXABI: '1.3.10',
            GCC: '4.8.0',
            ZLIB: '1.2.5.2',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_27',
        aliases: [],
        glibc: [2, 27],
        maxima: {
            GLIBC: '2.27',
            GLIBCXX: '3.4.24',
            CXXABI: '1.3.11',
            GCC: '7.0.0',
            ZLIB: '1.2.9',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_28',
        aliases: [],
        glibc: [2, 28],
        maxima: {
            GLIBC: '2.28',
            GLIBCXX: '3.4.24',
            CXXABI: '1.3.11',
            GCC: '7.0.0',
            ZLIB: '1.2.9',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_31',
        aliases: [],
        glibc: [2, 31],
        maxima: {
            GLIBC: '2.31',
            GLIBCXX: '3.4.28',
            CXXABI: '1.3.12',
            GCC: '7.0.0',
            ZLIB: '1.2.9',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_34',
        aliases: [],
        glibc: [2, 34],
        maxima: {
            GLIBC: '2.34',
            GLIBCXX: '3.4.29',
            CXXABI: '1.3.13',
            GCC: '7.0.0',
            ZLIB: '1.2.9',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_35',
        aliases: [],
        glibc: [2, 35],
        maxima: {
            GLIBC: '2.35',
            GLIBCXX: '3.4.30',
            CXXABI: '1.3.13',
            GCC: '12.0.0',
            ZLIB: '1.2.9',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_36',
        aliases: [],
        glibc: [2, 36],
        maxima: {
            GLIBC: '2.36',
            GLIBCXX: '3.4.30',
            CXXABI: '1.3.13',
            GCC: '12.0.0',
            ZLIB: '1.2.9',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_37',
        aliases: [],
        glibc: [2, 37],
        maxima: {
            GLIBC: '2.36',
            GLIBCXX: '3.4.30',
            CXXABI: '1.3.13',
            GCC: '12.0.0',
            ZLIB: '1.2.12',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_38',
        aliases: [],
        glibc: [2, 38],
        maxima: {
            GLIBC: '2.38',
            GLIBCXX: '3.4.30',
            CXXABI: '1.3.13',
            GCC: '12.0.0',
            ZLIB: '1.2.12',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_39',
        aliases: [],
        glibc: [2, 39],
        maxima: {
            GLIBC: '2.39',
            GLIBCXX: '3.4.33',
            CXXABI: '1.3.15',
            GCC: '14.0.0',
            ZLIB: '1.2.12',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_40',
        aliases: [],
        glibc: [2, 40],
        maxima: {
            GLIBC: '2.40',
            GLIBCXX: '3.4.33',
            CXXABI: '1.3.15',
            GCC: '14.0.0',
            ZLIB: '1.2.12',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
        libraries: LIBRARIES_3,
    },
    {
        name: 'manylinux_2_41',
        aliases: [],
        glibc: [2, 41],
        maxima: {
            GLIBC: '2.41',
            GLIBCXX: '3.4.33',
            CXXABI: '1.3.15',
            GCC: '14.0.0',
            ZLIB: '1.2.12',
            LIBATOMIC: '1.2',
        },
        extra: ['CXXABI_FLOAT128', 'CXXABI_TM_1', 'GLIBC_ABI_DT_RELR'],
        libraries: LIBRARIES_3,
    },
];


/***/ }),

/***/ 75555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ isProgramLoader),
/* harmony export */   SU: () => (/* binding */ SYSTEM_LIBRARIES),
/* harmony export */   Xo: () => (/* binding */ isSystemLibrary)
/* harmony export */ });
/* unused harmony export SYSTEM_LIBRARY_PATTERNS */
/**
 * Which shared libraries count as "part of the base system", so a wheel may rely on them instead
 * of carrying its own copy. `bundle-libs` copies every other needed library into the wheel.
 *
 * Policy: the manylinux2014 allow-list of PEP 599 (glibc, libstdc++/libgcc_s, and a few X11,
 * OpenGL and GLib libraries that every desktop or server distribution ships and that must come
 * from the system to work with its drivers), plus libcrypt.so.1 from PEP 513's manylinux1 list
 * (still present on glibc systems), the program loaders themselves (ld-linux*.so.*, ld64.so.*,
 * ld-musl-*.so.1), the kernel's vDSO pseudo-libraries, and musl's libc for musllinux images.
 * Anything else (libz, libgomp, libgfortran, libopenblas, Boost, ...) is not guaranteed to be on
 * the machine that installs the wheel and must be bundled or linked statically.
 * https://peps.python.org/pep-0599/#the-manylinux2014-policy
 */
/** The PEP 599 manylinux2014 list, plus libcrypt.so.1 (PEP 513). Exact SONAMEs. */
const SYSTEM_LIBRARIES = [
    'libgcc_s.so.1',
    'libstdc++.so.6',
    'libm.so.6',
    'libdl.so.2',
    'librt.so.1',
    'libc.so.6',
    'libnsl.so.1',
    'libutil.so.1',
    'libpthread.so.0',
    'libresolv.so.2',
    'libX11.so.6',
    'libXext.so.6',
    'libXrender.so.1',
    'libICE.so.6',
    'libSM.so.6',
    'libGL.so.1',
    'libgobject-2.0.so.0',
    'libgthread-2.0.so.0',
    'libglib-2.0.so.0',
    'libcrypt.so.1',
];
/** Loaders, vDSOs and musl's libc, which have one name per architecture. */
const SYSTEM_LIBRARY_PATTERNS = [
    /^ld-linux(-[\w-]+)?\.so\.\d+$/, // ld-linux.so.2, ld-linux-x86-64.so.2, ld-linux-aarch64.so.1, ld-linux-armhf.so.3
    /^ld64\.so\.\d+$/, // ppc64le, s390x
    /^ld\.so\.\d+$/,
    /^ld-musl-[\w-]+\.so\.1$/,
    /^libc\.musl-[\w-]+\.so\.1$/,
    /^linux-(vdso|gate)(64|32)?\.so\.1$/,
];
const SYSTEM_SET = new Set(SYSTEM_LIBRARIES);
/**
 * The program loader (ld-linux-x86-64.so.2, ld64.so.1/2): part of the platform, not a library a
 * policy lists. g++ 10 and later name it as NEEDED in ordinary extensions (for __tls_get_addr);
 * auditwheel leaves it out of every policy check the same way ("always exclude ELF dynamic
 * linker/loader", policy/__init__.py).
 */
function isProgramLoader(name) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    return base.includes('ld-linux') || base === 'ld64.so.1' || base === 'ld64.so.2';
}
/**
 * True when `name` (a NEEDED entry or SONAME; a path is reduced to its file name) is a system
 * library a wheel may use without bundling it.
 */
function isSystemLibrary(name) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    return SYSTEM_SET.has(base) || SYSTEM_LIBRARY_PATTERNS.some((pattern) => pattern.test(base));
}


/***/ }),

/***/ 85558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ onEarlyExit),
/* harmony export */   m: () => (/* binding */ runEarlyExitCleanups)
/* harmony export */ });
// Node ends a process whose last await can never settle (nothing left to wait on) with exit code
// 13, and a forced exit (process.exit after a cancel) skips every `finally` too. The clean-ups
// registered here run then, synchronously from the 'exit' event, so a run that ends that way
// still leaves no pending folder or half-written wheel behind. Process-wide by nature: there is
// one 'exit' per process.
const cleanups = new Set();
/** Registers a synchronous clean-up for an exit before the run's own; returns its removal. */
function onEarlyExit(cleanup) {
    cleanups.add(cleanup);
    return () => {
        cleanups.delete(cleanup);
    };
}
/**
 * Runs every clean-up still registered, once; returns how many ran. A failing one is skipped:
 * the process is ending and the others must still run.
 */
function runEarlyExitCleanups() {
    const pending = [...cleanups];
    cleanups.clear();
    for (const cleanup of pending) {
        try {
            cleanup();
        }
        catch {
            // best effort while the process ends
        }
    }
    return pending.length;
}


/***/ }),

/***/ 14888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CL: () => (/* binding */ resolveArtifactName),
/* harmony export */   IF: () => (/* binding */ validateRetentionDays),
/* harmony export */   Wk: () => (/* binding */ artifactUrl),
/* harmony export */   q8: () => (/* binding */ describeArtifactFailure),
/* harmony export */   ug: () => (/* binding */ missingArtifactEnv),
/* harmony export */   xe: () => (/* binding */ artifactUploadFormat)
/* harmony export */ });
/* unused harmony exports INVALID_ARTIFACT_NAME_CHARACTERS, defaultArtifactName, ACTIONS_ARTIFACT_ENV */
/* harmony import */ var _base_boolean_word_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48086);
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);


/**
 * Pure decisions for the workflow-artifact upload: names, retention, URLs and how a failure of
 * the artifact client reads to the user. No I/O here; artifact.ts is the edge.
 */
/**
 * Characters the artifact service rejects in a name (NTFS limits, plus path separators); the same
 * list as @actions/artifact's validateArtifactName, so a bad name fails as an input error up front.
 */
const INVALID_ARTIFACT_NAME_CHARACTERS = [
    '"',
    ':',
    '<',
    '>',
    '|',
    '*',
    '?',
    '\r',
    '\n',
    '\\',
    '/',
];
/**
 * The artifact name used when `artifact-name` is empty: the wheel's file name. Wheel names carry
 * the python and platform tags, so matrix jobs never collide; and an artifact named exactly like
 * the file is uploaded as the wheel itself, not zipped (see artifactUploadFormat).
 */
function defaultArtifactName(wheelFileName) {
    let name = wheelFileName.trim();
    for (const c of INVALID_ARTIFACT_NAME_CHARACTERS)
        name = name.split(c).join('_');
    return name === '' ? 'wheel' : name;
}
/**
 * The `artifact-name` input: `false` skips the upload (undefined), empty or `true` uses the
 * default (a user writing `true` means "upload it", not an artifact named "true"), any other value
 * is used as is once checked for characters the service rejects.
 */
function resolveArtifactName(input, wheelFileName) {
    const value = input.trim();
    const word = (0,_base_boolean_word_js__WEBPACK_IMPORTED_MODULE_1__/* .booleanWord */ .D)(value);
    if (word === false)
        return undefined;
    if (value === '' || word === true)
        return defaultArtifactName(wheelFileName);
    const bad = INVALID_ARTIFACT_NAME_CHARACTERS.filter((c) => value.includes(c));
    if (bad.length > 0) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${printable(value)}' is not a valid artifact name: it contains ${bad.map(printable).join(' ')}.`, {
            input: 'artifact-name',
            fix: `remove the characters ${INVALID_ARTIFACT_NAME_CHARACTERS.map(printable).join(' ')} from the name, leave it empty to name the artifact after the wheel, or set it to false to skip the upload.`,
        });
    }
    return value;
}
/** `retention-days`: an integer 1..90, or empty for the repository's default. */
function validateRetentionDays(raw) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    const days = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > 90) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${value}' is not a number of days between 1 and 90.`, {
            input: 'retention-days',
            fix: 'set a whole number from 1 to 90, or leave it empty to use the repository setting.',
        });
    }
    return days;
}
function artifactUploadFormat(name, wheelFileName) {
    return name === wheelFileName ? 'wheel' : 'zip';
}
/** The variables the artifact client needs; without them we are not in a GitHub Actions job. */
const ACTIONS_ARTIFACT_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'];
function missingArtifactEnv(env) {
    return ACTIONS_ARTIFACT_ENV.filter((key) => !env[key]);
}
/** The artifact's page in the run, or undefined when the run's variables are missing. */
function artifactUrl(env, id) {
    const server = env.GITHUB_SERVER_URL?.replace(/\/+$/, '');
    const repository = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    if (!server || !repository || !runId)
        return undefined;
    return `${server}/${repository}/actions/runs/${runId}/artifacts/${id}`;
}
/**
 * Reads an error from @actions/artifact (its `name` and message; the client has no error codes for
 * HTTP failures, only messages such as "Failed to CreateArtifact: Received non-retryable error:
 * Failed request: (409) Conflict: ...").
 */
function describeArtifactFailure(error, artifactName) {
    const text = error.message.trim();
    const detail = ` (${text})`;
    if (/\(409\)|already exists/i.test(text)) {
        return {
            kind: 'conflict',
            message: `An artifact named '${artifactName}' already exists in this workflow run${detail}.`,
            fix: "give each job its own 'artifact-name' (include the matrix values, or leave it empty to name the artifact after the wheel file, which differs per python and platform); on a re-run, delete the earlier attempt's artifact or set 'artifact-name' to false.",
        };
    }
    if (error.name === 'UsageError' || /insufficient usage|storage quota/i.test(text)) {
        return {
            kind: 'quota',
            message: `The repository's artifact storage quota is used up${detail}.`,
            fix: "delete old artifacts or shorten 'retention-days', or set 'artifact-name' to false to skip the upload.",
        };
    }
    if (error.name === 'GHESNotSupportedError') {
        return {
            kind: 'ghes',
            message: `Workflow artifacts from @actions/artifact are not supported on this GitHub Enterprise Server${detail}.`,
            fix: "set 'artifact-name' to false on GitHub Enterprise Server and publish the wheel with S3 instead.",
        };
    }
    if (error.name === 'NetworkError') {
        return {
            kind: 'network',
            message: `The runner could not reach the GitHub artifact service${detail}.`,
            fix: 'on a self-hosted runner, allow access to the GitHub Actions endpoints (results and blob storage); otherwise re-run the job.',
        };
    }
    if (/\((401|403)\)|JWT|Invalid token/i.test(text)) {
        return {
            kind: 'auth',
            message: `The artifact service rejected this job's credentials${detail}.`,
            fix: "run the action as a step of a GitHub Actions job (ACTIONS_RUNTIME_TOKEN comes from the runner), or set 'artifact-name' to false.",
        };
    }
    if (/after \d+ attempts|\((5\d\d|429)\)|stalled/i.test(text)) {
        return {
            kind: 'unavailable',
            message: `The GitHub artifact service kept failing, retries included${detail}.`,
            fix: "this is usually temporary: re-run the job (see https://www.githubstatus.com), or set 'artifact-name' to false to skip the upload.",
        };
    }
    return {
        kind: 'other',
        message: `Uploading the workflow artifact '${artifactName}' failed${detail}.`,
        fix: "re-run the job with debug logging (ACTIONS_STEP_DEBUG) for the client's details, or set 'artifact-name' to false to skip the upload.",
    };
}
function printable(text) {
    return JSON.stringify(text).slice(1, -1);
}


/***/ }),

/***/ 5694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RI: () => (/* binding */ parseVerifyPublished),
/* harmony export */   gu: () => (/* binding */ consumerInstallArgv),
/* harmony export */   iW: () => (/* binding */ AWS_CREDENTIAL_VARIABLES),
/* harmony export */   tf: () => (/* binding */ readRefusedError)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/**
 * Pure decisions of the consumer check (`verify-published`): how the platform reads, the pip
 * command that installs what was published, and what a refused read means for the user.
 */

/** `true`/`anonymous` -> anonymous, `credentials`, `false` -> undefined (no check). */
function parseVerifyPublished(raw) {
    const value = raw.trim().toLowerCase();
    if (value === 'true' || value === 'anonymous')
        return 'anonymous';
    if (value === 'credentials')
        return 'credentials';
    if (value === 'false')
        return undefined;
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${raw}" is not a way to verify what was published.`, {
        input: 'verify-published',
        fix: 'use true (= anonymous: the platform reads with unsigned requests), credentials (it ' +
            'reads with its own role), or false (no check).',
    });
}
/** Variables that would let pip (or anything it starts) reach S3 as the publisher. */
const AWS_CREDENTIAL_VARIABLES = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_SECURITY_TOKEN',
    'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_CONFIG_FILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_ROLE_ARN',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_AUTHORIZATION_TOKEN',
];
/**
 * The argv that installs `name==version` as the platform will: `env -u` strips every AWS
 * credential variable (the runner's, or an `env` line passed into the image) before the
 * interpreter starts, pip reads no configuration, and only the published location is searched.
 */
function consumerInstallArgv(options) {
    const strip = AWS_CREDENTIAL_VARIABLES.flatMap((name) => ['-u', name]);
    const source = options.indexUrl
        ? ['--index-url', options.indexUrl, `${options.distribution}==${options.version}`]
        : [options.wheelUrl];
    return [
        'env',
        ...strip,
        options.python,
        '-E',
        '-s',
        '-m',
        'pip',
        'install',
        '--no-deps',
        '--no-cache-dir',
        '--disable-pip-version-check',
        '--no-compile',
        ...(options.verbose ? ['-v'] : []),
        '--target',
        options.target,
        ...source,
    ];
}
const NEXT_RUN = 'This failure cannot unpublish anything: the object stays in S3 as uploaded. Once read ' +
    'access is fixed, re-run the job: the identical object is skipped (not uploaded again), its ' +
    'ACL is brought in line with s3-acl, and the check runs again.';
/** The error for a 403/404 when reading what was published, with the fix for the case. */
function readRefusedError(refusal) {
    const arn = `arn:aws:s3:::${refusal.bucket}/${refusal.prefix}*`;
    const how = refusal.mode === 'anonymous' ? 'an unsigned GET' : 'a GET signed with the credentials';
    const head = `The platform cannot read ${refusal.what}: ${how} of ${refusal.url} got HTTP ${refusal.status}.`;
    let fix;
    if (refusal.status === 404) {
        fix =
            refusal.mode === 'anonymous'
                ? `S3 answers 404 instead of 403 to a reader without s3:ListBucket, so this is either a ` +
                    `missing object or missing read access: check that s3-endpoint/s3-region give the URL ` +
                    `the platform uses, and grant s3:GetObject on ${arn} to the reader (see the 403 fixes).`
                : `Check that s3-endpoint/s3-region give the URL the platform uses and that the object ` +
                    `exists; a reader without s3:ListBucket also gets 404 for an object it may not read.`;
    }
    else if (refusal.mode === 'credentials') {
        fix =
            `Grant the reading role s3:GetObject on ${arn} (bucket policy or its IAM policy), and ` +
                'kms:Decrypt when the bucket uses a KMS key.';
    }
    else {
        const acl = refusal.acl === 'private'
            ? 's3-acl is private: set s3-acl: public-read (the bucket must allow ACLs), or'
            : 'the object was written public-read, so something overrides the ACL:';
        fix =
            `${acl} add a bucket policy allowing s3:GetObject for Principal "*" on ${arn}; turn off ` +
                "the bucket's (or the account's) Block Public Access settings that block that policy or " +
                'the ACL; or, when the platform reads with its own role rather than anonymously, set ' +
                'verify-published: credentials.';
    }
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PublishError */ .S1(`${head} ${NEXT_RUN}`, { input: 'verify-published', fix });
}


/***/ }),

/***/ 784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ s3Key),
/* harmony export */   Bk: () => (/* binding */ parseEndpoint),
/* harmony export */   EG: () => (/* binding */ validateBucketName),
/* harmony export */   Ek: () => (/* binding */ DEFAULT_QUEUE_SIZE),
/* harmony export */   OG: () => (/* binding */ hexToBase64),
/* harmony export */   Qf: () => (/* binding */ base64ToHex),
/* harmony export */   US: () => (/* binding */ DEFAULT_PART_SIZE),
/* harmony export */   YQ: () => (/* binding */ pinnedRequirement),
/* harmony export */   Zv: () => (/* binding */ resolveRegion),
/* harmony export */   aV: () => (/* binding */ cacheControl),
/* harmony export */   bC: () => (/* binding */ objectUrl),
/* harmony export */   d7: () => (/* binding */ planUpload),
/* harmony export */   hb: () => (/* binding */ validatePrefix),
/* harmony export */   tT: () => (/* binding */ s3Uri)
/* harmony export */ });
/* unused harmony exports MAX_PARTS, encodeKey */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/**
 * Pure decisions for the S3 publisher: validated names, the object key, its URLs, the multipart
 * layout. No I/O here, so every rule is unit-testable.
 */

/** S3's own limits. */
const MAX_PARTS = 10_000;
const MAX_KEY_BYTES = 1024;
/** Part size and single-PUT threshold when the caller does not choose: 8 MiB, like the AWS CLI. */
const DEFAULT_PART_SIZE = 8 * 1024 * 1024;
/** Parts in flight at once; memory is bounded by partSize x queueSize. */
const DEFAULT_QUEUE_SIZE = 4;
/**
 * Checks a bucket name against S3's naming rules
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html) so that a typo
 * fails before any request, with a message that says which rule.
 */
function validateBucketName(name) {
    const fail = (rule) => {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${name}' is not a valid S3 bucket name: ${rule}.`, {
            input: 's3-bucket',
            fix: 'use the bucket name only (no s3:// and no path; put the path in s3-prefix).',
        });
    };
    // An s3:// URI contains '/' too.
    if (name.includes('/'))
        fail('it contains a scheme or a path');
    if (name.length < 3 || name.length > 63)
        fail('it must be 3 to 63 characters long');
    if (!/^[a-z0-9.-]+$/.test(name)) {
        fail('only lowercase letters, digits, dots and hyphens are allowed');
    }
    if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
        fail('it must begin and end with a letter or a digit');
    }
    if (name.includes('..'))
        fail('it must not contain two adjacent dots');
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name))
        fail('it must not look like an IP address');
    for (const reserved of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
        if (name.startsWith(reserved))
            fail(`the prefix '${reserved}' is reserved`);
    }
    for (const reserved of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
        if (name.endsWith(reserved))
            fail(`the suffix '${reserved}' is reserved`);
    }
    return name;
}
/**
 * Validates the key prefix and returns it normalized: empty stays empty, anything else ends in
 * `/`. pip takes the wheel's name from the last URL path segment, so `wheels/v1` + the file name
 * must become `wheels/v1/<file>`, never `wheels/v1<file>` (pip would reject that name).
 */
function validatePrefix(prefix) {
    if (prefix === '')
        return '';
    const fail = (rule) => {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${prefix}' is not a valid S3 key prefix: ${rule}.`, {
            input: 's3-prefix',
            fix: "use a relative path such as 'wheels/mylib/' (segments separated by '/').",
        });
    };
    if (prefix.startsWith('/'))
        fail("it must not start with '/'");
    if (prefix.includes('\\'))
        fail('it must not contain a backslash');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(prefix))
        fail('it must not contain control characters');
    const normalized = prefix.endsWith('/') ? prefix : `${prefix}/`;
    for (const segment of normalized.slice(0, -1).split('/')) {
        if (segment === '')
            fail("it must not contain an empty segment ('//')");
        if (segment === '.' || segment === '..')
            fail(`it must not contain a '${segment}' segment`);
    }
    return normalized;
}
/** The object key: the normalized prefix followed by the wheel's file name. */
function s3Key(prefix, fileName) {
    if (fileName === '' || fileName.includes('/') || fileName.includes('\\')) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${fileName}' is not a plain file name.`);
    }
    const key = `${validatePrefix(prefix)}${fileName}`;
    if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`The S3 key '${key}' is longer than ${MAX_KEY_BYTES} bytes.`, {
            input: 's3-prefix',
            fix: 'use a shorter s3-prefix.',
        });
    }
    return key;
}
function s3Uri(bucket, key) {
    return `s3://${bucket}/${key}`;
}
/** Region: explicit input, then the AWS environment, then S3's default region. */
function resolveRegion(explicit, env) {
    return explicit || env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
}
/** Parses `s3-endpoint`: an http(s) URL without query or credentials. */
function parseEndpoint(endpoint) {
    let url;
    try {
        url = new URL(endpoint);
    }
    catch {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${endpoint}' is not a URL.`, {
            input: 's3-endpoint',
            fix: 'give the full URL of the S3-compatible server, e.g. https://minio.example.com:9000.',
        });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`'${endpoint}' must use http:// or https://.`, {
            input: 's3-endpoint',
            fix: 'give the full URL of the S3-compatible server, e.g. https://minio.example.com:9000.',
        });
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('The endpoint URL must not contain credentials, a query or a fragment.', {
            input: 's3-endpoint',
            fix: 'give only scheme, host, port (and base path); credentials come from the AWS chain.',
        });
    }
    return url;
}
/**
 * Encodes a key for a URL path, segment by segment. `+` becomes %2B: S3 reads a literal `+` in
 * a path as a space, and wheel names carry `+` in local versions (`1.0+cpu`).
 */
function encodeKey(key) {
    return key.split('/').map(encodeURIComponent).join('/');
}
/**
 * The https URL of the object. AWS: virtual-hosted `https://<bucket>.s3.<region>.amazonaws.com/<key>`
 * unless path style is forced or the bucket name has dots (a dotted host does not match S3's
 * wildcard TLS certificate); then `https://s3.<region>.amazonaws.com/<bucket>/<key>`. A custom
 * endpoint keeps its scheme, host, port and base path.
 */
function objectUrl(options) {
    const path = encodeKey(options.key);
    const pathStyle = options.forcePathStyle || options.bucket.includes('.');
    if (options.endpoint) {
        const url = parseEndpoint(options.endpoint);
        const base = url.pathname.replace(/\/+$/, '');
        if (pathStyle)
            return `${url.protocol}//${url.host}${base}/${options.bucket}/${path}`;
        return `${url.protocol}//${options.bucket}.${url.host}${base}/${path}`;
    }
    const suffix = options.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    const host = `s3.${options.region}.${suffix}`;
    if (pathStyle)
        return `https://${host}/${options.bucket}/${path}`;
    return `https://${options.bucket}.${host}/${path}`;
}
/** Cache policy for a release file: its name carries the version, its bytes never change. */
/**
 * The dependency line that installs this file or nothing: its URL with pip's hash fragment
 * (every pip from 8 on checks `#sha256=` before installing).
 */
function pinnedRequirement(url, sha256) {
    return `${url}#sha256=${sha256.toLowerCase()}`;
}
function cacheControl(acl) {
    return `${acl === 'public-read' ? 'public' : 'private'}, max-age=31536000, immutable`;
}
/** S3 wants base64 checksums; the pipeline carries hex. */
function hexToBase64(hex) {
    if (!/^[0-9a-f]{64}$/i.test(hex))
        throw new Error(`not a SHA-256 hex digest: '${hex}'`);
    return Buffer.from(hex, 'hex').toString('base64');
}
function base64ToHex(base64) {
    return Buffer.from(base64, 'base64').toString('hex');
}
/**
 * Single PUT up to `threshold` bytes, otherwise parts of `partSize` (grown if the file would need
 * more than S3's 10,000 parts). Part sizes below S3's 5 MiB minimum are not refused here: the
 * server decides (tests use that to make a completion fail).
 */
function planUpload(size, partSize, threshold) {
    if (!Number.isSafeInteger(size) || size < 0)
        throw new Error(`invalid size ${size}`);
    if (!Number.isSafeInteger(partSize) || partSize < 1)
        throw new Error(`invalid part size`);
    if (size <= threshold) {
        return { multipart: false, partSize: size, parts: [{ partNumber: 1, start: 0, end: size }] };
    }
    const effective = Math.max(partSize, Math.ceil(size / MAX_PARTS));
    const parts = [];
    for (let start = 0, n = 1; start < size; start += effective, n++) {
        parts.push({ partNumber: n, start, end: Math.min(start + effective, size) });
    }
    return { multipart: true, partSize: effective, parts };
}


/***/ }),

/***/ 74643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rf: () => (/* binding */ parsePythonRequest),
/* harmony export */   Yj: () => (/* binding */ discoverPython)
/* harmony export */ });
/* unused harmony exports candidatePaths, probeMatches */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _probe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34492);


// A command name as a shell finds it on PATH: no slash, no space, starting with a letter.
const COMMAND = /^[A-Za-z][A-Za-z0-9._+-]*$/;
function parsePythonRequest(raw) {
    const value = raw.trim();
    if (value === '' || value === 'auto')
        return { kind: 'auto' };
    const version = /^(\d)(?:\.(\d{1,2}))?$/.exec(value);
    if (version) {
        const major = Number(version[1]);
        return version[2] === undefined
            ? { kind: 'version', major }
            : { kind: 'version', major, minor: Number(version[2]) };
    }
    if (value.includes('/'))
        return { kind: 'path', path: value };
    if (COMMAND.test(value))
        return { kind: 'command', command: value };
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${raw}" is neither a path, a command name, a version nor "auto".`, {
        input: 'python',
        fix: 'use a path such as /opt/anaconda2/bin/python, a command on PATH such as python3, a version such as 2.7 or 3.6, or auto.',
    });
}
/** Where conda keeps its environments, besides the base installs of `candidatePaths`. */
const CONDA_ENVS = [
    '/opt/anaconda2/envs/*/bin',
    '/opt/anaconda3/envs/*/bin',
    '/opt/conda/envs/*/bin',
    '/opt/miniconda3/envs/*/bin',
    '~/anaconda3/envs/*/bin',
    '~/miniconda3/envs/*/bin',
    '~/.conda/envs/*/bin',
];
/**
 * Where vendor images keep their interpreters, in the order they are tried (pure). Anaconda
 * first: Algorithmia's images build and run algorithms with it. A version is also looked up in
 * pyenv's versions (`$PYENV_ROOT`, else `pyenv root`, else ~/.pyenv) and conda environments;
 * `*` and a leading `$PYENV_ROOT/` or `~/` are expanded where the build runs.
 */
function candidatePaths(request) {
    const anaconda = [
        '/opt/anaconda2/bin/python',
        '/opt/anaconda3/bin/python',
        '/opt/conda/bin/python',
    ];
    if (request.kind === 'path')
        return [request.path];
    if (request.kind === 'command')
        return [request.command];
    if (request.kind === 'auto')
        return [...anaconda, 'python3', 'python'];
    const version = request.minor === undefined ? `${request.major}` : `${request.major}.${request.minor}`;
    const name = `python${version}`;
    return [
        ...anaconda,
        `/usr/local/bin/${name}`,
        `/usr/bin/${name}`,
        name,
        // The binary's name tells 3.1 from 3.10: only 3.1 has python3.1.
        `$PYENV_ROOT/versions/${version}*/bin/${name}`,
        ...CONDA_ENVS.map((folder) => `${folder}/${name}`),
    ];
}
function probeMatches(request, probe) {
    if (request.kind !== 'version')
        return true;
    const [major, minor] = probe.version;
    return major === request.major && (request.minor === undefined || minor === request.minor);
}
/** Finds and probes the interpreter, in the executor's environment (the image, when one is used). */
async function discoverPython(executor, request, log) {
    if (request.kind === 'path')
        return (0,_probe_js__WEBPACK_IMPORTED_MODULE_1__/* .probePython */ .fc)(executor, request.path);
    if (request.kind === 'command')
        return commandOnPath(executor, request.command, log);
    const candidates = candidatePaths(request);
    // One shell round trip tells which candidates exist (each one is a `docker run` in an image).
    const existing = await existingCandidates(executor, candidates);
    const tried = [];
    for (const path of existing) {
        const { probe } = await (0,_probe_js__WEBPACK_IMPORTED_MODULE_1__/* .tryProbe */ .Yv)(executor, path);
        if (!probe) {
            tried.push(`${path} (not a working interpreter)`);
            continue;
        }
        if (probeMatches(request, probe)) {
            log.info(`Python: ${(0,_probe_js__WEBPACK_IMPORTED_MODULE_1__/* .describeProbe */ .WH)(probe)}`);
            return probe;
        }
        tried.push(`${path} (${probe.version.join('.')})`);
    }
    const wanted = request.kind === 'auto'
        ? 'a Python interpreter'
        : `Python ${request.major}${request.minor === undefined ? '' : `.${request.minor}`}`;
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PythonError */ .HE(`${wanted} was not found on ${executor.where}.`, {
        input: 'python',
        fix: "install it there, or set `python` to the interpreter's full path.",
        details: `Looked for: ${candidates.join(', ')}${tried.length ? `\nFound but not matching: ${tried.join(', ')}` : ''}`,
    });
}
/** The command as `sh` finds it on PATH in the executor's environment (the build's own lookup). */
async function commandOnPath(executor, command, log) {
    const found = await executor.run([
        'sh',
        '-c',
        'command -v "$1" || { echo "PATH=$PATH" >&2; exit 1; }',
        'discover',
        command,
    ]);
    const path = found.stdout.trim().split('\n')[0] ?? '';
    if (found.exitCode !== 0 || !path.startsWith('/')) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PythonError */ .HE(`\`${command}\` was not found on PATH on ${executor.where}.`, {
            input: 'python',
            fix: 'install it or put its folder on PATH before this step (e.g. actions/setup-python), ' +
                'or give a full path or a version such as 3.6.',
            details: found.stderr.trim() || undefined,
        });
    }
    const probe = await (0,_probe_js__WEBPACK_IMPORTED_MODULE_1__/* .probePython */ .fc)(executor, path);
    log.info(`Python: \`${command}\` on PATH is ${(0,_probe_js__WEBPACK_IMPORTED_MODULE_1__/* .describeProbe */ .WH)(probe)}`);
    return probe;
}
// Each candidate, expanded where the build runs: `$PYENV_ROOT/` and `~/` prefixes, then the
// glob (IFS is a newline, so only `*` expands); a command through PATH. A pyenv shim is resolved
// with `pyenv which`, or dropped when that version is not selected (pyenv's versions are
// searched on their own): the shim itself only says "command not found".
const EXISTING_SCRIPT = `
root=\${PYENV_ROOT:-}
[ -n "$root" ] || root=$(pyenv root 2>/dev/null) || root=
[ -n "$root" ] || root=\${HOME:-/root}/.pyenv
IFS='
'
for c in "$@"; do
  case "$c" in
    '$PYENV_ROOT/'*) c="$root/\${c#'$PYENV_ROOT/'}";;
    '~/'*) c="\${HOME:-/root}/\${c#'~/'}";;
  esac
  case "$c" in
    */*) for p in $c; do [ -f "$p" ] && [ -x "$p" ] && echo "$p"; done;;
    *) p=$(command -v "$c" 2>/dev/null) || continue
       case "$p" in
         */shims/*) p=$(pyenv which "$c" 2>/dev/null) && echo "$p";;
         *) echo "$p";;
       esac;;
  esac
done
true`;
async function existingCandidates(executor, candidates) {
    const result = await executor.run(['sh', '-c', EXISTING_SCRIPT, 'discover', ...candidates]);
    const seen = new Set();
    return result.stdout
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !seen.has(line) && seen.add(line) !== undefined);
}


/***/ }),

/***/ 39746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JW: () => (/* binding */ PROBE_SCRIPT),
/* harmony export */   Mi: () => (/* binding */ SUPPORTED_TAGS_LOOKUP),
/* harmony export */   k5: () => (/* binding */ PROBE_MARKER)
/* harmony export */ });
/**
 * Sets `supported_tags` to the tags the interpreter's own pip installs, most specific first, the
 * way `pip install` judges a wheel: pip >= 20, pip 10-19 and pip 8-9 each keep the list in
 * another module. Python 2.7 and 3.x alike.
 */
const SUPPORTED_TAGS_LOOKUP = String.raw `
try:
    from pip._internal.utils.compatibility_tags import get_supported
except ImportError:
    try:
        from pip._internal.pep425tags import get_supported
    except ImportError:
        from pip.pep425tags import get_supported
supported_tags = [str(t) if not isinstance(t, tuple) else "-".join(t) for t in get_supported()]
`;
/** Indents Python source by four spaces (to nest it in a `try:`; blank lines stay blank to Python). */
const indent = (source) => source
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
/**
 * Runs unchanged on Python 2.7 and 3.x (also PyPy): prints one JSON object describing the
 * interpreter, from which the wheel's tags are derived (src/wheel/tags.ts), with the tags its pip
 * installs when that pip can tell in-process (which saves verification a python start and a pip
 * import; null otherwise, and verification asks pip in a process of its own). Passed with `-c`,
 * so nothing has to be copied into an image first.
 */
const PROBE_SCRIPT = String.raw `
import json, os, platform, struct, sys, sysconfig
def var(name):
    try:
        return sysconfig.get_config_var(name)
    except Exception:
        return None
try:
    import pip
    pip_version = pip.__version__
except Exception:
    pip_version = None
libc = None
try:
    libc = os.confstr("CS_GNU_LIBC_VERSION") or None
except Exception:
    pass
if not libc:
    try:
        lib, lib_version = platform.libc_ver()
        libc = ("%s %s" % (lib, lib_version)) if lib else None
    except Exception:
        libc = None
supported_tags = None
try:
${indent(SUPPORTED_TAGS_LOOKUP)}
except Exception:
    supported_tags = None
try:
    include = sysconfig.get_paths()["include"]
except Exception:
    include = None
try:
    import importlib.machinery
    ext_suffixes = list(importlib.machinery.EXTENSION_SUFFIXES)
except Exception:
    try:
        import imp
        ext_suffixes = [s[0] for s in imp.get_suffixes() if s[2] == imp.C_EXTENSION]
    except Exception:
        ext_suffixes = None
print("ALGORITHMIA-WHEEL-PROBE " + json.dumps({
    "executable": sys.executable,
    "version": list(sys.version_info[:3]),
    "implementation": platform.python_implementation(),
    "soabi": var("SOABI"),
    "extSuffix": var("EXT_SUFFIX") or var("SO"),
    "pyDebug": bool(var("Py_DEBUG")) or hasattr(sys, "gettotalrefcount"),
    "withPymalloc": bool(var("WITH_PYMALLOC")),
    "maxUnicode": sys.maxunicode,
    "platform": sysconfig.get_platform(),
    "pointerBits": struct.calcsize("P") * 8,
    "pipVersion": pip_version,
    "include": include,
    "extensionSuffixes": ext_suffixes,
    "supportedTags": supported_tags,
    "libc": libc,
}))
`;
const PROBE_MARKER = 'ALGORITHMIA-WHEEL-PROBE ';


/***/ }),

/***/ 34492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WH: () => (/* binding */ describeProbe),
/* harmony export */   Yv: () => (/* binding */ tryProbe),
/* harmony export */   fc: () => (/* binding */ probePython)
/* harmony export */ });
/* unused harmony export parseProbeOutput */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _probe_script_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39746);


/** Pure: reads the probe's JSON line out of whatever the interpreter printed. */
function parseProbeOutput(stdout) {
    const line = stdout.split('\n').find((l) => l.startsWith(_probe_script_js__WEBPACK_IMPORTED_MODULE_1__/* .PROBE_MARKER */ .k5));
    if (!line)
        return undefined;
    const json = line.slice(_probe_script_js__WEBPACK_IMPORTED_MODULE_1__/* .PROBE_MARKER */ .k5.length);
    let value;
    try {
        value = JSON.parse(json);
    }
    catch {
        // Not JSON: value stays undefined, judged below like JSON that is not a probe.
    }
    if (!Array.isArray(value?.version) || typeof value.implementation !== 'string')
        return undefined;
    return value;
}
/** Runs the probe with `python`; undefined when it is not a working Python interpreter. */
async function tryProbe(executor, python) {
    // -E/-s: the user's PYTHONPATH or site-packages must not change what we learn.
    const result = await executor.run([python, '-E', '-s', '-c', _probe_script_js__WEBPACK_IMPORTED_MODULE_1__/* .PROBE_SCRIPT */ .JW]);
    const probe = result.exitCode === 0 ? parseProbeOutput(result.stdout) : undefined;
    return probe ? { probe, stderr: result.stderr } : { stderr: result.stderr || result.stdout };
}
async function probePython(executor, python) {
    const { probe, stderr } = await tryProbe(executor, python);
    if (!probe) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PythonError */ .HE(`"${python}" is not a working Python interpreter (on ${executor.where}).`, {
            input: 'python',
            fix: 'point `python` at a python executable, or give a version such as 2.7 or 3.6.',
            details: stderr.trim() || undefined,
        });
    }
    return probe;
}
function describeProbe(probe) {
    return `${probe.implementation} ${probe.version.join('.')} at ${probe.executable}`;
}


/***/ }),

/***/ 90214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals)
/* harmony export */ });
/* unused harmony exports CANCEL_SIGNALS, CANCEL_DEADLINE_MS, cancelledError */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/**
 * Cancellation of the working process: the runner cancels a step with SIGINT (some versions
 * SIGHUP), then SIGTERM 7.5 s later, then kills the process tree 2.5 s after that. Any of these
 * signals, or the launcher (src/exec/launch.ts) going away, aborts one AbortSignal that every step
 * gets: running commands are stopped, an upload in flight is aborted, no later step starts.
 */

const CANCEL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** After a cancel, the process exits by itself this long later even if a step hangs. */
const CANCEL_DEADLINE_MS = 6000;
function cancelledError(cause) {
    return new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`the run was cancelled (${cause}).`, {
        fix: 're-run the job; a re-run aborts the uploads this run left unfinished.',
    });
}
/**
 * Turns SIGINT/SIGTERM/SIGHUP and the loss of the launcher's IPC channel into an aborted signal
 * whose reason is a CancelledError. A repeated signal changes nothing; CANCEL_DEADLINE_MS after
 * the first, the process exits with code 130 whatever is still running.
 */
function cancelOnSignals(proc = process) {
    const controller = new AbortController();
    const cancel = (cause) => {
        if (controller.signal.aborted)
            return;
        controller.abort(cancelledError(cause));
        setTimeout(() => proc.exit(130), CANCEL_DEADLINE_MS).unref();
    };
    const onSignal = (signal) => cancel(signal);
    const onDisconnect = () => cancel('the launching process went away');
    for (const signal of CANCEL_SIGNALS)
        proc.on(signal, onSignal);
    if (proc.channel) {
        // The channel only tells us when the launcher dies; it must not keep this process alive.
        proc.channel.unref();
        proc.on('disconnect', onDisconnect);
    }
    return {
        signal: controller.signal,
        dispose() {
            for (const signal of CANCEL_SIGNALS)
                proc.off(signal, onSignal);
            proc.off('disconnect', onDisconnect);
        },
        endIfCancelled(code) {
            if (!controller.signal.aborted)
                return;
            // process.exit(undefined) would exit with 0 whatever process.exitCode says.
            if (code !== undefined)
                proc.exitCode = code;
            proc.exit();
        },
    };
}


/***/ }),

/***/ 35433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBuildCommand: () => (/* binding */ runBuildCommand)
});

// EXTERNAL MODULE: ./src/shell/cancel.ts
var cancel = __webpack_require__(90214);
// EXTERNAL MODULE: ./src/pipeline/early-exit.ts
var early_exit = __webpack_require__(85558);
;// CONCATENATED MODULE: ./src/shell/unfinished-exit.ts
// The last line of defence: node exits with code 13, silently but for a warning on stderr, when
// the run's top-level await can never settle (an operation that will never report back, with
// nothing else left running). On any exit the pipeline's early-exit clean-ups run (a forced
// exit after a cancel skips `finally` too); on exit 13 the user also gets one named error and
// exit code 1, instead of a job that stops mid-log with no word.

/** Node's exit code for a top-level await that can never settle. */
const UNSETTLED_EXIT_CODE = 13;
/** What the user reads when the run stopped that way (pure). */
function unfinishedRunMessage(rerun) {
    return ('The run stopped before its work was done: it was waiting for an operation that could ' +
        `never finish, with nothing else left running (node's exit code ${UNSETTLED_EXIT_CODE}). ` +
        'The files it had begun (the pending folder and any half-written wheel in output-dir, its ' +
        `temp folder) were removed; nothing more was published. Fix: re-run ${rerun}; if it happens ` +
        'again, report it with this log, as it is a fault of the action.');
}
/**
 * Installs the 'exit' listener: clean-ups always, and `report(message)` (synchronous: the event
 * loop is gone) plus exit code 1 when node is about to exit with code 13. Node 20 passes 0 to
 * the listener and keeps the 13 in process.exitCode; node 24 passes 13.
 */
function guardUnfinishedExit(rerun, report) {
    process.on('exit', (code) => {
        (0,early_exit/* runEarlyExitCleanups */.m)();
        if (code !== UNSETTLED_EXIT_CODE && process.exitCode !== UNSETTLED_EXIT_CODE)
            return;
        process.exitCode = 1;
        report(unfinishedRunMessage(rerun));
    });
}

// EXTERNAL MODULE: ./src/shell/command-output.ts
var command_output = __webpack_require__(19761);
// EXTERNAL MODULE: ./src/log/console-log.ts
var console_log = __webpack_require__(1144);
// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(34758);
// EXTERNAL MODULE: ./src/log/redact.ts
var redact = __webpack_require__(94361);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./src/log/redact-stream.ts


/** Held by the stream before `write` returns false: a few pipe reads. */
const HIGH_WATER_MARK = 1 << 20;
/**
 * The output sink of the user's commands: a Writable that writes what it receives to `sink`
 * with every secret replaced. A secret cut in two by a chunk boundary is still caught: the end
 * of an unfinished line that could be the start of a secret is held back until the next chunk
 * (or `flush`). Secrets never span a line break (they are masked line by line), so all but such a
 * tail goes out at once, progress bars (`\r`) included.
 */
class RedactingStream extends external_node_stream_.Writable {
    redactor;
    sink;
    pending = '';
    // UTF-8 (the default): a character cut by a chunk boundary waits for its other bytes.
    decoder = new external_node_string_decoder_.StringDecoder();
    constructor(redactor, sink) {
        // Strings written to it arrive as Buffers (Writable's default), decoded as UTF-8 here.
        super({ highWaterMark: HIGH_WATER_MARK });
        this.redactor = redactor;
        this.sink = sink;
    }
    _write(chunk, _encoding, callback) {
        // A log read slower than a command prints (a busy runner) must not fill this process's
        // memory: the next chunk waits until the sink took this one (the executor pauses the pipe).
        if (this.push(this.decoder.write(chunk)) || !this.sink.once) {
            callback();
            return;
        }
        const done = () => {
            for (const event of ['drain', 'close', 'error']) {
                this.sink.removeListener?.(event, done);
            }
            callback();
        };
        for (const event of ['drain', 'close', 'error'])
            this.sink.once(event, done);
    }
    _final(callback) {
        this.flush();
        callback();
    }
    /** The stream itself: a RedactingStream is an OutputSink of the executors. */
    get stream() {
        return this;
    }
    /** Writes out what is held back (call when the command ended). */
    flush() {
        const rest = this.pending + this.decoder.end();
        this.pending = '';
        if (rest)
            this.sink.write(this.redactor.redact(rest));
    }
    /** Writes out what is safe to; false when the sink asked to wait ('drain'). */
    push(text) {
        // No secret spans a line break, so redacting the whole text equals redacting it line by
        // line, and the unsafe tail never reaches back over a break.
        const redacted = this.redactor.redact(this.pending + text);
        const cut = redacted.length - this.redactor.unsafeTail(redacted);
        this.pending = redacted.slice(cut);
        const out = redacted.slice(0, cut);
        return out ? this.sink.write(out) !== false : true;
    }
}

;// CONCATENATED MODULE: ./src/log/redacting-log.ts
/**
 * A Log that removes every secret from what it prints, and whose `setSecret` both registers
 * the value with the redactor and forwards it (`::add-mask::` in Actions). Code that learns a
 * credential (the AWS chain) calls `log.setSecret` once; everything printed later is clean.
 */
class RedactingLog {
    inner;
    redactor;
    constructor(inner, redactor) {
        this.inner = inner;
        this.redactor = redactor;
    }
    info(message) {
        this.inner.info(this.redactor.redact(message));
    }
    warning(message, properties = {}) {
        const clean = {};
        if (properties.file !== undefined)
            clean.file = this.redactor.redact(properties.file);
        if (properties.title !== undefined)
            clean.title = this.redactor.redact(properties.title);
        this.inner.warning(this.redactor.redact(message), clean);
    }
    debug(message) {
        this.inner.debug(this.redactor.redact(message));
    }
    group(name, fn) {
        return this.inner.group(this.redactor.redact(name), fn);
    }
    setSecret(value) {
        for (const piece of this.redactor.add(value))
            this.inner.setSecret(piece);
    }
}
/**
 * Registers every value the redactor already holds with the log's masking (`::add-mask::`),
 * before anything else is printed.
 */
function maskAll(log, redactor) {
    for (const value of redactor.values)
        log.setSecret(value);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/base/boolean-word.ts
var boolean_word = __webpack_require__(48086);
// EXTERNAL MODULE: ./src/exec/container-plan.ts
var container_plan = __webpack_require__(73068);
// EXTERNAL MODULE: ./src/native/glibc-target.ts
var glibc_target = __webpack_require__(43034);
// EXTERNAL MODULE: ./src/native/library-filter.ts
var library_filter = __webpack_require__(53031);
// EXTERNAL MODULE: ./src/inputs/input-reader.ts
var input_reader = __webpack_require__(56757);
// EXTERNAL MODULE: ./src/publish/artifact/artifact-plan.ts
var artifact_plan = __webpack_require__(14888);
// EXTERNAL MODULE: ./src/publish/s3/s3-plan.ts
var s3_plan = __webpack_require__(784);
// EXTERNAL MODULE: ./src/publish/consumer/verify-published-plan.ts
var verify_published_plan = __webpack_require__(5694);
;// CONCATENATED MODULE: ./src/inputs/inputs-publish.ts
/**
 * The publishing inputs (S3 and the workflow artifact), read and checked with the others by
 * getInputs, before anything is built. Pure.
 */




function s3Inputs(read) {
    const bucket = read.get('s3-bucket');
    const index = read.bool('s3-index');
    // Validated even without a bucket: a typo must not wait for the day S3 is switched on.
    const verifyPublished = (0,verify_published_plan/* parseVerifyPublished */.RI)(read.get('verify-published'));
    if (bucket === '') {
        if (index) {
            throw new errors/* InputError */.dz('`s3-index` needs `s3-bucket`.', {
                input: 's3-index',
                fix: 'set `s3-bucket` (the index lives next to the wheels), or leave `s3-index` false.',
            });
        }
        return undefined;
    }
    const acl = s3Acl(read.get('s3-acl'));
    const maxAttempts = s3MaxAttempts(read.get('s3-max-attempts'));
    const endpoint = read.get('s3-endpoint') || undefined;
    if (endpoint !== undefined)
        (0,s3_plan/* parseEndpoint */.Bk)(endpoint);
    const region = s3Region(read.get('s3-region'));
    return {
        bucket: (0,s3_plan/* validateBucketName */.EG)(bucket),
        prefix: (0,s3_plan/* validatePrefix */.hb)(read.get('s3-prefix')),
        region,
        endpoint,
        forcePathStyle: read.bool('s3-force-path-style'),
        acl,
        overwrite: read.bool('s3-overwrite'),
        maxAttempts,
        index,
        ...(verifyPublished ? { verifyPublished } : {}),
    };
}
function s3Acl(acl) {
    if (acl !== 'private' && acl !== 'public-read') {
        throw new errors/* InputError */.dz(`"${acl}" is not a supported ACL.`, {
            input: 's3-acl',
            fix: 'use private (the default; grant the platform read access by bucket policy) or public-read.',
        });
    }
    return acl;
}
function s3MaxAttempts(raw) {
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 20) {
        throw new errors/* InputError */.dz(`"${raw}" is not a number of attempts.`, {
            input: 's3-max-attempts',
            fix: 'use a whole number from 1 (no retries) to 20.',
        });
    }
    return Number(raw);
}
/** undefined for '' (the SDK's own AWS_REGION / AWS_DEFAULT_REGION). */
function s3Region(region) {
    if (region !== '' && !/^[a-z0-9-]+$/.test(region)) {
        throw new errors/* InputError */.dz(`"${region}" is not an AWS region name.`, {
            input: 's3-region',
            fix: 'use a region such as us-east-1 or eu-west-1, or leave it empty to use AWS_REGION.',
        });
    }
    return region || undefined;
}
function artifactInputs(name, retention) {
    // Validated now against a sample wheel name, so a bad name fails before anything is built.
    if ((0,artifact_plan/* resolveArtifactName */.CL)(name, 'x-1-py3-none-any.whl') === undefined)
        return undefined;
    const retentionDays = (0,artifact_plan/* validateRetentionDays */.IF)(retention);
    return retentionDays === undefined ? { name } : { name, retentionDays };
}

// EXTERNAL MODULE: ./src/wheel/requirement.ts
var wheel_requirement = __webpack_require__(15116);
;// CONCATENATED MODULE: ./src/inputs/inputs-verify.ts
/**
 * The verification inputs: where the wheel is proven (`verify-image`) and what `test-command`
 * may install beside it (`test-requires` from `test-find-links`). Read with the others by
 * getInputs, before anything is built. Pure.
 */




function verifyInputs(read, workingDirectory) {
    const verifyImages = read.lines('verify-image').map((line, index) => {
        try {
            return (0,container_plan/* validateImage */.m_)(line);
        }
        catch (error) {
            // validateImage throws an InputError with its fix (input `image`): named for this line.
            const { message, fix } = error;
            throw new errors/* InputError */.dz(`line ${index + 1}: ${message}`, { input: 'verify-image', fix });
        }
    });
    const duplicate = verifyImages.find((image, i) => verifyImages.indexOf(image) !== i);
    if (duplicate !== undefined) {
        throw new errors/* InputError */.dz(`'${duplicate}' is listed twice.`, {
            input: 'verify-image',
            fix: 'list each image once.',
        });
    }
    const testRequires = read
        .lines('test-requires')
        .map((line) => (0,wheel_requirement/* validateRequirement */.qJ)(line, 'test-requires'));
    const testFindLinks = testSource(read.optional('test-find-links'), workingDirectory);
    if (testRequires.length > 0 && read.optional('test-command') === undefined) {
        throw new errors/* InputError */.dz('`test-requires` is installed for `test-command` only, which is empty.', {
            input: 'test-requires',
            fix: 'set test-command to the command that needs them, or remove test-requires.',
        });
    }
    if (testRequires.length > 0 && testFindLinks === undefined) {
        throw new errors/* InputError */.dz(`${testRequires.join(', ')} has no source: the verification never downloads from PyPI on its own.`, {
            input: 'test-requires',
            fix: 'set test-find-links to a folder of wheels (e.g. made by `pip wheel -w wheelhouse pytest` in an earlier step) or to an index URL you trust.',
        });
    }
    return { verifyImages, testRequires, ...(testFindLinks ? { testFindLinks } : {}) };
}
function testSource(raw, workingDirectory) {
    if (raw === undefined)
        return undefined;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
        if (!/^https?:\/\/[^\s/]+/i.test(raw)) {
            throw new errors/* InputError */.dz(`"${raw}" is neither a folder nor an http(s) index URL.`, {
                input: 'test-find-links',
                fix: 'give a folder of wheels (relative to working-directory) or an index URL such as https://pypi.org/simple.',
            });
        }
        return { kind: 'index', url: raw };
    }
    return { kind: 'folder', path: (0,external_node_path_.isAbsolute)(raw) ? raw : (0,external_node_path_.resolve)(workingDirectory, raw) };
}

// EXTERNAL MODULE: ./src/stage/license-patterns.ts
var license_patterns = __webpack_require__(45437);
// EXTERNAL MODULE: ./src/inputs/project-version.ts
var project_version = __webpack_require__(66725);
// EXTERNAL MODULE: ./src/python/discover.ts
var discover = __webpack_require__(74643);
// EXTERNAL MODULE: ./src/stage/stage.ts + 4 modules
var stage_stage = __webpack_require__(59736);
// EXTERNAL MODULE: ./src/exec/command-timeouts.ts
var command_timeouts = __webpack_require__(29693);
// EXTERNAL MODULE: ./src/wheel/file-name-length.ts
var file_name_length = __webpack_require__(48270);
// EXTERNAL MODULE: ./src/wheel/names.ts
var names = __webpack_require__(44295);
;// CONCATENATED MODULE: ./src/wheel/specifier.ts
/**
 * PEP 440 version specifier sets (`>=3.6, !=3.7.*, <4`), for `requires-python`. Pure: validates
 * and returns the canonical text written to METADATA (`Requires-Python: >=3.6,!=3.7.*,<4`).
 * Follows packaging.specifiers.Specifier's grammar: `~=` needs two release segments and no `.*`;
 * `.*` only after `==`/`!=`; a local label (`+abc`) only with `==`/`!=`; `===` takes any text.
 */

const RELEASE = String.raw `[0-9]+(?:\.[0-9]+)*`;
const PRE = String.raw `(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?`;
const POST = String.raw `(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?`;
const DEV = String.raw `(?:[-_.]?dev[-_.]?[0-9]*)?`;
const PUBLIC = String.raw `v?(?:[0-9]+!)?${RELEASE}${PRE}${POST}${DEV}`;
const LOCAL = String.raw `(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?`;
const PREFIX_MATCH = new RegExp(String.raw `^v?(?:[0-9]+!)?${RELEASE}\.\*$`, 'i');
const WITH_LOCAL = new RegExp(`^${PUBLIC}${LOCAL}$`, 'i');
const PUBLIC_ONLY = new RegExp(`^${PUBLIC}$`, 'i');
const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*(\S+)$/;
/** Why one clause is not a PEP 440 specifier, or undefined when it is. */
function clauseProblem(op, version) {
    if (op === '===')
        return /[\s,;]/.test(version) ? 'an arbitrary-equality version' : undefined;
    if (op === '==' || op === '!=') {
        if (version.endsWith('.*')) {
            return PREFIX_MATCH.test(version) ? undefined : '".*" must follow a release like 3.7';
        }
        return WITH_LOCAL.test(version) ? undefined : `"${version}" is not a PEP 440 version`;
    }
    if (version.endsWith('.*'))
        return `".*" is only allowed after == or !=`;
    if (!PUBLIC_ONLY.test(version)) {
        return WITH_LOCAL.test(version)
            ? `a local version label ("+...") is only allowed after == or !=`
            : `"${version}" is not a PEP 440 version`;
    }
    if (op === '~=' && !/^v?(?:[0-9]+!)?[0-9]+\.[0-9]+/i.test(version)) {
        return '"~=" needs at least two release segments (~=3.6)';
    }
    return undefined;
}
/**
 * Validates a specifier set and returns it canonical (clauses trimmed, joined with ","), or
 * throws an InputError naming `input`. An empty string is not a specifier set.
 */
function parseSpecifierSet(raw, input = 'requires-python') {
    const text = raw.trim();
    const fail = (why) => {
        throw new errors/* InputError */.dz(`"${text}" is not a PEP 440 version specifier set: ${why}.`, {
            input,
            fix: 'write comma-separated clauses such as `>=3.6` or `>=2.7, !=3.0.*, !=3.1.*, <4`.',
        });
    };
    if (text === '')
        fail('it is empty');
    if (/[\r\n]/.test(text))
        fail('it spans several lines');
    const clauses = [];
    for (const part of text.split(',')) {
        const clause = part.trim();
        if (clause === '')
            fail('a clause between commas is empty');
        const match = CLAUSE.exec(clause);
        if (!match) {
            fail(/^[0-9]/.test(clause)
                ? `"${clause}" has no operator (write ==${clause} or >=${clause})`
                : `"${clause}" is not an operator (~=, ==, !=, <=, >=, <, >, ===) followed by a version`);
        }
        const [, op, version] = match;
        const problem = clauseProblem(op, version);
        if (problem)
            fail(problem);
        clauses.push(`${op}${version}`);
    }
    return clauses.join(',');
}

// EXTERNAL MODULE: ./src/wheel/tags.ts
var tags = __webpack_require__(24146);
// EXTERNAL MODULE: ./src/wheel/metadata.ts
var metadata = __webpack_require__(43646);
// EXTERNAL MODULE: ./src/wheel/version.ts
var version = __webpack_require__(83431);
;// CONCATENATED MODULE: ./src/inputs/inputs.ts





















/** Reads and validates every input once; throws InputError naming the first bad one. */
function getInputs(source, env) {
    const read = (0,input_reader/* inputReader */.c)(source);
    const workspace = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd());
    const workingDirectory = (0,external_node_path_.resolve)(workspace, read.get('working-directory'));
    const { packageDir, stage, projectDir } = packageSource(read);
    const name = distributionName(read);
    const imports = importList(read);
    const wheelTag = read.optional('wheel-tag');
    const metadata = metadataInputs(read, projectDir, env);
    const bundleLibs = bundleLibsInput(read, projectDir);
    const requiresPython = requiresPythonInput(read, projectDir);
    const excludeLibs = excludeLibsInput(read, bundleLibs);
    const platformTag = platformTagInput(read, wheelTag, projectDir);
    const inputs = {
        workspace,
        workingDirectory,
        buildCommand: read.optional('build-command'),
        buildTimeoutMs: (0,command_timeouts/* parseTimeoutMinutes */.E)('build-timeout', read.get('build-timeout')),
        packageDir: packageDir === undefined ? undefined : (0,external_node_path_.resolve)(workingDirectory, packageDir),
        stage,
        projectDir: projectDir === undefined ? undefined : (0,external_node_path_.resolve)(workingDirectory, projectDir),
        name,
        // A project-dir wheel carries its own version; one given here (or by the tag) must match it.
        version: projectDir !== undefined ? '' : (0,version/* normalizeVersion */.Qj)(metadata.rawVersion),
        expectedVersion: projectDir !== undefined ? expectedVersion(read.get('version'), env) : undefined,
        python: (0,discover/* parsePythonRequest */.Rf)(read.get('python')),
        wheelTag: wheelTag === undefined ? undefined : (0,tags/* parseWheelTag */.f9)(wheelTag),
        requires: metadata.requires,
        requiresPython: requiresPython === undefined ? undefined : parseSpecifierSet(requiresPython),
        summary: read.optional('summary'),
        author: read.optional('author'),
        license: read.optional('license'),
        homePage: read.optional('home-page'),
        licenseFiles: metadata.licenseFiles,
        readme: metadata.readme === undefined ? undefined : absolute(workingDirectory, metadata.readme),
        imports,
        testCommand: read.optional('test-command'),
        testTimeoutMs: (0,command_timeouts/* parseTimeoutMinutes */.E)('test-timeout', read.get('test-timeout')),
        outputDir: absolute(workingDirectory, read.get('output-dir')),
        compressionLevel: compressionLevel(read.get('compression-level')),
        container: containerInputs(read),
        ...verifyInputs(read, workingDirectory),
        ...(read.lines('verify-image').length > 0
            ? {
                verifyEngine: {
                    engine: engineInput(read),
                    options: (0,container_plan/* parseDockerOptions */.OV)(read.get('docker-options')),
                    envLines: read.lines('env'),
                },
            }
            : {}),
        checkLibs: read.bool('check-libs'),
        bundleLibs,
        libraryPath: read.lines('library-path').map((p) => absolute(workingDirectory, p)),
        excludeLibs,
        targetGlibc: (0,glibc_target/* parseTargetGlibc */.uB)(read.get('target-glibc')),
        platformTag,
        s3: s3Inputs(read),
        artifact: artifactInputs(read.get('artifact-name'), read.get('retention-days')),
    };
    // A wheel file name too long for the disk fails here, not after the build (ENAMETOOLONG).
    if (inputs.version !== '') {
        const knownName = name ?? (packageDir ? (0,external_node_path_.basename)(packageDir) : undefined);
        const tag = inputs.wheelTag === undefined ? undefined : (0,tags/* formatTag */._3)(inputs.wheelTag);
        (0,file_name_length/* checkVersionLength */.j)(inputs.version, knownName, tag);
    }
    return inputs;
}
/** Exactly one way to the package: `project-dir`, or `package-dir` and/or `stage`. */
function packageSource(read) {
    const packageDir = read.optional('package-dir');
    const stage = (0,stage_stage/* parseStageRules */.Ny)(read.get('stage'));
    const projectDir = read.optional('project-dir');
    if (projectDir !== undefined && (packageDir !== undefined || stage.length > 0)) {
        throw new errors/* InputError */.dz('`project-dir` cannot be combined with `package-dir` or `stage`.', {
            input: 'project-dir',
            fix: 'give `project-dir` for a setup.py/pyproject.toml project, or `package-dir`/`stage` for build products, not both.',
        });
    }
    if (projectDir === undefined && packageDir === undefined && stage.length === 0) {
        throw new errors/* InputError */.dz('neither `package-dir` nor `stage` was given.', {
            input: 'package-dir',
            fix: 'set `package-dir` to the finished package folder, or `stage` to copy build products into one (or `project-dir` for a setup.py project).',
        });
    }
    return { packageDir, stage, projectDir };
}
function distributionName(read) {
    const name = read.get('name');
    return name === '' ? undefined : (0,names/* validateDistributionName */.EE)(name);
}
/** `import`: the modules the verification imports. */
function importList(read) {
    const imports = read.lines('import');
    for (const module of imports) {
        if (!(0,names/* isModulePath */.WV)(module)) {
            throw new errors/* InputError */.dz(`"${module}" is not a module name.`, {
                input: 'import',
                fix: 'list dotted module names such as mypkg or mypkg.core, one per line.',
            });
        }
    }
    return imports;
}
/**
 * The METADATA inputs, checked now rather than when METADATA is written after the whole build;
 * refused on a project-dir, whose build writes its own METADATA.
 */
function metadataInputs(read, projectDir, env) {
    const licenseFiles = licensePatterns(read.lines('license-files'));
    if (projectDir !== undefined)
        refuseProjectMetadata(read.get, licenseFiles);
    const rawVersion = read.get('version') || versionFromTag(env);
    const readme = read.optional('readme');
    if (readme !== undefined)
        (0,metadata/* readmeContentType */.wt)(readme);
    for (const field of ['summary', 'author', 'license', 'home-page']) {
        const value = read.optional(field);
        if (value !== undefined)
            (0,metadata/* singleLine */.pF)(value, field);
    }
    const requires = read.lines('requires');
    for (const requirement of requires)
        (0,wheel_requirement/* validateRequirement */.qJ)(requirement);
    return { licenseFiles, rawVersion, readme, requires };
}
function bundleLibsInput(read, projectDir) {
    const bundleLibs = read.bool('bundle-libs');
    if (bundleLibs && projectDir !== undefined) {
        throw new errors/* InputError */.dz('`bundle-libs` works on staged build products, not on a `project-dir` wheel.', {
            input: 'bundle-libs',
            fix: "use auditwheel in the project's own build, or stage the build products with `package-dir`/`stage`.",
        });
    }
    return bundleLibs;
}
/** The raw `requires-python` (parsed later, where the other values are). */
function requiresPythonInput(read, projectDir) {
    const requiresPython = read.optional('requires-python');
    if (requiresPython !== undefined && projectDir !== undefined) {
        throw new errors/* InputError */.dz('`requires-python` is for staged wheels, not a `project-dir` build.', {
            input: 'requires-python',
            fix: 'declare it in the project itself (python_requires in setup.py, requires-python in pyproject.toml).',
        });
    }
    return requiresPython;
}
function excludeLibsInput(read, bundleLibs) {
    const excludeLibs = (0,library_filter/* parseLibraryGlobs */.Wh)(read.lines('exclude-libs'));
    if (excludeLibs.length > 0 && !bundleLibs) {
        throw new errors/* InputError */.dz('`exclude-libs` only applies with `bundle-libs: true`.', {
            input: 'exclude-libs',
            fix: 'set bundle-libs: true, or remove exclude-libs (without bundling, nothing is copied into the wheel).',
        });
    }
    return excludeLibs;
}
function platformTagInput(read, wheelTag, projectDir) {
    const platformTag = read.get('platform-tag');
    if (platformTag !== 'linux' && platformTag !== 'manylinux') {
        throw new errors/* InputError */.dz(`platform-tag "${platformTag}" is not supported.`, {
            input: 'platform-tag',
            fix: 'use linux (the default: linux_<arch>, which every pip accepts) or manylinux (tag the wheel with the strictest manylinux policy it satisfies).',
        });
    }
    if (platformTag === 'manylinux' && (wheelTag !== undefined || projectDir !== undefined)) {
        throw new errors/* InputError */.dz(`platform-tag: manylinux cannot be combined with ${wheelTag !== undefined ? '`wheel-tag`' : '`project-dir`'}.`, {
            input: 'platform-tag',
            fix: wheelTag !== undefined
                ? 'give the whole tag in wheel-tag, or leave wheel-tag empty and let platform-tag: manylinux choose the platform.'
                : "a project-dir wheel is tagged by the project's own build (use auditwheel there), or stage the build products with package-dir/stage.",
        });
    }
    return platformTag;
}
function containerInputs(read) {
    const image = read.get('image');
    if (image === '')
        return undefined;
    return {
        image: (0,container_plan/* validateImage */.m_)(image),
        engine: engineInput(read),
        options: (0,container_plan/* parseDockerOptions */.OV)(read.get('docker-options')),
        envLines: read.lines('env'),
    };
}
function engineInput(read) {
    const engine = read.get('container-engine');
    if (engine !== 'docker' && engine !== 'podman') {
        throw new errors/* InputError */.dz(`"${engine}" is not a supported container engine.`, {
            input: 'container-engine',
            fix: 'use docker or podman.',
        });
    }
    return engine;
}
function compressionLevel(raw) {
    if (!/^[1-9]$/.test(raw)) {
        throw new errors/* InputError */.dz(`"${raw}" is not a compression level.`, {
            input: 'compression-level',
            fix: 'use a whole number from 1 (fastest) to 9 (smallest); 4 is the default, 6 matches zip -6.',
        });
    }
    return Number(raw);
}
/** On a tag push the tag is the version: `v1.2.0` -> `1.2.0`. */
function versionFromTag(env) {
    const tag = (0,project_version/* pushedTag */.YZ)(env);
    return tag === undefined ? '' : (0,project_version/* tagVersion */.RQ)(tag);
}
/**
 * project-dir: the project's own version is the wheel's; `version`, or the pushed tag when
 * `version` is empty, must agree with it. A tag that names no version (`nightly`) checks nothing.
 */
function expectedVersion(given, env) {
    if (given !== '')
        return { version: (0,version/* normalizeVersion */.Qj)(given), from: { input: 'version' } };
    const tag = (0,project_version/* pushedTag */.YZ)(env);
    if (tag === undefined)
        return undefined;
    const parsed = (0,version/* parseVersion */.ot)((0,project_version/* tagVersion */.RQ)(tag));
    return parsed === undefined ? undefined : { version: (0,version/* formatVersion */.qh)(parsed), from: { tag } };
}
// What each metadata input is called in the project's own configuration.
const PROJECT_FIELDS = [
    ['name', "`name=` in setup.py, or `name` in pyproject.toml's [project]"],
    ['summary', '`description=` in setup.py, or `description` in [project]'],
    ['requires', '`install_requires=` in setup.py, or `dependencies` in [project]'],
    ['author', '`author=` in setup.py, or `authors` in [project]'],
    ['license', '`license=` in setup.py, or `license` in [project]'],
    ['home-page', '`url=` in setup.py, or `urls` in [project]'],
    [
        'readme',
        '`long_description=` and `long_description_content_type=` in setup.py, or `readme` in [project]',
    ],
    ['license-files', '`license_files` in setup.cfg, or `license-files` in [project]'],
];
/**
 * A project-dir wheel's METADATA is written by the project's build backend, which knows nothing
 * of our inputs: refusing them up front beats dropping them silently after a long build.
 */
function refuseProjectMetadata(get, licenseFiles) {
    for (const [input, where] of PROJECT_FIELDS) {
        const given = input === 'license-files'
            ? licenseFiles.some((p) => !license_patterns/* DEFAULT_LICENSE_PATTERNS */.e.includes(p))
            : get(input) !== '';
        if (given) {
            throw new errors/* InputError */.dz(`\`${input}\` cannot be applied to a \`project-dir\` wheel: the project's build writes its metadata.`, {
                input,
                fix: `set it in the project instead (${where}), and remove \`${input}\` from the step.`,
            });
        }
    }
}
/** The `license-files` globs: `false` turns them off; each must stay inside working-directory. */
function licensePatterns(patterns) {
    if (patterns.length === 1 && (0,boolean_word/* booleanWord */.D)(patterns[0]) === false)
        return [];
    for (const pattern of patterns) {
        if ((0,external_node_path_.isAbsolute)(pattern) || pattern.split('/').includes('..') || pattern.includes('\\')) {
            throw new errors/* InputError */.dz(`"${pattern}" is not a glob inside the working directory.`, {
                input: 'license-files',
                fix: 'give globs relative to `working-directory` without ".." (e.g. LICENSE, licenses/*.txt), or set `working-directory` to the folder that holds them.',
            });
        }
    }
    return patterns;
}
function absolute(base, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(base, path);
}

;// CONCATENATED MODULE: ./src/pipeline/run-with-inputs.ts

async function runWithInputs(source, deps) {
    const inputs = getInputs(source, deps.env);
    const { runPipeline } = await __webpack_require__.e(/* import() */ 638).then(__webpack_require__.bind(__webpack_require__, 73638));
    return runPipeline(inputs, deps);
}

// EXTERNAL MODULE: ./src/pipeline/tool-version.ts + 1 modules
var tool_version = __webpack_require__(1339);
;// CONCATENATED MODULE: ./src/shell/command-build.ts
/**
 * The local command's build (loaded by src/shell/command.ts once the flags are parsed): runs the pipeline
 * with a console log, prints the outputs on stdout, and turns errors into one `error:` line.
 */










/** Runs `build` with the parsed flag values; returns the exit code. */
async function runBuildCommand(values, flags) {
    const { json } = flags;
    // One redactor for the run (see main.ts): nothing printed carries a credential.
    const redactor = redact/* Redactor */.pO.fromEnvironment(process.env);
    const clean = (text) => redactor.redact(text);
    const log = new RedactingLog(new console_log/* ConsoleLog */.w(flags.verbose || process.env.RUNNER_DEBUG === '1'), redactor);
    const commandOutput = new RedactingStream(redactor, process.stderr);
    const cancellation = (0,cancel/* cancelOnSignals */.dJ)();
    let published;
    // Published before the failure: say where, like a success does, then what failed.
    const printPublished = () => {
        if (!published)
            return;
        const outputs = Object.entries(published).map(([name, value]) => [name, clean(value)]);
        process.stdout.write((0,command_output/* formatOutputs */.AH)(Object.fromEntries(outputs), json ? 'json' : 'lines'));
        process.stderr.write('published before the failure: the outputs above are set.\n');
    };
    guardUnfinishedExit('the command', (message) => {
        printPublished();
        process.stderr.write(clean(`error: ${message}\n`));
    });
    // The first thing a bug report needs (shown with -v/--verbose or RUNNER_DEBUG=1).
    log.debug(`algorithmia-wheel ${tool_version/* TOOL_VERSION */.w} on node ${process.version}`);
    try {
        const result = await runWithInputs((name) => values.get(name) ?? '', {
            log,
            env: process.env,
            commandOutput,
            signal: cancellation.signal,
            redactor,
            onPublished: (outputs) => (published = outputs),
        });
        const outputs = Object.fromEntries(Object.entries(result.outputs).map(([name, value]) => [name, clean(value)]));
        process.stdout.write((0,command_output/* formatOutputs */.AH)(outputs, json ? 'json' : 'lines'));
        return 0;
    }
    catch (error) {
        commandOutput.flush();
        printPublished();
        if (error instanceof errors/* UserError */.yo) {
            process.stderr.write(clean(`error: ${error.describe()}\n${error.details ? `${error.details}\n` : ''}`));
            if (json)
                process.stdout.write(clean((0,command_output/* errorJson */.dF)(error.message, error.input, error.fix)));
        }
        else {
            process.stderr.write(clean(`error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
            if (json) {
                const message = `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
                process.stdout.write(clean((0,command_output/* errorJson */.dF)(message, undefined, undefined)));
            }
        }
        return error instanceof errors/* CancelledError */.cc ? 130 : 1;
    }
    finally {
        cancellation.dispose();
        cancellation.endIfCancelled(130);
    }
}


/***/ }),

/***/ 45437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ DEFAULT_LICENSE_PATTERNS)
/* harmony export */ });
/** setuptools' default `license_files` patterns, which `license-files` defaults to as well. */
const DEFAULT_LICENSE_PATTERNS = [
    'LICEN[CS]E*',
    'COPYING*',
    'NOTICE*',
    'AUTHORS*',
];


/***/ }),

/***/ 24087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ PENDING_PREFIX),
/* harmony export */   n: () => (/* binding */ outputDirExclusion)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _wheel_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44295);


/** The folder in `output-dir` where a wheel waits for its verification (plus the process id). */
const PENDING_PREFIX = '.algorithmia-wheel-';
/**
 * Earlier wheels must never end up in the wheel (pure): when `output-dir` lies inside the folder
 * being staged (`root`), everything below it is left out; when it is that folder itself, the
 * wheels, their verification receipts and the pending folders of earlier runs at its top are. Otherwise nothing is left out.
 */
function outputDirExclusion(root, outputDir) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(root, outputDir).split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
    if (rel === '') {
        return {
            reason: `output-dir ${outputDir} is the folder being staged: its wheels (*.whl), their receipts (*.whl${_wheel_names_js__WEBPACK_IMPORTED_MODULE_1__/* .RECEIPT_SUFFIX */ .X9}) and ${PENDING_PREFIX}* folders are left out`,
            excludes: (path) => (!path.includes('/') &&
                (path.endsWith('.whl') || path.endsWith(`.whl${_wheel_names_js__WEBPACK_IMPORTED_MODULE_1__/* .RECEIPT_SUFFIX */ .X9}`))) ||
                path.startsWith(PENDING_PREFIX),
        };
    }
    if (rel === '..' || rel.startsWith('../'))
        return undefined;
    return {
        reason: `output-dir ${outputDir} is inside ${root}: everything in it is left out`,
        excludes: (path) => path.startsWith(`${rel}/`),
    };
}


/***/ }),

/***/ 59736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ny: () => (/* binding */ parseStageRules),
  nQ: () => (/* binding */ stagePackage)
});

// UNUSED EXPORTS: globBase, unreadableSource, validateArchivePath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/base/errors.ts
var errors = __webpack_require__(34758);
;// CONCATENATED MODULE: ./src/stage/path-limits.ts

/** Most file systems (ext4, xfs, NTFS via pip on Windows aside) refuse longer names. */
const MAX_NAME_BYTES = 255;
/** A wheel path this long plus an install prefix stays well inside Linux's PATH_MAX (4096). */
const MAX_PATH_BYTES = 3072;
/**
 * Refuses a wheel path that no installer could write: a segment over 255 bytes (ENAMETOOLONG at
 * install time, on every platform), or a whole path over 3072 bytes. Pure.
 */
function checkPathLimits(archivePath, input) {
    const long = archivePath.split('/').find((part) => Buffer.byteLength(part) > MAX_NAME_BYTES);
    if (long !== undefined) {
        throw new errors/* InputError */.dz(`the wheel path "${archivePath}" has a name of ${Buffer.byteLength(long)} bytes; file systems allow ${MAX_NAME_BYTES}, so pip could not install it.`, { input, fix: `use file and folder names of at most ${MAX_NAME_BYTES} bytes.` });
    }
    const bytes = Buffer.byteLength(archivePath);
    if (bytes > MAX_PATH_BYTES) {
        throw new errors/* InputError */.dz(`the wheel path "${archivePath.slice(0, 80)}..." is ${bytes} bytes long; at most ${MAX_PATH_BYTES} install reliably.`, { input, fix: 'use a shallower folder layout or shorter names.' });
    }
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
;// CONCATENATED MODULE: ./src/wheel/path-chars.ts

/**
 * Characters a wheel path may not hold: the C0 controls (line breaks, tab, escape...), DEL, the C1
 * controls (U+0085 is a line break to Python, U+009B a terminal escape) and the Unicode line and
 * paragraph separators. A line break in a RECORD row makes pip 19 on Python 2.7 refuse the wheel
 * ("new-line character seen in unquoted field"), and a name that breaks a log line could start a
 * workflow command on the runner. No Python module can be named so either.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** The first forbidden character as `U+XXXX`, or undefined. Pure. */
function forbiddenCharacter(path) {
    const found = FORBIDDEN.exec(path);
    if (found === null)
        return undefined;
    return `U+${found[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/**
 * `path` in double quotes for a message, every forbidden character escaped (JSON.stringify alone
 * leaves DEL, the C1 controls and U+2028/U+2029 raw), so the message stays one safe line. Pure.
 */
function quotePath(path) {
    return JSON.stringify(path).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** Throws an InputError naming `input` when a wheel path holds a control character or line break. */
function checkPathCharacters(path, input) {
    const bad = forbiddenCharacter(path);
    if (bad === undefined)
        return;
    throw new errors/* InputError */.dz(`the wheel path ${quotePath(path)} holds a control character or line break (${bad}); pip 19 on Python 2.7 cannot install such a wheel, and the name cannot be logged safely.`, {
        input,
        fix: 'rename the file or folder in the build (letters, digits, "_", "-", "." and spaces are safe), or leave it out of what you stage.',
    });
}

;// CONCATENATED MODULE: ./src/stage/special-files.ts
// Entries of a staged tree that are neither regular files nor folders: the glob walk leaves them
// out without a word (broken links, link loops, FIFOs, sockets, devices), and a link to a folder
// that contains it packs the tree again inside itself. Each is named, never silently dropped.




/** What a non-regular file is, in words; undefined for a file, a folder or a link. */
function specialKind(entry) {
    if (entry.isFIFO())
        return 'a named pipe (FIFO)';
    if (entry.isSocket())
        return 'a socket';
    if (entry.isBlockDevice())
        return 'a block device';
    if (entry.isCharacterDevice())
        return 'a character device';
    return undefined;
}
/**
 * What is wrong with the symbolic link at `path` (absolute), or undefined when it can be packed:
 * broken, a loop, or a folder link whose target contains the link (the tree would repeat).
 */
function badLink(path) {
    let target;
    try {
        target = external_node_fs_.realpathSync.native(path);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ELOOP')
            return 'a symbolic link loop';
        if (code === 'ENOENT')
            return 'a broken symbolic link';
        return `a symbolic link that cannot be followed (${String(code)})`;
    }
    // Stryker disable next-line all: reachable only when the target vanishes between realpath and stat.
    const info = (0,external_node_fs_.statSync)(target, { throwIfNoEntry: false });
    // Stryker disable next-line all: the same race.
    if (!info)
        return 'a broken symbolic link';
    const special = specialKind(info);
    if (special)
        return `a symbolic link to ${special}, ${target}`;
    const home = external_node_fs_.realpathSync.native((0,external_node_path_.dirname)(path));
    if (info.isDirectory() && (home === target || home.startsWith(target + external_node_path_.sep))) {
        return `a symbolic link to ${target}, a folder that contains it (the tree would be packed again inside itself)`;
    }
    return undefined;
}
/** Most entries named in the error; the rest are counted. */
const SHOWN = 20;
/** One error naming each refused entry (pure). */
function specialFilesError(folder, entries, input) {
    // The walk may read a folder twice (through a link to it): name each entry once, and not
    // again below a refused link (`self/sock` is `sock`).
    const unique = new Map(entries.map((entry) => [entry.path, entry]));
    for (const path of unique.keys()) {
        if ([...unique.keys()].some((other) => path.startsWith(`${other}/`)))
            unique.delete(path);
    }
    // By path, code unit by code unit (the paths are unique: they are the map's keys).
    const sorted = [...unique.keys()].sort().map((path) => unique.get(path));
    const lines = sorted.slice(0, SHOWN).map((entry) => `${quotePath(entry.path)}: ${entry.kind}`);
    if (sorted.length > SHOWN)
        lines.push(`... and ${sorted.length - SHOWN} more`);
    const count = sorted.length === 1 ? '1 entry' : `${sorted.length} entries`;
    return new errors/* InputError */.dz(`${count} in ${folder} ${sorted.length === 1 ? 'is' : 'are'} not a regular file or folder, so the wheel could not hold ${sorted.length === 1 ? 'it' : 'them'}: ${lines.join('; ')}.`, {
        input,
        fix: 'remove them in the build (or fix the links), or leave them out of what you stage: a wheel holds regular files only, and a link is packed as the file it points at.',
    });
}

;// CONCATENATED MODULE: ./src/stage/stage-glob.ts







/**
 * Line breaks a glob can never match: picomatch's `*` and `**` compile to `.`, which stops at
 * \n, \r, U+2028 and U+2029, so tinyglobby silently leaves such files out. (Other control
 * characters are matched and then refused by checkPathCharacters.)
 */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** readdir errors that mean there is no folder to read, so no file is missed. */
const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR']);
/** How tinyglobby matches (dot files, POSIX character classes), for the checks made here. */
const MATCH = { dot: true, posix: true };
/**
 * tinyglobby's files for `pattern` (dot files included, folders not), refusing with an InputError
 * a file the glob would match but for a line break in its name, a folder with a line break in
 * its name where a `**` looks, and a folder below `cwd` the walk wanted but could not read (a path
 * over PATH_MAX, no permission): left out silently, their files would be missing from the wheel.
 */
async function globFiles(pattern, options) {
    const hidden = [];
    const unreadable = [];
    const special = [];
    const below = (path) => (0,external_node_path_.relative)(options.cwd, path).split(external_node_path_.sep).join('/');
    const watchingReaddir = (path, opts, callback) => {
        (0,external_node_fs_.readdir)(path, opts, (error, entries) => {
            if (error) {
                // Nothing there (a glob's folder that does not exist, or is a file) hides nothing.
                if (!NOTHING_THERE.has(error.code)) {
                    unreadable.push({ path: below(path), code: String(error.code) });
                }
            }
            else {
                for (const entry of entries) {
                    const full = (0,external_node_path_.join)(path, entry.name);
                    const kind = specialKind(entry) ?? (entry.isSymbolicLink() ? badLink(full) : undefined);
                    if (kind !== undefined)
                        special.push({ path: below(full), kind });
                    if (LINE_BREAK.test(entry.name)) {
                        hidden.push({ path: below((0,external_node_path_.join)(path, entry.name)), folder: entry.isDirectory() });
                    }
                }
            }
            callback(error, entries);
        });
    };
    const files = await (0,dist/* glob */.TI)(pattern, {
        cwd: options.cwd,
        dot: true,
        ignore: [...options.ignore],
        onlyFiles: true,
        expandDirectories: options.expandDirectories !== false,
        fs: { readdir: watchingReaddir },
    });
    const closed = firstKept(options.ignore, unreadable);
    if (closed !== undefined) {
        throw new errors/* InputError */.dz(`the folder ${quotePath((0,external_node_path_.resolve)(options.cwd, closed.path))} cannot be read (${closed.code}); the files in it would be missing from the wheel.`, {
            input: options.input,
            fix: 'make it readable (a folder created by root in a container?), shorten its path (Linux allows 4096 bytes), or narrow the glob to leave it out.',
        });
    }
    // The walk drops what is not a file or folder: refuse it by name instead (ignored ones aside).
    const dropped = matchedEntries(pattern, options.ignore, special);
    if (dropped.length > 0)
        throw specialFilesError(options.cwd, dropped, options.input);
    // A `*` does match a line break: what glob found is no hidden file (the stager refuses it).
    const returned = new Set(files);
    const bad = hiddenMatch(pattern, options.ignore, hidden.filter((entry) => !returned.has(entry.path)));
    if (bad !== undefined) {
        throw new errors/* InputError */.dz(`${bad.folder ? 'the folder' : 'the file'} ${quotePath(bad.path)} in ${options.cwd} has a line break in its name; globs cannot match it, so it would be missing from the wheel.`, {
            input: options.input,
            fix: 'rename it in the build (a wheel path may hold no control characters), or remove it.',
        });
    }
    return files;
}
/**
 * The first unreadable folder (relative to the glob's cwd) whose files are not all ignored: the
 * walk reads a folder an `X/**` ignore pattern names before it leaves out what is inside. Pure.
 */
function firstKept(ignore, folders) {
    const ignored = picomatch_default()([...ignore], MATCH);
    // A file in it that no name pattern aims at: left out only by a pattern for the whole folder.
    return folders.find(({ path }) => !ignored(`${path}/_`));
}
/** The entries the pattern reaches and no ignore pattern leaves out. Pure. */
function matchedEntries(pattern, ignore, entries) {
    const matches = picomatch_default()(pattern, MATCH);
    const ignored = picomatch_default()([...ignore], MATCH);
    return entries.filter(({ path }) => matches(path) && !ignored(path));
}
/** The first hidden entry the pattern would reach if its line breaks were ordinary characters. Pure. */
function hiddenMatch(pattern, ignore, hidden) {
    const matches = picomatch_default()(pattern, MATCH);
    // No patterns at all match nothing.
    const ignored = picomatch_default()([...ignore], MATCH);
    return hidden.find(({ path, folder }) => {
        const visible = path.replace(/[\n\r\u2028\u2029]/g, '_');
        if (ignored(visible))
            return false;
        // Below a folder with a line break, a `**` matches nothing (a `*` does: its files are found).
        return folder ? /(^|\/)\*\*(\/|$)/.test(pattern) : matches(visible);
    });
}

// EXTERNAL MODULE: ./src/stage/stage-exclude.ts
var stage_exclude = __webpack_require__(24087);
// EXTERNAL MODULE: ./src/wheel/layout.ts
var layout = __webpack_require__(3933);
// EXTERNAL MODULE: ./src/wheel/top-level.ts
var top_level = __webpack_require__(26055);
;// CONCATENATED MODULE: ./src/stage/stage.ts










// Build junk that would make the wheel depend on when and where it was built.
const EXCLUDED = ['**/__pycache__/**', '**/*.pyc', '**/*.pyo', '**/.git/**', '**/.DS_Store'];
/** Parses the `stage` input (pure): blank lines and `#` comments are skipped. */
function parseStageRules(raw) {
    const rules = [];
    raw.split(/\r?\n/).forEach((text, index) => {
        const line = text.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const parts = line.split('=>').map((part) => part.trim());
        if (parts.length !== 2 || !parts[0] || !parts[1]) {
            throw new errors/* InputError */.dz(`line ${index + 1} ("${line}") is not of the form SOURCE_GLOB => DEST_DIR.`, {
                input: 'stage',
                fix: 'write one rule per line, e.g. `build/lib/*.so* => mypkg/lib`.',
            });
        }
        const source = parts[0];
        const dest = normalizeDest(parts[1], index + 1);
        if ((0,external_node_path_.isAbsolute)(source) || source.split('/').includes('..')) {
            throw new errors/* InputError */.dz(`line ${index + 1}: the glob "${source}" leaves the working directory.`, {
                input: 'stage',
                fix: 'use a glob relative to `working-directory`, without "..".',
            });
        }
        rules.push({ source, dest, line: index + 1 });
    });
    return rules;
}
function normalizeDest(dest, line) {
    // posix.normalize('') is '.': a DEST_DIR of slashes only is refused as absolute below.
    const normalized = external_node_path_.posix.normalize(dest.replace(/\/+$/, ''));
    if ((0,external_node_path_.isAbsolute)(dest) ||
        dest.includes('\\') ||
        normalized === '..' ||
        normalized.startsWith('../')) {
        throw new errors/* InputError */.dz(`line ${line}: DEST_DIR "${dest}" must be a relative folder inside the wheel.`, {
            input: 'stage',
            fix: 'name the folder relative to the wheel root, e.g. `mypkg/lib`.',
        });
    }
    return normalized === '.' ? '' : normalized;
}
/** The static part of a glob, before its first magic character: the layout is kept below it. */
function globBase(pattern) {
    const segments = pattern.split('/');
    const base = [];
    for (const segment of segments.slice(0, -1)) {
        if (/[*?[\]{}()!]/.test(segment))
            break;
        base.push(segment);
    }
    // For a plain file path the base is its folder, so the file lands directly in DEST_DIR.
    return base.join('/');
}
/** Checks a path inside the wheel (pure): nothing may escape the install target. */
function validateArchivePath(path, input) {
    checkPathCharacters(path, input);
    // An empty path, a leading "/" and a trailing "/" all give an empty segment.
    if (path.includes('\\') || path.split('/').some((s) => s === '' || s === '.' || s === '..')) {
        throw new errors/* InputError */.dz(`"${path}" is not a safe path inside a wheel.`, {
            input,
            fix: 'rename the file: wheel paths are relative, without "..", backslashes or empty segments.',
        });
    }
}
/** Leaves out the output-dir files among `found` (relative to `root`), and says so. */
function withoutOutput(found, root, outputDir, log) {
    const exclusion = outputDir === undefined ? undefined : (0,stage_exclude/* outputDirExclusion */.n)(root, outputDir);
    if (!exclusion)
        return { kept: found, left: 0 };
    const kept = found.filter((rel) => !exclusion.excludes(rel));
    const left = found.length - kept.length;
    if (left > 0)
        log.info(`stage: left out ${left} files: ${exclusion.reason}`);
    return { kept, left };
}
/**
 * Maps build products to their place in the wheel without copying anything: the packer reads
 * them where they are. `package-dir` lands as `<its name>/`, then each rule adds its files
 * (a later file with the same wheel path replaces an earlier one, like a copy would).
 */
async function stagePackage(options) {
    const { workingDirectory, log } = options;
    const files = new Map();
    if (options.packageDir !== undefined) {
        const dir = (0,external_node_path_.resolve)(workingDirectory, options.packageDir);
        const info = await (0,promises_.stat)(dir).catch(() => undefined);
        if (info && !info.isDirectory()) {
            throw new errors/* InputError */.dz(`${dir} is a file, not the package folder.`, {
                input: 'package-dir',
                fix: 'point `package-dir` at the folder named like the package (the one holding __init__.py), or stage single files with `stage`.',
            });
        }
        if (!info) {
            throw new errors/* InputError */.dz(`the package folder ${dir} does not exist.`, {
                input: 'package-dir',
                fix: 'build first (`build-command`), or point `package-dir` at the folder named like the package.',
            });
        }
        const realDir = await (0,promises_.realpath)(dir);
        await refuseLinkedPackageDir(dir, realDir, [workingDirectory, options.workspace]);
        const packageName = (0,external_node_path_.basename)(realDir);
        const all = await globFiles('**', { cwd: dir, ignore: EXCLUDED, input: 'package-dir' });
        const found = withoutOutput(all, dir, options.outputDir, log).kept;
        addFiles(files, found.map((rel) => ({
            source: (0,external_node_path_.join)(dir, rel),
            archivePath: `${packageName}/${rel}`,
            root: dir,
            input: 'package-dir',
        })));
    }
    for (const rule of options.rules) {
        const all = await globFiles(rule.source, {
            cwd: workingDirectory,
            ignore: EXCLUDED,
            expandDirectories: false,
            input: 'stage',
        });
        const { kept: matched, left } = withoutOutput(all, workingDirectory, options.outputDir, log);
        if (matched.length === 0) {
            const only = left > 0 ? ` but the ${left} files in output-dir, which are never packed` : '';
            throw new errors/* InputError */.dz(`line ${rule.line}: "${rule.source}" matched no files in ${workingDirectory}${only}.`, {
                input: 'stage',
                fix: 'check that `build-command` produced them and that the glob is relative to `working-directory`.',
            });
        }
        const base = globBase(rule.source);
        addFiles(files, matched.sort().map((rel) => {
            const inBase = base ? external_node_path_.posix.relative(base, rel) : rel;
            return {
                source: (0,external_node_path_.join)(workingDirectory, rel),
                archivePath: rule.dest ? `${rule.dest}/${inBase}` : inBase,
                root: workingDirectory,
                input: 'stage',
            };
        }));
        log.info(`stage: ${rule.source} => ${rule.dest || '.'} (${matched.length} files)`);
    }
    const input = options.packageDir !== undefined ? 'package-dir' : 'stage';
    const topLevel = (0,top_level/* topLevelOf */.Xe)([...files.keys()]);
    const named = checkTopLevel(topLevel, files, options.name, input, log);
    const staged = [...files.values()];
    log.info(`staged ${staged.length} files: ${describeTopLevel(topLevel)}`);
    return { ...named, topLevel, files: staged };
}
/**
 * `package-dir` written inside the working directory (or the workspace) must stay there once its
 * links are resolved: a folder linked out of the tree is refused like a linked file, or the
 * wheel would carry whatever the link points at (a home folder with credentials).
 */
async function refuseLinkedPackageDir(dir, realDir, trees) {
    const tree = trees.find((t) => t !== undefined && isInside(dir, t));
    if (tree === undefined)
        return;
    const realTree = await (0,promises_.realpath)(tree).catch(() => tree);
    if (isInside(realDir, realTree))
        return;
    const link = (0,external_node_fs_.lstatSync)(dir).isSymbolicLink();
    throw new errors/* InputError */.dz(`${dir} is ${link ? 'a symbolic link' : 'behind a symbolic link'} to ${realDir}, outside ${realTree}.`, {
        input: 'package-dir',
        fix: 'point `package-dir` at a real folder inside the working directory (have the build copy the package there) instead of a link to a folder outside it.',
        file: dir,
    });
}
function isInside(path, tree) {
    return path === tree || path.startsWith(tree.endsWith(external_node_path_.sep) ? tree : tree + external_node_path_.sep);
}
/** Top-level folders must be importable packages with an __init__.py (2.7 has no namespace packages). */
function checkTopLevel(topLevel, files, name, input, log) {
    const bad = topLevel.otherFolders[0];
    if (bad !== undefined) {
        throw new errors/* InputError */.dz(`the package folder "${bad}" is not an importable Python name.`, {
            input,
            fix: 'name the folder like the import: ASCII letters, digits and "_", not starting with a digit.',
        });
    }
    for (const pkg of topLevel.packages) {
        if (!files.has(`${pkg}/__init__.py`)) {
            throw new errors/* InputError */.dz(`the package "${pkg}" has no __init__.py.`, {
                input,
                fix: `add ${pkg}/__init__.py that imports from the extension (e.g. \`from ._native import *\`).`,
            });
        }
    }
    if (topLevel.strayFiles.length) {
        log.warning(`files at the wheel root that are no module land directly in site-packages: ${topLevel.strayFiles.join(', ')}`);
    }
    return (0,top_level/* nameWheel */.Pb)(topLevel, name, input);
}
function describeTopLevel(topLevel) {
    const parts = [];
    if (topLevel.packages.length)
        parts.push(`packages ${topLevel.packages.join(', ')}`);
    if (topLevel.modules.length)
        parts.push(`top-level modules ${topLevel.modules.join(', ')}`);
    return parts.join('; ');
}
/**
 * Looks the files up with synchronous calls (a package has thousands of files: one thread-pool
 * round trip each costs more than the lstat itself) and adds them in their given order, so that
 * a later one with the same wheel path wins.
 */
function addFiles(files, items) {
    // Folders are shared by many files: resolve each once, up front.
    const folders = new Set(items.flatMap((item) => [item.root, (0,external_node_path_.dirname)(item.source)]));
    const realpaths = new Map([...folders].map((folder) => [folder, tryCall(() => external_node_fs_.realpathSync.native(folder))]));
    const real = (path) => realpaths.get(path);
    for (const item of items) {
        const file = lookUp(item, real);
        files.set(file.archivePath, file);
    }
}
function tryCall(fn) {
    try {
        return fn();
    }
    catch {
        // Missing, a dangling link, or unreadable: the caller says which.
    }
    return undefined;
}
/** A staged file that cannot even be looked at: say why, not "a broken symbolic link". Pure. */
function unreadableSource(item, error) {
    const code = error?.code;
    if (item.source.includes('\uFFFD')) {
        return new errors/* InputError */.dz(`the file name ${JSON.stringify(item.source)} is not valid UTF-8 (shown with \uFFFD for the bytes that are not); a wheel's file names must be UTF-8.`, {
            input: item.input,
            fix: 'rename the file to a UTF-8 name in the build (or leave it out of what you stage).',
        });
    }
    if (code === 'ENAMETOOLONG') {
        return new errors/* InputError */.dz(`the path ${item.source} is too long for the file system.`, {
            input: item.input,
            fix: 'use a shallower folder layout or shorter file and folder names: Linux allows 4096 bytes for a whole path and 255 for each name.',
        });
    }
    return new errors/* InputError */.dz(`${item.source} disappeared or cannot be read while staging (${typeof code === 'string' ? code : String(error)}).`, {
        input: item.input,
        fix: 'make sure nothing deletes or renames build products while the action runs (a background process of the build?).',
        file: item.source,
    });
}
function lookUp(item, real) {
    validateArchivePath(item.archivePath, item.input);
    (0,layout/* checkPayloadPath */.If)(item.archivePath, item.input);
    checkPathLimits(item.archivePath, item.input);
    // Zip has no portable symlinks and pip would not restore them: a link (of the file or of a
    // folder above it) is stored as its target's bytes, but only for targets inside the tree the
    // user pointed us at. A file that is not a link resolves to its resolved folder + its name
    // (the folder was resolved before the file was looked at: unresolved only if it came later).
    let own;
    try {
        own = (0,external_node_fs_.lstatSync)(item.source);
    }
    catch (error) {
        throw unreadableSource(item, error);
    }
    const link = own.isSymbolicLink();
    const source = link
        ? tryCall(() => external_node_fs_.realpathSync.native(item.source))
        : (0,external_node_path_.join)(real((0,external_node_path_.dirname)(item.source)) ?? (0,external_node_path_.dirname)(item.source), (0,external_node_path_.basename)(item.source));
    if (source === undefined) {
        throw new errors/* InputError */.dz(`${item.source} is a broken symbolic link.`, {
            input: item.input,
            fix: 'remove it or make it point at a file that exists.',
            file: item.source,
        });
    }
    const root = real(item.root) ?? item.root;
    if (!source.startsWith(root + external_node_path_.sep)) {
        throw new errors/* InputError */.dz(`${item.source} is ${link ? 'a symbolic link' : 'behind a symbolic link'} to ${source}, outside ${root}.`, {
            input: item.input,
            fix: 'copy the file into the package instead of linking to it, or stage it with a `stage` rule.',
            file: item.source,
        });
    }
    const info = !link ? own : (0,external_node_fs_.statSync)(source);
    return {
        archivePath: item.archivePath,
        sourcePath: source,
        size: info.size,
        executable: (info.mode & 0o111) !== 0,
    };
}


/***/ }),

/***/ 48270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ checkVersionLength)
/* harmony export */ });
/* unused harmony export MAX_WHEEL_FILE_NAME_BYTES */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44295);


/** The longest name ext4, xfs, btrfs and tmpfs allow for one file (bytes). */
const NAME_MAX = 255;
/**
 * The longest name written beside the wheel: its receipt. (The packer's temporary
 * `.<wheel>.<pid>.partial` is at most 17 bytes longer; a pid has at most 7 digits.)
 */
// Stryker disable next-line StringLiteral,ArithmeticOperator: equivalent while the receipt's suffix (18) is the longer.
const COMPANION_BYTES = Math.max(_names_js__WEBPACK_IMPORTED_MODULE_1__/* .RECEIPT_SUFFIX */ .X9.length, '.'.length + '.4194304.partial'.length);
/** The longest wheel file name that leaves room for its companions. */
const MAX_WHEEL_FILE_NAME_BYTES = NAME_MAX - COMPANION_BYTES;
/** The shortest tag a wheel can carry (`py3-none-any`), when the tag is not known yet. */
const SHORTEST_TAG = 'py3-none-any';
/**
 * Refuses a version that makes the wheel's file name longer than a file system allows, before
 * anything is built (the name and tag may be unknown yet: the shortest are assumed). Pure.
 */
function checkVersionLength(version, name, tag) {
    const fileName = (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .wheelFileName */ .H7)(name ?? 'x', version, tag ?? SHORTEST_TAG);
    const bytes = Buffer.byteLength(fileName);
    if (bytes <= MAX_WHEEL_FILE_NAME_BYTES)
        return;
    const room = Buffer.byteLength(version) - (bytes - MAX_WHEEL_FILE_NAME_BYTES);
    const shown = version.length > 40 ? `${version.slice(0, 32)}...` : version;
    const named = name === undefined ? '' : ` "${(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeWheelName */ .km)(name)}"`;
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`the version "${shown}" (${Buffer.byteLength(version)} bytes) makes the wheel's file name ` +
        `at least ${bytes} bytes long; file systems allow ${NAME_MAX} bytes for a name and the ` +
        `receipt beside the wheel adds ${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .RECEIPT_SUFFIX */ .X9.length}, so the wheel${named} leaves ` +
        `${Math.max(room, 0)} bytes for the version.`, {
        input: 'version',
        fix: `use a version of at most ${Math.max(room, 0)} bytes (shorten the local label after "+").`,
    });
}


/***/ }),

/***/ 3933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   If: () => (/* binding */ checkPayloadPath),
/* harmony export */   h$: () => (/* binding */ checkDataFolder)
/* harmony export */ });
/* unused harmony export DATA_SCHEMES */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);

/** The folders of `<name>-<version>.data/` an installer knows (the wheel spec's scheme keys). */
const DATA_SCHEMES = ['data', 'headers', 'platlib', 'purelib', 'scripts'];
/**
 * Refuses a staged wheel path that an installer would not treat as package contents: anything in
 * a top-level `*.dist-info/` folder (the packer writes METADATA, WHEEL and RECORD; a staged copy
 * would be a second metadata folder or replace ours), and anything in a top-level `*.data/`
 * folder outside its scheme folders (pip refuses the wheel).
 */
function checkPayloadPath(path, input) {
    const segments = path.split('/');
    if (segments.length < 2)
        return;
    const top = segments[0];
    if (top.endsWith('.dist-info')) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${path}" is staged into ${top}/, a metadata folder: only the packer writes one.`, {
            input,
            fix: 'stage files into the package folder; the wheel metadata comes from `name`, `version`, `summary`, `requires` and the other inputs.',
        });
    }
    if (top.endsWith('.data') && (segments.length < 3 || !DATA_SCHEMES.includes(segments[1]))) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${path}" is staged into ${top}/ but not into one of its scheme folders (${DATA_SCHEMES.join(', ')}).`, {
            input,
            fix: `stage it into ${top}/<scheme>/..., e.g. \`build/tool => ${top}/scripts\`, or into the package folder.`,
        });
    }
}
/**
 * Refuses a top-level `*.data/` folder not named like the wheel's own (`<name>-<version>.data`,
 * beside its `.dist-info`): installers ignore or misplace it.
 */
function checkDataFolder(paths, distInfo) {
    const expected = `${distInfo.slice(0, -'.dist-info'.length)}.data`;
    for (const path of paths) {
        const top = path.split('/')[0];
        if (path.includes('/') && top.endsWith('.data') && top !== expected) {
            throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${path}" is staged into ${top}/, but this wheel's data folder is ${expected}/.`, {
                input: 'stage',
                fix: `stage it into ${expected}/<scheme>/... (the name and version as the wheel writes them).`,
            });
        }
    }
}


/***/ }),

/***/ 43646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P6: () => (/* binding */ metadataText),
/* harmony export */   Pe: () => (/* binding */ recordText),
/* harmony export */   Z8: () => (/* binding */ validateLicensePath),
/* harmony export */   fY: () => (/* binding */ wheelText),
/* harmony export */   pF: () => (/* binding */ singleLine),
/* harmony export */   wt: () => (/* binding */ readmeContentType)
/* harmony export */ });
/* unused harmony export urlsafeDigest */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _requirement_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15116);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24146);



const README_TYPES = {
    '.md': 'text/markdown',
    '.markdown': 'text/markdown',
    '.rst': 'text/x-rst',
    '.txt': 'text/plain',
};
/** The Description-Content-Type of a readme, from its extension (case-insensitive). */
function readmeContentType(path) {
    const match = /\.[^./\\]+$/.exec(path);
    const type = match ? README_TYPES[match[0].toLowerCase()] : undefined;
    if (type === undefined) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`cannot tell the format of the readme "${path}" from its extension.`, {
            input: 'readme',
            fix: 'name a .md (Markdown), .rst (reStructuredText) or .txt (plain text) file.',
        });
    }
    return type;
}
/**
 * Core metadata, as bdist_wheel writes it for the same fields: the lowest Metadata-Version that
 * carries them (2.1, which pip 8-era installers on Python 2.7 read without fuss; 2.4 once
 * License-File headers appear, PEP 639), the headers in setuptools' order, and the long
 * description as the message body.
 */
function metadataText(meta) {
    const licenseFiles = meta.licenseFiles ?? [];
    const lines = [
        `Metadata-Version: ${licenseFiles.length > 0 ? '2.4' : '2.1'}`,
        `Name: ${singleLine(meta.name, 'name')}`,
        `Version: ${singleLine(meta.version, 'version')}`,
    ];
    const optional = [
        ['Summary', meta.summary, 'summary'],
        ['Home-page', meta.homePage, 'home-page'],
        ['Author', meta.author, 'author'],
        ['License', meta.license, 'license'],
        ['Requires-Python', meta.requiresPython, 'requires-python'],
        ['Description-Content-Type', meta.description?.contentType, 'readme'],
    ];
    for (const [field, value, input] of optional) {
        if (value?.trim())
            lines.push(`${field}: ${singleLine(value, input)}`);
    }
    for (const path of licenseFiles) {
        lines.push(`License-File: ${validateLicensePath(path)}`);
    }
    for (const extra of meta.providesExtra ?? []) {
        lines.push(`Provides-Extra: ${singleLine(extra, 'project-dir')}`);
    }
    for (const requirement of meta.requires ?? []) {
        lines.push(`Requires-Dist: ${(0,_requirement_js__WEBPACK_IMPORTED_MODULE_1__/* .validateRequirement */ .qJ)(singleLine(requirement, 'requires'))}`);
    }
    const head = lines.join('\n') + '\n';
    if (meta.description === undefined)
        return head;
    return `${head}\n${descriptionBody(meta.description.text)}`;
}
/** The body keeps the text as written, with Unix line ends and one final line break. */
function descriptionBody(text) {
    const body = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
    return body.endsWith('\n') ? body : `${body}\n`;
}
/** A License-File value (PEP 639): a relative path with `/` separators, no `..`, no globs. */
function validateLicensePath(path) {
    // An empty path, an absolute one, `a//b` and a trailing `/` all have an empty part.
    const bad = /[\\\r\n*?[\]]/.test(path) ||
        path.split('/').some((part) => part === '' || part === '.' || part === '..');
    if (bad) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${path}" cannot be a License-File path.`, {
            input: 'license-files',
            fix: 'license files must lie inside `working-directory`, with plain names (no "*", "?", "[", "]", backslashes or line breaks).',
        });
    }
    return path;
}
/** A one-line METADATA field given as input `input`: trimmed, or an InputError naming it. */
function singleLine(value, input) {
    if (/[\r\n]/.test(value.trim())) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('a metadata field cannot span several lines.', {
            input,
            fix: 'put it on one line (for `requires`, one requirement per line).',
        });
    }
    return value.trim();
}
function wheelText(tag, generator) {
    const lines = [
        'Wheel-Version: 1.0',
        `Generator: ${generator}`,
        `Root-Is-Purelib: ${(0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .isPureTag */ .pM)(tag) ? 'true' : 'false'}`,
        ...(0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .expandTag */ .JZ)(tag).map((t) => `Tag: ${t}`),
    ];
    return lines.join('\n') + '\n';
}
/** RECORD (PEP 376/427): one CSV row per file, urlsafe-base64 digests, and an empty row for itself. */
function recordText(rows, recordPath) {
    const lines = rows.map((row) => `${csvField(row.path)},sha256=${urlsafeDigest(row.sha256)},${row.size}`);
    lines.push(`${csvField(recordPath)},,`);
    return lines.join('\n') + '\n';
}
function urlsafeDigest(digest) {
    return digest.toString('base64url');
}
// Python's csv module quotes a field that holds a comma, a quote or a line break.
function csvField(value) {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}


/***/ }),

/***/ 15116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   qJ: () => (/* binding */ validateRequirement)
/* harmony export */ });
/* unused harmony exports RequirementSyntaxError, MAX_MARKER_DEPTH, parseRequirement, canonicalizeName, formatMarker, formatRequirement */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83431);


/** A line that is not a PEP 508 requirement: what was expected, and where (0-based). */
class RequirementSyntaxError extends Error {
    why;
    position;
    constructor(why, position) {
        super(why);
        this.why = why;
        this.position = position;
    }
}
// Python's `\s` and `\w` (str.isspace, str.isalnum or "_"), which packaging's expressions use.
const SPACE = '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WORD = '[\\p{L}\\p{N}_]';
const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
const RELEASE = 'v?(?:[0-9]+!)?[0-9]+';
/** packaging's `Specifier._specifier_regex_str`, operator by operator. */
const SPECIFIER = `===[${SPACE}]*[^${SPACE};)]*` +
    `|(?:==|!=)[${SPACE}]*${RELEASE}(?:\\.[0-9]+)*(?:\\.\\*|${PRE}${POST}${DEV}${LOCAL})?` +
    `|~=[${SPACE}]*${RELEASE}(?:\\.[0-9]+)+${PRE}${POST}${DEV}` +
    `|(?:<=|>=|<|>)[${SPACE}]*${RELEASE}(?:\\.[0-9]+)*${PRE}${POST}${DEV}`;
const TOKENS = {
    WS: /[ \t]+/y,
    QUOTED_STRING: /'[^']*'|"[^"]*"/y,
    OP: /===|==|~=|!=|<=|>=|<|>/y,
    BOOLOP: new RegExp(`(?<!${WORD})(?:or|and)(?!${WORD})`, 'uy'),
    IN: new RegExp(`(?<!${WORD})in(?!${WORD})`, 'uy'),
    NOT: new RegExp(`(?<!${WORD})not(?!${WORD})`, 'uy'),
    VARIABLE: new RegExp(`(?<!${WORD})(?:python_version|python_full_version|os[._]name|sys[._]platform` +
        `|platform_(?:release|system)|platform[._](?:version|machine|python_implementation)` +
        `|python_implementation|implementation_(?:name|version)|extras?|dependency_groups)(?!${WORD})`, 'uy'),
    SPECIFIER: new RegExp(SPECIFIER, 'iy'),
    URL: /[^ \t]+/y,
    IDENTIFIER: new RegExp(`(?<!${WORD})[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9_])?(?!${WORD})`, 'uy'),
    VERSION_PREFIX_TRAIL: /\.\*/y,
    VERSION_LOCAL_LABEL_TRAIL: /\+[a-z0-9]+(?:[-_.][a-z0-9]+)*/y,
};
/** A full `Specifier`: what `SpecifierSet` accepts for each comma-separated part. */
const FULL_SPECIFIER = new RegExp(`^[${SPACE}]*(?:${SPECIFIER})[${SPACE}]*$`, 'i');
/** Deeper parentheses than any real marker: refused before the parser runs out of stack. */
const MAX_MARKER_DEPTH = 100;
class Tokenizer {
    source;
    position = 0;
    depth = 0;
    constructor(source) {
        this.source = source;
    }
    /** The text of the token `name` if it is next (and moves past it), else undefined. */
    take(name) {
        const rule = TOKENS[name];
        rule.lastIndex = this.position;
        const match = rule.exec(this.source);
        if (match === null)
            return undefined;
        this.position += match[0].length;
        return match[0];
    }
    peek(name) {
        const rule = TOKENS[name];
        rule.lastIndex = this.position;
        return rule.test(this.source);
    }
    /** Python's `$`: the end, or before a newline that ends the text. */
    atEnd() {
        const rest = this.source.length - this.position;
        return rest === 0 || (rest === 1 && this.source[this.position] === '\n');
    }
    skipSpace() {
        this.take('WS');
    }
    fail(why, position = this.position) {
        throw new RequirementSyntaxError(why, position);
    }
}
/** Parses one requirement line; throws a RequirementSyntaxError saying what was expected. */
function parseRequirement(source) {
    const t = new Tokenizer(source);
    t.skipSpace();
    const name = t.take('IDENTIFIER') ?? t.fail('it must start with a project name');
    t.skipSpace();
    const requirement = { name, extras: parseExtras(t), specifiers: [] };
    t.skipSpace();
    if (source[t.position] === '@') {
        t.position++;
        t.skipSpace();
        const urlStart = t.position;
        const url = t.take('URL') ?? t.fail('expected a URL after "@"');
        if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) {
            t.fail('the URL after "@" has no scheme (such as https:)', urlStart);
        }
        requirement.url = url;
        t.skipSpace();
        if (!t.atEnd())
            requirement.marker = parseRequirementMarker(t, 'expected ";" after the URL and a space');
    }
    else {
        requirement.specifiers = parseSpecifier(t);
        t.skipSpace();
        if (!t.atEnd()) {
            requirement.marker = parseRequirementMarker(t, requirement.specifiers.length
                ? 'expected "," or ";" after the version specifier'
                : 'expected a version specifier or ";" after the name');
        }
    }
    if (!t.atEnd())
        t.fail('expected the end of the requirement');
    return requirement;
}
function parseExtras(t) {
    if (t.source[t.position] !== '[')
        return [];
    const open = t.position;
    t.position++;
    t.skipSpace();
    const extras = [];
    const first = t.take('IDENTIFIER');
    if (first !== undefined) {
        extras.push(first);
        for (;;) {
            t.skipSpace();
            if (t.peek('IDENTIFIER'))
                t.fail('expected a comma between extra names');
            if (t.source[t.position] !== ',')
                break;
            t.position++;
            t.skipSpace();
            extras.push(t.take('IDENTIFIER') ?? t.fail('expected an extra name after ","'));
        }
    }
    if (t.source[t.position] !== ']')
        t.fail('the extras are not closed with "]"', open);
    t.position++;
    return extras;
}
function parseSpecifier(t) {
    const open = t.source[t.position] === '(' ? t.position : undefined;
    if (open !== undefined)
        t.position++;
    t.skipSpace();
    const textStart = t.position;
    let text = '';
    for (;;) {
        const start = t.position;
        const specifier = t.take('SPECIFIER');
        if (specifier === undefined)
            break;
        text += specifier;
        if (t.peek('VERSION_PREFIX_TRAIL'))
            t.fail('".*" can only follow == or !=', start);
        if (t.peek('VERSION_LOCAL_LABEL_TRAIL')) {
            t.fail('a local version label ("+...") can only follow == or !=', start);
        }
        t.skipSpace();
        if (t.source[t.position] !== ',')
            break;
        text += ',';
        t.position++;
        t.skipSpace();
    }
    if (open !== undefined) {
        if (t.source[t.position] !== ')')
            t.fail('the version specifier is not closed with ")"', open);
        t.position++;
    }
    // SpecifierSet: the comma-separated parts, each a full Specifier (`===a,b` is two parts).
    return text
        .split(',')
        .map(_version_js__WEBPACK_IMPORTED_MODULE_1__/* .stripPythonSpace */ .lx)
        .filter((part) => part !== '')
        .map((part) => {
        if (!FULL_SPECIFIER.test(part))
            t.fail(`"${part}" is not a version specifier`, textStart);
        const op = operatorOf(part);
        return op + (0,_version_js__WEBPACK_IMPORTED_MODULE_1__/* .stripPythonSpace */ .lx)(part.slice(op.length));
    });
}
function parseRequirementMarker(t, expected) {
    if (t.source[t.position] !== ';')
        t.fail(expected);
    t.position++;
    return parseMarker(t);
}
function parseMarker(t) {
    const expression = [parseMarkerAtom(t)];
    for (;;) {
        const op = t.take('BOOLOP');
        if (op === undefined)
            return expression;
        expression.push(op, parseMarkerAtom(t));
    }
}
function parseMarkerAtom(t) {
    t.skipSpace();
    let atom;
    if (t.source[t.position] === '(') {
        const open = t.position;
        if (++t.depth > MAX_MARKER_DEPTH) {
            t.fail(`the marker nests parentheses more than ${MAX_MARKER_DEPTH} deep`);
        }
        t.position++;
        atom = parseMarker(t);
        t.depth--;
        if (t.source[t.position] !== ')')
            t.fail('the marker is not closed with ")"', open);
        t.position++;
    }
    else {
        const left = parseMarkerOperand(t);
        t.skipSpace();
        const op = parseMarkerOp(t);
        t.skipSpace();
        const right = parseMarkerOperand(t);
        atom = { left, op, right };
    }
    t.skipSpace();
    return atom;
}
function parseMarkerOperand(t) {
    const start = t.position;
    const variable = t.take('VARIABLE');
    if (variable !== undefined) {
        if (variable === 'extras' || variable === 'dependency_groups') {
            t.fail(`"${variable}" is a lock-file marker (PEP 751), not one for Requires-Dist`, start);
        }
        const value = variable.replace('.', '_');
        return {
            kind: 'variable',
            value: value === 'python_implementation' ? 'platform_python_implementation' : value,
        };
    }
    const quoted = t.take('QUOTED_STRING');
    if (quoted === undefined) {
        t.fail('expected a marker variable (such as python_version) or a quoted string');
    }
    const value = quoted.slice(1, -1);
    // eslint-disable-next-line no-control-regex
    if (/[\\\x00-\x1f\x7f]/.test(value)) {
        t.fail('a quoted marker value contains a backslash or a control character', start);
    }
    return { kind: 'string', value };
}
function parseMarkerOp(t) {
    if (t.take('IN') !== undefined)
        return 'in';
    if (t.take('NOT') !== undefined) {
        if (t.take('WS') === undefined || t.take('IN') === undefined)
            t.fail('expected " in" after "not"');
        return 'not in';
    }
    return (t.take('OP') ??
        t.fail('expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in or not in)'));
}
/** packaging's `canonicalize_name` (PEP 503). */
function canonicalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/** Python's order of strings: by code point (JavaScript compares UTF-16 units). */
function byCodePoint(a, b) {
    const x = [...a].map((c) => c.codePointAt(0));
    const y = [...b].map((c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i])
            return x[i] - y[i];
    }
    return x.length - y.length;
}
const OPERATORS = ['===', '~=', '==', '!=', '<=', '>=', '<', '>'];
/** The operator a (valid) specifier starts with. */
function operatorOf(specifier) {
    return OPERATORS.find((op) => specifier.startsWith(op));
}
/** What makes two specifiers equal for SpecifierSet (`>=1.0` and `>=1.0.0` are one). */
function specifierKey(specifier) {
    const op = operatorOf(specifier);
    const version = specifier.slice(op.length);
    if (op === '===' || version.endsWith('.*'))
        return specifier;
    const parsed = (0,_version_js__WEBPACK_IMPORTED_MODULE_1__/* .parseVersion */ .ot)(version);
    // Trailing zeros do not count, except for ~= (where they say how much may change).
    const release = parsed.release.join('.');
    const kept = op === '~=' ? release : release.replace(/(?:\.0)+$/, '');
    return op + (0,_version_js__WEBPACK_IMPORTED_MODULE_1__/* .formatVersion */ .qh)({ ...parsed, release: [kept] });
}
function formatOperand(operand) {
    if (operand.kind !== 'string')
        return operand.value;
    // packaging writes "..." even around a value holding a double quote; that line would not parse.
    return operand.value.includes('"') ? `'${operand.value}'` : `"${operand.value}"`;
}
/**
 * packaging's `_format_marker`: redundant parentheses dropped, one space around operators. Unlike
 * packaging 26.2 it keeps the parentheses of a doubly parenthesized group: packaging writes
 * `a and ((b or c))` as `a and b or c`, which means `(a and b) or c`.
 */
function formatMarker(marker, first = true) {
    if (typeof marker === 'string')
        return marker;
    if (!Array.isArray(marker)) {
        return `${formatOperand(marker.left)} ${marker.op} ${formatOperand(marker.right)}`;
    }
    if (marker.length === 1)
        return formatMarker(marker[0], first);
    const inner = marker.map((m) => formatMarker(m, false)).join(' ');
    return first ? inner : `(${inner})`;
}
/** packaging normalizes the extra names compared with `extra`, in the top-level items only. */
function normalizeExtras(marker) {
    return marker.map((atom) => {
        if (typeof atom === 'string' || Array.isArray(atom))
            return atom;
        if (atom.left.kind === 'variable' && atom.left.value === 'extra') {
            return { ...atom, right: { kind: 'string', value: canonicalizeName(atom.right.value) } };
        }
        if (atom.right.kind === 'variable' && atom.right.value === 'extra') {
            return { ...atom, left: { kind: 'string', value: canonicalizeName(atom.left.value) } };
        }
        return atom;
    });
}
/** The canonical text: `str(packaging.requirements.Requirement(line))`. */
function formatRequirement(requirement) {
    let text = requirement.name;
    const extras = [...new Set(requirement.extras)].sort(byCodePoint);
    if (extras.length)
        text += `[${extras.join(',')}]`;
    const seen = new Set();
    const specifiers = [...requirement.specifiers].sort(byCodePoint).filter((specifier) => {
        const key = specifierKey(specifier);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    text += specifiers.join(',');
    if (requirement.url !== undefined) {
        text += ` @ ${requirement.url}`;
        if (requirement.marker)
            text += ' ';
    }
    if (requirement.marker)
        text += `; ${formatMarker(normalizeExtras(requirement.marker))}`;
    return text;
}
/**
 * Checks one `requires` line against PEP 508 (name, extras, version specifiers or `@ URL`, and an
 * optional `; marker`) and returns its canonical form for Requires-Dist. pip installs a wheel with
 * `--no-deps` whatever its Requires-Dist says, so verification cannot catch a malformed one; the
 * algorithm's own install would then fail.
 */
function validateRequirement(raw, input = 'requires') {
    try {
        return formatRequirement(parseRequirement(raw));
    }
    catch (error) {
        if (!(error instanceof RequirementSyntaxError))
            throw error;
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${raw}" is not a valid requirement: ${error.why} (at character ${error.position + 1}).`, {
            input,
            fix: 'write one PEP 508 requirement per line, e.g. `numpy>=1.11` or `requests[socks]>=2,<3; python_version >= "3"`.',
        });
    }
}


/***/ }),

/***/ 26055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M5: () => (/* binding */ importNames),
/* harmony export */   Pb: () => (/* binding */ nameWheel),
/* harmony export */   S2: () => (/* binding */ defaultImports),
/* harmony export */   Xe: () => (/* binding */ topLevelOf)
/* harmony export */ });
/* unused harmony export rootModuleName */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34758);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44295);


// Folders that belong to the wheel format or to bundled libraries, never imported.
const SPECIAL_FOLDER = /\.(?:libs|data|dist-info)$/;
// A module's file at the root: `name.py`, `name.so`, `name.<abi tag>.so`, and a `.pyi` stub.
const MODULE_FILE = /^([^.]+)(?:\.py|\.pyi|(?:\.[A-Za-z0-9_-]+)?\.so)$/;
/**
 * The module a file at the wheel root provides, if any. An unversioned `lib*.so` is taken for a
 * shared library placed beside an extension (`libfoo.so`), not for a module named `libfoo`.
 */
function rootModuleName(fileName) {
    const match = MODULE_FILE.exec(fileName);
    if (!match || !(0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isImportableName */ .zY)(match[1]))
        return undefined;
    if (fileName.startsWith('lib') && fileName === `${match[1]}.so`)
        return undefined;
    return match[1];
}
function topLevelOf(paths) {
    const packages = new Set();
    const modules = new Set();
    const otherFolders = new Set();
    const strayFiles = [];
    for (const path of paths) {
        const slash = path.indexOf('/');
        if (slash >= 0) {
            const folder = path.slice(0, slash);
            if (SPECIAL_FOLDER.test(folder))
                continue;
            ((0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .isImportableName */ .zY)(folder) ? packages : otherFolders).add(folder);
            continue;
        }
        const module = rootModuleName(path);
        if (module === undefined)
            strayFiles.push(path);
        else if (!path.endsWith('.pyi'))
            modules.add(module);
    }
    return {
        packages: [...packages].sort(),
        modules: [...modules].sort(),
        otherFolders: [...otherFolders].sort(),
        strayFiles: strayFiles.sort(),
    };
}
/** Every name the wheel lets `import` find at top level: the default `import` list. */
function importNames(topLevel) {
    return [...new Set([...topLevel.packages, ...topLevel.modules])].sort();
}
/**
 * Names the distribution (pure): `name` when given, otherwise the wheel's only top-level module
 * or package. Several, or none, without `name` is an error naming the input.
 */
function nameWheel(topLevel, name, input) {
    const names = importNames(topLevel);
    if (names.length === 0) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(topLevel.strayFiles.length
            ? `the staged files contain no Python module or package (at the wheel root: ${list(topLevel.strayFiles)}).`
            : 'the staged files contain no Python module or package.', {
            input,
            fix: 'stage a package folder (`python/mypkg/** => mypkg`) or top-level modules (`build/mymod*.so => .`, `mymod.py => .`).',
        });
    }
    if (name === undefined && names.length > 1) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`the wheel has several top-level modules and packages (${list(names)}), so its distribution name cannot be derived.`, {
            input: 'name',
            fix: 'set `name` to the distribution name (what `pip install` and the dependencies file use).',
        });
    }
    const distribution = name ?? names[0];
    const packageName = topLevel.packages.length === 1 ? topLevel.packages[0] : (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeWheelName */ .km)(distribution);
    return { distribution, packageName };
}
function list(names) {
    return names.length > 6 ? `${names.slice(0, 6).join(', ')}, ...` : names.join(', ');
}
/**
 * The default `import` list of a wheel built by someone else (pip wheel): its top-level modules
 * and the folders with an `__init__.py` (a folder without one may be a namespace portion or
 * data, which 2.7 cannot import). All names when that leaves nothing.
 */
function defaultImports(paths) {
    const topLevel = topLevelOf(paths);
    const present = new Set(paths);
    const names = [
        ...topLevel.packages.filter((p) => present.has(`${p}/__init__.py`)),
        ...topLevel.modules,
    ];
    return names.length ? [...new Set(names)].sort() : importNames(topLevel);
}


/***/ })

};
