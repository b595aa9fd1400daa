/**
 * The S3 publisher against a real moto_server on 127.0.0.1. A small recording HTTP proxy in front
 * of it shows what went over the wire (conditional headers, SHA-256 checksums), since moto
 * stores checksums without verifying them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer as createNetServer, type Socket } from 'node:net';
import { join } from 'node:path';

import {
  CreateBucketCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { PublishError } from '../../../src/base/errors.js';
import { MemoryLog } from '../../../src/log/log.js';
import type { S3PublishOptions } from '../../../src/publish/s3/s3-publish.js';
import { publishWheel } from '../../helpers/s3-session.js';
import type { BuiltWheel } from '../../../src/publish/built-wheel.js';
import { startS3Proxy, type S3Proxy } from '../../helpers/s3-proxy.js';
import { MOTO_CREDENTIALS, startMoto, type Moto, motoClient } from '../../helpers/moto.js';
import { listenOnLoopback } from '../../helpers/loopback.js';

const MiB = 1024 * 1024;
const BUCKET = 'wheels-test';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

let moto: Moto;
let admin: S3Client;
let dir: string;
let proxy: S3Proxy;

/** A proxy that lines up the two CompleteMultipartUpload requests of a race. */
async function raceProxy(): Promise<S3Proxy> {
  // moto checks If-None-Match and then writes without a lock; S3 decides atomically. Holding
  // both completions until both clients have looked, then sending them one at a time, models S3.
  return startS3Proxy(moto.endpoint, {
    barrier: { match: (r) => r.method === 'POST' && r.url.includes('uploadId='), count: 2 },
  });
}

let wheelCount = 0;
async function makeWheel(size: number, fileName?: string, bytes?: Buffer): Promise<BuiltWheel> {
  const content = bytes ?? randomBytes(size);
  const name = fileName ?? `demo-1.0.${wheelCount++}-py3-none-any.whl`;
  const path = join(dir, `${wheelCount++}-${name}`);
  await writeFile(path, content);
  return {
    path,
    fileName: name,
    sha256: createHash('sha256').update(content).digest('hex'),
    size: content.length,
    distribution: 'demo',
    version: '1.0.0',
  };
}

function options(overrides: Partial<S3PublishOptions> = {}): S3PublishOptions {
  return {
    bucket: BUCKET,
    prefix: '',
    endpoint: moto.endpoint,
    forcePathStyle: true,
    acl: 'private',
    overwrite: false,
    maxAttempts: 2,
    ...overrides,
  };
}

async function readObject(key: string, bucket = BUCKET): Promise<Buffer> {
  const object = await admin.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

async function openUploads(prefix: string): Promise<number> {
  const list = await admin.send(
    new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: prefix }),
  );
  return list.Uploads?.length ?? 0;
}

async function objectExists(key: string): Promise<boolean> {
  try {
    await admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      return false;
    }
    throw error;
  }
}

async function rejection(promise: Promise<unknown>): Promise<PublishError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishError);
  return error as PublishError;
}

beforeAll(async () => {
  for (const [name, value] of Object.entries(MOTO_CREDENTIALS)) vi.stubEnv(name, value);
  moto = await startMoto();
  proxy = await startS3Proxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  dir = await mkdtemp(join(tmpdir(), 's3-test-'));
});

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

describe('publishToS3', () => {
  it('creates the object with metadata, checksum and outputs, then skips identical bytes', async () => {
    const wheel = await makeWheel(200_000);
    const log = new MemoryLog();
    const progress: number[] = [];
    const first = await publishWheel(
      wheel,
      options({ prefix: 'first', onProgress: (sent) => progress.push(sent) }),
      log,
    );
    const key = `first/${wheel.fileName}`;
    expect(first).toEqual({
      bucket: BUCKET,
      key,
      uri: `s3://${BUCKET}/${key}`,
      url: `${moto.endpoint}/${BUCKET}/${key}`,
      requirement: `${moto.endpoint}/${BUCKET}/${key}#sha256=${wheel.sha256}`,
      status: 'created',
      sha256: wheel.sha256,
    });
    expect(progress).toEqual([wheel.size]);

    const head = await admin.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }),
    );
    expect(head.Metadata?.sha256).toBe(wheel.sha256);
    expect(head.ChecksumSHA256).toBe(Buffer.from(wheel.sha256, 'hex').toString('base64'));
    expect(head.ContentType).toBe('application/zip');
    expect(head.CacheControl).toBe('private, max-age=31536000, immutable');
    expect(
      createHash('sha256')
        .update(await readObject(key))
        .digest('hex'),
    ).toBe(wheel.sha256);

    const again = new MemoryLog();
    const second = await publishWheel(wheel, options({ prefix: 'first' }), again);
    expect(second.status).toBe('already-published');
    expect(second.url).toBe(first.url);
    expect(again.lines.join('\n')).toContain('already published');
  });

  it('sends If-None-Match and the SHA-256 the server verifies', async () => {
    const wheel = await makeWheel(50_000);
    const before = proxy.requests.length;
    await publishWheel(
      wheel,
      options({ endpoint: proxy.endpoint, prefix: 'wire' }),
      new MemoryLog(),
    );
    const put = proxy.requests.slice(before).find((r) => r.method === 'PUT');
    expect(put?.headers['if-none-match']).toBe('*');
    expect(put?.headers['x-amz-checksum-sha256']).toBe(
      Buffer.from(wheel.sha256, 'hex').toString('base64'),
    );
    expect(put?.headers['x-amz-meta-sha256']).toBe(wheel.sha256);
  });

  it('refuses different bytes under the same key, and replaces them with overwrite', async () => {
    const original = await makeWheel(30_000, 'clash-1.0-py3-none-any.whl');
    await publishWheel(original, options({ prefix: 'clash' }), new MemoryLog());
    const changed = await makeWheel(30_000, 'clash-1.0-py3-none-any.whl');

    const error = await rejection(
      publishWheel(changed, options({ prefix: 'clash' }), new MemoryLog()),
    );
    expect(error.message).toContain('already exists with different content');
    expect(error.message).toContain(original.sha256);
    expect(error.input).toBe('s3-overwrite');
    const key = `clash/${original.fileName}`;
    expect((await readObject(key)).equals(await readObject(key))).toBe(true);
    expect(
      createHash('sha256')
        .update(await readObject(key))
        .digest('hex'),
    ).toBe(original.sha256);

    const before = proxy.requests.length;
    const replaced = await publishWheel(
      changed,
      options({ prefix: 'clash', overwrite: true, endpoint: proxy.endpoint }),
      new MemoryLog(),
    );
    expect(replaced.status).toBe('overwritten');
    const put = proxy.requests.slice(before).find((r) => r.method === 'PUT');
    expect(put?.headers['if-match']).toMatch(/^"?[0-9a-f]{32}"?$/);
    expect(
      createHash('sha256')
        .update(await readObject(key))
        .digest('hex'),
    ).toBe(changed.sha256);
  });

  it('uploads a large file in parts, streamed from disk, byte-identical', async () => {
    const wheel = await makeWheel(23 * MiB + 12_345, 'big-2.0-cp311-cp311-linux_x86_64.whl');
    const progress: Array<[number, number]> = [];
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakBuffers = baseline.arrayBuffers;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
    }, 10);
    const log = new MemoryLog();
    const started = performance.now();
    const result = await publishWheel(
      wheel,
      options({
        prefix: 'big',
        endpoint: proxy.endpoint,
        partSize: 5 * MiB,
        queueSize: 2,
        onProgress: (sent, total) => progress.push([sent, total]),
      }),
      log,
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    console.log(
      `multipart: ${wheel.size} bytes in ${seconds.toFixed(2)} s; peak growth: rss ` +
        `${((peakRss - baseline.rss) / MiB).toFixed(1)} MiB, arrayBuffers ` +
        `${((peakBuffers - baseline.arrayBuffers) / MiB).toFixed(1)} MiB`,
    );
    expect(result.status).toBe('created');
    expect(log.lines.join('\n')).toContain('Multipart upload: 5 parts');
    expect(progress.map(([sent]) => sent)).toEqual(
      [...progress.map(([s]) => s)].sort((a, b) => a - b),
    );
    expect(progress).toHaveLength(5);
    expect(progress.at(-1)).toEqual([wheel.size, wheel.size]);

    const body = await readObject(result.key);
    expect(createHash('sha256').update(body).digest('hex')).toBe(wheel.sha256);

    // Each part carried its own SHA-256; the completion was conditional.
    const parts = proxy.requests.filter(
      (r) => r.method === 'PUT' && r.url.includes('big/') && r.url.includes('partNumber='),
    );
    expect(parts).toHaveLength(5);
    for (const part of parts) expect(part.headers['x-amz-checksum-sha256']).toMatch(/=$/);
    const complete = proxy.requests.find(
      (r) => r.method === 'POST' && r.url.includes('big/') && r.url.includes('uploadId='),
    );
    expect(complete?.headers['if-none-match']).toBe('*');

    const head = await admin.send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: result.key, ChecksumMode: 'ENABLED' }),
    );
    expect(head.Metadata?.sha256).toBe(wheel.sha256);
    const partDigests = [0, 1, 2, 3, 4].map((i) =>
      createHash('sha256')
        .update(body.subarray(i * 5 * MiB, (i + 1) * 5 * MiB))
        .digest(),
    );
    const composite = createHash('sha256').update(Buffer.concat(partDigests)).digest('base64');
    // S3 reports a composite checksum as "<digest of part digests>-<parts>"; moto drops the suffix.
    expect(head.ChecksumSHA256?.replace(/-5$/, '')).toBe(composite);
    expect(await openUploads('big/')).toBe(0);
  });

  it('makes the object public-read and its URL fetches it with a plain GET', async () => {
    const wheel = await makeWheel(40_000, 'pub-1.0+cpu-py3-none-any.whl');
    const result = await publishWheel(
      wheel,
      options({ prefix: 'public/v1', acl: 'public-read' }),
      new MemoryLog(),
    );
    expect(result.key).toBe('public/v1/pub-1.0+cpu-py3-none-any.whl');
    expect(result.url).toBe(`${moto.endpoint}/${BUCKET}/public/v1/pub-1.0%2Bcpu-py3-none-any.whl`);
    const acl = await admin.send(new GetObjectAclCommand({ Bucket: BUCKET, Key: result.key }));
    expect(acl.Grants).toContainEqual(
      expect.objectContaining({
        Grantee: expect.objectContaining({ URI: ALL_USERS }),
        Permission: 'READ',
      }),
    );
    const head = await admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: result.key }));
    expect(head.CacheControl).toBe('public, max-age=31536000, immutable');

    const response = await fetch(result.url);
    expect(response.status).toBe(200);
    const fetched = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(fetched).digest('hex')).toBe(wheel.sha256);
  });

  it('keeps private objects without a public grant', async () => {
    const wheel = await makeWheel(1000);
    const result = await publishWheel(wheel, options({ prefix: 'private' }), new MemoryLog());
    const acl = await admin.send(new GetObjectAclCommand({ Bucket: BUCKET, Key: result.key }));
    const grantees = (acl.Grants ?? []).map((grant) => grant.Grantee?.URI);
    expect(acl.Grants?.length).toBeGreaterThan(0);
    expect(grantees).not.toContain(ALL_USERS);
  });

  it('names the bucket when it does not exist', async () => {
    const wheel = await makeWheel(1000);
    const error = await rejection(
      publishWheel(wheel, options({ bucket: 'no-such-bucket-here' }), new MemoryLog()),
    );
    expect(error.message).toContain("'no-such-bucket-here' does not exist");
    expect(error.input).toBe('s3-bucket');
    expect(error.fix).toContain('s3-region');
  });

  it('reports missing credentials without probing anything else', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'none'));
    vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'none'));
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    try {
      const wheel = await makeWheel(1000);
      const error = await rejection(
        publishWheel(wheel, options({ maxAttempts: 1 }), new MemoryLog()),
      );
      expect(error.message).toBe('No AWS credentials were found for the S3 upload.');
      expect(error.fix).toContain('aws-actions/configure-aws-credentials');
    } finally {
      vi.unstubAllEnvs();
      for (const [name, value] of Object.entries(MOTO_CREDENTIALS)) vi.stubEnv(name, value);
    }
  });

  it('two concurrent publishes of identical bytes: both succeed, one creates', async () => {
    const wheel = await makeWheel(11 * MiB, 'race-1.0-py3-none-any.whl');
    const gate = await raceProxy();
    try {
      const opts = options({
        prefix: 'race-same',
        endpoint: gate.endpoint,
        partSize: 5 * MiB,
        queueSize: 2,
      });
      const logs = [new MemoryLog(), new MemoryLog()];
      const results = await Promise.all(logs.map((log) => publishWheel(wheel, opts, log)));
      expect(results.map((r) => r.status).sort()).toEqual(['already-published', 'created']);
      // The loser lost the conditional completion, looked again and found its own bytes.
      const loser = logs[results.findIndex((r) => r.status === 'already-published')];
      expect(loser.lines.join('\n')).toContain('concurrent publish');
      expect(loser.lines.join('\n')).toContain('Aborted the multipart upload');
      const stored = await readObject(results[0].key);
      expect(createHash('sha256').update(stored).digest('hex')).toBe(wheel.sha256);
      expect(await openUploads('race-same/')).toBe(0);
    } finally {
      await gate.close();
    }
  });

  it('two concurrent publishes of different bytes: one wins, the other fails clearly', async () => {
    const name = 'race-2.0-py3-none-any.whl';
    const wheels = [await makeWheel(11 * MiB, name), await makeWheel(11 * MiB, name)];
    const gate = await raceProxy();
    try {
      const opts = options({
        prefix: 'race-diff',
        endpoint: gate.endpoint,
        partSize: 5 * MiB,
        queueSize: 2,
      });
      const settled = await Promise.allSettled(
        wheels.map((wheel) => publishWheel(wheel, opts, new MemoryLog())),
      );
      expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected']);
      const won = settled.findIndex((s) => s.status === 'fulfilled');
      const reason = (settled[1 - won] as PromiseRejectedResult).reason as unknown;
      expect(reason).toBeInstanceOf(PublishError);
      expect((reason as PublishError).message).toContain('already exists with different content');
      expect((reason as PublishError).message).toContain(wheels[won].sha256);
      const stored = await readObject(`race-diff/${name}`);
      expect(createHash('sha256').update(stored).digest('hex')).toBe(wheels[won].sha256);
      expect(await openUploads('race-diff/')).toBe(0);
    } finally {
      await gate.close();
    }
  });

  it('aborts a multipart upload whose bytes do not match the wheel sha256', async () => {
    const wheel = await makeWheel(11 * MiB, 'bad-1.0-py3-none-any.whl');
    const lying = { ...wheel, sha256: createHash('sha256').update('something else').digest('hex') };
    const log = new MemoryLog();
    const error = await rejection(
      publishWheel(lying, options({ prefix: 'bad-sum', partSize: 5 * MiB }), log),
    );
    expect(error.message).toContain('is not the wheel that was built');
    expect(log.lines.join('\n')).toContain('Aborted the multipart upload');
    expect(await openUploads('bad-sum/')).toBe(0);
    expect(await objectExists(`bad-sum/${wheel.fileName}`)).toBe(false);
  });

  it('aborts a multipart upload when S3 rejects a part as corrupted', async () => {
    // What S3 answers when a part's bytes do not match its x-amz-checksum-sha256.
    const corrupting = await startS3Proxy(moto.endpoint, {
      refuse: (r) =>
        r.method === 'PUT' && r.url.includes('partNumber=2')
          ? { status: 400, code: 'BadDigest', message: 'The SHA256 you specified did not match.' }
          : undefined,
    });
    try {
      const wheel = await makeWheel(11 * MiB, 'corrupt-1.0-py3-none-any.whl');
      const log = new MemoryLog();
      const error = await rejection(
        publishWheel(
          wheel,
          options({ prefix: 'corrupt', endpoint: corrupting.endpoint, partSize: 5 * MiB }),
          log,
        ),
      );
      expect(error.message).toContain('(BadDigest)');
      expect(error.message).toContain('nothing was published');
      expect(error.details).toContain('UploadPart 2');
      expect(log.lines.join('\n')).toContain('Aborted the multipart upload');
      expect(corrupting.requests.some((r) => r.method === 'DELETE')).toBe(true);
      expect(await openUploads('corrupt/')).toBe(0);
      expect(await objectExists(`corrupt/${wheel.fileName}`)).toBe(false);
    } finally {
      await corrupting.close();
    }
  });

  it('aborts a multipart upload the server refuses to complete', async () => {
    // 1 MiB parts are below S3's 5 MiB minimum: CompleteMultipartUpload fails (EntityTooSmall).
    const wheel = await makeWheel(3 * MiB, 'small-parts-1.0-py3-none-any.whl');
    const error = await rejection(
      publishWheel(
        wheel,
        options({ prefix: 'too-small', partSize: MiB, multipartThreshold: MiB }),
        new MemoryLog(),
      ),
    );
    expect(error.details).toContain('EntityTooSmall');
    expect(error.message).toContain('CompleteMultipartUpload');
    expect(await openUploads('too-small/')).toBe(0);
    expect(await objectExists(`too-small/${wheel.fileName}`)).toBe(false);
  });
});

describe('publishToS3 when the endpoint does not answer', () => {
  it('says the endpoint cannot be reached when nothing listens', async () => {
    // A port that was free a moment ago: connection refused.
    const closed = createNetServer();
    const port = await listenOnLoopback(closed);
    await new Promise((resolve) => closed.close(resolve));
    const endpoint = `http://127.0.0.1:${port}`;
    const wheel = await makeWheel(1000);
    const error = await rejection(
      publishWheel(wheel, options({ endpoint, maxAttempts: 1 }), new MemoryLog()),
    );
    expect(error.message).toBe(`Cannot reach S3 at ${endpoint} (ECONNREFUSED).`);
    expect(error.input).toBe('s3-endpoint');
  });

  it('stops at the time limit when the server accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createNetServer((socket) => sockets.push(socket));
    const port = await listenOnLoopback(silent);
    try {
      const wheel = await makeWheel(1000);
      const started = Date.now();
      const error = await rejection(
        publishWheel(
          wheel,
          options({ endpoint: `http://127.0.0.1:${port}`, maxAttempts: 3, timeoutMs: 500 }),
          new MemoryLog(),
        ),
      );
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error.message).toContain('did not finish in time');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('publishToS3 with credentials the server rejects', () => {
  let strict: Moto;
  beforeAll(async () => {
    // With authentication on and no IAM user, moto rejects every access key.
    strict = await startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '0' } });
  });
  afterAll(async () => {
    await strict?.stop();
  });

  it('says the credentials were rejected, never printing them', async () => {
    const keyId = 'AKIAWRONGWRONGWRONG1';
    const secret = 'wrong-secret-do-not-print-0123456789';
    vi.stubEnv('AWS_ACCESS_KEY_ID', keyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', secret);
    try {
      const wheel = await makeWheel(1000);
      const log = new MemoryLog();
      const error = await rejection(
        publishWheel(wheel, options({ endpoint: strict.endpoint, maxAttempts: 1 }), log),
      );
      expect(error.message).toContain('S3 rejected the AWS credentials (InvalidAccessKeyId)');
      expect(error.fix).toContain('aws-actions/configure-aws-credentials');
      const everything = [
        error.describe(),
        error.details,
        JSON.stringify(error),
        ...log.lines,
      ].join('\n');
      expect(everything).not.toContain(keyId);
      expect(everything).not.toContain(secret);
      expect(error.cause).toBeUndefined();
    } finally {
      for (const [name, value] of Object.entries(MOTO_CREDENTIALS)) vi.stubEnv(name, value);
    }
  });
});

describe('"already published" is proven, never taken from metadata', () => {
  /** Puts `bytes` under the wheel's key as someone else could: any metadata, no checksum. */
  async function plant(key: string, bytes: Buffer, metadata: Record<string, string>) {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes, Metadata: metadata }),
    );
  }
  const get = (key: string) => (r: { method: string; url: string }) =>
    r.method === 'GET' && r.url.split('?')[0]!.endsWith(`/${key}`);

  it('different bytes of the same length with our sha256 faked in metadata: refused', async () => {
    const wheel = await makeWheel(20_000, 'faked-1.0-py3-none-any.whl');
    const key = `faked/${wheel.fileName}`;
    const impostor = randomBytes(wheel.size);
    await plant(key, impostor, { sha256: wheel.sha256 });

    const error = await rejection(
      publishWheel(wheel, options({ prefix: 'faked' }), new MemoryLog()),
    );
    expect(error.input).toBe('s3-overwrite');
    expect(error.message).toContain('already exists with different content');
    expect(error.message).toContain(createHash('sha256').update(impostor).digest('hex'));
    expect(error.message).toContain("x-amz-meta-sha256 claims this build's digest");
    expect((await readObject(key)).equals(impostor)).toBe(true);

    // With s3-overwrite the impostor is replaced by the wheel.
    const replaced = await publishWheel(
      wheel,
      options({ prefix: 'faked', overwrite: true }),
      new MemoryLog(),
    );
    expect(replaced.status).toBe('overwritten');
    expect(
      createHash('sha256')
        .update(await readObject(key))
        .digest('hex'),
    ).toBe(wheel.sha256);
  });

  it('a faked sha256 on an object of another length: refused without reading it', async () => {
    const wheel = await makeWheel(20_000, 'faked-size-1.0-py3-none-any.whl');
    const key = `faked-size/${wheel.fileName}`;
    await plant(key, randomBytes(19_999), { sha256: wheel.sha256 });
    const log = new MemoryLog();
    const error = await rejection(
      publishWheel(wheel, options({ prefix: 'faked-size', endpoint: proxy.endpoint }), log),
    );
    expect(error.message).toContain(`it has 19999 bytes, this build ${wheel.size}`);
    expect(proxy.requests.filter(get(key))).toEqual([]);
  });

  it('the same bytes put there without metadata or checksum: read back, hashed, skipped', async () => {
    const wheel = await makeWheel(20_000, 'same-bytes-1.0-py3-none-any.whl');
    const key = `same-bytes/${wheel.fileName}`;
    const { readFile } = await import('node:fs/promises');
    await plant(key, await readFile(wheel.path), {});
    const log = new MemoryLog();
    const result = await publishWheel(
      wheel,
      options({ prefix: 'same-bytes', endpoint: proxy.endpoint }),
      log,
    );
    expect(result.status).toBe('already-published');
    expect(log.lines.join('\n')).toContain("its bytes, read back, hash to this build's sha256");
    expect(proxy.requests.filter(get(key))).toHaveLength(1);
  });

  it("our own earlier single PUT: S3's checksum proves it, nothing is downloaded", async () => {
    const wheel = await makeWheel(20_000, 'own-1.0-py3-none-any.whl');
    const key = `own/${wheel.fileName}`;
    await publishWheel(wheel, options({ prefix: 'own' }), new MemoryLog());
    const log = new MemoryLog();
    const again = await publishWheel(
      wheel,
      options({ prefix: 'own', endpoint: proxy.endpoint }),
      log,
    );
    expect(again.status).toBe('already-published');
    expect(log.lines.join('\n')).toContain("S3's SHA-256 checksum of the object matches");
    expect(proxy.requests.filter(get(key))).toEqual([]);
  });

  it('our own earlier multipart upload (composite checksum): read back and skipped', async () => {
    const wheel = await makeWheel(11 * MiB, 'own-multi-1.0-py3-none-any.whl');
    const key = `own-multi/${wheel.fileName}`;
    const multipart = { prefix: 'own-multi', partSize: 5 * MiB, multipartThreshold: 5 * MiB };
    await publishWheel(wheel, options(multipart), new MemoryLog());
    const log = new MemoryLog();
    const again = await publishWheel(
      wheel,
      options({ ...multipart, endpoint: proxy.endpoint }),
      log,
    );
    expect(again.status).toBe('already-published');
    expect(proxy.requests.filter(get(key))).toHaveLength(1);
  });
});
