/**
 * Progress lines of long work on the TTY-less log of the bundled action (issue 24): the S3
 * multipart upload (moto_server behind a proxy that slows each part), the artifact upload (the
 * artifact service behind a slow link) and a quiet verification each print a line per interval,
 * a verification whose test-command prints gets none, and a short run prints none at all. The
 * interval comes from the internal ALGORITHMIA_WHEEL_PROGRESS_MS so no test waits 10 s.
 */
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import { runBundledAction } from '../helpers/example.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';

const BUCKET = 'progress';
const INTERVAL_MS = 250;
const FAST = { ALGORITHMIA_WHEEL_PROGRESS_MS: String(INTERVAL_MS) };
/** Every progress line any phase prints. */
const PROGRESS = new RegExp(
  [
    '^(Packing|Uploading to S3|Uploading the artifact|Verify: \\w+|Check libs)\\b.*(MiB|still running|so far)',
    // The S3 step's former line, printed even for a 1 MiB wheel.
    '^uploaded [\\d.]+ \\S+ of ',
  ].join('|'),
);

let moto: Moto;
let proxy: FaultProxy;
let admin: S3Client;
let slowArtifacts: ArtifactService;

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  slowArtifacts = await startArtifactService({ stallUploadMs: 1500 });
}, 120_000);

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await moto?.stop();
  await slowArtifacts?.stop();
});

/** A package of `mib` MiB of random bytes (incompressible: the wheel is as large). */
function bigPackage(mib: number): string {
  const ws = mkdtempSync(join(tmpdir(), 'progress-'));
  mkdirSync(join(ws, 'bigpkg'));
  writeFileSync(join(ws, 'bigpkg', '__init__.py'), 'VALUE = 42\n');
  if (mib > 0) writeFileSync(join(ws, 'bigpkg', 'blob.bin'), randomBytes(mib << 20));
  return ws;
}

function inputs(ws: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'working-directory': ws,
    'package-dir': 'bigpkg',
    python: defaultPython3(),
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'output-dir': join(ws, 'dist'),
    'artifact-name': 'false',
    'compression-level': '1',
    ...extra,
  };
}

const lines = (stdout: string, prefix: string) =>
  stdout.split('\n').filter((line) => line.startsWith(prefix));

describe('progress lines on a TTY-less log (bundled action)', () => {
  it('a slow multipart upload to S3: bytes done of total, a line per interval', async () => {
    const ws = bigPackage(20);
    // Each part of the 20 MiB wheel (8 MiB parts) is held 2 s on the way to moto.
    const remove = proxy.add({ operation: 'UploadPart', fault: { kind: 'stall', ms: 2000 } });
    try {
      const run = await runBundledAction(
        inputs(ws, {
          's3-bucket': BUCKET,
          's3-prefix': 'big',
          's3-endpoint': proxy.endpoint,
          's3-force-path-style': 'true',
          'verify-published': 'false',
        }),
        { ...MOTO_CREDENTIALS, ...FAST },
      );
      expect(run.status, run.stdout).toBe(0);
      const upload = lines(run.stdout, 'Uploading to S3: ');
      // 2 s held at 250 ms: about 8 lines; at least 4 whatever the machine's load.
      expect(upload.length, upload.join('\n')).toBeGreaterThanOrEqual(4);
      const done: number[] = [];
      for (const line of upload) {
        const match = /^Uploading to S3: ([\d.]+) of 20\.0 MiB \((\d+)%\), ([01]) of 1 files$/.exec(
          line,
        );
        expect(match, line).not.toBeNull();
        done.push(Number(match![1]));
      }
      expect(done).toEqual([...done].sort((a, b) => a - b));
    } finally {
      remove();
    }
  });

  it('a slow artifact upload: a line per interval naming the artifact and its size', async () => {
    const ws = bigPackage(2);
    const run = await runBundledAction(inputs(ws, { 'artifact-name': 'big-wheel' }), {
      ...slowArtifacts.env,
      ...FAST,
    });
    expect(run.status, run.stdout).toBe(0);
    const upload = lines(run.stdout, "Uploading the artifact 'big-wheel': ");
    expect(upload.length, run.stdout).toBeGreaterThanOrEqual(3);
    for (const line of upload) {
      expect(line).toMatch(
        /^Uploading the artifact 'big-wheel': 2\.0 MiB in 1 file, [\d.]+ ?m?s so far$/,
      );
    }
  });

  it('a quiet test-command: the phase and its time, a line per interval', async () => {
    const ws = bigPackage(0);
    const run = await runBundledAction(inputs(ws, { 'test-command': 'sleep 2' }), FAST);
    expect(run.status, run.stdout).toBe(0);
    const quiet = lines(run.stdout, 'Verify: import: still running (');
    expect(quiet.length, run.stdout).toBeGreaterThanOrEqual(4);
    expect(quiet.length).toBeLessThanOrEqual(2000 / INTERVAL_MS + 4);
  });

  it('a test-command that prints: no progress line repeats it', async () => {
    const ws = bigPackage(0);
    // 4 s of output every 0.1 s, at a 1.5 s interval: a quiet ticker would print twice.
    const chatty = 'i=0; while [ $i -lt 40 ]; do echo "test $i"; sleep 0.1; i=$((i+1)); done';
    const run = await runBundledAction(inputs(ws, { 'test-command': chatty }), {
      ALGORITHMIA_WHEEL_PROGRESS_MS: '1500',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain('test 39');
    expect(lines(run.stdout, 'Verify: import: still running')).toEqual([]);
  });

  it('a short run at the default interval: no progress line at all', async () => {
    const ws = bigPackage(1);
    const run = await runBundledAction(
      inputs(ws, {
        's3-bucket': BUCKET,
        's3-prefix': 'short',
        's3-endpoint': moto.endpoint,
        's3-force-path-style': 'true',
        'verify-published': 'false',
        'test-command': 'python -c "import bigpkg"',
      }),
      { ...MOTO_CREDENTIALS },
    );
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout.split('\n').filter((line) => PROGRESS.test(line))).toEqual([]);
  });
});
