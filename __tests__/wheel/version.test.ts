import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import {
  formatVersion,
  normalizeVersion,
  parseVersion,
  stripPythonSpace,
  stripZeros,
} from '../../src/wheel/version.js';
import { askPackaging } from '../helpers/packaging-oracle.js';
import { thrownInputError } from '../helpers/input-error.js';

const BIG = '1234567890'.repeat(26); // 260 digits: a Number would print 1.23e+259
const DATE = '20240301123045123'; // above 2^53: a Number would round it to ...124

function refusal(raw: string, input?: string): InputError {
  return thrownInputError(
    () => normalizeVersion(raw, input),
    `${JSON.stringify(raw)} was accepted`,
  );
}

/** The corpus: every spelling PEP 440 normalizes, crossed systematically, plus edge cases. */
function corpus(): string[] {
  const pres = [
    '',
    'a',
    'a1',
    'A1',
    'alpha2',
    '.alpha.3',
    '-a-4',
    '_b_5',
    'b',
    'beta',
    'BETA06',
    'c',
    'c7',
    'rc',
    'rc8',
    'RC.9',
    'pre',
    'pre10',
    'preview',
    '-preview-11',
    '.rc',
    'rc-',
    'a.',
    '-',
    'alph',
    'gamma',
  ];
  const posts = [
    '',
    '-1',
    '-01',
    '.post',
    'post1',
    '.post2',
    '-post-3',
    '_post_4',
    'POST5',
    'rev',
    'rev6',
    '.r7',
    'r',
    '-r.8',
    '.post.',
    '-',
    '--1',
    're',
    'postx',
  ];
  const devs = [
    '',
    'dev',
    '.dev',
    'dev1',
    '.dev2',
    '-dev-3',
    '_dev_04',
    'DEV5',
    '.dev.',
    `dev${DATE}`,
    'de',
    '.dev-',
  ];
  const locals = [
    '',
    '+local',
    '+cu102.torch',
    '+CU102_Torch-2',
    '+007.abc',
    '+1.2.3',
    '+a',
    '+',
    '+-a',
    '+a..b',
    '+ubuntu-1',
    '+a_',
    '+ü',
    '+a+b',
    `+${BIG}`,
  ];
  const epochs = ['', '0!', '1!', '007!', `${DATE}!`, '!', '1!!', 'a!', '-1!'];
  const releases = [
    '0',
    '1',
    '1.0',
    '01.02.003',
    '1.0.0.0.0',
    '2024.3.1',
    DATE,
    BIG,
    '1..0',
    '.1',
    '1.',
    '1.*',
    '1.0.x',
    '1,0',
  ];
  const prefixes = ['', 'v', 'V', ' ', '\t', 'vv', ' v', 'v ', 'ver'];
  const suffixes = [
    '',
    ' ',
    '\n',
    '\r\n',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\x1c',
    '\x85',
    '\ufeff',
    '\u200b',
    '\u180e',
    '\0',
  ];
  const out: string[] = [];
  for (const pre of pres) for (const post of posts) out.push(`1.0${pre}${post}`);
  for (const dev of devs) for (const local of locals) out.push(`2.0${dev}${local}`);
  for (const epoch of epochs) for (const release of releases) out.push(`${epoch}${release}`);
  for (const prefix of prefixes) for (const suffix of suffixes) out.push(`${prefix}1.2${suffix}`);
  out.push(
    '1.0.0+cu102.torch',
    `1.0.dev${DATE}`,
    `1.${BIG}`,
    `1!2.3a4.post5.dev6+seven.8`,
    '1.0a1b2',
    '1.0.post1.post2',
    '1.0.dev1.dev2',
    '1.0+local.dev1',
    '1.0-1-1',
    '1.0-1.dev',
    '1.0a-1',
    '1.0a.post',
    '1.0c1.r2.dev3',
    '1.0_1',
    '1.0.1-',
    '0.1.4-gpu',
    'latest',
    '',
    ' ',
    '1.0.0 beta',
    '1 .0',
    '١.٠', // Arabic-Indic digits: Python's int() takes them, PEP 440 does not
    '１.０', // full-width digits
    '1.0ɑ1',
    '1.0\u212a', // Kelvin sign lowers to "k"
    '1.0POST\u212a',
    '1.0\u0131', // dotless i
    '1.0RC\u0130',
    'V1.0.0-RC.1+Build.007',
    '00000.00000',
    '0!0',
    '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0',
    '1.0+' + 'a'.repeat(300),
    '1.0+a.-b',
    '1.0+007abc',
    '1.0+a007',
    '1.0+0',
    '1.0+00.000',
    '1.0+0a.00b',
    '1.0+.a',
    '1.0+a.',
    '1!1!1.0',
    'v',
    '1.0v',
    '+local',
    '1.0 +local',
    '1.0+ local',
  );
  return out;
}

describe('PEP 440 versions against packaging.version.Version', () => {
  const versions = corpus();
  const reference = askPackaging<(string | null)[]>(
    [
      'import json, sys',
      'from packaging.version import Version',
      'out = []',
      'for v in json.load(sys.stdin):',
      '    try:',
      '        out.append(str(Version(v)))',
      '    except Exception:',
      '        out.append(None)',
      'print(json.dumps(out))',
    ].join('\n'),
    versions,
  );

  it('has a corpus of at least 500 versions, valid and invalid', () => {
    expect(versions.length).toBeGreaterThanOrEqual(500);
    expect(reference.filter((r) => r !== null).length).toBeGreaterThanOrEqual(200);
    expect(reference.filter((r) => r === null).length).toBeGreaterThanOrEqual(200);
    const valid = reference.filter((r) => r !== null).length;
    console.log(`versions compared with packaging: ${versions.length} (${valid} valid)`);
  });

  it('normalizes every version exactly as packaging does, and refuses the same ones', () => {
    const differences = versions.flatMap((version, i) => {
      let ours: string | null;
      try {
        ours = normalizeVersion(version);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        ours = null;
      }
      return ours === reference[i] ? [] : [{ version, ours, packaging: reference[i] }];
    });
    expect(differences).toEqual([]);
  });
});

describe('normalizeVersion', () => {
  it.each([
    ['1.0.0', '1.0.0'],
    ['v1.2', '1.2'],
    ['V1.2', '1.2'],
    ['1.0-1', '1.0.post1'],
    ['1.0-01', '1.0.post1'],
    ['1.0RC1', '1.0rc1'],
    ['1.0.0+GPU', '1.0.0+gpu'],
    ['01.02', '1.2'],
    ['2.0.dev3', '2.0.dev3'],
    [' 1.4.0 ', '1.4.0'],
    ['\u00a01.4\u3000', '1.4'],
    ['1.0.0+cu102.torch', '1.0.0+cu102.torch'],
    ['1.0.0+CU102_Torch-2', '1.0.0+cu102.torch.2'],
    ['1.0+007.abc', '1.0+7.abc'],
    [`1.0.dev${DATE}`, `1.0.dev${DATE}`],
    [`1.${BIG}`, `1.${BIG}`],
    [`1.0+${BIG}`, `1.0+${BIG}`],
    ['0!1.0', '1.0'],
    ['007!1.0', '7!1.0'],
    ['1.0alpha', '1.0a0'],
    ['1.0.beta.2', '1.0b2'],
    ['1.0-c-3', '1.0rc3'],
    ['1.0pre4', '1.0rc4'],
    ['1.0preview5', '1.0rc5'],
    ['1.0_post', '1.0.post0'],
    ['1.0rev6', '1.0.post6'],
    ['1.0.r7', '1.0.post7'],
    ['1.0-dev', '1.0.dev0'],
    ['1.0a-1', '1.0a1'],
    ['1.0a.post', '1.0a0.post0'],
    ['1!2.3a4.post5.dev6+seven.8', '1!2.3a4.post5.dev6+seven.8'],
    ['1.0-1.dev', '1.0.post1.dev0'],
  ])('%j normalizes to %s', (raw, normalized) => {
    expect(normalizeVersion(raw)).toBe(normalized);
  });

  it('refuses a dash label with the local-version hint, naming the input', () => {
    const e = refusal('0.1.4-gpu');
    expect(e.input).toBe('version');
    expect(e.message).toBe('"0.1.4-gpu" is not a valid PEP 440 version.');
    expect(e.fix).toBe('use "0.1.4+gpu" (a local version label goes after "+").');
  });

  it('turns every run of other characters of the label into one dot in the hint', () => {
    expect(refusal('1.0-Ubuntu 22~04').fix).toBe(
      'use "1.0+ubuntu.22.4" (a local version label goes after "+").',
    );
  });

  it('turns a run of several other characters into a single dot', () => {
    expect(refusal('1.0-ubuntu~~22').fix).toBe(
      'use "1.0+ubuntu.22" (a local version label goes after "+").',
    );
  });

  it('names the project when its own version is wrong', () => {
    const e = refusal('1.0.0 beta', 'project-dir');
    expect(e.input).toBe('project-dir');
    expect(e.message).toBe('"1.0.0 beta" is not a valid PEP 440 version.');
    expect(e.fix).toBe('use a version like 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0+gpu (PEP 440).');
  });

  it.each(['latest', '1..0', 'abc-def', '-gpu', '1.0-', '1.0+', '1.0+a+b', '1!', '1.0.x', '1.0x'])(
    'refuses %j with the general hint',
    (raw) => {
      const e = refusal(raw);
      expect(e.input).toBe('version');
      expect(e.message).toBe(`"${raw}" is not a valid PEP 440 version.`);
      expect(e.fix).toBe('use a version like 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0+gpu (PEP 440).');
    },
  );

  it.each(['', ' ', '\t\u00a0'])('says that no version was given for %j', (raw) => {
    const e = refusal(raw, 'version');
    expect(e.message).toBe('no version was given.');
    expect(e.input).toBe('version');
    expect(e.fix).toBe(
      'set `version` (e.g. 1.2.0), or run on a tag push (refs/tags/v1.2.0) to use the tag.',
    );
  });
});

describe('parseVersion and formatVersion', () => {
  it('keeps every number as its digit string', () => {
    expect(parseVersion(`v007!01.${DATE}.0RC09.post010.DEV011+Ab.0012-c`)).toEqual({
      epoch: '7',
      release: ['1', DATE, '0'],
      pre: { label: 'rc', number: '9' },
      post: '10',
      dev: '11',
      local: ['ab', '12', 'c'],
    });
  });

  it('leaves out what is absent', () => {
    expect(parseVersion('1')).toEqual({ epoch: '0', release: ['1'] });
    expect(parseVersion('1.0-2')).toEqual({ epoch: '0', release: ['1', '0'], post: '2' });
  });

  it.each(['', 'v', '1.0 0', '1.0+', 'x1.0', '1.0.'])('finds no version in %j', (raw) => {
    expect(parseVersion(raw)).toBeUndefined();
  });

  it('writes each part in its place', () => {
    expect(
      formatVersion({
        epoch: '2',
        release: ['1', '0'],
        pre: { label: 'b', number: '3' },
        post: '4',
        dev: '5',
        local: ['x', '6'],
      }),
    ).toBe('2!1.0b3.post4.dev5+x.6');
    expect(formatVersion({ epoch: '0', release: ['3'] })).toBe('3');
  });

  it('strips zeros and Python whitespace', () => {
    expect(stripZeros('000')).toBe('0');
    expect(stripZeros('0012')).toBe('12');
    expect(stripZeros('10')).toBe('10');
    expect(stripZeros('1002')).toBe('1002');
    expect(stripPythonSpace('\x1c\x85 1.0 \u2028\u3000')).toBe('1.0');
    expect(stripPythonSpace('\ufeff1.0\u200b')).toBe('\ufeff1.0\u200b');
    expect(stripPythonSpace('   ')).toBe('');
  });
});
