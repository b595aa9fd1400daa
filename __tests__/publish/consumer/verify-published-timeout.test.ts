/**
 * The consumer check's `pip download` has a time limit of ours: a server that answers pip one
 * byte a second never trips pip's own socket timeout (15 s without a byte), so without the limit
 * the step would wait for the whole wheel at that pace. Real parts: moto_server holds the wheel,
 * a real pip reads it through a proxy that drips only to pip (its User-Agent), and our own read
 * of the same URL goes through at full speed.
 */
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishError } from '../../../src/base/errors.js';
import { LocalExecutor } from '../../../src/exec/local.js';
import { MemoryLog } from '../../../src/log/log.js';
import { verifyPublished } from '../../../src/publish/consumer/verify-published.js';
import { openS3Session } from '../../../src/publish/s3/s3-session.js';
import { listenOnLoopback } from '../../helpers/loopback.js';
import { MOTO_CREDENTIALS, motoClient, startMoto, type Moto } from '../../helpers/moto.js';
import { defaultPython3 } from '../../helpers/python.js';

const BUCKET = 'drip';
const WHEEL = 'tinypkg-1.0.0-py3-none-any.whl';

let moto: Moto;
let admin: S3Client;
let drip: Server;
let endpoint: string;
const sockets = new Set<Socket>();
const pipRequests: string[] = [];

/** A proxy to moto that sends pip the answer's headers, then one body byte a second. */
async function startDripProxy(target: string): Promise<string> {
  drip = createServer((req, res) => {
    const toPip = (req.headers['user-agent'] ?? '').startsWith('pip/');
    if (toPip) pipRequests.push(req.url ?? '');
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!toPip) return void answer.pipe(res);
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          let sent = 0;
          const timer = setInterval(() => {
            if (sent >= body.length || res.destroyed) return void clearInterval(timer);
            res.write(body.subarray(sent, ++sent));
          }, 1000);
          res.on('close', () => clearInterval(timer));
        });
      },
    );
    req.pipe(upstream);
  });
  drip.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return `http://127.0.0.1:${await listenOnLoopback(drip)}`;
}

/** A real (tiny) wheel, written into `dir`; returns its bytes. */
function makeWheel(dir: string): Buffer {
  const script = String.raw`
import base64, hashlib, os, sys, zipfile
out = sys.argv[1]
files = {"tinypkg/__init__.py": b"VALUE = 1\n", "tinypkg/data.bin": os.urandom(4096),
         "tinypkg-1.0.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0.0\n",
         "tinypkg-1.0.0.dist-info/WHEEL": b"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"}
rows = []
with zipfile.ZipFile(out, "w") as z:
    for name, data in files.items():
        z.writestr(name, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        rows.append("%s,sha256=%s,%d" % (name, digest, len(data)))
    rows.append("tinypkg-1.0.0.dist-info/RECORD,,")
    z.writestr("tinypkg-1.0.0.dist-info/RECORD", "\n".join(rows) + "\n")
`;
  const path = join(dir, WHEEL);
  execFileSync('python3', ['-c', script, path]);
  return readFileSync(path);
}

beforeAll(async () => {
  moto = await startMoto();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  endpoint = await startDripProxy(moto.endpoint);
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => drip?.close(resolve));
  admin?.destroy();
  await moto?.stop();
});

describe("the consumer check's pip download", () => {
  it('is stopped at the time limit with a named error when the server drips to pip', async () => {
    const work = mkdtempSync(join(tmpdir(), 'drip-'));
    const bytes = makeWheel(work);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `p/${WHEEL}`, Body: bytes, ACL: 'public-read' }),
    );
    const python = defaultPython3();
    const log = new MemoryLog();
    const s3 = { endpoint, forcePathStyle: true, region: 'us-east-1', maxAttempts: 1 };
    const saved = { ...process.env };
    Object.assign(process.env, MOTO_CREDENTIALS);
    const session = await openS3Session(s3, log);
    const started = Date.now();
    try {
      const error = await verifyPublished({
        ...s3,
        session,
        mode: 'anonymous',
        bucket: BUCKET,
        prefix: 'p',
        acl: 'public-read',
        index: false,
        wheel: {
          fileName: WHEEL,
          sha256,
          size: bytes.length,
          distribution: 'tinypkg',
          version: '1.0.0',
        },
        python,
        imports: ['tinypkg'],
        executor: new LocalExecutor(process.env),
        workDir: join(work, 'consumer'),
        log,
        timeoutMs: 4000,
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const took = Date.now() - started;
      console.log(`the user sees: ${String(error)} (after ${took} ms)`);
      expect(error).toBeInstanceOf(PublishError);
      const failure = error as PublishError;
      expect(failure.message).toBe(
        `The platform's pip (${python}) did not finish fetching "${`${endpoint}/${BUCKET}/p/${WHEEL}#sha256=${sha256}`}" within 4 s and was stopped, with every process it started.`,
      );
      expect(failure.input).toBe('verify-published');
      expect(failure.fix).toContain('HTTP_PROXY/HTTPS_PROXY');
      // Our own read went through; pip asked for the wheel and was held.
      expect(log.lines.join('\n')).toContain('anonymous read OK');
      expect(pipRequests).toEqual([`/${BUCKET}/p/${WHEEL}`]);
      // Stopped at the limit, long before the 4 kB drip (over an hour) would have ended.
      expect(took).toBeLessThan(30_000);
    } finally {
      session.close();
      process.env = saved;
    }
  }, 60_000);
});
