/**
 * The consumer check through the bundled action, against moto_server behind a proxy that enforces
 * what S3 enforces for unsigned reads (403 unless the object is public-read): a private wheel
 * fails with the fix, a re-run with public-read repairs the ACLs and passes with pip 23 resolving
 * from the PEP 658 metadata file, pip 19 (2.7) installs from the same index, `credentials` reads
 * signed, and a yank is honoured by pip 23.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  buildExample,
  copyExample,
  errorAnnotations,
  EXAMPLE_STAGE,
  runBundledAction,
  type ActionRun,
} from '../helpers/example.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import type { Receipt } from '../../src/publish/receipt.js';
import { startPublicReadProxy, type PublicReadProxy } from '../helpers/public-read-proxy.js';
import { defaultPython3, pyenvPython } from '../helpers/python.js';
import { pipIndexInstallArgs } from '../helpers/pip-target.js';

let moto: Moto;
let proxy: PublicReadProxy;
let admin: S3Client;
let example: string;
let python: string;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startPublicReadProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: 'consumer' }));
  python = defaultPython3();
  example = copyExample('consumer-');
  buildExample(example, python);
}, 120_000);

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await moto?.stop();
});

const env = () => ({ ...MOTO_CREDENTIALS, SOURCE_DATE_EPOCH: '1700000000', GITHUB_SHA: 'c0ffee' });

function publish(values: Record<string, string>, dir = example, py = python): Promise<ActionRun> {
  return runBundledAction(
    {
      'working-directory': dir,
      stage: EXAMPLE_STAGE,
      python: py,
      version: '1.2.0',
      'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
      's3-bucket': 'consumer',
      's3-endpoint': proxy.endpoint,
      's3-force-path-style': 'true',
      ...values,
    },
    { ...env(), RUNNER_DEBUG: '1' },
    120_000,
  );
}

async function objectBytes(key: string): Promise<Buffer> {
  const object = await admin.send(new GetObjectCommand({ Bucket: 'consumer', Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

/** Asynchronous: the proxy answers from this process, so its event loop must keep running. */
function runAsync(
  command: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, stdout, stderr }));
  });
}

function pip(py: string, args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'pip-'));
  return runAsync(py, pipIndexInstallArgs(join(dir, 't'), args), {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', PIP_CONFIG_FILE: '/dev/null' },
  });
}

function wheelNameOf(run: ActionRun): string {
  return /Publishing (\S+\.whl) /.exec(run.stdout)![1]!;
}

describe('verify-published through the bundled action', () => {
  let privateRun: ActionRun;
  let publicRun: ActionRun;
  let wheelName: string;

  it('fails a private wheel read anonymously: HTTP status, the fix, what the next run does', async () => {
    privateRun = await publish({
      's3-prefix': 'cp',
      's3-index': 'true',
      'requires-python': '>=3.6',
    });
    const errors = errorAnnotations(privateRun.stdout);
    expect(errors).toHaveLength(1);
    expect(privateRun.status).toBe(1);
    const error = errors[0]!;
    expect(error).toContain("input 'verify-published'");
    expect(error).toContain('HTTP 403');
    expect(error).toContain('arn:aws:s3:::consumer/cp/*');
    expect(error).toContain('s3-acl: public-read');
    expect(error).toContain('Block Public Access');
    expect(error).toContain('verify-published: credentials');
    expect(error).toContain('cannot unpublish');
    expect(error).toContain('the identical object is skipped');
    expect(privateRun.summary).toContain('HTTP 403');
    expect(privateRun.summary).toContain('Published, but the platform cannot install it');
    expect(privateRun.summary).not.toContain('The wheel was not published');
    // The object is there, as uploaded: the check cannot take it back.
    wheelName = wheelNameOf(privateRun);
    const head = await admin.send(
      new HeadObjectCommand({ Bucket: 'consumer', Key: `cp/${wheelName}` }),
    );
    expect(head.ContentLength).toBeGreaterThan(0);
    // The unsigned read of the wheel was what the proxy refused.
    expect(proxy.anonymous()).toContainEqual({
      method: 'GET',
      path: `/consumer/cp/${wheelName}`,
      allowed: false,
    });
  }, 150_000);

  it('re-run with s3-acl: public-read: skips the identical bytes, repairs the ACLs, pip 23 installs from the index via PEP 658', async () => {
    const before = proxy.anonymous().length;
    publicRun = await publish({
      's3-prefix': 'cp',
      's3-index': 'true',
      'requires-python': '>=3.6',
      's3-acl': 'public-read',
    });
    expect(errorAnnotations(publicRun.stdout)).toEqual([]);
    expect(publicRun.status).toBe(0);
    const log = publicRun.stdout;
    expect(log).toMatch(/already published with the same bytes \(.*\); skipping/);
    expect(log).toContain(
      `consumer/cp/${wheelName}: ACL brought to public-read as s3-acl asks (it was private)`,
    );
    expect(log).toMatch(/consumer\/cp\/simple\/vecmath\/: ACL brought to public-read/);
    expect(publicRun.outputs['verify-published']).toBe('passed');
    // pip 23 resolved vecmath==1.2.0 from the metadata file, read without credentials.
    expect(log).toContain('resolving from the PEP 658 metadata file');
    expect(log).toMatch(new RegExp(`pip: .*${wheelName.replace(/\./g, '\\.')}\\.metadata`));
    const reads = proxy.anonymous().slice(before);
    expect(reads).toContainEqual({
      method: 'GET',
      path: `/consumer/cp/${wheelName}.metadata`,
      allowed: true,
    });
    expect(reads).toContainEqual({
      method: 'GET',
      path: '/consumer/cp/simple/vecmath/',
      allowed: true,
    });
    expect(reads.filter((r) => !r.allowed)).toEqual([]);
    // The page carries the PEP 658/714 and Requires-Python attributes.
    const page = (await objectBytes('cp/simple/vecmath/')).toString('utf8');
    const metadata = await objectBytes(`cp/${wheelName}.metadata`);
    expect(metadata.toString('utf8')).toContain('Requires-Python: >=3.6\n');
    const { createHash } = await import('node:crypto');
    const digest = createHash('sha256').update(metadata).digest('hex');
    expect(page).toContain(`data-dist-info-metadata="sha256=${digest}"`);
    expect(page).toContain(`data-core-metadata="sha256=${digest}"`);
    expect(page).toContain('data-requires-python="&gt;=3.6"');
    // Summary: the consumer check and the receipt.
    expect(publicRun.summary).toContain('| Consumer check | passed');
    expect(publicRun.summary).toContain('Verification receipt');
  }, 150_000);

  it('writes the same receipt for the same inputs, locally, in S3 and as output', async () => {
    const receipt = readFileSync(publicRun.outputs.receipt!);
    expect(publicRun.outputs.receipt!.endsWith(`${wheelName}.verification.json`)).toBe(true);
    // The failed run built from the same inputs: byte-identical receipt (no clock inside).
    const firstPath = /receipt (\S+): \d+ bytes, sha256 ([0-9a-f]{64})/.exec(privateRun.stdout)!;
    const secondPath = /receipt (\S+): \d+ bytes, sha256 ([0-9a-f]{64})/.exec(publicRun.stdout)!;
    expect(secondPath[2]).toBe(firstPath[2]);
    expect((await objectBytes(`cp/${wheelName}.verification.json`)).equals(receipt)).toBe(true);
    const parsed = JSON.parse(receipt.toString('utf8')) as Receipt;
    expect(parsed.wheel).toMatchObject({
      name: wheelName,
      sha256: publicRun.outputs.sha256,
      size: Number(publicRun.outputs.size),
    });
    expect(parsed.python.version).toBe(publicRun.outputs['python-version']);
    expect(parsed.python.glibc).toMatch(/^2\.\d+$/);
    expect(parsed.python.pip).toMatch(/^\d+\./);
    expect(parsed.build).toEqual({
      tool: expect.stringMatching(/^algorithmia-wheel \d/),
      sourceDateEpoch: 1700000000,
      commit: 'c0ffee',
    });
    expect(parsed.verification.imports).toEqual([
      { module: 'vecmath', from: 'vecmath/__init__.py', result: 'passed' },
    ]);
    const native = parsed.verification.nativeFiles as {
      path: string;
      libraries: { name: string; path: string | null }[];
    }[];
    expect(native.map((f) => f.path).some((p) => /^vecmath\/_vecmath.*\.so$/.test(p))).toBe(true);
    const libs = native.flatMap((f) => f.libraries);
    expect(libs).toContainEqual({
      name: 'libc.so.6',
      path: expect.stringMatching(/^\/.*libc\.so\.6$/),
    });
    expect(libs.some((l) => l.path?.startsWith('<target>/vecmath/lib/'))).toBe(true);
    expect(receipt.toString('utf8')).not.toMatch(/\/tmp\/|action-run-/);
    expect(parsed.image).toBeNull();
  });

  it('pip 19 (2.7) installs its own wheel from the same index', async () => {
    const py27 = pyenvPython('2.7.18');
    const dir = copyExample('consumer27-');
    buildExample(dir, py27);
    const run = await publish(
      { 's3-prefix': 'cp', 's3-index': 'true', 's3-acl': 'public-read' },
      dir,
      py27,
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['verify-published']).toBe('passed');
    // The interpreter that installed from the index is 2.7 with its pip 19.
    const receipt = JSON.parse(readFileSync(run.outputs.receipt!, 'utf8')) as {
      python: { version: string; pip: string };
    };
    expect(receipt.python).toMatchObject({
      version: '2.7.18',
      pip: expect.stringMatching(/^19\./),
    });
    expect(run.stdout).toContain(
      `pip installed vecmath==1.2.0 from ${proxy.endpoint}/consumer/cp/simple/ without AWS credentials`,
    );
    // Both wheels are on the page; each python took its own.
    const page = (await objectBytes('cp/simple/vecmath/')).toString('utf8');
    expect(page).toContain(run.outputs['wheel-name']!);
    expect(page).toContain(wheelName);
  }, 200_000);

  it('credentials: a private wheel read with signed requests passes', async () => {
    const run = await publish({ 's3-prefix': 'signed', 'verify-published': 'credentials' });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['verify-published']).toBe('passed');
    expect(run.stdout).toContain('credentials read OK');
    // Nobody anonymous could read it: it stayed private.
    const anonymous = await fetch(run.outputs['s3-url']!);
    expect(anonymous.status).toBe(403);
  }, 150_000);

  it('yank: pip 23 skips the release for a range, installs it pinned with a warning', async () => {
    const cli = await runAsync(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli', 'index.js'),
        'yank',
        '--s3-bucket',
        'consumer',
        '--s3-prefix',
        'cp',
        '--s3-endpoint',
        proxy.endpoint,
        '--s3-force-path-style',
        'true',
        'vecmath==1.2.0',
        '--reason',
        'wrong <ABI> "build"',
      ],
      { env: { ...process.env, ...MOTO_CREDENTIALS } },
    );
    expect(cli.stderr).not.toContain('error:');
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain(`yanked=${wheelName}`);
    const page = (await objectBytes('cp/simple/vecmath/')).toString('utf8');
    expect(page).toContain('data-yanked="wrong &lt;ABI&gt; &quot;build&quot;"');
    const index = `${proxy.endpoint}/consumer/cp/simple/`;
    const range = await pip(python, ['--index-url', index, 'vecmath>=1.0']);
    expect(range.status).not.toBe(0);
    expect(range.stderr).toMatch(/No matching distribution found for vecmath>=1\.0/);
    const pinned = await pip(python, ['--index-url', index, 'vecmath==1.2.0']);
    expect(pinned.status).toBe(0);
    expect(pinned.stderr + pinned.stdout).toContain(
      'The candidate selected for download or install is a yanked version',
    );
    expect(pinned.stderr + pinned.stdout).toContain('wrong <ABI> "build"');
    // The pages stayed public (the yank kept the project page's ACL).
    expect((await fetch(`${index}vecmath/`)).status).toBe(200);
  }, 120_000);

  it('Block Public Access: public-read objects still refused, the fix says so', async () => {
    proxy.blockPublicAccess = true;
    try {
      const run = await publish({ 's3-prefix': 'blocked', 's3-acl': 'public-read' });
      const errors = errorAnnotations(run.stdout);
      expect(run.status).toBe(1);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('HTTP 403');
      expect(errors[0]).toContain(
        'the object was written public-read, so something overrides the ACL',
      );
      expect(errors[0]).toContain('Block Public Access');
    } finally {
      proxy.blockPublicAccess = false;
    }
  }, 150_000);
});
