/**
 * Pure part of the consumer check's proof of the exact file: the `pip download` that lets the
 * platform's pip choose a file the way `pip install` would (every pip from 8 on has it; none
 * before 22.2 has `--report`), and the failure that names the file
 * pip chose and why pip preferred it to ours.
 */
import { PublishError } from '../../base/errors.js';
import { parseWheelFileName } from '../../wheel/names.js';
import { AWS_CREDENTIAL_VARIABLES } from './verify-published-plan.js';

/**
 * The argv with which the platform's pip chooses and fetches a file for `source` (a
 * `name==version` with `--index-url`, or the pinned URL) into `dest`, without AWS credentials or
 * pip configuration, and without installing it.
 */
export function consumerDownloadArgv(options: {
  python: string;
  dest: string;
  source: readonly string[];
}): string[] {
  const strip = AWS_CREDENTIAL_VARIABLES.flatMap((name) => ['-u', name]);
  return [
    'env',
    ...strip,
    options.python,
    '-E',
    '-s',
    '-m',
    'pip',
    'download',
    '--no-deps',
    '--no-cache-dir',
    '--disable-pip-version-check',
    '-v',
    '-d',
    options.dest,
    ...options.source,
  ];
}

export interface ChosenFile {
  fileName: string;
  sha256: string;
  size: number;
}

/** Why pip took `chosen` over `ours` for the same requirement (both wheel names). */
export function whyPipPreferred(ours: string, chosen: ChosenFile, oursSha256: string): string {
  const a = parseWheelFileName(ours);
  const b = parseWheelFileName(chosen.fileName);
  if (chosen.fileName === ours) {
    return (
      `it has our file name but other bytes (${chosen.size} bytes, sha256 ${chosen.sha256}; ` +
      `ours is sha256 ${oursSha256}): the object was overwritten, or something between the ` +
      'bucket and pip serves another copy'
    );
  }
  if (!a || !b) return `pip took ${chosen.fileName}, which is not our file`;
  if (a.version !== b.version) {
    if (b.version.startsWith(`${a.version}+`)) {
      return (
        `its local version ${b.version} matches ==${a.version} (PEP 440: a version without a ` +
        `local label matches every local version of it), and pip ranks ${b.version} above ` +
        `${a.version}`
      );
    }
    return `pip ranks its version ${b.version} above ours (${a.version}) for this requirement`;
  }
  if ((a.build ?? '') !== (b.build ?? '')) {
    return `same version, and pip ranks its build tag ${b.build ?? '(none)'} above ours (${a.build ?? '(none)'})`;
  }
  return (
    `same version, and its tag ${b.tag} ranks above ours (${a.tag}) for this interpreter: pip ` +
    'takes the most specific tag it supports (a manylinux tag over linux_x86_64, a newer ' +
    'manylinux over an older one, an interpreter-specific tag over py3-none-any)'
  );
}

/** The failure when the documented line does not install our file. */
export function wrongFileError(options: {
  line: string;
  python: string;
  ours: { fileName: string; sha256: string };
  chosen: ChosenFile;
  location: string;
  index: boolean;
}): PublishError {
  const { chosen, ours } = options;
  const why = whyPipPreferred(ours.fileName, chosen, ours.sha256);
  const fix = options.index
    ? `only one build of a version may match an interpreter under one prefix: give each build ` +
      `(a local version such as +gpu, another platform tag) its own s3-prefix, or delete ` +
      `${chosen.fileName} from ${options.location} and re-run (the index is rebuilt from the ` +
      'listing). Depend on the pinned line (the requirement output: the URL with #sha256=), ' +
      'which installs this file or nothing.'
    : 'the object at the URL is not the wheel this run published: re-run the job; if it ' +
      'persists, check what answers at that URL for the platform (a proxy or CDN).';
  return new PublishError(
    `The platform's pip (${options.python}) installs ${chosen.fileName} for "${options.line}", ` +
      `not the wheel this run published (${ours.fileName}): ${why}.`,
    { input: 'verify-published', fix },
  );
}
