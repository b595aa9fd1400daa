/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of an S3 server (moto_server), for the
 * reliability tests. Every request is recorded with its S3 operation; rules decide which ones
 * go wrong, and how:
 *
 * - `error`: the proxy answers an S3 error itself (500 InternalError, 503 SlowDown...), after
 *   reading the body; the server never sees the request. Its message may quote the request's
 *   access key id (`{accessKeyId}`), as a careless server or proxy could.
 * - `reset`: the connection is reset (TCP RST) in the middle of the request body, once about half
 *   of it arrived (at once for a request without a body); the server never sees the request.
 * - `stall`: nothing is answered for `ms`, then the request goes on normally; without `ms` it is
 *   never answered (the client's own time limit has to end it).
 * - `truncate`: the request reaches the server (which acts on it), then only the first `fraction`
 *   of the answer's bytes (status line, headers, body) is sent before the connection is reset.
 *   `fraction: 0` is the lost answer: the server did the work, the client hears nothing.
 *
 * A rule matches by operation, part number and key prefix; it fires on every `every`-th matching
 * request (1: each), at most `times` times. Rules can be added and removed while the proxy runs,
 * so concurrent publishes to different keys each get their own.
 *
 * One fidelity fix: moto lists every multipart upload as initiated on 2010-11-10 (a constant in
 * its template), while S3 gives the real time. The proxy notes when each CreateMultipartUpload
 * reached the server and puts that time into ListMultipartUploads answers.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './loopback.js';

export type S3Operation =
  | 'HeadObject'
  | 'GetObject'
  | 'PutObject'
  | 'DeleteObject'
  | 'CreateMultipartUpload'
  | 'UploadPart'
  | 'CompleteMultipartUpload'
  | 'AbortMultipartUpload'
  | 'ListMultipartUploads'
  | 'ListObjects'
  | 'Bucket'
  | 'Other';

export interface FaultRequest {
  /** 1-based arrival order over the proxy's life. */
  seq: number;
  method: string;
  /** Path and query, as received. */
  url: string;
  bucket: string;
  /** The object key (path-style addressing), '' for bucket requests. */
  key: string;
  operation: S3Operation;
  partNumber: number | undefined;
  /** The answer's status as the client saw it; undefined when it saw none. */
  status?: number;
  /** The fault injected into this request, if any. */
  fault?: Fault['kind'];
}

export type Fault =
  | {
      kind: 'error';
      status: number;
      code: string;
      message?: string;
      /** Extra answer headers (S3 names a bucket's region in x-amz-bucket-region). */
      headers?: Record<string, string>;
    }
  | { kind: 'reset' }
  | { kind: 'stall'; ms?: number }
  | { kind: 'truncate'; fraction?: number };

export interface FaultRule {
  fault: Fault;
  operation?: S3Operation;
  partNumber?: number;
  /** Only requests whose key starts with this. */
  keyPrefix?: string;
  /** Fire on the every-th matching request (default 1: each one). */
  every?: number;
  /** Fire at most this many times (default: no limit). */
  times?: number;
}

export interface InjectedFault {
  rule: FaultRule;
  request: FaultRequest;
}

export interface FaultProxy {
  endpoint: string;
  requests: FaultRequest[];
  injected: InjectedFault[];
  /** Adds a rule; the returned function removes it again. */
  add(rule: FaultRule): () => void;
  close(): Promise<void>;
}

/** The S3 operation of a path-style request, from its method and query. */
export function classify(method: string, url: string): Omit<FaultRequest, 'seq' | 'url'> {
  const parsed = new URL(url, 'http://proxy');
  const [bucket = '', ...rest] = parsed.pathname.replace(/^\//, '').split('/');
  const key = decodeURIComponent(rest.join('/'));
  const query = parsed.searchParams;
  const part = query.get('partNumber');
  const partNumber = part === null ? undefined : Number(part);
  let operation: S3Operation = 'Other';
  if (key === '') {
    if (method === 'GET' && query.has('uploads')) operation = 'ListMultipartUploads';
    else if (method === 'GET') operation = 'ListObjects';
    else operation = 'Bucket';
  } else if (method === 'HEAD') operation = 'HeadObject';
  else if (method === 'GET') operation = 'GetObject';
  else if (method === 'PUT') operation = query.has('uploadId') ? 'UploadPart' : 'PutObject';
  else if (method === 'POST' && query.has('uploads')) operation = 'CreateMultipartUpload';
  else if (method === 'POST' && query.has('uploadId')) operation = 'CompleteMultipartUpload';
  else if (method === 'DELETE') {
    operation = query.has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject';
  }
  return { method, bucket, key, operation, partNumber };
}

interface LiveRule {
  rule: FaultRule;
  seen: number;
  fired: number;
}

function matches(rule: FaultRule, request: FaultRequest): boolean {
  return (
    (rule.operation === undefined || rule.operation === request.operation) &&
    (rule.partNumber === undefined || rule.partNumber === request.partNumber) &&
    (rule.keyPrefix === undefined || request.key.startsWith(rule.keyPrefix))
  );
}

/** Counts the request against every matching rule; returns the first rule that fires. */
function pick(rules: readonly LiveRule[], request: FaultRequest): LiveRule | undefined {
  let chosen: LiveRule | undefined;
  for (const live of rules) {
    if (!matches(live.rule, request)) continue;
    live.seen++;
    const due = live.seen % (live.rule.every ?? 1) === 0;
    if (!chosen && due && live.fired < (live.rule.times ?? Infinity)) chosen = live;
  }
  if (chosen) chosen.fired++;
  return chosen;
}

function s3ErrorBody(code: string, message: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code>` +
    `<Message>${message}</Message><RequestId>FAULT</RequestId></Error>`
  );
}

/** The access key id of a SigV4 request (`Credential=<id>/<date>/...`). */
function accessKeyId(req: IncomingMessage): string {
  return /Credential=([^/,\s]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
}

function resetSocket(socket: Socket): void {
  // RST rather than FIN: the client sees ECONNRESET, as with a dropped connection.
  if (!socket.destroyed) socket.resetAndDestroy();
}

/** Reads the whole request body. */
function drain(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

interface Answer {
  status: number;
  statusMessage: string;
  rawHeaders: string[];
  body: Buffer;
}

/** Sends the request (with its already-read body) to the server and reads the whole answer. */
function forwardBuffered(upstream: URL, req: IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    // The body is complete: the server must not wait for a 100 Continue handshake.
    delete headers.expect;
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 502,
            statusMessage: answer.statusMessage ?? '',
            rawHeaders: answer.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
        answer.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

/** Puts the times the proxy saw into a ListMultipartUploads answer (same length: ISO dates). */
function withInitiated(body: Buffer, initiated: ReadonlyMap<string, string>): Buffer {
  const text = body
    .toString('utf8')
    .replace(/<Upload>([\s\S]*?)<\/Upload>/g, (upload: string, inner: string) => {
      const id = /<UploadId>([^<]*)<\/UploadId>/.exec(inner)?.[1];
      const time = id === undefined ? undefined : initiated.get(id);
      return time === undefined
        ? upload
        : upload.replace(/<Initiated>[^<]*<\/Initiated>/, `<Initiated>${time}</Initiated>`);
    });
  return Buffer.from(text, 'utf8');
}

function rawResponse(answer: Answer): Buffer {
  const lines = [`HTTP/1.1 ${answer.status} ${answer.statusMessage}`];
  for (let i = 0; i < answer.rawHeaders.length; i += 2) {
    const name = answer.rawHeaders[i]!;
    // Keep the framing simple: a Content-Length answer, not chunked.
    if (/^(transfer-encoding|connection|keep-alive)$/i.test(name)) continue;
    lines.push(`${name}: ${answer.rawHeaders[i + 1]}`);
  }
  if (!answer.rawHeaders.some((h, i) => i % 2 === 0 && /^content-length$/i.test(h))) {
    lines.push(`Content-Length: ${answer.body.length}`);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), answer.body]);
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const requests: FaultRequest[] = [];
  const injected: InjectedFault[] = [];
  const rules: LiveRule[] = [];
  const stalled = new Set<Socket>();
  /** UploadId -> when its CreateMultipartUpload reached the server (ISO). */
  const initiated = new Map<string, string>();

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    const recorded: FaultRequest = {
      seq: requests.length + 1,
      url,
      ...classify(req.method ?? '', url),
    };
    requests.push(recorded);
    const live = pick(rules, recorded);
    const fault = live?.rule.fault;
    if (live) {
      recorded.fault = live.rule.fault.kind;
      injected.push({ rule: live.rule, request: recorded });
    }
    const socket = req.socket;

    if (fault?.kind === 'reset') {
      const length = Number(req.headers['content-length'] ?? 0);
      if (!(length > 0)) {
        resetSocket(socket);
        return;
      }
      let received = 0;
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= length / 2) resetSocket(socket);
      });
      return;
    }

    void (async () => {
      const body = await drain(req);
      if (fault?.kind === 'error') {
        recorded.status = fault.status;
        res.writeHead(fault.status, {
          'content-type': 'application/xml',
          'x-amz-request-id': 'FAULT',
          ...fault.headers,
        });
        const message = (fault.message ?? 'injected by the fault proxy').replace(
          '{accessKeyId}',
          accessKeyId(req),
        );
        res.end(s3ErrorBody(fault.code, message));
        return;
      }
      if (fault?.kind === 'stall') {
        if (fault.ms === undefined) {
          // Never answered; the client gives up and closes, or close() resets it.
          stalled.add(socket);
          socket.once('close', () => stalled.delete(socket));
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        if (socket.destroyed) return;
      }
      let answer: Answer;
      const sentAt = new Date().toISOString();
      try {
        answer = await forwardBuffered(upstream, req, body);
      } catch {
        resetSocket(socket);
        return;
      }
      if (recorded.operation === 'CreateMultipartUpload' && answer.status === 200) {
        const id = /<UploadId>([^<]*)<\/UploadId>/.exec(answer.body.toString('utf8'))?.[1];
        if (id !== undefined) initiated.set(id, sentAt);
      }
      if (recorded.operation === 'ListMultipartUploads' && answer.status === 200) {
        answer = { ...answer, body: withInitiated(answer.body, initiated) };
      }
      if (fault?.kind === 'truncate') {
        const raw = rawResponse(answer);
        const keep = Math.floor(raw.length * Math.min(Math.max(fault.fraction ?? 0.5, 0), 1));
        const cut = Math.min(keep, raw.length - 1);
        if (cut > 0) socket.write(raw.subarray(0, cut), () => resetSocket(socket));
        else resetSocket(socket);
        return;
      }
      recorded.status = answer.status;
      const headers: Record<string, string[]> = {};
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        const name = answer.rawHeaders[i]!;
        if (/^(transfer-encoding|connection|keep-alive)$/i.test(name)) continue;
        (headers[name] ??= []).push(answer.rawHeaders[i + 1]!);
      }
      res.writeHead(answer.status, answer.statusMessage, headers);
      res.end(answer.body);
    })();
  });
  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    injected,
    add(rule: FaultRule) {
      const live: LiveRule = { rule, seen: 0, fired: 0 };
      rules.push(live);
      return () => {
        const index = rules.indexOf(live);
        if (index >= 0) rules.splice(index, 1);
      };
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of stalled) resetSocket(socket);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
