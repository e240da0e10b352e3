import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatIct } from '../../shared/domain/time.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';

/** The time of an ISO instant on a Hanoi clock, as the page shows it ("14:05"): the domain's own format. */
const hanoiTime = (iso: string) => formatIct(iso).slice(-5);

/** Every field of the form as a person sees it. */
const fieldsOf = (page: Page) =>
  page.evaluate(() => {
    const form = document.getElementById('apply-form') as HTMLFormElement;
    const v = (name: string) => (form.querySelector(`[name="${name}"]`) as HTMLInputElement).value;
    return {
      nameVi: v('space.nameVi'),
      ownership: v('space.ownership'),
      spaceType: v('space.spaceType'),
      creativeFields: Array.from(
        form.querySelectorAll<HTMLInputElement>('[name="space.creativeFields"]:checked'),
      ).map((c) => c.value),
      street: v('space.street'),
      ward: (document.getElementById('f-space-wardCode') as HTMLInputElement).value,
      foundedYear: v('space.foundedYear'),
      floorAreaM2: v('space.floorAreaM2'),
      description: v('space.description'),
      fullName: v('representative.fullName'),
      position: v('representative.position'),
      email: v('representative.email'),
      phone: v('representative.phone'),
    };
  });

describe('the application form saves itself and says every problem at once (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-autosave');

  it('saves as the person types, shows when (Hanoi time), and the emailed link reopens every field elsewhere', async () => {
    // Prepare
    const tag = Math.random().toString(36).slice(2, 8);
    const email = `tu.luu.${tag}@example.vn`;
    const first = await e2e.browser.newContext();
    const page = await first.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.system.urls.site}/`);

    // Act: a few fields typed, no button pressed
    await page.getByLabel('Tên không gian (tiếng Việt)').fill(`Xưởng Tự Lưu ${tag}`);
    await page.getByLabel('Hình thức sở hữu').selectOption({ label: 'Cá nhân, nhóm độc lập' });
    await page.getByLabel('Loại hình không gian').selectOption({ label: 'Không gian âm nhạc' });
    await page.getByLabel('Âm nhạc', { exact: true }).check();
    await page.getByLabel('Số nhà, đường phố').fill('5 Ngõ Trạm');
    await page.getByLabel('Phường/xã').pressSequentially('van mieu', { delay: 20 });
    await page
      .getByRole('option', { name: /Văn Miếu/ })
      .first()
      .click();
    const wardName = await page.getByLabel('Phường/xã').inputValue();
    await page.getByLabel('Năm thành lập').fill('2019');
    await page.getByLabel('Diện tích sàn (m²)').fill('75');
    await page.getByLabel('Họ và tên').fill('Trần Văn Tú');
    await page.getByLabel('Chức vụ').fill('Trưởng nhóm');
    await page.getByLabel('Email').fill(email);
    const lastSave = page.waitForResponse(
      (r) =>
        /\/api\/applications(\/[\w-]+)?(\?|$)/.test(r.url()) &&
        ['POST', 'PUT'].includes(r.request().method()) &&
        (r.request().postData() ?? '').includes('0987654321'),
    );
    await page.getByLabel('Số điện thoại').fill('0987654321');
    await page.getByLabel('Mô tả hoạt động (ít nhất 50 ký tự)').focus();
    const saved = (await (await lastSave).json()) as { updatedAt?: string; savedAt?: string };
    const status = page.locator('#autosave-status');
    await expect.poll(() => status.textContent()).toMatch(/Đã lưu lúc \d{2}:\d{2}/);
    const shown = await status.textContent();
    const before = await fieldsOf(page);
    await first.close();

    // Act: the emailed link, in a new browser
    let link: string | undefined;
    for (let i = 0; i < 50 && !link; i++) {
      const store = (await (await fetch(`${e2e.system.urls.mailbox}/store`)).json()) as {
        emails: { destination: { to: string[] }; body: { text?: string } }[];
      };
      const mail = store.emails.find((m) => m.destination.to.includes(email));
      link = /\/resume\/[\w-]+#[\w-]+/.exec(mail?.body.text ?? '')?.[0];
      if (!link) await new Promise((r) => setTimeout(r, 200));
    }
    const second = await e2e.browser.newContext();
    const resumed = await second.newPage();
    resumed.setDefaultTimeout(15_000);
    await resumed.goto(`${e2e.system.urls.site}${link}`);
    await resumed.getByRole('button', { name: 'Tiếp tục hồ sơ' }).click();
    await resumed.waitForURL(`${e2e.system.urls.site}/`);
    await expect.poll(async () => (await fieldsOf(resumed)).ward).toBe(wardName);
    const after = await fieldsOf(resumed);
    const resumedStatus = await resumed.locator('#autosave-status').textContent();
    await second.close();

    // Assess: the time is the server's, on a Hanoi clock; every field came back, the ward by its name
    expect(shown).toContain(`Đã lưu lúc ${hanoiTime((saved.updatedAt ?? saved.savedAt)!)}`);
    expect(before).toMatchObject({ nameVi: `Xưởng Tự Lưu ${tag}`, phone: '0987654321', ward: wardName });
    expect(wardName).toMatch(/Văn Miếu/);
    expect(after).toEqual(before);
    expect(resumedStatus).toMatch(/Đã lưu lúc \d{2}:\d{2}/);
  }, 60_000);

  it('shows every problem of a blank form at once, in a summary that has the focus and links each field', async () => {
    // Prepare
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.system.urls.site}/`);
    const summary = page.locator('#form-message');

    // Act
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await summary.waitFor({ state: 'visible' });
    const focused = await page.evaluate(() => document.activeElement?.id);
    const links = await summary
      .locator('a')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    const invalid = await page.locator('[aria-invalid="true"]').count();
    await summary.getByRole('link', { name: 'Vui lòng chọn hình thức sở hữu' }).click();
    const focusedAfterLink = await page.evaluate(() => document.activeElement?.id);
    const required = await page.locator('[aria-required="true"]').count();
    const notes = await page.locator('.required-note').allTextContents();
    const ownershipError = await page.locator('[data-error-for="space.ownership"]').textContent();
    await page.close();

    // Assess: one wave — every required field and every required item, each a link to its field
    expect(focused).toBe('form-message');
    expect(links.map((l) => l.href)).toEqual([
      '#f-space-nameVi',
      '#f-space-ownership',
      '#f-space-spaceType',
      '#f-space-creativeFields',
      '#f-space-street',
      '#f-space-wardCode',
      '#f-space-foundedYear',
      '#f-space-floorAreaM2',
      '#f-space-description',
      '#f-representative-fullName',
      '#f-representative-position',
      '#f-representative-email',
      '#f-representative-phone',
      '#f-consent',
      '#doc-legal',
      '#doc-photos',
      '#doc-portfolio',
    ]);
    expect(links.map((l) => l.text)).toContain('Vui lòng nhập năm thành lập, ví dụ 2015');
    expect(JSON.stringify(links)).not.toMatch(/Giá trị không nằm trong danh sách|Bắt buộc nhập/);
    expect(invalid).toBe(links.length);
    expect(focusedAfterLink).toBe('f-space-ownership');
    expect(ownershipError).toBe('Vui lòng chọn hình thức sở hữu');
    // Every always-required field is marked, and the mark is explained once (the 13 controls say
    // aria-required; the creative fields' group carries its mark in its legend)
    expect(required).toBe(13);
    expect(notes).toEqual(['* Các mục có dấu * là bắt buộc.']);
  }, 30_000);

  it('asks before leaving with changes that are not saved yet', async () => {
    // Prepare
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.system.urls.site}/`);
    const home = page.url();
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });

    // Act: typed (no name or email: nothing can be saved yet), then a link away; the person stays
    await page.getByLabel('Số điện thoại').click();
    await page.keyboard.type('0912 345 678', { delay: 10 });
    await page.locator('.site-header a[href="/status"]').click({ noWaitAfter: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    await new Promise((r) => setTimeout(r, 300));
    const stayedOn = page.url();
    const kept = await page.getByLabel('Số điện thoại').inputValue();
    await page.close();

    // Act: a page left untouched leaves without asking
    const quiet = await e2e.browser.newPage();
    quiet.setDefaultTimeout(15_000);
    const quietAsked: string[] = [];
    quiet.on('dialog', (d) => {
      quietAsked.push(d.type());
      void d.dismiss();
    });
    await quiet.goto(`${e2e.system.urls.site}/`);
    await quiet.getByLabel('Số điện thoại').click();
    await quiet.locator('.site-header a[href="/status"]').click();
    await quiet.waitForURL(/\/status/);
    await quiet.close();

    // Assess
    expect(asked).toEqual(['beforeunload']);
    expect(stayedOn).toBe(home);
    expect(kept).toBe('0912 345 678');
    expect(quietAsked).toEqual([]);
  }, 30_000);
});
