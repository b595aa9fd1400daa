import { InputError } from '../base/errors.js';
import { formatVersion, parseVersion, stripPythonSpace } from './version.js';

/**
 * PEP 508 dependency specifiers (`requires` lines), parsed with the grammar and tokens of
 * `packaging.requirements.Requirement` (the reference the tests compare with) and written back in
 * its canonical form (`str(Requirement(line))`), which is what METADATA's Requires-Dist carries.
 *
 * Deliberately stricter than packaging, because a line it accepts could still break or change
 * meaning at install time:
 * - a quoted marker value with a backslash or a control character (packaging unescapes it as a
 *   Python literal, older pips read it verbatim);
 * - the lock-file markers `extras` and `dependency_groups` (PEP 751: not for Requires-Dist);
 * - a direct URL without a scheme (`name @ ./path`): pip cannot install it from an index.
 *
 * And the canonical form keeps the parentheses packaging 26.2 loses (see `formatMarker`).
 */

export interface MarkerOperand {
  kind: 'variable' | 'string';
  value: string;
}

export interface MarkerItem {
  left: MarkerOperand;
  op: string;
  right: MarkerOperand;
}

/** `[atom, 'and' | 'or', atom, ...]`, an atom being an item or a parenthesized expression. */
export type MarkerExpression = (MarkerItem | MarkerExpression | 'and' | 'or')[];

export interface Requirement {
  name: string;
  /** In the order written (the canonical form sorts them). */
  extras: string[];
  /** `>=1.0`, `==1.*`, `===foo`...: operator and version, without spaces. */
  specifiers: string[];
  url?: string;
  marker?: MarkerExpression;
}

/** A line that is not a PEP 508 requirement: what was expected, and where (0-based). */
export class RequirementSyntaxError extends Error {
  constructor(
    readonly why: string,
    readonly position: number,
  ) {
    super(why);
  }
}

// Python's `\s` and `\w` (str.isspace, str.isalnum or "_"), which packaging's expressions use.
const SPACE =
  '\\t\\n\\v\\f\\r \\x1c-\\x1f\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WORD = '[\\p{L}\\p{N}_]';

const PRE = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?';
const POST = '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?';
const DEV = '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
const RELEASE = 'v?(?:[0-9]+!)?[0-9]+';
/** packaging's `Specifier._specifier_regex_str`, operator by operator. */
const SPECIFIER =
  `===[${SPACE}]*[^${SPACE};)]*` +
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
  VARIABLE: new RegExp(
    `(?<!${WORD})(?:python_version|python_full_version|os[._]name|sys[._]platform` +
      `|platform_(?:release|system)|platform[._](?:version|machine|python_implementation)` +
      `|python_implementation|implementation_(?:name|version)|extras?|dependency_groups)(?!${WORD})`,
    'uy',
  ),
  SPECIFIER: new RegExp(SPECIFIER, 'iy'),
  URL: /[^ \t]+/y,
  IDENTIFIER: new RegExp(
    `(?<!${WORD})[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9_])?(?!${WORD})`,
    'uy',
  ),
  VERSION_PREFIX_TRAIL: /\.\*/y,
  VERSION_LOCAL_LABEL_TRAIL: /\+[a-z0-9]+(?:[-_.][a-z0-9]+)*/y,
} as const;
type TokenName = keyof typeof TOKENS;

/** A full `Specifier`: what `SpecifierSet` accepts for each comma-separated part. */
const FULL_SPECIFIER = new RegExp(`^[${SPACE}]*(?:${SPECIFIER})[${SPACE}]*$`, 'i');

/** Deeper parentheses than any real marker: refused before the parser runs out of stack. */
export const MAX_MARKER_DEPTH = 100;

class Tokenizer {
  position = 0;
  depth = 0;
  constructor(readonly source: string) {}

  /** The text of the token `name` if it is next (and moves past it), else undefined. */
  take(name: TokenName): string | undefined {
    const rule = TOKENS[name];
    rule.lastIndex = this.position;
    const match = rule.exec(this.source);
    if (match === null) return undefined;
    this.position += match[0].length;
    return match[0];
  }

  peek(name: TokenName): boolean {
    const rule = TOKENS[name];
    rule.lastIndex = this.position;
    return rule.test(this.source);
  }

  /** Python's `$`: the end, or before a newline that ends the text. */
  atEnd(): boolean {
    const rest = this.source.length - this.position;
    return rest === 0 || (rest === 1 && this.source[this.position] === '\n');
  }

  skipSpace(): void {
    this.take('WS');
  }

  fail(why: string, position = this.position): never {
    throw new RequirementSyntaxError(why, position);
  }
}

/** Parses one requirement line; throws a RequirementSyntaxError saying what was expected. */
export function parseRequirement(source: string): Requirement {
  const t = new Tokenizer(source);
  t.skipSpace();
  const name = t.take('IDENTIFIER') ?? t.fail('it must start with a project name');
  t.skipSpace();
  const requirement: Requirement = { name, extras: parseExtras(t), specifiers: [] };
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
  } else {
    requirement.specifiers = parseSpecifier(t);
    t.skipSpace();
    if (!t.atEnd()) {
      requirement.marker = parseRequirementMarker(
        t,
        requirement.specifiers.length
          ? 'expected "," or ";" after the version specifier'
          : 'expected a version specifier or ";" after the name',
      );
    }
  }
  if (!t.atEnd()) t.fail('expected the end of the requirement');
  return requirement;
}

function parseExtras(t: Tokenizer): string[] {
  if (t.source[t.position] !== '[') return [];
  const open = t.position;
  t.position++;
  t.skipSpace();
  const extras: string[] = [];
  const first = t.take('IDENTIFIER');
  if (first !== undefined) {
    extras.push(first);
    for (;;) {
      t.skipSpace();
      if (t.peek('IDENTIFIER')) t.fail('expected a comma between extra names');
      if (t.source[t.position] !== ',') break;
      t.position++;
      t.skipSpace();
      extras.push(t.take('IDENTIFIER') ?? t.fail('expected an extra name after ","'));
    }
  }
  if (t.source[t.position] !== ']') t.fail('the extras are not closed with "]"', open);
  t.position++;
  return extras;
}

function parseSpecifier(t: Tokenizer): string[] {
  const open = t.source[t.position] === '(' ? t.position : undefined;
  if (open !== undefined) t.position++;
  t.skipSpace();
  const textStart = t.position;
  let text = '';
  for (;;) {
    const start = t.position;
    const specifier = t.take('SPECIFIER');
    if (specifier === undefined) break;
    text += specifier;
    if (t.peek('VERSION_PREFIX_TRAIL')) t.fail('".*" can only follow == or !=', start);
    if (t.peek('VERSION_LOCAL_LABEL_TRAIL')) {
      t.fail('a local version label ("+...") can only follow == or !=', start);
    }
    t.skipSpace();
    if (t.source[t.position] !== ',') break;
    text += ',';
    t.position++;
    t.skipSpace();
  }
  if (open !== undefined) {
    if (t.source[t.position] !== ')') t.fail('the version specifier is not closed with ")"', open);
    t.position++;
  }
  // SpecifierSet: the comma-separated parts, each a full Specifier (`===a,b` is two parts).
  return text
    .split(',')
    .map(stripPythonSpace)
    .filter((part) => part !== '')
    .map((part) => {
      if (!FULL_SPECIFIER.test(part)) t.fail(`"${part}" is not a version specifier`, textStart);
      const op = operatorOf(part);
      return op + stripPythonSpace(part.slice(op.length));
    });
}

function parseRequirementMarker(t: Tokenizer, expected: string): MarkerExpression {
  if (t.source[t.position] !== ';') t.fail(expected);
  t.position++;
  return parseMarker(t);
}

function parseMarker(t: Tokenizer): MarkerExpression {
  const expression: MarkerExpression = [parseMarkerAtom(t)];
  for (;;) {
    const op = t.take('BOOLOP');
    if (op === undefined) return expression;
    expression.push(op as 'and' | 'or', parseMarkerAtom(t));
  }
}

function parseMarkerAtom(t: Tokenizer): MarkerItem | MarkerExpression {
  t.skipSpace();
  let atom: MarkerItem | MarkerExpression;
  if (t.source[t.position] === '(') {
    const open = t.position;
    if (++t.depth > MAX_MARKER_DEPTH) {
      t.fail(`the marker nests parentheses more than ${MAX_MARKER_DEPTH} deep`);
    }
    t.position++;
    atom = parseMarker(t);
    t.depth--;
    if (t.source[t.position] !== ')') t.fail('the marker is not closed with ")"', open);
    t.position++;
  } else {
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

function parseMarkerOperand(t: Tokenizer): MarkerOperand {
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

function parseMarkerOp(t: Tokenizer): string {
  if (t.take('IN') !== undefined) return 'in';
  if (t.take('NOT') !== undefined) {
    if (t.take('WS') === undefined || t.take('IN') === undefined)
      t.fail('expected " in" after "not"');
    return 'not in';
  }
  return (
    t.take('OP') ??
    t.fail('expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in or not in)')
  );
}

/** packaging's `canonicalize_name` (PEP 503). */
export function canonicalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Python's order of strings: by code point (JavaScript compares UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

const OPERATORS = ['===', '~=', '==', '!=', '<=', '>=', '<', '>'];

/** The operator a (valid) specifier starts with. */
function operatorOf(specifier: string): string {
  return OPERATORS.find((op) => specifier.startsWith(op))!;
}

/** What makes two specifiers equal for SpecifierSet (`>=1.0` and `>=1.0.0` are one). */
function specifierKey(specifier: string): string {
  const op = operatorOf(specifier);
  const version = specifier.slice(op.length);
  if (op === '===' || version.endsWith('.*')) return specifier;
  const parsed = parseVersion(version)!;
  // Trailing zeros do not count, except for ~= (where they say how much may change).
  const release = parsed.release.join('.');
  const kept = op === '~=' ? release : release.replace(/(?:\.0)+$/, '');
  return op + formatVersion({ ...parsed, release: [kept] });
}

function formatOperand(operand: MarkerOperand): string {
  if (operand.kind !== 'string') return operand.value;
  // packaging writes "..." even around a value holding a double quote; that line would not parse.
  return operand.value.includes('"') ? `'${operand.value}'` : `"${operand.value}"`;
}

/**
 * packaging's `_format_marker`: redundant parentheses dropped, one space around operators. Unlike
 * packaging 26.2 it keeps the parentheses of a doubly parenthesized group: packaging writes
 * `a and ((b or c))` as `a and b or c`, which means `(a and b) or c`.
 */
export function formatMarker(marker: MarkerExpression | MarkerItem | string, first = true): string {
  if (typeof marker === 'string') return marker;
  if (!Array.isArray(marker)) {
    return `${formatOperand(marker.left)} ${marker.op} ${formatOperand(marker.right)}`;
  }
  if (marker.length === 1) return formatMarker(marker[0]!, first);
  const inner = marker.map((m) => formatMarker(m, false)).join(' ');
  return first ? inner : `(${inner})`;
}

/** packaging normalizes the extra names compared with `extra`, in the top-level items only. */
function normalizeExtras(marker: MarkerExpression): MarkerExpression {
  return marker.map((atom) => {
    if (typeof atom === 'string' || Array.isArray(atom)) return atom;
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
export function formatRequirement(requirement: Requirement): string {
  let text = requirement.name;
  const extras = [...new Set(requirement.extras)].sort(byCodePoint);
  if (extras.length) text += `[${extras.join(',')}]`;
  const seen = new Set<string>();
  const specifiers = [...requirement.specifiers].sort(byCodePoint).filter((specifier) => {
    const key = specifierKey(specifier);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  text += specifiers.join(',');
  if (requirement.url !== undefined) {
    text += ` @ ${requirement.url}`;
    if (requirement.marker) text += ' ';
  }
  if (requirement.marker) text += `; ${formatMarker(normalizeExtras(requirement.marker))}`;
  return text;
}

/**
 * Checks one `requires` line against PEP 508 (name, extras, version specifiers or `@ URL`, and an
 * optional `; marker`) and returns its canonical form for Requires-Dist. pip installs a wheel with
 * `--no-deps` whatever its Requires-Dist says, so verification cannot catch a malformed one; the
 * algorithm's own install would then fail.
 */
export function validateRequirement(raw: string, input = 'requires'): string {
  try {
    return formatRequirement(parseRequirement(raw));
  } catch (error) {
    if (!(error instanceof RequirementSyntaxError)) throw error;
    throw new InputError(
      `"${raw}" is not a valid requirement: ${error.why} (at character ${error.position + 1}).`,
      {
        input,
        fix: 'write one PEP 508 requirement per line, e.g. `numpy>=1.11` or `requests[socks]>=2,<3; python_version >= "3"`.',
      },
    );
  }
}
