import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserOnSharedSystem } from '../support/e2e.ts';

/** Small files whose first bytes are what the server's magic-byte check expects. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG_1X1 = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
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

describe('applicant in the browser (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-apply');

  it('fills the form, uploads the documents, submits, gets a code, a receipt email and a status', async () => {
    // Prepare
    const file = async (name: string, bytes: Buffer) => {
      const p = path.join(e2e.filesDir, name);
      await writeFile(p, bytes);
      return p;
    };
    const legal = await file('giấy-phép-kinh-doanh.pdf', PDF);
    const photos = [
      await file('mặt-tiền.png', PNG_1X1),
      await file('phòng-trưng-bày.jpg', JPEG_1X1),
      await file('xưởng.png', PNG_1X1),
    ];
    const portfolio = await file('hồ-sơ-năng-lực.pdf', PDF);
    const email = 'lan.nguyen@example.vn';
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(15_000);

    // Act: the form, as a person fills it
    await page.goto(`${e2e.system.urls.site}/`);
    await expect(page.locator('.deadline').textContent()).resolves.toMatch(
      /\d{2}\/\d{2}\/\d{4} 23:59 \(giờ Hà Nội, UTC\+7\)/,
    );
    await page.getByLabel('Tên không gian (tiếng Việt)').fill('Xưởng Gốm Hoa Lư');
    await page.getByLabel('Hình thức sở hữu').selectOption({ label: 'Doanh nghiệp tư nhân' });
    await page.getByLabel('Loại hình không gian').selectOption({ label: 'Xưởng thủ công, mỹ nghệ' });
    await page.getByLabel('Thiết kế').check();
    await page.getByLabel('Thủ công mỹ nghệ và nghệ thuật dân gian').check();
    await page.getByLabel('Số nhà, đường phố').fill('12 Phố Văn Miếu');
    await page.getByLabel('Phường/xã').pressSequentially('van mieu', { delay: 20 });
    await page
      .getByRole('option', { name: /Văn Miếu/ })
      .first()
      .click();
    await page.getByLabel('Năm thành lập').fill('2016');
    await page.getByLabel('Diện tích sàn (m²)').fill('180');
    await page.getByLabel('Trang web (không bắt buộc)').fill('https://gomhoalu.example.vn');
    await page
      .getByLabel('Mạng xã hội (mỗi dòng một đường dẫn)')
      .fill('https://facebook.com/gomhoalu\nhttps://instagram.com/gomhoalu');
    await page
      .getByLabel('Mô tả hoạt động (ít nhất 50 ký tự)')
      .fill(
        'Xưởng gốm mở cửa cho công chúng, tổ chức lớp học làm gốm và triển lãm gốm đương đại hằng tháng.',
      );
    await page.getByLabel('Số đăng ký kinh doanh / quyết định thành lập').fill('0109876543');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await page.getByLabel('Chức vụ').fill('Giám đốc');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.locator('#doc-legal').setInputFiles(legal);
    await page.locator('#doc-photos').setInputFiles(photos);
    await page.locator('#doc-portfolio').setInputFiles(portfolio);
    await page.locator('.files li.file.done').nth(4).waitFor();
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const codeEl = page.locator('[data-testid="dossier-code"]');
    await codeEl.waitFor({ state: 'visible', timeout: 30_000 });
    const code = (await codeEl.textContent())?.trim() ?? '';

    // Assess: the code, the status page, the receipt email
    expect(code).toMatch(/^KGST-DEMO-\d{4}$/);
    await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).last().click();
    await page.getByLabel('Mã hồ sơ').fill(code);
    await page.getByLabel('Email người đại diện').fill(email);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.locator('.dossier-code').waitFor();
    const status = (await page.locator('main').textContent()) ?? '';
    expect(status).toContain(code);
    expect(status).toContain('Đã tiếp nhận');

    let subjects: string[] = [];
    for (let i = 0; i < 50 && !subjects.some((s) => s.includes(code)); i++) {
      const store = (await (await fetch(`${e2e.system.urls.mailbox}/store`)).json()) as {
        emails: { subject: string }[];
      };
      subjects = store.emails.map((e) => e.subject);
      if (!subjects.some((s) => s.includes(code))) await new Promise((r) => setTimeout(r, 200));
    }
    expect(subjects.some((s) => s.includes(code))).toBe(true);
    await page.close();
  }, 60_000);

  it('saves a draft, and the emailed link continues it in one browser, then again in another', async () => {
    // Prepare
    const email = 'minh.tran@example.vn';
    const first = await e2e.browser.newContext();
    const page = await first.newPage();
    page.setDefaultTimeout(15_000);
    const textFile = path.join(e2e.filesDir, 'ghi-chú.txt');
    await writeFile(textFile, 'không phải ảnh');

    // Act: save a draft, try a wrong file type
    await page.goto(`${e2e.system.urls.site}/`);
    await page.getByLabel('Tên không gian (tiếng Việt)').fill('Nhà Âm Nhạc <Phố Cổ>');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect.poll(() => page.locator('#form-message').textContent()).toContain('gửi tới email');
    await page.locator('#doc-photos').setInputFiles(textFile);
    const photoError = await page.locator('[data-error-for="documents.photos"]').textContent();
    await first.close();

    const store = (await (await fetch(`${e2e.system.urls.mailbox}/store`)).json()) as {
      emails: { subject: string; body: { text?: string } }[];
    };
    const resumeMail = store.emails.find((e) => e.subject.includes('Nhà Âm Nhạc'));
    const link = /\/resume\/[\w-]+#[\w-]+/.exec(resumeMail?.body.text ?? '')?.[0];

    const second = await e2e.browser.newContext();
    const resumed = await second.newPage();
    resumed.setDefaultTimeout(15_000);
    await resumed.goto(`${e2e.system.urls.site}${link}`);
    await resumed.getByRole('button', { name: 'Tiếp tục hồ sơ' }).click();
    await resumed.waitForURL(`${e2e.system.urls.site}/`);
    const nameInput = resumed.getByLabel('Tên không gian (tiếng Việt)');
    await expect.poll(() => nameInput.inputValue()).toBe('Nhà Âm Nhạc <Phố Cổ>');
    await second.close();

    // Issue 11: the same emailed link opens the draft again in another browser (the first tab closed).
    const third = await e2e.browser.newContext();
    const again = await third.newPage();
    again.setDefaultTimeout(15_000);
    await again.goto(`${e2e.system.urls.site}${link}`);
    await again.getByRole('button', { name: 'Tiếp tục hồ sơ' }).click();
    await again.waitForURL(`${e2e.system.urls.site}/`);
    await expect
      .poll(() => again.getByLabel('Tên không gian (tiếng Việt)').inputValue())
      .toBe('Nhà Âm Nhạc <Phố Cổ>');

    // Assess
    expect(photoError).toContain('loại tệp không được chấp nhận');
    expect(link).toBeDefined();
    await third.close();
  }, 45_000);
});
