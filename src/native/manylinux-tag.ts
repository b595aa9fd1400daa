/**
 * `platform-tag: manylinux`: the strictest manylinux policy a wheel's native files satisfy, as
 * a PEP 600 platform tag with its legacy alias (manylinux_2_17_x86_64.manylinux2014_x86_64).
 */
import { basename } from 'node:path';
import { LibraryError } from '../base/errors.js';
import type { Log } from '../log/log.js';
import { isPythonRuntimeLibrary } from './library-filter.js';
import type { ManylinuxPolicy } from './manylinux-policy.js';
import { fileIsElf, readElf } from '../elf/read-file.js';
import { strictestPolicy, type VersionedFile } from './symbol-versions.js';

/** The platform tag of `policy` for `arch`, PEP 600 name first, then the legacy aliases. */
export function manylinuxPlatform(policy: ManylinuxPolicy, arch: string): string {
  return [policy.name, ...policy.aliases].map((name) => `${name}_${arch}`).join('.');
}

/**
 * Reads the wheel's ELF files and returns the manylinux platform tag replacing `linuxPlatform`
 * (e.g. linux_x86_64). Throws a LibraryError listing what keeps the files from every policy.
 */
export async function chooseManylinuxPlatform(options: {
  files: readonly { archivePath: string; sourcePath: string; size: number }[];
  linuxPlatform: string;
  log: Log;
}): Promise<string> {
  const arch = /^linux_(.+)$/.exec(options.linuxPlatform)?.[1];
  if (arch !== 'x86_64') {
    throw new LibraryError(
      `platform-tag: manylinux needs an x86_64 wheel; this one is ${options.linuxPlatform}.`,
      {
        input: 'platform-tag',
        fix: "use platform-tag: linux (the policy table here holds x86_64's symbol versions).",
      },
    );
  }
  const versioned: VersionedFile[] = [];
  const carried: string[] = [];
  for (const file of options.files) {
    if (file.size < 4 || !(await fileIsElf(file.sourcePath))) continue;
    const info = await readElf(file.sourcePath, { symbols: true });
    // Its SONAME is carried through `soname` below (strictestPolicy adds every file's).
    carried.push(basename(file.archivePath));
    versioned.push({
      path: file.archivePath,
      // libpython and libpypy come with the interpreter that imports the wheel.
      needed: info.needed.filter((n) => !isPythonRuntimeLibrary(n)),
      ...(info.soname ? { soname: info.soname } : {}),
      versionNeeds: info.versionNeeds,
    });
  }
  const { policy, blockers, older } = strictestPolicy(versioned, { carried });
  if (!policy) {
    throw new LibraryError(
      `platform-tag: manylinux: the native files satisfy no manylinux policy: ${blockers.slice(0, 3).join('; ')}`,
      {
        input: 'platform-tag',
        // No ELF file satisfies manylinux_2_5: there is no policy to miss only with one.
        file: versioned[0]!.path,
        details: blockers.join('\n'),
        fix: 'set bundle-libs: true to carry the libraries outside the policy, build on an older toolchain or in a manylinux image, or keep platform-tag: linux.',
      },
    );
  }
  const platform = manylinuxPlatform(policy, arch);
  options.log.info(`platform-tag: the native files satisfy ${policy.name}: ${platform}`);
  // Why not the older policy: a ZLIB_1.2.9 or GLIBC_2.28 need should not go unexplained.
  if (older) {
    options.log.info(`platform-tag: not ${older.name}: ${older.reasons.slice(0, 3).join('; ')}`);
  }
  return platform;
}
