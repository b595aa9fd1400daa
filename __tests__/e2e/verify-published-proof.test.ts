/**
 * The consumer check proves the exact file, through the bundled action against moto_server
 * (behind the proxy that enforces public-read for unsigned reads): when pip, resolving the
 * documented index line, takes another file of the same version under the prefix, the check
 * fails naming that file and why pip preferred it, instead of passing on the other file.
 *
 * - a local version: `1.2.0+gpu` published first, then `1.2.0` to the same prefix; pip 18
 *   (pyenv 3.6.15) resolves `vecmath==1.2.0` to the `+gpu` wheel (PEP 440);
 * - a stale `manylinux_2_17` wheel of the same version beside ours (`linux_x86_64`); the new pip
 *   of the default python3 prefers the manylinux tag.
 */
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExample,
  copyExample,
  errorAnnotations,
  EXAMPLE_STAGE,
  runBundledAction,
  type ActionRun,
} from '../helpers/example.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { startPublicReadProxy, type PublicReadProxy } from '../helpers/public-read-proxy.js';
import { defaultPython3, pyenvPython, runPython } from '../helpers/python.js';

const BUCKET = 'proof';
let moto: Moto;
let proxy: PublicReadProxy;
let admin: S3Client;
let writer: S3Client;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startPublicReadProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  // Writes go through the proxy, which tracks the ACL of each key from them.
  writer = motoClient(proxy.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
}, 120_000);

afterAll(async () => {
  admin?.destroy();
  writer?.destroy();
  await proxy?.close();
  await moto?.stop();
});

/** The wheel a run published, from its log (a failed run sets no outputs). */
function published(run: ActionRun & { outDir: string }): { name: string; path: string } {
  const match = /Publishing (\S+\.whl) \(\d+ bytes\)/.exec(run.stdout);
  expect(match).not.toBeNull();
  return { name: match![1]!, path: join(run.outDir, match![1]!) };
}

async function publish(
  dir: string,
  python: string,
  values: Record<string, string>,
): Promise<ActionRun & { outDir: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'out-'));
  const run = await runBundledAction(
    {
      'working-directory': dir,
      stage: EXAMPLE_STAGE,
      python,
      'output-dir': outDir,
      's3-bucket': BUCKET,
      's3-endpoint': proxy.endpoint,
      's3-force-path-style': 'true',
      's3-acl': 'public-read',
      's3-index': 'true',
      'artifact-name': 'false',
      ...values,
    },
    { ...MOTO_CREDENTIALS, SOURCE_DATE_EPOCH: '1700000000', RUNNER_DEBUG: '1' },
    300_000,
  );
  return { ...run, outDir };
}

describe('verify-published proves which file pip installs', () => {
  it('the pinned URL line, no index: pip 19 (2.7) downloads it by its #sha256=, the summary shows it first', async () => {
    const py27 = pyenvPython('2.7.18');
    const dir = copyExample('proof27-');
    buildExample(dir, py27);
    const run = await publish(dir, py27, {
      version: '1.2.0',
      's3-prefix': 'pinned',
      's3-index': 'false',
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.outputs['verify-published']).toBe('passed');
    const pinned = `${run.outputs['s3-url']}#sha256=${run.outputs.sha256}`;
    expect(run.outputs.requirement).toBe(pinned);
    const receipt = JSON.parse(readFileSync(run.outputs.receipt!, 'utf8')) as {
      python: { pip: string };
    };
    expect(receipt.python.pip).toMatch(/^(19|20)\./);
    const chose = `verify-published: for "${pinned}" `;
    const line = run.stdout.split('\n').find((l) => l.includes(chose));
    expect(line).toContain(
      `'s pip chose ${run.outputs['wheel-name']}, ${run.outputs.size} bytes, ` +
        `sha256 ${run.outputs.sha256}: the published wheel.`,
    );
    expect(run.summary).toContain(`\`\`\`\n${pinned}\n\`\`\``);
    expect(run.summary).toContain('The consumer check proved that pip installs exactly this wheel');
  }, 600_000);

  let py36: string;
  let plainWheel: Buffer;

  it('a local version under the prefix: pip 18 takes 1.2.0+gpu for ==1.2.0, the check names it', async () => {
    py36 = pyenvPython('3.6.15');
    const dir = copyExample('proof36-');
    buildExample(dir, py36);
    const gpu = await publish(dir, py36, { version: '1.2.0+gpu', 's3-prefix': 'local' });
    expect(errorAnnotations(gpu.stdout)).toEqual([]);
    expect(gpu.outputs['verify-published']).toBe('passed');
    const gpuName = gpu.outputs['wheel-name']!;
    expect(gpuName).toMatch(/^vecmath-1\.2\.0\+gpu-cp36-cp36m-linux_x86_64\.whl$/);
    // The pip that chose is pip 18.
    const receipt = JSON.parse(readFileSync(gpu.outputs.receipt!, 'utf8')) as {
      python: { pip: string };
    };
    expect(receipt.python.pip).toMatch(/^18\./);
    expect(gpu.stdout).toContain(`pip chose ${gpuName}`);

    const plain = await publish(dir, py36, { version: '1.2.0', 's3-prefix': 'local' });
    const { name: plainName, path: plainPath } = published(plain);
    plainWheel = readFileSync(plainPath);
    expect(plain.status).toBe(1);
    expect(plain.outputs['verify-published']).toBeUndefined();
    const errors = errorAnnotations(plain.stdout);
    expect(errors).toHaveLength(1);
    const error = errors[0]!;
    console.log(`the user sees: ${error}`);
    expect(error).toContain("input 'verify-published'");
    expect(error).toContain(
      `installs ${gpuName} for "--index-url ${proxy.endpoint}/${BUCKET}/local/simple/ vecmath==1.2.0", ` +
        `not the wheel this run published (${plainName})`,
    );
    expect(error).toContain(
      'its local version 1.2.0+gpu matches ==1.2.0 (PEP 440: a version without a local label ' +
        'matches every local version of it), and pip ranks 1.2.0+gpu above 1.2.0',
    );
    expect(error).toContain('its own s3-prefix');
    expect(error).toContain('#sha256=');
    // The import check never ran on the other file, so `import` is not blamed.
    expect(error).not.toContain("input 'import'");
    expect(plain.summary).toContain(gpuName);
  }, 600_000);

  it('a stale manylinux_2_17 wheel of the same version: the new pip prefers it, the check names it', async () => {
    const python = defaultPython3();
    const abi = runPython(python, 'import sys; print("cp%d%d" % sys.version_info[:2])').trim();
    // A stale build of vecmath 1.2.0 (the pip 18 build above) under a manylinux name.
    const stale = `vecmath-1.2.0-${abi}-${abi}-manylinux_2_17_x86_64.whl`;
    await writer.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `stale/${stale}`,
        Body: plainWheel,
        ACL: 'public-read',
      }),
    );
    const dir = copyExample('proof3-');
    buildExample(dir, python);
    const run = await publish(dir, python, { version: '1.2.0', 's3-prefix': 'stale' });
    const ours = published(run).name;
    expect(ours).toMatch(/-linux_x86_64\.whl$/);
    expect(run.status).toBe(1);
    const errors = errorAnnotations(run.stdout);
    expect(errors).toHaveLength(1);
    console.log(`the user sees: ${errors[0]}`);
    expect(errors[0]).toContain(
      `installs ${stale} for "--index-url ${proxy.endpoint}/${BUCKET}/stale/simple/ vecmath==1.2.0", ` +
        `not the wheel this run published (${ours})`,
    );
    expect(errors[0]).toContain(
      `same version, and its tag ${abi}-${abi}-manylinux_2_17_x86_64 ranks above ours ` +
        `(${abi}-${abi}-linux_x86_64) for this interpreter`,
    );
    expect(errors[0]).toContain(`delete ${stale}`);
    expect(run.outputs['verify-published']).toBeUndefined();
  }, 600_000);
});
