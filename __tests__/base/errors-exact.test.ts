// The error classes field by field: cause, name, RunnerError's variable, errorMessage.
import { describe, expect, it } from 'vitest';
import {
  BuildError,
  CancelledError,
  CommandTimeoutError,
  errorMessage,
  fixText,
  InputError,
  LibraryError,
  PublishError,
  PythonError,
  RunnerError,
  UserError,
  VerifyError,
} from '../../src/base/errors.js';

describe('UserError', () => {
  it('keeps a cause only when one is given', () => {
    const cause = new Error('EACCES');
    const withCause = new UserError('m', { cause });
    expect(withCause.cause).toBe(cause);
    expect('cause' in withCause).toBe(true);
    expect('cause' in new UserError('m', { input: 'x' })).toBe(false);
    expect('cause' in new UserError('m')).toBe(false);
    expect(new UserError('m', { cause: 0 }).cause).toBe(0);
  });

  it('carries its fields and is named after its class', () => {
    const error = new UserError('m', { input: 'i', fix: 'f', file: 'a/b', details: 'd' });
    expect([error.message, error.input, error.fix, error.file, error.details]).toEqual([
      'm',
      'i',
      'f',
      'a/b',
      'd',
    ]);
    const classes = [
      UserError,
      InputError,
      BuildError,
      PythonError,
      VerifyError,
      LibraryError,
      PublishError,
      CommandTimeoutError,
      CancelledError,
    ];
    for (const Class of classes) {
      const e = new Class('x');
      expect(e.name).toBe(Class.name);
      expect(e).toBeInstanceOf(UserError);
      expect(e.describe()).toBe('x');
    }
  });

  it('leaves the first word alone unless the fix starts with a capitalized word', () => {
    expect(fixText('S3 bucket Policy must allow it.')).toBe('S3 bucket Policy must allow it.');
    expect(fixText('`x` Then y.')).toBe('`x` Then y.');
    expect(fixText('Docker must run.')).toBe('Docker must run.');
    expect(fixText('Podman, Debian, Ubuntu, Node and Azure too.')).toBe(
      'Podman, Debian, Ubuntu, Node and Azure too.',
    );
    for (const name of ['Debian', 'Ubuntu', 'Node', 'Azure', 'Python']) {
      expect(fixText(`${name} x.`)).toBe(`${name} x.`);
    }
    expect(fixText('Pythonic code.')).toBe('pythonic code.');
    expect(fixText('Set x.')).toBe('set x.');
    expect(fixText('A')).toBe('A');
    expect(fixText('')).toBe('');
  });
});

describe('RunnerError', () => {
  it('names the variable instead of an input, before the message and the fix', () => {
    const cause = new Error('EROFS');
    const error = new RunnerError('RUNNER_TEMP', 'cannot be used.', {
      fix: 'Leave it as the runner sets it.',
      file: '/t',
      details: 'more',
      cause,
    });
    expect(error.variable).toBe('RUNNER_TEMP');
    expect(error.input).toBeUndefined();
    expect(error.name).toBe('RunnerError');
    expect(error.file).toBe('/t');
    expect(error.details).toBe('more');
    expect(error.cause).toBe(cause);
    expect(error.describe()).toBe(
      'Variable RUNNER_TEMP: cannot be used. Fix: leave it as the runner sets it.',
    );
    expect(new RunnerError('GITHUB_OUTPUT', 'is missing.').describe()).toBe(
      'Variable GITHUB_OUTPUT: is missing.',
    );
  });
});

describe('errorMessage', () => {
  it("is an Error's message, or the thrown value as text", () => {
    expect(errorMessage(new TypeError('bad'))).toBe('bad');
    expect(errorMessage(new InputError('x', { input: 'y' }))).toBe('x');
    expect(errorMessage('text')).toBe('text');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage({ message: 'not an Error' })).toBe('[object Object]');
  });
});
