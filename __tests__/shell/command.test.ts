import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_NAMES } from '../../src/inputs/input-spec.js';
import { joinDashValues, parseCli } from '../../src/shell/command.js';
import { buildExample, copyExample, EXAMPLE_STAGE, ROOT } from '../helpers/example.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';
import { engineCalls, engineEnv, ensureTestImage, TEST_IMAGE } from '../helpers/rootfs.js';

const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('the local command (dist/cli/index.js)', () => {
  it('--help lists every input as a flag, with an example', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    for (const name of INPUT_NAMES) expect(run.stdout).toContain(`--${name} `);
    expect(run.stdout).toContain('Example');
    expect(run.stdout).toContain('algorithmia-wheel build --working-directory examples/vecmath');
    expect(run.stdout).toContain('--json ');
    expect(run.stdout).toContain('name<<DELIMITER');
  });

  it('-V prints the tool version', () => {
    const run = cli(['-V']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    ['a flag without its value', ['build', '--version'], /the flag --version needs a value/],
    ['no command', [], /missing command "build"/],
    ['an unknown command', ['pack'], /unknown command "pack"/],
    ['an unknown flag', ['build', '--bucket', 'x'], /unknown flag --bucket/],
  ])('exits 2 on %s', (_label, args, message) => {
    const run = cli(args as string[]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('--help');
  });

  it('builds the example, prints the outputs on stdout and the log on stderr', () => {
    const python = defaultPython3();
    const example = copyExample('cli-');
    buildExample(example, python);
    const out = mkdtempSync(join(tmpdir(), 'cli-out-'));
    const run = cli([
      'build',
      '--working-directory',
      example,
      '--python',
      python,
      '--version',
      '3.0.0',
      '--stage',
      'python/vecmath/** => vecmath',
      '--stage',
      'build/_vecmath*.so => vecmath',
      '--stage',
      'build/lib/*.so.* => vecmath/lib',
      '--import',
      'vecmath',
      '--import',
      'vecmath.geometry',
      '--output-dir',
      out,
    ]);
    expect(run.stderr).toContain('==> Verify: import');
    expect(run.status).toBe(0);
    const outputs = Object.fromEntries(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(outputs['wheel-name']).toMatch(/^vecmath-3\.0\.0-cp3\d+-cp3\d+-linux_x86_64\.whl$/);
    expect(outputs.wheel).toBe(join(out, outputs['wheel-name']!));
    expect(run.stderr).toContain('artifact skipped');
  });

  it('exits 1 with one error line for bad input', () => {
    const run = cli(['build', '--package-dir', '/nonexistent/pkg', '--version', '1.0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Input 'package-dir': the package folder \/nonexistent\/pkg does not exist\. Fix:/m,
    );
    expect(run.stdout).toBe('');
  });
});

describe('joinDashValues / parseCli', () => {
  const options = {
    'docker-options': { type: 'string' as const },
    json: { type: 'boolean' as const },
  };

  it('joins an input flag with a next argument that starts with "-"', () => {
    expect(joinDashValues(['build', '--docker-options', '-v /a:/b', '--json'], options)).toEqual([
      'build',
      '--docker-options=-v /a:/b',
      '--json',
    ]);
  });

  it('leaves boolean flags, `--name=value`, and everything after `--` alone', () => {
    expect(
      joinDashValues(
        ['--json', '-x', '--docker-options=-v', '--', '--docker-options', '-y'],
        options,
      ),
    ).toEqual(['--json', '-x', '--docker-options=-v', '--', '--docker-options', '-y']);
  });

  it('parseCli reads the value, and a flag with no value at all is still refused', () => {
    expect(
      parseCli(['build', '--docker-options', '--network none']).values.get('docker-options'),
    ).toBe('--network none');
    expect(() => parseCli(['build', '--docker-options'])).toThrow(
      'the flag --docker-options needs a value',
    );
  });
});

describe('the local command takes values that start with "-"', () => {
  beforeAll(() => ensureTestImage(TEST_IMAGE));

  it("--docker-options '-v /a:/b' reaches the engine (no 'argument is ambiguous')", () => {
    const workspace = mkdtempSync(join(tmpdir(), 'cli-dash-'));
    const pkg = join(workspace, 'dashpkg');
    mkdirSync(pkg);
    writeFileSync(join(pkg, '__init__.py'), 'def answer():\n    return 42\n');
    const extra = mkdtempSync(join(tmpdir(), 'cli-dash-extra-'));
    writeFileSync(join(extra, 'marker'), 'mounted\n');
    const log = join(workspace, 'engine.log');
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'build',
        '--working-directory',
        workspace,
        '--package-dir',
        'dashpkg',
        '--version',
        '1.0.0',
        '--image',
        TEST_IMAGE,
        '--container-engine',
        'podman',
        '--docker-options',
        `-v ${extra}:/mnt/extra:ro --network none`,
        '--python',
        '3',
        '--test-command',
        "python -c \"assert open('/mnt/extra/marker').read() == 'mounted\\n'\"",
        '--output-dir',
        join(workspace, 'dist'),
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, ...engineEnv(log), GITHUB_WORKSPACE: workspace },
      },
    );
    expect(run.stderr).not.toContain('ambiguous');
    expect(run.status).toBe(0);
    const runs = engineCalls(log).filter((call) => call[0] === 'run');
    expect(runs.length).toBeGreaterThan(0);
    for (const call of runs) {
      const at = call.indexOf(`${extra}:/mnt/extra:ro`);
      expect(call.slice(at - 1, at + 3)).toEqual([
        '-v',
        `${extra}:/mnt/extra:ro`,
        '--network',
        'none',
      ]);
    }
  });
});

describe('the local command prints machine-readable outputs', () => {
  let moto: Moto;
  let example: string;
  const python = defaultPython3();
  beforeAll(async () => {
    moto = await startMoto();
    const admin = motoClient(moto.endpoint);
    await admin.send(new CreateBucketCommand({ Bucket: 'cli-wheels' }));
    admin.destroy();
    example = copyExample('cli-out-');
    buildExample(example, python);
  });
  afterAll(async () => {
    await moto?.stop();
  });

  const publish = (extra: string[]) =>
    spawnSync(
      process.execPath,
      [
        CLI,
        'build',
        '--working-directory',
        example,
        '--python',
        python,
        '--version',
        '1.0.0',
        ...EXAMPLE_STAGE.split('\n').flatMap((rule) => ['--stage', rule]),
        '--output-dir',
        mkdtempSync(join(tmpdir(), 'cli-out-')),
        '--s3-bucket',
        'cli-wheels',
        '--s3-endpoint',
        moto.endpoint,
        '--s3-force-path-style',
        'true',
        '--s3-index',
        'true',
        // The bucket's objects are private: the consumer check reads with the credentials.
        '--verify-published',
        'credentials',
        ...extra,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, ...MOTO_CREDENTIALS, SOURCE_DATE_EPOCH: '1700000000' },
      },
    );

  it('a multi-line value (index-requirement) in the heredoc form; the same values with --json', () => {
    const lines = publish([]);
    expect(lines.stderr).toContain('==> Verify: import');
    expect(lines.status).toBe(0);
    // Every line is `name=value`, `name<<DELIM`, a value line, or the closing DELIM.
    const heredoc = /^index-requirement<<(ghadelimiter_[0-9a-f-]{36})\n(.*)\n(.*)\n\1$/m.exec(
      lines.stdout,
    );
    expect(heredoc).not.toBeNull();
    const indexUrl = `${moto.endpoint}/cli-wheels/simple/`;
    expect(heredoc![2]).toBe(`--extra-index-url ${indexUrl}`);
    expect(heredoc![3]).toBe('vecmath==1.0.0');
    const rest = lines.stdout.replace(heredoc![0] + '\n', '');
    const single = Object.fromEntries(
      rest
        .trim()
        .split('\n')
        .map((line) => {
          expect(line).toMatch(/^[a-z0-9-]+=/);
          return line.split(/=(.*)/s).slice(0, 2) as [string, string];
        }),
    );
    expect(single['wheel-name']).toMatch(/^vecmath-1\.0\.0-cp3\d+-cp3\d+-linux_x86_64\.whl$/);
    expect(single['index-url']).toBe(indexUrl);

    const json = publish(['--json']);
    expect(json.status).toBe(0);
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    const outputs = JSON.parse(json.stdout) as Record<string, string>;
    expect(outputs['index-requirement']).toBe(`--extra-index-url ${indexUrl}\nvecmath==1.0.0`);
    expect(outputs['wheel-name']).toBe(single['wheel-name']);
    expect(Object.keys(outputs).sort()).toEqual(
      [...Object.keys(single), 'index-requirement'].sort(),
    );
  });
});
