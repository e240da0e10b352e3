import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/ports.ts';
import { type LocalSystem, startLocalSystem } from '../../infra/local/system.ts';

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
  });
  project.provide('local', { urls: system.urls, env: system.env });
}

export async function teardown() {
  await system?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
