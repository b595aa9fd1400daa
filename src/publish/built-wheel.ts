/** A wheel built and checked by the pipeline, ready to publish. */
export interface BuiltWheel {
  /** Absolute path of the .whl on disk. */
  path: string;
  /** Its base name, e.g. `mylib-1.2.0-cp39-cp39-manylinux_2_28_x86_64.whl`. */
  fileName: string;
  /** SHA-256 of the file, lowercase hex. */
  sha256: string;
  /** Size in bytes. */
  size: number;
  distribution: string;
  version: string;
}
