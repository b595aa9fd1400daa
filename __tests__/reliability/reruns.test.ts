/**
 * Re-runs and concurrency, through the bundled action:
 * - re-running the same tag from a fresh checkout builds the byte-identical wheel (timestamps from
 *   the commit, not the clock), S3 skips it as already published, and the run succeeds;
 * - two runs publishing the same key at the same moment: with identical bytes one creates and the
 *   other skips; with different bytes one wins and the other fails clearly, never overwriting.
 * S3 is moto behind the recording proxy (s3-proxy.ts), which holds the two uploads until both
 * runs have looked, then sends them one at a time (moto's conditional writes are not atomic).
 */
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InputName } from '../../src/inputs/input-spec.js';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import { errorAnnotations, runBundledAction, type ActionRun } from '../helpers/example.js';
import { MOTO_CREDENTIALS, startMoto, type Moto, motoClient } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';
import { startS3Proxy, type S3Proxy } from '../helpers/s3-proxy.js';

const BUCKET = 'reruns';

let moto: Moto;
let admin: S3Client;
let python: string;
let root: string;
/** A git checkout of a tiny package, committed at a fixed date. */
let checkout: string;

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    stdio: 'pipe',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: '2024-03-01T12:00:00Z',
      GIT_COMMITTER_DATE: '2024-03-01T12:00:00Z',
    },
  });
}

/** A fresh copy of the checkout, as a new job would have. */
function freshCheckout(label: string): string {
  const dir = join(root, label);
  cpSync(checkout, dir, { recursive: true });
  return dir;
}

function actionInputs(
  workspace: string,
  extra: Partial<Record<InputName, string>>,
): Partial<Record<InputName, string>> {
  return {
    'package-dir': 'tinypkg',
    python,
    'wheel-tag': 'py3-none-any',
    'output-dir': join(workspace, 'dist'),
    's3-bucket': BUCKET,
    's3-endpoint': moto.endpoint,
    's3-force-path-style': 'true',
    // Private objects: the consumer check reads them as a platform with its own role.
    'verify-published': 'credentials',
    'artifact-name': 'false',
    ...extra,
  };
}

/** The tag push of a release: the version comes from the tag. */
function tagEnv(workspace: string, tag: string): Record<string, string> {
  return {
    ...MOTO_CREDENTIALS,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REF_TYPE: 'tag',
    GITHUB_REF_NAME: tag,
    GITHUB_REF: `refs/tags/${tag}`,
  };
}

async function stored(key: string): Promise<Buffer> {
  const object = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

function wheelBytes(run: ActionRun): Buffer {
  return readFileSync(run.outputs.wheel!);
}

beforeAll(async () => {
  python = defaultPython3();
  root = mkdtempSync(join(tmpdir(), 'reruns-'));
  checkout = join(root, 'origin');
  mkdirSync(join(checkout, 'tinypkg'), { recursive: true });
  writeFileSync(join(checkout, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
  writeFileSync(join(checkout, 'tinypkg', 'data.txt'), 'payload\n');
  git(checkout, 'init', '-q');
  git(checkout, 'add', '.');
  git(checkout, 'commit', '-q', '-m', 'release');
  moto = await startMoto();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  admin?.destroy();
  await moto?.stop();
});

describe('re-running the same tag', () => {
  let artifacts: ArtifactService[] = [];
  afterAll(async () => {
    for (const service of artifacts) await service.stop();
    artifacts = [];
  });

  it('builds the same bytes, skips S3 and succeeds; each run gets its artifact', async () => {
    // Two workflow runs on the same tag (e.g. the tag pushed again, or the workflow dispatched on
    // it): two artifact services, one bucket.
    artifacts = [await startArtifactService(), await startArtifactService()];
    const runs: ActionRun[] = [];
    for (const [index, service] of artifacts.entries()) {
      const workspace = freshCheckout(`rerun-${index + 1}`);
      runs.push(
        await runBundledAction(
          actionInputs(workspace, { 's3-prefix': 'tagged', 'artifact-name': '' }),
          { ...tagEnv(workspace, 'v1.4.0'), ...service.env },
        ),
      );
    }
    const [first, second] = runs as [ActionRun, ActionRun];
    for (const run of runs) {
      expect(errorAnnotations(run.stdout)).toEqual([]);
      expect(run.status).toBe(0);
    }
    expect(first.outputs.version).toBe('1.4.0');
    expect(first.stdout).toContain('timestamps from the HEAD commit');
    // Byte-identical wheels, so the same sha256, file name and outputs.
    expect(wheelBytes(second).equals(wheelBytes(first))).toBe(true);
    expect(second.outputs.sha256).toBe(first.outputs.sha256);
    expect(second.outputs['s3-url']).toBe(first.outputs['s3-url']);
    // The first run created the object; the second saw the same sha256 and did not write.
    expect(first.stdout).toMatch(/s3:\/\/reruns\/tagged\/\S+ uploaded in/);
    expect(second.stdout).toContain(
      "already published with the same bytes (S3's SHA-256 checksum of the object matches); skipping",
    );
    const bytes = await stored(`tagged/${first.outputs['wheel-name']}`);
    expect(bytes.equals(wheelBytes(first))).toBe(true);
    for (const [index, service] of artifacts.entries()) {
      expect(
        (await service.readBlob(runs[index]!.outputs['wheel-name']!)).equals(wheelBytes(first)),
      ).toBe(true);
    }
  });

  it('re-running a job whose first attempt uploaded the same wheel as the artifact: skipped, success', async () => {
    // GitHub keeps the earlier attempt's artifact in the run, and names are unique per run: the
    // second attempt's upload gets a 409, and the artifact found under the name has our sha256.
    const service = await startArtifactService();
    artifacts.push(service);
    const env = (workspace: string) => ({ ...tagEnv(workspace, 'v1.5.0'), ...service.env });
    const first = freshCheckout('attempt-1');
    const attempt1 = await runBundledAction(
      actionInputs(first, { 's3-prefix': 'attempts', 'artifact-name': '' }),
      env(first),
    );
    expect(attempt1.status).toBe(0);
    const second = freshCheckout('attempt-2');
    const attempt2 = await runBundledAction(
      actionInputs(second, { 's3-prefix': 'attempts', 'artifact-name': '' }),
      { ...env(second), GITHUB_RUN_ATTEMPT: '2' },
    );
    expect(errorAnnotations(attempt2.stdout)).toEqual([]);
    expect(attempt2.status).toBe(0);
    expect(attempt2.stdout).toContain('already uploaded by an earlier attempt (same sha256)');
    expect(attempt2.outputs.sha256).toBe(attempt1.outputs.sha256);
    expect(attempt2.outputs['artifact-id']).toBe(attempt1.outputs['artifact-id']);
    // One wheel artifact and one receipt artifact (identical bytes: skipped the same way).
    expect(service.artifacts().filter((a) => a.id !== undefined)).toHaveLength(2);
    expect(attempt2.stdout).not.toMatch(/Workflow artifact '.*\.verification\.json' uploaded/);
  });
});

describe('two runs publishing the same key at the same time', () => {
  let proxy: S3Proxy;
  afterEach(async () => {
    await proxy?.close();
  });

  async function race(
    prefix: string,
    extra: [Partial<Record<InputName, string>>, Partial<Record<InputName, string>>],
  ): Promise<[ActionRun, ActionRun]> {
    // A proxy per race: both runs have looked (HEAD: 404) before either writes, then the writes
    // go one at a time.
    proxy = await startS3Proxy(moto.endpoint, {
      barrier: { match: (r) => r.method === 'PUT', count: 2 },
      serialize: (r) => r.method === 'PUT',
    });
    const workspaces = [freshCheckout(`${prefix}-a`), freshCheckout(`${prefix}-b`)];
    const runs = await Promise.all(
      workspaces.map((workspace, index) =>
        runBundledAction(
          actionInputs(workspace, {
            's3-prefix': prefix,
            's3-endpoint': proxy.endpoint,
            ...extra[index],
          }),
          tagEnv(workspace, 'v2.0.0'),
        ),
      ),
    );
    return runs as [ActionRun, ActionRun];
  }

  function puts(prefix: string): number[] {
    return (
      proxy.requests
        // The wheel's own key (its receipt is written beside it too).
        .filter(
          (r) =>
            r.method === 'PUT' &&
            r.path.startsWith(`/${BUCKET}/${prefix}/`) &&
            r.path.endsWith('.whl'),
        )
        .map((r) => r.status ?? 0)
        .sort()
    );
  }

  it('identical bytes: one creates, the other sees the same sha256 and skips', async () => {
    const runs = await race('same', [{}, {}]);
    for (const run of runs) {
      expect(errorAnnotations(run.stdout)).toEqual([]);
      expect(run.status).toBe(0);
    }
    expect(wheelBytes(runs[1]).equals(wheelBytes(runs[0]))).toBe(true);
    // Exactly one write landed; the other was refused by its If-None-Match and then skipped.
    expect(puts('same')).toEqual([200, 412]);
    const skipped = runs.filter((run) =>
      run.stdout.includes(
        "already published with the same bytes (S3's SHA-256 checksum of the object matches); skipping",
      ),
    );
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.stdout).toContain('changed while uploading (concurrent publish)');
    const bytes = await stored(`same/${runs[0].outputs['wheel-name']}`);
    expect(bytes.equals(wheelBytes(runs[0]))).toBe(true);
  });

  it('different bytes: one wins, the other fails clearly, nothing is overwritten', async () => {
    // Same version and tag, different METADATA: the same file name with other bytes.
    const runs = await race('different', [{ summary: 'build A' }, { summary: 'build B' }]);
    expect(runs[0].outputs['wheel-name'] ?? runs[1].outputs['wheel-name']).toBeDefined();
    const winners = runs.filter((run) => run.status === 0);
    const losers = runs.filter((run) => run.status !== 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const errors = errorAnnotations(losers[0]!.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("input 's3-overwrite'");
    expect(errors[0]).toContain('already exists with different content');
    expect(errors[0]).toContain('never replaced silently');
    expect(losers[0]!.outputs).toEqual({});
    expect(puts('different')).toEqual([200, 412]);
    // The object is the winner's wheel, byte for byte.
    const winner = winners[0]!;
    const bytes = await stored(`different/${winner.outputs['wheel-name']}`);
    expect(bytes.equals(wheelBytes(winner))).toBe(true);
    expect(errors[0]).toContain(winner.outputs.sha256);
  });
});
