import { fileIsElf } from '../elf/read-file.js';
import type { PackageFile } from '../wheel/package-file.js';

// Extension modules and libraries of other platforms, which are not ELF but still native.
const NATIVE_NAME = /\.(?:so(?:\.[\d.]+)?|pyd|dll|dylib)$/i;

/**
 * The files that make a wheel platform-specific: ELF files (extensions, libraries, programs,
 * whatever their name) and files named like native libraries. A tree with none is pure.
 */
export async function nativeFiles(files: readonly PackageFile[]): Promise<PackageFile[]> {
  const found: PackageFile[] = [];
  for (const file of files) {
    if (
      NATIVE_NAME.test(file.archivePath) ||
      (file.size >= 4 && (await fileIsElf(file.sourcePath)))
    ) {
      found.push(file);
    }
  }
  return found;
}
