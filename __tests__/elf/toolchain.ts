/** Test helpers: build real ELF files with g++ and read them back with binutils' readelf. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function tempDir(
  prefix: string,
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `elf-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function run(argv: string[], options: { env?: NodeJS.ProcessEnv } = {}) {
  const [tool, ...args] = argv;
  return execFileAsync(tool!, args, {
    env: options.env ?? process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Writes `source` to `<dir>/<name>.cpp` and compiles it with g++ and `flags` to `<dir>/<out>`. */
export async function gxx(
  dir: string,
  out: string,
  source: string,
  flags: string[],
): Promise<string> {
  const src = join(dir, `${out.replace(/[^\w.-]/g, '_')}.cpp`);
  await writeFile(src, source);
  const target = join(dir, out);
  // The source comes first so that -l flags follow the objects that need them (--as-needed).
  await run(['g++', src, '-o', target, ...flags]);
  return target;
}

/** `readelf -d` facts, parsed independently of our reader, as an oracle. */
export async function readelfDynamic(path: string): Promise<{
  needed: string[];
  soname: string | undefined;
  rpath: string[];
  runpath: string[];
}> {
  const { stdout } = await run(['readelf', '-d', '-W', path]);
  const values = (type: string): string[] =>
    [...stdout.matchAll(new RegExp(`\\(${type}\\)\\s+[^\\[]*\\[([^\\]]*)\\]`, 'g'))].map(
      (m) => m[1]!,
    );
  const split = (list: string[]): string[] => list.flatMap((v) => (v === '' ? [] : v.split(':')));
  return {
    needed: values('NEEDED'),
    soname: values('SONAME')[0],
    rpath: split(values('RPATH')),
    runpath: split(values('RUNPATH')),
  };
}

/** `readelf -h` fields: Class, Data, Machine, Type. */
export async function readelfHeader(path: string): Promise<Record<string, string>> {
  const { stdout } = await run(['readelf', '-h', '-W', path]);
  const fields: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const m = /^\s+([^:]+):\s+(.*)$/.exec(line);
    if (m) fields[m[1]!.trim()] = m[2]!.trim();
  }
  return fields;
}

/** Builds a 32-bit shared object with `g++ -m32`, or returns undefined when it cannot. */
export async function try32(dir: string, source: string): Promise<string | undefined> {
  try {
    return await gxx(dir, 'lib32.so', source, [
      '-m32',
      '-shared',
      '-fPIC',
      '-Wl,-soname,lib32.so.1',
    ]);
  } catch {
    return undefined;
  }
}

/** `readelf -V` facts (needed versions by library, defined versions), as an oracle. */
export async function readelfVersions(path: string): Promise<{
  needs: { library: string; version: string }[];
  defs: string[];
}> {
  const { stdout } = await run(['readelf', '-V', '-W', path]);
  const needs: { library: string; version: string }[] = [];
  const defs: string[] = [];
  let section: 'd' | 'r' | undefined;
  let library = '';
  for (const line of stdout.split('\n')) {
    if (line.includes("'.gnu.version_d'")) section = 'd';
    else if (line.includes("'.gnu.version_r'")) section = 'r';
    else if (line.includes("'.gnu.version'")) section = undefined;
    let m: RegExpExecArray | null;
    if (section === 'd' && (m = /Flags: (\S+)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)/.exec(line))) {
      if (m[1] !== 'BASE') defs.push(m[2]!);
    } else if (section === 'r' && (m = /File: (\S+)/.exec(line))) library = m[1]!;
    else if (section === 'r' && (m = /Name: (\S+)\s+Flags/.exec(line))) {
      needs.push({ library, version: m[1]! });
    }
  }
  return { needs, defs };
}

/** Undefined dynamic symbols by version (`readelf --dyn-syms`), as an oracle. */
export async function readelfUndefinedSymbols(path: string): Promise<Map<string, string[]>> {
  const { stdout } = await run(['readelf', '--dyn-syms', '-W', path]);
  const byVersion = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const m = /\sUND\s+([^@\s]+)@(\S+)/.exec(line);
    if (!m) continue;
    const list = byVersion.get(m[2]!) ?? [];
    list.push(m[1]!);
    byVersion.set(m[2]!, list);
  }
  return byVersion;
}
