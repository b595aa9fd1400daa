/**
 * Each entry of the container environment's lists, one at a time: removing any of them from
 * container-plan.ts must fail a test here (the mutation run checks that it does).
 */
import { describe, expect, test } from 'vitest';
import {
  CONTAINER_ENV_ALLOWED,
  CONTAINER_ENV_NEVER,
  ENGINE_CLIENT_ENV,
  containerEnv,
  dockerRunCommand,
  isForwardedHostVariable,
} from '../../src/exec/container-plan.js';

const IMAGE = 'debian:bookworm';

describe('host variables never forwarded, though the allow-list matches them', () => {
  // Every name here matches an allow-list entry (GITHUB_* or CMAKE_*), so only the never-list
  // keeps it out; each never-list entry that can meet the allow-list has a line.
  test.each([
    ['GITHUB_TOKEN', '*TOKEN*'],
    ['CMAKE_TOKEN_FILE', '*TOKEN*'],
    ['GITHUB_APP_SECRET', '*SECRET*'],
    ['CMAKE_SECRET', '*SECRET*'],
    ['GITHUB_DEPLOY_PASSWORD', '*PASSWORD*'],
    ['GITHUB_DB_PASSWD', '*PASSWD*'],
    ['CMAKE_PASSWD_HINT', '*PASSWD*'],
    ['GITHUB_CREDENTIALS', '*CREDENTIAL*'],
    ['CMAKE_CREDENTIAL_HELPER', '*CREDENTIAL*'],
    ['GITHUB_APP_PRIVATE_KEY', '*KEY*'],
    ['CMAKE_KEYSTORE', '*KEY*'],
    ['GITHUB_ENV', 'GITHUB_ENV'],
    ['GITHUB_OUTPUT', 'GITHUB_OUTPUT'],
    ['GITHUB_PATH', 'GITHUB_PATH'],
    ['GITHUB_STATE', 'GITHUB_STATE'],
    ['GITHUB_STEP_SUMMARY', 'GITHUB_STEP_SUMMARY'],
    // Compared case-insensitively, like the allow-list.
    ['github_token', '*TOKEN*'],
    ['Github_State', 'GITHUB_STATE'],
    ['cmake_Passwd', '*PASSWD*'],
  ])('%s (%s)', (name, entry) => {
    expect(CONTAINER_ENV_NEVER).toContain(entry);
    expect(isForwardedHostVariable(name)).toBe(false);
    expect(containerEnv({ [name]: 'host-value' }, [])).toEqual({});
    // Written into the `env` input, it is passed: the workflow says so explicitly.
    expect(containerEnv({}, [`${name}=explicit`])).toEqual({ [name]: 'explicit' });
  });

  test('the file-command names are exact: look-alikes of them are forwarded', () => {
    for (const name of ['GITHUB_ENVIRONMENT', 'GITHUB_PATHS', 'GITHUB_STATE_X', 'GITHUB_OUTPUT2']) {
      expect(isForwardedHostVariable(name), name).toBe(true);
    }
    expect(isForwardedHostVariable('XGITHUB_STATE')).toBe(false);
  });
});

describe('the allow-list, entry by entry', () => {
  test.each(CONTAINER_ENV_ALLOWED.map((entry) => [entry]))('%s', (entry) => {
    const name = entry.replace('*', 'BUILD_TYPE');
    expect(isForwardedHostVariable(name)).toBe(true);
    expect(isForwardedHostVariable(name.toLowerCase())).toBe(true);
    expect(containerEnv({ [name]: 'v', UNLISTED: 'x' }, [])).toEqual({ [name]: 'v' });
  });

  test('exact names stay exact; a * is a prefix only where written', () => {
    for (const name of [
      'CCACHE',
      'XCC',
      'CI_X',
      'RUNNER_OSX',
      'LDFLAGS2',
      'MY_GITHUB_SHA',
      'RUNNER_TEMP',
    ]) {
      expect(isForwardedHostVariable(name), name).toBe(false);
    }
    expect(CONTAINER_ENV_ALLOWED).toEqual([
      'GITHUB_*',
      'RUNNER_OS',
      'RUNNER_ARCH',
      'CI',
      'SOURCE_DATE_EPOCH',
      'CC',
      'CXX',
      'CFLAGS',
      'CXXFLAGS',
      'CPPFLAGS',
      'LDFLAGS',
      'MAKEFLAGS',
      'CMAKE_*',
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

describe('the lists hold variable names and * only (the patterns are read without escaping)', () => {
  test.each([...CONTAINER_ENV_ALLOWED, ...CONTAINER_ENV_NEVER, ...ENGINE_CLIENT_ENV])(
    '%s',
    (entry) => {
      expect(entry).toMatch(/^[A-Z0-9_*]+$/);
    },
  );

  test('* stands for any text, also none, and the match ignores case', () => {
    expect(isForwardedHostVariable('CMAKE_')).toBe(true);
    expect(isForwardedHostVariable('cmake_build_type')).toBe(true);
    expect(isForwardedHostVariable('XCMAKE_BUILD_TYPE')).toBe(false);
  });
});
