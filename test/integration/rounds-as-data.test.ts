import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../infra/local/system.ts';
import { ROUND_2025 } from '../../shared/domain/round.ts';
import { settingsOf } from '../../shared/domain/round-settings.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { type CapturedEmail, makeClient, reviewLinkIn, validForm } from '../support/client.ts';
import { readDossier, startOwnSystem } from '../support/own-system.ts';
import { csrfTokenOf } from './helpers.ts';

const COORDINATOR = 'dieuphoi.rounds@kgst.test';
const REVIEWER_A = 'thamdinh.a@kgst.test';
const REVIEWER_B = 'thamdinh.b@kgst.test';
const FIRST_ADMIN = 'quantri@kgst.test';

/**
 * A whole system of its own (opening a round changes what the public site shows), driven over HTTP as a
 * coordinator and an applicant would: rounds and staff are data, managed on /admin.
 */
describe('rounds and staff as data, on /admin (connected, own system)', () => {
  let system: LocalSystem;
  let stop: () => Promise<void>;
  const client = makeClient(() => system.urls);
  const site = (path: string) => `${system.urls.site}${path}`;
  let cookie = '';

  /** Asks for a sign-in link as a person would and follows it; the session cookie, or undefined. */
  async function signIn(email: string): Promise<string | undefined> {
    const before = (await client.mailbox()).length;
    await client.postForm(site('/admin/sign-in'), { email });
    let mail: CapturedEmail | undefined;
    const until = Date.now() + 3000;
    while (!mail && Date.now() < until) {
      mail = (await client.mailbox()).slice(before).find((e) => e.destination.to.includes(email));
      if (!mail) await new Promise((r) => setTimeout(r, 100));
    }
    if (!mail) return undefined;
    const [, linkId, secret] = /\/admin\/sign-in\/([\w-]+)#([\w-]+)/.exec(mail.body.text ?? '')!;
    const res = await fetch(site(`/admin/sign-in/${linkId}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ secret }),
    });
    return res.headers
      .getSetCookie()
      .find((c) => c.startsWith('hcsn_session='))
      ?.split(';')[0];
  }

  /** Posts an admin form with the session and its page's token, without following the redirect. */
  const post = async (path: string, fields: URLSearchParams | Record<string, string>, as = cookie) => {
    const body = new URLSearchParams(fields);
    if (path.startsWith('/admin/')) body.set('_csrf', await csrfTokenOf(as, system.urls.site));
    return fetch(site(path), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: as },
      body: body.toString(),
    });
  };
  const get = async (path: string, as = cookie) => {
    const res = await fetch(site(path), { headers: { cookie: as } });
    return { status: res.status, text: await res.text() };
  };

  /** The round settings form as the page posts it: the 2025 checklist, the given dates and reviewers. */
  function roundForm(id: string, opensOn: string, deadline: string, reviewers: string[]) {
    const form = new URLSearchParams({
      id,
      nameVi: `Đợt kết nạp ${id}`,
      nameEn: `Call ${id}`,
      opensOn,
      deadlineDate: deadline,
      reminderDaysBefore: '3',
      invitationsAt: `${addDays(deadline, 10)}T09:00`,
      ceremonyAt: `${addDays(deadline, 20)}T15:00`,
      venueVi: 'Bảo tàng Hà Nội',
      venueEn: 'Hanoi Museum',
    });
    for (const r of reviewers) form.append('reviewers', r);
    settingsOf(ROUND_2025).checklist.forEach((c, i) => {
      const n = (f: string) => `checklist.${i}.${f}`;
      form.set(n('slot'), c.slot);
      form.set(n('titleVi'), c.titleVi);
      form.set(n('titleEn'), c.titleEn);
      form.set(n('hintVi'), c.hintVi);
      form.set(n('hintEn'), c.hintEn);
      if (c.required) form.set(n('required'), 'on');
      form.set(n('minFiles'), String(c.minFiles));
      form.set(n('maxFiles'), String(c.maxFiles));
      for (const t of c.types) form.append(n('types'), t);
      form.set(n('maxMb'), String(c.maxMb));
    });
    // Blank rows, as the page sends them, are left out.
    form.set('checklist.6.slot', '');
    form.set('checklist.6.titleVi', '');
    return form;
  }

  beforeAll(async () => {
    // Its own system: opening rounds changes what the public site shows and where every applicant's draft
    // goes; the file needs to be the only coordinator (the last one cannot be removed) with a first admin
    // not yet on the staff; and it moves the clock 16 days.
    ({ system, stop } = await startOwnSystem('it-rounds', {
      coordinatorEmails: COORDINATOR,
      reviewerEmails: `${REVIEWER_A},${REVIEWER_B}`,
      adminEmail: FIRST_ADMIN,
    }));
    cookie = (await signIn(COORDINATOR))!;
    expect(cookie).toBeDefined();
  });
  afterAll(() => stop?.());

  it('staff changes take effect at once: a removed reviewer’s link and a removed coordinator’s session stop working', async () => {
    // A dossier of the demo round (its pool: A and B) gives each reviewer a link.
    const { id, editToken } = await client.readyDraft('staff', validForm('staff'));
    const { json } = await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const forB = await client.waitForEmail(
      (e) => e.destination.to.includes(REVIEWER_B) && e.subject.includes(json.code),
    );
    const linkB = reviewLinkIn(forB.body.text);
    expect((await fetch(linkB)).status).toBe(200);

    expect((await post('/admin/staff/remove', { email: REVIEWER_B })).status).toBe(303);
    const refused = await fetch(linkB);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('không còn trong danh sách cán bộ thẩm định');
    const staffPage = (await get('/admin/staff')).text;
    expect(staffPage).not.toContain(`data-staff="${REVIEWER_B}"`);
    expect(staffPage).toContain('data-action="remove-staff"');

    // A second coordinator, signed in, then removed: their next request is refused.
    const other = 'dieuphoi.hai@kgst.test';
    await post(
      '/admin/staff',
      new URLSearchParams({ email: other, name: 'Trần Văn Hai', roles: 'coordinator' }),
    );
    const otherCookie = (await signIn(other))!;
    expect((await get('/admin/rounds', otherCookie)).status).toBe(200);
    await post('/admin/staff/remove', { email: other });
    expect((await get('/admin/rounds', otherCookie)).status).toBe(403);

    // A reviewer signs in too, sees their dossiers, and no coordinator page.
    const reviewerCookie = (await signIn(REVIEWER_A))!;
    const mine = await get('/admin', reviewerCookie);
    expect(mine.text).toContain(json.code);
    expect((await get('/admin/staff', reviewerCookie)).status).toBe(403);

    // The last coordinator cannot be removed.
    const last = await post('/admin/staff/remove', { email: COORDINATOR });
    expect(last.status).toBe(409);
  });

  it('the deployment’s first coordinator is made once, at their first sign-in, and not again once removed', async () => {
    const adminCookie = await signIn(FIRST_ADMIN);
    expect(adminCookie).toBeDefined();
    const page = (await get('/admin/staff', adminCookie)).text;
    expect(page).toContain(`data-staff="${FIRST_ADMIN}"`);
    expect(page).toContain('data-action="bootstrap"');
    await post('/admin/staff/remove', { email: FIRST_ADMIN });
    expect(await signIn(FIRST_ADMIN)).toBeUndefined();
    expect((await get('/admin/staff')).text).not.toContain(`data-staff="${FIRST_ADMIN}"`);
  });

  it('create → open → an applicant applies → extend (schedules move) → close at the deadline (drafts expire, summary)', async () => {
    const today = ictDay(new Date());
    const deadline = addDays(today, 10);

    // A draft round is not public, and its settings are checked field by field, in Vietnamese.
    const bad = roundForm('2026', today, deadline, [REVIEWER_A]);
    bad.set('nameVi', '');
    bad.set('checklist.1.maxFiles', '1');
    const refused = await post('/admin/rounds', bad);
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain('Tên đợt (tiếng Việt)');
    expect(refusedPage).toContain('Tài liệu mục 2 · Số tệp tối đa');
    expect((await get('/admin/rounds/2026')).status).toBe(404);

    const created = await post('/admin/rounds', roundForm('2026', today, deadline, [REVIEWER_A]));
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/admin/rounds/2026');
    const draftPage = await get('/admin/rounds/2026');
    expect(draftPage.text).toContain('data-round-status="draft"');
    expect((await get('/')).text).not.toContain('Đợt kết nạp 2026');
    // The same id twice is refused, naming the field.
    const again = await post('/admin/rounds', roundForm('2026', today, deadline, [REVIEWER_A]));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Mã đợt');

    // Open: the public site shows it, and it takes applications.
    expect((await post('/admin/rounds/2026/open', {})).status).toBe(303);
    const home = await get('/');
    expect(home.text).toContain('Đợt kết nạp 2026');
    expect(home.text).toContain(`${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}`);
    const { id, editToken } = await client.readyDraft('r2026', validForm('r2026'));
    const submitted = await client.api(`/api/applications/${id}/submit`, {
      method: 'POST',
      token: editToken,
    });
    expect(submitted.json.code).toBe('KGST-2026-0001');
    // The review email goes to the round's pool (A), not to every reviewer on the staff.
    const review = await client.waitForEmail(
      (e) => e.destination.to.includes(REVIEWER_A) && e.subject.includes('KGST-2026-0001'),
    );
    expect(reviewLinkIn(review.body.text)).toContain('/review/');
    expect(
      (await client.mailbox()).some(
        (e) => e.destination.to.includes(REVIEWER_B) && e.subject.includes('KGST-2026-0001'),
      ),
    ).toBe(false);
    const unsent = await client.api('/api/applications', { body: validForm('r2026draft') });
    expect(unsent.status).toBe(201);

    // Extend: the local schedules (as EventBridge's would) move to the new deadline.
    const extended = addDays(deadline, 5);
    const ext = await post('/admin/rounds/2026/deadline', { deadlineDate: extended });
    expect(ext.status).toBe(200);
    const jobs = await fetch(site('/_local/jobs')).then((r) => r.text());
    expect(jobs).toContain(`data-job="2026/close-round" data-at="${addDays(extended, 1)}T00:00:00"`);

    // Play the deadline with the clock, then the closing job runs for this round.
    await post('/_local/clock', { hours: String(24 * 16) });
    try {
      const late = await client.api('/api/applications', { body: validForm('r2026late') });
      expect(late.status).toBe(409);
      const run = await post('/_local/jobs/run', { job: 'close-round', roundId: '2026' });
      expect(run.status).toBe(303);
    } finally {
      await post('/_local/clock', { hours: '0' });
    }
    expect((await readDossier(system, unsent.json.id))?.status).toBe('expired');
    await client.waitForEmail(
      (e) => e.destination.to.includes(COORDINATOR) && e.subject.includes('Đợt kết nạp 2026'),
    );
    const closedHome = await get('/');
    expect(closedHome.text).toContain('Đợt đăng ký đã đóng');

    // Every change is in the round's audit trail, with who made it.
    const page = (await get('/admin/rounds/2026')).text;
    for (const action of ['create-round', 'open-round', 'extend-deadline'])
      expect(page).toContain(`data-action="${action}"`);
    expect(page).toContain(COORDINATOR);
    // Earlier rounds stay readable with their dossiers and CSV.
    const list = await get('/admin?round=2026');
    expect(list.text).toContain('KGST-2026-0001');
    const csv = await get('/admin/export.csv?round=2026');
    expect(csv.text).toContain('KGST-2026-0001');
  });

  it('closing early stops applications at once and cancels nothing else; drafts can be deleted, opened rounds cannot', async () => {
    const today = ictDay(new Date());
    await post('/admin/rounds', roundForm('2027', today, addDays(today, 30), [REVIEWER_A]));
    await post('/admin/rounds/2027/open', {});
    const draft = await client.api('/api/applications', { body: validForm('r2027') });
    expect(draft.status).toBe(201);
    const closed = await post('/admin/rounds/2027/close', {});
    expect(closed.status).toBe(200);
    expect(await closed.text()).toContain('Đợt đã đóng');
    expect((await client.api('/api/applications', { body: validForm('r2027b') })).status).toBe(409);
    expect((await readDossier(system, draft.json.id))?.status).toBe('expired');
    expect((await post('/admin/rounds/2027/delete', {})).status).toBe(409);

    await post('/admin/rounds', roundForm('2028', today, addDays(today, 30), []));
    // A round with no reviewer cannot open.
    const noReviewers = await post('/admin/rounds/2028/open', {});
    expect(noReviewers.status).toBe(400);
    expect(await noReviewers.text()).toContain('Cán bộ thẩm định');
    expect((await post('/admin/rounds/2028/delete', {})).status).toBe(303);
    expect((await get('/admin/rounds/2028')).status).toBe(404);
  });
});
