import { describe, expect, it, vi } from 'vitest';
import { FILES } from '../fixtures/files.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { readDossier } from '../support/own-system.ts';

const REVIEWER = 'thamdinh.duyet@kgst.test';
const APPLICANT = 'quang.vu@example.vn';
const SPACE = 'Xưởng In Lụa Hàng Đào';

describe('reviewer approves in the browser (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-review');
  const client = e2e.client;

  it('opens the emailed review link, approves after confirming, and the dossier goes to the Director', async () => {
    // Prepare: a dossier submitted through the API, and the reviewer's email in the local mailbox
    const created = await client.api('/api/applications', {
      body: {
        space: {
          nameVi: SPACE,
          ownership: 'individual_group',
          spaceType: 'multi',
          creativeFields: ['design', 'crafts_folk_art'],
          street: '40 Hàng Đào',
          wardCode: '00070',
          foundedYear: 2017,
          floorAreaM2: 90,
          description:
            'Xưởng in lụa thủ công mở cửa cho công chúng, dạy in lụa cho người mới và trưng bày tranh in hằng quý.',
        },
        representative: {
          fullName: 'Vũ Minh Quang',
          position: 'Chủ xưởng',
          email: APPLICANT,
          phone: '0903 111 222',
        },
        consent: true,
      },
    });
    expect(created.status).toBe(201);
    const { id, editToken } = created.json as { id: string; editToken: string };
    await client.upload(id, editToken, 'legal', 'Giấy phép.pdf', 'application/pdf', FILES.pdf);
    for (const n of [1, 2, 3])
      await client.upload(id, editToken, 'photos', `Ảnh ${n}.png`, 'image/png', FILES.png);
    await client.upload(id, editToken, 'portfolio', 'Hồ sơ năng lực.pdf', 'application/pdf', FILES.pdf);
    const { code, link: reviewLink } = await client.submitForReview({ id, editToken }, REVIEWER, 20_000);

    // Act: the reviewer opens the link in the browser and approves
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(reviewLink.href);
    const shown = (await page.locator('main').textContent()) ?? '';
    await page.getByRole('button', { name: 'Công nhận thành viên' }).click();
    // The decision is restated first; only the confirmation sends it.
    await page.getByText(`Bạn sắp chấp thuận hồ sơ ${code}.`).waitFor();
    await page.getByRole('button', { name: 'Xác nhận và gửi' }).click();
    await page.getByText('đã được quyết định').waitFor();
    const decided = (await page.locator('main').textContent()) ?? '';

    // Assess: the page, and the dossier recommended to the Director, whose sign-off issues the certificate
    // (issue 12; the sign-off's own tests follow it to the applicant's email)
    expect(shown).toContain(SPACE);
    expect(shown).toContain(code);
    expect(decided).toContain(`Hồ sơ đã được quyết định (Công nhận thành viên) bởi ${REVIEWER}`);
    await vi.waitFor(async () => expect((await readDossier(e2e.system, id))?.status).toBe('recommended'), {
      timeout: 20_000,
      interval: 150,
    });
    await page.close();
  }, 60_000);
});
