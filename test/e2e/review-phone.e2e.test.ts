import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FILES } from '../fixtures/files.ts';
import { getDossierItem, invoke, recommend } from '../integration/helpers.ts';
import { validForm } from '../support/client.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { readDossier } from '../support/own-system.ts';
import { expectAtEaseOnPhone, overflowOf, PHONE, violationsOf } from '../support/phone.ts';

/**
 * Issue 12, item 4: the review page made for the job on a phone — documents by checklist item with
 * thumbnails and a PDF's first page drawn by pdf.js (under the site's own CSP), decisions styled by
 * consequence, a confirmation before anything happens, a missing comment shown beside its field.
 */
const REVIEWER = 'thamdinh.duyet@kgst.test';

/** A one-page PDF (A6) whose page is mostly a filled blue square: a drawn first page is anything but blank. */
function onePagePdf(): Buffer {
  const content = '0 0.3 0.8 rg 20 20 250 380 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** How many of an image's pixels are not white (drawn through a canvas of its own size). */
const inkOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200) ink++;
    return { ink, width: img.naturalWidth, height: img.naturalHeight };
  });

describe('the review page on a phone (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-review-phone');
  const client = e2e.client;
  /** The site's CSP enforced, as a reviewer's phone has it. */
  let phone: BrowserContext;
  /** axe is injected as an inline script: this context alone bypasses the CSP. */
  let axePhone: BrowserContext;
  const tag = `${Date.now() % 1_000_000}`;

  /** A dossier submitted with its photos uploaded before its legal papers; the reviewer's emailed link. */
  async function submittedForReview(n: string) {
    const form = validForm(`rp${n}${tag}`, `tham.dinh.${n}.${tag}@example.vn`);
    const created = await client.api('/api/applications', { body: form });
    const { id, editToken } = created.json as { id: string; editToken: string };
    for (const k of [1, 2, 3])
      await client.upload(id, editToken, 'photos', `Ảnh ${k}.png`, 'image/png', FILES.png);
    await client.upload(id, editToken, 'legal', 'Giấy phép.pdf', 'application/pdf', onePagePdf());
    await client.upload(id, editToken, 'portfolio', 'Hồ sơ năng lực.pdf', 'application/pdf', FILES.pdf);
    const { code, link } = await client.submitForReview({ id, editToken }, REVIEWER);
    return { id, code, link: link.href };
  }

  const opened = async (context: BrowserContext, link: string) => {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(link);
    return page;
  };

  const statusOf = async (id: string) => (await readDossier(e2e.system, id))?.status as string;

  beforeAll(async () => {
    const device = { viewport: PHONE, isMobile: true, hasTouch: true };
    phone = await e2e.browser.newContext(device);
    axePhone = await e2e.browser.newContext({ ...device, bypassCSP: true });
  }, 60_000);
  afterAll(async () => {
    await phone?.close();
    await axePhone?.close();
  });

  it('shows the documents by checklist item in its order, photos as thumbnails and a PDF’s first page as an image', async () => {
    const d = await submittedForReview('docs');
    const checklist = ((await client.api('/api/round')).json.checklist as { slot: string }[]).map(
      (s) => s.slot,
    );
    const page = await opened(phone, d.link);

    // Groups in checklist order (photos were uploaded first), each titled.
    const slots = await page
      .locator('.doc-group')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-slot')));
    expect(slots).toEqual(checklist);
    expect(await page.locator('.doc-group[data-slot="photos"] h3').textContent()).toContain(
      'Hình ảnh không gian',
    );

    // A thumbnail: the presigned image itself, lazily loaded, named by its file name.
    const thumb = page.locator('.doc-group[data-slot="photos"] img.doc-preview').first();
    expect(await thumb.getAttribute('alt')).toBe('Ảnh 1.png');
    expect(await thumb.getAttribute('loading')).toBe('lazy');
    await thumb.scrollIntoViewIfNeeded();
    await vi.waitFor(
      async () => expect(await thumb.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1),
      {
        timeout: 15_000,
      },
    );

    // The PDF's first page, drawn by pdf.js in the browser under the page's CSP: an image with ink on it.
    const legal = page.locator('.doc-group[data-slot="legal"]');
    await legal.scrollIntoViewIfNeeded();
    await legal.locator('.pdf-preview[data-rendered="true"] img').waitFor();
    expect(await legal.locator('.pdf-preview img').getAttribute('alt')).toBe('Trang đầu của Giấy phép.pdf');
    const drawn = await inkOf(page, '.doc-group[data-slot="legal"] .pdf-preview img');
    expect(drawn.height).toBeGreaterThan(drawn.width); // the A6 page's shape
    expect(drawn.ink).toBeGreaterThan((drawn.width * drawn.height) / 2);
    // A PDF pdf.js cannot read keeps only its link; every document keeps its link, named as uploaded.
    const portfolio = page.locator('.doc-group[data-slot="portfolio"]');
    await portfolio.scrollIntoViewIfNeeded();
    await portfolio.locator('.pdf-preview[data-rendered="failed"]').waitFor({ state: 'attached' });
    expect(await portfolio.locator('.pdf-preview').isHidden()).toBe(true);
    const download = await page.locator('.doc-group[data-slot="legal"] a.doc-link').getAttribute('href');
    const file = await fetch(download!);
    expect(file.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p.pdf",
    );
    await page.close();

    // The same page, with axe: no WCAG A/AA violation, nothing wider than 375 px.
    const checked = await opened(axePhone, d.link);
    await checked.waitForLoadState('networkidle');
    await expectAtEaseOnPhone(checked);
  }, 90_000);

  it('a rejection without a comment: 400, the message beside the field, the ticked items kept', async () => {
    const d = await submittedForReview('reject');
    const page = await opened(axePhone, d.link);
    await page.getByRole('checkbox', { name: 'Hình ảnh không gian' }).check();
    await page.locator('input[name="items"][value="space.description"]').check();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Không chấp thuận' }).click(),
    ]);
    await page.waitForLoadState();

    expect(answer.status()).toBe(400);
    const comment = page.locator('#comment');
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    expect(await comment.getAttribute('aria-describedby')).toContain('comment-error');
    expect(await page.locator('#comment-error').textContent()).toBe('Bắt buộc nhập');
    const summary = page.locator('#problems');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('a').first().getAttribute('href')).toBe('#comment');
    expect(await summary.textContent()).toContain('Ý kiến: Bắt buộc nhập');
    expect(await page.getByRole('checkbox', { name: 'Hình ảnh không gian' }).isChecked()).toBe(true);
    expect(await page.locator('input[name="items"][value="space.description"]').isChecked()).toBe(true);
    expect(await statusOf(d.id)).toBe('in_review');
    await expectAtEaseOnPhone(page);
  }, 90_000);

  it('approving restates the decision first; nothing changes until it is confirmed', async () => {
    const d = await submittedForReview('approve');
    const page = await opened(axePhone, d.link);
    // Styled by consequence: approve, supplement and reject do not look alike.
    const colours = await page
      .locator('button.decide')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(new Set(colours).size).toBe(3);

    await page.locator('#comment').fill('Không gian hoạt động đều đặn.');
    await page.getByRole('button', { name: 'Công nhận thành viên' }).click();
    await page.getByText(`Bạn sắp chấp thuận hồ sơ ${d.code}.`).waitFor();
    expect(await page.locator('.confirm-comment').textContent()).toBe('Không gian hoạt động đều đặn.');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await statusOf(d.id)).toBe('in_review');

    // Back: the form as typed, still undecided.
    await page.getByRole('button', { name: 'Quay lại sửa' }).click();
    expect(await page.locator('#comment').inputValue()).toBe('Không gian hoạt động đều đặn.');
    await page.getByRole('button', { name: 'Công nhận thành viên' }).click();
    await page.getByRole('button', { name: 'Xác nhận và gửi' }).waitFor();
    expect(await statusOf(d.id)).toBe('in_review');
    // The confirmation itself is at ease on the phone too.
    expect(await violationsOf(page)).toEqual([]);
    expect((await overflowOf(page)).wide).toEqual([]);

    await page.getByRole('button', { name: 'Xác nhận và gửi' }).click();
    await page.getByText('đã được quyết định').waitFor();
    await vi.waitFor(async () => expect(await statusOf(d.id)).not.toBe('in_review'), {
      timeout: 20_000,
      interval: 200,
    });
    await page.close();
  }, 90_000);
  it('/verify shows the certificate PDF’s first page as an image, drawn under the page’s CSP', async () => {
    const form = validForm(`rpv${tag}`, `chung.nhan.rp.${tag}@example.vn`);
    const { id, editToken } = await client.readyDraft(`rpv${tag}`, form);
    await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    await vi.waitFor(async () => expect((await getDossierItem(id))?.status).toBe('in_review'), {
      timeout: 30_000,
      interval: 200,
    });
    // Recommended, then issued as the workflow's IssueCertificate step issues it.
    await recommend(id);
    const { certificateId } = (await invoke('issueCertificate', { dossierId: id })) as {
      certificateId: string;
    };
    const page = await opened(phone, `${e2e.system.urls.site}/verify/${certificateId}`);
    const frame = page.locator('.certificate-preview');
    await frame.locator('img').waitFor();
    expect(await frame.getAttribute('data-rendered')).toBe('true');
    const alt = (await frame.locator('img').getAttribute('alt')) ?? '';
    expect(alt).toMatch(/^Trang đầu của giấy chứng nhận số \d{4}\/\d{4}\/GCN-KGST$/);
    const drawn = await inkOf(page, '.certificate-preview img');
    expect(drawn.width).toBeGreaterThan(drawn.height); // A4 landscape
    expect(drawn.ink).toBeGreaterThan((drawn.width * drawn.height) / 100);
    // Still a download link beside it.
    expect(await page.locator('a.certificate-download').count()).toBe(1);
    await page.close();
  }, 90_000);
});
