// The consumer check with `image`: the image's own python and pip install the published wheel
// from the index, inside the image (on the real engine: podman's docker), with the AWS credentials a
// user passed into the image by an `env` line removed; the receipt names the image.
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/publish/receipt.js';
import {
  copyExample,
  errorAnnotations,
  EXAMPLE_STAGE,
  runBundledAction,
} from '../helpers/example.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { TEST_IMAGE, engineCalls, engineEnv, ensureTestImage } from '../helpers/rootfs.js';

let moto: Moto;
let admin: S3Client;
let workspace: string;

beforeAll(async () => {
  ensureTestImage(TEST_IMAGE);
  workspace = mkdtempSync(join(tmpdir(), 'consumer-image-'));
  moto = await startMoto();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: 'image-consumer' }));
}, 600_000);

afterAll(async () => {
  admin?.destroy();
  await moto?.stop();
});

describe('verify-published with image', () => {
  it("installs from the index with the image's pip, without the AWS keys passed in by env", async () => {
    const log = join(workspace, 'docker.log');
    const run = await runBundledAction(
      {
        'working-directory': copyExample('consumer-image-'),
        'build-command': './build.sh python3',
        image: TEST_IMAGE,
        // A user passing keys into the image: the consumer's pip must not see them.
        env: 'AWS_ACCESS_KEY_ID=AKIAIMAGEKEYMUSTNOTREACHPIP',
        stage: EXAMPLE_STAGE,
        version: '1.0.0',
        'output-dir': join(workspace, 'dist'),
        'artifact-name': 'false',
        's3-bucket': 'image-consumer',
        's3-prefix': 'img',
        's3-endpoint': moto.endpoint,
        's3-force-path-style': 'true',
        's3-acl': 'public-read',
        's3-index': 'true',
        // The image's pip must reach moto_server on the runner's loopback.
        'docker-options': '--network host',
      },
      {
        ...MOTO_CREDENTIALS,
        ...engineEnv(log),
        GITHUB_WORKSPACE: workspace,
        SOURCE_DATE_EPOCH: '1700000000',
      },
      300_000,
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['verify-published']).toBe('passed');
    const runs = engineCalls(log).filter((argv) => argv[0] === 'run');
    expect(runs.length).toBeGreaterThan(0);
    const consumer = runs.find((argv) => argv.includes('--index-url'));
    expect(consumer).toBeDefined();
    expect(consumer).toContain(TEST_IMAGE);
    expect(consumer).toContain('vecmath==1.0.0');
    const env = consumer!.indexOf('env');
    expect(consumer!.slice(env, env + 3)).toEqual(['env', '-u', 'AWS_ACCESS_KEY_ID']);
    expect(consumer![consumer!.indexOf('-m') - 3]).toBe('/usr/bin/python3');
    // The receipt names the image and what the engine reported for it.
    const receipt = JSON.parse(readFileSync(run.outputs.receipt!, 'utf8')) as Receipt;
    expect(receipt.image).toMatchObject({
      reference: TEST_IMAGE,
      id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(receipt.python.path).toBe('/usr/bin/python3');
    expect(receipt.python.glibc).toBe('2.36');
  }, 320_000);
});
