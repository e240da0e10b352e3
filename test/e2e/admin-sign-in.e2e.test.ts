import { describe, expect, it } from 'vitest';
import { browserOnSharedSystem } from '../support/e2e.ts';

const COORDINATOR = 'dieuphoi.e2e@kgst.test';

describe('coordinator signs in from the emailed link (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-admin');
  const client = e2e.client;

  it('the link opens the dashboard once; the secret leaves the address bar; a second use says so', async () => {
    // Prepare: ask for a link, as the sign-in form does, and take it from the mailbox
    await client.postForm(`${e2e.system.urls.site}/admin/sign-in`, { email: COORDINATOR });
    // Coordinators get other mail on the shared system too (activity proposals, digests): the sign-in link's.
    const email = await client.waitForEmail(
      (e) => e.destination.to.includes(COORDINATOR) && /\/admin\/sign-in\//.test(e.body.text ?? ''),
    );
    const link = /https?:\/\/\S+\/admin\/sign-in\/[\w-]+#[\w-]+/.exec(email.body.text ?? '')![0];
    const context = await e2e.browser.newContext();
    const page = await context.newPage();

    // Act: open the link (GET only shows the page), then press the button
    await page.goto(link);
    const urlBeforeClick = page.url();
    await page.click('#admin-sign-in-go');
    await page.waitForURL(/\/admin(\?lang=en)?$/);

    // Assess: signed in on the dashboard, and the secret never stayed in the address bar
    expect(urlBeforeClick).not.toContain('#');
    expect(await page.locator('form[action*="logout"], a[href*="logout"], button').count()).toBeGreaterThan(
      0,
    );
    expect(await page.content()).toContain(COORDINATOR);

    // The same link again (another browser): refused, in words, with the way to ask for a new one
    const other = await (await e2e.browser.newContext()).newPage();
    await other.goto(link);
    await other.click('#admin-sign-in-go');
    await other.locator('#admin-sign-in-message').waitFor({ state: 'visible' });
    expect(await other.locator('#admin-sign-in-message').textContent()).toMatch(
      /đã được dùng|không dùng được nữa/,
    );
    expect(await other.locator('#admin-sign-in-again').isVisible()).toBe(true);
    expect(await other.locator('#admin-sign-in-go').isVisible()).toBe(false);
  });
});
