import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
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
});
