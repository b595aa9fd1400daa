/**
 * The one S3 session every publishing path opens (src/publish/s3/s3-session.ts), against a real
 * moto_server: credentials the AWS chain learns from a shared credentials file (never in the
 * environment) are masked before the first request on every path, the index's failure path
 * included, and no message carries them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { PublishError, UserError } from '../../../src/base/errors.js';
import { MemoryLog } from '../../../src/log/log.js';
import { alignWheelAcl } from '../../../src/publish/s3/s3-beside.js';
import { aclParams, openS3Session } from '../../../src/publish/s3/s3-session.js';
import { yankRelease } from '../../../src/publish/index/yank.js';
import { startMoto, motoClient, type Moto } from '../../helpers/moto.js';
import { inSession, publishIndexOnce } from '../../helpers/s3-session.js';

/** Only in the credentials file: the session learns them from the chain. */
const CHAIN_KEY_ID = 'AKIACHAINLEARNED0001';
const CHAIN_SECRET = 'chain-learned-secret-access-key-0001';

class RecordingLog extends MemoryLog {
  readonly secrets: string[] = [];
  override setSecret(...values: string[]): void {
    this.secrets.push(...values);
  }
}

let moto: Moto;
let admin: S3Client;
let dir: string;

beforeAll(async () => {
  moto = await startMoto();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: 'session-test' }));
  dir = mkdtempSync(join(tmpdir(), 's3-session-test-'));
  writeFileSync(
    join(dir, 'credentials'),
    `[default]\naws_access_key_id = ${CHAIN_KEY_ID}\naws_secret_access_key = ${CHAIN_SECRET}\n`,
  );
});

beforeEach(() => {
  // Nothing in the environment: only the chain (the shared credentials file) knows the keys.
  vi.stubEnv('AWS_ACCESS_KEY_ID', '');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(dir, 'credentials'));
  vi.stubEnv('AWS_CONFIG_FILE', join(dir, 'no-config'));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  admin?.destroy();
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const connection = () => ({ endpoint: moto.endpoint, forcePathStyle: true, maxAttempts: 1 });

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PublishError);
  return error as UserError;
}

function expectClean(error: UserError): void {
  const text = `${error.describe()}\n${error.details ?? ''}\n${error.fix ?? ''}`;
  expect(text).not.toContain(CHAIN_KEY_ID);
  expect(text).not.toContain(CHAIN_SECRET);
}

describe('openS3Session', () => {
  it('masks what the chain learned before the first request, and redacts it', async () => {
    const log = new RecordingLog();
    const session = await openS3Session(connection(), log);
    try {
      expect(log.secrets).toEqual(expect.arrayContaining([CHAIN_KEY_ID, CHAIN_SECRET]));
      expect(session.secrets).toEqual(expect.arrayContaining([CHAIN_KEY_ID, CHAIN_SECRET]));
      expect(
        session.redact(`key ${CHAIN_KEY_ID} secret ${CHAIN_SECRET} other ASIAOTHERKEY00000001`),
      ).toBe('key *** secret *** other ***');
      expect(session.region).toBe('us-east-1');
    } finally {
      session.close();
    }
  });

  it('gives up at its deadline, and at the caller cancellation', async () => {
    const log = new RecordingLog();
    const cancel = new AbortController();
    const session = await openS3Session(connection(), log, {
      timeoutMs: 60_000,
      signal: cancel.signal,
    });
    try {
      expect(session.signal.aborted).toBe(false);
      const deadline = session.deadline(60_000);
      cancel.abort(new Error('cancelled'));
      expect(session.signal.aborted).toBe(true);
      // A path's deadline carries the run's cancellation.
      expect(deadline.aborted).toBe(true);
      expect(deadline.reason).toEqual(new Error('cancelled'));
    } finally {
      session.close();
    }
    const short = await openS3Session(connection(), log, { timeoutMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(short.signal.aborted).toBe(true);
    short.close();
  });

  it("sends every request with the run's cancellation, tagged; a clean-up request goes out after it", async () => {
    const log = new RecordingLog();
    const cancel = new AbortController();
    const session = await openS3Session(connection(), log, { signal: cancel.signal });
    try {
      await session.send('PutObject', { Bucket: 'session-test', Key: 'before', Body: 'x' });
      const missing = await session
        .send('HeadObject', { Bucket: 'session-test', Key: 'nothing-here' })
        .catch((e: unknown) => e);
      expect(missing).toMatchObject({ operation: 'HeadObject', key: 'nothing-here' });
      const tagged = await session
        .send('GetObject', { Bucket: 'session-test', Key: 'nothing' }, { tag: 'Read 2', key: 'k' })
        .catch((e: unknown) => e);
      expect(tagged).toMatchObject({ operation: 'Read 2', key: 'k' });
      const reason = new Error('cancelled by the test');
      cancel.abort(reason);
      // Whatever deadline the caller gives, a cancelled run sends nothing more...
      const refused = await session
        .send(
          'PutObject',
          { Bucket: 'session-test', Key: 'after', Body: 'y' },
          { signal: AbortSignal.timeout(60_000) },
        )
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(Error);
      // ...but a clean-up request (aborting a multipart upload) still goes out.
      const created = await admin.send(
        new CreateMultipartUploadCommand({ Bucket: 'session-test', Key: 'open' }),
      );
      await session.send(
        'AbortMultipartUpload',
        { Bucket: 'session-test', Key: 'open', UploadId: created.UploadId },
        { cleanupMs: 10_000 },
      );
      const open = await admin.send(new ListMultipartUploadsCommand({ Bucket: 'session-test' }));
      expect(open.Uploads ?? []).toEqual([]);
      const keys = await admin.send(new ListObjectsV2Command({ Bucket: 'session-test' }));
      expect((keys.Contents ?? []).map((o) => o.Key)).toEqual(['before']);
    } finally {
      session.close();
    }
  });

  it('sends an ACL only for public-read', () => {
    expect(aclParams('public-read')).toEqual({ ACL: 'public-read' });
    expect(aclParams('private')).toEqual({});
  });
});

describe('every S3 path masks the credentials the chain learned', () => {
  it('the index, on a failure of the index alone (its bucket is missing)', async () => {
    const log = new RecordingLog();
    const error = await failure(
      publishIndexOnce(
        {
          ...connection(),
          bucket: 'no-such-index-bucket',
          prefix: 'wheels/',
          acl: 'private',
          distribution: 'vecmath',
        },
        log,
      ),
    );
    expect(error.message).toContain("'no-such-index-bucket' does not exist");
    expect(log.secrets).toEqual(expect.arrayContaining([CHAIN_KEY_ID, CHAIN_SECRET]));
    expectClean(error);
  });

  it('the ACL alignment beside the wheel', async () => {
    const log = new RecordingLog();
    const error = await failure(
      inSession(connection(), log, (session) =>
        alignWheelAcl(
          session,
          { ...connection(), bucket: 'no-such-acl-bucket', prefix: '', acl: 'public-read' },
          'vecmath-1.0-py3-none-any.whl',
          log,
        ),
      ),
    );
    expect(log.secrets).toEqual(expect.arrayContaining([CHAIN_KEY_ID, CHAIN_SECRET]));
    expectClean(error);
  });

  it('yank', async () => {
    const log = new RecordingLog();
    const error = await failure(
      yankRelease(
        {
          ...connection(),
          bucket: 'session-test',
          prefix: 'none/',
          requirement: 'vecmath==1.0',
          reason: 'broken',
        },
        log,
      ),
    );
    expect(error.message).toContain('No wheel of vecmath==1.0');
    expect(log.secrets).toEqual(expect.arrayContaining([CHAIN_KEY_ID, CHAIN_SECRET]));
    expectClean(error);
  });
});
