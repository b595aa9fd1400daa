import { createHash } from 'node:crypto';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import {
  buildExample,
  copyExample,
  errorAnnotations,
  EXAMPLE_STAGE,
  runBundledAction,
} from '../helpers/example.js';
import { MOTO_CREDENTIALS, startMoto, type Moto, motoClient } from '../helpers/moto.js';
import { actionNodeMajor } from '../helpers/node.js';
import { defaultPython3 } from '../helpers/python.js';

let moto: Moto;
let artifacts: ArtifactService;
let admin: S3Client;
let example: string;
let python: string;

beforeAll(async () => {
  moto = await startMoto();
  artifacts = await startArtifactService();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: 'releases' }));
  await admin.send(new CreateBucketCommand({ Bucket: 'untouched' }));
  python = defaultPython3();
  example = copyExample('publish-');
  buildExample(example, python);
});

afterAll(async () => {
  admin?.destroy();
  await artifacts?.stop();
  await moto?.stop();
});

function publishEnv(): Record<string, string> {
  return { ...MOTO_CREDENTIALS, ...artifacts.env, SOURCE_DATE_EPOCH: '1700000000' };
}

describe('the bundled action with both publishers on', () => {
  it('publishes the verified wheel to S3 and as an artifact, and says where', async () => {
    const run = await runBundledAction(
      {
        'working-directory': example,
        stage: EXAMPLE_STAGE,
        python,
        version: '1.2.0',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
        's3-bucket': 'releases',
        's3-prefix': 'wheels/vecmath',
        's3-endpoint': moto.endpoint,
        's3-force-path-style': 'true',
        's3-acl': 'public-read',
        's3-index': 'true',
        'retention-days': '7',
      },
      publishEnv(),
      40_000,
    );
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    // The AWS SDK warns on every node older than 22 (its NodeVersionSupportWarning). The runtime
    // action.yml declares (node24 project) must run without it; node 20 (host project) gets it.
    expect({
      node: actionNodeMajor(),
      warned: run.stderr.includes('NodeVersionSupportWarning'),
    }).toEqual({
      node: actionNodeMajor(),
      warned: actionNodeMajor() < 22,
    });
    const { outputs } = run;
    const wheel = readFileSync(outputs.wheel!);
    const key = `wheels/vecmath/${outputs['wheel-name']}`;
    expect(outputs['s3-uri']).toBe(`s3://releases/${key}`);
    expect(outputs['s3-url']).toBe(`${moto.endpoint}/releases/${key.replace('+', '%2B')}`);
    // The recommended line pins the file: pip checks the #sha256= before installing.
    expect(outputs.requirement).toBe(`${outputs['s3-url']}#sha256=${outputs.sha256}`);
    // The URL a platform would paste serves the exact bytes.
    const fetched = Buffer.from(await (await fetch(outputs['s3-url']!)).arrayBuffer());
    expect(fetched.equals(wheel)).toBe(true);
    // The artifact service received the same bytes, named after the wheel.
    expect(outputs['artifact-id']).toMatch(/^\d+$/);
    expect(outputs['artifact-url']).toBe(
      `https://github.com/algorithmia-test/wheel-maker/actions/runs/4242/artifacts/${outputs['artifact-id']}`,
    );
    const blob = await artifacts.readBlob(outputs['wheel-name']!);
    expect(blob.equals(wheel)).toBe(true);
    // The digest the artifact client returned, as an output: the wheel's own sha256 here.
    expect(outputs['artifact-digest']).toBe(createHash('sha256').update(wheel).digest('hex'));
    expect(run.summary).toContain(outputs.requirement);
    // The receipt: its own artifact (the wheel's is the .whl itself), beside the wheel in S3.
    const receipt = readFileSync(outputs.receipt!);
    expect(outputs.receipt).toBe(`${outputs.wheel}.verification.json`);
    expect(
      (await artifacts.readBlob(`${outputs['wheel-name']}.verification.json`)).equals(receipt),
    ).toBe(true);
    expect(outputs['verify-published']).toBe('passed');
    // The pip index next to the wheels links it with its hash.
    expect(outputs['index-url']).toBe(`${moto.endpoint}/releases/wheels/vecmath/simple/`);
    expect(outputs['index-requirement']).toBe(
      `--extra-index-url ${outputs['index-url']}\nvecmath==1.2.0`,
    );
    const page = await (await fetch(`${outputs['index-url']}vecmath/`)).text();
    expect(page).toContain(`${outputs['wheel-name']}#sha256=${outputs.sha256}`);
    expect(run.summary).toContain('--extra-index-url');
    // Re-running the same release is safe: same bytes, S3 skips, artifact name already used.
  });

  it('publishes nothing when verification fails', async () => {
    const before = artifacts.artifacts().length;
    const run = await runBundledAction(
      {
        'working-directory': example,
        stage: EXAMPLE_STAGE,
        python,
        version: '1.3.0',
        import: 'vecmath.missing_module',
        'output-dir': mkdtempSync(join(tmpdir(), 'out-')),
        's3-bucket': 'untouched',
        's3-endpoint': moto.endpoint,
        's3-force-path-style': 'true',
      },
      publishEnv(),
    );
    expect(run.status).not.toBe(0);
    expect(errorAnnotations(run.stdout)).toHaveLength(1);
    const listing = await admin.send(new ListObjectsV2Command({ Bucket: 'untouched' }));
    expect(listing.KeyCount ?? 0).toBe(0);
    // Only the evidence goes up (<wheel file name>-failed), never the wheel's own artifact.
    const added = artifacts.artifacts().slice(before);
    expect(added.map((a) => a.name)).toEqual([
      expect.stringMatching(/^vecmath-1\.3\.0-[^/]+\.whl-failed$/),
    ]);
    expect(run.outputs).toEqual({});
  });
});
