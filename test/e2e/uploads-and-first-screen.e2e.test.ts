import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserOnSharedSystem } from '../support/e2e.ts';

const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
);

/** What S3 answers a presigned POST whose policy has expired (CORS allowed, as the bucket does). */
const EXPIRED_POLICY = {
  status: 403,
  contentType: 'application/xml',
  headers: { 'access-control-allow-origin': '*' },
  body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message></Error>',
};

describe('uploads on a bad connection, named for screen readers; the call on a phone’s first screen', () => {
  const e2e = browserOnSharedSystem('e2e-uploads');

  /** A home page with a draft started (the space name and the email), ready to take files. */
  const startDraft = async (email: string) => {
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${e2e.system.urls.site}/`);
    await page.getByLabel('Tên không gian (tiếng Việt)').fill('Nhà In Lụa Hàng Bông');
    await page.getByLabel('Email').fill(email);
    return page;
  };
  const pdf = async (name: string) => {
    const p = path.join(e2e.filesDir, name);
    await writeFile(p, PDF);
    return p;
  };
  /** Storage's presigned POSTs (s3rver's origin), and the page's requests for one. */
  const watch = (page: Page) => {
    const s3 = new URL(e2e.system.urls.s3).origin;
    const seen = { presigns: 0, posts: 0 };
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/uploads')) seen.presigns++;
    });
    const toStorage = (url: URL) => url.origin === s3;
    return { seen, toStorage };
  };
  const liveRegion = (page: Page) => page.locator('#apply-form [data-upload-status]');

  it('an upload refused as expired by storage goes again with a fresh presigned POST, once, and the file is there', async () => {
    // Prepare: storage refuses the first POST as an expired policy, then takes them
    const page = await startDraft('in.lua.het.han@example.vn');
    const { seen, toStorage } = watch(page);
    await page.route(toStorage, (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      seen.posts++;
      return seen.posts === 1 ? route.fulfill(EXPIRED_POLICY) : route.continue();
    });

    // Act
    await page.locator('#doc-legal').setInputFiles(await pdf('giayphep.pdf'));
    const row = page.locator('[data-files-for="legal"] li.file');
    await row.and(page.locator('.done')).waitFor();

    // Assess: uploaded in the end, said so, with a second presigned POST; a reload lists the file once
    expect(await row.count()).toBe(1);
    expect(await liveRegion(page).textContent()).toBe('Đã tải lên tệp giayphep.pdf.');
    expect(seen.posts).toBe(2);
    expect(seen.presigns).toBe(2);
    await page.unrouteAll();
    await page.reload();
    await page.locator('[data-files-for="legal"] li.file.done').waitFor();
    expect(await page.locator('[data-files-for="legal"] li.file').count()).toBe(1);
    await page.close();
  });

  it('after three failed tries the row says so with a Retry that names the file; Retry then uploads it', async () => {
    // Prepare: the connection to storage drops every time, until it comes back
    const page = await startDraft('in.lua.mat.mang@example.vn');
    const { seen, toStorage } = watch(page);
    let online = false;
    await page.route(toStorage, (route: Route) => {
      if (route.request().method() !== 'POST') return route.continue();
      seen.posts++;
      return online ? route.continue() : route.abort('connectionreset');
    });

    // Act: three tries, then the person presses Retry once the connection is back
    await page.locator('#doc-legal').setInputFiles(await pdf('dangky.pdf'));
    const row = page.locator('[data-files-for="legal"] li.file');
    await row.and(page.locator('.failed')).waitFor();
    const failedState = await row.locator('.file-state').textContent();
    const failedAnnouncement = await liveRegion(page).textContent();
    const triesBefore = seen.posts;
    const progressNamed = await page
      .getByRole('progressbar', { name: 'Tiến độ tải lên tệp dangky.pdf' })
      .count();
    online = true;
    await page.getByRole('button', { name: 'Thử lại tải lên tệp dangky.pdf' }).click();
    await row.and(page.locator('.done')).waitFor();

    // Assess: a clear message, tries counted, the row kept; then uploaded, and the buttons name the file
    expect(triesBefore).toBe(3);
    expect(failedState).toContain('Tải lên không thành công sau 3 lần thử');
    expect(failedAnnouncement).toContain('Chưa tải lên được tệp dangky.pdf.');
    expect(progressNamed).toBe(1);
    expect(await row.count()).toBe(1);
    expect(await liveRegion(page).textContent()).toBe('Đã tải lên tệp dangky.pdf.');
    const remove = page.getByRole('button', { name: 'Xoá tệp dangky.pdf' });
    expect(await page.getByRole('button', { name: 'Thay tệp dangky.pdf' }).count()).toBe(1);
    await remove.click();
    await expect.poll(() => liveRegion(page).textContent()).toBe('Đã xoá tệp dangky.pdf.');
    expect(await row.count()).toBe(0);
    await page.close();
  });

  it('links every hint of the form to its field', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.system.urls.site}/`);

    // Every hint beside a field or a document picker, and what the field says it is described by
    const hints = await page.locator('#apply-form .field .hint, #apply-form .slot .hint').evaluateAll((els) =>
      els.map((el) => {
        const block = el.closest('.field, .slot')!;
        const control = block.querySelector('input:not([type=hidden]), select, textarea');
        return {
          hint: el.id,
          describedBy: control?.getAttribute('aria-describedby')?.split(' ') ?? [],
        };
      }),
    );

    expect(hints.length).toBeGreaterThanOrEqual(6);
    for (const h of hints) expect(h.describedBy, h.hint).toContain(h.hint);
    const fullName = page.getByLabel('Họ và tên');
    const description = await fullName.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' '),
    );
    expect(description).toContain('Họ trước, tên sau');
    await page.close();
  });

  it('shows the deadline and the way to the form on a 375×812 phone’s first screen', async () => {
    const phone = await e2e.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${e2e.system.urls.site}/`);

    const cta = page.getByRole('link', { name: 'Điền hồ sơ đăng ký' });
    const deadline = page.locator('.deadline').first();
    const ctaBox = await cta.boundingBox();
    const deadlineBox = await deadline.boundingBox();
    await cta.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#apply-form');
    const formTop = await page.locator('#apply-form').evaluate((el) => el.getBoundingClientRect().top);

    // Assess: both fully above the fold on load; the call to action leads to the form
    expect(ctaBox!.y + ctaBox!.height).toBeLessThanOrEqual(812);
    expect(deadlineBox!.y + deadlineBox!.height).toBeLessThanOrEqual(812);
    expect(await deadline.textContent()).toMatch(/Hạn nộp hồ sơ: \d{2}\/\d{2}\/\d{4} 23:59/);
    expect(Math.abs(formTop)).toBeLessThan(5);
    await phone.close();
  });
});
