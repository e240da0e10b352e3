import ICAL from 'ical.js';
import * as ical from 'node-ical';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { venueIdOf } from '../../shared/usecases/venues.ts';
import {
  adminPost,
  type CapturedEmail,
  invoke,
  LOCAL_DIRECTOR,
  local,
  mailbox,
  recommend,
  seedDossier,
  signInAs,
  unique,
  waitForEmail,
} from './helpers.ts';

Object.assign(process.env, inject('local').env);

const COORDINATOR = 'coordinator@kgst.test';
const store = new Store(makeDocumentClient(), LOCAL_TABLE);
const site = (path: string) => `${local().urls.site}${path}`;
const tag = unique();
/** A day three weeks ahead, when the venue of this file is open. */
const day = addDays(ictDay(new Date()), 21);
const month = day.slice(0, 7);
const shown = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

type Attachment = { filename: string; contentType: string; content: string };
const postForm = (url: string, fields: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

let member: { email: string; space: string; dossierId: string; certificateId: string };
let venue: { id: string; name: string };
let cookie: string;

/** A member's proposal link, asked for on `/su-kien` as a person would, read from their mailbox. */
async function proposalLink(): Promise<string> {
  const before = (await mailbox()).length;
  const res = await postForm(site('/hoat-dong/sign-in'), { email: member.email.toUpperCase() });
  expect(res.status).toBe(303);
  const mail = await waitForEmail(
    (e) => e.destination.to.includes(member.email) && e.subject.includes('Đường dẫn đăng ký hoạt động'),
    15_000,
  ).then(async (first) => {
    // The newest of this member's link emails (an earlier call's is in the mailbox too).
    const all = (await mailbox()).slice(before);
    return all.findLast((e) => e.destination.to.includes(member.email)) ?? first;
  });
  return /https?:\/\/\S+\/hoat-dong\/new\/[\w-]+\?s=[\w-]+/.exec(mail.body.text ?? '')![0];
}

const proposal = (link: string, fields: Record<string, string>) =>
  postForm(link.replace(/\?s=.*/, ''), {
    s: new URL(link).searchParams.get('s')!,
    titleVi: `Đêm nhạc dân gian ${tag}`,
    titleEn: `Folk music night ${tag}`,
    description: 'Hòa nhạc ca trù và chèo, giao lưu với nghệ nhân; vào cửa tự do.',
    venueId: venue.id,
    date: day,
    from: '10:00',
    to: '12:00',
    attendance: '60',
    contactName: 'Phạm Út Quyên',
    contactPhone: '0912 345 678',
    ...fields,
  });

/** The feed as two independent parsers read it: UID → SEQUENCE and STATUS, from each. */
function parseFeed(text: string) {
  const nodeIcal = Object.values(ical.sync.parseICS(text))
    .filter((c) => c?.type === 'VEVENT')
    .map((e) => {
      const v = e as ical.VEvent & { sequence?: string | number };
      return { uid: v.uid, sequence: Number(v.sequence), status: v.status, summary: String(v.summary) };
    });
  const icalJs = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      sequence: e.sequence,
      status: String(c.getFirstPropertyValue('status')),
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
    };
  });
  return { nodeIcal, icalJs };
}

beforeAll(async () => {
  // A member: a dossier recommended, its certificate issued and the approval recorded, as the workflow does.
  const round: Round = { ...ROUND_2025, id: `act${tag}`, codePrefix: `A${tag}`, status: 'closed' };
  await new Rounds(store).create(round);
  const email = `member.act.${tag}@example.vn`;
  const { d } = await seedDossier(round, 'in_review', { prefix: 'it-act', email });
  await recommend(d.id);
  const certificate = (await invoke('issueCertificate', { dossierId: d.id, by: LOCAL_DIRECTOR })) as {
    certificateId: string;
  };
  await invoke('recordOutcome', {
    dossierId: d.id,
    action: 'approved',
    detail: {
      decision: { outcome: 'approved', by: LOCAL_DIRECTOR, at: new Date().toISOString(), comment: '' },
      certificate,
    },
  });
  member = { email, space: d.form.space.nameVi, dossierId: d.id, certificateId: certificate.certificateId };
  // This file's own venue, added on /admin/venues: open every day 08:00–18:00, for 100 people.
  cookie = await signInAs(store, COORDINATOR);
  const name = `Phòng thử nghiệm ${tag}`;
  const days = Object.fromEntries(
    [0, 1, 2, 3, 4, 5, 6].flatMap((i) => [
      [`open${i}`, '08:00'],
      [`close${i}`, '18:00'],
    ]),
  );
  const added = await adminPost(
    '/admin/venues',
    {
      nameVi: name,
      nameEn: `Test room ${tag}`,
      hostVi: 'Bảo tàng Hà Nội',
      hostEn: 'Hanoi Museum',
      capacity: '100',
      ...days,
    },
    cookie,
  );
  expect(added.status).toBe(303);
  venue = { id: venueIdOf(name), name };
}, 60_000);

describe('activities at the network’s venues (issue 16)', () => {
  let reviewMail: CapturedEmail;

  it('asks for a link with the same answer for anyone; only a member with a valid certificate gets one', async () => {
    const stranger = await postForm(site('/hoat-dong/sign-in'), { email: `nobody.${tag}@example.vn` });
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe('/su-kien?sent=1#propose');
    const page = await (await fetch(site('/su-kien?sent=1'))).text();
    expect(page).toContain('Kiểm tra email của bạn');
    const link = await proposalLink();
    const form = await (await fetch(link)).text();
    expect(form).toContain(member.space);
    expect(form).toContain(venue.name);
    const bad = await (await fetch(link.replace(/s=[\w-]+/, 's=wrongwrongwrongwrong'))).text();
    expect(bad).toContain('Đường dẫn không hợp lệ');
  });

  it('takes a proposal, and the Centre’s coordinators each get their own decision link', async () => {
    const link = await proposalLink();
    const res = await proposal(link, { needsPermit: 'yes' });
    expect(res.status).toBe(201);
    expect(await res.text()).toContain('Đã nhận đăng ký');
    reviewMail = await waitForEmail(
      (e) => e.destination.to.includes(COORDINATOR) && e.subject.includes(`Đêm nhạc dân gian ${tag}`),
      20_000,
    );
    expect(reviewMail.body.text).toContain(member.space);
    // The link was used: a second POST of it books nothing and says so.
    const again = await proposal(link, { from: '14:00', to: '15:00' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Đường dẫn đã được dùng');
  }, 40_000);

  it('refuses an overlapping booking of the venue, and a time outside its hours, naming the field in the page’s language', async () => {
    const link = await proposalLink();
    const clash = await proposal(link, { from: '11:00', to: '13:00', titleVi: `Trùng giờ ${tag}` });
    expect(clash.status).toBe(400);
    const clashPage = await clash.text();
    expect(clashPage).toContain('Từ (giờ Hà Nội)');
    expect(clashPage).toContain(`${venue.name} đã có hoạt động khác trong khung giờ ${shown} 11:00–13:00`);
    // The values as posted stay in the form.
    expect(clashPage).toContain(`value="Trùng giờ ${tag}"`);
    const english = await postForm(`${link.replace(/\?s=.*/, '')}?lang=en`, {
      s: new URL(link).searchParams.get('s')!,
      titleVi: 'Giờ sớm',
      titleEn: 'Early',
      description: 'Một buổi tập sớm trước giờ mở cửa.',
      venueId: venue.id,
      date: day,
      from: '06:00',
      to: '07:00',
      attendance: '500',
      contactName: 'Phạm Út Quyên',
      contactPhone: '0912 345 678',
    });
    expect(english.status).toBe(400);
    const englishPage = await english.text();
    expect(englishPage).toContain('From (Hanoi time)');
    expect(englishPage).toContain(`Outside Test room ${tag}’s opening hours that day (08:00–18:00)`);
    expect(englishPage).toContain(`Test room ${tag} holds at most 100 people`);
    // Refusals leave the link usable: the adjacent half hours are free.
    const next = await proposal(link, {
      from: '12:00',
      to: '13:00',
      titleVi: `Buổi chiều ${tag}`,
      titleEn: `Afternoon ${tag}`,
    });
    expect(next.status).toBe(201);
  }, 40_000);

  it('approves through the emailed link (GET shows, POST decides once): the member gets the .ics and the permit guidance', async () => {
    const url = /https?:\/\/\S+\/hoat-dong\/review\/[\w-]+\?s=[\w-]+/.exec(reviewMail.body.text ?? '')![0];
    const shownPage = await (await fetch(url)).text();
    expect(shownPage).toContain(`Đêm nhạc dân gian ${tag}`);
    expect(shownPage).toContain(`${shown} 10:00–12:00`);
    const s = new URL(url).searchParams.get('s')!;
    const decide = await postForm(url.replace(/\?s=.*/, ''), { s, outcome: 'approved', reason: '' });
    expect(decide.status).toBe(200);
    expect(await decide.text()).toContain('Đã ghi nhận quyết định');
    const again = await postForm(url.replace(/\?s=.*/, ''), { s, outcome: 'rejected', reason: 'Đổi ý' });
    expect(again.status).toBe(409);
    expect(await again.text()).toMatch(
      /Đăng ký này đã được chấp thuận bởi coordinator@kgst\.test lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/,
    );
    const confirmation = (await waitForEmail(
      (e) => e.destination.to.includes(member.email) && e.subject.includes('Hoạt động được chấp thuận'),
      20_000,
    )) as CapturedEmail & { attachments: Attachment[] };
    expect(confirmation.body.text).toContain('Hướng dẫn cấp phép');
    expect(confirmation.body.text).toContain('Giấy phép tổ chức sự kiện');
    const ics = Buffer.from(
      confirmation.attachments.find((a) => a.filename.endsWith('.ics'))!.content,
      'base64',
    ).toString('utf8');
    const { nodeIcal, icalJs } = parseFeed(ics);
    expect(nodeIcal).toHaveLength(1);
    expect(icalJs[0]).toMatchObject({ sequence: 0, status: 'CONFIRMED' });
    expect(icalJs[0]!.uid).toMatch(/^activity-act-[\w-]+@127\.0\.0\.1$/);
    // 10:00 in Hanoi is 03:00 UTC.
    expect(icalJs[0]!.start).toBe(`${day}T03:00:00.000Z`);
  }, 40_000);

  it('rejects with a reason through another coordinator’s link: the member is told why, and the time is free again', async () => {
    const mail = await waitForEmail(
      (e) => e.destination.to.includes('dieuphoi.e2e@kgst.test') && e.subject.includes(`Afternoon ${tag}`),
      20_000,
    );
    const url = /https?:\/\/\S+\/hoat-dong\/review\/[\w-]+\?s=[\w-]+/.exec(mail.body.text ?? '')![0];
    const s = new URL(url).searchParams.get('s')!;
    const noReason = await postForm(url.replace(/\?s=.*/, ''), { s, outcome: 'rejected', reason: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Ghi lý do từ chối');
    const reject = await postForm(url.replace(/\?s=.*/, ''), {
      s,
      outcome: 'rejected',
      reason: 'Trùng lịch bảo trì phòng',
    });
    expect(reject.status).toBe(200);
    const told = await waitForEmail(
      (e) =>
        e.destination.to.includes(member.email) &&
        e.subject.includes(`chưa được chấp thuận: Buổi chiều ${tag}`),
      20_000,
    );
    expect(told.body.text).toContain('Trùng lịch bảo trì phòng');
    const link = await proposalLink();
    const again = await proposal(link, {
      from: '12:00',
      to: '13:00',
      titleVi: `Buổi chiều mới ${tag}`,
      titleEn: `New afternoon ${tag}`,
    });
    expect(again.status).toBe(201);
  }, 40_000);

  it('shows the approved activity on /su-kien and in /su-kien.ics, read alike by node-ical and ical.js', async () => {
    const page = await (await fetch(site(`/su-kien?thang=${month}`))).text();
    expect(page).toContain(`Đêm nhạc dân gian ${tag}`);
    expect(page).toContain(shown);
    expect(page).toContain('10:00–12:00');
    expect(page).toContain(member.space);
    // The member's name links their directory profile.
    const slug = await new Members(store).slugOfDossier(member.dossierId);
    expect(slug).toBeTruthy();
    expect(page).toContain(`<a href="/thanh-vien/${slug}">${member.space}</a>`);
    // The rejected one is not shown.
    expect(page).not.toContain(`Buổi chiều ${tag}`);
    const bad = await fetch(site('/su-kien?thang=2026-13'));
    expect(bad.status).toBe(400);
    const res = await fetch(site('/su-kien.ics'));
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const { nodeIcal, icalJs } = parseFeed(await res.text());
    const mine = <E extends { summary: string }>(list: E[]) => list.filter((e) => e.summary.includes(tag));
    expect(mine(nodeIcal)).toHaveLength(1);
    expect(mine(nodeIcal).map(({ uid, sequence, status }) => ({ uid, sequence, status }))).toEqual(
      mine(icalJs).map(({ uid, sequence, status }) => ({ uid, sequence, status })),
    );
    expect(mine(icalJs)[0]).toMatchObject({ sequence: 0, status: 'CONFIRMED' });
  });

  it('revoking the certificate cancels the member’s future activities: STATUS:CANCELLED, SEQUENCE up, and an email', async () => {
    const res = await adminPost(
      `/admin/certificates/${member.certificateId}/revoke`,
      { reason: 'Không còn hoạt động sáng tạo' },
      cookie,
      { accept: 'application/json' },
    );
    expect(res.status).toBe(200);
    const mail = await waitForEmail(
      (e) => e.destination.to.includes(member.email) && e.subject.includes('Hủy các hoạt động sắp tới'),
      20_000,
    );
    expect(mail.body.text).toContain(`Đêm nhạc dân gian ${tag}`);
    expect(mail.body.text).toContain(`Buổi chiều mới ${tag}`);
    const { nodeIcal, icalJs } = parseFeed(await (await fetch(site('/su-kien.ics'))).text());
    const event = (list: { summary: string; uid: string }[]) => list.filter((e) => e.summary.includes(tag));
    expect(event(nodeIcal)).toEqual([expect.objectContaining({ sequence: 1, status: 'CANCELLED' })]);
    expect(event(icalJs)).toEqual([
      expect.objectContaining({ sequence: 1, status: 'CANCELLED', uid: event(nodeIcal)[0]!.uid }),
    ]);
    const page = await (await fetch(site(`/su-kien?thang=${month}`))).text();
    expect(page).not.toContain(`Đêm nhạc dân gian ${tag}`);
    // The venue's time is free again, but a revoked member gets no new link.
    const before = (await mailbox()).filter((e) => e.destination.to.includes(member.email)).length;
    await postForm(site('/hoat-dong/sign-in'), { email: member.email });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await mailbox()).filter((e) => e.destination.to.includes(member.email))).toHaveLength(before);
  }, 40_000);
});
