import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SendTaskSuccessCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { dataPaths, LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators.ts';
import { type Capacity, METER_LOG_ENV, type MeteredInvocation } from '../infra/local/meter.ts';
import { LOCAL_BUCKET, LOCAL_STATE_MACHINE_ARN, LOCAL_TABLE } from '../infra/local/system.ts';
import { TABLE_KEYS } from '../shared/adapters/dynamodb/keys.ts';
import { Rounds } from '../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../shared/adapters/dynamodb/store.ts';
import { demoRound, type Round, STANDARD_CHECKLIST } from '../shared/domain/round.ts';
import { FILES } from '../test/fixtures/files.ts';
import { reviewLinkIn } from '../test/support/client.ts';
import { applicantApi, type Email, figure, pool, recordFigures, sampleForm, watchMailbox } from './lib.ts';
import { BENCH_RATE_LIMITS, startBenchSystem } from './system.ts';

const DOSSIERS = Number(process.env.LIFECYCLE_DOSSIERS ?? 200);
const CONCURRENCY = 10;
/** Dossiers taken through the whole lifecycle first, in a round of their own, unmetered: every function loaded. */
const WARM_UP = 2;
const REVIEWER = 'reviewer.lifecycle@kgst.test';
const COORDINATOR = 'coordinator.lifecycle@kgst.test';
/** The local staff's Director (infra/local/seed.ts), who signs approvals off. */
const DIRECTOR = 'director@kgst.test';
/**
 * Write units per dossier lifecycle before issue 15's changes, measured by this bench's first run (200 of
 * 200 dossiers, 2026-12-03): the goal is half of it.
 */
const BASELINE_WRITE_UNITS = 170.07;

/** ap-southeast-1 prices: `bench/prices-ap-southeast-1.json` (dated, with its sources). */
interface Prices {
  readonly asOf: string;
  readonly note: string;
  readonly dynamodb: { readonly perMillionWriteUnits: number; readonly perMillionReadUnits: number };
  readonly s3: {
    readonly perThousandPutCopyPostList: number;
    readonly perThousandGetHead: number;
    readonly perGbMonth: number;
  };
  readonly stepFunctions: { readonly perThousandTransitions: number };
  readonly ses: { readonly perThousandEmails: number };
  readonly lambda: { readonly perGbSecondArm64: number; readonly perMillionRequests: number };
}
const PRICES = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'prices-ap-southeast-1.json'), 'utf8'),
) as Prices;

/** A round asking for four documents: one legal paper, two photos, one portfolio. */
function lifecycleRound(id: string, prefix: string): Round {
  const base = demoRound(new Date());
  const [legal, photos, portfolio] = STANDARD_CHECKLIST;
  return {
    ...base,
    id,
    codePrefix: prefix,
    reviewers: [REVIEWER],
    checklist: [legal!, { ...photos!, minFiles: 2 }, portfolio!],
  };
}

const sentTo = (e: Email, to: string) => e.destination.to.some((t) => t.includes(to));

/** DynamoDB capacity units, by `table` and index name. */
type Units = Record<string, number>;

interface Totals {
  invocations: Record<string, { count: number; gbSeconds: number }>;
  read: Units;
  write: Units;
  /** Units by function, operation and the kinds of item it names (`DOSSIER/AUDIT`), table and each index. */
  writeBy: Record<string, Units>;
  readBy: Record<string, Units>;
  dynamoRequests: number;
  /** Requests DynamoDB Local reported no capacity for (failed conditions): estimated at one unit each. */
  unreported: Record<string, number>;
  s3: Record<string, number>;
  emails: number;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/** Adds up the meter's log lines (one per function invocation). */
function readMeter(dir: string): Totals {
  const t: Totals = {
    invocations: {},
    read: {},
    write: {},
    writeBy: {},
    readBy: {},
    dynamoRequests: 0,
    unreported: {},
    s3: {},
    emails: 0,
  };
  const add = (u: Units, k: string, n: number) => {
    u[k] = (u[k] ?? 0) + n;
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line) continue;
      const inv = JSON.parse(line) as MeteredInvocation;
      t.invocations[inv.fn] ??= { count: 0, gbSeconds: 0 };
      const i = t.invocations[inv.fn]!;
      i.count++;
      // Lambda bills each invocation's duration rounded up to the millisecond.
      i.gbSeconds += (inv.memoryMb / 1024) * (Math.ceil(inv.ms) / 1000);
      for (const call of inv.calls) {
        if (call.service === 'DynamoDB') {
          t.dynamoRequests++;
          const kind = READS.has(call.operation) ? 'read' : 'write';
          if (!call.capacity) {
            add(t.unreported, `${inv.fn} ${call.operation} ${call.failed ?? ''}`.trim(), 1);
            continue;
          }
          const by = kind === 'read' ? t.readBy : t.writeBy;
          const where = `${inv.fn} ${call.operation} ${[...new Set(call.items ?? [])].sort().join(' ')}`;
          by[where] ??= {};
          for (const c of call.capacity as Capacity[]) {
            add(t[kind], 'table', c.Table?.CapacityUnits ?? 0);
            add(by[where], 'table', c.Table?.CapacityUnits ?? 0);
            for (const [index, u] of Object.entries(c.GlobalSecondaryIndexes ?? {})) {
              add(t[kind], index, u.CapacityUnits ?? 0);
              add(by[where], index, u.CapacityUnits ?? 0);
            }
            add(by[where], 'total', c.CapacityUnits ?? 0);
          }
        } else if (call.service === 'S3') add(t.s3, call.operation, 1);
        else if (call.service === 'SESv2' && call.operation === 'SendEmail') t.emails++;
      }
    }
  }
  return t;
}

/** State transitions of one execution: every state entered (what Standard Workflows bill). */
async function transitionsOf(sfn: SFNClient, executionArn: string): Promise<number> {
  let events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const out = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000, nextToken }));
    events = events.concat(out.events ?? []);
    nextToken = out.nextToken;
  } while (nextToken);
  return events.filter((e) => e.type?.endsWith('StateEntered')).length;
}

/**
 * Issue 15's lifecycle bench: 200 dossiers, each created, saved twice, given four documents, submitted,
 * reviewed and approved through the emailed link (the workflow issues the certificate), invited to the
 * ceremony with the round, and answering the invitation through its link, all through the same HTTP APIs
 * and emails the tests use, on the local stack with the cost meter on (`infra/local/meter.ts`). Prints
 * what one dossier consumes and what 1,000 cost in ap-southeast-1.
 */
export async function runLifecycleBench() {
  // The meter's log is set before the system starts: its functions read it when they load.
  const meterDir = await mkdtemp(path.join(tmpdir(), 'hcsn-bench-meter-'));
  process.env[METER_LOG_ENV] = meterDir;
  const { system, dataDir } = await startBenchSystem('lifecycle', {
    reviewerEmails: REVIEWER,
    coordinatorEmails: COORDINATOR,
    rateLimits: BENCH_RATE_LIMITS,
  });
  const mail = watchMailbox(system.urls.mailbox);
  const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const sfn = new SFNClient({ ...base, endpoint: system.urls.sfn });
  const lambda = new LambdaClient({ ...base, endpoint: system.env.AWS_ENDPOINT_URL_LAMBDA });
  try {
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: system.urls.dynamo }));
    const rounds = new Rounds(new Store(ddb, LOCAL_TABLE));
    const { call, uploadOne } = applicantApi(system.urls.site);
    const errors: string[] = [];

    /** Create → 2 saves → 4 uploads → submit → review page → approve → approval email with the certificate. */
    const toApproval = async (i: number) => {
      const form = sampleForm(i, 'lifecycle');
      const applicant = form.representative.email;
      const created = await call('/api/applications', form);
      if (created.status !== 201) throw new Error(`create ${created.status} ${created.json.message}`);
      const { id, editToken } = created.json as { id: string; editToken: string };
      for (const n of [1, 2]) {
        const description = `${form.space.description} Bản lưu ${n}.`;
        const saved = await call(
          `/api/applications/${id}`,
          { ...form, space: { ...form.space, description } },
          editToken,
          'PUT',
        );
        if (saved.status !== 200) throw new Error(`save ${saved.status} ${saved.json.message}`);
      }
      await uploadOne(id, editToken, 'legal', 'Giấy phép.pdf', 'application/pdf', FILES.pdf);
      await uploadOne(id, editToken, 'photos', 'Ảnh 1.png', 'image/png', FILES.png);
      await uploadOne(id, editToken, 'photos', 'Ảnh 2.png', 'image/png', FILES.png);
      await uploadOne(id, editToken, 'portfolio', 'Năng lực.pdf', 'application/pdf', FILES.pdf);
      const submitted = await call(`/api/applications/${id}/submit`, {}, editToken);
      if (submitted.status !== 200) throw new Error(`submit ${submitted.status} ${submitted.json.message}`);
      const code = submitted.json.code!;
      const review = await mail
        .waitFor((e) => sentTo(e, REVIEWER) && e.subject.startsWith(`Thẩm định hồ sơ ${code}:`), 60_000)
        .catch(() => Promise.reject(new Error(`no review email for ${code}`)));
      const link = new URL(reviewLinkIn(review.email.body.text));
      const page = await fetch(link);
      await page.arrayBuffer();
      if (page.status !== 200) throw new Error(`review page ${page.status}`);
      const decision = await fetch(link.origin + link.pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          s: link.searchParams.get('s')!,
          outcome: 'approved',
          comment: '',
          confirm: '1',
        }),
      });
      await decision.arrayBuffer();
      if (decision.status !== 200) throw new Error(`decision ${decision.status}`);
      await signOff(id);
      await mail
        .waitFor((e) => sentTo(e, applicant) && e.subject.startsWith(`Hồ sơ ${code}:`), 60_000)
        .catch(() => Promise.reject(new Error(`no approval email for ${code}`)));
      return { id, applicant };
    };

    /**
     * The Director's sign-off of the recommended approval, as the sign-off page's confirmed POST resumes the
     * workflow: SendTaskSuccess to the AwaitSignOff token kept on the dossier (test/integration/helpers.ts
     * `signOff`). Not through the daily digest page: its requests are not metered here.
     */
    const signOff = async (id: string) => {
      const until = Date.now() + 60_000;
      for (;;) {
        const { Item } = await ddb.send(
          new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' } }),
        );
        const taskToken = (Item?.signOff as { taskToken?: string } | undefined)?.taskToken;
        if (taskToken) {
          const at = new Date().toISOString();
          await sfn.send(
            new SendTaskSuccessCommand({
              taskToken,
              output: JSON.stringify({ outcome: 'approved', by: DIRECTOR, at, comment: '' }),
            }),
          );
          return;
        }
        if (Date.now() > until) {
          const arn = `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${id}`;
          const { events = [] } = await sfn.send(
            new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, maxResults: 4 }),
          );
          const last = events.map((e) => `${e.type} ${JSON.stringify(e).slice(0, 300)}`).join(' | ');
          throw new Error(`dossier ${id} never awaited sign-off: ${Item?.status}; ${last}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    /** The invitation's RSVP link opened, then answered "attending" (which sends the check-in pass). */
    const rsvp = async (applicant: string) => {
      const invitation = await mail
        .waitFor((e) => sentTo(e, applicant) && /\/rsvp\/[\w-]+\?s=/.test(e.body.text ?? ''), 60_000)
        .catch(() => Promise.reject(new Error(`no invitation for ${applicant}`)));
      const link = new URL(/https?:\/\/\S+\/rsvp\/[\w-]+\?s=[\w-]+/.exec(invitation.email.body.text!)![0]);
      const page = await fetch(link);
      await page.arrayBuffer();
      if (page.status !== 200) throw new Error(`rsvp page ${page.status}`);
      const answered = await fetch(link.origin + link.pathname, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ s: link.searchParams.get('s')!, attending: 'yes', accessibility: '' }),
      });
      await answered.arrayBuffer();
      if (answered.status !== 200) throw new Error(`rsvp ${answered.status}`);
    };

    /** One round's dossiers through the whole lifecycle; the invitations go out once, as the round's job. */
    const lifecycle = async (roundId: string, count: number, offset: number) => {
      const approved = await pool(count, CONCURRENCY, (i) =>
        toApproval(offset + i).catch((err: Error) => {
          errors.push(err.message);
          return undefined;
        }),
      );
      const invited = (await lambda.send(
        new InvokeCommand({
          FunctionName: 'jobs',
          Payload: JSON.stringify({ job: 'send-invitations', roundId }),
        }),
      )) as { Payload?: Uint8Array; FunctionError?: string };
      if (invited.FunctionError)
        throw new Error(`send-invitations: ${new TextDecoder().decode(invited.Payload)}`);
      const done = approved.filter((a) => a !== undefined);
      await pool(done.length, CONCURRENCY, (i) =>
        rsvp(done[i]!.applicant).catch((err: Error) => {
          errors.push(err.message);
        }),
      );
      return done.map((d) => d.id);
    };

    // Warm-up (unmetered): each function's first invocation starts its thread and loads its module.
    const warmRound = lifecycleRound(`lifecycle-warm-${Date.now()}`, 'LIFW');
    await rounds.create(warmRound);
    await rounds.setCurrent(warmRound.id);
    await lifecycle(warmRound.id, WARM_UP, DOSSIERS);
    await waitForExecutions(sfn, []);
    // The meter starts again from here (each thread appends to its own file, made again on its next line).
    for (const f of readdirSync(meterDir)) rmSync(path.join(meterDir, f));
    const s3Before = bucketBytes(dataDir);

    const round = lifecycleRound(`lifecycle-${Date.now()}`, 'LIFE');
    await rounds.create(round);
    await rounds.setCurrent(round.id);
    const started = performance.now();
    const ids = await lifecycle(round.id, DOSSIERS, 0);
    const seconds = (performance.now() - started) / 1000;
    const executions = await waitForExecutions(sfn, ids);
    const transitions = (await pool(executions.length, 8, (i) => transitionsOf(sfn, executions[i]!))).reduce(
      (a, b) => a + b,
      0,
    );
    const s3After = bucketBytes(dataDir);
    const meter = readMeter(meterDir);
    const n = ids.length;
    if (n === 0) throw new Error(`no dossier went the whole way: ${errors.slice(0, 3).join('; ')}`);

    // Per dossier.
    const per = (x: number) => x / n;
    const sum = (u: Units) => Object.values(u).reduce((a, b) => a + b, 0);
    const indexes = ['table', ...TABLE_KEYS.indexes.map((i) => i.name)];
    const unreported = sum(meter.unreported);
    // The presigned POSTs are the browser's requests, billed as PUTs: four per dossier.
    const s3Writes =
      per(
        ['PutObject', 'CopyObject', 'ListObjectsV2', 'DeleteObject', 'DeleteObjects'].reduce(
          (a, op) => a + (meter.s3[op] ?? 0),
          0,
        ),
      ) + 4;
    const s3Reads = per((meter.s3.GetObject ?? 0) + (meter.s3.HeadObject ?? 0));
    const storedBytes = Object.fromEntries(
      Object.entries(s3After).map(([prefix, bytes]) => [prefix, per(bytes - (s3Before[prefix] ?? 0))]),
    );
    const storedGb = sum(storedBytes) / 2 ** 30;
    const invocations = sum(
      Object.fromEntries(Object.entries(meter.invocations).map(([k, v]) => [k, v.count])),
    );
    const gbSeconds = Object.values(meter.invocations).reduce((a, v) => a + v.gbSeconds, 0);
    const wcu = per(sum(meter.write) + unreported);
    const rcu = per(sum(meter.read));

    const costs = {
      'DynamoDB writes': (wcu * PRICES.dynamodb.perMillionWriteUnits) / 1e6,
      'DynamoDB reads': (rcu * PRICES.dynamodb.perMillionReadUnits) / 1e6,
      'S3 requests':
        (s3Writes * PRICES.s3.perThousandPutCopyPostList) / 1e3 +
        (s3Reads * PRICES.s3.perThousandGetHead) / 1e3,
      'S3 storage, one month': storedGb * PRICES.s3.perGbMonth,
      'Step Functions': (per(transitions) * PRICES.stepFunctions.perThousandTransitions) / 1e3,
      SES: (per(meter.emails) * PRICES.ses.perThousandEmails) / 1e3,
      'Lambda requests': (per(invocations) * PRICES.lambda.perMillionRequests) / 1e6,
      'Lambda duration': per(gbSeconds) * PRICES.lambda.perGbSecondArm64,
    };
    const perThousand = sum(costs) * 1000;

    const f2 = (x: number) => x.toFixed(2);
    console.log(
      `\nLifecycle: ${n} of ${DOSSIERS} dossiers create → 2 saves → 4 uploads → submit → review → approve → certificate → invitation → RSVP, concurrency ${CONCURRENCY}, ${seconds.toFixed(0)} s, local stack`,
    );
    console.log('Per dossier:');
    console.log(
      `  DynamoDB write units ${f2(wcu)} (${indexes.map((k) => `${k} ${f2(per(meter.write[k] ?? 0))}`).join(', ')}${unreported ? `, ${f2(per(unreported))} estimated` : ''})`,
    );
    console.log(
      `  DynamoDB read units  ${f2(rcu)} (${indexes.map((k) => `${k} ${f2(per(meter.read[k] ?? 0))}`).join(', ')}); ${f2(per(meter.dynamoRequests))} requests`,
    );
    console.log(
      '  (units as DynamoDB Local reports them with ReturnConsumedCapacity INDEXES, transactions at 2×;',
      unreported
        ? `${unreported} failed conditional writes reported nothing and count as 1 WCU each: ${JSON.stringify(meter.unreported)})`
        : 'every request reported its units)',
    );
    console.log(
      `  S3 requests ${f2(s3Writes)} PUT/COPY/POST/LIST/DELETE + ${f2(s3Reads)} GET/HEAD (${Object.entries(
        meter.s3,
      )
        .map(([op, c]) => `${op} ${f2(per(c))}`)
        .join(', ')}, presigned POST 4); stored ${Object.entries(storedBytes)
        .map(([p, b]) => `${p} ${(b / 1024).toFixed(1)} KB`)
        .join(', ')} (current objects; s3rver keeps no old versions)`,
    );
    console.log(
      `  Step Functions transitions ${f2(per(transitions))} (states entered, from the executions' history)`,
    );
    console.log(`  SES emails ${f2(per(meter.emails))}`);
    console.log(
      `  Lambda invocations ${f2(per(invocations))}, ${per(gbSeconds).toFixed(3)} GB-s (memory × duration in the local runtime, 2 shared cores): ${Object.entries(
        meter.invocations,
      )
        .map(([fn, v]) => `${fn} ${f2(per(v.count))}`)
        .join(', ')}`,
    );
    /** Units by function, request and the items it names (`pk/sk` up to their first `#`): where they go. */
    const breakdown = (title: string, by: Record<string, Units>) => {
      console.log(`  ${title} (total = ${indexes.join(' + ')}):`);
      for (const [k, u] of Object.entries(by).sort((a, b) => (b[1].total ?? 0) - (a[1].total ?? 0)))
        console.log(
          `    ${k.padEnd(72)} ${f2(per(u.total ?? 0)).padStart(7)} = ${indexes.map((i) => f2(per(u[i] ?? 0))).join(' + ')}`,
        );
    };
    breakdown('Write units by function, request and items', meter.writeBy);
    breakdown('Read units by function, request and items', meter.readBy);
    console.log(`Cost per 1,000 dossiers, ap-southeast-1 prices of ${PRICES.asOf} (not fetched live):`);
    for (const [k, v] of Object.entries(costs)) console.log(`  ${k.padEnd(24)} $${(v * 1000).toFixed(4)}`);
    console.log(`  ${'total'.padEnd(24)} $${perThousand.toFixed(4)}`);
    if (errors.length) console.log(`errors ${errors.length}, first:`, errors.slice(0, 3));

    recordFigures('lifecycle', {
      'dossiers completed': figure(n, 'dossiers', { min: DOSSIERS }),
      'write units per dossier': figure(wcu, 'WCU', { max: BASELINE_WRITE_UNITS / 2 }),
      ...Object.fromEntries(
        indexes.map((k) => [`write units per dossier, ${k}`, figure(per(meter.write[k] ?? 0), 'WCU')]),
      ),
      'read units per dossier': figure(rcu, 'RCU'),
      ...Object.fromEntries(
        indexes.map((k) => [`read units per dossier, ${k}`, figure(per(meter.read[k] ?? 0), 'RCU')]),
      ),
      'S3 requests per dossier': figure(s3Writes + s3Reads, 'requests'),
      'S3 bytes stored per dossier': figure(sum(storedBytes), 'bytes'),
      'Step Functions transitions per dossier': figure(per(transitions), 'transitions'),
      'SES emails per dossier': figure(per(meter.emails), 'emails'),
      'Lambda invocations per dossier': figure(per(invocations), 'invocations'),
      'Lambda GB-s per dossier': figure(per(gbSeconds), 'GB-s'),
      'cost per 1,000 dossiers': figure(perThousand, 'USD'),
    });
    return { n, wcu, rcu, perThousand, errors: errors.length };
  } finally {
    await mail.stop();
    sfn.destroy();
    lambda.destroy();
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(meterDir, { recursive: true, force: true });
    delete process.env[METER_LOG_ENV];
  }
}

/** The executions of these dossiers (named by dossier id), once none of them runs any more. */
async function waitForExecutions(sfn: SFNClient, ids: readonly string[]): Promise<string[]> {
  const arns = ids.map((id) => `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${id}`);
  const until = Date.now() + 120_000;
  for (const arn of arns) {
    for (;;) {
      const out = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
      if (out.status !== 'RUNNING') break;
      if (Date.now() > until) throw new Error(`execution still running: ${arn}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return arns;
}

/**
 * Bytes of the current objects in the bucket, by top-level prefix, from s3rver's files on disk (its
 * ListObjectsV2 fails past a thousand keys): each object is `<bucket>/<key>._S3rver_object`.
 */
function bucketBytes(dataDir: string): Record<string, number> {
  const root = path.join(dataPaths(dataDir).s3, LOCAL_BUCKET);
  const bytes: Record<string, number> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('._S3rver_object')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const prefix = `${path.relative(root, file).split(path.sep)[0]}/`;
    bytes[prefix] = (bytes[prefix] ?? 0) + statSync(file).size;
  }
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runLifecycleBench();
