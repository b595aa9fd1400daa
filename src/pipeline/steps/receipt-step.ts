/**
 * Gathers the facts of the verification receipt (src/publish/receipt.ts) where they live: the
 * interpreter's libc through the executor (inside the image with `image`), the image's identity
 * from the engine on this machine, the commit and SOURCE_DATE_EPOCH; writes the receipt next to
 * the wheel in output-dir.
 */
import { writeFile } from 'node:fs/promises';
import { failedAt } from '../fs-failure.js';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import type { Executors } from '../executors.js';
import type { Inputs } from '../../inputs/inputs.js';
import type { Log } from '../../log/log.js';
import type { NativeReport } from './native-libs.js';
import { RECEIPT_SUFFIX } from '../../wheel/names.js';
import {
  buildReceipt,
  parseGlibc,
  parseImageInspect,
  parseImportLines,
  receiptLibraryPath,
  type ReceiptFacts,
} from '../../publish/receipt.js';
import { resolveSourceDate } from '../source-date.js';
import { TOOL_VERSION } from '../tool-version.js';
import type { PythonProbe } from '../../wheel/tags.js';

// Runs on 2.7 and 3.x: the C library the interpreter itself is linked against.
const LIBC_SCRIPT = String.raw`
import os, platform
value = ""
try:
    value = os.confstr("CS_GNU_LIBC_VERSION") or ""
except Exception:
    pass
if not value:
    lib, version = platform.libc_ver()
    value = ("%s %s" % (lib, version)) if lib else ""
print(value)
`;

export interface ReceiptFile {
  path: string;
  fileName: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

export async function writeReceipt(options: {
  inputs: Inputs;
  executors: Executors;
  env: NodeJS.ProcessEnv;
  wheel: {
    fileName: string;
    size: number;
    sha256: string;
    tags: readonly string[];
    distribution: string;
    version: string;
    verifications?: ReceiptFacts['places'];
  };
  probe: PythonProbe;
  /** The install target of the verification (to make library paths relative). */
  target: string;
  importLines: readonly string[];
  nativeReport: NativeReport;
  log: Log;
  /** The run's redaction: the receipt is written and published as it returns it. */
  redact: (text: string) => string;
}): Promise<ReceiptFile> {
  const { inputs, executors, env, wheel, probe, log } = options;
  // The probe usually learned it already (one python start fewer); older probes did not.
  const glibc = probe.libc
    ? parseGlibc(probe.libc)
    : await executors.executor
        .run([probe.executable, '-E', '-s', '-c', LIBC_SCRIPT])
        .then((libc) => (libc.exitCode === 0 ? parseGlibc(libc.stdout) : null));
  // The verification already asked the engine about the build's image when it ran there.
  let image: ReceiptFacts['image'] = wheel.verifications?.find(
    (place) => place.image && place.image.reference === inputs.container?.image,
  )?.image;
  if (inputs.container && !image) {
    const inspect = await executors.host.run([
      inputs.container.engine,
      'image',
      'inspect',
      inputs.container.image,
    ]);
    image = {
      reference: inputs.container.image,
      ...(inspect.exitCode === 0 ? parseImageInspect(inspect.stdout) : {}),
    };
  }
  const date = await resolveSourceDate(env, executors.host, inputs.workingDirectory);
  const resolved = options.nativeReport.resolved ?? {};
  const symbolVersions = options.nativeReport.symbolVersions ?? {};
  const nativeFiles = Object.keys(options.nativeReport.needed).map((path) => ({
    path,
    symbolVersions: symbolVersions[path] ?? {},
    libraries: (resolved[path] ?? options.nativeReport.needed[path]!.map((name) => ({ name }))).map(
      (lib) => {
        const where = receiptLibraryPath(lib.path, options.target);
        return where === undefined ? { name: lib.name } : { name: lib.name, path: where };
      },
    ),
  }));
  const bytes = buildReceipt(
    {
      wheel: wheel,
      distribution: wheel.distribution,
      version: wheel.version,
      python: {
        path: probe.executable,
        version: probe.version,
        implementation: probe.implementation,
        abi: probe.soabi,
        pip: probe.pipVersion,
        glibc,
      },
      ...(image ? { image } : {}),
      nativeFiles,
      imports: parseImportLines(options.importLines),
      ...(inputs.testCommand
        ? { testCommand: { command: inputs.testCommand, result: 'passed' as const } }
        : {}),
      ...(wheel.verifications ? { places: wheel.verifications } : {}),
      tool: { name: 'algorithmia-wheel', version: TOOL_VERSION },
      sourceDateEpoch: date.epoch,
      ...(env.GITHUB_SHA ? { commit: env.GITHUB_SHA } : {}),
    },
    options.redact,
  );
  const fileName = `${wheel.fileName}${RECEIPT_SUFFIX}`;
  const path = join(inputs.outputDir, fileName);
  await writeFile(path, bytes).catch(failedAt(path));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  log.info(`receipt ${fileName}: ${bytes.length} bytes, sha256 ${sha256}`);
  return { path, fileName, sha256, size: bytes.length, bytes };
}
