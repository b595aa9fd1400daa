/**
 * A local stand-in for GitHub's artifact backend, for tests of the real @actions/artifact client:
 * - Azurite (the Azure Storage emulator, in memory) is the blob store the wheel is uploaded to;
 * - a Twirp JSON server implements the results service's CreateArtifact and FinalizeArtifact under
 *   /twirp/github.actions.results.api.v1.ArtifactService/, handing out SAS upload URLs of Azurite
 *   and checking requests the way the real service does (bearer token, backend ids from the JWT's
 *   `scp` claim, unique names per run, size and sha256 of the uploaded blob at finalize).
 * Both listen on 127.0.0.1 on ports the OS picks. With `stallUploadMs`, the upload URLs point to
 * a proxy in front of Azurite that holds each write for that long (a throttled link), so a
 * cancel lands mid-upload; a write whose client went away meanwhile never reaches Azurite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
} from '@azure/storage-blob';

// Azurite's well-known development account (public, documented by Microsoft).
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const CONTAINER = 'actions-results';
const SERVICE_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface ArtifactServiceOptions {
  /** Answer the first N Twirp requests with 503 Service Unavailable, then work normally. */
  failFirst?: number;
  /** Answer every Twirp request with 503. */
  failAlways?: boolean;
  /** Hold every blob write (PUT) this long before passing it on to Azurite. */
  stallUploadMs?: number;
}

/** An artifact as the service recorded it. */
export interface StoredArtifact {
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  version: number;
  mimeType: string | undefined;
  /** RFC 3339, as sent by the client (retention-days), or undefined. */
  expiresAt: string | undefined;
  blobName: string;
  /** Set by FinalizeArtifact. */
  id: number | undefined;
  size: number | undefined;
  hash: string | undefined;
}

export interface ArtifactService {
  /**
   * The variables a job step sees: ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, GITHUB_ACTIONS,
   * GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT.
   */
  env: Record<string, string>;
  /** The run and job backend ids in the token's `Actions.Results:<run>:<job>` scope. */
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** The bytes uploaded for the artifact with this name (read back from Azurite). */
  readBlob(name: string): Promise<Buffer>;
  /** The blob's Content-Type as stored in Azurite. */
  blobContentType(name: string): Promise<string | undefined>;
  artifacts(): StoredArtifact[];
  /** How many Twirp requests arrived, failed ones included. */
  readonly requests: number;
  /** How many blob writes (PUT) reached the stalling proxy (with `stallUploadMs`). */
  readonly blobWrites: number;
  stop(): Promise<void>;
}

class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function startArtifactService(
  options: ArtifactServiceOptions = {},
): Promise<ArtifactService> {
  const azurite = await startAzurite();
  try {
    return await startTwirp(azurite, options);
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}

/** A proxy in front of Azurite that holds each PUT for `ms`; it counts the PUTs it saw. */
async function startStallingProxy(
  target: string,
  ms: number,
): Promise<{ url: string; writes: () => number; stop: () => Promise<void> }> {
  const upstream = new URL(target);
  let writes = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = (): void => {
        if (req.socket.destroyed) return; // the client went away: nothing reaches Azurite
        const out = http.request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: upstream.host },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        out.on('error', () => req.socket.destroy());
        out.end(Buffer.concat(chunks));
      };
      if (req.method === 'PUT') {
        writes++;
        setTimeout(forward, ms);
      } else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    writes: () => writes,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function startTwirp(
  azurite: Azurite,
  options: ArtifactServiceOptions,
): Promise<ArtifactService> {
  const credential = new StorageSharedKeyCredential(ACCOUNT, ACCOUNT_KEY);
  const accountUrl = `${azurite.url}/${ACCOUNT}`;
  const stalling =
    options.stallUploadMs === undefined
      ? undefined
      : await startStallingProxy(azurite.url, options.stallUploadMs);
  const uploadUrl = stalling ? `${stalling.url}/${ACCOUNT}` : accountUrl;
  const container = new BlobServiceClient(accountUrl, credential).getContainerClient(CONTAINER);
  await container.create();

  const workflowRunBackendId = randomUUID();
  const workflowJobRunBackendId = randomUUID();
  const token = makeJwt(
    `Actions.ExampleScope Actions.Results:${workflowRunBackendId}:${workflowJobRunBackendId}`,
  );
  const artifacts: StoredArtifact[] = [];
  let requests = 0;
  let nextId = 1000;

  const createArtifact = (body: Record<string, unknown>): object => {
    checkBackendIds(body, workflowRunBackendId, workflowJobRunBackendId);
    const name = checkName(body.name);
    const version = body.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 4 || version > 7) {
      throw new TwirpError(400, 'invalid_argument', `unsupported artifact version: ${version}`);
    }
    let expiresAt: string | undefined;
    if (body.expires_at !== undefined) {
      const when = typeof body.expires_at === 'string' ? Date.parse(body.expires_at) : NaN;
      if (Number.isNaN(when) || when <= Date.now()) {
        throw new TwirpError(400, 'invalid_argument', 'expires_at must be a future timestamp');
      }
      expiresAt = body.expires_at as string;
    }
    if (body.mime_type !== undefined && typeof body.mime_type !== 'string') {
      throw new TwirpError(400, 'invalid_argument', 'mime_type must be a string');
    }
    if (artifacts.some((a) => a.name === name && a.workflowRunBackendId === workflowRunBackendId)) {
      // The real service's words, which users see through the client.
      throw new TwirpError(
        409,
        'already_exists',
        'an artifact with this name already exists on the workflow run',
      );
    }
    const blobName = `${workflowRunBackendId}/${workflowJobRunBackendId}/${artifacts.length + 1}`;
    artifacts.push({
      name,
      workflowRunBackendId,
      workflowJobRunBackendId,
      version,
      mimeType: body.mime_type as string | undefined,
      expiresAt,
      blobName,
      id: undefined,
      size: undefined,
      hash: undefined,
    });
    const sas = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName,
        permissions: BlobSASPermissions.parse('cw'),
        expiresOn: new Date(Date.now() + 60 * 60 * 1000),
      },
      credential,
    ).toString();
    return { ok: true, signed_upload_url: `${uploadUrl}/${CONTAINER}/${blobName}?${sas}` };
  };

  const finalizeArtifact = async (body: Record<string, unknown>): Promise<object> => {
    checkBackendIds(body, workflowRunBackendId, workflowJobRunBackendId);
    const name = checkName(body.name);
    const artifact = artifacts.find((a) => a.name === name && a.id === undefined);
    if (!artifact) throw new TwirpError(404, 'not_found', `no pending artifact named ${name}`);
    // int64 travels as a decimal string in proto3 JSON.
    if (typeof body.size !== 'string' || !/^\d+$/.test(body.size)) {
      throw new TwirpError(400, 'invalid_argument', 'size must be an int64 string');
    }
    const bytes = await downloadBlob(container, artifact.blobName).catch(() => {
      throw new TwirpError(412, 'failed_precondition', 'nothing was uploaded for this artifact');
    });
    if (Number(body.size) !== bytes.length) {
      throw new TwirpError(
        400,
        'invalid_argument',
        `size ${body.size} != uploaded ${bytes.length}`,
      );
    }
    const hash = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (body.hash !== undefined && body.hash !== hash) {
      throw new TwirpError(
        400,
        'invalid_argument',
        `hash ${String(body.hash)} != uploaded ${hash}`,
      );
    }
    artifact.id = nextId++;
    artifact.size = bytes.length;
    artifact.hash = hash;
    return { ok: true, artifact_id: String(artifact.id) };
  };

  // ListArtifacts with a name filter, as the client's getArtifact(name) asks it.
  const listArtifacts = (body: Record<string, unknown>): object => {
    checkBackendIds(body, workflowRunBackendId, workflowJobRunBackendId);
    const filter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
    return {
      artifacts: artifacts
        .filter((a) => a.id !== undefined && (filter === undefined || a.name === filter))
        .map((a) => ({
          workflow_run_backend_id: a.workflowRunBackendId,
          workflow_job_run_backend_id: a.workflowJobRunBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size ?? 0),
          ...(a.hash ? { digest: a.hash } : {}),
        })),
    };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests++;
      handle(req, Buffer.concat(chunks).toString('utf8')).then(
        (body) => send(res, 200, body),
        (error: unknown) => {
          const e =
            error instanceof TwirpError
              ? error
              : new TwirpError(
                  500,
                  'internal',
                  error instanceof Error ? error.message : String(error),
                );
          send(res, e.status, { code: e.code, msg: e.message });
        },
      );
    });
  });

  const handle = async (req: http.IncomingMessage, raw: string): Promise<object> => {
    if (options.failAlways || requests <= (options.failFirst ?? 0)) {
      throw new TwirpError(503, 'unavailable', 'the service is temporarily unavailable');
    }
    const url = req.url ?? '';
    if (req.method !== 'POST' || !url.startsWith(SERVICE_PREFIX)) {
      throw new TwirpError(404, 'bad_route', `no handler for ${req.method} ${url}`);
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      throw new TwirpError(401, 'unauthenticated', 'invalid or missing bearer token');
    }
    if (!req.headers['content-type']?.startsWith('application/json')) {
      throw new TwirpError(415, 'bad_route', 'only application/json is implemented');
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      throw new TwirpError(400, 'malformed', 'the body is not JSON');
    }
    if (typeof body !== 'object' || body === null) {
      throw new TwirpError(400, 'malformed', 'the body is not a JSON object');
    }
    const method = url.slice(SERVICE_PREFIX.length);
    if (method === 'CreateArtifact') return createArtifact(body as Record<string, unknown>);
    if (method === 'FinalizeArtifact') return finalizeArtifact(body as Record<string, unknown>);
    if (method === 'ListArtifacts') return listArtifacts(body as Record<string, unknown>);
    throw new TwirpError(404, 'bad_route', `no method ${method}`);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const findBlob = (name: string): string => {
    const artifact = artifacts.findLast((a) => a.name === name);
    if (!artifact) throw new Error(`no artifact named ${name} was created`);
    return artifact.blobName;
  };

  return {
    env: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/`,
      GITHUB_ACTIONS: 'true',
      // Must look like github.com: the client refuses GitHub Enterprise Server hosts.
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'algorithmia-test/wheel-maker',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
    },
    workflowRunBackendId,
    workflowJobRunBackendId,
    readBlob: (name) => downloadBlob(container, findBlob(name)),
    blobContentType: async (name) =>
      (await container.getBlobClient(findBlob(name)).getProperties()).contentType,
    artifacts: () => artifacts.map((a) => ({ ...a })),
    get requests() {
      return requests;
    },
    get blobWrites() {
      return stalling?.writes() ?? 0;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stalling?.stop();
      await azurite.stop();
    },
  };
}

function send(res: http.ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function checkBackendIds(body: Record<string, unknown>, run: string, job: string): void {
  if (body.workflow_run_backend_id !== run || body.workflow_job_run_backend_id !== job) {
    throw new TwirpError(400, 'invalid_argument', 'backend ids do not match the token');
  }
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name === '') {
    throw new TwirpError(400, 'invalid_argument', 'name is required');
  }
  if (/[":<>|*?\r\n\\/]/.test(name)) {
    throw new TwirpError(400, 'invalid_argument', `invalid artifact name ${JSON.stringify(name)}`);
  }
  return name;
}

async function downloadBlob(container: ContainerClient, blobName: string): Promise<Buffer> {
  return container.getBlobClient(blobName).downloadToBuffer();
}

/** A JWT like the runner's: only its `scp` claim matters to the client, which never verifies it. */
function makeJwt(scp: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${part({ typ: 'JWT', alg: 'HS256' })}.${part({
    scp,
    iss: 'local-artifact-service',
    exp: Math.floor(Date.now() / 1000) + 3600,
  })}`;
  const signature = createHmac('sha256', randomUUID()).update(head).digest('base64url');
  return `${head}.${signature}`;
}

interface Azurite {
  /** http://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

/** Starts azurite-blob from node_modules, in memory, on a free loopback port. */
async function startAzurite(): Promise<Azurite> {
  const main = path.join(
    path.dirname(createRequire(import.meta.url).resolve('azurite/package.json')),
    'dist/src/blob/main.js',
  );
  const child = spawn(
    process.execPath,
    [
      main,
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '256',
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('Azurite did not start within 60 s')), 60_000);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${error.message}\n${output}`));
    };
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`Azurite exited with code ${code}`)));
  });
  return { url, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
