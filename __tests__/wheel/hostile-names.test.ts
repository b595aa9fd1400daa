/**
 * Property-style test of the stager and the zip writer against hostile file names, from a seeded
 * generator (HOSTILE_NAMES_SEED overrides the seed; the seed is in the test titles, so a failure
 * can be replayed). Each class of name is either packed and then checked by Python's zipfile and
 * by pip (installed into a target with pyenv 3.11's pip), or refused with an InputError naming
 * `package-dir` or `stage`:
 *
 * - quotes, commas, spaces, shell and glob characters, a literal U+FFFD, astral characters:
 *   packed byte-exact (RECORD quotes them the way Python's csv does);
 * - names of exactly 255 bytes (file and folder), in 1- to 4-byte characters: packed;
 * - names equal under NFC/NFD, names that differ only in case: both packed, as two entries, each
 *   with its own bytes (the wheel is installed on Linux, whose file systems keep them apart, and
 *   pip installs both; normalizing would break the import of the name the build wrote);
 * - line breaks and other control characters (C0, DEL, C1, U+2028/9): refused (pip 19 on 2.7
 *   refuses such a RECORD; a name that breaks a log line could start a workflow command);
 * - a backslash: refused (a path separator to Windows tools and to zip readers there);
 * - bytes that are not UTF-8: refused (a wheel's names are UTF-8; Node cannot even name the file).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import { MemoryLog } from '../../src/log/log.js';
import { parseStageRules, stagePackage } from '../../src/stage/stage.js';
import { packWheel } from '../../src/wheel/pack.js';
import { ZipWriter } from '../../src/zip/zip-writer.js';
import { pyenvPython } from '../helpers/python.js';
import { rejectedInputError } from '../helpers/input-error.js';

const SEED = Number(process.env.HOSTILE_NAMES_SEED ?? 20261129);
const dir = mkdtempSync(join(tmpdir(), 'hostile-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** mulberry32: a small seeded generator, the same sequence for the same seed on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const int = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
const PUNCTUATION = [...`"',;&$\`#%!*?[]{}() =+@~^<>|:`];
const WIDE = ['é', 'ß', '€', '中', 'ज', '😀', '𝔘', '\u0301', '\ufffd', '\u200b'];
const EXTENSIONS = ['', '.txt', '.so', '.dat', '.py', '.so.1'];

function word(random: Random, alphabet: readonly string[], min: number, max: number): string {
  let text = '';
  for (let i = int(random, min, max); i > 0; i--) text += pick(random, alphabet);
  return text;
}

/** A name of exactly `bytes` UTF-8 bytes, mixing 1- to 4-byte characters. */
function nameOfBytes(random: Random, bytes: number): string {
  let name = '';
  while (Buffer.byteLength(name) < bytes - 4) name += pick(random, ['a', 'é', '€', '😀', 'Z', '_']);
  while (Buffer.byteLength(name) < bytes) name += 'x';
  return name;
}

/** Names the stager must pack; each list is the files of one package, relative to it. */
function acceptedNames(random: Random, index: number): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    if (name !== '.' && name !== '..' && !name.startsWith('__pycache__')) names.add(name);
  };
  // Quotes, CSV, shell and glob characters, spaces (also leading/trailing), dots.
  for (let i = 0; i < 3; i++) {
    add(
      `${word(random, [...ALNUM, ...PUNCTUATION], 1, 12)}${pick(random, PUNCTUATION)}${pick(random, EXTENSIONS)}`,
    );
  }
  add(
    `${pick(random, ['"', "'", ',', ' '])}${word(random, [...ALNUM], 1, 6)}${pick(random, ['"', "'", ',', ' '])}`,
  );
  // Wide characters, combining marks, a literal U+FFFD, a zero-width space.
  add(
    `${word(random, [...ALNUM, ...WIDE], 1, 10)}${pick(random, WIDE)}${pick(random, EXTENSIONS)}`,
  );
  // 255-byte names: a file, and a 255-byte folder holding a 255-byte file.
  add(nameOfBytes(random, 255));
  add(`${nameOfBytes(random, 255)}/${nameOfBytes(random, 255)}`);
  // Equal under NFC/NFD: both spellings, side by side and as folder names.
  const accented = `${pick(random, ['café', 'Ångström', 'niño', '한국어', 'ḱṷṓn', 'résumé'])}${index}`;
  add(`${accented.normalize('NFC')}.txt`);
  add(`${accented.normalize('NFD')}.txt`);
  add(`${accented.normalize('NFD')}/inner.txt`);
  add(`${accented.normalize('NFC')}/inner.txt`);
  // Case-only differences.
  const base = word(random, [...'abcdefghij'], 3, 6);
  add(`${base}.txt`);
  add(`${base.toUpperCase()}.txt`);
  add(`${base[0]!.toUpperCase()}${base.slice(1)}.TXT`);
  return [...names];
}

/** One refused name per entry: the class, the name as bytes on disk. */
function refusedNames(random: Random): { kind: string; name: Buffer }[] {
  const text = () => word(random, [...ALNUM], 1, 6);
  const refused: { kind: string; name: Buffer }[] = [];
  for (const c of [
    '\n',
    '\r',
    '\r\n',
    '\t',
    '\x01',
    '\x1b[31m',
    '\x7f',
    '\x85',
    '\u2028',
    '\u2029',
  ]) {
    refused.push({ kind: 'control', name: Buffer.from(`${text()}${c}${text()}.txt`) });
  }
  refused.push({ kind: 'control', name: Buffer.from(`${text()}\n::error::injected`) });
  refused.push({ kind: 'control', name: Buffer.from(`folder\n${text()}/inner.txt`) });
  for (const name of [`${text()}\\${text()}.txt`, `..\\..\\${text()}.py`, `${text()}\\`]) {
    refused.push({ kind: 'backslash', name: Buffer.from(name) });
  }
  const invalid = [
    [0xff],
    [0xfe, 0xfe],
    [0xc3, 0x28], // a lead byte without its continuation
    [0x80], // a lone continuation byte
    [0xc0, 0xaf], // an overlong '/'
    [0xed, 0xa0, 0x80], // an encoded surrogate
    [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
    [0x63, 0x61, 0x66, 0xe9], // 'café' in Latin-1
  ];
  for (const bytes of invalid) {
    refused.push({
      kind: 'non-utf8',
      name: Buffer.concat([Buffer.from(text()), Buffer.from(bytes), Buffer.from('.so')]),
    });
  }
  return refused;
}

/** Writes `files` (paths as bytes) under `root`; content and mode derive from the path. */
function writeTree(root: Buffer, files: readonly Buffer[], random: Random): Map<string, boolean> {
  const modes = new Map<string, boolean>();
  for (const file of files) {
    const path = Buffer.concat([root, Buffer.from('/'), file]);
    const slash = path.lastIndexOf(0x2f);
    mkdirSync(path.subarray(0, slash), { recursive: true });
    writeFileSync(path, Buffer.concat([Buffer.from('bytes of '), file]));
    const executable = random() < 0.3;
    chmodSync(path, executable ? 0o755 : 0o644);
    modes.set(file.toString(), executable);
  }
  return modes;
}

interface Checked {
  wheel: string;
  testzip: string | null;
  names: string[];
  utf8Flags: boolean[];
  record: string[];
  recordOk: boolean;
  pip: number;
  pipOutput: string;
  installed: [string, string, boolean][];
}

const CHECK = String.raw`
import csv, hashlib, io, json, os, subprocess, sys, zipfile, base64
out = []
for item in json.load(sys.stdin):
    wheel, pkg, target = item['wheel'], item['pkg'], item['target']
    z = zipfile.ZipFile(wheel)
    infos = z.infolist()
    record_name = [n for n in z.namelist() if n.endswith('.dist-info/RECORD')][0]
    rows = list(csv.reader(io.StringIO(z.read(record_name).decode('utf-8'))))
    ok = True
    for row in rows:
        if row[0] == record_name:
            continue
        digest = base64.urlsafe_b64encode(hashlib.sha256(z.read(row[0])).digest()).rstrip(b'=').decode()
        ok = ok and row[1] == 'sha256=' + digest and int(row[2]) == z.getinfo(row[0]).file_size
    pip = subprocess.run([sys.executable, '-m', 'pip', 'install', '--no-index', '--no-deps', '--no-compile',
        '--disable-pip-version-check', '--target', target, wheel], capture_output=True, text=True,
        env=dict(os.environ, PIP_CONFIG_FILE=os.devnull))
    installed = []
    for folder, dirs, files in os.walk(os.path.join(target, pkg)):
        for f in files:
            full = os.path.join(folder, f)
            with open(full, 'rb') as fh:
                data = fh.read()
            installed.append([os.path.relpath(full, target), hashlib.sha256(data).hexdigest(),
                              os.stat(full).st_mode & 0o111 != 0])
    out.append(dict(wheel=wheel, testzip=z.testzip(), names=[i.filename for i in infos],
        utf8Flags=[bool(i.flag_bits & 0x800) for i in infos], record=[r[0] for r in rows],
        recordOk=ok, pip=pip.returncode, pipOutput=pip.stdout + pip.stderr, installed=sorted(installed)))
print(json.dumps(out))
`;

function checkWithPython(items: { wheel: string; pkg: string; target: string }[]): Checked[] {
  const python = pyenvPython('3.11.7');
  const run = spawnSync(python, ['-c', CHECK], {
    input: JSON.stringify(items),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${python} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as Checked[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
/** JSON's escapes, and \uXXXX for what JSON.stringify leaves raw (DEL, C1, U+2028/9). */
const escaped = (text: string): string =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(
      /[\x7f-\x9f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function refusal(run: () => Promise<unknown>, label: string): Promise<InputError> {
  return rejectedInputError(run, `${label}: staged without complaint`);
}

describe(`hostile file names (seed ${SEED})`, () => {
  const WHEELS = 8;

  it('packs quotes, wide, 255-byte, NFC/NFD-alike and case-only names byte-exact: zipfile and pip agree', async () => {
    const random = generator(SEED);
    const expected: { pkg: string; wheel: string; target: string; files: Map<string, boolean> }[] =
      [];
    for (let index = 0; index < WHEELS; index++) {
      const pkg = `hostile${index}`;
      const root = mkdtempSync(join(dir, 'case-'));
      const names = ['__init__.py', ...acceptedNames(random, index)];
      // Even cases stage through package-dir, odd ones through a stage rule.
      const viaRule = index % 2 === 1;
      const source = join(root, viaRule ? 'build/out' : pkg);
      const modes = writeTree(
        Buffer.from(source),
        names.map((n) => Buffer.from(n)),
        random,
      );
      const staged = await stagePackage({
        workingDirectory: root,
        ...(viaRule
          ? { rules: parseStageRules(`build/out/** => ${pkg}`) }
          : { packageDir: pkg, rules: [] }),
        log: new MemoryLog(),
      });
      expect(staged.files.map((f) => f.archivePath).sort(byteOrder)).toEqual(
        names.map((n) => `${pkg}/${n}`).sort(byteOrder),
      );
      for (const file of staged.files) {
        expect(file.executable, file.archivePath).toBe(
          modes.get(file.archivePath.slice(pkg.length + 1)),
        );
      }
      const packed = await packWheel({
        files: staged.files,
        metadata: { name: pkg, version: '1.0' },
        tag: { interpreter: 'py3', abi: 'none', platform: 'any' },
        mtime: new Date(1_700_000_000_000),
        outputDir: join(root, 'dist'),
        generator: 'hostile-names-test',
        concurrency: 1,
      });
      expected.push({ pkg, wheel: packed.path, target: join(root, 'target'), files: modes });
    }

    const checked = checkWithPython(expected);
    for (const [i, result] of checked.entries()) {
      const { pkg, files } = expected[i]!;
      const payload = [...files.keys()].map((n) => `${pkg}/${n}`).sort(byteOrder);
      const distInfo = `${pkg}-1.0.dist-info`;
      expect(result.testzip, pkg).toBeNull();
      // Byte order, payload first, RECORD last: exactly the staged names, none altered.
      expect(result.names, pkg).toEqual([
        ...payload,
        `${distInfo}/METADATA`,
        `${distInfo}/WHEEL`,
        `${distInfo}/RECORD`,
      ]);
      expect(result.utf8Flags, pkg).toEqual(result.names.map((n) => /[\u0080-\uffff]/.test(n)));
      expect(result.record, pkg).toEqual(result.names);
      expect(result.recordOk, pkg).toBe(true);
      expect(result.pip, result.pipOutput).toBe(0);
      expect(
        result.installed.sort((a, b) => byteOrder(a[0], b[0])),
        pkg,
      ).toEqual(
        payload.map((n): [string, string, boolean] => [
          n,
          sha256(`bytes of ${n.slice(pkg.length + 1)}`),
          files.get(n.slice(pkg.length + 1))!,
        ]),
      );
    }
  });

  it('refuses control characters, backslashes and non-UTF-8 bytes, naming package-dir or stage', async () => {
    const random = generator(SEED + 1);
    const refused = refusedNames(random);
    const seen: Record<string, number> = {};
    for (const [index, { kind, name }] of refused.entries()) {
      for (const viaRule of [false, true]) {
        const root = mkdtempSync(join(dir, 'refused-'));
        const pkg = `refused${index}`;
        const source = join(root, viaRule ? 'build/out' : pkg);
        writeTree(Buffer.from(source), [Buffer.from('__init__.py'), name], random);
        const label = `${kind} ${JSON.stringify(name.toString('latin1'))} via ${viaRule ? 'stage' : 'package-dir'}`;
        const error = await refusal(
          () =>
            stagePackage({
              workingDirectory: root,
              ...(viaRule
                ? { rules: parseStageRules(`build/out/** => ${pkg}`) }
                : { packageDir: pkg, rules: [] }),
              log: new MemoryLog(),
            }),
          label,
        );
        expect(error.input, label).toBe(viaRule ? 'stage' : 'package-dir');
        expect(error.fix, label).toMatch(/rename/);
        // The message is one line: the name is shown escaped, never raw.
        expect(error.message, label).not.toMatch(CONTROL);
        // It names the file, or the folder, with the hostile character: escaped for a control
        // character, as Node decodes it (U+FFFD for bytes that are not UTF-8) otherwise.
        const shown =
          kind === 'control'
            ? escaped(
                name
                  .toString()
                  .split('/')
                  .find((part) => CONTROL.test(part))!,
              )
            : name.toString();
        expect(error.message, label).toContain(shown);
        if (kind === 'control') {
          // A glob's ** cannot match a line break: found by watching the folders it reads.
          expect(error.message, label).toMatch(
            /[\n\r\u2028\u2029]/.test(name.toString())
              ? /has a line break in its name; globs cannot match it/
              : /holds a control character or line break \(U\+[0-9A-F]{4}\)/,
          );
        }
        if (kind === 'non-utf8') expect(error.message, label).toMatch(/is not valid UTF-8/);
        if (kind === 'backslash')
          expect(error.message, label).toMatch(/not a safe path inside a wheel/);
        seen[kind] = (seen[kind] ?? 0) + 1;
      }
    }
    expect(seen).toEqual({ control: 24, backslash: 6, 'non-utf8': 16 });
  });

  it('the zip writer keeps any name byte-exact, control characters included (the stager decides)', async () => {
    const random = generator(SEED + 2);
    const names = new Set<string>();
    while (names.size < 200) {
      const alphabet = [
        ...ALNUM,
        ...PUNCTUATION,
        ...WIDE,
        '\n',
        '\r',
        '\t',
        '\\',
        '\x7f',
        '\u2028',
      ];
      names.add(`d${names.size % 7}/${word(random, alphabet, 1, 40)}`);
    }
    names.add(`long/${nameOfBytes(random, 255)}`);
    const path = join(dir, 'names.zip');
    const writer = new ZipWriter(path, {
      mtime: new Date(1_700_000_000_000),
      level: 6,
      concurrency: 2,
    });
    const entries = [...names];
    for (const name of entries) {
      const data = Buffer.from(`bytes of ${name}`);
      await writer.add({ name, data, size: data.length, mode: 0o644 });
    }
    await writer.finish();
    const run = spawnSync(
      pyenvPython('3.11.7'),
      [
        '-c',
        'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps([z.testzip(), [[i.filename, z.read(i).decode("utf-8"), bool(i.flag_bits & 0x800)] for i in z.infolist()]]))',
        path,
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    expect(run.status, run.stderr).toBe(0);
    const [testzip, listing] = JSON.parse(run.stdout) as [null, [string, string, boolean][]];
    expect(testzip).toBeNull();
    expect(listing).toEqual(entries.map((n) => [n, `bytes of ${n}`, /[\u0080-\uffff]/.test(n)]));
  });
});
