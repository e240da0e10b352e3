import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/local/ports.ts';
import { type LocalSystem, startLocalSystem } from '../../infra/local/system.ts';
import { RAISED_RATE_LIMITS } from '../support/own-system.ts';
import { SHARED_STAFF } from '../support/shared-system.ts';

interface Shared {
  readonly started: Promise<{ system: LocalSystem; dataDir: string }>;
  users: number;
}

/**
 * Every project that lists this file (integration, e2e, integration-clock) runs it in the same vitest
 * process, each with its own module instance: the one system lives on the process, counted by its users,
 * and stops when the last project is done.
 */
const SHARED = Symbol.for('hcsn.test.shared-local-system');
const registry = globalThis as { [SHARED]?: Shared };

/** Starts the whole local system once per run, on free loopback ports, with a throw-away data directory. */
async function start(): Promise<{ system: LocalSystem; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hcsn-it-'));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const system = await startLocalSystem({
    dataDir,
    persistDynamo: false,
    ports: { api: 0, dynamo: await freePort(), s3: await freePort(), ses: await freePort(), sfn: 0 },
    reviewerEmails: SHARED_STAFF.reviewers.join(','),
    coordinatorEmails: SHARED_STAFF.coordinators.join(','),
    scheduler: false,
    // Raised explicitly: the shared system serves every integration file from 127.0.0.1, which creates
    // hundreds of drafts, looks up /status and signs the same coordinator in many times. The limits
    // themselves are proven on a system of their own, with the production defaults (abuse-limits.test.ts).
    rateLimits: RAISED_RATE_LIMITS,
  });
  return { system, dataDir };
}

export async function setup(project: TestProject) {
  registry[SHARED] ??= { started: start(), users: 0 };
  const shared = registry[SHARED];
  shared.users++;
  const { system } = await shared.started;
  project.provide('local', { urls: system.urls, env: system.env });
  return async () => {
    if (--shared.users > 0) return;
    delete registry[SHARED];
    const { system, dataDir } = await shared.started;
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
