import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../infra/local/ports.ts';
import { type LocalSystem, type LocalSystemOptions, startLocalSystem } from '../../infra/local/system.ts';

/**
 * A whole local system of a test file's own (its own data directory and free ports), for tests that
 * need settings the shared one cannot have (short timeouts, a restart, a browser).
 */
export async function startOwnSystem(
  name: string,
  options: Partial<Omit<LocalSystemOptions, 'dataDir'>> & { dataDir?: string } = {},
): Promise<{ system: LocalSystem; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), `hcsn-${name}-`)));
  const ports = options.ports ?? {
    api: 0,
    dynamo: await freePort(),
    s3: await freePort(),
    ses: await freePort(),
    sfn: 0,
  };
  const system = await startLocalSystem({
    persistDynamo: false,
    scheduler: false,
    ...options,
    dataDir,
    ports,
  });
  return {
    system,
    dataDir,
    stop: async () => {
      await system.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
