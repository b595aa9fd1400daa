import { describe, expect, test } from 'vitest';
import { InputError, UserError } from '../../src/base/errors.js';
import {
  containerEnv,
  dockerRunCommand,
  isForwardedHostVariable,
  parseDockerOptions,
  validateImage,
  type DockerRunSpec,
} from '../../src/exec/container-plan.js';

const IMAGE = 'algorithmiahq/langserver:python3.7';

// A runner's environment with the secrets a real one has next to the useful variables.
const HOST_ENV: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'aws-secret-value-123',
  AWS_SESSION_TOKEN: 'aws-session-value-456',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-value-789',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-value',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example.invalid/x',
  ACTIONS_RESULTS_URL: 'https://results.example.invalid/',
  GITHUB_TOKEN: 'ghs_faketokenvalue',
  GITHUB_REPOSITORY: 'octo/wheel',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_WORKSPACE: '/home/runner/work/wheel/wheel',
  GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_x',
  GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env_x',
  GITHUB_APP_PRIVATE_KEY: 'pem-value',
  GITHUB_DEPLOY_PASSWORD: 'pw-value',
  RUNNER_OS: 'Linux',
  RUNNER_ARCH: 'X64',
  RUNNER_TEMP: '/home/runner/work/_temp',
  CI: 'true',
  SOURCE_DATE_EPOCH: '1700000000',
  CC: 'gcc',
  CXX: 'g++',
  CFLAGS: '-O2 -g0',
  CXXFLAGS: '-O2',
  CPPFLAGS: '-DNDEBUG',
  LDFLAGS: '-Wl,-s',
  MAKEFLAGS: '-j2',
  CMAKE_BUILD_PARALLEL_LEVEL: '2',
  CMAKE_SECRET_THING: 'cmake-secret-value',
  HOME: '/home/runner',
  PATH: '/usr/bin:/bin',
  NPM_TOKEN: 'npm-token-value',
  DB_PASSWORD: 'db-password-value',
};

const SECRET_VALUES = [
  'AKIAFAKEFAKEFAKE',
  'aws-secret-value-123',
  'aws-session-value-456',
  'runtime-token-value-789',
  'oidc-request-value',
  'ghs_faketokenvalue',
  'pem-value',
  'pw-value',
  'cmake-secret-value',
  'npm-token-value',
  'db-password-value',
];

describe('containerEnv', () => {
  test('passes exactly the documented host variables', () => {
    expect(containerEnv(HOST_ENV, [])).toEqual({
      CI: 'true',
      GITHUB_REPOSITORY: 'octo/wheel',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_WORKSPACE: '/home/runner/work/wheel/wheel',
      RUNNER_ARCH: 'X64',
      RUNNER_OS: 'Linux',
    });
  });

  test.each([
    ['AWS_SECRET_ACCESS_KEY', false],
    ['AWS_REGION', false],
    ['ACTIONS_RUNTIME_TOKEN', false],
    ['ACTIONS_ID_TOKEN_REQUEST_URL', false],
    ['GITHUB_TOKEN', false],
    ['github_token', false],
    ['GITHUB_APP_PRIVATE_KEY', false],
    ['GITHUB_STEP_SUMMARY', false],
    ['GITHUB_PATH', false],
    ['CMAKE_SECRET_THING', false],
    ['RUNNER_TEMP', false],
    ['HOME', false],
    ['GITHUB_RUN_ID', true],
    ['GITHUB_REF_NAME', true],
    ['CMAKE_GENERATOR', false],
    ['SOURCE_DATE_EPOCH', false],
    ['CXXFLAGS', false],
  ])('host variable %s forwarded: %s', (name, expected) => {
    expect(isForwardedHostVariable(name)).toBe(expected);
  });

  test('the env input adds and overrides; blank lines and comments are skipped', () => {
    const env = containerEnv({ CFLAGS: '-O2', PATH: '/usr/bin' }, [
      '  # build tweaks',
      'CFLAGS=-O3 -march=x86-64',
      '',
      'MY_VAR=a=b=c',
      'EMPTY=',
      'PATH=/opt/anaconda3/bin:/usr/bin',
    ]);
    expect(env).toEqual({
      CFLAGS: '-O3 -march=x86-64',
      MY_VAR: 'a=b=c',
      EMPTY: '',
      PATH: '/opt/anaconda3/bin:/usr/bin',
    });
  });

  test('a value the user writes explicitly is their choice, even with a secret-like name', () => {
    expect(containerEnv(HOST_ENV, ['MY_TOKEN=from-the-workflow'])).toMatchObject({
      MY_TOKEN: 'from-the-workflow',
    });
  });

  test.each([
    ['AWS_SECRET_ACCESS_KEY', /line 2 \('AWS_SECRET_ACCESS_KEY'\) has no '='/],
    ['SPACED = x', /line 2: 'SPACED ' is not a valid variable name/],
    ['1ABC=x', /'1ABC' is not a valid variable name/],
    ['MY-VAR=x', /'MY-VAR' is not a valid variable name/],
    ['=value', /'' is not a valid variable name/],
  ])('rejects the env line %j', (line, message) => {
    const error = (() => {
      try {
        containerEnv({}, ['OK=1', line]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('env');
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).fix).toBeTruthy();
  });
});

describe('parseDockerOptions', () => {
  test.each([
    ['', []],
    ['  ', []],
    ['--network none', ['--network', 'none']],
    ['--memory=2g\n--cpus 1.5', ['--memory=2g', '--cpus', '1.5']],
    ['-e "A B"', ['-e', 'A B']],
    [`--label 'x y' --label z`, ['--label', 'x y', '--label', 'z']],
    [`--label it"'"s`, ['--label', "it's"]],
    [`-e "Q=\\"quoted\\" \\\\ \\$HOME"`, ['-e', 'Q="quoted" \\ $HOME']],
    ['-e X=$HOME', ['-e', 'X=$HOME']],
    ['a\\ b c', ['a b', 'c']],
    [`''`, ['']],
    ['--add-host=h:1.2.3.4 \\\n--shm-size 1g', ['--add-host=h:1.2.3.4', '--shm-size', '1g']],
    [`"a"'b'c`, ['abc']],
    // No globbing: a pattern reaches the engine as written.
    ['-v /data/*.csv:/in', ['-v', '/data/*.csv:/in']],
    // Quoted shell syntax is just text.
    [
      `--label "a;b|c" -e 'X=1 && 2' --label "#tag"`,
      ['--label', 'a;b|c', '-e', 'X=1 && 2', '--label', '#tag'],
    ],
  ])('%j splits into %j', (raw, expected) => {
    expect(parseDockerOptions(raw)).toEqual(expected);
  });

  test.each([
    ['--label "open', /unbalanced double quote/],
    ["--label 'open", /unbalanced single quote/],
    ['--label x\\', /lone backslash/],
    ['-it', /'-it' cannot be used/],
    ['-d', /'-d' cannot be used/],
    ['--tty', /'--tty' cannot be used/],
    ['--detach=true', /'--detach=true' cannot be used/],
    // Never run by a shell: operators and comments would silently mean something else.
    ['--network host; rm -rf /', /';' is shell syntax, not an option/],
    ['--label x | cat', /'\|' is shell syntax/],
    ['--label x && y', /'&&' is shell syntax/],
    ['--label=x>y', /'>' is shell syntax/],
    ['--memory 2g # the limit', /'# the limit' is shell syntax/],
  ])('rejects %j', (raw, message) => {
    expect(() => parseDockerOptions(raw)).toThrow(message);
    try {
      parseDockerOptions(raw);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).input).toBe('docker-options');
    }
  });
});

describe('validateImage', () => {
  test.each([
    'debian',
    'debian:12',
    'algorithmiahq/langserver:python3.7',
    'ghcr.io/octo/algo-env:2024.1',
    'localhost:5000/team/image',
    'registry.example.com:443/a/b/c:v1.2-rc_3',
    `ubuntu@sha256:${'a'.repeat(64)}`,
    `ubuntu:16.04@sha256:${'0123456789abcdef'.repeat(4)}`,
  ])('accepts %s', (image) => {
    expect(validateImage(image)).toBe(image);
  });

  test.each([
    '',
    '   ',
    'Debian',
    '-v',
    '--privileged',
    'debian 12',
    'debian:',
    'debian:-x',
    'a//b',
    'debian;rm -rf /',
    `ubuntu@sha256:abc`,
  ])('rejects %j', (image) => {
    expect(() => validateImage(image)).toThrow(InputError);
    try {
      validateImage(image);
    } catch (error) {
      expect((error as InputError).input).toBe('image');
    }
  });
});

describe('dockerRunCommand', () => {
  const base: DockerRunSpec = {
    engine: 'docker',
    image: IMAGE,
    mounts: ['/home/runner/work/wheel/wheel'],
    cwd: '/home/runner/work/wheel/wheel',
    env: {},
    options: [],
    argv: ['python3', '--version'],
  };

  test.each<[string, Partial<DockerRunSpec>, string[]]>([
    [
      'plain step',
      {},
      [
        'docker',
        'run',
        '--rm',
        '--entrypoint=',
        '-v',
        '/home/runner/work/wheel/wheel:/home/runner/work/wheel/wheel',
        '-w',
        '/home/runner/work/wheel/wheel',
        IMAGE,
        'python3',
        '--version',
      ],
    ],
    [
      'podman, stdin, no cwd, a user',
      { engine: 'podman', interactive: true, cwd: undefined, user: '0:0' },
      [
        'podman',
        'run',
        '--rm',
        '-i',
        '--entrypoint=',
        '-v',
        '/home/runner/work/wheel/wheel:/home/runner/work/wheel/wheel',
        '--user',
        '0:0',
        IMAGE,
        'python3',
        '--version',
      ],
    ],
    [
      'mounts sorted parent first and deduplicated; docker-options before the image',
      {
        mounts: ['/ws/sub', '/tmp/action-x', '/ws', '/ws/sub'],
        cwd: '/ws/sub',
        options: ['--network', 'none', '--label', 'a b'],
      },
      [
        'docker',
        'run',
        '--rm',
        '--entrypoint=',
        '-v',
        '/tmp/action-x:/tmp/action-x',
        '-v',
        '/ws:/ws',
        '-v',
        '/ws/sub:/ws/sub',
        '-w',
        '/ws/sub',
        '--network',
        'none',
        '--label',
        'a b',
        IMAGE,
        'python3',
        '--version',
      ],
    ],
    [
      'variables by name only, sorted; names the client reads go inline',
      {
        mounts: [],
        cwd: undefined,
        env: { ZED: 'last', CFLAGS: '-O2 -g', PATH: '/opt/conda/bin:/usr/bin', HOME: '/root' },
      },
      [
        'docker',
        'run',
        '--rm',
        '--entrypoint=',
        '-e',
        'CFLAGS',
        '-e',
        'HOME=/root',
        '-e',
        'PATH=/opt/conda/bin:/usr/bin',
        '-e',
        'ZED',
        IMAGE,
        'python3',
        '--version',
      ],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(dockerRunCommand({ ...base, ...overrides }).argv).toEqual(expected);
  });

  test('values travel in the client environment, never on the command line', () => {
    const env = {
      ...containerEnv(HOST_ENV, ['MY_VAR=hello world', 'CFLAGS=-O2 -g0', 'LDFLAGS=-Wl,-s']),
      MULTI: 'line one\nline two',
    };
    const command = dockerRunCommand({ ...base, env });
    expect(command.env).toEqual({
      CFLAGS: '-O2 -g0',
      CI: 'true',
      GITHUB_REPOSITORY: 'octo/wheel',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_WORKSPACE: '/home/runner/work/wheel/wheel',
      LDFLAGS: '-Wl,-s',
      MULTI: 'line one\nline two',
      MY_VAR: 'hello world',
      RUNNER_ARCH: 'X64',
      RUNNER_OS: 'Linux',
    });
    // Every -e names a variable; none carries a value.
    const flags = command.argv.flatMap((arg, i) => (arg === '-e' ? [command.argv[i + 1]] : []));
    expect(flags).toEqual(Object.keys(command.env).sort());
    const line = command.argv.join('\n');
    for (const value of ['hello world', 'line one', '-O2 -g0', '-Wl,-s', 'octo/wheel']) {
      expect(line).not.toContain(value);
    }
  });

  test('host secrets appear nowhere: not in argv, not in the variables given to the client', () => {
    const command = dockerRunCommand({ ...base, env: containerEnv(HOST_ENV, []) });
    const everything = JSON.stringify(command);
    for (const value of SECRET_VALUES) expect(everything).not.toContain(value);
    for (const name of [
      'AWS_',
      'ACTIONS_',
      'GITHUB_TOKEN',
      'PRIVATE_KEY',
      'PASSWORD',
      'NPM_TOKEN',
      'RUNNER_TEMP',
      'GITHUB_OUTPUT',
    ]) {
      expect(everything).not.toContain(name);
    }
  });

  test('commands with spaces and quotes stay single argv elements', () => {
    const argv = [
      'sh',
      '-c',
      `python3 setup.py build_ext --define "NAME=it's" && echo 'done  twice'`,
      '',
      '$HOME',
      'a\nb',
    ];
    const command = dockerRunCommand({ ...base, argv });
    expect(command.argv.slice(-argv.length)).toEqual(argv);
    expect(command.argv[command.argv.length - argv.length - 1]).toBe(IMAGE);
  });

  test.each([
    [{ mounts: ['relative/dir'] }, /folder 'relative\/dir' cannot be mounted/],
    [{ mounts: ['/ws/a:b'] }, /folder '\/ws\/a:b' cannot be mounted/],
    [{ cwd: 'src' }, /working directory 'src' cannot be mounted/],
    [{ image: '--privileged' }, /not a valid image reference/],
  ])('rejects %j', (overrides, message) => {
    expect(() => dockerRunCommand({ ...base, ...overrides })).toThrow(message);
    expect(() => dockerRunCommand({ ...base, ...overrides })).toThrow(UserError);
  });
});
