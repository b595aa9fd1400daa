/**
 * A hostile server in front of moto_server, for the consumer check's reads: every request is
 * passed on as is, except the ones a `mode` takes over:
 *
 * - `truncate`: an unsigned GET of an object gets its real status and Content-Length, half of
 *   its body, then the connection is reset;
 * - `drip`: an unsigned GET of an object gets its headers, then one byte of the body per second;
 * - `flood`: an unsigned GET of an object gets a chunked body (no Content-Length) of zeros
 *   without end, up to `floodBytes` (1.5 GB by default); `sent()` counts what left;
 * - `repeat-token`: every signed ListObjectsV2 answer says it is truncated and hands back the
 *   same continuation token.
 *
 * Unsigned requests are the consumer check's reads (the publisher signs everything).
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './loopback.js';

export type HostileMode = 'none' | 'truncate' | 'drip' | 'flood' | 'repeat-token';

export interface HostileS3 {
  endpoint: string;
  mode: HostileMode;
  floodBytes: number;
  /** Unsigned GETs of objects taken over so far (path), and list requests answered. */
  hostileReads: string[];
  listRequests: number;
  /** Body bytes sent by taken-over reads. */
  sent(): number;
  close(): Promise<void>;
}

function signed(req: IncomingMessage): boolean {
  return req.headers.authorization !== undefined || /[?&]X-Amz-Signature=/i.test(req.url ?? '');
}

/** The request forwarded to moto, its whole answer read. */
function forward(
  upstream: URL,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    delete headers.expect;
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 502,
            headers: answer.headers,
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

function drain(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

export async function startHostileS3(target: string): Promise<HostileS3> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let sentBytes = 0;
  /** The last rewritten listing of each bucket, answered again for the repeated token. */
  const lastList = new Map<string, string>();
  const state: HostileS3 = {
    endpoint: '',
    mode: 'none',
    floodBytes: 1.5 * 1024 ** 3,
    hostileReads: [],
    listRequests: 0,
    sent: () => sentBytes,
    close: () => Promise.resolve(),
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await drain(req);
      const url = new URL(req.url ?? '/', 'http://hostile');
      const isObject = url.pathname.split('/').filter(Boolean).length >= 2;
      const isList = !isObject && req.method === 'GET' && url.searchParams.get('list-type') === '2';
      if (
        isList &&
        signed(req) &&
        state.mode === 'repeat-token' &&
        url.searchParams.has('continuation-token')
      ) {
        // The page again, as if the token were new (moto itself refuses a token it never gave).
        state.listRequests++;
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(lastList.get(url.pathname) ?? '');
        return;
      }
      let answer;
      try {
        answer = await forward(upstream, req, body);
      } catch {
        res.destroy();
        return;
      }
      const takeOver =
        req.method === 'GET' &&
        isObject &&
        !signed(req) &&
        answer.status === 200 &&
        ['truncate', 'drip', 'flood'].includes(state.mode);
      if (takeOver) {
        state.hostileReads.push(decodeURIComponent(url.pathname));
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        if (state.mode === 'truncate') {
          res.writeHead(200, headers);
          res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => {
            sentBytes += Math.floor(answer.body.length / 2);
            req.socket.resetAndDestroy();
          });
          return;
        }
        if (state.mode === 'drip') {
          res.writeHead(200, headers);
          let at = 0;
          const timer = setInterval(() => {
            if (res.destroyed || at >= answer.body.length) {
              clearInterval(timer);
              timers.delete(timer);
              if (!res.destroyed) res.end();
              return;
            }
            res.write(answer.body.subarray(at, at + 1));
            at += 1;
            sentBytes += 1;
          }, 1000);
          timers.add(timer);
          return;
        }
        // flood: no Content-Length, zeros as fast as the reader takes them.
        delete headers['content-length'];
        res.writeHead(200, headers);
        const chunk = Buffer.alloc(64 * 1024);
        const pump = (): void => {
          while (!res.destroyed && sentBytes < state.floodBytes) {
            sentBytes += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      if (isList && signed(req) && state.mode === 'repeat-token' && answer.status === 200) {
        state.listRequests++;
        const text = answer.body
          .toString('utf8')
          .replace(/<IsTruncated>false<\/IsTruncated>/, '<IsTruncated>true</IsTruncated>')
          .replace(/<NextContinuationToken>[^<]*<\/NextContinuationToken>/, '')
          .replace(
            '</IsTruncated>',
            '</IsTruncated><NextContinuationToken>same-token</NextContinuationToken>',
          );
        lastList.set(url.pathname, text);
        const headers = { ...answer.headers };
        delete headers['content-length'];
        delete headers['transfer-encoding'];
        res.writeHead(200, headers);
        res.end(text);
        return;
      }
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      res.writeHead(answer.status, headers);
      res.end(answer.body);
    })();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  state.endpoint = `http://127.0.0.1:${port}`;
  state.close = () =>
    new Promise((resolve) => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return state;
}
