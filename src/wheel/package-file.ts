/** One file of the package, as staged: where it goes in the wheel and where its bytes are. */
export interface PackageFile {
  archivePath: string;
  sourcePath: string;
  size: number;
  executable: boolean;
}
