import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_BUCKET, LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import type { StoredDocument } from '../../shared/domain/dossier.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { type SeededMember, seedMember } from '../support/members.ts';
import { expectAtEaseOnPhone, PHONE } from '../support/phone.ts';

/** Issue 16 item 1 in Chromium on a 375 px phone: the directory's filters and accent-free search. */
describe('the member directory in a browser on a phone (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-directory');
  const tag = `${Date.now() % 1_000_000}`;
  /** A phone whose pages let axe-core in (the site's CSP admits no inline script, the checker's included). */
  const phonePage = async () =>
    (await e2e.browser.newContext({ viewport: PHONE, bypassCSP: true })).newPage();
  let pottery: SeededMember;
  let music: SeededMember;

  beforeAll(async () => {
    const round: Round = { ...ROUND_2025, id: `dire2e${tag}`, codePrefix: `E${tag}`, status: 'closed' };
    await new Rounds(new Store(makeDocumentClient(), LOCAL_TABLE)).create(round);
    [pottery, music] = await Promise.all([
      seedMember(round, {
        nameVi: `Không gian Gốm Sứ Bát Tràng với một cái tên rất dài để xuống dòng ${tag}`,
        creativeFields: ['crafts_folk_art'],
        wardCode: '00004',
        description: 'Xưởng gốm men lam; lớp học nặn gốm cho gia đình vào cuối tuần.',
      }),
      seedMember(round, {
        nameVi: `Nhà hát Đàn Bầu ${tag}`,
        creativeFields: ['music'],
        wardCode: '00070',
        description: 'Hòa nhạc dân tộc mỗi tối thứ Bảy.',
      }),
    ]);
  }, 120_000);

  it('filters by field and ward, finds “khong gian” without diacritics, and is at ease on a phone', async () => {
    const page = await phonePage();
    page.setDefaultTimeout(15_000);
    const cards = page.locator('li.member-card');
    const names = () => cards.locator('h2').allTextContents();

    // Search without diacritics, as typed on a phone keyboard.
    await page.goto(`${e2e.system.urls.site}/thanh-vien`);
    await page.getByLabel('Tìm kiếm (có dấu hoặc không dấu)').fill(`khong gian gom ${tag}`);
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/q=/);
    expect(await names()).toEqual([pottery.name]);
    await expect.poll(() => page.locator('#member-count').textContent()).toMatch(/^1 \//);

    // The field filter: every member of this file in music, the pottery one gone.
    await page.getByLabel('Tìm kiếm (có dấu hoặc không dấu)').fill(tag);
    await page.getByLabel('Lĩnh vực sáng tạo').selectOption('music');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/field=music/);
    expect(await names()).toEqual([music.name]);

    // The ward filter, by the new ward (the old district is the option's hint).
    await page.getByLabel('Lĩnh vực sáng tạo').selectOption('');
    const ward = page.getByLabel('Phường/xã');
    const option = ward.locator('option[value="00004"]');
    expect(await option.textContent()).toMatch(/^Phường Ba Đình — .*Quận Ba Đình/);
    await ward.selectOption('00004');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page.waitForURL(/ward=00004/);
    expect(await names()).toEqual([pottery.name]);
    const card = cards.first();
    expect(await card.locator('.member-ward').textContent()).toMatch(/Phường Ba Đình \(trước 07\/2025: /);
    expect(await card.locator('a.verify-link').getAttribute('href')).toMatch(
      new RegExp(`/verify/${pottery.certificateId}$`),
    );
    await expectAtEaseOnPhone(page);
  });

  it('shows a member’s page and the English directory at ease on a phone', async () => {
    const member = await phonePage();
    await member.goto(`${e2e.system.urls.site}/thanh-vien?q=${tag}&field=crafts_folk_art`);
    await member.locator('li.member-card h2 a').first().click();
    await member.waitForURL(/\/thanh-vien\/khong-gian-gom-su-bat-trang/);
    expect(await member.locator('h1').textContent()).toBe(pottery.name);
    await expectAtEaseOnPhone(member);

    const english = await phonePage();
    await english.goto(`${e2e.system.urls.site}/thanh-vien?lang=en&q=${tag}`);
    expect(await english.locator('h1').textContent()).toBe('Network members');
    expect(await english.locator('li.member-card').count()).toBe(2);
    await expectAtEaseOnPhone(english);
  });
  it('without a tile URL shows no map, and the browser asks no host but the site', async () => {
    const page = await (await e2e.browser.newContext({ viewport: PHONE })).newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(`${e2e.system.urls.site}/thanh-vien?q=${tag}`);
    expect(await page.locator('li.member-card').count()).toBe(2);
    await page.locator('li.member-card h2 a').first().click();
    await page.waitForURL(/\/thanh-vien\/[a-z0-9-]+$/);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#member-map, .leaflet-container').count()).toBe(0);
    const site = new URL(e2e.system.urls.site).origin;
    expect(asked.filter((u) => new URL(u).origin !== site)).toEqual([]);
    expect(asked.filter((u) => /leaflet/.test(u))).toEqual([]);
    await page.close();
  });

  it('a member ticks a dossier image and uploads a photo through the emailed link; the page shows both, at ease on a phone', async () => {
    // A 1×1 PNG, as the dossier's archived image and as the new photo the member picks.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const fileId = randomUUID();
    const archivedKey = `dossiers/e2e-dir-${tag}/photos/${fileId}`;
    await new S3Client({
      endpoint: e2e.system.urls.s3,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
      forcePathStyle: true,
    }).send(new PutObjectCommand({ Bucket: LOCAL_BUCKET, Key: archivedKey, Body: png }));
    const doc: StoredDocument = {
      fileId,
      slot: 'photos',
      name: 'Mặt tiền xưởng.png',
      type: 'png',
      declaredSize: png.length,
      key: `uploads/e2e-dir-${tag}/photos/${fileId}`,
      addedAt: new Date().toISOString(),
      verifiedSize: png.length,
      archivedKey,
    };
    const round: Round = { ...ROUND_2025, id: `dirph${tag}`, codePrefix: `F${tag}`, status: 'closed' };
    await new Rounds(new Store(makeDocumentClient(), LOCAL_TABLE)).create(round);
    const studio = await seedMember(
      round,
      {
        nameVi: `Xưởng In Lụa Phố Cổ ${tag}`,
        creativeFields: ['visual_arts'],
        wardCode: '00070',
        description: 'In lụa thủ công, mở cửa cuối tuần.',
      },
      [doc],
    );
    const newPhoto = path.join(e2e.filesDir, 'trien-lam.png');
    await writeFile(newPhoto, png);

    // The site's CSP is on here: the upload to storage and the photos from it must pass it.
    const page = await (await e2e.browser.newContext({ viewport: PHONE })).newPage();
    page.setDefaultTimeout(15_000);
    const since = Date.now();
    await page.goto(`${e2e.system.urls.site}/thanh-vien`);
    await page.getByLabel('Email người đại diện').fill(studio.email);
    await page.getByRole('button', { name: 'Gửi liên kết chỉnh sửa' }).click();
    const mail = await e2e.client.waitForEmail(
      (m) =>
        m.destination.to.includes(studio.email) &&
        m.at * 1000 >= since - 1000 &&
        /\/thanh-vien\/profile\//.test(m.body.text ?? ''),
    );
    await page.goto(/https?:\/\/\S+\/thanh-vien\/profile\/[\w-]+\?s=[\w-]+/.exec(mail.body.text ?? '')![0]);
    await page.getByLabel('Mặt tiền xưởng.png').check();
    await page.getByLabel('Tải ảnh mới lên').setInputFiles(newPhoto);
    await expect
      .poll(() => page.locator('[data-photo-status]').textContent())
      .toContain('Đã tải lên trien-lam.png');
    expect(await page.getByLabel('trien-lam.png').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Lưu trang thành viên' }).click();
    await page.getByText('Đã lưu.').waitFor();
    await page.getByRole('link', { name: 'Xem trang công khai' }).click();
    await page.waitForURL(/\/thanh-vien\/xuong-in-lua-pho-co-/);
    const photos = page.locator('img.member-photo');
    expect(await photos.count()).toBe(2);
    // Both drawn: served from the private bucket through the directory's short links.
    await expect
      .poll(() => photos.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth)))
      .toEqual([1, 1]);
    const profileUrl = page.url();
    await page.close();

    const phone = await phonePage();
    await phone.goto(profileUrl);
    await phone.locator('img.member-photo').first().waitFor();
    await expectAtEaseOnPhone(phone);
  });
});
