/**
 * The verification inputs: where the wheel is proven (`verify-image`) and what `test-command`
 * may install beside it (`test-requires` from `test-find-links`). Read with the others by
 * getInputs, before anything is built. Pure.
 */
import { isAbsolute, resolve } from 'node:path';
import { InputError } from '../base/errors.js';
import { validateImage } from '../exec/container-plan.js';
import type { InputReader } from './input-reader.js';
import type { TestSource } from '../python/test-requires.js';
import { validateRequirement } from '../wheel/requirement.js';

export interface VerifyInputs {
  /** `verify-image` lines; empty = where the build ran (`image`, or this machine). */
  verifyImages: string[];
  /** `test-requires`, each a valid PEP 508 requirement. */
  testRequires: string[];
  testFindLinks?: TestSource;
}

export function verifyInputs(read: InputReader, workingDirectory: string): VerifyInputs {
  const verifyImages = read.lines('verify-image').map((line, index) => {
    try {
      return validateImage(line);
    } catch (error) {
      // validateImage throws an InputError with its fix (input `image`): named for this line.
      const { message, fix } = error as InputError;
      throw new InputError(`line ${index + 1}: ${message}`, { input: 'verify-image', fix });
    }
  });
  const duplicate = verifyImages.find((image, i) => verifyImages.indexOf(image) !== i);
  if (duplicate !== undefined) {
    throw new InputError(`'${duplicate}' is listed twice.`, {
      input: 'verify-image',
      fix: 'list each image once.',
    });
  }
  const testRequires = read
    .lines('test-requires')
    .map((line) => validateRequirement(line, 'test-requires'));
  const testFindLinks = testSource(read.optional('test-find-links'), workingDirectory);
  if (testRequires.length > 0 && read.optional('test-command') === undefined) {
    throw new InputError('`test-requires` is installed for `test-command` only, which is empty.', {
      input: 'test-requires',
      fix: 'set test-command to the command that needs them, or remove test-requires.',
    });
  }
  if (testRequires.length > 0 && testFindLinks === undefined) {
    throw new InputError(
      `${testRequires.join(', ')} has no source: the verification never downloads from PyPI on its own.`,
      {
        input: 'test-requires',
        fix: 'set test-find-links to a folder of wheels (e.g. made by `pip wheel -w wheelhouse pytest` in an earlier step) or to an index URL you trust.',
      },
    );
  }
  return { verifyImages, testRequires, ...(testFindLinks ? { testFindLinks } : {}) };
}

function testSource(raw: string | undefined, workingDirectory: string): TestSource | undefined {
  if (raw === undefined) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    if (!/^https?:\/\/[^\s/]+/i.test(raw)) {
      throw new InputError(`"${raw}" is neither a folder nor an http(s) index URL.`, {
        input: 'test-find-links',
        fix: 'give a folder of wheels (relative to working-directory) or an index URL such as https://pypi.org/simple.',
      });
    }
    return { kind: 'index', url: raw };
  }
  return { kind: 'folder', path: isAbsolute(raw) ? raw : resolve(workingDirectory, raw) };
}
