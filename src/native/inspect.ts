/**
 * The package-level ELF check: find every ELF file of a staged package, report its machine and
 * dependencies, and refuse a wheel whose native code does not match its platform tag.
 */
import { LibraryError } from '../base/errors.js';
import type { Log } from '../log/log.js';
import { checkMachines, expectedMachines, type MachineMismatch } from '../elf/platform.js';
import { describeElfFile, formatElfReport } from './report.js';
import { findElfFiles, type ElfFile } from './scan.js';

export interface ElfInspection {
  files: ElfFile[];
  mismatches: MachineMismatch[];
  /** Markdown for the job summary. */
  summary: string;
}

/**
 * Scans `root` (the staged tree), logs each ELF file's machine, SONAME, NEEDED and RPATH, warns
 * about malformed ELF files and machine warnings, and throws a LibraryError when an ELF file's
 * machine does not match `platformTag`.
 */
export async function inspectPackageElf(options: {
  root: string;
  platformTag: string;
  log: Log;
  /** Also name the symbols behind each needed version (for the target-glibc check). */
  symbols?: boolean;
}): Promise<ElfInspection> {
  const { root, platformTag, log } = options;
  const scan = await findElfFiles(root, { symbols: options.symbols ?? false });
  for (const file of scan.files) log.info(describeElfFile(file, root));
  for (const { path, error } of scan.malformed) log.warning(error.message, { file: path });
  const mismatches = checkMachines(scan.files, platformTag);
  for (const m of mismatches)
    if (m.severity === 'warning') log.warning(m.message, { file: m.path });
  const summary = formatElfReport(scan.files, { root, mismatches });
  const errors = mismatches.filter((m) => m.severity === 'error');
  if (errors.length > 0) {
    const expectation = expectedMachines(platformTag);
    const arch = expectation.kind === 'linux' ? expectation.arch : platformTag;
    throw new LibraryError(
      `${errors.length} native file(s) do not match the platform tag ${platformTag}: ${errors.map((m) => `${m.path} is ${m.found}`).join('; ')}`,
      {
        file: errors[0]!.path,
        details: errors.map((m) => m.message).join('\n'),
        fix: `build them for ${arch} (the image or cross-compiler for that platform), or set the platform tag to the machine they were built for, or leave them out of the package.`,
      },
    );
  }
  return { files: scan.files, mismatches, summary };
}
