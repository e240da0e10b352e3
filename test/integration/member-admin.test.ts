import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Activities } from '../../shared/adapters/dynamodb/activities.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Activity, Venue } from '../../shared/domain/activity.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { type SeededMember, seedMember } from '../support/members.ts';
import { adminPost, invoke, local, sdk, signInAs, unique } from './helpers.ts';

Object.assign(process.env, inject('local').env);

/**
 * Issue 16, what the Centre does for members after the ceremony: marking an activity's permit obtained,
 * showing a hidden member again, and making the profiles of members certified before the directory.
 */

const COORDINATOR = 'coordinator@kgst.test';
const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const activities = new Activities(store);
const members = new Members(store);
const tag = unique();
const site = (path: string) => `${local().urls.site}${path}`;
const day = addDays(ictDay(new Date()), 20);

let round: Round;
let cookie: string;

const get = async (path: string, withCookie = true) => {
  const res = await fetch(site(path), withCookie ? { headers: { cookie } } : {});
  return { status: res.status, html: await res.text() };
};

/** The members a directory page lists, by their slugs. */
const slugsOn = (html: string) => [...html.matchAll(/data-member="([a-z0-9-]+)"/g)].map((m) => m[1]!);

/** The card of one activity on the permits page. */
const rowOf = (html: string, id: string) => {
  const start = html.indexOf(`data-activity="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};

const member = (name: string): Promise<SeededMember> =>
  seedMember(round, {
    nameVi: `${name} ${tag}`,
    creativeFields: ['design'],
    wardCode: '00004',
    description: 'Không gian sáng tạo mở cửa cho cộng đồng.',
  });

beforeAll(async () => {
  round = { ...ROUND_2025, id: `madm${tag}`, codePrefix: `M${tag}`, status: 'closed' };
  await new Rounds(store).create(round);
  cookie = await signInAs(store, COORDINATOR);
});

describe('permits: a coordinator records that an approved activity’s permit was obtained', () => {
  const venue: Venue = {
    id: `permit-hall-${tag}`,
    name: { vi: `Hội trường giấy phép ${tag}`, en: `Permit hall ${tag}` },
    host: { vi: 'Trung tâm', en: 'The Centre' },
    capacity: 200,
    hours: [
      { open: '08:00', close: '20:00' },
      { open: '08:00', close: '20:00' },
      { open: '08:00', close: '20:00' },
      { open: '08:00', close: '20:00' },
      { open: '08:00', close: '20:00' },
      { open: '08:00', close: '20:00' },
      { open: '08:00', close: '20:00' },
    ],
    updatedAt: new Date().toISOString(),
    updatedBy: COORDINATOR,
  };
  let holder: SeededMember;

  /** An activity as a member's proposal stores it, then approved as the workflow's outcome step does. */
  async function activity(id: string, from: string, to: string, needsPermit: boolean, approve = true) {
    const at = new Date().toISOString();
    const proposed: Activity = {
      id: `act-${id}-${tag}`,
      dossierId: holder.dossierId,
      memberName: holder.name,
      memberEmail: holder.email,
      venueId: venue.id,
      venueName: venue.name,
      start: `${day}T${from}`,
      end: `${day}T${to}`,
      titleVi: `Triển lãm áp phích <i>${id}</i> ${tag}`,
      titleEn: `Poster show ${id} ${tag}`,
      description: 'Triển lãm và quảng cáo ngoài trời.',
      attendance: 80,
      contactName: 'Lê Thu Hà',
      contactPhone: '0912 000 111',
      needsPermit,
      permitObtained: false,
      status: 'pending',
      sequence: 0,
      createdAt: at,
      updatedAt: at,
      history: [{ at, by: holder.email, action: 'proposed' }],
    };
    expect(await activities.book(proposed)).toBeUndefined();
    if (!approve) return proposed;
    const approved: Activity = {
      ...proposed,
      status: 'approved',
      history: [...proposed.history, { at, by: COORDINATOR, action: 'approved' }],
    };
    expect(await activities.change(proposed, approved, ['pending'], false)).toBe(true);
    return approved;
  }

  let poster: Activity;
  let noPermit: Activity;
  let pending: Activity;

  beforeAll(async () => {
    await activities.putVenue(venue);
    holder = await member('Xưởng Áp phích');
    [poster, noPermit, pending] = await Promise.all([
      activity('poster', '09:00', '11:00', true),
      activity('talk', '12:00', '13:00', false),
      activity('fair', '14:00', '16:00', true, false),
    ]);
  });

  it('lists the approved activities to come that need a permit, not yet obtained, in both languages', async () => {
    const { status, html } = await get('/admin/permits');
    expect(status).toBe(200);
    expect(html).toContain('Giấy phép của các hoạt động');
    const row = rowOf(html, poster.id);
    expect(row).toContain('data-permit="pending"');
    expect(row).toContain(`Triển lãm áp phích &lt;i>poster&lt;/i> ${tag}`);
    expect(row).toContain(venue.name.vi);
    expect(row).toContain(`action="/admin/permits/${poster.id}"`);
    // No permit needed, or not approved (yet): not listed.
    expect(rowOf(html, noPermit.id)).toBe('');
    expect(rowOf(html, pending.id)).toBe('');
    const en = await get('/admin/permits?lang=en');
    expect(en.html).toContain('Permits of activities');
    expect(rowOf(en.html, poster.id)).toContain(`Poster show poster ${tag}`);
    expect(rowOf(en.html, poster.id)).toContain(`action="/admin/permits/${poster.id}?lang=en"`);
    // Without a session: the sign-in form, no activity.
    const anonymous = await get('/admin/permits', false);
    expect(anonymous.status).toBe(403);
    expect(anonymous.html).not.toContain(poster.id);
  });

  it('marks it obtained once, with who and when; a second POST changes nothing; no token, no change', async () => {
    const forged = await adminPost(`/admin/permits/${poster.id}`, {}, cookie, { token: 'forged' });
    expect(forged.status).toBe(403);
    expect((await activities.get(poster.id))?.permitObtained).toBe(false);

    const before = Date.now();
    const marked = await adminPost(`/admin/permits/${poster.id}`, {}, cookie);
    expect(marked.status).toBe(303);
    expect(marked.headers.get('location')).toBe('/admin/permits');
    const stored = await activities.get(poster.id);
    expect(stored?.permitObtained).toBe(true);
    const events = stored!.history.filter((e) => e.action === 'permit-obtained');
    expect(events).toHaveLength(1);
    expect(events[0]!.by).toBe(COORDINATOR);
    expect(new Date(events[0]!.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The calendar's entry is the same event: no new SEQUENCE for subscribers.
    expect(stored!.sequence).toBe(poster.sequence);

    const row = rowOf((await get('/admin/permits')).html, poster.id);
    expect(row).toContain('data-permit="obtained"');
    expect(row).toContain(`bởi ${COORDINATOR}`);
    expect(row).not.toContain('<form');

    const again = await adminPost(`/admin/permits/${poster.id}`, {}, cookie, { accept: 'application/json' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ changed: false, permitObtained: true });
    const after = await activities.get(poster.id);
    expect(after!.history.filter((e) => e.action === 'permit-obtained')).toEqual(events);
    expect(after!.updatedAt).toBe(stored!.updatedAt);
  });

  it('refuses an activity that needs no permit (409) and one that does not exist (404)', async () => {
    const talk = await adminPost(`/admin/permits/${noPermit.id}`, {}, cookie);
    expect(talk.status).toBe(409);
    expect(await talk.text()).toContain('không cần giấy phép');
    expect((await activities.get(noPermit.id))?.permitObtained).toBe(false);
    const unknown = await adminPost(`/admin/permits/act-none-${tag}`, {}, cookie);
    expect(unknown.status).toBe(404);
  });
});

describe('a hidden member is shown again', () => {
  let m: SeededMember;
  let slug: string;

  beforeAll(async () => {
    m = await member('Phòng tranh Hàng Bông');
    slug = (await members.slugOfDossier(m.dossierId))!;
    const hidden = await adminPost(
      `/admin/members/${slug}/hide`,
      { reason: `Ảnh vi phạm bản quyền ${tag}` },
      cookie,
    );
    expect(hidden.status).toBe(303);
  });

  it('lists the hidden profile with who hid it, when and why; showing it needs a reason; it is back in /thanh-vien', async () => {
    const list = await get('/admin/members');
    expect(list.status).toBe(200);
    const start = list.html.indexOf(`data-hidden-member="${slug}"`);
    expect(start).toBeGreaterThan(0);
    const card = list.html.slice(start, list.html.indexOf('</section>', start));
    expect(card).toContain(m.name);
    expect(card).toContain(`Ảnh vi phạm bản quyền ${tag}`);
    expect(card).toContain(COORDINATOR);
    expect(card).toContain(`action="/admin/members/${slug}/show"`);
    expect(slugsOn((await get(`/thanh-vien?q=${tag}`, false)).html)).not.toContain(slug);
    expect((await get('/admin/members?lang=en')).html).toContain('Hidden member pages');

    const noReason = await adminPost(`/admin/members/${slug}/show`, { reason: '' }, cookie);
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Lý do hiện lại');
    const forged = await adminPost(`/admin/members/${slug}/show`, { reason: 'Giả mạo' }, cookie, {
      token: 'forged',
    });
    expect(forged.status).toBe(403);

    const reason = `Đã thay ảnh ${tag}`;
    const shown = await adminPost(`/admin/members/${slug}/show`, { reason }, cookie);
    expect(shown.status).toBe(303);
    expect(shown.headers.get('location')).toBe('/admin/members');
    expect(slugsOn((await get(`/thanh-vien?q=${tag}`, false)).html)).toContain(slug);
    expect((await get(`/thanh-vien/${slug}`, false)).status).toBe(200);
    expect((await get('/admin/members')).html).not.toContain(`data-hidden-member="${slug}"`);

    const audit = await sdk().ddb.send(
      new QueryCommand({
        TableName: LOCAL_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `DOSSIER#${m.dossierId}`, ':a': 'AUDIT#' },
      }),
    );
    const entries = (audit.Items ?? []).filter((a) => a.action === 'member_shown');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ by: COORDINATOR, reason });
    expect(entries[0]!.note.vi).toContain(reason);

    const again = await adminPost(`/admin/members/${slug}/show`, { reason }, cookie, {
      accept: 'application/json',
    });
    expect(await again.json()).toMatchObject({ changed: false });
  });
});

describe('profiles of members certified before the directory existed', () => {
  /** A member as an older deployment left it: certified and approved, with no profile (items removed). */
  async function withoutProfile(name: string): Promise<{ m: SeededMember; slug: string }> {
    const m = await member(name);
    const slug = (await members.slugOfDossier(m.dossierId))!;
    const { ddb } = sdk();
    for (const Key of [
      { pk: `MEMBER#${slug}`, sk: 'MEMBER' },
      { pk: `DOSSIER#${m.dossierId}`, sk: 'MEMBER' },
      { pk: `MEMBERMAIL#${m.email.toLowerCase()}`, sk: slug },
    ])
      await ddb.send(new DeleteCommand({ TableName: LOCAL_TABLE, Key }));
    await members.changed();
    expect(await members.slugOfDossier(m.dossierId)).toBeUndefined();
    expect((await get(`/thanh-vien/${slug}`, false)).status).toBe(404);
    return { m, slug };
  }

  it('are made by the jobs function, once: a second run makes nothing', async () => {
    const { m, slug } = await withoutProfile('Nhà sách Cũ');
    const first = (await invoke('jobs', { memberBackfillBy: COORDINATOR })) as { created: string[] };
    expect(first.created).toContain(m.dossierId);
    expect(await members.slugOfDossier(m.dossierId)).toBe(slug);
    const profile = await get(`/thanh-vien/${slug}`, false);
    expect(profile.status).toBe(200);
    expect(profile.html).toContain(m.name);
    expect(profile.html).toContain(`/verify/${m.certificateId}`);
    expect(slugsOn((await get(`/thanh-vien?q=${tag}`, false)).html)).toContain(slug);

    const second = (await invoke('jobs', { memberBackfillBy: COORDINATOR })) as {
      checked: number;
      created: string[];
    };
    expect(second.checked).toBeGreaterThan(0);
    expect(second.created).not.toContain(m.dossierId);
    expect(await members.slugsOfEmail(m.email)).toEqual([slug]);
    const { Item } = await sdk().ddb.send(
      new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `MEMBER#${slug}-2`, sk: 'MEMBER' } }),
    );
    expect(Item).toBeUndefined();
  });

  it('are started from /admin/members by a coordinator (token required), and appear in the directory', async () => {
    const { m, slug } = await withoutProfile('Xưởng In Lụa');
    const forged = await adminPost('/admin/members/backfill', {}, cookie, { token: 'forged' });
    expect(forged.status).toBe(403);
    const started = await adminPost('/admin/members/backfill', {}, cookie);
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe('/admin/members?backfill=started');
    expect((await get('/admin/members?backfill=started')).html).toContain(
      'Đã bắt đầu tạo các trang còn thiếu',
    );
    // The run is asynchronous (the jobs function, invoked as an event).
    const until = Date.now() + 20_000;
    while (!(await members.slugOfDossier(m.dossierId)) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 250));
    expect(await members.slugOfDossier(m.dossierId)).toBe(slug);
    expect((await get(`/thanh-vien/${slug}`, false)).status).toBe(200);
  });
});
