/**
 * getInputs, exactly: the whole result for typical steps (no field more, none less), each
 * conflict refused with its exact message and fix, and the line lists read the way the docs say
 * (trimmed, blank lines and `#` comments skipped, `\n` or `\r\n`).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/base/errors.js';
import type { InputName } from '../../src/inputs/input-spec.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { thrownInputError } from '../helpers/input-error.js';

type Values = Partial<Record<InputName, string>>;

const base: Values = { 'package-dir': 'build/pkg', version: '1.0.0' };
const project: Values = { 'project-dir': 'proj' };
const s3: Values = { 's3-bucket': 'my-wheels' };
const DEFAULT_LICENSE_GLOBS = ['LICEN[CS]E*', 'COPYING*', 'NOTICE*', 'AUTHORS*'];

const read = (values: Values, env: NodeJS.ProcessEnv = {}) =>
  getInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: '/ws', ...env });

function refusal(values: Values, env: NodeJS.ProcessEnv = {}): InputError {
  return thrownInputError(() => read(values, env), `accepted ${JSON.stringify(values)}`);
}

function expectRefusal(
  values: Values,
  expected: { input: string; message: string; fix?: string },
): void {
  const error = refusal(values);
  expect({ input: error.input, message: error.message }).toEqual({
    input: expected.input,
    message: expected.message,
  });
  if (expected.fix !== undefined) expect(error.fix).toBe(expected.fix);
}

describe('the whole result', () => {
  it('a package-dir step with nothing else given', () => {
    expect(read(base)).toStrictEqual({
      workspace: '/ws',
      workingDirectory: '/ws',
      buildCommand: undefined,
      buildTimeoutMs: undefined,
      packageDir: '/ws/build/pkg',
      stage: [],
      projectDir: undefined,
      name: undefined,
      version: '1.0.0',
      expectedVersion: undefined,
      python: { kind: 'auto' },
      wheelTag: undefined,
      requires: [],
      requiresPython: undefined,
      summary: undefined,
      author: undefined,
      license: undefined,
      homePage: undefined,
      licenseFiles: DEFAULT_LICENSE_GLOBS,
      readme: undefined,
      imports: [],
      testCommand: undefined,
      testTimeoutMs: 600_000,
      outputDir: '/ws/dist',
      compressionLevel: 4,
      container: undefined,
      verifyImages: [],
      testRequires: [],
      checkLibs: true,
      bundleLibs: false,
      libraryPath: [],
      excludeLibs: [],
      targetGlibc: undefined,
      platformTag: 'linux',
      s3: undefined,
      artifact: { name: '' },
    });
  });

  it('a step that gives every package-dir input', () => {
    const inputs = read({
      'working-directory': ' sub ',
      'package-dir': ' build/pkg ',
      'build-command': 'make -j2',
      'build-timeout': '30',
      name: 'vec-math',
      version: ' 1.0-RC1 ',
      python: '3.11',
      'wheel-tag': 'cp311-cp311-linux_x86_64',
      summary: 'Vector maths',
      author: 'Ann',
      license: 'MIT',
      'home-page': 'https://example.org',
      readme: 'README.md',
      import: 'vecmath\nvecmath.core',
      'test-command': 'pytest -q',
      'test-timeout': '0.5',
      'output-dir': '/tmp/wheels',
      'compression-level': '9',
      'check-libs': 'false',
      'library-path': 'lib\n/opt/lib',
      'target-glibc': '2.23',
    });
    expect(inputs).toMatchObject({
      workingDirectory: '/ws/sub',
      buildCommand: 'make -j2',
      buildTimeoutMs: 1_800_000,
      packageDir: '/ws/sub/build/pkg',
      name: 'vec-math',
      version: '1.0rc1',
      expectedVersion: undefined,
      python: { kind: 'version', major: 3, minor: 11 },
      wheelTag: { interpreter: 'cp311', abi: 'cp311', platform: 'linux_x86_64' },
      summary: 'Vector maths',
      author: 'Ann',
      license: 'MIT',
      homePage: 'https://example.org',
      readme: '/ws/sub/README.md',
      imports: ['vecmath', 'vecmath.core'],
      testCommand: 'pytest -q',
      testTimeoutMs: 30_000,
      outputDir: '/tmp/wheels',
      compressionLevel: 9,
      checkLibs: false,
      libraryPath: ['/ws/sub/lib', '/opt/lib'],
    });
    expect(inputs.targetGlibc?.maxima.GLIBC).toBe('2.23');
  });

  it('uses the current folder when GITHUB_WORKSPACE is not set', () => {
    const inputs = getInputs((name) => base[name] ?? '', {});
    expect(inputs.workspace).toBe(process.cwd());
    expect(inputs.packageDir).toBe(`${process.cwd()}/build/pkg`);
  });

  it('keeps absolute paths as given, and resolves relative ones', () => {
    const inputs = read({
      ...base,
      'output-dir': '/tmp/out/',
      readme: '/docs/../README.md',
      'library-path': '/opt/lib/\n./lib/',
    });
    expect(inputs.outputDir).toBe('/tmp/out/');
    expect(inputs.readme).toBe('/docs/../README.md');
    expect(inputs.libraryPath).toEqual(['/opt/lib/', '/ws/lib']);
  });

  it('a stage step: the rules, no package-dir', () => {
    const inputs = read({ stage: 'build/ext.so => pkg/', version: '2' });
    expect(inputs.packageDir).toBeUndefined();
    expect(inputs.stage).toEqual([{ source: 'build/ext.so', dest: 'pkg', line: 1 }]);
    expect(inputs.version).toBe('2');
  });

  it('a project-dir step: its version comes from the project, `version` is what it must be', () => {
    const inputs = read({ ...project, version: '1.0.0' });
    expect(inputs).toMatchObject({
      projectDir: '/ws/proj',
      packageDir: undefined,
      stage: [],
      version: '',
      expectedVersion: { version: '1.0.0', from: { input: 'version' } },
    });
  });

  it('a package-dir step expects no version, even on a tag push', () => {
    const inputs = read(base, { GITHUB_REF: 'refs/tags/v3.0.0' });
    expect(inputs.version).toBe('1.0.0');
    expect(inputs.expectedVersion).toBeUndefined();
  });

  it('project-dir on a branch push expects nothing', () => {
    expect(read(project, { GITHUB_REF: 'refs/heads/main' }).expectedVersion).toBeUndefined();
  });
});

describe('line lists', () => {
  it('are trimmed, skip blank lines and comments, and split on \\n or \\r\\n', () => {
    const inputs = read({
      ...base,
      import: '  vecmath  \r\n\r\n\t# a comment\r\n  vecmath.core\n   \n',
      requires: ' numpy>=1.11 \n  # indented comment\n\nsix',
    });
    expect(inputs.imports).toEqual(['vecmath', 'vecmath.core']);
    expect(inputs.requires).toEqual(['numpy>=1.11', 'six']);
  });

  it('a comment must start the line to be one', () => {
    const error = refusal({ ...base, import: 'vecmath # the package' });
    expect(error.input).toBe('import');
  });
});

describe('single values', () => {
  it('are trimmed, and blank means the default', () => {
    const inputs = read({ ...base, ...s3, 's3-acl': '  \n', 's3-prefix': ' wheels ' });
    expect(inputs.s3?.acl).toBe('private');
    expect(inputs.s3?.prefix).toBe('wheels/');
    expect(read({ ...base, 'output-dir': '\t' }).outputDir).toBe('/ws/dist');
  });
});

describe('which package source', () => {
  it('refuses project-dir with stage', () => {
    expectRefusal(
      { ...project, stage: 'a.so => pkg/' },
      {
        input: 'project-dir',
        message: '`project-dir` cannot be combined with `package-dir` or `stage`.',
        fix: 'give `project-dir` for a setup.py/pyproject.toml project, or `package-dir`/`stage` for build products, not both.',
      },
    );
  });

  it('refuses project-dir with package-dir', () => {
    expect(refusal({ ...project, 'package-dir': 'pkg' }).message).toBe(
      '`project-dir` cannot be combined with `package-dir` or `stage`.',
    );
  });

  it('refuses a step that names no source', () => {
    expectRefusal(
      { version: '1.0' },
      {
        input: 'package-dir',
        message: 'neither `package-dir` nor `stage` was given.',
        fix: 'set `package-dir` to the finished package folder, or `stage` to copy build products into one (or `project-dir` for a setup.py project).',
      },
    );
    expect(refusal({ stage: '# only a comment' }).input).toBe('package-dir');
  });
});

describe('names and modules', () => {
  it('refuses a distribution name that is not one', () => {
    expectRefusal(
      { ...base, name: 'vec math' },
      { input: 'name', message: '"vec math" is not a valid distribution name.' },
    );
  });

  it('refuses an import that is not a module path, naming it', () => {
    expectRefusal(
      { ...base, import: 'vecmath\nvec-math.core' },
      {
        input: 'import',
        message: '"vec-math.core" is not a module name.',
        fix: 'list dotted module names such as mypkg or mypkg.core, one per line.',
      },
    );
  });

  it('refuses a wheel-tag that is not one', () => {
    expect(refusal({ ...base, 'wheel-tag': 'py3-none' }).input).toBe('wheel-tag');
  });
});

describe('conflicts with project-dir', () => {
  const onProject = (values: Values) => ({ ...project, ...values });

  it('bundle-libs', () => {
    expectRefusal(onProject({ 'bundle-libs': 'true' }), {
      input: 'bundle-libs',
      message: '`bundle-libs` works on staged build products, not on a `project-dir` wheel.',
      fix: "use auditwheel in the project's own build, or stage the build products with `package-dir`/`stage`.",
    });
    expect(read(onProject({ 'bundle-libs': 'false' })).bundleLibs).toBe(false);
  });

  it('requires-python', () => {
    expectRefusal(onProject({ 'requires-python': '>=3.6' }), {
      input: 'requires-python',
      message: '`requires-python` is for staged wheels, not a `project-dir` build.',
      fix: 'declare it in the project itself (python_requires in setup.py, requires-python in pyproject.toml).',
    });
  });

  it('platform-tag: manylinux', () => {
    expectRefusal(onProject({ 'platform-tag': 'manylinux' }), {
      input: 'platform-tag',
      message: 'platform-tag: manylinux cannot be combined with `project-dir`.',
      fix: "a project-dir wheel is tagged by the project's own build (use auditwheel there), or stage the build products with package-dir/stage.",
    });
  });

  it.each<[InputName, string, string]>([
    ['name', 'other', "`name=` in setup.py, or `name` in pyproject.toml's [project]"],
    ['summary', 'A summary', '`description=` in setup.py, or `description` in [project]'],
    ['requires', 'numpy', '`install_requires=` in setup.py, or `dependencies` in [project]'],
    ['author', 'Ann', '`author=` in setup.py, or `authors` in [project]'],
    ['license', 'MIT', '`license=` in setup.py, or `license` in [project]'],
    ['home-page', 'https://example.org', '`url=` in setup.py, or `urls` in [project]'],
    [
      'readme',
      'README.md',
      '`long_description=` and `long_description_content_type=` in setup.py, or `readme` in [project]',
    ],
    [
      'license-files',
      'COPYING*\nthird_party/LICENSE',
      '`license_files` in setup.cfg, or `license-files` in [project]',
    ],
  ])('%s: the fix says where the project sets it', (input, value, where) => {
    expect(refusal(onProject({ [input]: value })).fix).toBe(
      `set it in the project instead (${where}), and remove \`${input}\` from the step.`,
    );
  });

  it.each([
    ['the default globs, given again', DEFAULT_LICENSE_GLOBS.join('\n')],
    ['some of the default globs', 'COPYING*\nNOTICE*'],
    ['license-files: false', 'false'],
  ])('license-files passes with %s', (_label, value) => {
    expect(read(onProject({ 'license-files': value })).projectDir).toBe('/ws/proj');
  });

  it('a tag that names no valid version checks nothing, a valid one is expected', () => {
    expect(read(project, { GITHUB_REF: 'refs/tags/release-x' }).expectedVersion).toBeUndefined();
    expect(read(project, { GITHUB_REF: 'refs/tags/v1.0.0.Final' }).expectedVersion).toBe(undefined);
    expect(read(project, { GITHUB_REF: 'refs/tags/4.5' }).expectedVersion).toEqual({
      version: '4.5',
      from: { tag: '4.5' },
    });
  });
});

describe('libraries and platform', () => {
  it('refuses exclude-libs without bundle-libs', () => {
    expectRefusal(
      { ...base, 'exclude-libs': 'libcuda.so.*' },
      {
        input: 'exclude-libs',
        message: '`exclude-libs` only applies with `bundle-libs: true`.',
        fix: 'set bundle-libs: true, or remove exclude-libs (without bundling, nothing is copied into the wheel).',
      },
    );
  });

  it('refuses an unknown platform-tag', () => {
    expectRefusal(
      { ...base, 'platform-tag': 'musllinux' },
      {
        input: 'platform-tag',
        message: 'platform-tag "musllinux" is not supported.',
        fix: 'use linux (the default: linux_<arch>, which every pip accepts) or manylinux (tag the wheel with the strictest manylinux policy it satisfies).',
      },
    );
  });

  it('refuses platform-tag: manylinux with a wheel-tag', () => {
    expectRefusal(
      { ...base, 'platform-tag': 'manylinux', 'wheel-tag': 'cp311-cp311-linux_x86_64' },
      {
        input: 'platform-tag',
        message: 'platform-tag: manylinux cannot be combined with `wheel-tag`.',
        fix: 'give the whole tag in wheel-tag, or leave wheel-tag empty and let platform-tag: manylinux choose the platform.',
      },
    );
  });

  it('takes platform-tag: linux with a wheel-tag', () => {
    const inputs = read({ ...base, 'platform-tag': 'linux', 'wheel-tag': 'py3-none-any' });
    expect(inputs.platformTag).toBe('linux');
    expect(inputs.wheelTag).toEqual({ interpreter: 'py3', abi: 'none', platform: 'any' });
  });
});

describe('timeouts', () => {
  it.each<InputName>(['build-timeout', 'test-timeout'])(
    'a bad %s is refused naming it',
    (input) => {
      const error = refusal({ ...base, [input]: 'soon' });
      expect(error.input).toBe(input);
      expect(error.fix).toBe(
        `use e.g. \`${input}: 30\` (minutes), or leave it empty for the default.`,
      );
    },
  );
});

describe('the image', () => {
  it.each(['docker', 'podman'])('takes the engine %s', (engine) => {
    const inputs = read({ ...base, image: 'debian:bookworm', 'container-engine': engine });
    expect(inputs.container).toStrictEqual({
      image: 'debian:bookworm',
      engine,
      options: [],
      envLines: [],
    });
  });

  it.each(['lxc', 'Docker', ' nerdctl '])('refuses the engine %j', (engine) => {
    const trimmed = engine.trim();
    expectRefusal(
      { ...base, image: 'debian:bookworm', 'container-engine': engine },
      {
        input: 'container-engine',
        message: `"${trimmed}" is not a supported container engine.`,
        fix: 'use docker or podman.',
      },
    );
  });

  it('ignores the engine and options without an image', () => {
    expect(read({ ...base, 'container-engine': 'lxc' }).container).toBeUndefined();
  });
});

describe('S3', () => {
  it('the whole S3 group with the defaults', () => {
    expect(read({ ...base, ...s3 }).s3).toStrictEqual({
      bucket: 'my-wheels',
      prefix: '',
      region: undefined,
      endpoint: undefined,
      forcePathStyle: false,
      acl: 'private',
      overwrite: false,
      maxAttempts: 5,
      index: false,
      verifyPublished: 'anonymous',
    });
  });

  it('the whole S3 group with every input given', () => {
    expect(
      read({
        ...base,
        ...s3,
        's3-prefix': 'a/b',
        's3-region': 'eu-west-1',
        's3-endpoint': 'http://127.0.0.1:9000',
        's3-force-path-style': 'true',
        's3-acl': 'public-read',
        's3-overwrite': 'true',
        's3-max-attempts': '1',
        's3-index': 'true',
        'verify-published': 'false',
      }).s3,
    ).toStrictEqual({
      bucket: 'my-wheels',
      prefix: 'a/b/',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      acl: 'public-read',
      overwrite: true,
      maxAttempts: 1,
      index: true,
    });
  });

  it('refuses s3-index without a bucket', () => {
    expectRefusal(
      { ...base, 's3-index': 'true' },
      {
        input: 's3-index',
        message: '`s3-index` needs `s3-bucket`.',
        fix: 'set `s3-bucket` (the index lives next to the wheels), or leave `s3-index` false.',
      },
    );
  });

  it('ignores the other S3 inputs without a bucket', () => {
    expect(read({ ...base, 's3-acl': 'bogus', 's3-max-attempts': 'x' }).s3).toBeUndefined();
  });

  it('refuses an unknown ACL with the fix', () => {
    expect(refusal({ ...base, ...s3, 's3-acl': 'public' }).fix).toBe(
      'use private (the default; grant the platform read access by bucket policy) or public-read.',
    );
  });

  it('refuses a region that is not one with the fix', () => {
    expect(refusal({ ...base, ...s3, 's3-region': 'EU' }).fix).toBe(
      'use a region such as us-east-1 or eu-west-1, or leave it empty to use AWS_REGION.',
    );
  });

  it.each(['minio:9000', 'ftp://minio.example.com'])('refuses the endpoint %j', (endpoint) => {
    expect(refusal({ ...base, ...s3, 's3-endpoint': endpoint }).input).toBe('s3-endpoint');
  });

  it('refuses a bucket name that is not one', () => {
    expect(refusal({ ...base, 's3-bucket': 'My_Bucket' }).input).toBe('s3-bucket');
  });
});

describe('the artifact', () => {
  it.each<[string, string, unknown]>([
    ['', '', { name: '' }],
    ['wheels', '', { name: 'wheels' }],
    ['wheels', '30', { name: 'wheels', retentionDays: 30 }],
    ['', '1', { name: '', retentionDays: 1 }],
    ['FALSE', '30', undefined],
  ])('artifact-name %j, retention-days %j', (name, days, expected) => {
    expect(read({ ...base, 'artifact-name': name, 'retention-days': days }).artifact).toStrictEqual(
      expected,
    );
  });

  it('refuses a bad artifact name and bad retention-days', () => {
    expect(refusal({ ...base, 'artifact-name': 'a/b' }).input).toBe('artifact-name');
    expect(refusal({ ...base, 'retention-days': '91' }).input).toBe('retention-days');
  });
});

describe('license-files', () => {
  it('false turns them off only when it is the only line', () => {
    expect(read({ ...base, 'license-files': ' False ' }).licenseFiles).toEqual([]);
    expect(read({ ...base, 'license-files': 'false\nLICENSE' }).licenseFiles).toEqual([
      'false',
      'LICENSE',
    ]);
    expect(read({ ...base, 'license-files': 'true' }).licenseFiles).toEqual(['true']);
  });

  it.each(['../LICENSE', 'docs/../../LICENSE', 'a/..', '/abs/LICENSE', 'docs\\LICENSE'])(
    'refuses %j with the exact message and fix',
    (pattern) => {
      expectRefusal(
        { ...base, 'license-files': `LICENSE\n${pattern}` },
        {
          input: 'license-files',
          message: `"${pattern}" is not a glob inside the working directory.`,
          fix: 'give globs relative to `working-directory` without ".." (e.g. LICENSE, licenses/*.txt), or set `working-directory` to the folder that holds them.',
        },
      );
    },
  );

  it('takes names that only start with two dots', () => {
    expect(read({ ...base, 'license-files': '..LICENSE\na/..b' }).licenseFiles).toEqual([
      '..LICENSE',
      'a/..b',
    ]);
  });
});

describe('which bad input is reported', () => {
  // In reading order: with every input from one row on bad, the error names that row's input.
  const good: Values = { 'package-dir': 'pkg', version: '1', image: 'debian:bookworm', ...s3 };
  const badInOrder: [InputName, string][] = [
    ['stage', 'no arrow here'],
    ['name', 'vec math'],
    ['import', 'vec-math'],
    ['license-files', '../LICENSE'],
    ['readme', 'README.html'],
    ['summary', 'one\ntwo'],
    ['requires', 'numpy >='],
    ['bundle-libs', 'yes'],
    ['exclude-libs', 'lib/libfoo.so'],
    ['platform-tag', 'musllinux'],
    ['build-timeout', 'soon'],
    ['version', 'one'],
    ['python', 'python 3'],
    ['wheel-tag', 'py3-none'],
    ['requires-python', '3.6'],
    ['test-timeout', 'later'],
    ['compression-level', '0'],
    ['container-engine', 'lxc'],
    ['check-libs', 'yes'],
    ['target-glibc', 'focal'],
    ['s3-index', 'yes'],
    ['verify-published', 'maybe'],
    ['s3-acl', 'public'],
    ['s3-max-attempts', '0'],
    ['s3-endpoint', 'minio:9000'],
    ['s3-region', 'EU'],
    ['s3-bucket', 'My_Bucket'],
    ['s3-force-path-style', 'yes'],
    ['s3-overwrite', 'yes'],
    ['artifact-name', 'a/b'],
    ['retention-days', '0'],
  ];

  it.each(badInOrder.map(([input], index) => [input, index] as const))(
    '%s, when it and every input read after it are bad',
    (input, index) => {
      const values: Values = { ...good };
      for (const [later, bad] of badInOrder.slice(index)) values[later] = bad;
      expect(refusal(values).input).toBe(input);
    },
  );

  it('none, when they are all good', () => {
    expect(read(good).s3?.bucket).toBe('my-wheels');
  });
});

describe('verify-image brings the engine for the verification images', () => {
  it('engine, docker-options and env lines, only when an image is listed', () => {
    expect(
      read({
        ...base,
        'verify-image': 'runtime:3.6',
        'container-engine': 'podman',
        'docker-options': '--network none',
        env: 'A=1\nB',
      }).verifyEngine,
    ).toStrictEqual({ engine: 'podman', options: ['--network', 'none'], envLines: ['A=1', 'B'] });
    expect('verifyEngine' in read({ ...base, 'container-engine': 'podman' })).toBe(false);
  });
});

describe('a version too long for the file name is refused when the inputs are read', () => {
  const long = (n: number) => `1.0.0+${'a'.repeat(n)}`;
  const message = (values: Values) => refusal(values).message;

  it('names the wheel from `name`, else from the package folder, else none', () => {
    expect(message({ 'package-dir': 'build/tinypkg', version: long(236) })).toBe(
      `the version "1.0.0+${'a'.repeat(26)}..." (242 bytes) makes the wheel's file name at least 267 bytes long; file systems allow 255 bytes for a name and the receipt beside the wheel adds 18, so the wheel "tinypkg" leaves 212 bytes for the version.`,
    );
    expect(
      message({ 'package-dir': 'build/tinypkg', name: 'other', version: long(236) }),
    ).toContain('so the wheel "other" leaves 214 bytes for the version.');
    expect(message({ stage: 'a.so => pkg', version: long(236) })).toContain(
      'so the wheel leaves 218 bytes for the version.',
    );
  });

  it('counts a given wheel-tag, and passes a version that fits', () => {
    expect(
      message({
        'package-dir': 'build/tinypkg',
        'wheel-tag': 'cp36-cp36m-linux_x86_64',
        version: long(200),
      }),
    ).toContain('at least 242 bytes long;');
    expect(read({ 'package-dir': 'build/tinypkg', version: long(200) }).version).toBe(long(200));
  });
});
