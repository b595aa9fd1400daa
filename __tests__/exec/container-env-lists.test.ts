/**
 * Each entry of the container environment's lists, one at a time: removing any of them from
 * container-plan.ts must fail a test here (the mutation run checks that it does).
 */
import { describe, expect, test } from 'vitest';
import {
  CONTAINER_ENV_ALLOWED,
  ENGINE_CLIENT_ENV,
  containerEnv,
  dockerRunCommand,
  isForwardedHostVariable,
} from '../../src/exec/container-plan.js';

const IMAGE = 'debian:bookworm';

describe('host variables that are not documented runner defaults never go in implicitly', () => {
  test.each([
    // Named like the runner's own variables, but credentials (issue 22: the GITHUB_* wildcard).
    'GITHUB_PAT',
    'GITHUB_AUTH',
    'GITHUB_APP_PEM',
    'GITHUB_DEPLOY_PW',
    'GITHUB_TOKEN',
    'GITHUB_APP_PRIVATE_KEY',
    'CMAKE_REGISTRY_PASS',
    'CMAKE_ARGS',
    // Harmless build settings: only through `env`, where the workflow says so.
    'CC',
    'CXX',
    'CFLAGS',
    'CMAKE_BUILD_TYPE',
    'SOURCE_DATE_EPOCH',
    // The runner's file commands and host folders: not mounted.
    'GITHUB_ENV',
    'GITHUB_OUTPUT',
    'GITHUB_PATH',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY',
    'GITHUB_ACTION_PATH',
    'RUNNER_TEMP',
    'RUNNER_TOOL_CACHE',
    // Exact names: another case or a look-alike is not the runner's variable.
    'github_sha',
    'GITHUB_SHA2',
    'MY_GITHUB_SHA',
  ])('%s', (name) => {
    expect(isForwardedHostVariable(name)).toBe(false);
    expect(containerEnv({ [name]: 'host-value' }, [])).toEqual({});
    // Written into the `env` input, it is passed: the workflow says so explicitly.
    expect(containerEnv({}, [`${name}=explicit`])).toEqual({ [name]: 'explicit' });
  });
});

describe('the allow-list, entry by entry', () => {
  test.each(CONTAINER_ENV_ALLOWED.map((entry) => [entry]))('%s', (name) => {
    expect(isForwardedHostVariable(name)).toBe(true);
    expect(containerEnv({ [name]: 'v', UNLISTED: 'x' }, [])).toEqual({ [name]: 'v' });
    // Its value holds a secret the redactor masks: it stays out all the same.
    const masked = (value: string) => value.includes('pw-0001');
    expect(containerEnv({ [name]: 'https://u:pw-0001@host' }, [], masked)).toEqual({});
  });

  test("the runner's documented defaults, but file commands and host folders", () => {
    expect(CONTAINER_ENV_ALLOWED).toEqual([
      'CI',
      'GITHUB_ACTION',
      'GITHUB_ACTION_REPOSITORY',
      'GITHUB_ACTIONS',
      'GITHUB_ACTOR',
      'GITHUB_ACTOR_ID',
      'GITHUB_API_URL',
      'GITHUB_BASE_REF',
      'GITHUB_EVENT_NAME',
      'GITHUB_EVENT_PATH',
      'GITHUB_GRAPHQL_URL',
      'GITHUB_HEAD_REF',
      'GITHUB_JOB',
      'GITHUB_REF',
      'GITHUB_REF_NAME',
      'GITHUB_REF_PROTECTED',
      'GITHUB_REF_TYPE',
      'GITHUB_REPOSITORY',
      'GITHUB_REPOSITORY_ID',
      'GITHUB_REPOSITORY_OWNER',
      'GITHUB_REPOSITORY_OWNER_ID',
      'GITHUB_RETENTION_DAYS',
      'GITHUB_RUN_ATTEMPT',
      'GITHUB_RUN_ID',
      'GITHUB_RUN_NUMBER',
      'GITHUB_SERVER_URL',
      'GITHUB_SHA',
      'GITHUB_TRIGGERING_ACTOR',
      'GITHUB_WORKFLOW',
      'GITHUB_WORKFLOW_REF',
      'GITHUB_WORKFLOW_SHA',
      'GITHUB_WORKSPACE',
      'RUNNER_ARCH',
      'RUNNER_DEBUG',
      'RUNNER_ENVIRONMENT',
      'RUNNER_NAME',
      'RUNNER_OS',
    ]);
  });
});

describe('step variables the engine client reads go on the command line, never into its environment', () => {
  const cases = [
    ['PATH', 'PATH'],
    ['HOME', 'HOME'],
    ['USER', 'USER'],
    ['TMPDIR', 'TMPDIR'],
    ['LD_PRELOAD', 'LD_*'],
    ['LD_LIBRARY_PATH', 'LD_*'],
    ['XDG_RUNTIME_DIR', 'XDG_*'],
    ['DOCKER_HOST', 'DOCKER_*'],
    ['DOCKER_CONFIG', 'DOCKER_*'],
    ['CONTAINERS_CONF', 'CONTAINERS_*'],
    ['PODMAN_USERNS', 'PODMAN_*'],
    ['BUILDAH_ISOLATION', 'BUILDAH_*'],
    ['REGISTRY_AUTH_FILE', 'REGISTRY_AUTH_FILE'],
    ['ld_preload', 'LD_*'],
    ['Docker_Host', 'DOCKER_*'],
  ];
  test.each(cases)('%s (%s)', (name, entry) => {
    expect(ENGINE_CLIENT_ENV).toContain(entry);
    const command = dockerRunCommand({
      engine: 'docker',
      image: IMAGE,
      mounts: [],
      env: { [name]: '/evil', SAFE: 'kept-out-of-argv' },
      options: [],
      argv: ['true'],
    });
    expect(command.env).toEqual({ SAFE: 'kept-out-of-argv' });
    // Names in sorted order: the client-read one inline with its value, SAFE by name only.
    const flags = [
      [name, ['-e', `${name}=/evil`]],
      ['SAFE', ['-e', 'SAFE']],
    ] as const;
    expect(command.argv).toEqual([
      'docker',
      'run',
      '--rm',
      '--entrypoint=',
      ...[...flags].sort((a, b) => (a[0] < b[0] ? -1 : 1)).flatMap(([, flag]) => flag),
      IMAGE,
      'true',
    ]);
  });

  test('look-alikes of the exact names travel by value in the environment', () => {
    const command = dockerRunCommand({
      engine: 'podman',
      image: IMAGE,
      mounts: [],
      env: {
        PATHS: 'a',
        HOMEDIR: 'b',
        USERNAME: 'c',
        TMPDIR2: 'd',
        MY_LD_FLAG: 'e',
        REGISTRY_AUTH_FILES: 'f',
      },
      options: [],
      argv: ['true'],
    });
    expect(command.env).toEqual({
      HOMEDIR: 'b',
      MY_LD_FLAG: 'e',
      PATHS: 'a',
      REGISTRY_AUTH_FILES: 'f',
      TMPDIR2: 'd',
      USERNAME: 'c',
    });
  });
});

describe('the lists hold variable names (and * in the engine client list) only', () => {
  test.each(CONTAINER_ENV_ALLOWED)('%s', (entry) => {
    expect(entry).toMatch(/^[A-Z_]+$/);
  });
  test.each(ENGINE_CLIENT_ENV)('%s', (entry) => {
    expect(entry).toMatch(/^[A-Z0-9_*]+$/);
  });
});
