/**
 * The pip index against a real moto_server on 127.0.0.1, read by real pips: the example's
 * wheels built by the pipeline for CPython 2.7 (pip 19.2) and the default python3, in two
 * versions, then installed from the index and through --find-links. Concurrent publishers go
 * through a proxy that serializes writes (see helpers/s3-proxy.ts for why).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  CreateBucketCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { PublishError } from '../../../src/base/errors.js';
import { getInputs } from '../../../src/inputs/inputs.js';
import { MemoryLog } from '../../../src/log/log.js';
import { runPipeline } from '../../../src/pipeline/pipeline.js';
import { openS3Session } from '../../../src/publish/s3/s3-session.js';
import { updateIndex, type IndexResult } from '../../../src/publish/index/index-update.js';
import { publishIndexOnce, publishWheel } from '../../helpers/s3-session.js';
import type { BuiltWheel } from '../../../src/publish/built-wheel.js';
import { packWheel } from '../../../src/wheel/pack.js';
import { copyExample, EXAMPLE_STAGE, inputs } from '../../helpers/example.js';
import { MOTO_CREDENTIALS, startMoto, type Moto, motoClient } from '../../helpers/moto.js';
import { defaultPython3, pyenvPython } from '../../helpers/python.js';
import { startS3Proxy, type S3Proxy } from '../../helpers/s3-proxy.js';
import { pipIndexInstallArgs } from '../../helpers/pip-target.js';

const BUCKET = 'index-test';
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

let moto: Moto;
let admin: S3Client;
let dir: string;
const proxies: S3Proxy[] = [];

beforeAll(async () => {
  for (const [name, value] of Object.entries(MOTO_CREDENTIALS)) vi.stubEnv(name, value);
  moto = await startMoto();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  dir = mkdtempSync(join(tmpdir(), 's3-index-test-'));
});

afterAll(async () => {
  admin?.destroy();
  for (const proxy of proxies) await proxy.close();
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

async function proxy(options: Parameters<typeof startS3Proxy>[1]): Promise<S3Proxy> {
  const started = await startS3Proxy(moto.endpoint, options);
  proxies.push(started);
  return started;
}

const s3Options = (prefix: string, endpoint = moto.endpoint) => ({
  bucket: BUCKET,
  prefix,
  endpoint,
  forcePathStyle: true,
  acl: 'public-read' as const,
  overwrite: false,
  maxAttempts: 2,
});

/** Uploads the wheel, then rebuilds the index: what the action does with s3-index: true. */
async function publish(
  wheel: BuiltWheel,
  prefix: string,
  endpoint = moto.endpoint,
  log = new MemoryLog(),
): Promise<IndexResult> {
  await publishWheel(wheel, s3Options(prefix, endpoint), log);
  return publishIndexOnce(
    {
      ...s3Options(prefix, endpoint),
      distribution: wheel.distribution,
      expectFile: wheel.fileName,
    },
    log,
  );
}

async function readText(key: string): Promise<string> {
  const object = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return object.Body!.transformToString('utf-8');
}

/** `file name -> sha256 fragment ('' when none)` of every link on a page; throws on duplicates. */
function pageLinks(html: string): Map<string, string> {
  const links = new Map<string, string>();
  for (const [, href] of html.matchAll(/<a href="([^"]*)">/g)) {
    const [path, fragment = ''] = href!.replace(/&amp;/g, '&').split('#');
    // A wheel's file name, or a project directory (`name/`) on the root page.
    const name = decodeURIComponent(path!.replace(/\/$/, '').split('/').pop()!);
    if (links.has(name)) throw new Error(`${name} is linked twice`);
    links.set(name, fragment.replace(/^sha256=/, ''));
  }
  return links;
}

function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** `pip install --no-deps --target` with the interpreter's own pip and no user config. */
function pipInstall(
  python: string,
  args: string[],
): { status: number; output: string; target: string } {
  const target = mkdtempSync(join(dir, 'target-'));
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The machine's pip settings (find-links, extra index) must not supply the wheels.
  for (const name of Object.keys(env)) {
    if (name.startsWith('PIP_') || /^(https?|all|no)_proxy$/i.test(name)) delete env[name];
  }
  env.PIP_CONFIG_FILE = '/dev/null';
  const run = spawnSync(python, pipIndexInstallArgs(target, args), {
    encoding: 'utf8',
    env,
    cwd: dir,
  });
  return { status: run.status ?? 1, output: run.stdout + run.stderr, target };
}

/** What pip put in the target: the dist-info's version and the wheel's tag, per project. */
function installed(target: string): { name: string; version: string; tag: string }[] {
  return readdirSync(target)
    .filter((entry) => entry.endsWith('.dist-info'))
    .map((entry) => {
      const wheel = readFileSync(join(target, entry, 'WHEEL'), 'utf8');
      const meta = readFileSync(join(target, entry, 'METADATA'), 'utf8');
      return {
        name: /^Name: (.*)$/m.exec(meta)![1]!,
        version: /^Version: (.*)$/m.exec(meta)![1]!,
        tag: [...wheel.matchAll(/^Tag: (.*)$/gm)].map((m) => m[1]).join(' '),
      };
    });
}

function runIn(python: string, target: string, code: string): string {
  const run = spawnSync(
    python,
    ['-E', '-s', '-c', `import sys\nsys.path.insert(0, ${JSON.stringify(target)})\n${code}`],
    {
      encoding: 'utf8',
      cwd: dir,
    },
  );
  if (run.status !== 0) throw new Error(`${python} failed:\n${run.stderr}`);
  return run.stdout.trim();
}

describe('the index of the example built for CPython 2.7 and python3, two versions', () => {
  const PREFIX = 'algo/vecmath';
  const interpreters: { label: string; python: string; tag: string }[] = [];
  const wheels: BuiltWheel[] = [];
  let last: IndexResult;

  beforeAll(async () => {
    interpreters.push(
      { label: 'CPython 2.7 (pip 19.2)', python: pyenvPython('2.7.18'), tag: '' },
      { label: 'python3', python: defaultPython3(), tag: '' },
    );
    for (const interpreter of interpreters) {
      for (const version of ['1.0.0', '1.1.0']) {
        const out = mkdtempSync(join(dir, 'wheels-'));
        const work = copyExample();
        const { wheel } = await runPipeline(
          getInputs(
            inputs({
              'working-directory': work,
              'build-command': `./build.sh ${interpreter.python}`,
              stage: EXAMPLE_STAGE,
              python: interpreter.python,
              version,
              'output-dir': out,
            }),
            { SOURCE_DATE_EPOCH: '1700000000' },
          ),
          { log: new MemoryLog(), env: { SOURCE_DATE_EPOCH: '1700000000' }, after: [] },
        );
        interpreter.tag = wheel.tag;
        const path = join(out, wheel.fileName);
        wheels.push({
          path,
          fileName: wheel.fileName,
          sha256: wheel.sha256,
          size: wheel.size,
          distribution: wheel.distribution,
          version: wheel.version,
        });
      }
    }
    for (const wheel of wheels) last = await publish(wheel, PREFIX);
  });

  it('publishes the PEP 503 tree and the flat page with every wheel and its sha256', async () => {
    const base = `${moto.endpoint}/${BUCKET}/${PREFIX}`;
    expect(last).toMatchObject({
      indexUrl: `${base}/simple/`,
      projectUrl: `${base}/simple/vecmath/`,
      findLinksUrl: `${base}/index.html`,
      project: 'vecmath',
      files: wheels.map((w) => w.fileName).sort(),
    });
    const expected = new Map(wheels.map((w) => [w.fileName, w.sha256]));
    expect(sha256Of(wheels[0]!.path)).toBe(wheels[0]!.sha256);
    for (const key of ['simple/vecmath/', 'simple/vecmath/index.html', 'index.html']) {
      expect(pageLinks(await readText(`${PREFIX}/${key}`))).toEqual(expected);
    }
    for (const key of ['simple/', 'simple/index.html']) {
      expect([...pageLinks(await readText(`${PREFIX}/${key}`)).keys()]).toEqual(['vecmath']);
    }
  });

  it('stores the pages as HTML, not cached, with the wheels ACL, readable anonymously', async () => {
    const keys = [
      'simple/',
      'simple/index.html',
      'simple/vecmath/',
      'simple/vecmath/index.html',
      'index.html',
    ];
    for (const key of keys) {
      const head = await admin.send(
        new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}/${key}` }),
      );
      expect(head.ContentType).toBe('text/html; charset=utf-8');
      expect(head.CacheControl).toBe('no-cache');
      const acl = await admin.send(
        new GetObjectAclCommand({ Bucket: BUCKET, Key: `${PREFIX}/${key}` }),
      );
      expect(acl.Grants?.some((g) => g.Grantee?.URI === ALL_USERS && g.Permission === 'READ')).toBe(
        true,
      );
    }
    // What pip requests: the directory URL, over the plain REST endpoint, without credentials.
    const response = await fetch(last.projectUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageLinks(await response.text()).size).toBe(4);
  });

  it('publishing again changes nothing and writes no page', async () => {
    const watch = await proxy({});
    const log = new MemoryLog();
    const again = await publish(wheels[1]!, PREFIX, watch.endpoint, log);
    expect(again.pages.map((p) => p.status)).toEqual(Array(5).fill('unchanged'));
    expect(watch.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    expect(log.lines.join('\n')).toContain('every page was already up to date');
  });

  it.each([0, 1])('pip of interpreter %i installs from --index-url the wheel that fits it', (i) => {
    const { python, tag } = interpreters[i]!;
    for (const [requirement, version] of [
      ['vecmath==1.0.0', '1.0.0'],
      ['vecmath', '1.1.0'],
    ] as const) {
      const run = pipInstall(python, ['--index-url', last.indexUrl, requirement]);
      expect(run.output).not.toMatch(/do not match the hashes|HashMismatch/i);
      expect(run.status, run.output).toBe(0);
      expect(installed(run.target)).toEqual([{ name: 'vecmath', version, tag }]);
      expect(
        runIn(python, run.target, 'import vecmath\nprint(int(vecmath.dot([1, 2, 3], [4, 5, 6])))'),
      ).toBe('32');
    }
  });

  it.each([0, 1])('pip of interpreter %i installs through --find-links <flat page>', (i) => {
    const { python, tag } = interpreters[i]!;
    const run = pipInstall(python, [
      '--no-index',
      '--find-links',
      last.findLinksUrl,
      'vecmath==1.0.0',
    ]);
    expect(run.status, run.output).toBe(0);
    expect(installed(run.target)).toEqual([{ name: 'vecmath', version: '1.0.0', tag }]);
    expect(runIn(python, run.target, 'import vecmath\nprint(vecmath.native_version())')).toBe(
      'vecmath-native 1.0',
    );
  });

  it('pip refuses a page whose hash does not match the wheel', async () => {
    // Proves the fragments are checked, so the hashes on our pages are what protects users.
    const tampered = (await readText(`${PREFIX}/index.html`)).replace(
      new RegExp(wheels[3]!.sha256, 'g'),
      '0'.repeat(64),
    );
    await admin.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'tampered/index.html',
        Body: tampered.replace(/href="/g, `href="../${PREFIX}/`),
        ContentType: 'text/html',
        ACL: 'public-read',
      }),
    );
    const run = pipInstall(interpreters[1]!.python, [
      '--no-index',
      '--find-links',
      `${moto.endpoint}/${BUCKET}/tampered/index.html`,
      'vecmath==1.1.0',
    ]);
    expect(run.status).not.toBe(0);
    expect(run.output, tampered).toMatch(/do not match the hashes/i);
  });
});

/** A real, tiny pure-python wheel of `name` at `version`. */
async function pureWheel(name: string, version: string): Promise<BuiltWheel> {
  const src = mkdtempSync(join(dir, 'src-'));
  mkdirSync(join(src, name));
  const source = join(src, name, '__init__.py');
  writeFileSync(source, `VERSION = ${JSON.stringify(version)}\n`);
  const packed = await packWheel({
    files: [
      {
        archivePath: `${name}/__init__.py`,
        sourcePath: source,
        size: readFileSync(source).length,
        executable: false,
      },
    ],
    metadata: { name, version },
    tag: { interpreter: 'py2.py3', abi: 'none', platform: 'any' },
    mtime: new Date(1_700_000_000_000),
    outputDir: join(src, 'dist'),
    generator: 'index-test',
    concurrency: 1,
  });
  return { ...packed, distribution: name, version };
}

describe('concurrent publishers', () => {
  it('8 publishers of distinct wheels of one project: every wheel on the page, once', async () => {
    const PREFIX = 'race/';
    const versions = ['1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.4', '1.0.5', '1.0.6', '1.0.7+local'];
    const wheels = await Promise.all(versions.map((v) => pureWheel('conc', v)));
    const projectKey = `/${BUCKET}/${PREFIX}simple/conc/`;
    // Writes are decided one at a time, as S3 does; the 8 first writes of the project page are
    // held until all 8 publishers have read it, so they all race for it.
    const gate = await proxy({
      serialize: (r) => r.method === 'PUT',
      barrier: { match: (r) => r.method === 'PUT' && r.path === projectKey, count: 8 },
    });
    const logs = wheels.map(() => new MemoryLog());
    const results = await Promise.all(
      wheels.map((wheel, i) => publish(wheel, PREFIX, gate.endpoint, logs[i])),
    );

    const expected = new Map(wheels.map((w) => [w.fileName, w.sha256]));
    for (const key of ['simple/conc/', 'simple/conc/index.html', 'index.html']) {
      expect(pageLinks(await readText(`${PREFIX}${key}`))).toEqual(expected);
    }
    expect([...pageLinks(await readText(`${PREFIX}simple/`)).keys()]).toEqual(['conc']);
    const projectPuts = gate.requests.filter((r) => r.method === 'PUT' && r.path === projectKey);
    const lost = projectPuts.filter((r) => r.status === 412);
    // One of the 8 created the page; the 7 others lost, re-listed and retried.
    expect(projectPuts.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(lost.length).toBeGreaterThanOrEqual(7);
    expect(results.filter((r) => r.attempts > 1).length).toBeGreaterThanOrEqual(7);
    expect(logs.map((l) => l.lines.join('\n')).join('\n')).toContain('another job is publishing');
    // Each publisher saw its own wheel (and wrote it, or found it written).
    expect(results.map((r, i) => r.files.includes(wheels[i]!.fileName))).toEqual(
      Array(8).fill(true),
    );

    const run = pipInstall(defaultPython3(), [
      '--index-url',
      `${moto.endpoint}/${BUCKET}/${PREFIX}simple/`,
      'conc==1.0.7+local',
    ]);
    expect(run.status, run.output).toBe(0);
    expect(runIn(defaultPython3(), run.target, 'import conc\nprint(conc.VERSION)')).toBe(
      '1.0.7+local',
    );
  });
});

describe('foreign objects under the prefix', () => {
  it('are ignored or linked without a hash, and the pages stay valid', async () => {
    const PREFIX = 'mixed/';
    const put = (key: string, body: string, extra: Record<string, unknown> = {}) =>
      admin.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${key}`, Body: body, ...extra }),
      );
    await put('README.txt', 'not a wheel');
    await put('notes.whl', 'a name pip would not take');
    await put('sub/deep-1.0-py3-none-any.whl', 'in a sub-folder');
    await put('other-2.0-py3-none-any.whl', 'uploaded by hand, no metadata');
    const checksummed = 'uploaded with a checksum only';
    const checksum = createHash('sha256').update(checksummed);
    await put('zz-1.0-py3-none-any.whl', checksummed, {
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: checksum.copy().digest('base64'),
    });
    const wheel = await pureWheel('mine', '0.1.0');
    const log = new MemoryLog();
    await publishWheel(wheel, s3Options(PREFIX), log);
    const session = await openS3Session(
      { endpoint: moto.endpoint, forcePathStyle: true, maxAttempts: 1 },
      log,
    );
    try {
      const result = await updateIndex({
        session,
        bucket: BUCKET,
        prefix: PREFIX,
        acl: 'public-read',
        distribution: 'Mine',
        region: 'us-east-1',
        endpoint: moto.endpoint,
        forcePathStyle: true,
        log,
        // Two keys per listing page: the listing is paginated over 6 objects.
        listPageSize: 2,
      });
      expect(result.files).toEqual([wheel.fileName]);
    } finally {
      session.close();
    }
    expect(pageLinks(await readText(`${PREFIX}simple/mine/`))).toEqual(
      new Map([[wheel.fileName, wheel.sha256]]),
    );
    expect(pageLinks(await readText(`${PREFIX}index.html`))).toEqual(
      new Map([
        [wheel.fileName, wheel.sha256],
        ['other-2.0-py3-none-any.whl', ''],
        ['zz-1.0-py3-none-any.whl', checksum.digest('hex')],
      ]),
    );
    expect([...pageLinks(await readText(`${PREFIX}simple/`)).keys()]).toEqual([
      'mine',
      'other',
      'zz',
    ]);
    const text = log.lines.join('\n');
    expect(text).toContain(`ignoring s3://${BUCKET}/${PREFIX}notes.whl`);
    expect(text).toContain(`ignoring s3://${BUCKET}/${PREFIX}other-2.0-py3-none-any.whl`);
    expect(text).not.toContain('README');

    const run = pipInstall(defaultPython3(), [
      '--index-url',
      `${moto.endpoint}/${BUCKET}/${PREFIX}simple/`,
      'mine',
    ]);
    expect(run.status, run.output).toBe(0);
    expect(installed(run.target)).toEqual([
      { name: 'mine', version: '0.1.0', tag: 'py2-none-any py3-none-any' },
    ]);
  });

  it('a page changed by hand is replaced with If-Match on the ETag read', async () => {
    const PREFIX = 'mixed/';
    await admin.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${PREFIX}simple/mine/`,
        Body: 'edited by hand',
      }),
    );
    const watch = await proxy({});
    const result = await publishIndexOnce(
      { ...s3Options(PREFIX, watch.endpoint), distribution: 'mine' },
      new MemoryLog(),
    );
    expect(result.pages.find((p) => p.key === `${PREFIX}simple/mine/`)?.status).toBe('updated');
    const puts = watch.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/${BUCKET}/${PREFIX}simple/mine/`]);
    expect(puts[0]!.headers['if-match']).toMatch(/^"?[0-9a-f]{32}"?$/);
    expect(pageLinks(await readText(`${PREFIX}simple/mine/`)).size).toBe(1);
  });
});

describe('private wheels', () => {
  it('get private pages: nothing is readable without credentials', async () => {
    const wheel = await pureWheel('secret', '1.0.0');
    const options = { ...s3Options('private/'), acl: 'private' as const };
    await publishWheel(wheel, options, new MemoryLog());
    const result = await publishIndexOnce(
      { ...options, distribution: 'secret', expectFile: wheel.fileName },
      new MemoryLog(),
    );
    const acl = await admin.send(
      new GetObjectAclCommand({ Bucket: BUCKET, Key: 'private/simple/secret/' }),
    );
    expect(acl.Grants?.some((g) => g.Grantee?.URI === ALL_USERS)).toBe(false);
    // moto enforces ACLs on anonymous requests, as S3 does.
    for (const url of [result.projectUrl, result.findLinksUrl, result.indexUrl]) {
      const response = await fetch(url);
      await response.arrayBuffer();
      expect(response.status).toBe(403);
    }
    expect(pageLinks(await readText('private/simple/secret/index.html'))).toEqual(
      new Map([[wheel.fileName, wheel.sha256]]),
    );
  });
});

describe('failures', () => {
  it('names the missing permission when the listing is refused', async () => {
    const refusing = await proxy({
      refuse: (r) =>
        r.method === 'GET' && r.url.includes('list-type=2')
          ? { status: 403, code: 'AccessDenied', message: 'Access Denied' }
          : undefined,
    });
    const error = await publishIndexOnce(
      { ...s3Options('denied/', refusing.endpoint), distribution: 'x' },
      new MemoryLog(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toContain(
      '(ListObjectsV2); the wheel itself is published',
    );
    expect((error as PublishError).fix).toContain(`s3:ListBucket on arn:aws:s3:::${BUCKET}`);
    expect((error as PublishError).input).toBe('s3-index');
  });

  it('says so when the server does not support conditional writes', async () => {
    const old = await proxy({
      refuse: (r) =>
        r.method === 'PUT' && (r.headers['if-none-match'] || r.headers['if-match'])
          ? {
              status: 501,
              code: 'NotImplemented',
              message: 'A header you provided implies functionality that is not implemented',
            }
          : undefined,
    });
    const error = await publishIndexOnce(
      { ...s3Options('old-store/', old.endpoint), distribution: 'x' },
      new MemoryLog(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toContain('does not support conditional writes');
  });

  it('gives up after the bounded rounds when a page keeps changing', async () => {
    const busy = await proxy({
      refuse: (r) =>
        r.method === 'PUT'
          ? {
              status: 412,
              code: 'PreconditionFailed',
              message: 'At least one of the pre-conditions you specified did not hold',
            }
          : undefined,
    });
    const log = new MemoryLog();
    const session = await openS3Session(
      { endpoint: busy.endpoint, forcePathStyle: true, maxAttempts: 1 },
      log,
    );
    try {
      const error = await updateIndex({
        session,
        bucket: BUCKET,
        prefix: 'busy/',
        acl: 'private',
        distribution: 'x',
        region: 'us-east-1',
        endpoint: busy.endpoint,
        forcePathStyle: true,
        log,
        maxAttempts: 3,
        backoff: { baseMs: 1, maxMs: 5 },
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PublishError);
      expect((error as PublishError).message).toContain(
        'kept changing while updating them (3 rounds)',
      );
    } finally {
      session.close();
    }
    // 5 pages per round, 3 rounds, never more.
    expect(busy.requests.filter((r) => r.method === 'PUT')).toHaveLength(15);
    expect(busy.requests.filter((r) => r.url.includes('list-type=2'))).toHaveLength(3);
  });
});
