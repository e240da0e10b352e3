import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The phone checks of the browser tests (issue 11, item 10): axe-core's WCAG 2.0/2.1/2.2 A and AA rules, and
 * reflow at a 375 px phone (nothing passes the screen's edge, so a phone never scrolls sideways).
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const PHONE = { width: 375, height: 812 };

interface Violation {
  id: string;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe's WCAG A/AA violations of what the page shows now, each as "rule: help — targets" for a readable diff. */
export async function violationsOf(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(
    (values) =>
      (
        globalThis as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> };
        }
      ).axe
        .run(document, { runOnly: { type: 'tag', values } })
        .then((r) => r.violations),
    WCAG,
  );
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
}

/** The page's width, and every visible element whose right edge passes the phone's screen. */
export const overflowOf = (page: Page) =>
  page.evaluate((width) => {
    const wide: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 0.5)
        wide.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className} right=${Math.round(box.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  }, PHONE.width);

/** What a page at ease on a phone gives {@link problemsOnPhone}. */
export const AT_EASE = { violations: [], wide: [], scrollWidth: PHONE.width };

/** axe's violations and what passes the phone's edge, of what the page shows now (the page stays open). */
export async function problemsOnPhone(page: Page) {
  return { violations: await violationsOf(page), ...(await overflowOf(page)) };
}

/** What the page shows now has no WCAG A/AA violation and nothing wider than the phone; closes the page. */
export async function expectAtEaseOnPhone(page: Page) {
  const violations = await violationsOf(page);
  const overflow = await overflowOf(page);
  await page.close();
  expect(violations).toEqual([]);
  expect(overflow.wide).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(PHONE.width);
}
