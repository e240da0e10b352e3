import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { makeClock } from '../../shared/clock.ts';
import { type RateLimits, serializeRateLimits, withRateLimits } from '../../shared/domain/rate-limits.ts';
import { Env, LOCAL_FALLBACK_ENDPOINT, LocalEndpointEnv } from '../../shared/env.ts';
import { endpointsOf, environmentOf } from '../function-env.ts';
import type { FunctionName } from '../functions.ts';
import { SDK_CALL_LOG_ENV } from '../permissions/calls.ts';
import { startApiServer } from './api-server.ts';
import {
  dataPaths,
  ensureTable,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  startDynamo,
  startEmulatorHost,
} from './emulators.ts';
import { Faults, startSesFaultProxy } from './faults.ts';
import { createLambdaRuntime, type Invoke, type LambdaRuntime } from './lambda-runner.ts';
import { startLambdaHttpServer } from './lambda-server.ts';
import { createLocalPages, type LocalPages } from './local-pages.tsx';
import { METER_LOG_ENV } from './meter.ts';
import { LocalScheduler } from './scheduler.ts';
import { synthesizeLocalWorkflow } from './synth.ts';
import { createLocalSfn } from './workflow/local-sfn.ts';
import { startSfnHttpServer } from './workflow/sfn-http-server.ts';

export const LOCAL_TABLE = 'hcsn-local';
export const LOCAL_BUCKET = 'hcsn-documents';
export const LOCAL_STATE_MACHINE_ARN =
  'arn:aws:states:ap-southeast-1:000000000000:stateMachine:ApprovalWorkflow';

export interface LocalSystemOptions {
  /** Where emulators keep their data; undefined keeps DynamoDB in memory (tests). */
  readonly dataDir: string;
  readonly persistDynamo: boolean;
  /** Fixed ports (npm start) or 0 for free ports (tests). */
  readonly ports: { api: number; dynamo: number; s3: number; ses: number; sfn: number };
  readonly host?: string;
  /** CDK context overrides for the synthesized workflow (e.g. short review timeouts in tests). */
  readonly workflowContext?: Record<string, unknown>;
  /** Staff seeded into an empty table (comma-separated): the demo round's reviewer pool and its coordinators. */
  readonly reviewerEmails?: string;
  readonly coordinatorEmails?: string;
  /** The deployment's first coordinator (`-c adminEmail=` in AWS), made a coordinator at first sign-in. */
  readonly adminEmail?: string;
  /**
   * Rate limits replacing the production defaults (`DEFAULT_RATE_LIMITS`) policy by policy. Tests and benches
   * that need more raise them here explicitly (and say why); unset = the defaults.
   */
  readonly rateLimits?: Partial<RateLimits>;
  /**
   * The directory's map tiles (issue 16): a tile URL template and its attribution. Unset = no map, as
   * offline; `npm start` takes them from DIRECTORY_TILE_URL and DIRECTORY_TILE_ATTRIBUTION.
   */
  readonly directoryTiles?: { readonly url: string; readonly attribution?: string };
  /** Run the local scheduler's timer (npm start); tests call jobs directly. */
  readonly scheduler?: boolean;
  /**
   * Instances (threads) each function may scale to under concurrent invocations, as Lambda starts one per
   * concurrent request (see `createLambdaRuntime`); 1 unless a bench measuring concurrency asks for more.
   */
  readonly lambdaInstances?: number;
  readonly log?: (line: string) => void;
}

export interface LocalSystem {
  readonly urls: {
    site: string;
    mailbox: string;
    admin: string;
    jobs: string;
    dynamo: string;
    s3: string;
    sfn: string;
  };
  readonly env: Record<string, string>;
  /** Local fault injection (Step Functions and SES calls of the functions); also `POST /_local/faults`. */
  readonly faults: Faults;
  /** Starts `count` instances of a function (at most `lambdaInstances`) and waits until they are loaded. */
  warm(fn: FunctionName, count: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the whole platform on this machine: DynamoDB Local, s3rver, aws-ses-v2-local, the local
 * Step Functions service running the synthesized ASL, and the API server in front of the same handlers.
 */
export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const paths = dataPaths(options.dataDir);
  mkdirSync(options.dataDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const started = Date.now();
    const [dynamo, { s3, ses }] = await Promise.all([
      startDynamo(options.ports.dynamo, options.persistDynamo ? paths.dynamo : undefined),
      startEmulatorHost({
        s3Port: options.ports.s3,
        sesPort: options.ports.ses,
        s3Dir: paths.s3,
        bucket: LOCAL_BUCKET,
      }),
    ]);
    stops.push(dynamo!.stop, s3!.stop, ses!.stop);
    log(`emulators ready in ${Date.now() - started} ms`);
    await ensureTable(dynamo!.url, LOCAL_TABLE);
    // The functions reach SES and Step Functions through the fault switch; the mailbox viewer does not.
    const faults = new Faults();
    const sesProxy = await startSesFaultProxy({ target: ses!.url, faults, host });
    stops.push(sesProxy.close);

    // The API server must know its port before handlers read PUBLIC_BASE_URL at import.
    let localPages: LocalPages | undefined;
    // The Lambda service: made once every function's environment is known (below).
    let lambda: LambdaRuntime | undefined;
    const invoke: Invoke = (fn, event) => {
      if (!lambda) throw new Error(`The local system is still starting (${fn})`);
      return lambda.invoke(fn, event);
    };
    const api = await startApiServer({
      host,
      port: options.ports.api,
      invoke,
      local: async (req, res, body) => (localPages ? localPages(req, res, body) : false),
    });
    stops.push(() => closeServer(api.server));
    // Stopped after the servers that invoke functions (stops run last-in, first-out).
    stops.push(async () => lambda?.close());

    const env: Record<string, string> = {
      [Env.stage]: 'local',
      [Env.tableName]: LOCAL_TABLE,
      [Env.bucketName]: LOCAL_BUCKET,
      [Env.stateMachineArn]: LOCAL_STATE_MACHINE_ARN,
      [Env.publicBaseUrl]: api.url,
      [Env.s3ForcePathStyle]: 'true',
      [Env.mailFrom]: 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>',
      [Env.sesConfigurationSet]: 'hcsn-local-mail',
      [Env.sendRatePerSecond]: '0',
      [Env.rateLimits]: serializeRateLimits(withRateLimits(options.rateLimits)),
      // Locally the first coordinator is seeded; AWS makes `-c adminEmail=` one at first sign-in.
      [Env.adminEmail]: options.adminEmail ?? firstOf(options.coordinatorEmails ?? DEFAULT_COORDINATOR),
      [Env.clockOffsetFile]: paths.clock,
      [Env.signingKeyFile]: ensureSigningKey(paths.keys),
      ...(options.directoryTiles
        ? {
            [Env.directoryTileUrl]: options.directoryTiles.url,
            [Env.directoryTileAttribution]: options.directoryTiles.attribution ?? '',
          }
        : {}),
      [LocalEndpointEnv.dynamodb]: dynamo!.url,
      [LocalEndpointEnv.s3]: s3!.url,
      [LocalEndpointEnv.sesv2]: sesProxy.url,
      [LocalEndpointEnv.sfn]: '',
      // Port 9 (discard) on loopback: nothing listens; a client a function did not declare fails there.
      [LOCAL_FALLBACK_ENDPOINT]: 'http://127.0.0.1:9',
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    };

    const workflow = synthesizeLocalWorkflow(options.workflowContext);
    const sfn = createLocalSfn({
      definition: workflow.definition,
      taskFunctions: workflow.taskFunctions,
      stateMachineArn: LOCAL_STATE_MACHINE_ARN,
      invoke: (fn, payload) => invoke(fn as FunctionName, payload),
      dataDir: paths.sfn,
      // The functions' clock: a task timeout is due when their clock says so, offset included.
      now: makeClock({ clockOffsetFile: paths.clock }),
    });
    // Whoever moves the clock (the jobs page, a test's scheduler) writes this file: the workflow's timers
    // look at the clock again within a tick, so a timeout the move passed fires at once.
    const onClockFile = () => sfn.clockMoved();
    watchFile(paths.clock, { interval: CLOCK_WATCH_MS, persistent: false }, onClockFile);
    stops.push(async () => unwatchFile(paths.clock, onClockFile));
    const sfnServer = await startSfnHttpServer({ sfn, host, port: options.ports.sfn, faults });
    stops.push(async () => {
      await sfnServer.close();
      await sfn.close();
    });
    env[LocalEndpointEnv.sfn] = sfnServer.url;
    // Lambda's Invoke API: the dashboard hands long bulk emails to the jobs function, which continues its own.
    const lambdaServer = await startLambdaHttpServer({
      host,
      port: 0,
      invoke,
      onBackgroundError: (fn, err) => log(`${fn} (asynchronous invocation) failed: ${String(err)}`),
    });
    stops.push(() => lambdaServer.close());
    env[LocalEndpointEnv.lambda] = lambdaServer.url;
    env[Env.jobsFunctionName] = 'jobs';
    // Each function gets only what its catalog `needs` declare (as the stack sets them), plus the local
    // runtime's own: region, credentials, the loopback fallback endpoint, log settings.
    const shared = [
      'AWS_REGION',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      LOCAL_FALLBACK_ENDPOINT,
      'POWERTOOLS_METRICS_DISABLED',
      'POWERTOOLS_LOG_LEVEL',
    ];
    const recording = process.env[SDK_CALL_LOG_ENV];
    const metering = process.env[METER_LOG_ENV];
    lambda = createLambdaRuntime(
      (name) => ({
        ...Object.fromEntries(
          [...shared, ...environmentOf(name, 'local'), ...endpointsOf(name)]
            .filter((k) => env[k] !== undefined)
            .map((k) => [k, env[k]!]),
        ),
        POWERTOOLS_SERVICE_NAME: name,
        ...(recording ? { [SDK_CALL_LOG_ENV]: recording } : {}),
        ...(metering ? { [METER_LOG_ENV]: metering } : {}),
      }),
      { maxInstances: options.lambdaInstances },
    );
    // The local runtime's own modules (seed, scheduler) read the same names in this process.
    Object.assign(process.env, env);

    const store = new Store(
      DynamoDBDocumentClient.from(
        new DynamoDBClient({ endpoint: dynamo!.url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
      ),
      LOCAL_TABLE,
    );
    // Imported after the environment is set: the use-cases' logger reads its level once, at import.
    const { localSeed, seedLocalData } = await import('./seed.ts');
    await seedLocalData(
      store,
      localSeed(
        options.coordinatorEmails ?? DEFAULT_COORDINATOR,
        options.reviewerEmails ?? 'thamdinh@kgst.hanoi.local',
      ),
      new Date(),
    );
    const rounds = new Rounds(store);

    const scheduler = new LocalScheduler({
      rounds,
      invoke,
      clockFile: paths.clock,
      stateFile: path.join(options.dataDir, 'scheduler.json'),
      log,
      reconcile: true,
    });
    if (options.scheduler) {
      scheduler.start();
      stops.push(async () => scheduler.stop());
    }
    localPages = createLocalPages({ scheduler, mailboxUrl: ses!.url, sfn, faults });

    await sfn.resume();
    return {
      urls: {
        site: api.url,
        mailbox: ses!.url,
        admin: `${api.url}/admin`,
        jobs: `${api.url}/_local/jobs`,
        dynamo: dynamo!.url,
        s3: s3!.url,
        sfn: sfnServer.url,
      },
      env,
      faults,
      warm: (fn, count) => lambda!.warm(fn, count),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

const DEFAULT_COORDINATOR = 'dieuphoi@kgst.hanoi.local';
/** How often the clock offset file is looked at (a stat): a moved clock reaches the workflow's timers this fast. */
const CLOCK_WATCH_MS = 50;
const firstOf = (list: string) => list.split(',')[0]!.trim();

/** The issuer's Ed25519 key for local runs: made on first start, kept with the data so credentials stay verifiable. */
function ensureSigningKey(dir: string): string {
  const file = path.join(dir, 'signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return file;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}
