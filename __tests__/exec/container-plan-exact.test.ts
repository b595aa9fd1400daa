/**
 * container-plan.ts, exactly: the order and presence of forwarded variables, the shell-like
 * splitting of docker-options, image bounds, container names and the programming errors.
 */
import { describe, expect, test } from 'vitest';
import { InputError, UserError } from '../../src/base/errors.js';
import {
  containerEnv,
  dockerRunCommand,
  parseDockerOptions,
  validateImage,
  type DockerRunSpec,
} from '../../src/exec/container-plan.js';

const spec = (extra: Partial<DockerRunSpec> = {}): DockerRunSpec => ({
  engine: 'docker',
  image: 'debian:bookworm',
  mounts: [],
  env: {},
  options: [],
  argv: ['true'],
  ...extra,
});

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('containerEnv', () => {
  test('host variables come out in sorted order, then the env input in its own order', () => {
    const env = containerEnv(
      { RUNNER_OS: 'Linux', GITHUB_JOB: 'j', GITHUB_SHA: 'abc', CI: 'true' },
      ['ZED=1', 'ALPHA=2'],
    );
    expect(Object.keys(env)).toEqual([
      'CI',
      'GITHUB_JOB',
      'GITHUB_SHA',
      'RUNNER_OS',
      'ZED',
      'ALPHA',
    ]);
  });

  test('a host variable that is unset (undefined) is left out, an empty one is passed', () => {
    expect(containerEnv({ GITHUB_REF: undefined, GITHUB_HEAD_REF: '' }, [])).toEqual({
      GITHUB_HEAD_REF: '',
    });
    expect('GITHUB_REF' in containerEnv({ GITHUB_REF: undefined }, [])).toBe(false);
  });
});

describe('parseDockerOptions, like a POSIX shell', () => {
  test.each<[string, string[]]>([
    ['"a\\"b"', ['a"b']],
    ['"a\\\\b"', ['a\\b']],
    ['"a\\$b"', ['a$b']],
    // shell-quote keeps a backslash before a backquote inside double quotes (a POSIX shell drops it).
    ['"a\\`b"', ['a\\`b']],
    ['"a\\xb"', ['a\\xb']],
    ['"a\\\nb"', ['ab']],
    ['\\ ', [' ']],
    ['\\  x', [' ', 'x']],
    ['a\\\nb', ['ab']],
    ['\\\n', []],
    ["'a\\b'", ['a\\b']],
    ['""', ['']],
    ["''  x", ['', 'x']],
    ['-e A=1\t--label=x-d', ['-e', 'A=1', '--label=x-d']],
    ['--detach-keys=ctrl-a --tty-size=x', ['--detach-keys=ctrl-a', '--tty-size=x']],
    ['--env=X-t -i', ['--env=X-t', '-i']],
    ['--label=x--tty -P -q', ['--label=x--tty', '-P', '-q']],
    ['-edt -hdt', ['-edt', '-hdt']], // -e and -h take a value: 'dt' is it
    ['-vd:/d -pt', ['-vd:/d', '-pt']], // -v and -p take a value: 'd:/d' and 't' are it
    ['-i -P -iP', ['-i', '-P', '-iP']],
    ['a\\b c\\"d', ['ab', 'c"d']], // a backslash outside quotes escapes any character
  ])('%j', (raw, words) => {
    expect(parseDockerOptions(raw)).toEqual(words);
  });

  test.each([';', '|', '&&', '>', '#x'])('refuses the shell syntax %j with its fix', (syntax) => {
    const error = thrown(() => parseDockerOptions(`-e A=1 ${syntax}`)) as InputError;
    expect(error.input).toBe('docker-options');
    expect(error.message).toBe(`'${syntax}' is shell syntax, not an option.`);
    expect(error.fix).toBe(
      'docker-options is split into words and passed to the engine, never run by a shell: quote the character (e.g. "a;b"), or remove it.',
    );
  });

  test('the refusals say what to do', () => {
    const lone = thrown(() => parseDockerOptions('-e A=1 \\')) as InputError;
    expect(lone).toBeInstanceOf(InputError);
    expect(lone.input).toBe('docker-options');
    expect(lone.message).toBe('ends with a lone backslash.');
    expect(lone.fix).toBe('remove the trailing backslash or quote the value.');
    const single = thrown(() => parseDockerOptions("-e 'A=1")) as InputError;
    expect(single.message).toBe('has an unbalanced single quote.');
    expect(single.fix).toBe("close the ' quote, or escape it with a backslash.");
    const double = thrown(() => parseDockerOptions('-e "A=1')) as InputError;
    expect(double.message).toBe('has an unbalanced double quote.');
    expect(double.fix).toBe('close the " quote, or escape it with a backslash.');
  });

  test.each([
    '-d',
    '-t',
    '-it',
    '-ti',
    '-dit',
    '-td',
    '--detach',
    '--tty',
    '--tty=true',
    '--detach=false',
    '-dp', // -d -p VALUE: detaches
    '-dv/host:/c',
    '-itv',
    '-Pd',
    '-qt',
  ])('refuses %s with its fix', (option) => {
    const error = thrown(() => parseDockerOptions(`--network host ${option}`)) as InputError;
    expect(error.input).toBe('docker-options');
    expect(error.message).toBe(
      `'${option}' cannot be used: the action captures each step's output.`,
    );
    expect(error.fix).toBe(
      'remove -d/-t/--detach/--tty (and -it); the action passes -i itself when a step needs stdin.',
    );
  });
});

describe('validateImage', () => {
  test.each(['', '   ', '\n'])('refuses the empty reference %j', (image) => {
    const error = thrown(() => validateImage(image)) as InputError;
    expect(error.input).toBe('image');
    expect(error.message).toBe(`'${image}' is not a valid image reference.`);
  });

  test('trims, and allows 255 characters but not 256', () => {
    expect(validateImage('  debian:bookworm \n')).toBe('debian:bookworm');
    const name255 = `a${'b'.repeat(254)}`;
    expect(validateImage(name255)).toBe(name255);
    const error = thrown(() => validateImage(`${name255}c`)) as InputError;
    expect(error.input).toBe('image');
    expect(error.message).toBe(`'${name255}c' is not a valid image reference.`);
    expect(error.fix).toBe(
      'use a name like algorithmiahq/langserver:python3.7 or registry.example.com/team/image@sha256:<digest> (lowercase name, no spaces, no leading dash).',
    );
  });
});

describe('dockerRunCommand', () => {
  test('a folder that cannot be mounted: a UserError with its fix', () => {
    const error = thrown(() => dockerRunCommand(spec({ mounts: ['/a:b'] }))) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe("The folder '/a:b' cannot be mounted into the image.");
    expect(error.fix).toBe("use an absolute path without ':' ',' or line breaks for the folder.");
    const cwd = thrown(() => dockerRunCommand(spec({ cwd: 'rel' }))) as UserError;
    expect(cwd.fix).toBe(
      "use an absolute path without ':' ',' or line breaks for the working directory.",
    );
  });

  test('a container name goes after -i as --name; a bad one is a programming error', () => {
    expect(dockerRunCommand(spec({ name: 'aw-1.step_2', interactive: true })).argv).toEqual([
      'docker',
      'run',
      '--rm',
      '-i',
      '--name',
      'aw-1.step_2',
      '--entrypoint=',
      'debian:bookworm',
      'true',
    ]);
    for (const name of ['-x', '.x', 'a b', 'a/b', '', 'x;rm']) {
      expect(() => dockerRunCommand(spec({ name })), name).toThrow(
        `dockerRunCommand: bad container name '${name}'`,
      );
    }
  });

  test('an empty command and a bad variable name are programming errors', () => {
    expect(() => dockerRunCommand(spec({ argv: [] }))).toThrow('dockerRunCommand: empty argv');
    expect(() => dockerRunCommand(spec({ env: { 'A-B': '1' } }))).toThrow(
      "dockerRunCommand: bad variable name 'A-B'",
    );
  });

  test('a variable whose value is missing at run time is passed empty', () => {
    const env = { KEPT: undefined } as unknown as Record<string, string>;
    expect(dockerRunCommand(spec({ env })).env).toEqual({ KEPT: '' });
  });
});
