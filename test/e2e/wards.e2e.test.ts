import { describe, expect, it } from 'vitest';
import { browserOnSharedSystem } from '../support/e2e.ts';

describe('the ward picker in the browser (offline: local system + Chromium)', () => {
  const e2e = browserOnSharedSystem('e2e-wards');

  it('is used with the keyboard alone: arrows through every option, Enter picks, Escape closes, Tab keeps', async () => {
    // Prepare
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.system.urls.site}/`);
    const ward = page.getByRole('combobox', { name: 'Phường/xã' });
    const list = page.getByRole('listbox');
    const options = list.getByRole('option');
    const code = page.locator('input[type=hidden][name="space.wardCode"]');

    // Act: an old name, the second option by arrows, Enter
    await ward.focus();
    await page.keyboard.type('van phuc', { delay: 20 });
    await list.waitFor({ state: 'visible' });
    const offered = await options.allTextContents();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = options.nth(1);
    const activeId = await ward.getAttribute('aria-activedescendant');
    const secondId = await second.getAttribute('id');
    const secondSelected = await second.getAttribute('aria-selected');
    const firstSelected = await options.first().getAttribute('aria-selected');
    // The highlighted option is marked so a sighted keyboard user sees it (outline and bar).
    const [activeOutline, idleOutline] = await Promise.all(
      [second, options.first()].map((o) => o.evaluate((el) => getComputedStyle(el).outlineStyle)),
    );
    const secondName = (await second.locator('.ward-name').textContent()) ?? '';
    const secondCode = await second.getAttribute('data-code');
    await page.keyboard.press('Enter');
    const pickedText = await ward.inputValue();
    const pickedCode = await code.inputValue();
    const closedAfterPick = await list.isHidden();

    // Act: Escape closes the list and keeps what was typed
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('ha dong', { delay: 20 });
    await list.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    const closedByEscape = await list.isHidden();
    const expandedAfterEscape = await ward.getAttribute('aria-expanded');
    const textAfterEscape = await ward.inputValue();

    // Act: Tab with an option highlighted takes it; Tab without one says so and keeps the text
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('nguyen trung truc', { delay: 20 });
    await expect.poll(() => options.count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    const tabbedText = await ward.inputValue();
    const tabbedCode = await code.inputValue();
    const focusLeft = await ward.evaluate((el) => document.activeElement !== el);
    await ward.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('van phuc', { delay: 20 });
    await list.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    const unpicked = await page.locator('[data-error-for="space.wardCode"]').textContent();
    const textKept = await ward.inputValue();
    const codeAfterUnpicked = await code.inputValue();

    // Assess
    expect(offered.length).toBeGreaterThanOrEqual(2);
    expect(offered).toContain('Phường Hà Đông (trước 1/7/2025: phường Vạn Phúc, quận Hà Đông)');
    expect(activeId).toBe(secondId);
    expect(secondSelected).toBe('true');
    expect(firstSelected).toBe('false');
    expect(activeOutline).toBe('solid');
    expect(idleOutline).not.toBe('solid');
    expect(pickedText).toBe(secondName);
    expect(pickedCode).toBe(secondCode);
    expect(pickedCode).toMatch(/^\d{5}$/);
    expect(closedAfterPick).toBe(true);
    expect(closedByEscape).toBe(true);
    expect(expandedAfterEscape).toBe('false');
    expect(textAfterEscape).toBe('ha dong');
    expect(tabbedText).toBe('Phường Ba Đình');
    expect(tabbedCode).toBe('00004');
    expect(focusLeft).toBe(true);
    expect(unpicked).toContain('Hãy chọn phường/xã trong danh sách');
    expect(textKept).toBe('van phuc');
    expect(codeAfterUnpicked).toBe('');
    await page.close();
  }, 45_000);

  it('shows the hint in English, and the kept ward by its name after a reload', async () => {
    // Prepare
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${e2e.system.urls.site}/?lang=en`);
    const ward = page.locator('#f-space-wardCode');

    // Act: an old name in English, then a draft with a ward, reloaded
    await ward.pressSequentially('van phuc', { delay: 20 });
    const option = page.getByRole('option', { name: /Vạn Phúc ward/ });
    await option.waitFor();
    const english = await option.textContent();
    await option.click();
    await page.locator('#f-space-nameVi').fill('Xưởng In Vạn Phúc');
    await page.locator('#f-representative-email').fill('ward.reload@example.vn');
    await page.locator('#save-draft').click();
    await expect.poll(() => page.locator('#form-message').textContent()).toContain('Draft saved');
    await page.reload();
    await expect.poll(() => page.locator('#f-space-nameVi').inputValue()).toBe('Xưởng In Vạn Phúc');
    await expect.poll(() => ward.inputValue()).toBe('Phường Hà Đông');

    // Assess
    expect(english).toBe('Phường Hà Đông (before 1 July 2025: Vạn Phúc ward, Hà Đông district)');
    expect(await page.locator('input[type=hidden][name="space.wardCode"]').inputValue()).toBe('09556');
    await page.close();
  }, 45_000);
});
