import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators.ts';
import { LOCAL_BUCKET, LOCAL_STATE_MACHINE_ARN, LOCAL_TABLE } from '../infra/local/system.ts';
import { MAX_SOCKETS } from '../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../shared/adapters/dynamodb/dossiers.ts';
import { statusShardOf } from '../shared/adapters/dynamodb/keys.ts';
import { Rounds } from '../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../shared/adapters/dynamodb/store.ts';
import { DOSSIER_STATUSES } from '../shared/domain/dossier.ts';
import { demoRound, type Round, STANDARD_CHECKLIST } from '../shared/domain/round.ts';
import { LocalEndpointEnv } from '../shared/env.ts';
import { FILES } from '../test/fixtures/files.ts';
import { applicantApi, figure, pct, pool, recordFigures, sampleForm } from './lib.ts';
import { BENCH_RATE_LIMITS, startBenchSystem } from './system.ts';

/** RUSH_DOSSIERS=<n>: a shorter rush (e.g. under HCSN_CPU_PROF, see infra/local/lambda-runner.ts). */
const DOSSIERS = Number(process.env.RUSH_DOSSIERS ?? 500);
/** Dossiers submitted first, untimed, so every function the rush uses is loaded. */
const WARM_UP = 3;
const CONCURRENCY = 50;
/**
 * Instances each function may scale to: Lambda gives each concurrent request an instance of its own, so a
 * request never waits for another's CPU; here an instance is a thread that loads its modules again (tens of
 * MB, a second of CPU), and two cores run no more than two at once anyway.
 */
const INSTANCES = 2;
/** Issue 15: each API's p95 within this much of the same SDK calls issued directly. */
const P95_GOAL = 1.5;
const PDF = FILES.pdf;

/** A round whose checklist asks for three documents, so each dossier carries exactly three. */
function rushRound(): Round {
  const base = demoRound(new Date());
  const [legal, photos, portfolio] = STANDARD_CHECKLIST;
  return {
    ...base,
    id: `rush-${Date.now()}`,
    codePrefix: 'RUSH',
    checklist: [legal!, { ...photos!, minFiles: 1, title: { vi: 'Ảnh', en: 'Photo' } }, portfolio!],
  };
}

const form = (i: number) => sampleForm(i, 'rush');

/**
 * How far the round's status counts (one item, moved by each submit alongside its other calls after the
 * commit) are from exact counts of the status index, once the workflows have moved the dossiers on: 0.
 */
async function countDrift(dossiers: Dossiers, roundId: string): Promise<number> {
  let drift = Number.POSITIVE_INFINITY;
  for (const until = Date.now() + 60_000; drift > 0 && Date.now() < until; ) {
    const [kept, exact] = await Promise.all([
      dossiers.countsByStatus(roundId),
      Promise.all(DOSSIER_STATUSES.map((s) => dossiers.countByStatus(roundId, s))),
    ]);
    drift = DOSSIER_STATUSES.reduce((sum, s, i) => sum + Math.abs(kept[s] - exact[i]!), 0);
    if (drift > 0) await new Promise((r) => setTimeout(r, 500));
  }
  return drift;
}

/**
 * The deadline rush of issue 3 on the local stack: 500 dossiers × 3 documents, created, uploaded and
 * submitted with concurrency 50, next to the same DynamoDB/S3 calls issued directly (the floor).
 */
export async function runRushBench() {
  const { system, dataDir } = await startBenchSystem('rush', {
    rateLimits: BENCH_RATE_LIMITS,
    lambdaInstances: INSTANCES,
  });
  try {
    // Same socket pool as the handlers' clients, so the floor is not throttled where the app is not.
    const base = {
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      requestHandler: { httpAgent: { maxSockets: MAX_SOCKETS } },
    };
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: system.urls.dynamo }));
    const s3 = new S3Client({
      ...base,
      endpoint: system.urls.s3,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const lambda = new LambdaClient({ ...base, endpoint: system.env[LocalEndpointEnv.lambda] });
    const sfn = new SFNClient({ ...base, endpoint: system.env[LocalEndpointEnv.sfn] });
    const rounds = new Rounds(new Store(ddb, LOCAL_TABLE));
    const round = rushRound();
    await rounds.create(round);
    await rounds.setCurrent(round.id);
    const _site = system.urls.site;

    const { call, draftWithDocuments } = applicantApi(system.urls.site);

    // Warm-up (untimed): each local function cold-starts in its own thread on its first invocation (as
    // after a deploy). A few dossiers go through submit and the workflow's first steps before the rush.
    // The API's instances are started before the rush, as provisioned concurrency would have them.
    await system.warm('intake', INSTANCES);
    const warm = await pool(WARM_UP, WARM_UP, async (i) => {
      const { id, editToken } = await draftWithDocuments(form(DOSSIERS + i));
      await call(`/api/applications/${id}/submit`, {}, editToken);
      return id;
    });
    for (const id of warm) {
      const until = Date.now() + 60_000;
      for (;;) {
        const out = await ddb.send(
          new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' } }),
        );
        if (out.Item?.status === 'in_review' || Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    // The floors: the SDK calls each API makes, issued directly, dossier by dossier (create, three upload
    // requests at once, submit).
    const get = (pk: string, sk: string) =>
      ddb.send(new GetCommand({ TableName: LOCAL_TABLE, Key: { pk, sk }, ConsistentRead: true }));
    const hit = (key: string) =>
      ddb.send(
        new UpdateCommand({
          TableName: LOCAL_TABLE,
          Key: { pk: `RATE#floor#${key}`, sk: 'RATE' },
          UpdateExpression: 'ADD #n :one SET #e = if_not_exists(#e, :e)',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
          ExpressionAttributeNames: { '#n': 'count', '#e': 'expiresAt' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':max': 1_000_000,
            ':e': Math.floor(Date.now() / 1000) + 60,
          },
        }),
      );
    /** create: current round (pointer, round), two rate counters, the guard, the dossier with its guard, the hand-over. */
    const createFloor = async (i: number) => {
      const t = performance.now();
      await get('CONFIG', 'CURRENT_ROUND');
      await get(`ROUND#${round.id}`, 'ROUND');
      await hit(`ip#${i % 10}`);
      await hit(`mail#${i}`);
      await get(`GUARD#floor#${i}`, 'GUARD');
      await ddb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: LOCAL_TABLE,
                Item: { pk: `FLOOR#${i}`, sk: 'X', version: 1, form: form(i), documents: {} },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: LOCAL_TABLE,
                Item: { pk: `GUARD#floor#${i}`, sk: 'GUARD', dossierId: `floor-${i}` },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      // The resume email's hand-over: an asynchronous invocation of the jobs function (no such draft here).
      await lambda.send(
        new InvokeCommand({
          FunctionName: 'jobs',
          InvocationType: 'Event',
          Payload: Buffer.from(JSON.stringify({ resumeLinkFor: `floor-${i}` })),
        }),
      );
      return performance.now() - t;
    };
    /** upload request: the dossier, its round, the presigned POST (signed locally), the document recorded. */
    const uploadRequestFloor = async (i: number, n: number) => {
      const t = performance.now();
      await get(`FLOOR#${i}`, 'X');
      await get(`ROUND#${round.id}`, 'ROUND');
      await createPresignedPost(s3, {
        Bucket: LOCAL_BUCKET,
        Key: `uploads/floor/${i}/${n}`,
        Conditions: [
          ['content-length-range', 1, 10 * 1048576],
          ['eq', '$Content-Type', 'application/pdf'],
        ],
        Fields: { 'Content-Type': 'application/pdf' },
        Expires: 900,
      });
      await ddb.send(
        new UpdateCommand({
          TableName: LOCAL_TABLE,
          Key: { pk: `FLOOR#${i}`, sk: 'X' },
          UpdateExpression: 'SET documents.#f = :d ADD version :one',
          ExpressionAttributeNames: { '#f': `f${n}` },
          ExpressionAttributeValues: { ':d': { slot: n, name: 'x.pdf' }, ':one': 1 },
        }),
      );
      return performance.now() - t;
    };
    /** submit: what the submit of issue 3 reads, checks, copies and writes. */
    async function submitFloor(i: number) {
      const key = `bench-floor/${i}`;
      await Promise.all(
        [0, 1, 2].map((n) =>
          s3.send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: `${key}/${n}`, Body: PDF })),
        ),
      );
      await ddb.send(
        new PutCommand({ TableName: LOCAL_TABLE, Item: { pk: `FLOOR#${i}`, sk: 'X', version: 1 } }),
      );
      const t = performance.now();
      await ddb.send(
        new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `FLOOR#${i}`, sk: 'X' }, ConsistentRead: true }),
      );
      await ddb.send(
        new GetCommand({
          TableName: LOCAL_TABLE,
          Key: { pk: `ROUND#${round.id}`, sk: 'ROUND' },
          ConsistentRead: true,
        }),
      );
      await Promise.all(
        [0, 1, 2].map(async (n) => {
          await Promise.all([
            s3.send(new HeadObjectCommand({ Bucket: LOCAL_BUCKET, Key: `${key}/${n}` })),
            s3
              .send(new GetObjectCommand({ Bucket: LOCAL_BUCKET, Key: `${key}/${n}`, Range: 'bytes=0-15' }))
              .then((o) => o.Body!.transformToByteArray()),
          ]);
        }),
      );
      await Promise.all(
        [0, 1, 2].map((n) =>
          s3.send(
            new CopyObjectCommand({
              Bucket: LOCAL_BUCKET,
              Key: `${key}/c${n}`,
              CopySource: `${LOCAL_BUCKET}/${key}/${n}`,
            }),
          ),
        ),
      );
      const since = new Date().toISOString();
      await ddb.send(
        new UpdateCommand({
          TableName: LOCAL_TABLE,
          Key: { pk: 'COUNTER#FLOOR', sk: 'COUNTER' },
          UpdateExpression: 'ADD #v :one',
          ExpressionAttributeNames: { '#v': 'value' },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
      await ddb.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: LOCAL_TABLE,
                Item: { pk: `FLOOR#${i}`, sk: 'X', version: 2 },
                ConditionExpression: 'version = :v',
                ExpressionAttributeValues: { ':v': 1 },
              },
            },
            {
              Put: {
                TableName: LOCAL_TABLE,
                Item: { pk: `FLOORGUARD#${i}`, sk: 'GUARD' },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            // The status entry a dossier entering a status writes (its gsi1 copy lists it by status).
            {
              Put: {
                TableName: LOCAL_TABLE,
                Item: {
                  pk: `FLOOR#${i}`,
                  sk: 'STATUS',
                  roundId: `floor-${round.id}`,
                  status: 'submitted',
                  since,
                  gsi1pk: `ROUND#floor-${round.id}#STATUS#submitted#${statusShardOf(`floor-${i}`)}`,
                  gsi1sk: `${since}#floor-${i}`,
                },
              },
            },
          ],
        }),
      );
      const calls = performance.now() - t;
      // What the product must also make after its commit: the dossier's code written (its receipt names it),
      // then the workflow's start (the receipt's hand-over, as create's floor hands over the resume email),
      // alongside the round's status count. These are the floor the goal holds submit to: the same calls the
      // product makes. The floor without them is printed beside it, for continuity.
      await Promise.all([
        (async () => {
          await ddb.send(
            new UpdateCommand({
              TableName: LOCAL_TABLE,
              Key: { pk: `FLOOR#${i}`, sk: 'X' },
              UpdateExpression: 'SET #code = :code, gsi2pk = :pk, gsi2sk = :sk',
              ExpressionAttributeNames: { '#code': 'code' },
              ExpressionAttributeValues: {
                ':code': `FLOOR-${i}`,
                ':pk': `CODE#FLOOR-${i}`,
                ':sk': 'DOSSIER',
              },
            }),
          );
          await sfn.send(
            new StartExecutionCommand({
              stateMachineArn: LOCAL_STATE_MACHINE_ARN,
              name: `floor-${round.id}-${i}`,
              input: JSON.stringify({ dossierId: `floor-${i}`, roundId: `floor-${round.id}` }),
            }),
          );
        })(),
        ddb.send(
          new UpdateCommand({
            TableName: LOCAL_TABLE,
            Key: { pk: `ROUND#floor-${round.id}`, sk: 'COUNTS' },
            UpdateExpression: 'ADD #to :one, #from :minus',
            ExpressionAttributeNames: { '#to': 'submitted', '#from': 'draft' },
            ExpressionAttributeValues: { ':one': 1, ':minus': -1 },
          }),
        ),
      ]);
      return { calls, withHandOver: performance.now() - t };
    }

    /** One applicant through the API: create, three upload requests (and uploads), submit. */
    const applicant = async (i: number) => {
      try {
        const { id, editToken, createMs, uploads: up } = await draftWithDocuments(form(i));
        const submitted = await call(`/api/applications/${id}/submit`, {}, editToken);
        if (submitted.status !== 200)
          return { error: `submit ${submitted.status} ${submitted.json.message}` };
        return {
          create: createMs,
          uploadRequests: up.map((u) => u[0]!),
          s3: up.map((u) => u[1]!),
          submit: submitted.ms,
          code: submitted.json.code!,
        };
      } catch (err) {
        return { error: (err as Error).message };
      }
    };
    /** The same applicant's SDK calls issued directly. */
    const direct = async (i: number) => {
      const create = await createFloor(i);
      const uploadRequests = await Promise.all([0, 1, 2].map((n) => uploadRequestFloor(i, n)));
      const submit = await submitFloor(i);
      return { create, uploadRequests, submit };
    };

    // Side by side: each of the 50 runs one applicant through the API and the same applicant's calls
    // directly (in turn first), so at any moment about half are each, and whatever else the machine and the
    // local system are doing (the workflows the submits start, S3 uploads, other processes) falls on the
    // API and its floor alike. Run one after the other, the floor went second on a machine the rush had left.
    const started = performance.now();
    const both = await pool(DOSSIERS, CONCURRENCY, async (i) => {
      if (i % 2) {
        const floor = await direct(i);
        return { app: await applicant(i), floor };
      }
      const app = await applicant(i);
      return { app, floor: await direct(i) };
    });
    const seconds = (performance.now() - started) / 1000;
    const results = both.map((b) => b.app);
    const floors = both.map((b) => b.floor);
    const ok = results.filter((r): r is Exclude<typeof r, { error: string }> => !('error' in r));
    const errors = results.filter((r) => 'error' in r);
    const codes = new Set(ok.map((r) => r.code));
    // Submit's floor: every SDK call the product makes, through the workflow's start (see `direct`).
    const floorTimes = floors.map((f) => f.submit.withHandOver);
    const beforeStart = floors.map((f) => f.submit.calls);

    const submit = ok.map((r) => r.submit);
    const create = ok.map((r) => r.create);
    const uploadRequests = ok.flatMap((r) => r.uploadRequests);
    const all = ok.flatMap((r) => [r.create, r.submit, ...r.uploadRequests]);
    const row = (name: string, xs: number[]) =>
      console.log(
        name.padEnd(26),
        ...[50, 95, 99].map((p) => pct(xs, p).toFixed(0).padStart(7)),
        Math.max(...xs)
          .toFixed(0)
          .padStart(7),
      );
    console.log(
      `\nDeadline rush: ${DOSSIERS} dossiers × 3 documents, concurrency ${CONCURRENCY}, local stack`,
    );
    console.log(
      `${ok.length} through the API and ${floors.length} directly in ${seconds.toFixed(1)} s, errors ${errors.length}, duplicates ${ok.length - codes.size}`,
    );
    console.log('ms'.padEnd(26), 'p50'.padStart(7), 'p95'.padStart(7), 'p99'.padStart(7), 'max'.padStart(7));
    row('create (POST)', create);
    row(
      'upload request (POST)',
      ok.flatMap((r) => r.uploadRequests),
    );
    row(
      'S3 presigned POST',
      ok.flatMap((r) => r.s3),
    );
    row('submit (POST)', submit);
    const apis = {
      create: { app: create, floor: floors.map((f) => f.create) },
      'upload request': { app: uploadRequests, floor: floors.flatMap((f) => f.uploadRequests) },
      submit: { app: submit, floor: floorTimes },
    };
    for (const [name, { floor }] of Object.entries(apis)) row(`floor: ${name}'s SDK calls`, floor);
    row('floor: submit up to its commit', beforeStart);
    const over1s = all.filter((x) => x > 1000).length;
    console.log(
      `\nAPI / its direct-calls floor (goal p95 ≤ ${P95_GOAL}×)`.padEnd(27),
      'p95 ×'.padStart(7),
      'p99 ×'.padStart(7),
    );
    const ratios = Object.entries(apis).map(([name, { app, floor }]) => {
      const r = { name, p95: pct(app, 95) / pct(floor, 95), p99: pct(app, 99) / pct(floor, 99) };
      console.log(name.padEnd(26), r.p95.toFixed(2).padStart(7), r.p99.toFixed(2).padStart(7));
      return r;
    });
    const ratio = ratios.find((r) => r.name === 'submit')!.p95;
    const toCommit = {
      p95: pct(submit, 95) / pct(beforeStart, 95),
      p99: pct(submit, 99) / pct(beforeStart, 99),
    };
    console.log(
      'submit / up to its commit'.padEnd(26),
      toCommit.p95.toFixed(2).padStart(7),
      toCommit.p99.toFixed(2).padStart(7),
    );
    console.log(`API requests over 1 s: ${over1s}`);
    const drift = await countDrift(new Dossiers(new Store(ddb, LOCAL_TABLE)), round.id);
    console.log(`Round's status counts off the status index by: ${drift}`);
    if (errors.length) console.log('first errors:', errors.slice(0, 3));
    recordFigures('rush', {
      errors: figure(errors.length, 'requests', { max: 0 }),
      duplicates: figure(ok.length - codes.size, 'codes', { max: 0 }),
      ...Object.fromEntries(
        ratios.flatMap((r) => [
          [`${r.name} p95 / its direct-calls floor p95`, figure(r.p95, '×', { max: P95_GOAL })],
          [`${r.name} p99 / its direct-calls floor p99`, figure(r.p99, '×')],
        ]),
      ),
      ...Object.fromEntries(
        Object.entries(apis).flatMap(([name, { app, floor }]) => [
          [`${name} p50`, figure(pct(app, 50), 'ms')],
          [`${name} p95`, figure(pct(app, 95), 'ms')],
          [`${name} p99`, figure(pct(app, 99), 'ms')],
          [`${name} floor p95`, figure(pct(floor, 95), 'ms')],
          [`${name} floor p99`, figure(pct(floor, 99), 'ms')],
        ]),
      ),
      'submit p95 / its floor up to its commit p95': figure(toCommit.p95, '×'),
      'submit p99 / its floor up to its commit p99': figure(toCommit.p99, '×'),
      'requests over 1 s': figure(over1s, 'requests', { max: 0 }),
      'status count drift': figure(drift, 'dossiers', { max: 0 }),
    });
    return {
      ok: ok.length,
      errors: errors.length,
      duplicates: ok.length - codes.size,
      ratio,
      over1s,
      seconds,
    };
  } finally {
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runRushBench();
