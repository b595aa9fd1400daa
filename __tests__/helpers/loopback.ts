// Test servers listen on loopback only, at a port the OS picks.
import type { Server } from 'node:net';

/** Starts `server` on 127.0.0.1 at a free port the OS picks; resolves to that port. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the server has no TCP address');
  return address.port;
}
