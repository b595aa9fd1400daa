/**
 * Finds the ELF files of a staged package tree by their magic bytes, not by name: a native
 * library can be called anything (`_caffe.so`, `libfoo.so.1.2`, `plugin.bin`).
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../base/errors.js';
import { readElfIfAny } from '../elf/read-file.js';
import { ElfFormatError, type ElfInfo } from '../elf/reader.js';

export interface ElfFile {
  /** Absolute path. */
  path: string;
  info: ElfInfo;
}

export interface ElfScan {
  files: ElfFile[];
  /** Files that start with the ELF magic but cannot be parsed. */
  malformed: { path: string; error: ElfFormatError }[];
}

/**
 * Walks `root` (symbolic links are not followed) and reads every ELF file in it; with
 * `symbols`, also the symbols behind each needed version.
 */
export async function findElfFiles(
  root: string,
  options: { symbols?: boolean } = {},
): Promise<ElfScan> {
  const scan: ElfScan = { files: [], malformed: [] };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        try {
          const info = readElfIfAny(path, options);
          if (info) scan.files.push({ path, info });
        } catch (error) {
          if (!(error instanceof ElfFormatError)) {
            throw new Error(`Reading ${path}: ${errorMessage(error)}`, { cause: error });
          }
          scan.malformed.push({ path, error });
        }
      }
    }
  };
  await walk(root);
  return scan;
}
