import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import type { InputName } from '../../src/inputs/input-spec.js';
import { getInputs, versionFromTag } from '../../src/inputs/inputs.js';

const base = { 'package-dir': 'build/pkg', version: '1.0.0' };
const read = (values: Partial<Record<InputName, string>>) =>
  getInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: '/ws' });

describe('getInputs', () => {
  it('applies the defaults and resolves paths against working-directory', () => {
    const inputs = read({ ...base, 'working-directory': 'sub' });
    expect(inputs).toMatchObject({
      workspace: '/ws',
      workingDirectory: '/ws/sub',
      packageDir: '/ws/sub/build/pkg',
      outputDir: '/ws/sub/dist',
      version: '1.0.0',
      python: { kind: 'auto' },
      checkLibs: true,
      compressionLevel: 4,
      bundleLibs: false,
      imports: [],
      artifact: { name: '' },
    });
    expect(inputs.s3).toBeUndefined();
    expect(inputs.container).toBeUndefined();
  });

  it('reads the S3, artifact and image groups', () => {
    const inputs = read({
      ...base,
      's3-bucket': 'my-wheels',
      's3-prefix': 'wheels/pkg',
      's3-acl': 'public-read',
      's3-overwrite': 'TRUE',
      's3-max-attempts': '3',
      's3-index': 'true',
      'artifact-name': 'false',
      image: 'algorithmia/langpack:python2',
      'docker-options': '--network host -e "A=b c"',
      env: 'A=1\n# comment\nB=2',
    });
    expect(inputs.s3).toEqual({
      bucket: 'my-wheels',
      prefix: 'wheels/pkg/',
      region: undefined,
      endpoint: undefined,
      forcePathStyle: false,
      acl: 'public-read',
      overwrite: true,
      maxAttempts: 3,
      index: true,
      verifyPublished: 'anonymous',
    });
    expect(inputs.artifact).toBeUndefined();
    expect(inputs.container).toEqual({
      image: 'algorithmia/langpack:python2',
      engine: 'docker',
      options: ['--network', 'host', '-e', 'A=b c'],
      envLines: ['A=1', 'B=2'],
    });
  });

  it('reads target-glibc, platform-tag and exclude-libs', () => {
    const defaults = read(base);
    expect(defaults.targetGlibc).toBeUndefined();
    expect(defaults.platformTag).toBe('linux');
    expect(defaults.excludeLibs).toEqual([]);
    const inputs = read({
      ...base,
      'target-glibc': 'manylinux2014',
      'platform-tag': 'manylinux',
      'bundle-libs': 'true',
      'exclude-libs': 'libcuda.so.*\n# comment\nlibGL.so.1',
    });
    expect(inputs.targetGlibc?.maxima.GLIBC).toBe('2.17');
    expect(inputs.platformTag).toBe('manylinux');
    expect(inputs.excludeLibs.map((g) => g.pattern)).toEqual(['libcuda.so.*', 'libGL.so.1']);
  });

  it('takes the version from a tag push', () => {
    expect(versionFromTag({ GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.4.0' })).toBe('1.4.0');
    expect(versionFromTag({ GITHUB_REF_TYPE: 'branch', GITHUB_REF_NAME: 'main' })).toBe('');
    const inputs = getInputs((name) => ({ 'package-dir': 'p' })[name as string] ?? '', {
      GITHUB_WORKSPACE: '/ws',
      GITHUB_REF_TYPE: 'tag',
      GITHUB_REF_NAME: 'v2.0.0rc1',
    });
    expect(inputs.version).toBe('2.0.0rc1');
  });

  it('reads license-files (default: setuptools globs; false: none) and readme', () => {
    expect(read(base).licenseFiles).toEqual(['LICEN[CS]E*', 'COPYING*', 'NOTICE*', 'AUTHORS*']);
    expect(read(base).readme).toBeUndefined();
    expect(read({ ...base, 'license-files': 'false' }).licenseFiles).toEqual([]);
    const inputs = read({
      ...base,
      'working-directory': 'sub',
      'license-files': 'LICENSE\n# comment\nthird_party/*/COPYING',
      readme: 'docs/README.rst',
    });
    expect(inputs.licenseFiles).toEqual(['LICENSE', 'third_party/*/COPYING']);
    expect(inputs.readme).toBe('/ws/sub/docs/README.rst');
  });

  const project = { 'project-dir': 'proj' };
  const readProject = (values: Partial<Record<InputName, string>>, env: NodeJS.ProcessEnv = {}) =>
    getInputs((name) => ({ ...project, ...values })[name] ?? '', {
      GITHUB_WORKSPACE: '/ws',
      ...env,
    });

  it('project-dir: no version to expect off a tag push; the default license globs pass', () => {
    const inputs = readProject({});
    expect(inputs.version).toBe('');
    expect(inputs.expectedVersion).toBeUndefined();
    expect(inputs.projectDir).toBe('/ws/proj');
  });

  it.each<[string, NodeJS.ProcessEnv, Partial<Record<InputName, string>>, unknown]>([
    [
      'the tag (GITHUB_REF only)',
      { GITHUB_REF: 'refs/tags/v1.2.3' },
      {},
      { version: '1.2.3', from: { tag: 'v1.2.3' } },
    ],
    [
      'the tag, normalized',
      { GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v2.0-RC1', GITHUB_REF: 'refs/tags/v2.0-RC1' },
      {},
      { version: '2.0rc1', from: { tag: 'v2.0-RC1' } },
    ],
    [
      '`version` over the tag',
      { GITHUB_REF: 'refs/tags/v1.2.3' },
      { version: '1.2.4' },
      { version: '1.2.4', from: { input: 'version' } },
    ],
    ['nothing for a tag that names no version', { GITHUB_REF: 'refs/tags/nightly' }, {}, undefined],
  ])('project-dir expects %s', (_label, env, values, expected) => {
    const inputs = readProject(values, env);
    expect(inputs.version).toBe('');
    expect(inputs.expectedVersion).toEqual(expected);
  });

  it('keeps valid requirements and one-line metadata as given', () => {
    const inputs = read({
      ...base,
      requires: 'numpy>=1.11\n# a comment\nrequests[socks]>=2,<3; python_version >= "3"',
      summary: 'A summary',
      author: 'Ann',
    });
    expect(inputs.requires).toEqual([
      'numpy>=1.11',
      'requests[socks]>=2,<3; python_version >= "3"',
    ]);
    expect(inputs).toMatchObject({ summary: 'A summary', author: 'Ann' });
  });

  it.each<[InputName, string]>([
    ['name', 'other-name'],
    ['summary', 'A summary'],
    ['requires', 'numpy'],
    ['author', 'Ann'],
    ['license', 'MIT'],
    ['home-page', 'https://example.org'],
    ['readme', 'README.md'],
    ['license-files', 'LICENSE\nextra/NOTICE.txt'],
  ])('project-dir refuses %s up front, saying where the project sets it', (input, value) => {
    let error: unknown;
    try {
      readProject({ [input]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect((error as InputError).message).toBe(
      `\`${input}\` cannot be applied to a \`project-dir\` wheel: the project's build writes its metadata.`,
    );
    expect((error as InputError).fix).toMatch(/setup\.(py|cfg)/);
  });

  it.each<[string, Partial<Record<InputName, string>>, InputName]>([
    ['a boolean that is not one', { 'check-libs': 'yes' }, 'check-libs'],
    ['a compression level out of range', { 'compression-level': '0' }, 'compression-level'],
    ['s3-index without a bucket', { 's3-index': 'true' }, 's3-index'],
    ['an unknown engine', { image: 'x:1', 'container-engine': 'lxc' }, 'container-engine'],
    ['zero attempts', { 's3-bucket': 'b-1', 's3-max-attempts': '0' }, 's3-max-attempts'],
    ['project-dir with package-dir', { 'project-dir': '.' }, 'project-dir'],
    ['a readme of unknown format', { readme: 'README.html' }, 'readme'],
    ['a license glob outside the folder', { 'license-files': '../LICENSE' }, 'license-files'],
    ['an absolute license glob', { 'license-files': '/src/LICENSE' }, 'license-files'],
    [
      'a bad version on a project-dir',
      { 'package-dir': '', 'project-dir': '.', version: 'x' },
      'version',
    ],
    [
      'an unknown verify-published mode',
      { 's3-bucket': 'b-1', 'verify-published': 'yes' },
      'verify-published',
    ],
    [
      'a typo in verify-published without a bucket',
      { 'verify-published': 'anon' },
      'verify-published',
    ],
    ['requires-python without an operator', { 'requires-python': '3.6' }, 'requires-python'],
    [
      'requires-python with project-dir',
      { 'package-dir': '', 'project-dir': '.', 'requires-python': '>=3.6' },
      'requires-python',
    ],
    [
      'bundle-libs with project-dir',
      { 'package-dir': '', 'project-dir': '.', 'bundle-libs': 'true' },
      'bundle-libs',
    ],
    ['exclude-libs without bundle-libs', { 'exclude-libs': 'libcuda.so.*' }, 'exclude-libs'],
    ['an exclude-libs path', { 'bundle-libs': 'true', 'exclude-libs': 'a/b.so' }, 'exclude-libs'],
    ['an unknown target-glibc', { 'target-glibc': 'focal' }, 'target-glibc'],
    ['an unknown platform-tag', { 'platform-tag': 'manylinux2014' }, 'platform-tag'],
    // METADATA fields: refused here, before the build, not when METADATA is written after it.
    ['a requirement that is not PEP 508', { requires: 'numpy\nscipy >= ' }, 'requires'],
    ['a requirement with a bad marker', { requires: 'numpy; python_version >< "3"' }, 'requires'],
    ['a summary over two lines', { summary: 'first\nsecond' }, 'summary'],
    ['an author over two lines', { author: 'Ann\r\nBob' }, 'author'],
    ['a license over two lines', { license: 'MIT\nApache' }, 'license'],
    ['a home-page over two lines', { 'home-page': 'https://a\nb' }, 'home-page'],
    [
      'platform-tag manylinux with project-dir',
      { 'package-dir': '', 'project-dir': '.', 'platform-tag': 'manylinux' },
      'platform-tag',
    ],
  ])('refuses %s, naming the input', (_label, values, input) => {
    let error: unknown;
    try {
      read({ ...base, ...values });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
  });

  it.each<[string, string | undefined]>([
    ['', 'anonymous'],
    ['true', 'anonymous'],
    ['anonymous', 'anonymous'],
    ['Credentials', 'credentials'],
    ['false', undefined],
  ])('reads verify-published %j as %s', (raw, mode) => {
    const inputs = read({ ...base, 's3-bucket': 'b-1', 'verify-published': raw });
    expect(inputs.s3?.verifyPublished).toBe(mode);
  });

  it('writes requires-python canonical', () => {
    expect(read({ ...base, 'requires-python': ' >=2.7, <4 ' }).requiresPython).toBe('>=2.7,<4');
    expect(read(base).requiresPython).toBeUndefined();
  });
});
