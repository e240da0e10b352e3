import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_TABLE, type LocalSystem } from '../../infra/local/system.ts';
import { SDK_CALL_LOG_ENV } from '../../infra/permissions/calls.ts';
import { DEFAULT_RATE_LIMITS, retryTimeText } from '../../shared/domain/rate-limits.ts';
import { type CapturedEmail, makeClient, validForm } from '../support/client.ts';
import { startOwnSystem } from '../support/own-system.ts';

/**
 * Issue 13, item 1: everything that sends email or answers a lookup is rate limited. A system of its own
 * with the PRODUCTION DEFAULTS (no raised limits): 3 emails per address per 15 min, 20 drafts per IP per
 * hour, 30 /status lookups per IP per 10 min, 10 resume requests without a valid secret per IP per 15 min.
 * Every request here comes from 127.0.0.1, so the per-IP counters add up across the tests of this file.
 */
const COORDINATOR = 'dieuphoi.limits@kgst.test';
const tag = Math.random().toString(36).slice(2, 7);

let system: LocalSystem;
let stop: (() => Promise<void>) | undefined;
let callLogDir: string;
const client = makeClient(() => system.urls);
const site = (p: string) => `${system.urls.site}${p}`;
/** Hits on this IP's draft counter so far (a request refused by the draft limit does not count). */
let draftHits = 0;

beforeAll(async () => {
  // Every SDK call a function makes is recorded (as `npm test` does for the permission proof): the sign-in
  // test reads what the admin function did for each address.
  process.env[SDK_CALL_LOG_ENV] ??= await mkdtemp(path.join(tmpdir(), 'hcsn-calls-'));
  callLogDir = process.env[SDK_CALL_LOG_ENV]!;
  // Its own system: the shared one has raised limits, and every other file's requests from 127.0.0.1 would
  // count on the same per-IP counters. Its functions also run in this process, whose call logs are read here.
  ({ system, stop } = await startOwnSystem('it-limits', { coordinatorEmails: COORDINATOR }));
});
afterAll(() => stop?.());

const ddb = () =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: system.urls.dynamo,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    }),
  );

/** Dossier items whose representative is `email`, straight from the table. */
async function dossiersOf(email: string): Promise<number> {
  const out = await ddb().send(
    new ScanCommand({
      TableName: LOCAL_TABLE,
      FilterExpression: 'begins_with(pk, :p) AND #f.#r.#e = :e',
      ExpressionAttributeNames: { '#f': 'form', '#r': 'representative', '#e': 'email' },
      ExpressionAttributeValues: { ':p': 'DOSSIER#', ':e': email },
    }),
  );
  return out.Items?.length ?? 0;
}

const mailTo = async (email: string, match: (e: CapturedEmail) => boolean = () => true) =>
  (await client.mailbox()).filter((e) => e.destination.to.includes(email) && match(e));
const settle = () => new Promise((r) => setTimeout(r, 1500));

/**
 * The counters are fixed windows (aligned to multiples of their length): a test that counts up to a limit
 * starts at least `marginSeconds` before its window ends, or waits for the next one, so it never straddles two.
 */
async function clearOfWindowEdge(windowSeconds: number, marginSeconds: number) {
  const ms = windowSeconds * 1000;
  const left = ms - (Date.now() % ms);
  if (left < marginSeconds * 1000) await new Promise((r) => setTimeout(r, left + 1000));
}
const WAITS = 150_000;

/** A space of its own (no duplicate guard in the way) with the representative's address `email`. */
const spaceForm = (n: string, email: string) => validForm(`${tag}${n}`, email);

/** The message a 429 carries: when to retry, HH:mm today or dd/MM/yyyy HH:mm, in Hanoi time. */
function expectRetryMessage(text: string, lang: 'vi' | 'en', windowSeconds: number) {
  const ms = windowSeconds * 1000;
  const end = new Date(Math.ceil(Date.now() / ms) * ms);
  const when = retryTimeText(end, new Date());
  expect(text).toContain(lang === 'vi' ? `Vui lòng thử lại sau ${when}` : `Please try again after ${when}`);
}

describe('rate limits (own local system, production defaults)', () => {
  it(
    'the 4th resume email to one address in 15 minutes is refused (429): nothing sent, no draft written',
    async () => {
      expect(DEFAULT_RATE_LIMITS.mailPerAddress).toEqual({ limit: 3, windowSeconds: 900 });
      // This test and the next count drafts in the same hour from this IP.
      await clearOfWindowEdge(3600, 90);
      await clearOfWindowEdge(900, 45);
      const email = `nan.nhan.${tag}@example.vn`;
      for (const n of ['a', 'b', 'c']) {
        const res = await client.api('/api/applications', { body: spaceForm(n, email) });
        draftHits++;
        expect(res.status).toBe(201);
      }
      const refused = await client.api('/api/applications', { body: spaceForm('d', email) });
      draftHits++; // counted on the IP before the address refused it
      expect(refused.status).toBe(429);
      expectRetryMessage(refused.json.message, 'vi', 900);
      expect(Date.parse(refused.json.retryAt)).toBeGreaterThan(Date.now());
      const retryAfter = Number(await retryAfterOf('/api/applications', spaceForm('e', email)));
      draftHits++;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(900 + 60);

      // The jobs function sends resume emails after the answers (issue 15): the third arrives, then no more.
      for (const until = Date.now() + 30_000; (await mailTo(email)).length < 3 && Date.now() < until; )
        await new Promise((r) => setTimeout(r, 100));
      await settle();
      expect(await mailTo(email)).toHaveLength(3);
      expect(await dossiersOf(email)).toBe(3);
    },
    WAITS,
  );

  it('the 21st new draft from one IP in an hour is refused (429), with nothing written or sent', async () => {
    expect(DEFAULT_RATE_LIMITS.draftsPerIp).toEqual({ limit: 20, windowSeconds: 3600 });
    while (draftHits < 20) {
      const email = `ip.${tag}.${draftHits}@example.vn`;
      const res = await client.api('/api/applications', { body: spaceForm(`ip${draftHits}`, email) });
      draftHits++;
      expect(res.status, `draft ${draftHits}`).toBe(201);
    }
    const email = `ip.${tag}.over@example.vn`;
    const refused = await client.api('/api/applications?lang=en', { body: spaceForm('ipover', email) });
    expect(refused.status).toBe(429);
    expectRetryMessage(refused.json.message, 'en', 3600);
    await settle();
    expect(await dossiersOf(email)).toBe(0);
    expect(await mailTo(email)).toHaveLength(0);
  });

  it(
    '/status lookups past 30 per IP in 10 minutes get a 429 page in Vietnamese, and in English with ?lang=en',
    async () => {
      const lookup = (lang = '') =>
        fetch(site(`/status${lang}`), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ code: 'KGST-2026-9999', email: 'ai.do@example.vn' }).toString(),
        });
      await clearOfWindowEdge(600, 45);
      for (let i = 0; i < DEFAULT_RATE_LIMITS.statusPerIp.limit; i++)
        expect((await lookup()).status).toBe(404);
      const vi = await lookup();
      expect(vi.status).toBe(429);
      expect(vi.headers.get('content-type')).toContain('text/html');
      expect(Number(vi.headers.get('retry-after'))).toBeGreaterThan(0);
      const viPage = await vi.text();
      expect(viPage).toContain('lang="vi"');
      expectRetryMessage(viPage, 'vi', 600);
      const en = await lookup('?lang=en');
      expect(en.status).toBe(429);
      expectRetryMessage(await en.text(), 'en', 600);
    },
    WAITS,
  );

  it(
    '/api/resume without a valid secret: at most 10 per IP in 15 minutes, then 429',
    async () => {
      await clearOfWindowEdge(900, 45);
      for (let i = 0; i < DEFAULT_RATE_LIMITS.resumePerIp.limit; i++) {
        const res = await client.api('/api/resume', { body: { linkId: `nolink${i}` } });
        expect(res.status).toBe(202);
      }
      const wrongSecret = await client.api('/api/resume', {
        body: { linkId: 'nolink0', secret: 'x'.repeat(43) },
      });
      expect(wrongSecret.status).toBe(429);
      const again = await client.api('/api/resume?lang=en', { body: { linkId: 'nolink1' } });
      expect(again.status).toBe(429);
      expectRetryMessage(again.json.message, 'en', 900);
    },
    WAITS,
  );

  it(
    'sign-in answers a coordinator and a stranger alike, after the same work: a counter and a hand-over',
    async () => {
      // This test and the next count the coordinator's sign-in requests in the same window.
      await clearOfWindowEdge(900, 60);
      const stranger = `nguoi.la.${tag}@example.vn`;
      const strangerCalls = await adminCallsDuring(() => signInRequest(stranger));
      const coordinatorCalls = await adminCallsDuring(() => signInRequest(COORDINATOR));
      expect(coordinatorCalls.status).toBe(200);
      expect(coordinatorCalls.body).toBe(strangerCalls.body);
      // The request itself: one counter update on a RATE# item and one asynchronous invocation, whoever asks
      // (identical calls are recorded once per function, so the second request shows only what is new: the
      // coordinator's request may add nothing the stranger's did not do, no staff read, link or email).
      expect(strangerCalls.kinds).toEqual(['DynamoDB UpdateItem RATE#signin-mail', 'Lambda Invoke']);
      expect(coordinatorCalls.kinds).toEqual(['DynamoDB UpdateItem RATE#signin-mail']);
      // The lookup and the email happen after the answer, elsewhere: the coordinator gets the link, nobody else.
      await client.waitForEmail((e) => e.destination.to.includes(COORDINATOR));
      await settle();
      expect(await mailTo(stranger)).toHaveLength(0);
    },
    WAITS,
  );

  it('the 4th sign-in request for one address in 15 minutes is refused (429) and sends nothing', async () => {
    const isLink = (e: CapturedEmail) => (e.body.text ?? '').includes('/admin/sign-in/');
    // The coordinator asked once in the test above.
    for (let i = 0; i < 2; i++) expect((await signInRequest(COORDINATOR)).status).toBe(200);
    const refused = await signInRequest(COORDINATOR);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectRetryMessage(refused.body, 'vi', 900);
    const stranger = `nguoi.la.khac.${tag}@example.vn`;
    for (let i = 0; i < 3; i++) expect((await signInRequest(stranger)).status).toBe(200);
    // The same refusal for an address that is nobody's: the limit does not tell who the coordinators are.
    expect((await signInRequest(stranger)).status).toBe(429);
    const until = Date.now() + 15_000;
    while ((await mailTo(COORDINATOR, isLink)).length < 3 && Date.now() < until) await settle();
    await settle();
    expect(await mailTo(COORDINATOR, isLink)).toHaveLength(3);
  });

  it('the 4th proposal-link request for one address in 15 minutes is refused (429), the same for anybody', async () => {
    const ask = (email: string) =>
      fetch(site('/hoat-dong/sign-in'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email }).toString(),
        redirect: 'manual',
      });
    const someone = `thanh.vien.${tag}@example.vn`;
    for (let i = 0; i < DEFAULT_RATE_LIMITS.mailPerAddress.limit; i++)
      expect((await ask(someone)).status).toBe(303);
    const refused = await ask(someone);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectRetryMessage(await refused.text(), 'vi', 900);
  });
});

async function retryAfterOf(p: string, body: unknown): Promise<string | null> {
  const res = await fetch(site(p), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(429);
  return res.headers.get('retry-after');
}

async function signInRequest(email: string) {
  const res = await fetch(site('/admin/sign-in'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** The SDK calls the admin function made during `request` (this process's call logs), as kinds. */
async function adminCallsDuring<T extends object>(
  request: () => Promise<T>,
): Promise<T & { kinds: string[] }> {
  const mine = () =>
    existsSync(callLogDir)
      ? readdirSync(callLogDir).filter((f) => f.startsWith(`calls-${process.pid}-`) && f.endsWith('.jsonl'))
      : [];
  const lines = (f: string) => readFileSync(path.join(callLogDir, f), 'utf8').split('\n').filter(Boolean);
  const before = new Map(mine().map((f) => [f, lines(f).length]));
  const result = await request();
  const kinds: string[] = [];
  for (const f of mine()) {
    for (const line of lines(f).slice(before.get(f) ?? 0)) {
      const call = JSON.parse(line) as {
        fn: string;
        service: string;
        operation: string;
        params: { items?: { partitionKey?: string }[] };
      };
      if (call.fn !== 'admin') continue;
      const pk = call.params.items?.[0]?.partitionKey;
      kinds.push(
        [call.service, call.operation, pk?.split('#').slice(0, 2).join('#')].filter(Boolean).join(' '),
      );
    }
  }
  return { ...result, kinds };
}
