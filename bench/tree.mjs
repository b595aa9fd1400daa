// Generates the benchmark's staged package: real ELF shared objects from the system's library
// folders (so deflate sees real machine code, not random or repetitive bytes) and real Python
// sources in nested folders. The choice is a stable pseudo-random order of what the machine has,
// so reruns on one machine give the same tree; a `manifest.json` describes what was generated.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';

const LIBRARY_ROOTS = ['/usr/lib', '/usr/lib64', '/usr/local/lib', '/opt'];
const PYTHON_ROOTS = ['/usr/lib/python3', '/usr/lib/python3.11', '/usr/lib/python3.12'];
const MIN_SO = 16 * 1024;
// Keep single libraries below this so the tree is a mix, like a real C++ package.
const MAX_SO = 64 * 1024 * 1024;
const MIB = 1024 * 1024;

async function* walk(root) {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function isElfSharedObject(path) {
  const header = Buffer.alloc(18);
  let fd;
  try {
    fd = openSync(path, 'r');
    if (readSync(fd, header, 0, 18, 0) < 18) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  // \x7fELF, little-endian e_type ET_DYN (3).
  return header.readUInt32BE(0) === 0x7f454c46 && header.readUInt16LE(16) === 3;
}

const order = (path) => createHash('sha1').update(path).digest('hex');
const byOrder = (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

async function sharedObjects() {
  const seen = new Set();
  const found = [];
  for (const root of LIBRARY_ROOTS) {
    for await (const path of walk(root)) {
      if (!/\.so(\.\d+)*$/.test(path) || path.includes('/work/')) continue;
      const info = await lstat(path);
      const id = `${info.dev}:${info.ino}`;
      if (info.size < MIN_SO || info.size > MAX_SO || seen.has(id)) continue;
      seen.add(id);
      if (isElfSharedObject(path)) found.push({ path, size: info.size, key: order(path) });
    }
  }
  return found.sort(byOrder);
}

async function pythonSources() {
  const found = [];
  const seen = new Set();
  for (const root of PYTHON_ROOTS) {
    for await (const path of walk(root)) {
      if (!path.endsWith('.py') || seen.has(path)) continue;
      seen.add(path);
      const info = await lstat(path);
      found.push({ path, rel: relative(root, path), size: info.size, key: order(path) });
    }
  }
  return found.sort(byOrder);
}

// Folder names become Python package names in the setuptools reference: keep them identifiers.
const identifier = (name) => name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');

/**
 * Writes `<dir>/<packageName>/` with about `targetBytes` in total, `pyCount` of them Python files.
 * Returns the manifest (also written to `<dir>/manifest.json`).
 */
export async function generateTree({ dir, packageName, targetBytes, pyCount }) {
  await rm(dir, { recursive: true, force: true });
  const pkg = join(dir, packageName);
  await mkdir(join(pkg, 'lib'), { recursive: true });
  const init = "__version__ = '1.0.0'\n";
  await writeFile(join(pkg, '__init__.py'), init);

  let total = init.length;
  let pyFiles = 0;
  let pyBytes = 0;
  const sources = await pythonSources();
  if (sources.length === 0) throw new Error(`no .py files found under ${PYTHON_ROOTS.join(', ')}`);
  for (let i = 0; pyFiles < pyCount; i++) {
    const source = sources[i % sources.length];
    const round = Math.floor(i / sources.length);
    const folders = dirname(source.rel)
      .split('/')
      .filter((p) => p && p !== '.')
      .map(identifier);
    const target = join(
      pkg,
      'py',
      ...(round ? [`copy${round}`] : []),
      ...folders,
      basename(source.rel),
    );
    await mkdir(dirname(target), { recursive: true });
    await copyFile(source.path, target);
    pyFiles += 1;
    pyBytes += source.size;
  }
  total += pyBytes;

  const libraries = await sharedObjects();
  if (libraries.length === 0)
    throw new Error(`no ELF shared objects under ${LIBRARY_ROOTS.join(', ')}`);
  const names = new Set();
  const distinct = new Set();
  let soFiles = 0;
  let soBytes = 0;
  // Skip a library that would overshoot the target by much; stop when a whole pass adds nothing.
  for (let i = 0, addedInPass = true; total < targetBytes; i++) {
    if (i % libraries.length === 0) {
      if (!addedInPass) break;
      addedInPass = false;
    }
    const library = libraries[i % libraries.length];
    if (total + library.size > targetBytes + MIN_SO) continue;
    addedInPass = true;
    distinct.add(library.path);
    // Once every library is used, reuse them under other names (needed for the 4x tree).
    let name = basename(library.path);
    for (let n = 2; names.has(name); n++) name = `${basename(library.path)}.copy${n}`;
    names.add(name);
    await copyFile(library.path, join(pkg, 'lib', name));
    soFiles += 1;
    soBytes += library.size;
    total += library.size;
  }
  const manifest = {
    packageName,
    targetBytes,
    bytes: total,
    files: pyFiles + soFiles + 1,
    pyFiles,
    pyBytes,
    soFiles,
    soBytes,
    distinctLibraries: distinct.size,
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export const mib = (bytes) => bytes / MIB;
