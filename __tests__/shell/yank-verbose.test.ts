/**
 * `algorithmia-wheel yank -v`: the same -v/--verbose as the build (issue 24), word for word,
 * against a real S3 server (moto_server) through the bundled command.
 */
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/example.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';

const CLI = join(ROOT, 'dist', 'cli', 'index.js');
const VERSION = (await import('../../package.json', { with: { type: 'json' } })).default.version;
const BUCKET = 'yank-verbose';
const WHEEL = 'smallpkg-1.0.0-py3-none-any.whl';

let moto: Moto;
let admin: S3Client;

beforeAll(async () => {
  moto = await startMoto();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
}, 60_000);

afterAll(async () => {
  admin?.destroy();
  await moto?.stop();
});

/** Runs `yank` on a fresh prefix holding one wheel; RUNNER_DEBUG is never set by the test. */
async function yank(prefix: string, flags: string[]) {
  await admin.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${WHEEL}`, Body: 'a wheel' }),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, ...MOTO_CREDENTIALS };
  delete env.RUNNER_DEBUG;
  return spawnSync(
    process.execPath,
    [
      CLI,
      'yank',
      ...flags,
      '--s3-bucket',
      BUCKET,
      '--s3-prefix',
      `${prefix}/`,
      '--s3-endpoint',
      moto.endpoint,
      '--s3-force-path-style',
      'true',
      '--reason',
      'broken build',
      'smallpkg==1.0.0',
    ],
    { encoding: 'utf8', env },
  );
}

describe('yank -v / --verbose (dist/cli/index.js)', () => {
  it.each(['-v', '--verbose'])(
    '%s prints the debug lines first, then the same yank',
    async (flag) => {
      const prefix = `verbose${flag.length}`;
      const run = await yank(prefix, [flag]);
      expect(run.stderr.split('\n').slice(0, 3)).toEqual([
        `debug: algorithmia-wheel ${VERSION} on node ${process.version}`,
        `debug: yank smallpkg==1.0.0 in s3://${BUCKET}/${prefix}/`,
        `${WHEEL}: yanked ("broken build")`,
      ]);
      expect(run.status).toBe(0);
      expect(run.stdout.split('\n')[0]).toBe(`yanked=${WHEEL}`);
    },
    60_000,
  );

  it('without it: no debug line', async () => {
    const run = await yank('quiet', []);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/^debug: /m);
    expect(run.stderr.split('\n')[0]).toBe(`${WHEEL}: yanked ("broken build")`);
  }, 60_000);

  it('yank --help lists -v, --verbose', () => {
    const run = spawnSync(process.execPath, [CLI, 'yank', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '\n  -v, --verbose                 print debug lines too (as RUNNER_DEBUG=1 does)\n',
    );
  });
});
