import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import {
  canonicalizeName,
  formatMarker,
  formatRequirement,
  MAX_MARKER_DEPTH,
  parseRequirement,
  RequirementSyntaxError,
  validateRequirement,
} from '../../src/wheel/requirement.js';
import { askPackaging } from '../helpers/packaging-oracle.js';
import { thrownInputError } from '../helpers/input-error.js';

const FIX =
  'write one PEP 508 requirement per line, e.g. `numpy>=1.11` or `requests[socks]>=2,<3; python_version >= "3"`.';

function refusal(text: string, input?: string): InputError {
  return thrownInputError(
    () => validateRequirement(text, input),
    `${JSON.stringify(text)} was accepted`,
  );
}

const NAMES = [
  'numpy',
  'Django',
  'zope.interface',
  'foo_bar',
  'foo-bar',
  'a',
  '1foo',
  'foo_',
  'foo-',
  'foo.',
  '-foo',
  '_foo',
  'föo',
  'foo bar',
  'foo!',
  'Foo.Bar-Baz_9',
];
const EXTRAS = [
  '',
  '[]',
  '[ ]',
  '[socks]',
  '[socks,security]',
  '[ b , a ]',
  '[a,a]',
  '[Security_X]',
  '[a b]',
  '[a,]',
  '[,a]',
  '[a',
  'a]',
  '[a-]',
  '[a.b-c_d]',
  ' [x]',
  '[x] ',
];
const SPECS = [
  '',
  '>=1.0',
  ' >= 1.0 ',
  '(>=1.0)',
  '( >=1.0 , <2 )',
  '==1.*',
  '==1.0.*',
  '!=1.0.*',
  '>=1.0.*',
  '~=1',
  '~=1.0',
  '~=1.0.*',
  '===1.0',
  '===foo',
  '===',
  '==1.0+local',
  '>=1.0+local',
  '<2,>=1',
  '>=1.0,>=1.0.0',
  '>=1.0,>=1',
  '~=1.0,~=1.0.0',
  '==v1.0',
  '== 1.0a1',
  '>=1.0.post1.dev2',
  '>1!2.0',
  '<=1.0-1',
  '==1.0.0.0',
  '>= 1.0,',
  ',>=1',
  '>=1.0 <2',
  '>=1.0,,<2',
  '=1.0',
  '>>1.0',
  '>=',
  '>=x',
  '>= 1.0 (',
  '(>=1.0',
  '>=1.0)',
  '==1.0.*.*',
  '=== a,b',
  '~=1.0,!=1.5',
  '<2 , > 1',
  '==1.0+LOCAL',
  '>=1.0a',
  '1.0',
  '()',
  '( )',
  '==\u00a01.0',
  '>=V1.0RC1',
  '<1.0.DEV',
  '==1.0-post',
  '>=1.0\t,\t<2',
  '===\u00e9t\u00e9',
  '==1.0+a.b_c-d',
  '!=1.0+',
  '~=1.0+local',
  '<=1.0.*',
];
const MARKERS = [
  '',
  '; python_version >= "3"',
  ';python_version>="3"',
  "; python_version < '3.4'",
  '; python_version >>> "3"',
  '; this is free text',
  ';',
  '; ',
  '; os.name == "posix"',
  '; os_name == "nt" and sys_platform != "win32"',
  '; (python_version < "3" or os_name == "nt") and extra == "Test_X"',
  '; extra == "Test_X"',
  '; (extra == "Test_X")',
  '; "Test_X" == extra',
  '; "linux" in sys_platform',
  '; "linux" not in sys_platform',
  '; "linux" notin sys_platform',
  '; "linux" not  in sys_platform',
  '; python_version in "3.6 3.7"',
  '; platform.python_implementation == "CPython"',
  '; python_implementation == "PyPy"',
  '; implementation_name == "cpython"',
  '; platform_release >= "5"',
  '; platform_system == "Linux"',
  '; platform_machine == "x86_64"',
  '; platform.version == "1"',
  '; platform.machine == "arm64"',
  '; sys.platform == "linux"',
  '; implementation_version > "3"',
  '; python_full_version ~= "3.8.0"',
  '; python_version === "3.8"',
  '; python_version == "3" and',
  '; (python_version == "3"',
  '; python_version == "3")',
  '; python_version == 3',
  '; unknown_var == "3"',
  '; python_version = "3"',
  '; ((python_version == "3"))',
  '; (python_version == "3") and (os_name == "nt" or (sys_platform == "linux"))',
  '; extras == "x"',
  '; dependency_groups == "x"',
  '; python_version == "a\\b"',
  `; python_version == 'a"b'`,
  `; python_version == "a'b"`,
  '; python_version == "a\tb"',
  '; python_version=="3"and os_name=="nt"',
  '; python_version=="3"or(os_name=="nt")',
  '; python_version == "3" and os_name == "nt" or sys_platform == "x"',
  '; python_version  ==  "3"   and   os_name=="nt"  ',
  '; python_versionx == "3"',
  '; python_version == "3" AND os_name == "nt"',
  '; "3" == "3"',
  '; python_version == ""',
  '; python_version == "3" # comment',
  '; python_version == "3";',
  '; python_version <> "3"',
  '; python_version != "3" or',
  '; (  )',
  '; extra == "a.b__c"',
  '; python_version\t==\t"3"',
  '; python_version == "\u00e9"',
  '; python_version == "3"\n',
  '\n',
  '; os_name == "nt" and (extra == "X_Y")',
];
const URLS = [
  ' @ https://example.com/foo-1.0-py3-none-any.whl',
  '@https://x.org/a.whl',
  ' @ git+https://github.com/a/b.git@v1.0#egg=foo',
  ' @ file:///tmp/foo.whl',
  ' @ not-a-url',
  ' @ ./local',
  ' @ ',
  '@',
  ' @ https://x.org/a.whl ; python_version >= "3"',
  ' @ https://x.org/a.whl; python_version >= "3"',
  ' @ https://x.org/a.whl ;python_version>="3"',
  ' @ https://x.org/a.whl foo',
  ' @ https://x.org/a.whl ',
  ' >=1.0 @ https://x.org',
  ' @ C:\\x.whl',
  ' @ https://x.org/a b',
  ' @\thttps://x.org/a.whl',
];

/** The corpus: each part of the grammar varied against the others, plus whole lines. */
function corpus(): string[] {
  const out: string[] = [];
  for (const name of NAMES) for (const extra of EXTRAS) out.push(`${name}${extra}>=1`);
  for (const spec of SPECS) out.push(`foo${spec}`, `foo ${spec}`, `foo[x]${spec}; os_name == "nt"`);
  for (const marker of MARKERS) out.push(`foo>=1${marker}`, `foo${marker}`, `foo[x] ${marker}`);
  for (const url of URLS) out.push(`foo${url}`, `foo[bar]${url}`);
  out.push(
    'numpy',
    ' numpy >= 1.11 ',
    'six (>=1.10)',
    'requests[socks,security]>=2,<3; python_version >= "3"',
    'enum34; python_version < "3.4"',
    'foo @ https://example.com/foo-1.0-py3-none-any.whl',
    'Django~=2.2,!=2.2.1',
    'pkg==1.0.*',
    'name[quux, strange];python_version<"2.7" and platform_version=="2"',
    'name; os_name=="a" or os_name=="b"',
    'name; os_name=="a" and os_name=="b" or os_name=="c"',
    'name; os_name=="a" and (os_name=="b" or os_name=="c")',
    'name; os_name=="a" or (os_name=="b" and os_name=="c")',
    'name @ http://foo.com',
    ...CANONICAL_DIFFERENCES.map((d) => d.line),
    '',
    ' ',
    ';',
    '>=1.0',
    '[extra]',
    'numpy>=',
    'numpy 1.0',
    'foo[bar',
    'foo[bad name]>=1',
    'numpy>=1.0;',
  );
  return out;
}

type Reference = { str: string; roundtrip: boolean } | null;

// Lines packaging accepts that we refuse on purpose (see src/wheel/requirement.ts).
const DELIBERATELY_REFUSED = [
  'foo>=1; extras == "x"',
  'foo; extras == "x"',
  'foo[x] ; extras == "x"',
  'foo>=1; dependency_groups == "x"',
  'foo; dependency_groups == "x"',
  'foo[x] ; dependency_groups == "x"',
  'foo>=1; python_version == "a\\b"',
  'foo; python_version == "a\\b"',
  'foo[x] ; python_version == "a\\b"',
  'foo>=1; python_version == "a\tb"',
  'foo; python_version == "a\tb"',
  'foo[x] ; python_version == "a\tb"',
  'foo @ not-a-url',
  'foo[bar] @ not-a-url',
  'foo @ ./local',
  'foo[bar] @ ./local',
];

// Lines whose canonical form differs from packaging's: packaging 26.2 drops the parentheses of a
// doubly parenthesized group, which changes what the marker means.
const CANONICAL_DIFFERENCES = [
  {
    line: 'name; os_name=="a" and ((os_name=="b" or os_name=="c"))',
    ours: 'name; os_name == "a" and (os_name == "b" or os_name == "c")',
    packaging: 'name; os_name == "a" and os_name == "b" or os_name == "c"',
  },
  {
    line: 'name; ((os_name=="a" or os_name=="b")) and os_name=="c"',
    ours: 'name; (os_name == "a" or os_name == "b") and os_name == "c"',
    packaging: 'name; os_name == "a" or os_name == "b" and os_name == "c"',
  },
];

describe('PEP 508 requirements against packaging.requirements.Requirement', () => {
  const lines = corpus();
  const reference = askPackaging<Reference[]>(
    [
      'import json, sys',
      'from packaging.requirements import Requirement',
      'out = []',
      'for line in json.load(sys.stdin):',
      '    try:',
      '        text = str(Requirement(line))',
      '    except Exception:',
      '        out.append(None)',
      '        continue',
      '    try:',
      '        roundtrip = str(Requirement(text)) == text',
      '    except Exception:',
      '        roundtrip = False',
      "    out.append({'str': text, 'roundtrip': roundtrip})",
      'print(json.dumps(out))',
    ].join('\n'),
    lines,
  );
  // Ours are computed in the first test that needs them, not while the file loads: an
  // unexpected error then fails those tests instead of the whole file (which mutation testing
  // would count as no test at all).
  let oursOnce: (string | null)[] | undefined;
  const ours = (): (string | null)[] =>
    (oursOnce ??= lines.map((line) => {
      try {
        return validateRequirement(line);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        return null;
      }
    }));

  it('has a corpus of hundreds of lines, valid and invalid', () => {
    expect(lines.length).toBeGreaterThanOrEqual(500);
    expect(reference.filter((r) => r !== null).length).toBeGreaterThanOrEqual(200);
    expect(reference.filter((r) => r === null).length).toBeGreaterThanOrEqual(200);
    const valid = reference.filter((r) => r !== null).length;
    console.log(`requirements compared with packaging: ${lines.length} (${valid} valid)`);
  });

  it('accepts and refuses the same lines, but for the deliberate refusals', () => {
    const differences = lines.filter((_, i) => (ours()[i] === null) !== (reference[i] === null));
    expect(differences).toEqual(DELIBERATELY_REFUSED);
    expect(DELIBERATELY_REFUSED.every((line) => reference[lines.indexOf(line)] !== null)).toBe(
      true,
    );
  });

  it('writes the canonical form packaging writes, wherever that form parses again', () => {
    const compared = lines.flatMap((line, i) => {
      const r = reference[i];
      return r && r.roundtrip && ours()[i] !== null
        ? [{ line, ours: ours()[i], packaging: r.str }]
        : [];
    });
    expect(compared.length).toBeGreaterThanOrEqual(200);
    expect(compared.filter((c) => c.ours !== c.packaging)).toEqual(CANONICAL_DIFFERENCES);
  });

  it('keeps the meaning where packaging loses it (its own evaluation shows the change)', () => {
    const meanings = askPackaging<boolean[][]>(
      [
        'import json, sys',
        'from packaging.markers import Marker',
        'print(json.dumps([[Marker(m.split("; ", 1)[1]).evaluate({"os_name": os}) for m in lines]',
        '    for os, lines in json.load(sys.stdin)]))',
      ].join('\n'),
      CANONICAL_DIFFERENCES.map((d, i) => [i === 0 ? 'c' : 'a', [d.line, d.ours, d.packaging]]),
    );
    // Written, read and ours agree; packaging's own text says the opposite in this environment.
    expect(meanings).toEqual([
      [false, false, true],
      [false, false, true],
    ]);
  });

  it('writes a value holding a double quote between single quotes, which parses again', () => {
    const line = `foo; python_version == 'a"b'`;
    expect(reference[lines.indexOf(line)]).toEqual({
      str: 'foo; python_version == "a"b"',
      roundtrip: false,
    });
    expect(validateRequirement(line)).toBe(`foo; python_version == 'a"b'`);
  });
});

describe('validateRequirement', () => {
  it.each([
    ['numpy', 'numpy'],
    [' numpy >= 1.11 ', 'numpy>=1.11'],
    ['six (>=1.10)', 'six>=1.10'],
    ['pkg==1.0.*', 'pkg==1.0.*'],
    ['Django~=2.2,!=2.2.1', 'Django!=2.2.1,~=2.2'],
    [
      'requests[socks,security]>=2,<3; python_version >= "3"',
      'requests[security,socks]<3,>=2; python_version >= "3"',
    ],
    ["enum34; python_version < '3.4'", 'enum34; python_version < "3.4"'],
    ['foo @ https://x.org/foo.whl', 'foo @ https://x.org/foo.whl'],
    ['foo@https://x.org/f.whl ;os_name=="nt"', 'foo @ https://x.org/f.whl ; os_name == "nt"'],
    ['foo>=1.0,>=1.0.0,>=1', 'foo>=1'],
    ['foo~=1.0,~=1.0.0', 'foo~=1.0,~=1.0.0'],
    ['foo===1.0,===1.0', 'foo===1.0'],
    ['foo==1.*,==1.0.*', 'foo==1.*,==1.0.*'],
    ['foo[b,a,b]', 'foo[a,b]'],
    ['foo[]', 'foo'],
    ['foo ()', 'foo'],
    ['foo; os.name == "posix"', 'foo; os_name == "posix"'],
    ['foo; python_implementation == "PyPy"', 'foo; platform_python_implementation == "PyPy"'],
    ['foo; "linux" not  in sys_platform', 'foo; "linux" not in sys_platform'],
    ['foo; extra == "Test_X.y"', 'foo; extra == "test-x-y"'],
    ['foo; "Test_X" == extra', 'foo; "test-x" == extra'],
    ['foo; (extra == "Test_X")', 'foo; extra == "Test_X"'],
    [
      'foo; ((os_name == "a")) and ((os_name == "b" or os_name == "c"))',
      'foo; os_name == "a" and (os_name == "b" or os_name == "c")',
    ],
    ['foo; python_version == "3"\n', 'foo; python_version == "3"'],
    ['foo\t>=1\t', 'foo>=1'],
    ['foo>=1,>=1.5,>=1.0.5', 'foo>=1,>=1.0.5,>=1.5'],
    ['foo>=0.0,>=0', 'foo>=0'],
    ['foo>=1.0.5,>=10.5', 'foo>=1.0.5,>=10.5'],
    ['foo; os_name == "A_B"', 'foo; os_name == "A_B"'],
    ['foo; "A_B" == os_name', 'foo; "A_B" == os_name'],
    ['foo; "extra" == os_name', 'foo; "extra" == os_name'],
    ['foo; os_name == "extra"', 'foo; os_name == "extra"'],
    ['foo; extra == extra', 'foo; extra == "extra"'],
  ])('%j is written %j', (text, canonical) => {
    expect(validateRequirement(text)).toBe(canonical);
  });

  it.each([
    ['', 'it must start with a project name', 1],
    ['>=1.0', 'it must start with a project name', 1],
    ['numpy>=', 'expected a version specifier or ";" after the name', 6],
    ['numpy 1.0', 'expected a version specifier or ";" after the name', 7],
    ['numpy>=1.0 <2', 'expected "," or ";" after the version specifier', 12],
    ['foo[bar', 'the extras are not closed with "]"', 4],
    ['foo[bad name]>=1', 'expected a comma between extra names', 9],
    ['foo[a,]', 'expected an extra name after ","', 7],
    ['foo>=1.0.*', '".*" can only follow == or !=', 4],
    ['foo>=1.0+local', 'a local version label ("+...") can only follow == or !=', 4],
    ['foo(>=1.0', 'the version specifier is not closed with ")"', 4],
    ['foo===a,b', '"b" is not a version specifier', 4],
    ['foo (  ===a,b)', '"b" is not a version specifier', 8],
    ['numpy>=1.0;', 'expected a marker variable (such as python_version) or a quoted string', 12],
    [
      'numpy; python_version >>> "3"',
      'expected a marker variable (such as python_version) or a quoted string',
      24,
    ],
    [
      'numpy; this is free text',
      'expected a marker variable (such as python_version) or a quoted string',
      8,
    ],
    [
      'numpy; python_version = "3"',
      'expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in or not in)',
      23,
    ],
    [
      'numpy; "a" notin "b"',
      'expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in or not in)',
      12,
    ],
    ['numpy; "a" not"b"', 'expected " in" after "not"', 15],
    ['numpy; "a" not out "b"', 'expected " in" after "not"', 16],
    ['numpy; (os_name == "nt"', 'the marker is not closed with ")"', 8],
    ['numpy; os_name == "nt")', 'expected the end of the requirement', 23],
    ['numpy; os_name == "nt";', 'expected the end of the requirement', 23],
    ['foo @', 'expected a URL after "@"', 6],
    ['foo @ ./local', 'the URL after "@" has no scheme (such as https:)', 7],
    ['foo @ ./c:d', 'the URL after "@" has no scheme (such as https:)', 7],
    ['foo\n>=1', 'expected a version specifier or ";" after the name', 4],
    ['foo @ https://x.org/a.whl foo', 'expected ";" after the URL and a space', 27],
    [
      'foo; extras == "x"',
      '"extras" is a lock-file marker (PEP 751), not one for Requires-Dist',
      6,
    ],
    [
      'foo; dependency_groups == "x"',
      '"dependency_groups" is a lock-file marker (PEP 751), not one for Requires-Dist',
      6,
    ],
    [
      'foo; os_name == "a\\b"',
      'a quoted marker value contains a backslash or a control character',
      17,
    ],
    [
      'foo; os_name == "a\u007fb"',
      'a quoted marker value contains a backslash or a control character',
      17,
    ],
  ])('refuses %j: %s (at character %i)', (text, why, at) => {
    const e = refusal(text);
    expect(e.message).toBe(`"${text}" is not a valid requirement: ${why} (at character ${at}).`);
    expect(e.input).toBe('requires');
    expect(e.fix).toBe(FIX);
  });

  it('takes parentheses 100 deep and refuses 101 before running out of stack', () => {
    expect(MAX_MARKER_DEPTH).toBe(100);
    const nested = (depth: number): string =>
      `foo; ${'('.repeat(depth)}os_name == "a"${')'.repeat(depth)}`;
    expect(validateRequirement(nested(100))).toBe('foo; os_name == "a"');
    const chained = `foo; ${'(os_name == "a" and '.repeat(100)}os_name == "b"${')'.repeat(100)}`;
    expect(validateRequirement(chained)).toMatch(/^foo; os_name == "a" and \(os_name == "a" and /);
    expect(refusal(nested(101)).message).toBe(
      `"${nested(101)}" is not a valid requirement: the marker nests parentheses more than 100 deep (at character 106).`,
    );
    const siblings = `foo; ${Array(150).fill('(os_name == "a")').join(' or ')}`;
    expect(validateRequirement(siblings)).toBe(
      `foo; ${Array(150).fill('os_name == "a"').join(' or ')}`,
    );
    expect(refusal(nested(100000)).message).toMatch(/more than 100 deep \(at character 106\)/);
  });

  it('names the input it is given', () => {
    expect(refusal('numpy; python_version >>> "3"', 'extra-requires').input).toBe('extra-requires');
  });

  it('lets errors that are not syntax errors through', () => {
    expect(() => validateRequirement(null as unknown as string)).toThrow(TypeError);
  });
});

describe('parseRequirement', () => {
  it('gives every part, in the order written', () => {
    expect(
      parseRequirement('Foo.Bar [b, a] ( >= 1.0 , ==2.* ) ; os.name == "nt" or ("a" in extra)'),
    ).toEqual({
      name: 'Foo.Bar',
      extras: ['b', 'a'],
      specifiers: ['>=1.0', '==2.*'],
      marker: [
        {
          left: { kind: 'variable', value: 'os_name' },
          op: '==',
          right: { kind: 'string', value: 'nt' },
        },
        'or',
        [
          {
            left: { kind: 'string', value: 'a' },
            op: 'in',
            right: { kind: 'variable', value: 'extra' },
          },
        ],
      ],
    });
    expect(parseRequirement('x @ https://h/x.whl')).toEqual({
      name: 'x',
      extras: [],
      specifiers: [],
      url: 'https://h/x.whl',
    });
  });

  it('throws a syntax error with the 0-based position', () => {
    let error: unknown;
    try {
      parseRequirement('foo >= 1 bar');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequirementSyntaxError);
    expect((error as RequirementSyntaxError).position).toBe(9);
    expect((error as RequirementSyntaxError).why).toBe(
      'expected "," or ";" after the version specifier',
    );
  });

  it('formats markers and requirements from their parts', () => {
    expect(canonicalizeName('Foo__Bar..baz-_Q')).toBe('foo-bar-baz-q');
    expect(formatMarker('and')).toBe('and');
    expect(
      formatRequirement({
        name: 'x',
        extras: ['𝔞', 'z'],
        specifiers: ['===\u{1d41a}', '===\uff41'],
      }),
    ).toBe('x[z,𝔞]===\uff41,===\u{1d41a}');
  });
});
