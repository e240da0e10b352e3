import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { renderRsvpPage } from '../../shared/pages/rsvp-page.tsx';
import { emailFixtures } from '../fixtures/emails.ts';
import { getDossierItem, invoke, recommend } from '../integration/helpers.ts';
import { type CapturedEmail, reviewLinkIn, validForm } from '../support/client.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';
import { expectAtEaseOnPhone, overflowOf, PHONE, violationsOf } from '../support/phone.ts';

/**
 * Issue 11, item 10: every applicant page and every email meets WCAG 2.2 AA as axe-core checks it, and on a
 * 375 px phone nothing is wider than the screen (no sideways scrolling).
 */
// The emails, with the fixtures of the email text test (plain user values).
const { round, dossier, emails } = emailFixtures();

describe('accessible and phone-first: WCAG 2.2 AA (axe-core) and reflow at 375 px (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-a11y');
  let phone: BrowserContext;
  let certificateId: string;
  const tag = `${Date.now() % 1_000_000}`;
  const applicant = validForm(tag, `de.doc.${tag}@example.vn`);
  let supplementCode = '';

  /** Submits a ready draft and waits for it to be in review; its id and code. */
  async function submitted(form: ReturnType<typeof validForm>) {
    const { id, editToken } = await e2e.client.readyDraft(form.space.nameVi.slice(-6), form);
    const res = await e2e.client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    await vi.waitFor(async () => expect((await getDossierItem(id))?.status).toBe('in_review'), {
      timeout: 30_000,
      interval: 200,
    });
    return { id, code: res.json.code as string };
  }

  /** The first mail matching, from the shared mailbox. */
  const mailOf = (match: (e: CapturedEmail) => boolean) =>
    vi.waitFor(
      async () => {
        const found = (await e2e.client.mailbox()).find(match);
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 20_000, interval: 150 },
    );

  beforeAll(async () => {
    // The pages' CSP refuses inline scripts; axe is injected as one, so this context alone bypasses CSP.
    phone = await e2e.browser.newContext({
      viewport: PHONE,
      bypassCSP: true,
      isMobile: true,
      hasTouch: true,
    });
    // A real certificate for /verify, issued as the workflow's IssueCertificate step does.
    const certified = await submitted(validForm(`c${tag}`, `chung.nhan.${tag}@example.vn`));
    await recommend(certified.id);
    certificateId = (
      (await invoke('issueCertificate', { dossierId: certified.id })) as { certificateId: string }
    ).certificateId;
    // A dossier the reviewer asks to supplement (its photos and description), for the opened supplement form.
    supplementCode = (await submitted(applicant)).code;
    const reviewMail = await mailOf(
      (e) => e.subject.includes(supplementCode) && /\/review\//.test(e.body.text ?? ''),
    );
    const link = new URL(reviewLinkIn(reviewMail.body.text));
    const decision = new URLSearchParams({
      s: link.searchParams.get('s')!,
      outcome: 'supplement',
      confirm: '1',
      comment: 'Cần thêm ảnh mặt tiền và mô tả giờ mở cửa.',
      dueDate: addDays(ictDay(new Date()), 5),
    });
    decision.append('items', 'documents.photos');
    decision.append('items', 'space.description');
    const decided = await fetch(link.origin + link.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: decision.toString(),
    });
    expect(decided.status).toBe(200);
  }, 120_000);

  /** A new page of the phone context, waiting up to 15 s for what it is told to wait for. */
  const phonePage = async () => {
    const page = await phone.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  const PAGES: Record<string, () => string> = {
    home: () => '/',
    'home in English': () => '/?lang=en',
    status: () => '/status',
    'status in English': () => '/status?lang=en',
    resume: () => '/resume/AAAAAAAAAAAAAAAAAAAAAA',
    supplement: () => '/supplement/AAAAAAAAAAAAAAAAAAAAAA',
    verify: () => `/verify/${certificateId}`,
    privacy: () => '/quyen-rieng-tu',
    'not found': () => '/khong-co-trang-nay',
  };

  for (const [name, path] of Object.entries(PAGES)) {
    it(`${name}: no WCAG A/AA violation, nothing wider than a 375 px phone`, async () => {
      const page = await phonePage();
      await page.goto(`${e2e.system.urls.site}${path()}`);
      await page.waitForLoadState('networkidle');
      await expectAtEaseOnPhone(page);
    });
  }

  it('the opened supplement request, its form showing: no WCAG A/AA violation, no overflow', async () => {
    const mail = await mailOf(
      (e) =>
        e.destination.to.includes(applicant.representative.email) &&
        e.subject.includes(`bổ sung hồ sơ ${supplementCode}`),
    );
    const link = /\/supplement\/[\w-]+#[\w-]+/.exec(mail.body.text ?? '')![0];
    const page = await phonePage();
    await page.goto(`${e2e.system.urls.site}${link}`);
    await page.getByRole('button', { name: 'Mở yêu cầu bổ sung' }).click();
    await page.locator('#supplement-form').waitFor({ state: 'visible' });
    await expectAtEaseOnPhone(page);
  });

  it('a dossier looked up on /status (a supplement asked): no WCAG A/AA violation, no overflow', async () => {
    const page = await phonePage();
    await page.goto(`${e2e.system.urls.site}/status`);
    await page.locator('input[name="code"]').fill(supplementCode);
    await page.locator('input[name="email"]').fill(applicant.representative.email);
    await page.locator('form.card button[type="submit"]').click();
    await page.getByText(supplementCode).first().waitFor();
    await expectAtEaseOnPhone(page);
  });

  it('the RSVP page with its form: no WCAG A/AA violation, no overflow', async () => {
    // A real invitation would mail every member of the shared round; the page is rendered as the RSVP
    // function renders it, on the site's origin so its stylesheet and script load as they do there.
    const page = await phonePage();
    await page.goto(`${e2e.system.urls.site}/quyen-rieng-tu`);
    await page.setContent(
      renderRsvpPage({
        lang: 'vi',
        view: { dossier, round, cutoff: new Date(Date.now() + 86_400_000), open: true },
        linkId: 'I1',
        secret: 'secret',
        notice: 'Đã quá hạn trả lời.',
      }),
      { waitUntil: 'networkidle' },
    );
    const styled = await page.evaluate(() => document.styleSheets[0]?.cssRules.length ?? 0);
    expect(styled).toBeGreaterThan(0);
    await expectAtEaseOnPhone(page);
  });

  it('the home page with every problem of a blank form shown: no WCAG A/AA violation, no overflow', async () => {
    const page = await phonePage();
    await page.goto(`${e2e.system.urls.site}/`);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await page.locator('#form-message').waitFor({ state: 'visible' });
    await expectAtEaseOnPhone(page);
  });

  it('the checks themselves see a missing text alternative, low contrast and a too-wide element', async () => {
    const page = await phone.newPage();
    await page.setContent(
      '<html lang="en"><head><meta name="viewport" content="width=device-width"><title>Probe</title></head><body><main><img src="x.png"><p style="color:#bbb;background:#fff">pale</p><div style="width:500px">wide</div></main></body></html>',
    );
    const violations = await violationsOf(page);
    const overflow = await overflowOf(page);
    await page.close();

    expect(violations.map((v) => v.split(':')[0])).toEqual(['color-contrast', 'image-alt']);
    expect(overflow.wide).toHaveLength(1);
    expect(overflow.scrollWidth).toBeGreaterThan(PHONE.width);
  });

  for (const [name, { email }] of Object.entries(emails)) {
    it(`the ${name} email: no WCAG A/AA violation, nothing wider than a 375 px phone`, async () => {
      const page = await phone.newPage();
      await page.setContent(email.html);
      await expectAtEaseOnPhone(page);
    });
  }
});
