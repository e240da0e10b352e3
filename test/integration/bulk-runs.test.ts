import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LocalScheduler } from '../../infra/local/scheduler.ts';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Ceremony } from '../../shared/adapters/dynamodb/ceremony.ts';
import { Certificates } from '../../shared/adapters/dynamodb/certificates.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { StoredFollowUps } from '../../shared/adapters/dynamodb/follow-ups.ts';
import { Links } from '../../shared/adapters/dynamodb/links.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { JobStarter } from '../../shared/adapters/lambda/job-starter.ts';
import { type Mailer, SesMailer } from '../../shared/adapters/ses/mailer.ts';
import { newVerifyId } from '../../shared/domain/certificate.ts';
import type { Dossier, DossierStatus } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import type { JobEvent } from '../../shared/domain/round-schedule.ts';
import { hashSecret, newSecret } from '../../shared/domain/secrets.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { renderRoundChangedPage } from '../../shared/pages/round-admin-pages.tsx';
import { IN_DOUBT_AFTER_MS } from '../../shared/usecases/bulk-send.ts';
import { makeRevokeCertificate } from '../../shared/usecases/certificates.ts';
import { makeInvitations } from '../../shared/usecases/invitations.ts';
import { makeRoundJobs, runOrHandOver } from '../../shared/usecases/round-jobs.ts';
import { type CapturedEmail, makeClient, validForm } from '../support/client.ts';
import { adminPost, invoke, local, mailbox, seedDossier, signInAs, unique } from './helpers.ts';

const SENDER = 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>';
const ORGANIZER = { name: 'Ban tổ chức', email: 'lienhe@kgst.hanoi.local' };

/** A round of a test's own, named after its tag so its emails are told apart in a shared mailbox. */
function roundOf(tag: string, dates: Partial<Round> = {}): Round {
  const today = ictDay(new Date());
  return {
    ...ROUND_2025,
    id: `it-bulk-${tag}`,
    codePrefix: `B${tag}`,
    name: { vi: `Đợt thử ${tag}`, en: `Test round ${tag}` },
    opensOn: addDays(today, -20),
    deadlineDate: addDays(today, -5),
    invitationsAt: `${addDays(today, -1)}T09:00`,
    ceremony: { ...ROUND_2025.ceremony, at: `${addDays(today, 20)}T15:00` },
    status: 'closed',
    ...dates,
  };
}

/** A dossier written straight into a table through the adapter (the workflow is not what is tested here). */
async function seedInto(dossiers: Dossiers, round: Round, status: DossierStatus): Promise<Dossier> {
  const tag = unique();
  const now = new Date().toISOString();
  const form = validForm(tag, `member.${tag}@example.vn`);
  const d: Dossier = {
    id: `it-bulk-${tag}`,
    roundId: round.id,
    status,
    ...(status === 'draft' ? {} : { code: `KGST-${round.codePrefix}-${tag}`, submittedAt: now }),
    form: form as unknown as Dossier['form'],
    documents: {},
    history: [{ at: now, from: null, to: status, by: 'test' }],
    createdAt: now,
    updatedAt: now,
    editTokenHash: hashSecret(newSecret()),
    version: 1,
  };
  await dossiers.create(d, []);
  return d;
}

const to = (e: CapturedEmail, d: Dossier) =>
  e.destination.to.some((a) => a.includes(d.form.representative.email));

describe('a bulk run that dies with claims in hand (shared system: its clock is moved)', () => {
  // The shared system's clock is moved past the take-over window: this file runs in the integration-clock
  // project, after the other files (vitest.config.ts).
  let store: Store;
  let lambda: LambdaClient;
  let stateDir: string;
  const client = makeClient(() => local().urls);

  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), 'hcsn-it-bulk-state-'));
    const base = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
    store = new Store(
      DynamoDBDocumentClient.from(new DynamoDBClient({ ...base, endpoint: local().urls.dynamo }), {
        marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
      }),
      LOCAL_TABLE,
    );
    lambda = new LambdaClient({ ...base, endpoint: local().env.AWS_ENDPOINT_URL_LAMBDA });
  });
  afterAll(async () => {
    lambda?.destroy();
    await rm(stateDir, { recursive: true, force: true });
  });

  /** The shared system's jobs function, as EventBridge Scheduler invokes it. */
  const runJob = async (event: JobEvent) => {
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: 'jobs', Payload: JSON.stringify(event) }),
    );
    const payload = JSON.parse(new TextDecoder().decode(out.Payload));
    if (out.FunctionError) throw new Error(payload.errorMessage);
    return payload as Record<string, unknown>;
  };

  it('the re-run says complete: false with the claims in doubt; the scheduled follow-up leaves nobody out', async () => {
    // Prepare: 200 members; a run whose mailer stops answering at its 70th email, as a process that dies
    // there: chunk 1 (50) went and was recorded, 19 of chunk 2 went, chunk 3 was claimed ahead
    const rounds = new Rounds(store);
    const dossiers = new Dossiers(store);
    const links = new Links(store);
    const round = roundOf(unique());
    await rounds.create(round);
    const members = await Promise.all(
      Array.from({ length: 200 }, () => seedInto(dossiers, round, 'approved')),
    );
    const ses = new SesMailer(
      new SESv2Client({
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
        endpoint: local().env.AWS_ENDPOINT_URL_SESV2,
      }),
      SENDER,
    );
    let calls = 0;
    const dying: Mailer = {
      send: (e) => (++calls >= 70 ? new Promise<never>(() => undefined) : ses.send(e)),
    };
    const invitations = makeInvitations({
      store,
      rounds,
      dossiers,
      links,
      mailer: dying,
      clock: () => new Date(),
      publicBaseUrl: local().env.PUBLIC_BASE_URL!,
      organizer: ORGANIZER,
    });
    void invitations.sendInvitations(round.id);
    while (calls < 71) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));

    // Act 1: the job again right away, as after a restart (the first run may still be alive)
    const rerun = await runJob({ job: 'send-invitations', roundId: round.id });

    // Assess 1: honest about what it cannot know
    expect(rerun).toMatchObject({ complete: false, inDoubt: 100, skipped: 50, sent: 50, handedOver: false });
    expect(typeof rerun.followUpAt).toBe('string');
    // The coordinator's page of a run shows them, in vi and en
    for (const [lang, text] of [
      ['vi', 'Chưa chắc đã gửi'],
      ['en', 'Not known to have gone'],
    ] as const) {
      const page = renderRoundChangedPage({
        lang,
        email: 'dieuphoi@kgst.test',
        csrf: 'test-token',
        round,
        what: 'ceremony',
        emails: rerun as unknown as Parameters<typeof renderRoundChangedPage>[0]['emails'],
      });
      expect(page).toMatch(
        new RegExp(`data-emails="in-doubt"><th scope="row">${text}[^<]*</th><td class="count">100<`),
      );
    }

    // Act 2: the local scheduler lists the follow-up; past the take-over window it runs it
    const scheduler = new LocalScheduler({
      rounds: { list: async () => [(await rounds.get(round.id))!] } as unknown as Rounds,
      invoke: (_name, event) => runJob(event as JobEvent),
      clockFile: local().env.CLOCK_OFFSET_FILE!,
      stateFile: path.join(stateDir, 'state.json'),
      log: () => undefined,
      followUps: new StoredFollowUps(store),
    });
    const followUp = () => scheduler.list().then((l) => l.find((j) => j.attempt === 1)!);
    expect(await followUp()).toMatchObject({ job: 'send-invitations', due: false });
    await scheduler.runDue();
    expect((await followUp()).lastRun).toBeUndefined();
    scheduler.setOffsetMs(IN_DOUBT_AFTER_MS + 5 * 60_000);
    try {
      await scheduler.runDue();
    } finally {
      scheduler.setOffsetMs(0);
    }

    // Assess 2: the follow-up took the dead claims over and finished
    expect((await followUp()).lastRun?.result).toMatchObject({
      complete: true,
      inDoubt: 0,
      recovered: 100,
      sent: 100,
    });
    const sent = (await client.mailbox()).filter((e) => e.subject.includes('Thư mời'));
    const counts = members.map((m) => sent.filter((e) => to(e, m)).length);
    // Nobody missed; duplicates only among the claims in doubt (at most one each): here the 19 of chunk 2
    // whose email went before the "crash"
    expect(counts.filter((n) => n === 0)).toEqual([]);
    const duplicates = counts.filter((n) => n === 2).length;
    expect(duplicates).toBeLessThanOrEqual(rerun.inDoubt as number);
    expect(duplicates).toBe(19);
    expect(counts.filter((n) => n > 2)).toEqual([]);

    // And one more run changes nothing and says it is complete
    expect(await runJob({ job: 'send-invitations', roundId: round.id })).toMatchObject({
      complete: true,
      sent: 0,
      inDoubt: 0,
      skipped: 200,
    });
  });
});

describe('closing and revocation (shared system)', () => {
  let store: Store;
  let rounds: Rounds;
  let dossiers: Dossiers;
  let links: Links;
  let certificates: Certificates;
  let ses: SesMailer;
  let revoke: ReturnType<typeof makeRevokeCertificate>;
  const site = (p: string) => `${local().urls.site}${p}`;

  beforeAll(() => {
    // The shared system's endpoints, for the clients built from the environment (as a function's are).
    Object.assign(process.env, local().env);
    store = new Store(makeDocumentClient(), LOCAL_TABLE);
    rounds = new Rounds(store);
    dossiers = new Dossiers(store);
    links = new Links(store);
    certificates = new Certificates(store);
    ses = new SesMailer(new SESv2Client({}), SENDER);
    revoke = makeRevokeCertificate({
      certificates,
      dossiers,
      mailer: ses,
      clock: () => new Date(),
      publicBaseUrl: 'http://127.0.0.1',
    });
  });

  it('closing with a tiny time budget hands over run after run, and the summary goes once, at the end', async () => {
    // Prepare: a round past its deadline with 250 drafts (3 pages of 100)
    const round = roundOf(unique(), { deadlineDate: addDays(ictDay(new Date()), -1), status: 'open' });
    await rounds.create(round);
    const drafts: Dossier[] = [];
    for (let i = 0; i < 250; i += 50)
      drafts.push(
        ...(await Promise.all(Array.from({ length: 50 }, () => seedInto(dossiers, round, 'draft')))),
      );
    const coordinator = `dieuphoi.${unique()}@kgst.test`;
    const deps = {
      rounds,
      dossiers,
      links,
      mailer: ses,
      clock: () => new Date(),
      publicBaseUrl: local().env.PUBLIC_BASE_URL!,
    };
    const jobs = makeRoundJobs({
      ...deps,
      coordinators: async () => [coordinator],
      invitations: makeInvitations({ ...deps, store, organizer: ORGANIZER }),
    });
    // The jobs function as a chain of runs: each hand-over queued here, each run with a budget already spent
    const queue: JobEvent[] = [{ job: 'close-round', roundId: round.id }];
    const starter: JobStarter = { start: async (e) => void queue.push(e) };

    // Act
    const results: Awaited<ReturnType<typeof runOrHandOver>>[] = [];
    while (queue.length && results.length < 20)
      results.push(await runOrHandOver(jobs, starter, queue.shift()!, Date.now() - 1));

    // Assess: more than one run; each hand-over sent no summary; the last one sent it
    // One page of 100 a run: 100, 100, then the last 50 and the summary
    expect(results.map((r) => r.expiredDrafts)).toEqual([100, 100, 50]);
    for (const r of results.slice(0, -1))
      expect(r).toMatchObject({
        complete: false,
        stoppedAtLimit: true,
        handedOver: true,
        summarySent: false,
      });
    expect(results.at(-1)).toMatchObject({ complete: true, handedOver: false, summarySent: true });
    expect(results.reduce((n, r) => n + (r.expiredDrafts as number), 0)).toBe(250);
    expect((await dossiers.recountStatuses(round.id)).expired).toBe(250);
    const summaries = (await mailbox()).filter(
      (e) => e.destination.to.includes(coordinator) && e.subject.includes(round.name.vi),
    );
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body.text).toContain('250');
    // A closing run again (a retried schedule) sends no second summary
    expect(await jobs.run({ job: 'close-round', roundId: round.id })).toMatchObject({ summarySent: false });
    expect(
      (await mailbox()).filter(
        (e) => e.destination.to.includes(coordinator) && e.subject.includes(round.name.vi),
      ),
    ).toHaveLength(1);
  });

  /** A certificate for a member, written as IssueCertificate would (no PDF is needed here). */
  async function certify(d: Dossier) {
    const id = newVerifyId();
    await certificates.create(
      {
        id,
        dossierId: d.id,
        number: `${unique()}/2025`,
        holderName: d.form.space.nameVi,
        holderAddress: 'Hà Nội',
        roundId: d.roundId,
        roundName: { vi: 'Đợt', en: 'Round' },
        issuedAt: new Date().toISOString(),
        pdfKey: `certificates/${id}.pdf`,
        status: 'valid',
      },
      { at: new Date().toISOString(), by: 'test', action: 'certificate_issued', certificateId: id },
    );
    return id;
  }

  /** A coordinator's session, from a sign-in email this file catches itself. */
  const signIn = () => signInAs(store, 'coordinator@kgst.test');

  it('a revoked member gets no invitation; a revocation after the RSVP voids the pass, refused at check-in in vi and en', async () => {
    // Prepare: three members with certificates; one revoked before the invitations
    const round = roundOf(unique());
    await rounds.create(round);
    const member = async () => (await seedDossier(round, 'approved', { prefix: 'it-bulk' })).d;
    const [kept, revokedBefore, revokedAfter] = [await member(), await member(), await member()];
    const certs = await Promise.all([kept, revokedBefore, revokedAfter].map(certify));
    await revoke(certs[1]!, 'Không còn hoạt động', 'coordinator@kgst.test');

    // Act 1: the invitations job
    const result = await invoke('jobs', { job: 'send-invitations', roundId: round.id });

    // Assess 1: the revoked member is left out
    expect(result).toMatchObject({ complete: true, sent: 2 });
    const invitationsTo = async (d: Dossier) =>
      (await mailbox()).filter((e) => to(e, d) && e.subject.includes('Thư mời'));
    expect(await invitationsTo(revokedBefore)).toHaveLength(0);
    expect(await invitationsTo(kept)).toHaveLength(1);

    // Act 2: the other member accepts (a pass is emailed), then the certificate is revoked
    const invitation = (await invitationsTo(revokedAfter))[0]!;
    const [, linkId, secret] = /\/rsvp\/([\w-]+)\?s=([\w-]+)/.exec(invitation.body.text!)!;
    const accepted = await fetch(site(`/rsvp/${linkId}`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ s: secret!, attending: 'yes' }).toString(),
    });
    expect(accepted.status).toBe(200);
    // The pass went by email (its QR code carries the check-in link to the pass kept with the answer)
    expect(
      (await mailbox()).filter((e) => to(e, revokedAfter) && e.subject.includes('Thẻ check-in')),
    ).toHaveLength(1);
    const rsvp = await new Ceremony(store).rsvp(round.id, revokedAfter.id);
    const passId = rsvp!.passId!;
    await revoke(certs[2]!, 'Vi phạm quy chế', 'coordinator@kgst.test');

    // Assess 2: the RSVP link no longer answers or issues a pass
    const page = await fetch(site(`/rsvp/${linkId}?s=${secret}`));
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('đã bị thu hồi');
    const again = await fetch(site(`/rsvp/${linkId}?lang=en`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ s: secret!, attending: 'yes' }).toString(),
    });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('certificate was revoked');

    // Assess 3: the check-in page says the pass is void, and checking in is refused (vi, then en)
    const cookie = await signIn();
    const shown = await fetch(site(`/admin/check-in/${passId}`), { headers: { cookie } });
    expect(shown.status).toBe(200);
    const shownText = await shown.text();
    expect(shownText).toContain('Thẻ đã bị huỷ');
    expect(shownText).not.toContain('Xác nhận check-in</button>');
    const refused = await adminPost(`/admin/check-in/${passId}`, {}, cookie);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Thẻ check-in đã bị huỷ');
    const refusedEn = await adminPost(`/admin/check-in/${passId}?lang=en`, {}, cookie);
    expect(refusedEn.status).toBe(409);
    expect(await refusedEn.text()).toContain('This check-in pass is void');
    const stored = await new Ceremony(store).pass(passId);
    expect(stored?.checkedInAt).toBeUndefined();
  });
});
