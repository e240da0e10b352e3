import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as ical from 'node-ical';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Links } from '../../shared/adapters/dynamodb/links.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { type Mailer, SesMailer } from '../../shared/adapters/ses/mailer.ts';
import type { Dossier, DossierStatus } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { addDays, fromIctLocal, ictDay } from '../../shared/domain/time.ts';
import { PLACEHOLDER_CONTACT } from '../../shared/env.ts';
import { IN_DOUBT_AFTER_MS } from '../../shared/usecases/bulk-send.ts';
import { makeInvitations, rsvpCutoffOf } from '../../shared/usecases/invitations.ts';
import {
  type CapturedEmail,
  getDossierItem,
  invoke,
  local,
  mailbox,
  seedDossier,
  unique,
} from './helpers.ts';

// This test file's own clients (adapters, the SES client) use the local system's loopback endpoints.
Object.assign(process.env, inject('local').env);

const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const rounds = new Rounds(store);
const dossiers = new Dossiers(store);
const links = new Links(store);
const ses = new SesMailer(new SESv2Client({}), 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>');

/** A round of this file's own (the current round is shared with other files and left alone). */
async function ownRound(tag: string, dates: Partial<Round> = {}): Promise<Round> {
  const today = ictDay(new Date());
  const round: Round = {
    ...ROUND_2025,
    id: `it-jobs-${tag}`,
    codePrefix: `J${tag}`,
    opensOn: addDays(today, -20),
    deadlineDate: addDays(today, 3),
    invitationsAt: `${addDays(today, 5)}T09:00`,
    ceremony: { ...ROUND_2025.ceremony, at: `${addDays(today, 20)}T15:00` },
    status: 'open',
    ...dates,
  };
  await rounds.create(round);
  return round;
}

/** A dossier written straight into the table in a given status (the workflow is not what is tested here). */
const seed = async (round: Round, status: DossierStatus, email?: string): Promise<Dossier> =>
  (await seedDossier(round, status, { prefix: 'it-jobs', email })).d;

const to = (e: CapturedEmail, d: Dossier) =>
  e.destination.to.some((a) => a.includes(d.form.representative.email));
const emailsTo = async (d: Dossier, subject: string) =>
  (await mailbox()).filter((e) => to(e, d) && e.subject.includes(subject));

describe('round jobs (connected)', () => {
  beforeAll(() => {
    local();
  });

  it('the deadline reminder reaches only the unsubmitted drafts of its round, once each even when run twice', async () => {
    // Prepare
    const round = await ownRound(unique());
    const other = await ownRound(unique());
    const drafts = [await seed(round, 'draft'), await seed(round, 'draft')];
    const submitted = await seed(round, 'submitted');
    const otherDraft = await seed(other, 'draft');

    // Act
    const first = (await invoke('jobs', { job: 'deadline-reminder', roundId: round.id })) as { sent: number };
    const second = (await invoke('jobs', { job: 'deadline-reminder', roundId: round.id })) as {
      sent: number;
      skipped: number;
    };

    // Assess
    expect(first.sent).toBe(2);
    expect(second).toMatchObject({ sent: 0, skipped: 2 });
    for (const d of drafts) {
      const mails = await emailsTo(d, 'ngày để nộp hồ sơ');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body.text).toMatch(/Còn \d ngày/);
      expect(mails[0]!.body.text).toContain(`${round.deadlineDate.split('-').reverse().join('/')} 23:59`);
      expect(mails[0]!.body.text).toMatch(
        new RegExp(`${local().env.PUBLIC_BASE_URL}/resume/[\\w-]+#[\\w-]{40,}`),
      );
    }
    expect(await emailsTo(submitted, 'ngày để nộp hồ sơ')).toHaveLength(0);
    expect(await emailsTo(otherDraft, 'ngày để nộp hồ sơ')).toHaveLength(0);
  });

  it('closing expires the drafts and sends the coordinators one summary with counts and the CSV link', async () => {
    // Prepare: a round whose deadline has passed
    const today = ictDay(new Date());
    const round = await ownRound(unique(), {
      deadlineDate: addDays(today, -1),
      opensOn: addDays(today, -30),
    });
    const draft = await seed(round, 'draft');
    await seed(round, 'submitted');
    await seed(round, 'approved');

    // Act
    const first = await invoke('jobs', { job: 'close-round', roundId: round.id });
    const again = await invoke('jobs', { job: 'close-round', roundId: round.id });

    // Assess
    expect(first).toMatchObject({ closed: true, expiredDrafts: 1, summarySent: true });
    expect(again).toMatchObject({ closed: true, expiredDrafts: 0, summarySent: false });
    expect((await getDossierItem(draft.id))!.status).toBe('expired');
    expect((await rounds.get(round.id))!.status).toBe('closed');
    const summaries = (await mailbox()).filter(
      (e) =>
        e.destination.to.includes('coordinator@kgst.test') &&
        e.subject.includes(round.name.vi) &&
        e.subject.includes('Tổng hợp'),
    );
    const mine = summaries.filter(
      (e) =>
        e.body.text?.includes('1 bản nháp chưa nộp đã hết hạn') && /\nĐã tiếp nhận +1\n/.test(e.body.text),
    );
    expect(mine).toHaveLength(1);
    // The text part shows each table as columns: a label, then its count
    const text = mine[0]!.body.text!;
    expect(text).toMatch(/\nĐược công nhận thành viên +1\n/);
    expect(text).toMatch(/\nHết hạn \(không nộp\) +1\n/);
    // validForm has two creative fields, both counted for the two applications
    expect(text).toMatch(/Theo lĩnh vực sáng tạo\n[^\n]+ +2\n[^\n]+ +2\n/);
    expect(text).toContain(`${local().env.PUBLIC_BASE_URL}/admin/export.csv`);
  });

  it('invitations run twice send one email per approved member, with an .ics that starts at the ceremony in ICT', async () => {
    // Prepare
    const round = await ownRound(unique());
    const members = [
      await seed(round, 'approved'),
      await seed(round, 'approved'),
      await seed(round, 'approved'),
    ];
    const draft = await seed(round, 'draft');

    // Act
    const first = await invoke('jobs', { job: 'send-invitations', roundId: round.id });
    const second = await invoke('jobs', { job: 'send-invitations', roundId: round.id });

    // Assess
    expect(first).toMatchObject({ sent: 3, failed: [] });
    expect(second).toMatchObject({ sent: 0, skipped: 3 });
    for (const m of members) expect(await emailsTo(m, 'Thư mời')).toHaveLength(1);
    expect(await emailsTo(draft, 'Thư mời')).toHaveLength(0);

    const mail = (await emailsTo(members[0]!, 'Thư mời'))[0]! as CapturedEmail & {
      attachments: { filename: string; contentType: string; content: string }[];
    };
    expect(mail.body.text).toContain(round.ceremony.venue.vi);
    expect(mail.body.text).toMatch(new RegExp(`${local().env.PUBLIC_BASE_URL}/rsvp/[\\w-]+\\?s=[\\w-]{40,}`));
    // The calendar part beside the HTML (what Gmail and Outlook show as an invitation), and the same .ics
    // attached as a file for other clients.
    const calendar = mail.attachments.find((a) => a.contentType === 'text/calendar')!;
    const ics = mail.attachments.find((a) => a.filename === 'invitation.ics')!;
    const raw = Buffer.from(calendar.content, 'base64').toString('utf8');
    expect(Buffer.from(ics.content, 'base64').toString('utf8')).toBe(raw);
    expect(raw).toContain('METHOD:REQUEST');
    const parsed = ical.sync.parseICS(raw);
    const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    // 15:00 in Hanoi is 08:00 UTC
    expect(event.start.toISOString()).toBe(fromIctLocal(round.ceremony.at).toISOString());
    expect(event.uid).toBe(`ceremony-${round.id}-${members[0]!.id}@127.0.0.1`);
    expect(String(event.sequence)).toBe('0');
    const attendee = event.attendee as unknown as { params: { RSVP: string }; val: string };
    expect(attendee.val).toBe(`mailto:${members[0]!.form.representative.email}`);
    // No calendar reply asked, and any sent anyway reaches the Centre's contact, not the no-reply sender.
    expect(String(attendee.params.RSVP).toUpperCase()).toBe('FALSE');
    expect((event.organizer as unknown as { val: string }).val).toBe(`mailto:${PLACEHOLDER_CONTACT.email}`);
  });
});

describe('invitations use-case with the real adapters (connected)', () => {
  const base = (mailer: Mailer, now: () => Date) =>
    makeInvitations({
      store,
      rounds,
      dossiers,
      links,
      mailer,
      clock: now,
      publicBaseUrl: local().env.PUBLIC_BASE_URL!,
      organizer: { name: 'Ban tổ chức', email: 'lienhe@kgst.hanoi.local' },
      concurrency: 2,
    });

  it('a send failure after k emails, then a re-run, reaches every member exactly once', async () => {
    // Prepare: a mailer that fails on its 3rd call (as SES would on one bad address)
    const round = await ownRound(unique());
    const members = await Promise.all(Array.from({ length: 6 }, () => seed(round, 'approved')));
    let calls = 0;
    const flaky: Mailer = {
      send: async (e) => {
        calls++;
        if (calls === 3) throw new Error('MessageRejected: Email address is not verified');
        return ses.send(e);
      },
    };

    // Act
    const first = await base(flaky, () => new Date()).sendInvitations(round.id);
    const second = await base(flaky, () => new Date()).sendInvitations(round.id);

    // Assess
    expect(first).toMatchObject({ sent: 5 });
    expect(first.failed).toHaveLength(1);
    expect(second).toMatchObject({ sent: 1, skipped: 5, failed: [] });
    for (const m of members) expect(await emailsTo(m, 'Thư mời')).toHaveLength(1);
  });

  it('a run that dies between claiming and emailing: a later run sends what it left, once that run is surely dead', async () => {
    // Prepare: 120 members (chunks of 50, 50, 20); a mailer that stops answering at its 70th email, as a
    // process that dies there: chunk 1 went, 19 of chunk 2 went, chunk 3 was claimed ahead
    const round = await ownRound(unique());
    const members = await Promise.all(Array.from({ length: 120 }, () => seed(round, 'approved')));
    let calls = 0;
    const dying: Mailer = {
      send: (e) => (++calls >= 70 ? new Promise<never>(() => undefined) : ses.send(e)),
    };
    void base(dying, () => new Date()).sendInvitations(round.id);
    while (calls < 71) await new Promise((r) => setTimeout(r, 10));

    // Act: a re-run at once (the first run could still be alive), then one after IN_DOUBT_AFTER_MS
    const soon = await base(ses, () => new Date()).sendInvitations(round.id);
    const later = await base(ses, () => new Date(Date.now() + IN_DOUBT_AFTER_MS + 60_000)).sendInvitations(
      round.id,
    );

    // Assess: the early re-run leaves the claims alone and says they are in doubt (not complete); the
    // later one sends chunks 2 and 3 again
    expect(soon).toMatchObject({ complete: false, sent: 0, recovered: 0, skipped: 50, inDoubt: 70 });
    expect(later).toMatchObject({ sent: 70, recovered: 70, skipped: 50, failed: [] });
    const invitations = (await mailbox()).filter((e) => e.subject.includes('Thư mời'));
    const counts = members.map((m) => invitations.filter((e) => to(e, m)).length);
    // Nobody is left out; only the 19 of the dead chunk emailed before the crash got a second one
    expect(counts.filter((n) => n === 0)).toEqual([]);
    expect(counts.filter((n) => n === 2)).toHaveLength(19);
    expect(counts.filter((n) => n > 2)).toEqual([]);
  });

  it('two runs at once, with a late approval racing them, still send each member exactly one invitation', async () => {
    // Prepare: more members than one claim chunk, and a member approved while the runs go
    const round = await ownRound(unique());
    const members = await Promise.all(Array.from({ length: 60 }, () => seed(round, 'approved')));
    const invitations = base(ses, () => new Date());
    await invitations.sendInvitations(round.id); // marks that invitations went out (and sends to the 60)
    const late = await Promise.all(Array.from({ length: 70 }, () => seed(round, 'approved')));

    // Act: two job runs and the approval step of one late member, all at once
    const [a, b, single] = await Promise.all([
      base(ses, () => new Date()).sendInvitations(round.id),
      base(ses, () => new Date()).sendInvitations(round.id),
      invitations.inviteIfAlreadySent(late[0]!.id),
    ]);

    // Assess: the 70 late members were sent once between the three; nobody twice
    expect(a.sent + b.sent + (single.invited ? 1 : 0)).toBe(70);
    expect(a.failed).toEqual([]);
    expect(b.failed).toEqual([]);
    const invitationsSent = (await mailbox()).filter((e) => e.subject.includes('Thư mời'));
    const counts = [...members, ...late].map((m) => invitationsSent.filter((e) => to(e, m)).length);
    expect(counts).toEqual(Array(130).fill(1));
  });

  it('a member approved after the invitations went out is invited on approval, once', async () => {
    const round = await ownRound(unique());
    const before = base(ses, () => new Date());
    const early = await seed(round, 'approved');
    expect(await before.inviteIfAlreadySent(early.id)).toEqual({ invited: false });
    await before.sendInvitations(round.id);
    const late = await seed(round, 'approved');

    expect(await before.inviteIfAlreadySent(late.id)).toEqual({ invited: true });
    expect(await before.inviteIfAlreadySent(late.id)).toEqual({ invited: false });
    expect(await emailsTo(late, 'Thư mời')).toHaveLength(1);
    expect(await emailsTo(early, 'Thư mời')).toHaveLength(1);
  });

  it('RSVP: the link page, a change before the cutoff, a refusal after it; accepting sends one check-in pass', async () => {
    // Prepare
    const round = await ownRound(unique());
    const member = await seed(round, 'approved');
    let now = new Date();
    const invitations = base(ses, () => now);
    await invitations.sendInvitations(round.id);
    const mail = (await emailsTo(member, 'Thư mời'))[0]!;
    const [, linkId, secret] = /\/rsvp\/([\w-]+)\?s=([\w-]+)/.exec(mail.body.text!)!;

    // Act + Assess: GET through the API shows the page and changes nothing
    const page = await fetch(`${local().urls.site}/rsvp/${linkId}?s=${secret}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(round.ceremony.venue.vi);
    await expect(invitations.open(linkId!, 'wrong-secret-wrong-secret')).rejects.toThrow(/not valid/);

    const yes = await invitations.answer(linkId!, secret!, {
      attending: true,
      guests: ['Lê Văn Khách'],
      accessibility: 'Xe lăn',
    });
    expect(yes.rsvp).toMatchObject({ attending: true, guests: ['Lê Văn Khách'] });
    await invitations.answer(linkId!, secret!, {
      attending: true,
      guests: ['Lê Văn Khách', 'Trần Thị B'],
      accessibility: '',
    });
    expect((await invitations.open(linkId!, secret!)).rsvp?.guests).toHaveLength(2);
    await expect(
      invitations.answer(linkId!, secret!, { attending: true, guests: ['a', 'b', 'c'], accessibility: '' }),
    ).rejects.toThrow();
    const passes = await emailsTo(member, 'check-in');
    expect(passes).toHaveLength(1);

    // After the cutoff the answer is kept and a change is refused with the cutoff time
    now = new Date(rsvpCutoffOf(round).getTime() + 60_000);
    await expect(
      invitations.answer(linkId!, secret!, { attending: false, guests: [], accessibility: '' }),
    ).rejects.toThrow(/Answers closed at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect((await invitations.open(linkId!, secret!)).rsvp?.attending).toBe(true);
    expect(await invitations.rsvpCounts(round.id)).toEqual({ attending: 1, declined: 0, guests: 2 });

    // Check-in: the pass works once, the second scan says when
    const passId = yes.rsvp!.passId!;
    const first = await invitations.checkIn(passId, 'coordinator@kgst.test');
    const second = await invitations.checkIn(passId, 'coordinator@kgst.test');
    expect(first.already).toBe(false);
    expect(second.already).toBe(true);
    expect(second.pass.checkedInAt).toBe(first.pass.checkedInAt);
  });
});
