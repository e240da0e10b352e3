import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { FILES } from '../fixtures/files.ts';
import { type CapturedEmail, reviewLinkIn, validForm } from '../support/client.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { readDossier } from '../support/own-system.ts';

/**
 * Issue 11, item 5: the emailed supplement link can always be reopened — after its tab is closed, in
 * another browser; a link that cannot open the request (spent for an earlier one, used, expired) offers a
 * new one by email, and so does `/status`; a requested file can be replaced.
 */
describe('the supplement link can always be reopened (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-supplement-reopen');
  const client = e2e.client;
  const tag = `${Date.now() % 1_000_000}`;
  const form = validForm(tag, `mo.lai.${tag}@example.vn`);
  const applicant = form.representative.email;
  const dueDate = addDays(ictDay(new Date()), 5);
  const dueShown = dueDate.split('-').reverse().join('/');
  const state = { id: '', code: '', firstLink: '' };

  const waitForMails = (match: (e: CapturedEmail) => boolean, count: number) =>
    vi.waitFor(
      async () => {
        const found = (await client.mailbox()).filter(match);
        expect(found.length).toBeGreaterThanOrEqual(count);
        return found;
      },
      { timeout: 20_000, interval: 150 },
    );
  const supplementMails = (count: number) =>
    waitForMails(
      (e) => e.destination.to.includes(applicant) && e.subject.includes(`bổ sung hồ sơ ${state.code}`),
      count,
    );
  const linkIn = (e: CapturedEmail) => /\/supplement\/[\w-]+#[\w-]+/.exec(e.body.text ?? '')![0];

  /**
   * A reviewer's link for this dossier emailed since `since` (epoch seconds, the mailbox's clock), then
   * their decision: a supplement request.
   */
  async function askForSupplement(comment: string, since = 0) {
    const mails = await waitForMails(
      (e) => e.subject.includes(state.code) && /\/review\//.test(e.body.text ?? '') && e.at >= since,
      1,
    );
    const link = new URL(reviewLinkIn(mails[0]!.body.text));
    const decision = new URLSearchParams({
      s: link.searchParams.get('s')!,
      outcome: 'supplement',
      confirm: '1',
      comment,
      dueDate,
    });
    decision.append('items', 'documents.photos');
    decision.append('items', 'space.description');
    const decided = await fetch(link.origin + link.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: decision.toString(),
    });
    expect(decided.status).toBe(200);
  }

  /** Opens an emailed supplement link in a fresh browser context (a new tab of a phone's mail app). */
  async function openInNewContext(link: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.system.urls.site}${link}`);
    await page.getByRole('button', { name: 'Mở yêu cầu bổ sung' }).click();
    return { page, close: () => context.close() };
  }

  it('opens again after its tab is closed, replaces a photo, and /status emails a new link that works', async () => {
    // Prepare: a submitted dossier with a supplement request for its photos and description
    const { id, editToken } = await client.readyDraft(tag, form);
    const submitted = await client.api(`/api/applications/${id}/submit`, {
      method: 'POST',
      token: editToken,
    });
    expect(submitted.status).toBe(200);
    Object.assign(state, { id, code: submitted.json.code as string });
    await askForSupplement('Cần ảnh mặt tiền rõ hơn.');
    const [mail] = await supplementMails(1);
    state.firstLink = linkIn(mail!);
    const replacement = path.join(e2e.filesDir, 'mặt-tiền-mới.png');
    await writeFile(replacement, FILES.png);

    // Act 1: open the link, close the tab (its sessionStorage goes with it), open the link again elsewhere
    const first = await openInNewContext(state.firstLink);
    await first.page.locator('#supplement-form').waitFor({ state: 'visible' });
    await first.close();
    const again = await openInNewContext(state.firstLink);
    const page = again.page;
    await page.locator('#supplement-form').waitFor({ state: 'visible' });
    const reopenedMessage = await page.locator('#supplement-message').isVisible();

    // Act 2: replace the first photo (not only remove it)
    const row = page.locator('[data-files-for="photos"] li.file', { hasText: 'Ảnh không gian 1.png' });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      row.getByRole('button', { name: 'Thay tệp' }).click(),
    ]);
    await chooser.setFiles(replacement);
    await page
      .locator('[data-files-for="photos"] li.file.done', { hasText: 'mặt-tiền-mới.png' })
      .waitFor({ timeout: 20_000 });
    await again.close();

    // Act 3: /status shows the open request and emails a new link
    const status = await (await e2e.browser.newContext()).newPage();
    status.setDefaultTimeout(15_000);
    await status.goto(`${e2e.system.urls.site}/status`);
    await status.getByLabel('Mã hồ sơ').fill(state.code);
    await status.getByLabel('Email người đại diện').fill(applicant);
    await status.getByRole('button', { name: 'Tra cứu' }).click();
    const notice = status.locator('#supplement-open-request');
    await notice.waitFor();
    const noticeText = (await notice.textContent()) ?? '';
    await status.getByRole('button', { name: 'Gửi lại đường dẫn mới' }).click();
    await expect
      .poll(() => status.locator('#supplement-resend-message').textContent())
      .toContain('đường dẫn mới đã được gửi');
    const mails = await supplementMails(2);
    const newLink = linkIn(mails.at(-1)!);
    await status.context().close();
    const fresh = await openInNewContext(newLink);
    await fresh.page.locator('#supplement-form').waitFor({ state: 'visible' });
    const freshPhotos = await fresh.page.locator('[data-files-for="photos"] li.file.done').allTextContents();
    await fresh.close();

    // Assess
    expect(reopenedMessage).toBe(false);
    const photos = Object.values((await readDossier(e2e.system, id))?.documents ?? {})
      .filter((d) => (d as { slot: string }).slot === 'photos')
      .map((d) => (d as { name: string }).name)
      .sort();
    expect(photos).toEqual(['mặt-tiền-mới.png', 'Ảnh không gian 2.png', 'Ảnh không gian 3.png'].sort());
    expect(noticeText).toContain('Hồ sơ đang chờ bổ sung');
    expect(noticeText).toContain(dueShown);
    expect(noticeText).toContain('Cần ảnh mặt tiền rõ hơn.');
    expect(newLink).not.toBe(state.firstLink);
    expect(freshPhotos.join(' ')).toContain('mặt-tiền-mới.png');
  }, 90_000);

  it('a link spent for an earlier request offers a new link by email, which opens the current request', async () => {
    // Prepare: the first request answered, then the reviewer asks again
    const answered = await openInNewContext(state.firstLink);
    await answered.page.locator('#supplement-form').waitFor({ state: 'visible' });
    await answered.page
      .getByLabel('Mô tả hoạt động')
      .fill(
        'Không gian trưng bày mỹ thuật đương đại, mở cửa 9h–21h từ thứ Ba đến Chủ nhật, tổ chức triển lãm và workshop hằng tháng.',
      );
    const sentAt = Math.floor(Date.now() / 1000);
    await answered.page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    await answered.page.locator('#supplement-result').waitFor({ state: 'visible', timeout: 20_000 });
    await answered.close();
    const before = (await supplementMails(2)).length;
    await vi.waitFor(
      async () => expect((await readDossier(e2e.system, state.id))?.status).toBe('in_review'),
      {
        timeout: 15_000,
      },
    );
    await askForSupplement('Vẫn cần thêm ảnh bên trong.', sentAt);
    await supplementMails(before + 1);

    // Act: the old link, opened again
    const old = await openInNewContext(state.firstLink);
    const message = old.page.locator('#supplement-message');
    await expect.poll(() => message.textContent()).toContain('yêu cầu bổ sung trước');
    const formShown = await old.page.locator('#supplement-form').isVisible();
    await old.page.getByRole('button', { name: 'Gửi lại đường dẫn mới' }).click();
    await expect
      .poll(() => old.page.locator('#supplement-resend-message').textContent())
      .toContain('đường dẫn mới đã được gửi');
    await old.close();
    const mails = await supplementMails(before + 2);
    const resent = await openInNewContext(linkIn(mails.at(-1)!));
    await resent.page.locator('#supplement-form').waitFor({ state: 'visible' });
    const request = (await resent.page.locator('#supplement-request').textContent()) ?? '';
    await resent.close();

    // Assess
    expect(formShown).toBe(false);
    expect(request).toContain('Vẫn cần thêm ảnh bên trong.');
    expect(request).toContain(dueShown);
  }, 90_000);
});
