import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { FILES } from '../fixtures/files.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { readDossier } from '../support/own-system.ts';

const REVIEWER = 'thamdinh.bosung@kgst.test';
const APPLICANT = 'hoa.le@example.vn';

const PNG_1X1 = FILES.png;
const PDF = FILES.pdf;

interface Email {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
}

describe('applicant supplements a dossier in the browser (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-supplement');
  const client = e2e.client;

  // ---- small helpers against this file's own system ----
  const api = client.api;
  const upload = async (
    id: string,
    token: string,
    slot: string,
    fileName: string,
    type: string,
    bytes: Buffer,
  ) => {
    const res = await client.upload(id, token, slot, fileName, type, bytes);
    expect(res.request.status).toBe(201);
    expect(res.s3Status).toBeLessThan(300);
  };
  const emails = async (match: (e: Email) => boolean) => {
    const store = (await (await fetch(`${e2e.system.urls.mailbox}/store`)).json()) as { emails: Email[] };
    return store.emails.filter(match);
  };
  const waitForEmails = (match: (e: Email) => boolean, count = 1) =>
    vi.waitFor(
      async () => {
        const found = await emails(match);
        expect(found.length).toBeGreaterThanOrEqual(count);
        return found;
      },
      { timeout: 20_000, interval: 150 },
    );
  const dossierItem = (id: string) => readDossier(e2e.system, id);

  it('opens the emailed link, corrects the description, adds a photo, sends, and the dossier returns to review', async () => {
    // Prepare: a submitted dossier, and the reviewer asks for a supplement through their emailed link
    const created = await api('/api/applications', {
      body: {
        space: {
          nameVi: 'Nhà Sáng Tác Ngõ Trạm',
          ownership: 'private_company',
          spaceType: 'gallery',
          creativeFields: ['visual_arts', 'photography'],
          street: '25 Ngõ Trạm',
          wardCode: '00070',
          foundedYear: 2018,
          floorAreaM2: 120,
          socialLinks: ['https://facebook.com/ngotram'],
          description:
            'Phòng trưng bày nhỏ ở phố cổ, tổ chức triển lãm ảnh và các buổi nói chuyện nghệ thuật hằng tháng.',
          registrationNumber: '0107654321',
        },
        representative: {
          fullName: 'Lê Thị Hoa',
          position: 'Quản lý',
          email: APPLICANT,
          phone: '0987 654 321',
        },
        consent: true,
      },
    });
    expect(created.status).toBe(201);
    const { id, editToken } = created.json as { id: string; editToken: string };
    await upload(id, editToken, 'legal', 'Giấy phép.pdf', 'application/pdf', PDF);
    for (const n of [1, 2, 3]) await upload(id, editToken, 'photos', `Ảnh ${n}.png`, 'image/png', PNG_1X1);
    await upload(id, editToken, 'portfolio', 'Hồ sơ năng lực.pdf', 'application/pdf', PDF);
    const submitted = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    expect(submitted.status).toBe(200);
    const code = submitted.json.code as string;
    const forReviewer = (e: Email) => e.destination.to.includes(REVIEWER) && e.subject.includes(code);
    const [reviewMail] = await waitForEmails(forReviewer);
    const reviewLink = new URL(
      /https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(reviewMail!.body.text ?? '')![0],
    );
    const decision = new URLSearchParams({
      s: reviewLink.searchParams.get('s')!,
      outcome: 'supplement',
      confirm: '1',
      comment: 'Cần mô tả rõ giờ mở cửa và thêm ảnh mặt tiền.',
      dueDate: addDays(ictDay(new Date()), 7),
    });
    decision.append('items', 'documents.photos');
    decision.append('items', 'space.description');
    const decided = await fetch(reviewLink.origin + reviewLink.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: decision.toString(),
    });
    expect(decided.status).toBe(200);
    const [supplementMail] = await waitForEmails(
      (e) => e.destination.to.includes(APPLICANT) && e.subject.includes(`bổ sung hồ sơ ${code}`),
    );
    const link = /\/supplement\/[\w-]+#[\w-]+/.exec(supplementMail!.body.text ?? '')![0];
    const photo = path.join(e2e.filesDir, 'mặt-tiền.png');
    await writeFile(photo, PNG_1X1);
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(15_000);

    // Act: the applicant opens the link, sees the request, corrects and sends
    await page.goto(`${e2e.system.urls.site}${link}`);
    await page.getByRole('button', { name: 'Mở yêu cầu bổ sung' }).click();
    await page.locator('#supplement-form').waitFor({ state: 'visible' });
    // A reload continues with the access kept in this tab, without pressing the button again.
    await page.reload();
    await page.locator('#supplement-form').waitFor({ state: 'visible' });
    const request = (await page.locator('#supplement-request').textContent()) ?? '';
    const description = page.getByLabel('Mô tả hoạt động');
    await expect.poll(() => description.inputValue()).toContain('Phòng trưng bày nhỏ');
    const visibleFields = await page.locator('#supplement-form [data-item]:visible').count();
    await description.fill(
      'Phòng trưng bày nhỏ ở phố cổ, mở cửa 9h–21h từ thứ Ba đến Chủ nhật; triển lãm ảnh và nói chuyện nghệ thuật hằng tháng.',
    );
    await page.locator('#s-doc-photos').setInputFiles(photo);
    await page.locator('[data-files-for="photos"] li.file.done').nth(3).waitFor();
    await page.getByRole('button', { name: 'Gửi bổ sung' }).click();
    const result = page.locator('#supplement-result');
    await result.waitFor({ state: 'visible', timeout: 20_000 });

    // Assess: what the applicant saw, then the dossier back under review with a new reviewer email
    expect(request).toContain('Cần mô tả rõ giờ mở cửa và thêm ảnh mặt tiền.');
    expect(request).toContain('Hình ảnh không gian');
    expect(request).toMatch(/\d{2}\/\d{2}\/\d{4} 23:59/);
    expect(visibleFields).toBe(2);
    expect(await result.textContent()).toContain('Đã gửi bổ sung');
    expect((await result.locator('[data-testid="dossier-code"]').textContent())?.trim()).toBe(code);
    await waitForEmails(forReviewer, 2);
    await vi.waitFor(async () => expect((await dossierItem(id))?.status).toBe('in_review'), {
      timeout: 15_000,
    });
    const item = await dossierItem(id);
    expect(item?.form.space.description).toContain('mở cửa 9h–21h');
    expect(
      Object.values(item?.documents ?? {}).filter((d) => (d as { slot: string }).slot === 'photos'),
    ).toHaveLength(4);
    await page.close();

    // A second use of the spent link says so plainly, with nothing to fill in.
    const again = await e2e.browser.newContext();
    const reopened = await again.newPage();
    await reopened.goto(`${e2e.system.urls.site}${link}`);
    await reopened.getByRole('button', { name: 'Mở yêu cầu bổ sung' }).click();
    await expect
      .poll(() => reopened.locator('#supplement-message').textContent())
      .toMatch(/đã được trả lời|đã được dùng/);
    expect(await reopened.locator('#supplement-form').isVisible()).toBe(false);
    await again.close();
  }, 60_000);
});
