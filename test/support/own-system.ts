import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { freePort } from '../../infra/local/ports.ts';
import {
  LOCAL_TABLE,
  type LocalSystem,
  type LocalSystemOptions,
  startLocalSystem,
} from '../../infra/local/system.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';

const many = { limit: 100_000, windowSeconds: 60 };
/**
 * Rate limits raised out of the way, for a system whose tests are not about them: the suite creates many
 * drafts, polls /status and signs the same people in, all from 127.0.0.1. The limits themselves are proven
 * with the production defaults (abuse-limits.test.ts).
 */
export const RAISED_RATE_LIMITS = {
  mailPerAddress: many,
  draftsPerIp: many,
  statusPerIp: many,
  resumePerIp: many,
  resumePerDossier: many,
};

/**
 * A whole local system of a test file's own (its own data directory and free ports), for the few files the
 * shared one cannot serve: each says why where it calls this (a restart, production rate limits, the
 * reconciler's run over the whole table, rounds opened on the public site).
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

/** The stored dossier item, read with the real DynamoDB client from a system's emulator. */
export async function readDossier(
  system: Pick<LocalSystem, 'urls'>,
  id: string,
  // biome-ignore lint/suspicious/noExplicitAny: tests read the fields they assert on.
): Promise<Record<string, any> | undefined> {
  const ddb = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: system.urls.dynamo,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );
  try {
    // The item stores no `history` (its entries are the dossier's audit items): read it through the adapter.
    const [out, dossier] = await Promise.all([
      ddb.send(new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' } })),
      new Dossiers(new Store(ddb, LOCAL_TABLE)).get(id),
    ]);
    return out.Item && { ...out.Item, ...dossier };
  } finally {
    ddb.destroy();
  }
}
