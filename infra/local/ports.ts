import { createServer } from 'node:net';

/** A free TCP port on loopback, for emulators started by tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Fails with a one-line explanation when a fixed port is taken. */
export function assertPortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', () =>
      reject(
        new LocalSetupError(
          `Port ${port} (${what}) is already in use. Stop the other process (is another 'npm start' running?) or set PORT_BASE to another number, e.g. PORT_BASE=4000 npm start.`,
        ),
      ),
    );
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve()));
  });
}

/** A problem of the local setup that a person can fix; printed as one line, without a stack trace. */
export class LocalSetupError extends Error {
  override name = 'LocalSetupError';
}

export async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new LocalSetupError(`${what} did not become ready within ${timeoutMs / 1000} s.`);
}
