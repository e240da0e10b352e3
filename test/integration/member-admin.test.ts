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

/** The row of one activity on the permits page. */
const rowOf = (html: string, id: string) => {
  const start = html.indexOf(`data-activity="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</tr>', start));
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
