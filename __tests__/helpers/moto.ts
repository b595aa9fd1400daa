/**
 * A real S3-compatible server for tests: `moto_server` (from the default python3) on 127.0.0.1 and
 * a free port. Start it in beforeAll, stop it in afterAll. Shared by the S3, fault-injection and
 * index tests, so it knows nothing about what a test does with it.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Moto {
  /** `http://127.0.0.1:<port>`: pass as the S3 endpoint, with path-style addressing. */
  endpoint: string;
  port: number;
  /** Everything the server printed so far (request log, tracebacks), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface MotoOptions {
  /**
   * Extra environment for the server, e.g. `{ INITIAL_NO_AUTH_ACTION_COUNT: '0' }` to make it
   * check credentials (any key is then rejected: no IAM user exists).
   */
  env?: Record<string, string>;
  /** How long to wait for the server to answer. */
  timeoutMs?: number;
}

/** Fake credentials and region for SDK clients talking to moto; pass them as explicit env. */
export const MOTO_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_REGION: 'us-east-1',
} as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** The test process's environment minus AWS_*: a profile or region meant for clients (or stubbed
 * empty by a test) must not change how the server behaves. */
function serverEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
}

async function startOnce(port: number, options: MotoOptions): Promise<Moto> {
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...serverEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let spawnError: Error | undefined;
  child.on('error', (error) => (spawnError = error));

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killTimer);
    }
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (spawnError) throw new Error(`cannot start moto_server: ${spawnError.message}`);
    if (child.exitCode !== null) {
      throw new Error(`moto_server exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return { endpoint, port, output: () => output, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`moto_server did not answer on ${endpoint} in time:\n${output}`);
}

/** Starts moto_server on a free loopback port and waits until it answers. */
export async function startMoto(options: MotoOptions = {}): Promise<Moto> {
  // The port is free when probed but another process may take it before moto binds: retry.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort(), options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** An S3 client for the test's own set-up and checks (buckets, listings) against moto. */
export function motoClient(
  endpoint: string,
  credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' },
): S3Client {
  return new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
}
