import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/ports.ts';
import { type LocalSystem, startLocalSystem } from '../../infra/local/system.ts';
import { RAISED_RATE_LIMITS } from '../support/own-system.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    local: { urls: LocalSystem['urls']; env: Record<string, string> };
  }
}

let system: LocalSystem | undefined;
let dataDir: string | undefined;

/** Starts the whole local system once, on free loopback ports, with a throw-away data directory. */
export async function setup(project: TestProject) {
  dataDir = await mkdtemp(path.join(tmpdir(), 'hcsn-it-'));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  system = await startLocalSystem({
    dataDir,
    persistDynamo: false,
    ports: { api: 0, dynamo: await freePort(), s3: await freePort(), ses: await freePort(), sfn: 0 },
    reviewerEmails: 'reviewer.a@kgst.test,reviewer.b@kgst.test',
    coordinatorEmails: 'coordinator@kgst.test',
    scheduler: false,
    // Raised explicitly: the shared system serves every integration file from 127.0.0.1, which creates
    // hundreds of drafts, looks up /status and signs the same coordinator in many times. The limits
    // themselves are proven on a system of their own, with the production defaults (abuse-limits.test.ts).
    rateLimits: RAISED_RATE_LIMITS,
  });
  project.provide('local', { urls: system.urls, env: system.env });
}

export async function teardown() {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
