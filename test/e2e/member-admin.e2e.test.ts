import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { Activities } from '../../shared/adapters/dynamodb/activities.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { Activity, Venue } from '../../shared/domain/activity.ts';
import { ROUND_2025 } from '../../shared/domain/round.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { adminPost, signInAs } from '../integration/helpers.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { type SeededMember, seedMember } from '../support/members.ts';
import { AT_EASE, PHONE, problemsOnPhone } from '../support/phone.ts';

/** Issue 16: the coordinator's permits and hidden-members pages in Chromium on a 375 px phone. */
const COORDINATOR = 'coordinator@kgst.test';

describe('the permits and hidden members pages, on a 375 px phone (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-member-admin');
  const tag = `${Date.now() % 1_000_000}`;
  const day = addDays(ictDay(new Date()), 22);
  let phone: BrowserContext;
  let activity: Activity;
  let hidden: SeededMember;

  beforeAll(async () => {
    const store = new Store(makeDocumentClient(), LOCAL_TABLE);
    const round = { ...ROUND_2025, id: `madme${tag}`, codePrefix: `Q${tag}`, status: 'closed' as const };
    await new Rounds(store).create(round);
    const space = (nameVi: string) => ({
      nameVi,
      creativeFields: ['media_arts'],
      wardCode: '00004',
      description: 'Phòng chiếu phim độc lập và xưởng dựng phim.',
    });
    const [holder, member] = await Promise.all([
      seedMember(round, space(`Rạp Phim Ngõ Nhỏ ${tag}`)),
      seedMember(round, space(`Xưởng Dựng Phim Tràng An ${tag}`)),
    ]);
    hidden = member;

    // An approved activity needing a permit, as the proposal and the Centre's decision leave it.
    const activities = new Activities(store);
    const venue: Venue = {
      id: `e2e-permit-${tag}`,
      name: { vi: `Sân khấu ngoài trời ${tag}`, en: `Open-air stage ${tag}` },
      host: { vi: 'Trung tâm', en: 'The Centre' },
      capacity: 300,
      hours: Array.from({ length: 7 }, () => ({
        open: '08:00',
        close: '22:00',
      })) as unknown as Venue['hours'],
      updatedAt: new Date().toISOString(),
      updatedBy: COORDINATOR,
    };
    await activities.putVenue(venue);
    const at = new Date().toISOString();
    const proposed: Activity = {
      id: `act-e2e-${tag}`,
      dossierId: holder.dossierId,
      memberName: holder.name,
      memberEmail: holder.email,
      venueId: venue.id,
      venueName: venue.name,
      start: `${day}T18:00`,
      end: `${day}T21:00`,
      titleVi: `Chiếu phim ngoài trời có quảng cáo pano ${tag}`,
      titleEn: `Open-air screening with billboards ${tag}`,
      description: 'Chiếu phim ngắn của các nhà làm phim trẻ Hà Nội.',
      attendance: 250,
      contactName: 'Đỗ Minh Khôi',
      contactPhone: '0987 654 321',
      needsPermit: true,
      permitObtained: false,
      status: 'pending',
      sequence: 0,
      createdAt: at,
      updatedAt: at,
      history: [{ at, by: holder.email, action: 'proposed' }],
    };
    expect(await activities.book(proposed)).toBeUndefined();
    activity = {
      ...proposed,
      status: 'approved',
      history: [...proposed.history, { at, by: COORDINATOR, action: 'approved' }],
    };
    expect(await activities.change(proposed, activity, ['pending'], false)).toBe(true);

    const cookie = await signInAs(store, COORDINATOR);
    const slug = (await new Members(store).slugOfDossier(hidden.dossierId))!;
    const res = await adminPost(`/admin/members/${slug}/hide`, { reason: `Sai địa chỉ ${tag}` }, cookie);
    expect(res.status).toBe(303);

    phone = await e2e.browser.newContext({
      viewport: PHONE,
      bypassCSP: true,
      isMobile: true,
      hasTouch: true,
    });
    const [name, value] = cookie.split('=') as [string, string];
    await phone.addCookies([{ name, value, url: e2e.system.urls.site }]);
  }, 180_000);

  it('marks a permit obtained from /admin/permits, and shows a hidden member again from /admin/members', async () => {
    const page = await phone.newPage();
    await page.goto(`${e2e.system.urls.site}/admin/permits`);
    await page.getByRole('heading', { level: 1, name: 'Giấy phép của các hoạt động' }).waitFor();
    const row = page.locator(`section[data-activity="${activity.id}"]`);
    await row.waitFor();
    expect(await problemsOnPhone(page)).toEqual(AT_EASE);

    await row.getByRole('button', { name: `Đánh dấu đã có giấy phép: ${activity.titleVi}` }).click();
    await page.locator(`section[data-activity="${activity.id}"][data-permit="obtained"]`).waitFor();
    expect(await row.textContent()).toContain(`bởi ${COORDINATOR}`);
    expect(await problemsOnPhone(page)).toEqual(AT_EASE);

    await page.getByRole('link', { name: 'Thành viên bị ẩn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trang thành viên bị ẩn' }).waitFor();
    const card = page.locator('section[data-hidden-member]', { hasText: hidden.name });
    await card.waitFor();
    expect(await card.textContent()).toContain(`Sai địa chỉ ${tag}`);
    expect(await problemsOnPhone(page)).toEqual(AT_EASE);

    await card.getByLabel('Lý do hiện lại').fill('Đã sửa địa chỉ');
    await card.getByRole('button', { name: `Hiện lại trong danh sách: ${hidden.name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Trang thành viên bị ẩn' }).waitFor();
    expect(await page.locator('section[data-hidden-member]', { hasText: hidden.name }).count()).toBe(0);

    await page.goto(`${e2e.system.urls.site}/thanh-vien?q=${tag}`);
    await page.getByText(hidden.name).first().waitFor();
    await page.close();
  }, 120_000);
});
