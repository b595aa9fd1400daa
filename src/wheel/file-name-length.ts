import { InputError } from '../base/errors.js';
import { escapeWheelName, RECEIPT_SUFFIX, wheelFileName } from './names.js';

/** The longest name ext4, xfs, btrfs and tmpfs allow for one file (bytes). */
const NAME_MAX = 255;
/**
 * The longest name written beside the wheel: its receipt. (The packer's temporary
 * `.<wheel>.<pid>.partial` is at most 17 bytes longer; a pid has at most 7 digits.)
 */
// Stryker disable next-line StringLiteral,ArithmeticOperator: equivalent while the receipt's suffix (18) is the longer.
const COMPANION_BYTES = Math.max(RECEIPT_SUFFIX.length, '.'.length + '.4194304.partial'.length);
/** The longest wheel file name that leaves room for its companions. */
export const MAX_WHEEL_FILE_NAME_BYTES = NAME_MAX - COMPANION_BYTES;
/** The shortest tag a wheel can carry (`py3-none-any`), when the tag is not known yet. */
const SHORTEST_TAG = 'py3-none-any';

/**
 * Refuses a version that makes the wheel's file name longer than a file system allows, before
 * anything is built (the name and tag may be unknown yet: the shortest are assumed). Pure.
 */
export function checkVersionLength(version: string, name?: string, tag?: string): void {
  const fileName = wheelFileName(name ?? 'x', version, tag ?? SHORTEST_TAG);
  const bytes = Buffer.byteLength(fileName);
  if (bytes <= MAX_WHEEL_FILE_NAME_BYTES) return;
  const room = Buffer.byteLength(version) - (bytes - MAX_WHEEL_FILE_NAME_BYTES);
  const shown = version.length > 40 ? `${version.slice(0, 32)}...` : version;
  const named = name === undefined ? '' : ` "${escapeWheelName(name)}"`;
  throw new InputError(
    `the version "${shown}" (${Buffer.byteLength(version)} bytes) makes the wheel's file name ` +
      `at least ${bytes} bytes long; file systems allow ${NAME_MAX} bytes for a name and the ` +
      `receipt beside the wheel adds ${RECEIPT_SUFFIX.length}, so the wheel${named} leaves ` +
      `${Math.max(room, 0)} bytes for the version.`,
    {
      input: 'version',
      fix: `use a version of at most ${Math.max(room, 0)} bytes (shorten the local label after "+").`,
    },
  );
}
