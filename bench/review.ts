import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators.ts';
import { LOCAL_TABLE } from '../infra/local/system.ts';
import { Dossiers } from '../shared/adapters/dynamodb/dossiers.ts';
import { Rounds } from '../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../shared/adapters/dynamodb/store.ts';
import { DOSSIER_STATUSES, type Dossier, type DossierStatus } from '../shared/domain/dossier.ts';
import { demoRound, type Round, STANDARD_CHECKLIST } from '../shared/domain/round.ts';
import {
  applicantApi,
  type Email,
  figure,
  pct,
  pool,
  recordFigures,
  sampleForm,
  watchMailbox,
} from './lib.ts';
import { BENCH_RATE_LIMITS, startBenchSystem } from './system.ts';

const DOSSIERS = 100;
const CONCURRENCY = 10;
const SEEDED = 10_000;
const PAGE_REQUESTS = 50;
const REVIEWER = 'reviewer.bench@kgst.test';
const COORDINATOR = 'coordinator.bench@kgst.test';

/** Dossiers submitted and decided first, untimed, so every function of the path is loaded. */
const WARM_UP = 2;

const sentTo = (e: Email, to: string) => e.destination.to.some((t) => t.includes(to));

/** A round whose checklist asks for one file per slot, so preparing 100 dossiers stays quick. */
function benchRound(id: string, prefix: string): Round {
  const base = demoRound(new Date());
  const [legal, photos, portfolio] = STANDARD_CHECKLIST;
  return {
    ...base,
    id,
    codePrefix: prefix,
    // The round's reviewer pool: review emails go to it (an empty pool falls back to the coordinators).
    reviewers: [REVIEWER],
    checklist: [legal!, { ...photos!, minFiles: 1, title: { vi: 'Ảnh', en: 'Photo' } }, portfolio!],
  };
}

const form = (i: number) => sampleForm(i, 'review');

/** One seeded dossier; `Dossiers.storedItems` gives the items (and keys) the adapter stores it as. */
function seededDossier(roundId: string, i: number, status: DossierStatus): Dossier {
  const at = new Date(Date.UTC(2025, 4, 1) + i * 60_000).toISOString();
  const id = `${roundId}-${i}`;
  const code = `KGST-SEED-${String(i + 1).padStart(5, '0')}`;
  return {
    id,
    roundId,
    status,
    code,
    form: {
      ...form(i),
      space: {
        ...form(i).space,
        nameVi: `Xưởng Gốm Đông Hồ ${i}`,
        creativeFields: [i % 2 ? 'music' : 'design'],
      },
    },
    documents: Object.fromEntries(
      ['legal', 'photos', 'portfolio'].map((slot) => [
        `f${slot}${i}`,
        {
          fileId: `f${slot}${i}`,
          slot,
          name: `${slot}.pdf`,
          type: 'application/pdf',
          declaredSize: 120_000,
          verifiedSize: 120_000,
          key: `dossiers/${id}/${slot}.pdf`,
          addedAt: at,
        },
      ]),
    ),
    history: [
      { at, from: null, to: 'draft', by: 'applicant' },
      { at, from: 'draft', to: 'submitted', by: 'applicant' },
      ...(status === 'submitted' ? [] : [{ at, from: 'submitted', to: status, by: REVIEWER }]),
    ],
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    editTokenHash: 'x'.repeat(64),
    version: 3,
  } as unknown as Dossier;
}

/**
 * Issue 4's benchmark on a local system of its own: submit → reviewer email and approve → applicant email
 * over 100 dossiers (concurrency 10), then dashboard pages with 10,000 dossiers seeded in a round of its own.
 */
/** Who signs off in the bench (the audit trail names them; the workflow takes the Director's answer as sent). */
const DIRECTOR = 'director@kgst.test';

export async function runReviewBench() {
  const { system, dataDir } = await startBenchSystem('review', {
    reviewerEmails: REVIEWER,
    coordinatorEmails: COORDINATOR,
    rateLimits: BENCH_RATE_LIMITS,
  });
  const mail = watchMailbox(system.urls.mailbox);
  try {
    const ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
        endpoint: system.urls.dynamo,
      }),
    );
    const sfn = new SFNClient({
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      endpoint: system.urls.sfn,
    });
    /** The Director's sign-off token, once the workflow waits for it (AwaitSignOff). */
    const signOffToken = async (id: string): Promise<string> => {
      const until = Date.now() + 30_000;
      for (;;) {
        const { Item } = await ddb.send(
          new GetCommand({
            TableName: LOCAL_TABLE,
            Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' },
            ConsistentRead: true,
          }),
        );
        const token = (Item?.signOff as { taskToken?: string } | undefined)?.taskToken;
        if (token) return token;
        if (Date.now() > until) throw new Error(`dossier ${id} never awaited sign-off`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const rounds = new Rounds(new Store(ddb, LOCAL_TABLE));
    const round = benchRound(`review-${Date.now()}`, 'REVW');
    await rounds.create(round);
    await rounds.setCurrent(round.id);
    const site = system.urls.site;

    const { call, draftWithDocuments } = applicantApi(site);

    // Prepare (untimed): 100 drafts with their documents, and a few more for the warm-up.
    const drafts = await pool(DOSSIERS + WARM_UP, CONCURRENCY, async (i) => {
      const { id, editToken } = await draftWithDocuments(form(i));
      return { id, editToken, applicant: form(i).representative.email };
    });

    // (a) submit → reviewer email, then (b) approve through the emailed link → applicant approval email.
    const errors: string[] = [];
    const hop = async (d: (typeof drafts)[number]) => {
      try {
        const submitted = await call(`/api/applications/${d.id}/submit`, {}, d.editToken);
        const submittedAt = performance.now();
        if (submitted.status !== 200) throw new Error(`submit ${submitted.status}`);
        const code = submitted.json.code!;
        const review = await mail.waitFor(
          (e) => sentTo(e, REVIEWER) && e.subject.startsWith(`Thẩm định hồ sơ ${code}:`),
        );
        const link = new URL(
          /https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(review.email.body.text ?? '')![0],
        );
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
        // The reviewer recommends; the Director signs off (the task token AwaitSignOff left on the dossier),
        // and only then is the applicant told and the certificate issued.
        const token = await signOffToken(d.id);
        const signedAt = performance.now();
        await sfn.send(
          new SendTaskSuccessCommand({
            taskToken: token,
            output: JSON.stringify({
              outcome: 'approved',
              by: DIRECTOR,
              at: new Date().toISOString(),
              comment: '',
            }),
          }),
        );
        const approval = await mail.waitFor(
          (e) => sentTo(e, d.applicant) && (e.body.text ?? '').includes('Chúc mừng'),
        );
        return { toReviewer: review.seenAt - submittedAt, toApplicant: approval.seenAt - signedAt };
      } catch (err) {
        errors.push((err as Error).message);
        return undefined;
      }
    };
    // Warm-up (untimed): each function's first invocation starts its thread and loads its module (a cold
    // start, as after a deploy); the goal is about the warm path, so those hops are not counted.
    await pool(WARM_UP, WARM_UP, (i) => hop(drafts[DOSSIERS + i]!));
    const hops = await pool(DOSSIERS, CONCURRENCY, (i) => hop(drafts[i]!));
    const ok = hops.filter((h) => h !== undefined);
    const toReviewer = ok.map((h) => h.toReviewer);
    const toApplicant = ok.map((h) => h.toApplicant);

    // (c) Dashboard: 10,000 dossiers in a round of their own, set as current, written by BatchWrite.
    const seedRoundId = `seed-${Date.now()}`;
    await rounds.create(benchRound(seedRoundId, 'SEED'));
    await rounds.setCurrent(seedRoundId);
    const statuses = DOSSIER_STATUSES.filter((s) => s !== 'draft' && s !== 'expired');
    const seedStarted = performance.now();
    const seeder = new Dossiers(new Store(ddb, LOCAL_TABLE));
    // 5 dossiers a batch: up to five items each (the dossier, its status entry and three history entries,
    // stored as audit items), BatchWrite takes 25.
    await pool(Math.ceil(SEEDED / 5), 8, async (b) => {
      let requests: { PutRequest: { Item: Record<string, unknown> } }[] = Array.from(
        { length: Math.min(5, SEEDED - b * 5) },
        (_, j) => {
          const i = b * 5 + j;
          return seeder.storedItems(seededDossier(seedRoundId, i, statuses[i % statuses.length]!));
        },
      ).flatMap((items) => items.map((Item) => ({ PutRequest: { Item } })));
      // Unprocessed items go again until the batch is in.
      while (requests.length) {
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [LOCAL_TABLE]: requests } }));
        requests = (out.UnprocessedItems?.[LOCAL_TABLE] ?? []) as typeof requests;
      }
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // Seeding bypassed the app, so build the round's counts item the way the closing job repairs it.
    await new Dossiers(new Store(ddb, LOCAL_TABLE)).recountStatuses(seedRoundId);

    // Sign in as the coordinator: form → email → the secret from the link's fragment → session cookie.
    await fetch(`${site}/admin/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: COORDINATOR }),
    }).then((r) => r.arrayBuffer());
    const signInMail = await mail.waitFor((e) => sentTo(e, COORDINATOR));
    const [, linkId, secret] = /\/admin\/sign-in\/([\w-]+)#([\w-]+)/.exec(signInMail.email.body.text ?? '')!;
    const signedIn = await fetch(`${site}/admin/sign-in/${linkId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ secret }),
    });
    const cookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('hcsn_session='))!
      .split(';')[0]!;

    const page = async (p: string) => {
      const t = performance.now();
      const res = await fetch(`${site}${p}`, { headers: { cookie } });
      const text = await res.text();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`${p} ${res.status}`);
      const next = /<a rel="next" href="([^"]+)"/.exec(text)?.[1]?.replaceAll('&amp;', '&');
      return { ms, next, rows: (text.match(/<a href="\/admin\/dossiers\//g) ?? []).length };
    };
    const repeat = async (p: string) => {
      const out: number[] = [];
      for (let i = 0; i < PAGE_REQUESTS; i++) out.push((await page(p)).ms);
      return out;
    };
    await page('/admin'); // warm: first import of the handler, connections
    const list = await repeat('/admin');
    const submittedList = await repeat('/admin?status=submitted');
    const paging: number[] = [];
    let next: string | undefined = '/admin';
    let rows = 0;
    while (next && paging.length < PAGE_REQUESTS) {
      const p = await page(next);
      paging.push(p.ms);
      rows += p.rows;
      next = p.next;
    }
    // What reading the counts item costs by itself, issued directly.
    const dossiers = new Dossiers(new Store(ddb, LOCAL_TABLE));
    const countsOnly: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await dossiers.countsByStatus(seedRoundId);
      countsOnly.push(performance.now() - t);
    }
    const firstPageOnly: number[] = [];
    for (let i = 0; i < PAGE_REQUESTS; i++) {
      const t = performance.now();
      await dossiers.listByStatus(seedRoundId, 'submitted', 50);
      firstPageOnly.push(performance.now() - t);
    }

    const row = (name: string, xs: number[], goal: string) =>
      console.log(
        name.padEnd(34),
        String(xs.length).padStart(5),
        ...[50, 95].map((p) => pct(xs, p).toFixed(0).padStart(7)),
        Math.max(...xs)
          .toFixed(0)
          .padStart(7),
        goal.padStart(8),
      );
    console.log(
      `\nReview: ${DOSSIERS} dossiers, concurrency ${CONCURRENCY}; dashboard: ${SEEDED} seeded (${seedSeconds.toFixed(1)} s), local stack`,
    );
    console.log(
      'ms'.padEnd(34),
      'n'.padStart(5),
      'p50'.padStart(7),
      'p95'.padStart(7),
      'max'.padStart(7),
      'goal p95'.padStart(8),
    );
    row('submit → reviewer email', toReviewer, '≤ 1000');
    row('sign-off → applicant email', toApplicant, '≤ 1000');
    row('GET /admin', list, '≤ 300');
    row('GET /admin?status=submitted', submittedList, '≤ 300');
    row(`paging with next (${rows} rows)`, paging, '≤ 300');
    row('floor: counts item read (direct)', countsOnly, '');
    row('floor: one GSI page of 50 (direct)', firstPageOnly, '');
    if (errors.length) console.log(`errors ${errors.length}, first:`, errors.slice(0, 3));
    const figures = {
      errors: errors.length,
      toReviewer: { p50: pct(toReviewer, 50), p95: pct(toReviewer, 95) },
      toApplicant: { p50: pct(toApplicant, 50), p95: pct(toApplicant, 95) },
      dashboard: {
        list: { p50: pct(list, 50), p95: pct(list, 95) },
        submitted: { p50: pct(submittedList, 50), p95: pct(submittedList, 95) },
        paging: { p50: pct(paging, 50), p95: pct(paging, 95), pages: paging.length, rows },
        countsFloor: { p50: pct(countsOnly, 50), p95: pct(countsOnly, 95) },
        pageFloor: { p50: pct(firstPageOnly, 50), p95: pct(firstPageOnly, 95) },
      },
    };
    recordFigures('review', {
      errors: figure(errors.length, 'hops', { max: 0 }),
      'submit → reviewer email p95': figure(pct(toReviewer, 95), 'ms', { max: 1000 }),
      'sign-off → applicant email p95': figure(pct(toApplicant, 95), 'ms', { max: 1000 }),
      'GET /admin p95': figure(pct(list, 95), 'ms', { max: 300 }),
      'GET /admin?status=submitted p95': figure(pct(submittedList, 95), 'ms', { max: 300 }),
      'paging with next p95': figure(pct(paging, 95), 'ms', { max: 300 }),
      'floor: one GSI page of 50 p95': figure(pct(firstPageOnly, 95), 'ms'),
    });
    return figures;
  } finally {
    await mail.stop();
    await system.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runReviewBench();
