/**
 * The runtime an image provides: the symbol versions its own libc.so.6, libstdc++.so.6 and
 * libgcc_s.so.1 define. The libraries are found where the image's loader would find them
 * (`ldconfig -p`, then the usual folders), copied through the executor into a folder both sides
 * see, and read with our ELF reader here.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor } from '../exec/executor.js';
import type { Log } from '../log/log.js';
import { targetFromDefinitions, type RuntimeTarget } from './glibc-target.js';
import { readElf } from '../elf/read-file.js';

const LIBRARIES = ['libc.so.6', 'libstdc++.so.6', 'libgcc_s.so.1'] as const;

/**
 * A POSIX sh script: for each library name, the first x86-64 (or, failing that, any) entry of
 * the loader cache, else the first of the usual folders that has it; copies it to "$1/<name>".
 */
export const FIND_RUNTIME_SCRIPT = `dest="$1"; shift
for name in "$@"; do
  cache=$( (ldconfig -p || /sbin/ldconfig -p || /usr/sbin/ldconfig -p) 2>/dev/null)
  path=$(printf '%s\\n' "$cache" | awk -v n="$name" '$1 == n && /x86-64/ { print $NF; exit }')
  [ -n "$path" ] || path=$(printf '%s\\n' "$cache" | awk -v n="$name" '$1 == n { print $NF; exit }')
  if [ -z "$path" ]; then
    for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /usr/local/lib64 /lib /usr/lib /usr/local/lib; do
      if [ -e "$dir/$name" ]; then path="$dir/$name"; break; fi
    done
  fi
  if [ -n "$path" ] && cp -L "$path" "$dest/$name"; then echo "$name $path"; fi
done
`;

/**
 * Reads the versions the executor's libc/libstdc++/libgcc_s define. Undefined (with a warning)
 * when the image has no libc.so.6 the script can find (musl images, unusual layouts).
 */
export async function runtimeOfImage(options: {
  executor: Executor;
  /** A scratch folder visible at the same path here and where the executor runs. */
  workDir: string;
  label: string;
  log: Log;
}): Promise<RuntimeTarget | undefined> {
  const { executor, log } = options;
  const dir = join(options.workDir, 'image-runtime');
  await mkdir(dir, { recursive: true });
  const result = await executor.run(['sh', '-c', FIND_RUNTIME_SCRIPT, 'sh', dir, ...LIBRARIES]);
  const found = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const [name, path] = line.trim().split(' ');
    if (name && path) found.set(name, path);
  }
  if (!found.has('libc.so.6')) {
    log.warning(
      `target-glibc: could not find libc.so.6 in ${executor.where}; the wheel's symbol versions are reported but not checked. Set target-glibc to check them.`,
    );
    return undefined;
  }
  const defs = async (name: string): Promise<string[] | undefined> =>
    found.has(name) ? (await readElf(join(dir, name))).versionDefs : undefined;
  const libstdcxx = await defs('libstdc++.so.6');
  const libgcc = await defs('libgcc_s.so.1');
  const target = targetFromDefinitions(options.label, {
    libc: (await defs('libc.so.6'))!,
    ...(libstdcxx ? { libstdcxx } : {}),
    ...(libgcc ? { libgcc } : {}),
  });
  log.info(
    `target-glibc: ${options.label} provides ${[...found].map(([n, p]) => `${n} (${p})`).join(', ')}`,
  );
  return target;
}
