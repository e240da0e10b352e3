import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { ROUND_2025 } from '../../shared/domain/round.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { venueIdOf } from '../../shared/usecases/venues.ts';
import {
  adminPost,
  invoke,
  LOCAL_DIRECTOR,
  recommend,
  seedDossier,
  signInAs,
} from '../integration/helpers.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { AT_EASE, PHONE, problemsOnPhone } from '../support/phone.ts';

/** Issue 16 items 3–4 in Chromium on a phone: the proposal form, a clash refused, the decision, /su-kien. */
/** Issue 16 items 3–4 in Chromium on a phone: the proposal form, a clash refused, the decision, /su-kien. */
const COORDINATOR = 'dieuphoi.e2e@kgst.test';
const atEase = AT_EASE;

describe('activities at the venues, in a browser on a 375 px phone (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-activities');
  const tag = `${Date.now() % 1_000_000}`;
  const email = `thanhvien.e2e.${tag}@example.vn`;
  const venueName = `Phòng trình diễn Phố Cổ ${tag}`;
  const day = addDays(ictDay(new Date()), 24);
  let phone: BrowserContext;
  let space: string;

  /** Asks for a proposal link on /su-kien as the member would, and returns the one the email brings. */
  async function linkFromEvents(page: Page): Promise<string> {
    const before = (await e2e.client.mailbox()).filter((m) => m.destination.to.includes(email)).length;
    await page.goto(`${e2e.system.urls.site}/su-kien`);
    await page.getByLabel('Email người đại diện').fill(email);
    await page.getByRole('button', { name: 'Gửi đường dẫn' }).click();
    await page.getByText('Kiểm tra email của bạn').waitFor();
    let mail: { body: { text?: string } } | undefined;
    for (let i = 0; i < 150 && !mail; i++) {
      const mine = (await e2e.client.mailbox()).filter((m) => m.destination.to.includes(email));
      if (mine.length > before) mail = mine.at(-1);
      else await new Promise((r) => setTimeout(r, 100));
    }
    return /https?:\/\/\S+\/hoat-dong\/new\/[\w-]+\?s=[\w-]+/.exec(mail!.body.text ?? '')![0];
  }

  async function fillProposal(page: Page, title: string, from: string, to: string) {
    await page.getByLabel('Tên hoạt động (tiếng Việt)').fill(title);
    await page.getByLabel('Tên hoạt động (tiếng Anh)').fill(`Puppetry ${tag}`);
    await page
      .getByLabel('Mô tả')
      .fill('Biểu diễn múa rối nước cho thiếu nhi, giao lưu với nghệ nhân làng Đào Thục.');
    await page.getByLabel('Địa điểm').selectOption(venueIdOf(venueName));
    await page.getByLabel('Ngày').fill(day);
    await page.getByLabel('Từ (giờ Hà Nội)').fill(from);
    await page.getByLabel('Đến (giờ Hà Nội)').fill(to);
    await page.getByLabel('Số người dự kiến').fill('40');
    await page.getByLabel('Người liên hệ').fill('Phạm Út Quyên');
    await page.getByLabel('Điện thoại liên hệ').fill('0912 345 678');
  }

  beforeAll(async () => {
    phone = await e2e.browser.newContext({
      viewport: PHONE,
      bypassCSP: true,
      isMobile: true,
      hasTouch: true,
    });
    const store = new Store(makeDocumentClient(), LOCAL_TABLE);
    const round = { ...ROUND_2025, id: `acte${tag}`, codePrefix: `E${tag}`, status: 'closed' as const };
    await new Rounds(store).create(round);
    const { d } = await seedDossier(round, 'in_review', { prefix: 'e2e-act', email });
    space = d.form.space.nameVi;
    await recommend(d.id);
    const certificate = await invoke('issueCertificate', { dossierId: d.id, by: LOCAL_DIRECTOR });
    await invoke('recordOutcome', {
      dossierId: d.id,
      action: 'approved',
      detail: {
        decision: { outcome: 'approved', by: LOCAL_DIRECTOR, at: new Date().toISOString(), comment: '' },
        certificate,
      },
    });
    const cookie = await signInAs(store, COORDINATOR);
    const hours = Object.fromEntries(
      [0, 1, 2, 3, 4, 5, 6].flatMap((i) => [
        [`open${i}`, '09:00'],
        [`close${i}`, '20:00'],
      ]),
    );
    await adminPost(
      '/admin/venues',
      {
        nameVi: venueName,
        nameEn: `Old Quarter stage ${tag}`,
        hostVi: 'Trung tâm',
        hostEn: 'Centre',
        capacity: '80',
        ...hours,
      },
      cookie,
    );
  }, 120_000);

  it('proposes, is refused a clash beside its field, is approved from the emailed link, and shows on /su-kien', async () => {
    const page = await phone.newPage();
    const first = await linkFromEvents(page);
    expect(await problemsOnPhone(page)).toEqual(atEase);

    await page.goto(first);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký hoạt động' }).waitFor();
    expect(await problemsOnPhone(page)).toEqual(atEase);
    await fillProposal(page, `Múa rối nước ${tag}`, '18:00', '19:30');
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã nhận đăng ký' }).waitFor();

    // A second proposal at an overlapping time: refused, with the reason beside the field and the values kept.
    await page.goto(await linkFromEvents(page));
    await fillProposal(page, `Trùng giờ ${tag}`, '19:00', '20:00');
    await page.getByRole('button', { name: 'Gửi đăng ký' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(`${venueName} đã có hoạt động khác trong khung giờ`);
    expect(await page.getByLabel('Từ (giờ Hà Nội)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Tên hoạt động (tiếng Việt)').inputValue()).toBe(`Trùng giờ ${tag}`);
    expect(await problemsOnPhone(page)).toEqual(atEase);

    // The Centre decides from its emailed link: the page shows, the button decides.
    let review: string | undefined;
    for (let i = 0; i < 200 && !review; i++) {
      const mail = (await e2e.client.mailbox()).find(
        (m) => m.destination.to.includes(COORDINATOR) && m.subject.includes(`Múa rối nước ${tag}`),
      );
      review = /https?:\/\/\S+\/hoat-dong\/review\/[\w-]+\?s=[\w-]+/.exec(mail?.body.text ?? '')?.[0];
      if (!review) await new Promise((r) => setTimeout(r, 100));
    }
    await page.goto(review!);
    await page.getByRole('heading', { level: 1, name: 'Xét duyệt đăng ký hoạt động' }).waitFor();
    expect(await problemsOnPhone(page)).toEqual(atEase);
    await page.getByRole('button', { name: 'Gửi quyết định' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đã ghi nhận quyết định' }).waitFor();

    // Approved (the workflow records it): on the month's calendar, with its venue, time and member.
    const month = `${e2e.system.urls.site}/su-kien?thang=${day.slice(0, 7)}`;
    const shown = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
    for (let i = 0; i < 100; i++) {
      await page.goto(month);
      if ((await page.locator('li', { hasText: `Múa rối nước ${tag}` }).count()) > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const entry = page.locator('li', { hasText: `Múa rối nước ${tag}` });
    expect(await entry.textContent()).toContain(`${shown} · Thời gian: 18:00–19:30`);
    expect(await entry.textContent()).toContain(venueName);
    expect(await entry.textContent()).toContain(space);
    expect(await problemsOnPhone(page)).toEqual(atEase);
    await page.close();
  }, 180_000);
});
