import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../infra/local/ports.ts';
import { type LocalSystemOptions, startLocalSystem } from '../infra/local/system.ts';

/**
 * Raised explicitly for benches that create many dossiers from one client IP and mail many addresses in a few
 * minutes, which the production limits (20 drafts per IP per hour, 3 emails per address) refuse by design.
 */
export const BENCH_RATE_LIMITS = {
  draftsPerIp: { limit: 100_000, windowSeconds: 60 },
  mailPerAddress: { limit: 100_000, windowSeconds: 60 },
};

/**
 * A local system of the bench's own: a fresh data directory, fresh emulator ports, DynamoDB in memory, no
 * scheduler unless asked, and only errors logged.
 */
export async function startBenchSystem(
  name: string,
  options: Partial<Omit<LocalSystemOptions, 'dataDir'>> = {},
) {
  const dataDir = await mkdtemp(path.join(tmpdir(), `hcsn-bench-${name}-`));
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const system = await startLocalSystem({
    persistDynamo: false,
    ports: { api: 0, dynamo: await freePort(), s3: await freePort(), ses: await freePort(), sfn: 0 },
    scheduler: false,
    ...options,
    dataDir,
  });
  return { system, dataDir };
}
