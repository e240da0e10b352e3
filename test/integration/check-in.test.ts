import { SESv2Client } from '@aws-sdk/client-sesv2';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Ceremony } from '../../shared/adapters/dynamodb/ceremony.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Links } from '../../shared/adapters/dynamodb/links.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { SesMailer } from '../../shared/adapters/ses/mailer.ts';
import type { Dossier } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { addDays, formatIct, ictDay } from '../../shared/domain/time.ts';
import { makeInvitations } from '../../shared/usecases/invitations.ts';
import { acceptedPassOf, adminPost, local, seedDossier, signInAs, unique } from './helpers.ts';

Object.assign(process.env, inject('local').env);

const COORDINATOR = 'coordinator@kgst.test';
const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const rounds = new Rounds(store);
const dossiers = new Dossiers(store);
const links = new Links(store);
const ses = new SesMailer(new SESv2Client({}), 'Mạng lưới KGST Hà Nội <no-reply@kgst.hanoi.local>');
const site = (path: string) => `${local().urls.site}${path}`;

const signIn = () => signInAs(store, COORDINATOR);

async function ownRound(tag: string): Promise<Round> {
  const today = ictDay(new Date());
  const round: Round = {
    ...ROUND_2025,
    id: `it-checkin-${tag}`,
    codePrefix: `C${tag}`,
    opensOn: addDays(today, -20),
    deadlineDate: addDays(today, -5),
    invitationsAt: `${addDays(today, -1)}T09:00`,
    ceremony: { ...ROUND_2025.ceremony, at: `${addDays(today, 20)}T15:00` },
    status: 'closed',
  };
  await rounds.create(round);
  return round;
}

const approvedMember = async (round: Round, fullName: string): Promise<Dossier> =>
  (await seedDossier(round, 'approved', { prefix: 'it-checkin', fullName })).d;

const invitations = makeInvitations({
  store,
  rounds,
  dossiers,
  links,
  mailer: ses,
  clock: () => new Date(),
  publicBaseUrl: 'http://127.0.0.1',
  organizer: { name: 'Ban tổ chức', email: 'lienhe@kgst.hanoi.local' },
});

/** An accepted invitation's check-in pass id, through the invitation and RSVP use-cases. */
async function acceptedPass(round: Round, member: Dossier): Promise<string> {
  return acceptedPassOf(store, round.id, member.form.representative.email);
}

/** The check-in page (GET) or its button (POST, with the page's anti-CSRF token as the browser sends it). */
const checkInPage = (passId: string, cookie?: string, method = 'GET') =>
  method === 'POST' && cookie
    ? adminPost(`/admin/check-in/${passId}`, {}, cookie)
    : fetch(site(`/admin/check-in/${passId}`), { method, headers: cookie ? { cookie } : {} });

describe('ceremony check-in and RSVP counts on the dashboard (connected)', () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signIn();
  });

  it('GET shows the member and changes nothing; POST checks in once; a second scan says when', async () => {
    // Prepare
    const round = await ownRound(unique());
    const member = await approvedMember(round, 'Nguyễn Thị Hằng Nga');
    const passId = await acceptedPass(round, member);

    // Act + Assess: without a session, no name and no check-in
    const anonymous = await checkInPage(passId);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).not.toContain('Nguyễn Thị Hằng Nga');
    expect((await checkInPage(passId, undefined, 'POST')).status).toBe(403);
    expect((await invitations.pass(passId)).checkedInAt).toBeUndefined();

    // GET (twice, as a scanner would) only shows
    for (let i = 0; i < 2; i++) {
      const page = await checkInPage(passId, cookie);
      expect(page.status).toBe(200);
      const text = await page.text();
      expect(text).toContain('Nguyễn Thị Hằng Nga');
      expect(text).toContain(member.form.space.nameVi);
      expect(text).toContain('Xác nhận check-in');
    }
    expect((await invitations.pass(passId)).checkedInAt).toBeUndefined();

    const first = await checkInPage(passId, cookie, 'POST');
    expect(first.status).toBe(200);
    const firstText = await first.text();
    const stored = await invitations.pass(passId);
    expect(stored.checkedInAt).toBeDefined();
    expect(stored.checkedInBy).toBe(COORDINATOR);
    expect(firstText).toContain(`Đã check-in thành công lúc ${formatIct(stored.checkedInAt!)}`);

    const second = await checkInPage(passId, cookie, 'POST');
    expect(second.status).toBe(200);
    const secondText = await second.text();
    expect(secondText).toMatch(/Đã check-in lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(secondText).toContain(`Đã check-in lúc ${formatIct(stored.checkedInAt!)}`);
    expect(secondText).not.toContain('Xác nhận check-in</button>');
    // The time of the first scan stands
    expect((await invitations.pass(passId)).checkedInAt).toBe(stored.checkedInAt);

    const later = await (await checkInPage(passId, cookie)).text();
    expect(later).toContain(`Đã check-in lúc ${formatIct(stored.checkedInAt!)}`);
  });

  it('an unknown pass is a 404 page, not an error', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await checkInPage(`no-such-pass-${unique()}`, cookie, method);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Không tìm thấy thẻ check-in');
    }
  });

  it('the dashboard shows the RSVP counts of the current round', async () => {
    const rsvpCounts = (page: string) =>
      Object.fromEntries(
        [...page.matchAll(/<tr data-rsvp="(\w+)">.*?<td class="count">(\d+)<\/td>/g)].map((m) => [
          m[1]!,
          Number(m[2]),
        ]),
      );
    const before = rsvpCounts(await (await fetch(site('/admin'), { headers: { cookie } })).text());
    expect(Object.keys(before).sort()).toEqual(['attending', 'declined', 'guests']);

    // Prepare: two answers in the current round, written as the RSVP use-case stores them (seeding
    // approved dossiers there would change the dossier counts other files assert on).
    const current = (await rounds.current())!;
    const answer = (attending: boolean, guests: string[]) => {
      const dossierId = `it-checkin-rsvp-${unique()}`;
      return new Ceremony(store).saveRsvp({
        roundId: current.id,
        dossierId,
        attending,
        guests,
        accessibility: '',
        answeredAt: new Date().toISOString(),
      });
    };
    await answer(true, ['Lê Văn Khách', 'Trần Thị B']);
    await answer(false, []);

    const after = rsvpCounts(await (await fetch(site('/admin'), { headers: { cookie } })).text());
    expect(after.attending).toBeGreaterThanOrEqual(before.attending! + 1);
    expect(after.guests).toBeGreaterThanOrEqual(before.guests! + 2);
    expect(after.declined).toBeGreaterThanOrEqual(before.declined! + 1);
  });
});
