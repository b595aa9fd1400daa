export const id = 147;
export const ids = [147];
export const modules = {

/***/ 93099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ SAS_SIGNATURE),
/* harmony export */   Fb: () => (/* binding */ AWS_ACCESS_KEY_ID),
/* harmony export */   Rd: () => (/* binding */ redactText),
/* harmony export */   pO: () => (/* binding */ Redactor)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, SECRET_VARIABLES, SECRET_NAME_PARTS, isSecretName, secretPieces, secretsInEnvironment, REDACTED, encodedForms */
/**
 * Secrets: which values of the environment are credentials, and how every text that leaves the
 * process (log lines, errors, details, the job summary, outputs, the streamed output of the
 * user's commands) is cleaned of them. Pure: no I/O. The entry points make ONE Redactor at start
 * and hand it down; values learned later (the AWS chain) are added to the same object.
 */
/**
 * Values shorter than this are not treated as secrets: `true`, `1`, `3600` or `none` in a
 * variable named like a credential would otherwise be replaced in every log line. Real tokens
 * and keys are far longer; the runner itself still masks `secrets.*` of any length.
 */
const MIN_SECRET_LENGTH = 6;
/** Variables that hold credentials whatever their value looks like (but for its length). */
const SECRET_VARIABLES = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_SECURITY_TOKEN',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
/** Parts of a variable name that mark its value as a credential (compared case-insensitively). */
const SECRET_NAME_PARTS = [
    'TOKEN',
    'SECRET',
    'PASSWORD',
    'PASSWD',
    'PASSPHRASE',
    'CREDENTIAL',
    'PRIVATE_KEY',
    'PRIVATEKEY',
    'API_KEY',
    'APIKEY',
    'ACCESS_KEY',
    'AUTH_KEY',
    'SIGNING_KEY',
    'ENCRYPTION_KEY',
];
/** Values that are settings, not secrets, even in a variable named like a credential. */
const NOT_SECRET = /^(?:true|false|yes|no|on|off|none|null|nil|undefined|enabled?|disabled?|required|optional|unset|empty|\d{1,9})$/i;
/** True when a variable of this name holds a credential. */
function isSecretName(name) {
    const upper = name.toUpperCase();
    return SECRET_VARIABLES.includes(upper) || SECRET_NAME_PARTS.some((part) => upper.includes(part));
}
/**
 * The pieces of a value that must be masked: each line on its own (the runner masks line by
 * line, and a multi-line key is printed line by line), trimmed, long enough, and not a setting.
 */
function secretPieces(value) {
    const pieces = new Set();
    for (const line of value.split(/\r\n|\r|\n/)) {
        const piece = line.trim();
        if (piece.length >= MIN_SECRET_LENGTH && !NOT_SECRET.test(piece))
            pieces.add(piece);
    }
    return [...pieces];
}
/** `scheme://user:password@host`: the password of a URL with credentials. */
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/gi;
/** `NAME=value` lines (the `env` input, dotenv-style values). */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
/**
 * Every credential in an environment: values of credential-like variables, passwords of URLs
 * with credentials (PIP_INDEX_URL, HTTPS_PROXY...), and `NAME=value` lines with a
 * credential-like NAME inside any value (the `env` input arrives as INPUT_ENV).
 */
function secretsInEnvironment(env) {
    const found = new Set();
    for (const [name, value] of Object.entries(env)) {
        if (!value)
            continue;
        if (isSecretName(name))
            for (const piece of secretPieces(value))
                found.add(piece);
        for (const match of value.matchAll(URL_PASSWORD)) {
            for (const piece of secretPieces(decodeURIComponentSafe(match[1])))
                found.add(piece);
            for (const piece of secretPieces(match[1]))
                found.add(piece);
        }
        for (const line of value.split('\n')) {
            const assignment = ASSIGNMENT.exec(line);
            if (assignment && isSecretName(assignment[1])) {
                const raw = assignment[2].trim().replace(/^(['"])(.*)\1$/, '$2');
                for (const piece of secretPieces(raw))
                    found.add(piece);
            }
        }
    }
    return [...found];
}
function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
const REDACTED = '***';
/**
 * Replaces every known secret with `***`. One object per run, made by the entry point; `add`
 * takes values learned later. Longest secrets are replaced first, so a secret that contains
 * another is not left half visible.
 */
class Redactor {
    secrets = [];
    /** The secrets and the forms they take in what we write (JSON, HTML, URLs), longest first. */
    forms = [];
    constructor(values = []) {
        for (const value of values)
            this.add(value);
    }
    static fromEnvironment(env) {
        return new Redactor(secretsInEnvironment(env));
    }
    /** Adds a value (each of its lines); returns the pieces that were new. */
    add(value) {
        const added = secretPieces(value).filter((piece) => !this.secrets.includes(piece));
        if (added.length) {
            this.secrets = [...this.secrets, ...added].sort((a, b) => b.length - a.length);
            const forms = new Set(this.forms);
            for (const piece of added)
                for (const form of encodedForms(piece))
                    forms.add(form);
            this.forms = [...forms].sort((a, b) => b.length - a.length);
        }
        return added;
    }
    /** The registered pieces, longest first. */
    get values() {
        return this.secrets;
    }
    /** The longest registered form's length (0 when none): what a stream must hold back. */
    get longest() {
        return this.forms[0]?.length ?? 0;
    }
    /**
     * The text with every secret replaced, also where it appears escaped as JSON, HTML or
     * Markdown, or percent-encoded: a receipt, a summary or a page holds it in those forms.
     */
    redact(text) {
        let result = text;
        for (const secret of this.forms) {
            if (result.includes(secret))
                result = result.split(secret).join(REDACTED);
        }
        return result;
    }
    /**
     * Length of the end of `text` that could be the start of a secret cut off by a chunk
     * boundary (0 when none): a stream writes everything before it and keeps that tail.
     */
    unsafeTail(text) {
        let keep = 0;
        for (const secret of this.forms) {
            const max = Math.min(secret.length - 1, text.length);
            for (let n = max; n > keep; n--) {
                if (text.endsWith(secret.slice(0, n))) {
                    keep = n;
                    break;
                }
            }
        }
        return keep;
    }
}
/**
 * A secret as it reads inside a JSON string, HTML text (then a Markdown table cell) and a URL,
 * the secret itself first: the forms our writers give it.
 */
function encodedForms(secret) {
    const html = secret
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
    return [
        ...new Set([
            secret,
            JSON.stringify(secret).slice(1, -1),
            html,
            html.replace(/\|/g, '\\|'),
            encodeURIComponent(secret),
        ]),
    ];
}
/** Shapes masked wherever they appear, known or not: AWS access key ids (AKIA..., ASIA...). */
const AWS_ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;
/** The signature of an Azure SAS URL (`...&sig=...`), the part after `sig=`. */
const SAS_SIGNATURE = /(?<=[?&]sig=)[^&\s"']+/gi;
/**
 * A text with the given secrets (as a Redactor takes them) and every match of `shapes` replaced
 * by `***`: the one redaction for a message that leaves a module (an SDK's error, a client's
 * failure) before the run's Redactor sees it.
 */
function redactText(text, secrets, shapes = []) {
    const known = [...secrets].filter((secret) => secret !== undefined);
    let result = new Redactor(known).redact(text);
    for (const shape of shapes)
        result = result.replace(shape, REDACTED);
    return result;
}


/***/ }),

/***/ 31769:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EE: () => (/* binding */ validateDistributionName),
/* harmony export */   H7: () => (/* binding */ wheelFileName),
/* harmony export */   J5: () => (/* binding */ distInfoDirName),
/* harmony export */   QW: () => (/* binding */ parseWheelFileName),
/* harmony export */   WV: () => (/* binding */ isModulePath),
/* harmony export */   X9: () => (/* binding */ RECEIPT_SUFFIX),
/* harmony export */   km: () => (/* binding */ escapeWheelName),
/* harmony export */   yz: () => (/* binding */ normalizeProjectName),
/* harmony export */   zY: () => (/* binding */ isImportableName)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94840);


// PEP 508 distribution names: ASCII letters, digits, and . _ - inside.
const DISTRIBUTION_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
// Python 2 identifiers are ASCII-only, and the wheels we build must import on 2.7 too.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PYTHON_KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
    'exec finally for from global if import in is lambda nonlocal not or pass print raise return ' +
    'try while with yield').split(' '));
/** The verification receipt beside a wheel, `<wheel file name>.verification.json`. */
const RECEIPT_SUFFIX = '.verification.json';
/** PEP 503 normalized project name: the form index pages and pip compare. */
function normalizeProjectName(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
/** The name as it appears in wheel file names and the .dist-info folder (PEP 427, PEP 503). */
function escapeWheelName(name) {
    return name.replace(/[-_.]+/g, '_').toLowerCase();
}
function validateDistributionName(name, input = 'name') {
    if (!DISTRIBUTION_NAME.test(name)) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${name}" is not a valid distribution name.`, {
            input,
            fix: 'use ASCII letters, digits, ".", "_" and "-", starting and ending with a letter or digit (PEP 508).',
        });
    }
    return name;
}
/** Whether a folder or module name can be imported by Python 2.7 and 3.x alike. */
function isImportableName(name) {
    return IDENTIFIER.test(name) && !PYTHON_KEYWORDS.has(name);
}
/** A dotted module path such as `vecmath.geometry`. */
function isModulePath(path) {
    return path.split('.').every(isImportableName);
}
function wheelFileName(name, version, tag) {
    return `${escapeWheelName(name)}-${version.replace(/-/g, '_')}-${tag}.whl`;
}
function distInfoDirName(name, version) {
    return `${escapeWheelName(name)}-${version.replace(/-/g, '_')}.dist-info`;
}
// The file-name grammar (PEP 427): what wheelFileName writes, parseWheelFileName reads.
const FILE_DISTRIBUTION = /^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/;
const FILE_VERSION = /^[A-Za-z0-9][A-Za-z0-9._+!]*$/;
const FILE_BUILD = /^[0-9][A-Za-z0-9._]*$/;
/**
 * Parses `{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; anything else
 * (another file, a folder marker, a malformed name) gives undefined: the index ignores foreign
 * objects, and a project-dir build that names its wheel otherwise is refused.
 */
function parseWheelFileName(fileName) {
    if (!fileName.endsWith('.whl') || fileName.includes('/'))
        return undefined;
    const parts = fileName.slice(0, -'.whl'.length).split('-');
    if (parts.length !== 5 && parts.length !== 6)
        return undefined;
    const [distribution, version] = parts;
    const build = parts.length === 6 ? parts[2] : undefined;
    const tag = (0,_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .readWheelTag */ .eC)(parts.slice(-3).join('-'));
    if (!FILE_DISTRIBUTION.test(distribution) || !FILE_VERSION.test(version))
        return undefined;
    if (build !== undefined && !FILE_BUILD.test(build))
        return undefined;
    if (tag === undefined)
        return undefined;
    return {
        fileName,
        distribution,
        project: normalizeProjectName(distribution),
        version,
        ...(build !== undefined ? { build } : {}),
        tag: (0,_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .formatTag */ ._3)(tag),
        tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .expandTag */ .JZ)(tag),
    };
}


/***/ }),

/***/ 94840:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ expandTag),
/* harmony export */   U: () => (/* binding */ tagMatchesProbe),
/* harmony export */   _3: () => (/* binding */ formatTag),
/* harmony export */   bZ: () => (/* binding */ pureTag),
/* harmony export */   eC: () => (/* binding */ readWheelTag),
/* harmony export */   f9: () => (/* binding */ parseWheelTag),
/* harmony export */   pM: () => (/* binding */ isPureTag),
/* harmony export */   pl: () => (/* binding */ tagFromProbe)
/* harmony export */ });
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);

function formatTag(tag) {
    return `${tag.interpreter}-${tag.abi}-${tag.platform}`;
}
/** The most specific tag the probed interpreter's own pip accepts (what bdist_wheel writes). */
function tagFromProbe(probe) {
    const [major, minor] = probe.version;
    const impl = probe.implementation.toLowerCase();
    const platform = platformTag(probe);
    if (impl === 'pypy') {
        return { interpreter: `pp${major}${minor}`, abi: pypyAbi(probe), platform };
    }
    if (impl !== 'cpython') {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`the ${probe.implementation} interpreter is not supported.`, {
            input: 'python',
            fix: 'use CPython or PyPy, or set `wheel-tag` explicitly.',
        });
    }
    return { interpreter: `cp${major}${minor}`, abi: cpythonAbi(probe), platform };
}
function cpythonAbi(probe) {
    const [major, minor] = probe.version;
    // Python 3 names its ABI in SOABI ("cpython-36m-x86_64-linux-gnu" -> cp36m), as pip reads it.
    if (probe.soabi && probe.soabi.startsWith('cpython-')) {
        return `cp${probe.soabi.split('-')[1]}`;
    }
    // Python 2 has no SOABI: pip derives the flags from the build (debug, pymalloc, UCS4).
    let flags = '';
    if (probe.pyDebug)
        flags += 'd';
    if (probe.withPymalloc)
        flags += 'm';
    if (major === 2 || (major === 3 && minor < 3)) {
        if (probe.maxUnicode === 0x10ffff)
            flags += 'u';
    }
    return `cp${major}${minor}${flags}`;
}
function pypyAbi(probe) {
    // "pypy39-pp73-x86_64-linux-gnu" -> pypy39_pp73, as packaging's _generic_abi does.
    if (probe.soabi) {
        const parts = probe.soabi.split('-');
        return parts.slice(0, 2).join('_').replace(/[.-]/g, '_');
    }
    return 'none';
}
function platformTag(probe) {
    let platform = probe.platform.replace(/[-.]/g, '_').toLowerCase();
    // A 32-bit interpreter on a 64-bit kernel reports the kernel's machine; pip corrects it.
    if (platform === 'linux_x86_64' && probe.pointerBits === 32)
        platform = 'linux_i686';
    if (platform === 'linux_aarch64' && probe.pointerBits === 32)
        platform = 'linux_armv7l';
    return platform;
}
/** One part of a (possibly compressed, PEP 425) tag: `cp36`, `py2.py3`, `manylinux_2_17_x86_64`. */
const TAG_PART = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;
/**
 * The tag grammar, in one place: `<python>-<abi>-<platform>`, each part one or more
 * `.`-separated names of letters, digits and `_`. Undefined for anything else.
 */
function readWheelTag(text) {
    const parts = text.split('-');
    if (parts.length !== 3 || !parts.every((p) => TAG_PART.test(p)))
        return undefined;
    const [interpreter, abi, platform] = parts;
    return { interpreter, abi, platform };
}
/** Parses and validates a `wheel-tag` input such as `py2-none-any` or `py2.py3-none-any`. */
function parseWheelTag(raw, input = 'wheel-tag') {
    const tag = readWheelTag(raw.trim());
    if (tag === undefined) {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${raw}" is not a wheel tag.`, {
            input,
            fix: 'write it as <python>-<abi>-<platform>, e.g. cp36-cp36m-linux_x86_64 or py2-none-any.',
        });
    }
    return tag;
}
/** Every concrete tag a (possibly compressed, PEP 425) tag stands for: one WHEEL `Tag:` line each. */
function expandTag(tag) {
    const out = [];
    for (const i of tag.interpreter.split('.'))
        for (const a of tag.abi.split('.'))
            for (const p of tag.platform.split('.'))
                out.push(`${i}-${a}-${p}`);
    return out;
}
/**
 * What bdist_wheel writes for a tree without native code: `py3-none-any` (`py2-none-any` on
 * Python 2; `py2.py3` only when the project says `universal`, which a tree cannot tell).
 */
function pureTag(probe) {
    return { interpreter: `py${probe.version[0]}`, abi: 'none', platform: 'any' };
}
/** A pure wheel (platform `any`) installs into purelib; everything else is platlib. */
function isPureTag(tag) {
    return tag.platform.split('.').every((p) => p === 'any');
}
/**
 * Whether the probed interpreter would plausibly accept the tag. Used only to warn about a
 * `wheel-tag` override; pip's own install during verification is the real judge.
 */
function tagMatchesProbe(tag, probe) {
    const own = tagFromProbe(probe);
    const [major, minor] = probe.version;
    const interpreters = new Set([own.interpreter, `py${major}`, `py${major}${minor}`]);
    if (probe.implementation === 'CPython')
        interpreters.add(`cp${major}`);
    const abis = new Set([own.abi, 'none']);
    if (major === 3)
        abis.add('abi3');
    const platforms = new Set([own.platform, 'any']);
    return (tag.interpreter.split('.').some((i) => interpreters.has(i)) &&
        tag.abi.split('.').some((a) => abis.has(a)) &&
        tag.platform
            .split('.')
            .some((p) => platforms.has(p) || p.endsWith(own.platform.replace(/^linux/, ''))));
}


/***/ }),

/***/ 27029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qj: () => (/* binding */ normalizeVersion),
/* harmony export */   lx: () => (/* binding */ stripPythonSpace),
/* harmony export */   ot: () => (/* binding */ parseVersion),
/* harmony export */   qh: () => (/* binding */ formatVersion)
/* harmony export */ });
/* unused harmony export stripZeros */
/* harmony import */ var _base_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15232);

// Python's `\s` (str.isspace): what `Version` ignores around a version.
const PY_SPACE = new Set('\t\n\v\f\r \x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005' +
    '\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000');
/** Strips what Python's `str.strip()` / regex `\s*` strip at both ends. */
function stripPythonSpace(text) {
    // charAt is "" past either end, which stops both loops; slice gives "" when they cross.
    let start = 0;
    while (PY_SPACE.has(text.charAt(start)))
        start++;
    let end = text.length;
    while (PY_SPACE.has(text.charAt(end - 1)))
        end--;
    return text.slice(start, end);
}
const PRE_LABELS = [
    ['alpha', 'a'],
    ['a', 'a'],
    ['beta', 'b'],
    ['b', 'b'],
    ['preview', 'rc'],
    ['pre', 'rc'],
    ['c', 'rc'],
    ['rc', 'rc'],
];
const POST_LABELS = ['post', 'rev', 'r'];
const LOCAL = /[a-z0-9]+(?:[._-][a-z0-9]+)*/iy;
/** Leading zeros stripped, "0" kept. */
function stripZeros(digits) {
    return digits.replace(/^0+(?=\d)/, '');
}
/**
 * A scanner over the version text that follows packaging's (possessive, greedy) regular
 * expression: each part is taken when present and never given back.
 */
class Scanner {
    text;
    at;
    constructor(text, at = 0) {
        this.text = text;
        this.at = at;
    }
    digits() {
        const match = /^[0-9]+/.exec(this.text.slice(this.at));
        if (!match)
            return undefined;
        this.at += match[0].length;
        return match[0];
    }
    /** Whether the rest of the text starts with what `pattern` matches. */
    lookingAt(pattern) {
        return pattern.test(this.text.slice(this.at));
    }
    /** Skips one of `[._-]`, when next. */
    separator() {
        const c = this.text[this.at];
        if (c === '.' || c === '_' || c === '-')
            this.at++;
    }
    /** An ASCII word, case-insensitively. */
    word(word) {
        // Of the non-ASCII letters only the Kelvin sign lowers to ASCII ("k"), in none of our words.
        if (this.text.slice(this.at, this.at + word.length).toLowerCase() !== word)
            return false;
        this.at += word.length;
        return true;
    }
}
/** Parses a PEP 440 version; `undefined` when it is not one. */
function parseVersion(raw) {
    const s = new Scanner(stripPythonSpace(raw));
    if (s.text[0] === 'v' || s.text[0] === 'V')
        s.at++;
    let epoch = '0';
    const epochStart = s.at;
    const epochDigits = s.digits();
    if (epochDigits !== undefined && s.text[s.at] === '!') {
        epoch = stripZeros(epochDigits);
        s.at++;
    }
    else {
        s.at = epochStart;
    }
    const first = s.digits();
    if (first === undefined)
        return undefined;
    const release = [stripZeros(first)];
    while (s.lookingAt(/^\.[0-9]/)) {
        s.at++;
        release.push(stripZeros(s.digits()));
    }
    const version = { epoch, release };
    // Pre-release: [._-]? label [._-]? digits?
    const preStart = s.at;
    s.separator();
    const pre = PRE_LABELS.find(([word]) => s.word(word));
    if (pre) {
        s.separator();
        version.pre = { label: pre[1], number: stripZeros(s.digits() ?? '0') };
    }
    else {
        s.at = preStart;
    }
    // Post-release: -digits, or [._-]? label [._-]? digits?
    const postStart = s.at;
    if (s.lookingAt(/^-[0-9]/)) {
        s.at++;
        version.post = stripZeros(s.digits());
    }
    else {
        s.separator();
        if (POST_LABELS.some((word) => s.word(word))) {
            s.separator();
            version.post = stripZeros(s.digits() ?? '0');
        }
        else {
            s.at = postStart;
        }
    }
    // Development release: [._-]? dev [._-]? digits?
    const devStart = s.at;
    s.separator();
    if (s.word('dev')) {
        s.separator();
        version.dev = stripZeros(s.digits() ?? '0');
    }
    else {
        s.at = devStart;
    }
    // Local version: + alnum ([._-] alnum)*
    if (s.text[s.at] === '+') {
        LOCAL.lastIndex = s.at + 1;
        const local = LOCAL.exec(s.text);
        if (local) {
            s.at += 1 + local[0].length;
            version.local = local[0]
                .toLowerCase()
                .split(/[._-]/)
                .map((part) => part.replace(/^0+(?=[0-9]+$)/, ''));
        }
    }
    return s.at === s.text.length ? version : undefined;
}
/** The normalized text: `str(packaging.version.Version(v))`. */
function formatVersion(version) {
    let text = version.release.join('.');
    if (version.epoch !== '0')
        text = `${version.epoch}!${text}`;
    if (version.pre)
        text += `${version.pre.label}${version.pre.number}`;
    if (version.post !== undefined)
        text += `.post${version.post}`;
    if (version.dev !== undefined)
        text += `.dev${version.dev}`;
    if (version.local)
        text += `+${version.local.join('.')}`;
    return text;
}
/**
 * Validates a PEP 440 version and returns its normalized form (`1.0-1` -> `1.0.post1`,
 * `1.0RC1` -> `1.0rc1`, `1.0.0+CU102_Torch` -> `1.0.0+cu102.torch`). A version pip would refuse
 * gets one error naming `input` with a suggestion.
 */
function normalizeVersion(raw, input = 'version') {
    const version = stripPythonSpace(raw);
    if (version === '') {
        throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('no version was given.', {
            input,
            fix: 'set `version` (e.g. 1.2.0), or run on a tag push (refs/tags/v1.2.0) to use the tag.',
        });
    }
    const parsed = parseVersion(version);
    if (parsed)
        return formatVersion(parsed);
    throw new _base_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`"${version}" is not a valid PEP 440 version.`, {
        input,
        fix: suggestion(version),
    });
}
function suggestion(version) {
    // The common mistake is a build label after a dash ("0.1.4-gpu"): PEP 440 calls that a local
    // version and writes it after a "+".
    const dash = version.indexOf('-');
    if (dash !== -1) {
        const local = `${version.slice(0, dash)}+${version.slice(dash + 1).replace(/[^A-Za-z0-9]+/g, '.')}`;
        const parsed = parseVersion(local);
        if (parsed)
            return `use "${formatVersion(parsed)}" (a local version label goes after "+").`;
    }
    return 'use a version like 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0+gpu (PEP 440).';
}


/***/ })

};
