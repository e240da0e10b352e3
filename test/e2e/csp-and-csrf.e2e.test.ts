import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FILES } from '../fixtures/files.ts';
import { browserOnSharedSystem } from '../support/e2e.ts';

const COORDINATOR = 'dieuphoi.csp@kgst.test';
const REVIEWER = 'thamdinh.csp@kgst.test';

/**
 * A page that records every CSP violation: the console's "Refused to …" lines and the DOM's
 * `securitypolicyviolation` events (listened to by a script the browser adds before the page's own, which
 * the page's CSP does not govern).
 */
async function watchedPage(
  context: BrowserContext,
): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const violations = async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
  return { page, violations };
}

/** A tiny site on another origin (another port; `localhost` is another site than 127.0.0.1 as well). */
const servers: Server[] = [];
async function otherSite(html: (path: string) => string): Promise<number> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(req.url ?? '/'));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as AddressInfo).port;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
});

describe('CSP in force and CSRF refused, in the browser (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-csp');
  const client = e2e.client;
  const site = (p: string) => `${e2e.system.urls.site}${p}`;

  /**
   * A browser context signed in as the coordinator through the emailed link, clicked in a webmail of
   * another site (once for the file: sign-in emails are rate-limited per address).
   */
  let coordinator: Promise<BrowserContext> | undefined;
  const signedIn = () => {
    coordinator ??= (async () => {
      const before = (await client.mailbox()).length;
      await client.postForm(site('/admin/sign-in'), { email: COORDINATOR });
      let text = '';
      await expect
        .poll(
          async () => {
            const mail = (await client.mailbox())
              .slice(before)
              .find((e) => e.destination.to.includes(COORDINATOR));
            text = mail?.body.text ?? '';
            return text;
          },
          { timeout: 10_000 },
        )
        .toContain('/admin/sign-in/');
      const link = /https?:\/\/\S+\/admin\/sign-in\/[\w-]+#[\w-]+/.exec(text)![0];
      // Followed from a webmail on another site (`localhost` vs 127.0.0.1), as a person clicks it: the
      // link page posts the secret from our own origin, the Strict cookie is set on that same-origin
      // answer, and the page's own navigation to /admin carries it.
      const webmail = await otherSite(() => `<!doctype html><a id="mail-link" href="${link}">Đăng nhập</a>`);
      const context = await e2e.browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://localhost:${webmail}/inbox`);
      await page.click('#mail-link');
      await page.click('#admin-sign-in-go');
      await page.waitForURL(/\/admin(\/rounds)?(\?lang=en)?$/);
      await page.close();
      return context;
    })();
    return coordinator;
  };

  it('the CSP is enforced (an injected inline script is refused and reported), so the checks below can fail', async () => {
    const { page, violations } = await watchedPage(await e2e.browser.newContext());
    const res = await page.goto(site('/'));
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    await expect.poll(violations).toContainEqual(expect.stringMatching(/script-src/));
  });

  it('apply page: saves a draft and uploads a photo straight to storage with no CSP violation', async () => {
    const photo = path.join(e2e.filesDir, 'mặt-tiền.png');
    await writeFile(photo, FILES.png);
    const { page, violations } = await watchedPage(await e2e.browser.newContext());
    await page.goto(site('/'));
    await page.getByLabel('Tên không gian (tiếng Việt)').fill('Xưởng Gốm CSP');
    await page.getByLabel('Email').fill('csp.apply@example.vn');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect
      .poll(() => page.locator('#form-message').textContent(), { timeout: 15_000 })
      .toContain('gửi tới email');
    await page.locator('#doc-photos').setInputFiles(photo);
    await page.locator('.files li.file.done').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('admin: the dashboard and staff page load clean, and the add-staff form works', async () => {
    const context = await signedIn();
    const { page, violations } = await watchedPage(context);
    await page.goto(site('/admin'));
    expect(await page.content()).toContain(COORDINATOR);
    await page.goto(site('/admin/staff'));
    const added = 'can.bo.csp@kgst.test';
    const form = page.locator('#add-staff');
    await form.getByLabel('Email').fill(added);
    await form.getByRole('checkbox').first().check();
    await form.getByRole('button').click();
    await page.locator(`[data-staff="${added}"]`).waitFor();
    expect(await violations()).toEqual([]);
  });

  it('review page: loads clean and the decision form works', async () => {
    // Any valid dossier with every document: what the page shows is not the point here.
    const draft = await client.readyDraft(`csp${Date.now() % 1e6}`);
    const { link } = await client.submitForReview(draft, REVIEWER, 20_000);

    const { page, violations } = await watchedPage(await e2e.browser.newContext());
    await page.goto(link.href);
    await page.getByRole('button', { name: 'Công nhận thành viên' }).click();
    // The decision is restated first; only its confirmation sends it.
    await page.getByRole('button', { name: 'Xác nhận và gửi' }).click();
    await page.getByText('đã được quyết định').waitFor();
    expect(await violations()).toEqual([]);
  }, 60_000);

  it('a form auto-submitted from another port (same site) is refused with the reason; nothing is added', async () => {
    const context = await signedIn();
    const forged = 'forged.csp@kgst.test';
    const port = await otherSite(
      () => `<!doctype html><form id="f" method="post" action="${site('/admin/staff')}">
        <input name="email" value="${forged}"><input name="roles" value="coordinator"></form>
        <script>document.getElementById('f').submit()</script>`,
    );
    const page = await context.newPage();
    const answer = page.waitForResponse((r) => r.url().startsWith(site('/admin/staff')));
    await page.goto(`http://127.0.0.1:${port}/forge`);
    const res = await answer;
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('Yêu cầu bị từ chối: nó được gửi từ một trang khác');
    await page.goto(site('/admin/staff'));
    expect(await page.content()).toContain(COORDINATOR); // still signed in: the page shows the list
    expect(await page.locator(`[data-staff="${forged}"]`).count()).toBe(0);
  });

  it('a link from another site opens without the Strict cookie; the page offers our own link, which opens it signed in', async () => {
    const context = await signedIn();
    // `localhost` is another site than 127.0.0.1: a webmail's link, as far as SameSite goes.
    const target = site('/admin/staff');
    const port = await otherSite(() => `<!doctype html><a id="go" href="${target}">Mở trang cán bộ</a>`);
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/mail`);
    await page.click('#go');
    await page.waitForURL(target);
    expect(await page.locator('[data-staff]').count()).toBe(0); // no cookie came: the sign-in page
    await page.locator('#open-again a').click();
    await page.locator(`[data-staff="${COORDINATOR}"]`).waitFor();
  });

  it('sign-out (a POST with the token) works from the page, with no CSP violation', async () => {
    const { page, violations } = await watchedPage(await signedIn());
    await page.goto(site('/admin/staff'));
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/admin$/);
    expect(await page.locator('form[action^="/admin/sign-in"]').count()).toBe(1);
    await page.goto(site('/admin/staff'));
    expect(await page.locator('[data-staff]').count()).toBe(0);
    expect(await violations()).toEqual([]);
  });
});
