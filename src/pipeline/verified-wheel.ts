/** The wheel the pipeline verified, and the steps (publishers) that may run on it. */
import type { Outputs } from '../inputs/output-spec.js';
import type { Log } from '../log/log.js';
import type { NativeReport } from './steps/native-libs.js';
import type { VerifyResult } from '../python/verify-install.js';
import type { ReceiptFile } from './steps/receipt-step.js';
import type { PythonProbe } from '../wheel/tags.js';
import type { PackedWheel } from '../wheel/pack.js';

/**
 * A step that runs only after the wheel was verified (publishers); returns outputs to set.
 * `published` takes outputs of something already out there before the step ends (the wheel's
 * S3 URI before its sidecars are written): a later failure still reports them.
 */
export interface AfterVerifyStep {
  name: string;
  run(
    wheel: VerifiedWheel,
    log: Log,
    signal?: AbortSignal,
    published?: (outputs: Outputs) => void,
  ): Promise<Outputs>;
}

/** A packed wheel, not yet verified, with what the later steps need to know of it. */
export interface PackResult {
  wheel: PackedWheel;
  distribution: string;
  version: string;
  packageName: string;
  /** The default `import` list: every top-level module and package of the wheel. */
  imports: string[];
}

/** One place the wheel was proven in: a row of the summary and an entry of the receipt. */
export interface PlaceVerification {
  /** "this machine" or "the image NAME". */
  where: string;
  image?: { reference: string; id?: string; repoDigests?: readonly string[] };
  python: { path: string; version: string; pip: string | null };
  /** The wheel's tags this place's pip accepts. */
  tagsAccepted: readonly string[];
  result: 'passed';
}

export interface VerifiedWheel extends PackedWheel {
  distribution: string;
  version: string;
  packageName: string;
  probe: PythonProbe;
  verify: VerifyResult;
  /** The native files and their dependencies. */
  nativeReport: NativeReport;
  /** Each place the wheel was proven in (verify-image), in order. */
  verifications?: readonly PlaceVerification[];
  /** The verification receipt written next to the wheel. */
  receipt?: ReceiptFile;
}
