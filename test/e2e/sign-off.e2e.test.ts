import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { adminPost, getDossierItem, invoke, signInAs } from '../integration/helpers.ts';
import { reviewLinkIn, validForm } from '../support/client.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { AT_EASE, PHONE, problemsOnPhone } from '../support/phone.ts';

/** Issue 12 item 3: the Director's sign-off page on a phone — WCAG 2.2 AA (axe-core) and no sideways scroll. */
const atEase = AT_EASE;

describe("the Director's sign-off page on a 375 px phone (offline: local system + Chromium)", () => {
  const e2e = browserOnSharedSystem('e2e-sign-off');
  const tag = `${Date.now() % 1_000_000}`;
  const director = `giamdoc.e2e.${tag}@kgst.test`;
  let phone: BrowserContext;
  let code: string;
  let id: string;
  let link: string;

  beforeAll(async () => {
    phone = await e2e.browser.newContext({
      viewport: PHONE,
      bypassCSP: true,
      isMobile: true,
      hasTouch: true,
    });
    const cookie = await signInAs(new Store(makeDocumentClient(), LOCAL_TABLE), 'dieuphoi.e2e@kgst.test');
    await adminPost(
      '/admin/staff',
      { email: director, name: 'Giám đốc Điện Thoại', roles: 'director' },
      cookie,
    );
    // A long space name: the page must wrap it, not widen.
    const form = validForm(`so${tag}`, `phe.duyet.${tag}@example.vn`);
    form.space.nameVi = `Trung tâm Nghệ thuật Đương đại và Thiết kế Sáng tạo Cộng đồng Phố Cổ ${tag}`;
    const draft = await e2e.client.readyDraft(`so${tag}`, form);
    id = draft.id;
    const submitted = await e2e.client.api(`/api/applications/${id}/submit`, {
      method: 'POST',
      token: draft.editToken,
    });
    code = submitted.json.code as string;
    const review = await e2e.client.waitForEmail(
      (e) => e.destination.to.includes('reviewer.b@kgst.test') && e.subject.includes(code),
      60_000,
    );
    const reviewLink = new URL(reviewLinkIn(review.body.text));
    await e2e.client.postForm(reviewLink.origin + reviewLink.pathname, {
      s: reviewLink.searchParams.get('s')!,
      outcome: 'approved',
      comment: 'Không gian hoạt động đều đặn, cộng đồng tham gia đông đảo, hồ sơ đầy đủ và rõ ràng.',
      confirm: '1',
    });
    await vi.waitFor(async () => expect((await getDossierItem(id))?.status).toBe('recommended'), {
      timeout: 60_000,
      interval: 200,
    });
    await invoke('jobs', { job: 'signOffDigest' });
    const digest = await e2e.client.waitForEmail(
      (e) => e.destination.to.includes(director) && !!e.body.text?.includes(code),
      60_000,
    );
    link = /https?:\/\/\S+\/sign-off\/[\w-]+\?s=[\w-]+/.exec(digest.body.text ?? '')![0];
  }, 180_000);

  it('lists, confirms and signs with no WCAG A/AA violation and nothing wider than the phone', async () => {
    const page = await phone.newPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 2, name: new RegExp(code) }).waitFor();
    expect(await problemsOnPhone(page)).toEqual(atEase);

    // Tick this dossier (others of the shared system may be listed too) and see the confirmation.
    await page.getByLabel(`Phê duyệt hồ sơ ${code}`).check();
    await page.getByRole('button', { name: 'Xem lại trước khi gửi' }).click();
    await page.getByText(`Bạn sắp phê duyệt 1 hồ sơ: ${code}.`).waitFor();
    expect(await problemsOnPhone(page)).toEqual(atEase);

    await page.getByRole('button', { name: 'Xác nhận và gửi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kết quả phê duyệt' }).waitFor();
    expect(await problemsOnPhone(page)).toEqual(atEase);
    await page.close();
    await vi.waitFor(async () => expect((await getDossierItem(id))?.status).toBe('approved'), {
      timeout: 60_000,
      interval: 200,
    });
  }, 120_000);
});
