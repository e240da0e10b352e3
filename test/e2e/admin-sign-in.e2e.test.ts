import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalSystem } from '../../infra/local/system.ts';
import { launchChromium } from '../support/browser.ts';
import { makeClient } from '../support/client.ts';
import { startOwnSystem } from '../support/own-system.ts';

const COORDINATOR = 'dieuphoi.e2e@kgst.test';

describe('coordinator signs in from the emailed link (offline: local system + Chromium)', () => {
  let system: LocalSystem;
  let stop: () => Promise<void>;
  let browser: Browser;
  const client = makeClient(() => system.urls);

  beforeAll(async () => {
    ({ system, stop } = await startOwnSystem('e2e-admin', { coordinatorEmails: COORDINATOR }));
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stop?.();
  }, 60_000);

  it('the link opens the dashboard once; the secret leaves the address bar; a second use says so', async () => {
    // Prepare: ask for a link, as the sign-in form does, and take it from the mailbox
    await client.postForm(`${system.urls.site}/admin/sign-in`, { email: COORDINATOR });
    const email = await client.waitForEmail((e) => e.destination.to.includes(COORDINATOR));
    const link = /https?:\/\/\S+\/admin\/sign-in\/[\w-]+#[\w-]+/.exec(email.body.text ?? '')![0];
    const context = await browser.newContext();
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
    const other = await (await browser.newContext()).newPage();
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
