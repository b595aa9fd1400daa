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
export const MIN_SECRET_LENGTH = 6;

/** Variables that hold credentials whatever their value looks like (but for its length). */
export const SECRET_VARIABLES: readonly string[] = [
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
export const SECRET_NAME_PARTS: readonly string[] = [
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
const NOT_SECRET =
  /^(?:true|false|yes|no|on|off|none|null|nil|undefined|enabled?|disabled?|required|optional|unset|empty|\d{1,9})$/i;

/** True when a variable of this name holds a credential. */
export function isSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  return SECRET_VARIABLES.includes(upper) || SECRET_NAME_PARTS.some((part) => upper.includes(part));
}

/**
 * The pieces of a value that must be masked: each line on its own (the runner masks line by
 * line, and a multi-line key is printed line by line), trimmed, long enough, and not a setting.
 */
export function secretPieces(value: string): string[] {
  const pieces = new Set<string>();
  for (const line of value.split(/\r\n|\r|\n/)) {
    const piece = line.trim();
    if (piece.length >= MIN_SECRET_LENGTH && !NOT_SECRET.test(piece)) pieces.add(piece);
  }
  return [...pieces];
}

/** `scheme://user:password@host`: the password of a URL with credentials. */
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/gi;
/**
 * `NAME=value` lines (the `env` input, dotenv-style values). The value runs to the end of the
 * line: lines are split on every break `.` stops at, so no `$` is needed (one made a CRLF line
 * `TOKEN=value\r` match nothing, and its value went unmasked).
 */
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)/;
/** Every line break `.` stops at: LF, CR (CRLF leaves an empty line between), U+2028/2029. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Every credential in an environment: values of credential-like variables, passwords of URLs
 * with credentials (PIP_INDEX_URL, HTTPS_PROXY...), and `NAME=value` lines with a
 * credential-like NAME inside any value (the `env` input arrives as INPUT_ENV).
 */
export function secretsInEnvironment(env: Readonly<Record<string, string | undefined>>): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (isSecretName(name)) for (const piece of secretPieces(value)) found.add(piece);
    for (const match of value.matchAll(URL_PASSWORD)) {
      for (const piece of secretPieces(decodeURIComponentSafe(match[1]!))) found.add(piece);
      for (const piece of secretPieces(match[1]!)) found.add(piece);
    }
    for (const line of value.split(LINE_BREAK)) {
      const assignment = ASSIGNMENT.exec(line);
      if (assignment && isSecretName(assignment[1]!)) {
        const raw = assignment[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
        for (const piece of secretPieces(raw)) found.add(piece);
      }
    }
  }
  return [...found];
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const REDACTED = '***';

/**
 * Replaces every known secret with `***`. One object per run, made by the entry point; `add`
 * takes values learned later. Longest secrets are replaced first, so a secret that contains
 * another is not left half visible.
 */
export class Redactor {
  private secrets: string[] = [];
  /** The secrets and the forms they take in what we write (JSON, HTML, URLs), longest first. */
  private forms: string[] = [];

  constructor(values: Iterable<string> = []) {
    for (const value of values) this.add(value);
  }

  static fromEnvironment(env: Readonly<Record<string, string | undefined>>): Redactor {
    return new Redactor(secretsInEnvironment(env));
  }

  /** Adds a value (each of its lines); returns the pieces that were new. */
  add(value: string): string[] {
    const added = secretPieces(value).filter((piece) => !this.secrets.includes(piece));
    if (added.length) {
      this.secrets = [...this.secrets, ...added].sort((a, b) => b.length - a.length);
      const forms = new Set(this.forms);
      for (const piece of added) for (const form of encodedForms(piece)) forms.add(form);
      this.forms = [...forms].sort((a, b) => b.length - a.length);
    }
    return added;
  }

  /** The registered pieces, longest first. */
  get values(): readonly string[] {
    return this.secrets;
  }

  /** The longest registered form's length (0 when none): what a stream must hold back. */
  get longest(): number {
    return this.forms[0]?.length ?? 0;
  }

  /**
   * The text with every secret replaced, also where it appears escaped as JSON, HTML or
   * Markdown, or percent-encoded: a receipt, a summary or a page holds it in those forms.
   */
  redact(text: string): string {
    let result = text;
    for (const secret of this.forms) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }

  /**
   * Length of the end of `text` that could be the start of a secret cut off by a chunk
   * boundary (0 when none): a stream writes everything before it and keeps that tail.
   */
  unsafeTail(text: string): number {
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
export function encodedForms(secret: string): string[] {
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
export const AWS_ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;
/** The signature of an Azure SAS URL (`...&sig=...`), the part after `sig=`. */
export const SAS_SIGNATURE = /(?<=[?&]sig=)[^&\s"']+/gi;

/**
 * A text with the given secrets (as a Redactor takes them) and every match of `shapes` replaced
 * by `***`: the one redaction for a message that leaves a module (an SDK's error, a client's
 * failure) before the run's Redactor sees it.
 */
export function redactText(
  text: string,
  secrets: Iterable<string | undefined>,
  shapes: readonly RegExp[] = [],
): string {
  const known = [...secrets].filter((secret): secret is string => secret !== undefined);
  let result = new Redactor(known).redact(text);
  for (const shape of shapes) result = result.replace(shape, REDACTED);
  return result;
}
