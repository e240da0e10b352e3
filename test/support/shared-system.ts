import { inject } from 'vitest';
import type { LocalSystem } from '../../infra/local/system.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    local: { urls: LocalSystem['urls']; env: Record<string, string> };
  }
}

/** What a test file sees of a local system: its URLs and the functions' environment. */
export type SystemView = Pick<LocalSystem, 'urls' | 'env'>;

/**
 * The local system the global setup started for this run (one for the integration and e2e projects), as
 * URLs and environment; refuses anything but loopback.
 */
export function sharedSystem(): SystemView {
  const ctx = inject('local');
  for (const url of Object.values(ctx.urls)) {
    if (!/^http:\/\/127\.0\.0\.1:\d+/.test(url))
      throw new Error(`Integration tests only talk to loopback, not ${url}`);
  }
  return ctx;
}

/**
 * Staff of the shared system. Each file that reads a person's mail from the shared mailbox has a person of its
 * own (a link taken from the mailbox must be that file's); every reviewer is in the demo round's pool.
 */
export const SHARED_STAFF = {
  reviewers: [
    'reviewer.a@kgst.test',
    'reviewer.b@kgst.test',
    // test/e2e: review, supplement, csp-and-csrf
    'thamdinh.duyet@kgst.test',
    'thamdinh.bosung@kgst.test',
    'thamdinh.csp@kgst.test',
  ],
  coordinators: [
    'coordinator@kgst.test',
    // test/e2e: admin-sign-in, csp-and-csrf
    'dieuphoi.e2e@kgst.test',
    'dieuphoi.csp@kgst.test',
  ],
};
