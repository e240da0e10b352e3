import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as ical from 'node-ical';
import { describe, expect, inject, it } from 'vitest';
import { LocalScheduler } from '../../infra/local/scheduler.ts';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Links } from '../../shared/adapters/dynamodb/links.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Staff } from '../../shared/adapters/dynamodb/staff.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { LambdaJobStarter } from '../../shared/adapters/lambda/job-starter.ts';
import { type Mailer, type OutgoingEmail, SesMailer } from '../../shared/adapters/ses/mailer.ts';
import type { Dossier, DossierStatus } from '../../shared/domain/dossier.ts';
import { deadlineOf, isAcceptingApplications, ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { scheduleTimes } from '../../shared/domain/round-schedule.ts';
import { addDays, fromIctLocal, ictDay } from '../../shared/domain/time.ts';
import { withText } from '../../shared/mail/plain-text.ts';
import { renderRoundChangedPage } from '../../shared/pages/round-admin-pages.tsx';
import { makeCoordinatorSessions } from '../../shared/usecases/coordinator-session.ts';
import { makeInvitations } from '../../shared/usecases/invitations.ts';
import { makeRoundAdmin } from '../../shared/usecases/round-admin.ts';
import { makeFollowUp, makeRoundJobs } from '../../shared/usecases/round-jobs.ts';
import {
  adminPost,
  api,
  type CapturedEmail,
  local,
  mailbox,
  seedDossier,
  unique,
  validForm,
} from './helpers.ts';

Object.assign(process.env, inject('local').env);

const COORDINATOR = 'coordinator@kgst.test';
const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const rounds = new Rounds(store);
const dossiers = new Dossiers(store);
const links = new Links(store);
const ses = new SesMailer(new SESv2Client({}), 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>');
const today = () => ictDay(new Date());

/** A round of this file's own whose deadline passed yesterday (the current round is shared and left alone). */
async function lapsedRound(tag: string): Promise<Round> {
  const round: Round = {
    ...ROUND_2025,
    id: `it-admin-round-${tag}`,
    codePrefix: `A${tag}`,
    opensOn: addDays(today(), -20),
    deadlineDate: addDays(today(), -1),
    invitationsAt: `${addDays(today(), 30)}T09:00`,
    ceremony: { ...ROUND_2025.ceremony, at: `${addDays(today(), 40)}T15:00` },
    status: 'open',
  };
  await rounds.create(round);
  return round;
}

/** A dossier written into the table with an edit token the test knows. */
const seed = (round: Round, status: DossierStatus) =>
  seedDossier(round, status, { prefix: 'it-admin-round' });

const extendedMails = async (d: Dossier) =>
  (await mailbox()).filter(
    (e) => e.destination.to.includes(d.form.representative.email) && e.subject.includes('Gia hạn nộp hồ sơ'),
  );

const invitationsWith = (mailer: Mailer = ses) =>
  makeInvitations({
    store,
    rounds,
    dossiers,
    links,
    mailer,
    clock: () => new Date(),
    publicBaseUrl: local().env.PUBLIC_BASE_URL!,
    organizer: { name: 'Ban tổ chức', email: 'lienhe@kgst.hanoi.local' },
  });
const jobsWith = (mailer: Mailer = ses, clock = () => new Date()) =>
  makeRoundJobs({
    rounds,
    dossiers,
    links,
    mailer,
    clock,
    publicBaseUrl: local().env.PUBLIC_BASE_URL!,
    coordinators: async () => [COORDINATOR],
    invitations: invitationsWith(mailer),
  });
/** The local system's jobs function, through the local Lambda Invoke API and the real Lambda client. */
const jobsFunction = new LambdaJobStarter(new LambdaClient({}), 'jobs');
/** As the admin function composes it: follow-up emails for up to `budgetMs` in the request, the rest handed over. */
const roundAdmin = (mailer: Mailer = ses, budgetMs = 60_000) =>
  makeRoundAdmin({
    rounds,
    clock: () => new Date(),
    // Locally there are no EventBridge schedules to move: the local scheduler follows the round.
    schedules: undefined,
    followUp: makeFollowUp(jobsWith(mailer), jobsFunction, budgetMs),
  });

describe('extending the deadline (connected: use-case with the real adapters)', () => {
  it('moves the server-side check, emails each draft once, is audited, and the local schedules follow', async () => {
    // Prepare: a write refused after the old deadline
    const round = await lapsedRound(unique());
    const drafts = [await seed(round, 'draft'), await seed(round, 'draft')];
    const submitted = await seed(round, 'submitted');
    const put = (x: { d: Dossier; token: string }) =>
      api(`/api/applications/${x.d.id}`, {
        method: 'PUT',
        token: x.token,
        body: { ...validForm(x.d.id.slice(-6)), representative: x.d.form.representative },
      });
    const refused = await put(drafts[0]!);
    expect(refused.status).toBe(409);
    expect(isAcceptingApplications(round, new Date())).toBe(false);

    // Act
    const newDate = addDays(today(), 7);
    const result = await roundAdmin().extendDeadline(round.id, newDate, COORDINATOR);
    const again = await roundAdmin().extendDeadline(round.id, newDate, COORDINATOR);

    // Assess: the round the server checks has moved, so the same write is accepted now
    const saved = (await rounds.get(round.id))!;
    expect(saved.deadlineDate).toBe(newDate);
    expect(isAcceptingApplications(saved, new Date())).toBe(true);
    expect(deadlineOf(saved).getTime()).toBe(new Date(`${addDays(newDate, 1)}T00:00:00+07:00`).getTime() - 1);
    const accepted = await put(drafts[0]!);
    expect(accepted.status).toBe(200);

    // Each draft told once (the second call sends nothing), with the new deadline and a resume link
    expect(result.emails).toMatchObject({ sent: 2, skipped: 0, failed: [] });
    expect(again.emails).toMatchObject({ sent: 0, skipped: 2 });
    const shown = `${newDate.split('-').reverse().join('/')} 23:59`;
    for (const { d } of drafts) {
      const mails = await extendedMails(d);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body.text).toContain(shown);
      expect(mails[0]!.body.text).toMatch(
        new RegExp(`${local().env.PUBLIC_BASE_URL}/resume/[\\w-]+#[\\w-]{40,}`),
      );
    }
    expect(await extendedMails(submitted.d)).toHaveLength(0);

    // Who and when, once
    const audit = await rounds.auditTrail(round.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      by: COORDINATOR,
      action: 'extend-deadline',
      from: round.deadlineDate,
      to: newDate,
    });

    // The local scheduler, pointed at this round, shows the new reminder and close times
    const dir = await mkdtemp(path.join(tmpdir(), 'hcsn-sched-'));
    const scheduler = new LocalScheduler({
      rounds: { list: async () => [(await rounds.get(round.id))!] } as unknown as Rounds,
      invoke: () => Promise.reject(new Error('The test only lists the schedules')),
      clockFile: path.join(dir, 'clock.json'),
      stateFile: path.join(dir, 'state.json'),
      log: () => undefined,
    });
    const jobs = await scheduler.list();
    expect(jobs.find((j) => j.job === 'close-round')).toMatchObject({
      at: `${addDays(newDate, 1)}T00:00:00`,
      due: false,
    });
    expect(jobs.find((j) => j.job === 'deadline-reminder')!.at).toBe(
      scheduleTimes(saved)['deadline-reminder'],
    );
  });

  it('a round that already closed opens again, and its next close sends the coordinators a new summary', async () => {
    // Prepare: the closing job ran at the old deadline
    const round = await lapsedRound(unique());
    await seed(round, 'submitted');
    let now = new Date();
    const jobs = jobsWith(ses, () => now);
    expect(await jobs.run({ job: 'close-round', roundId: round.id })).toMatchObject({ summarySent: true });
    expect((await rounds.get(round.id))!.status).toBe('closed');

    // Act
    const newDate = addDays(today(), 2);
    await roundAdmin().extendDeadline(round.id, newDate, COORDINATOR);

    // Assess
    const reopened = (await rounds.get(round.id))!;
    expect(reopened.status).toBe('open');
    expect(isAcceptingApplications(reopened, now)).toBe(true);
    now = new Date(deadlineOf(reopened).getTime() + 60_000);
    expect(await jobs.run({ job: 'close-round', roundId: round.id })).toMatchObject({
      closed: true,
      summarySent: true,
    });
    expect(await jobs.run({ job: 'close-round', roundId: round.id })).toMatchObject({ summarySent: false });
  });

  it('refuses a date not later than the current deadline or in the past, and changes nothing', async () => {
    const round = await lapsedRound(unique());
    const earlier = addDays(round.deadlineDate, -3);
    // The refusal carries both languages; the answer shows the request's.
    await expect(roundAdmin().extendDeadline(round.id, earlier, COORDINATOR)).rejects.toMatchObject({
      textIssues: [
        {
          path: 'deadlineDate',
          field: { vi: 'Hạn nộp mới', en: 'New deadline' },
          message: {
            vi: expect.stringMatching(/^Phải sau hạn hiện tại/),
            en: expect.stringMatching(/^Must be later than the current deadline/),
          },
        },
      ],
    });
    // Later than the lapsed deadline but still before today
    const lapsed = await lapsedRound(unique());
    await rounds.save({ ...lapsed, deadlineDate: addDays(today(), -3) });
    await expect(
      roundAdmin().extendDeadline(lapsed.id, addDays(today(), -2), COORDINATOR),
    ).rejects.toMatchObject({
      textIssues: [
        { path: 'deadlineDate', message: { vi: 'Ngày này đã qua', en: 'This day is in the past' } },
      ],
    });
    expect((await rounds.get(round.id))!.deadlineDate).toBe(round.deadlineDate);
    expect(await rounds.auditTrail(round.id)).toEqual([]);
  });

  it('a failed email is retried by sending the same date again; the others are not sent twice', async () => {
    const round = await lapsedRound(unique());
    const drafts = [await seed(round, 'draft'), await seed(round, 'draft'), await seed(round, 'draft')];
    let calls = 0;
    const flaky: Mailer = {
      send: async (e: OutgoingEmail) => {
        if (++calls === 2) throw new Error('Throttling: Maximum sending rate exceeded');
        return ses.send(e);
      },
    };
    const newDate = addDays(today(), 5);
    const first = await roundAdmin(flaky).extendDeadline(round.id, newDate, COORDINATOR);
    const retry = await roundAdmin(flaky).extendDeadline(round.id, newDate, COORDINATOR);
    expect(first.emails).toMatchObject({ sent: 2 });
    expect(first.emails.failed).toHaveLength(1);
    expect(retry.emails).toMatchObject({ sent: 1, skipped: 2, failed: [] });
    for (const { d } of drafts) expect(await extendedMails(d)).toHaveLength(1);
    expect(await rounds.auditTrail(round.id)).toHaveLength(1);
  });
});

describe('follow-up emails that outlast the request (connected: through the local Lambda Invoke API)', () => {
  it('the dashboard sends what fits in its time, the jobs function sends the rest, each draft once', async () => {
    // Prepare: 120 drafts and a mailer that takes 20 ms per email, so 40 ms of budget covers two chunks of 50
    const round = await lapsedRound(unique());
    const drafts = await Promise.all(Array.from({ length: 120 }, () => seed(round, 'draft')));
    const slow: Mailer = {
      send: async (e) => {
        await new Promise((r) => setTimeout(r, 20));
        return ses.send(e);
      },
    };

    // Act
    const result = await roundAdmin(slow, 40).extendDeadline(round.id, addDays(today(), 9), COORDINATOR);

    // Assess: part sent in the request, the rest handed over and sent by the jobs function
    expect(result.emails).toMatchObject({ complete: false, handedOver: true, failed: [] });
    expect(result.emails.sent).toBeGreaterThan(0);
    expect(result.emails.sent).toBeLessThan(120);
    // The coordinator's page says the rest goes on by itself (and not to submit again)
    const page = renderRoundChangedPage({
      lang: 'vi',
      email: COORDINATOR,
      csrf: 'test-token',
      round: result.round,
      what: 'deadline',
      emails: result.emails,
    });
    expect(page).toContain('đang được tiếp tục gửi ở chế độ nền');
    expect(page).not.toContain('hãy gửi lại biểu mẫu');
    const told = async () => {
      const mails = (await mailbox()).filter((e) => e.subject.includes('Gia hạn nộp hồ sơ'));
      return drafts.map(
        ({ d }) => mails.filter((e) => e.destination.to.includes(d.form.representative.email)).length,
      );
    };
    const deadline = Date.now() + 20_000;
    while ((await told()).some((n) => n === 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await told()).toEqual(Array(120).fill(1));
  });
});

describe('POST /admin/rounds/{id}/deadline (connected)', () => {
  it('needs a session, and a date before the current deadline is a 400 with the field', async () => {
    const current = (await rounds.current())!;
    const anonymous = await fetch(`${local().urls.site}/admin/rounds/${current.id}/deadline`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'deadlineDate=2099-01-01',
    });
    expect(anonymous.status).toBe(403);

    const sent: OutgoingEmail[] = [];
    await makeCoordinatorSessions({
      store,
      links,
      mailer: {
        send: async (e) => {
          sent.push(await withText(e));
          return { messageId: 'caught' };
        },
      },
      clock: () => new Date(),
      publicBaseUrl: local().env.PUBLIC_BASE_URL!,
      staff: new Staff(store),
      secureCookies: false,
    }).requestSignIn(COORDINATOR);
    const [, linkId, secret] = /\/admin\/sign-in\/([\w-]+)#([\w-]+)/.exec(sent[0]!.text!)!;
    const signedIn = await fetch(`${local().urls.site}/admin/sign-in/${linkId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ secret }),
    });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;

    const dashboard = await (await fetch(`${local().urls.site}/admin`, { headers: { cookie } })).text();
    expect(dashboard).toContain(`action="/admin/rounds/${current.id}/deadline"`);
    for (const deadlineDate of ['2000-01-01', 'not-a-date']) {
      const res = await adminPost(`/admin/rounds/${current.id}/deadline`, { deadlineDate }, cookie, {
        accept: 'application/json',
      });
      expect(res.status).toBe(400);
      expect((await res.json()).issues[0].path).toBe('deadlineDate');
    }
    // The refusal is in the request's language, not one "vi / en" string.
    for (const [query, field, message] of [
      ['', 'Hạn nộp mới', /^Phải sau hạn hiện tại \(\d\d\/\d\d\/\d{4}\)$/],
      ['?lang=en', 'New deadline', /^Must be later than the current deadline \(\d\d\/\d\d\/\d{4}\)$/],
    ] as const) {
      const res = await adminPost(
        `/admin/rounds/${current.id}/deadline${query}`,
        { deadlineDate: '2000-01-01' },
        cookie,
        { accept: 'application/json' },
      );
      expect((await res.json()).issues).toEqual([
        { path: 'deadlineDate', field, message: expect.stringMatching(message) },
      ]);
    }
    expect((await rounds.current())!.deadlineDate).toBe(current.deadlineDate);
  });
});

describe('changing the ceremony sends an update (connected: use-cases with the real adapters)', () => {
  const invitations = invitationsWith;
  const admin = (mailer: Mailer = ses) => roundAdmin(mailer);

  /** The VEVENT of each invitation email to a member, oldest first. */
  async function eventsOf(d: Dossier) {
    const mails = (await mailbox()).filter(
      (e) => e.destination.to.includes(d.form.representative.email) && e.subject.includes('Thư mời'),
    ) as (CapturedEmail & { attachments: { filename: string; content: string }[] })[];
    return mails.map((m) => {
      const raw = Buffer.from(m.attachments.find((a) => a.filename === 'invitation.ics')!.content, 'base64');
      const parsed = ical.sync.parseICS(raw.toString('utf8'));
      return {
        subject: m.subject,
        event: Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent,
      };
    });
  }

  it('every invited member gets the new time and venue once, same UID, SEQUENCE + 1', async () => {
    // Prepare: two members invited (SEQUENCE 0), one approved member not invited yet
    const round = await lapsedRound(unique());
    const members = [(await seed(round, 'approved')).d, (await seed(round, 'approved')).d];
    expect(await invitations().sendInvitations(round.id)).toMatchObject({ sent: 2 });
    const late = (await seed(round, 'approved')).d;
    const newAt = `${addDays(today(), 45)}T09:30`;
    const venue = { vi: 'Nhà hát Lớn Hà Nội, số 1 Tràng Tiền', en: 'Hanoi Opera House, 1 Trang Tien' };

    // Act: the change, the same form sent again, then a second change
    const first = await admin().changeCeremony(round.id, { at: newAt, venue }, COORDINATOR);
    const again = await admin().changeCeremony(round.id, { at: newAt, venue }, COORDINATOR);

    // Assess
    expect(first.round.ceremony).toEqual({ at: newAt, venue, sequence: 1 });
    expect(first.emails).toMatchObject({ sent: 2, skipped: 0, failed: [] });
    expect(again.emails).toMatchObject({ sent: 0, skipped: 2 });
    for (const m of members) {
      const [original, update] = await eventsOf(m);
      expect(update).toBeDefined();
      expect(update!.subject).toContain('Cập nhật');
      expect(update!.event.uid).toBe(original!.event.uid);
      expect(Number(original!.event.sequence)).toBe(0);
      expect(Number(update!.event.sequence)).toBe(1);
      expect(update!.event.start.toISOString()).toBe(fromIctLocal(newAt).toISOString());
      expect(String(update!.event.location)).toContain('Nhà hát Lớn Hà Nội');
    }
    expect(await eventsOf(late)).toHaveLength(0);

    const second = await admin().changeCeremony(
      round.id,
      { at: newAt, venue: { ...venue, vi: `${venue.vi} (sảnh chính)` } },
      COORDINATOR,
    );
    expect(second.emails).toMatchObject({ sent: 2 });
    const [, , latest] = await eventsOf(members[0]!);
    expect(Number(latest!.event.sequence)).toBe(2);
    const audit = await rounds.auditTrail(round.id);
    expect(audit.filter((e) => e.action === 'change-ceremony')).toHaveLength(2);
  });

  it('a failed update is sent by a re-run, once', async () => {
    const round = await lapsedRound(unique());
    const members = [(await seed(round, 'approved')).d, (await seed(round, 'approved')).d];
    await invitations().sendInvitations(round.id);
    let calls = 0;
    const flaky: Mailer = {
      send: async (e) => {
        if (++calls === 1) throw new Error('Throttling: Maximum sending rate exceeded');
        return ses.send(e);
      },
    };
    const change = { at: `${addDays(today(), 50)}T15:00`, venue: round.ceremony.venue };
    const first = await admin(flaky).changeCeremony(round.id, change, COORDINATOR);
    const retry = await admin(flaky).changeCeremony(round.id, change, COORDINATOR);
    expect(first.emails.sent).toBe(1);
    expect(first.emails.failed).toHaveLength(1);
    expect(retry.emails).toMatchObject({ sent: 1, skipped: 1, failed: [] });
    for (const m of members) {
      const events = await eventsOf(m);
      expect(events.map((e) => Number(e.event.sequence))).toEqual([0, 1]);
    }
  });
});
