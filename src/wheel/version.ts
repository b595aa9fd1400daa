import { InputError } from '../base/errors.js';

/**
 * PEP 440 versions, parsed and normalized exactly as `packaging.version.Version` does (the
 * reference the tests compare with), without Numbers: every number stays a digit string (leading
 * zeros stripped), so `1.0.dev20240301123045123` or a 260-digit segment survive unchanged.
 */
export interface ParsedVersion {
  /** Digit strings without leading zeros ("0" when absent). */
  epoch: string;
  release: string[];
  pre?: { label: 'a' | 'b' | 'rc'; number: string };
  post?: string;
  dev?: string;
  /** Lowercased parts; all-digit parts without leading zeros. */
  local?: string[];
}

// Python's `\s` (str.isspace): what `Version` ignores around a version.
const PY_SPACE = new Set(
  '\t\n\v\f\r \x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005' +
    '\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000',
);

/** Strips what Python's `str.strip()` / regex `\s*` strip at both ends. */
export function stripPythonSpace(text: string): string {
  // charAt is "" past either end, which stops both loops; slice gives "" when they cross.
  let start = 0;
  while (PY_SPACE.has(text.charAt(start))) start++;
  let end = text.length;
  while (PY_SPACE.has(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

const PRE_LABELS: readonly [string, 'a' | 'b' | 'rc'][] = [
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
export function stripZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}

/**
 * A scanner over the version text that follows packaging's (possessive, greedy) regular
 * expression: each part is taken when present and never given back.
 */
class Scanner {
  constructor(
    readonly text: string,
    public at = 0,
  ) {}

  digits(): string | undefined {
    const match = /^[0-9]+/.exec(this.text.slice(this.at));
    if (!match) return undefined;
    this.at += match[0].length;
    return match[0];
  }

  /** Whether the rest of the text starts with what `pattern` matches. */
  lookingAt(pattern: RegExp): boolean {
    return pattern.test(this.text.slice(this.at));
  }

  /** Skips one of `[._-]`, when next. */
  separator(): void {
    const c = this.text[this.at];
    if (c === '.' || c === '_' || c === '-') this.at++;
  }

  /** An ASCII word, case-insensitively. */
  word(word: string): boolean {
    // Of the non-ASCII letters only the Kelvin sign lowers to ASCII ("k"), in none of our words.
    if (this.text.slice(this.at, this.at + word.length).toLowerCase() !== word) return false;
    this.at += word.length;
    return true;
  }
}

/** Parses a PEP 440 version; `undefined` when it is not one. */
export function parseVersion(raw: string): ParsedVersion | undefined {
  const s = new Scanner(stripPythonSpace(raw));
  if (s.text[0] === 'v' || s.text[0] === 'V') s.at++;

  let epoch = '0';
  const epochStart = s.at;
  const epochDigits = s.digits();
  if (epochDigits !== undefined && s.text[s.at] === '!') {
    epoch = stripZeros(epochDigits);
    s.at++;
  } else {
    s.at = epochStart;
  }

  const first = s.digits();
  if (first === undefined) return undefined;
  const release = [stripZeros(first)];
  while (s.lookingAt(/^\.[0-9]/)) {
    s.at++;
    release.push(stripZeros(s.digits()!));
  }
  const version: ParsedVersion = { epoch, release };

  // Pre-release: [._-]? label [._-]? digits?
  const preStart = s.at;
  s.separator();
  const pre = PRE_LABELS.find(([word]) => s.word(word));
  if (pre) {
    s.separator();
    version.pre = { label: pre[1], number: stripZeros(s.digits() ?? '0') };
  } else {
    s.at = preStart;
  }

  // Post-release: -digits, or [._-]? label [._-]? digits?
  const postStart = s.at;
  if (s.lookingAt(/^-[0-9]/)) {
    s.at++;
    version.post = stripZeros(s.digits()!);
  } else {
    s.separator();
    if (POST_LABELS.some((word) => s.word(word))) {
      s.separator();
      version.post = stripZeros(s.digits() ?? '0');
    } else {
      s.at = postStart;
    }
  }

  // Development release: [._-]? dev [._-]? digits?
  const devStart = s.at;
  s.separator();
  if (s.word('dev')) {
    s.separator();
    version.dev = stripZeros(s.digits() ?? '0');
  } else {
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
export function formatVersion(version: ParsedVersion): string {
  let text = version.release.join('.');
  if (version.epoch !== '0') text = `${version.epoch}!${text}`;
  if (version.pre) text += `${version.pre.label}${version.pre.number}`;
  if (version.post !== undefined) text += `.post${version.post}`;
  if (version.dev !== undefined) text += `.dev${version.dev}`;
  if (version.local) text += `+${version.local.join('.')}`;
  return text;
}

/**
 * Validates a PEP 440 version and returns its normalized form (`1.0-1` -> `1.0.post1`,
 * `1.0RC1` -> `1.0rc1`, `1.0.0+CU102_Torch` -> `1.0.0+cu102.torch`). A version pip would refuse
 * gets one error naming `input` with a suggestion.
 */
export function normalizeVersion(raw: string, input = 'version'): string {
  const version = stripPythonSpace(raw);
  if (version === '') {
    throw new InputError('no version was given.', {
      input,
      fix: 'set `version` (e.g. 1.2.0), or run on a tag push (refs/tags/v1.2.0) to use the tag.',
    });
  }
  const parsed = parseVersion(version);
  if (parsed) return formatVersion(parsed);
  throw new InputError(`"${version}" is not a valid PEP 440 version.`, {
    input,
    fix: suggestion(version),
  });
}

function suggestion(version: string): string {
  // The common mistake is a build label after a dash ("0.1.4-gpu"): PEP 440 calls that a local
  // version and writes it after a "+".
  const dash = version.indexOf('-');
  if (dash !== -1) {
    const local = `${version.slice(0, dash)}+${version.slice(dash + 1).replace(/[^A-Za-z0-9]+/g, '.')}`;
    const parsed = parseVersion(local);
    if (parsed) return `use "${formatVersion(parsed)}" (a local version label goes after "+").`;
  }
  return 'use a version like 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0+gpu (PEP 440).';
}
