import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishError } from '../../../src/base/errors.js';
import { MemoryLog } from '../../../src/log/log.js';
import { publishArtifact, type ArtifactResult } from '../../../src/publish/artifact/artifact.js';
import type { BuiltWheel } from '../../../src/publish/built-wheel.js';
import { startArtifactService, type ArtifactService } from '../../helpers/artifact-service.js';
import { readZip } from '../../helpers/stored-zip.js';

const WHEEL = 'demo_pkg-1.2.0-cp312-cp312-manylinux_2_17_x86_64.whl';

let dir: string;
let wheel: BuiltWheel;
let bytes: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'artifact-test-'));
  // Opaque, incompressible bytes, as a real (already deflated) wheel mostly is: this layer must
  // hand them over unchanged whatever they are.
  bytes = randomBytes(300 * 1024);
  const wheelPath = path.join(dir, WHEEL);
  await writeFile(wheelPath, bytes);
  wheel = {
    path: wheelPath,
    fileName: WHEEL,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    distribution: 'demo_pkg',
    version: '1.2.0',
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** @actions/artifact reads process.env at call time: set the job's variables around one call. */
async function inJob<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = new Map(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function publishIn(
  service: ArtifactService,
  options: { name: string; retentionDays?: number },
  env: Record<string, string> = service.env,
): Promise<{ result: ArtifactResult; log: MemoryLog }> {
  const log = new MemoryLog();
  const result = await inJob(env, () => publishArtifact(wheel, options, process.env, log));
  return { result, log };
}

async function publishError(
  service: ArtifactService,
  options: { name: string },
  env: Record<string, string> = service.env,
): Promise<PublishError> {
  const error = await publishIn(service, options, env).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishError);
  return error as PublishError;
}

describe('publishArtifact against a local results service and Azurite', () => {
  let service: ArtifactService;
  beforeAll(async () => {
    service = await startArtifactService();
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('uploads the wheel itself, unzipped, when the artifact is named after the file', async () => {
    const { result, log } = await publishIn(service, { name: WHEEL });

    expect(result.status).toBe('uploaded');
    expect(result.format).toBe('wheel');
    expect(result.digest).toBe(wheel.sha256);
    const stored = service.artifacts().find((a) => a.name === WHEEL);
    expect(stored?.id).toBeTypeOf('number');
    expect(result.id).toBe(stored?.id);
    expect(result.url).toBe(
      `https://github.com/algorithmia-test/wheel-maker/actions/runs/4242/artifacts/${stored?.id}`,
    );
    expect(stored).toMatchObject({
      version: 7,
      size: bytes.length,
      hash: `sha256:${wheel.sha256}`,
    });
    expect(stored?.expiresAt).toBeUndefined();

    const blob = await service.readBlob(WHEEL);
    expect(blob.equals(bytes)).toBe(true);
    expect(log.lines.filter((l) => l.includes(`id ${result.id}`))).toHaveLength(1);
  });

  it('zips the wheel stored, not deflated, under another name, with retention', async () => {
    const name = 'wheel-linux-py312';
    const { result } = await publishIn(service, { name, retentionDays: 5 });

    expect(result).toMatchObject({ status: 'uploaded', name, format: 'zip' });
    const members = readZip(await service.readBlob(name));
    expect(members.map((m) => [m.name, m.method])).toEqual([[WHEEL, 0]]);
    expect(members[0]?.compressedSize).toBe(bytes.length);
    expect(members[0]?.data.equals(bytes)).toBe(true);
    expect(await service.blobContentType(name)).toBe('application/zip');

    const expiresAt = Date.parse(service.artifacts().find((a) => a.name === name)?.expiresAt ?? '');
    const days = (expiresAt - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(4.9);
    expect(days).toBeLessThan(5.1);
  });

  it('explains a name that already exists in the run, pointing at artifact-name', async () => {
    const name = 'wheel-duplicate';
    await publishIn(service, { name });
    const error = await publishError(service, { name });

    expect(error.input).toBe('artifact-name');
    expect(error.message).toContain(
      `An artifact named '${name}' already exists in this workflow run`,
    );
    expect(error.fix).toContain('matrix');
    expect(error.describe()).not.toContain(service.env.ACTIONS_RUNTIME_TOKEN);
    expect(service.artifacts().filter((a) => a.name === name)).toHaveLength(1);
  });

  it('refuses a wheel that changed after it was verified', async () => {
    const fileName = 'demo_pkg-1.2.0-cp311-cp311-manylinux_2_17_x86_64.whl';
    const changed = path.join(dir, fileName);
    await writeFile(changed, Buffer.concat([bytes, Buffer.from('rewritten')]));
    const log = new MemoryLog();
    const error = await inJob(service.env, () =>
      publishArtifact({ ...wheel, path: changed, fileName }, { name: fileName }, process.env, log),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toContain(`the verified wheel has ${wheel.sha256}`);
    expect((error as PublishError).file).toBe(changed);
  });

  it('reports rejected credentials without printing the token', async () => {
    const [head, payload] = service.env.ACTIONS_RUNTIME_TOKEN!.split('.');
    const forged = `${head}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const error = await publishError(
      service,
      { name: 'wheel-forged' },
      {
        ...service.env,
        ACTIONS_RUNTIME_TOKEN: forged,
      },
    );

    expect(error.message).toContain('(401)');
    expect(error.fix).toContain('ACTIONS_RUNTIME_TOKEN');
    expect(error.describe()).not.toContain(forged);
    expect(error.describe()).not.toContain(payload);
  });

  it('skips with one log line outside GitHub Actions', async () => {
    const before = service.requests;
    const log = new MemoryLog();
    const result = await publishArtifact(wheel, { name: WHEEL }, { PATH: process.env.PATH }, log);

    expect(result).toEqual({
      status: 'skipped',
      name: WHEEL,
      reason:
        'not running in a GitHub Actions job (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set)',
    });
    expect(log.lines).toEqual([
      'Workflow artifact skipped: not running in a GitHub Actions job (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set).',
    ]);
    expect(service.requests).toBe(before);
  });
});

describe('publishArtifact when the results service fails', () => {
  it('succeeds after the service answers 503 twice (the client retries)', async () => {
    const service = await startArtifactService({ failFirst: 2 });
    try {
      const { result } = await publishIn(service, { name: WHEEL });
      expect(result.status).toBe('uploaded');
      // Two refused attempts, then CreateArtifact and FinalizeArtifact.
      expect(service.requests).toBe(4);
      expect((await service.readBlob(WHEEL)).equals(bytes)).toBe(true);
    } finally {
      await service.stop();
    }
  });

  it('gives a clear PublishError when the service stays down', async () => {
    const service = await startArtifactService({ failAlways: true });
    try {
      const error = await publishError(service, { name: WHEEL });
      expect(error.message).toContain('The GitHub artifact service kept failing');
      expect(error.message).toContain('(503)');
      expect(error.fix).toContain('re-run the job');
      expect(error.input).toBeUndefined();
      expect(error.describe()).not.toContain(service.env.ACTIONS_RUNTIME_TOKEN);
      expect(service.requests).toBeGreaterThan(1);
      expect(service.artifacts()).toEqual([]);
    } finally {
      await service.stop();
    }
  });
});
