export interface BuiltWheel {
  path: string;
  fileName: string;
  sha256: string;
  size: number;
  distribution: string;
  version: string;
}
