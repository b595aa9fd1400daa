/**
 * An HTTP proxy on 127.0.0.1 in front of moto_server, for the index tests. It records every
 * request with its answer's status, and can:
 *
 * - serialize matching requests (forward one, wait for its answer, then the next). moto checks
 *   If-Match / If-None-Match and then writes without a lock, so two simultaneous conditional
 *   PUTs can both pass there (measured: 1 trial in 30 let two If-None-Match: * creates win),
 *   while S3 decides them atomically. Serializing the writes makes moto behave like S3; the
 *   publishers themselves still run concurrently.
 * - hold matching requests until `count` of them have arrived (a barrier), so that a race is
 *   certain rather than likely: every publisher has read the page before any of them writes.
 * - refuse matching requests with an S3 error, without involving the server.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { listenOnLoopback } from './loopback.js';

export interface ProxiedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  /** The decoded path without the query. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The answer's status, once it came back. */
  status?: number;
}

export interface S3ProxyOptions {
  serialize?: (request: ProxiedRequest) => boolean;
  barrier?: { match: (request: ProxiedRequest) => boolean; count: number };
  refuse?: (
    request: ProxiedRequest,
  ) => { status: number; code: string; message: string } | undefined;
}

export interface S3Proxy {
  endpoint: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startS3Proxy(target: string, options: S3ProxyOptions = {}): Promise<S3Proxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  let chain: Promise<void> = Promise.resolve();
  const held: Array<() => Promise<void>> = [];
  let barrierOpen = !options.barrier;

  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    const recorded: ProxiedRequest = {
      method: req.method ?? '',
      url,
      path: decodeURIComponent(new URL(url, 'http://proxy').pathname),
      headers: req.headers,
    };
    requests.push(recorded);

    const refusal = options.refuse?.(recorded);
    if (refusal) {
      req.resume();
      req.on('end', () => {
        recorded.status = refusal.status;
        res.writeHead(refusal.status, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${refusal.code}</Code>` +
            `<Message>${refusal.message}</Message><RequestId>PROXY</RequestId></Error>`,
        );
      });
      return;
    }

    const forward = () =>
      new Promise<void>((done) => {
        const out = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: url,
            headers: req.headers,
          },
          (answer) => {
            recorded.status = answer.statusCode;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.on('end', () => done());
            answer.on('error', () => done());
          },
        );
        out.on('error', () => {
          res.destroy();
          done();
        });
        req.pipe(out);
      });
    const serialized = () => {
      chain = chain.then(forward);
    };

    if (!barrierOpen && options.barrier!.match(recorded)) {
      held.push(forward);
      if (held.length === options.barrier!.count) {
        barrierOpen = true;
        for (const next of held.splice(0)) chain = chain.then(next);
      }
      return;
    }
    if (options.serialize?.(recorded)) serialized();
    else void forward();
  });
  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
