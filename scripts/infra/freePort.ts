import { createServer } from 'node:net';

/**
 * Asks the kernel for a TCP port that is free on `host` right now.
 *
 * The port is released before returning, so another process could in principle take it before
 * the caller binds it; callers that spawn servers should surface bind failures clearly rather
 * than assume the port is still free.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    // Never let this throwaway listener keep the process alive.
    server.unref();
    server.once('error', reject);
    // Port 0 lets the kernel pick from its ephemeral range, which avoids guessing and collisions.
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error(`freePort: unexpected listener address ${String(address)}`));
        return;
      }
      const { port } = address;
      server.close((err) => (err ? reject(err) : resolve(port)));
    });
  });
}
