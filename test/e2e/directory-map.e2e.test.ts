import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutItemCommand } from 'dynamodb-toolbox';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { LOCAL_TABLE, type LocalSystem } from '../../infra/local/system.ts';
import { Members } from '../../shared/adapters/dynamodb/members.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { type MapPin, slugOf } from '../../shared/domain/directory.ts';
import { launchChromium } from '../support/browser.ts';
import { RAISED_RATE_LIMITS, startOwnSystem } from '../support/own-system.ts';
import { PHONE, problemsOnPhone } from '../support/phone.ts';

/** A 1×1 PNG: every tile the map asks for. */
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Issue 16 item 1's map, in Chromium on a 375 px phone, with a tile URL configured: a tiny tile server of
 * the test's own stands in for the provider. The tile URL is set when a system starts (each function's
 * environment), and the shared system has none (the list alone, directory.e2e.test.ts), so this file
 * starts a system of its own.
 */
describe('the directory’s map with a tile URL configured (own system + a local tile server + Chromium)', () => {
  let tiles: Server;
  const tileRequests: string[] = [];
  let system: LocalSystem;
  let stop: (() => Promise<void>) | undefined;
  let browser: Browser;
  const names = { a: 'Xưởng Gốm Bát Tràng', b: 'Nhà hát Đàn Bầu', c: 'Studio Không Ghim' };

  beforeAll(async () => {
    tiles = createServer((req, res) => {
      tileRequests.push(req.url ?? '');
      if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'image/png' }).end(TILE);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const port = (tiles.address() as AddressInfo).port;
    ({ system, stop } = await startOwnSystem('e2e-map', {
      directoryTiles: {
        url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
        attribution: 'Ô bản đồ thử <b>nghiệm</b>',
      },
      rateLimits: RAISED_RATE_LIMITS,
    }));
    // Members as the approval leaves them (a profile and its valid certificate), two with their own pin.
    const ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: system.urls.dynamo,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    const store = new Store(ddb, LOCAL_TABLE);
    const members = new Members(store);
    const now = new Date().toISOString();
    const seed = async (i: number, name: string, pin?: MapPin) => {
      const certificateId = `mapcert${String(i).padStart(15, '0')}`;
      await store.entities.certificate
        .build(PutItemCommand)
        .item({
          id: certificateId,
          dossierId: `e2e-map-${i}`,
          number: `${i}/2026/GCN-KGST`,
          holderName: name,
          holderAddress: 'Hà Nội',
          roundId: 'map',
          roundName: { vi: 'Đợt thử', en: 'Test round' },
          issuedAt: now,
          pdfKey: `certificates/${certificateId}.pdf`,
          status: 'valid',
        })
        .send();
      await members.create(
        {
          dossierId: `e2e-map-${i}`,
          certificateId,
          email: `map${i}@example.vn`,
          name,
          fields: ['design'],
          wardCode: '00070',
          descriptionVi: 'Không gian sáng tạo.',
          socialLinks: [],
          ...(pin ? { pin } : {}),
          createdAt: now,
          updatedAt: now,
        },
        slugOf(name),
      );
    };
    await seed(1, names.a, { lat: 21.0285, lng: 105.8542 });
    await seed(2, names.b, { lat: 21.0333, lng: 105.85 });
    await seed(3, names.c);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    await new Promise((resolve) => tiles?.close(resolve));
  }, 60_000);

  it('shows a marker per member with a pin, tiles from the configured host only, and a marker’s popup links the profile', async () => {
    // The site's own CSP: the tile host must be allowed in img-src, and nothing inline is needed.
    const page = await (await browser.newContext({ viewport: PHONE })).newPage();
    page.setDefaultTimeout(15_000);
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    const response = await page.goto(`${system.urls.site}/thanh-vien`);
    expect(response?.headers()['content-security-policy']).toMatch(
      new RegExp(`img-src [^;]*http://127\\.0\\.0\\.1:${(tiles.address() as AddressInfo).port}`),
    );
    // The list stays whole: all three members, the map above it.
    expect(await page.locator('li.member-card').count()).toBe(3);
    const markers = page.locator('#member-map .leaflet-marker-icon');
    await expect.poll(() => markers.count()).toBe(2);
    expect((await markers.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort()).toEqual(
      [names.a, names.b].sort(),
    );
    await expect.poll(() => tileRequests.filter((u) => /\.png$/.test(u)).length).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page
          .locator('#member-map .leaflet-tile')
          .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBeGreaterThan(0);
    // The configured attribution is text, never markup.
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain(
      'Ô bản đồ thử <b>nghiệm</b>',
    );

    // A keyboard user opens a marker: its popup links the member's page.
    const marker = page.getByRole('button', { name: names.b });
    await marker.focus();
    await page.keyboard.press('Enter');
    const link = page.locator('.leaflet-popup-content a');
    await link.waitFor();
    expect(await link.textContent()).toBe(names.b);
    expect(await link.getAttribute('href')).toBe(`/thanh-vien/${slugOf(names.b)}`);
    await link.click();
    await page.waitForURL(new RegExp(`/thanh-vien/${slugOf(names.b)}$`));
    // The profile shows its own pin.
    await expect.poll(() => page.locator('#member-map .leaflet-marker-icon').count()).toBe(1);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('a member without a pin has no map on their page; the map page is at ease on a phone', async () => {
    const page = await (await browser.newContext({ viewport: PHONE })).newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(`${system.urls.site}/thanh-vien/${slugOf(names.c)}`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#member-map').count()).toBe(0);
    expect(asked.filter((u) => /leaflet|\.png$/.test(u))).toEqual([]);
    await page.close();

    const phone = await (await browser.newContext({ viewport: PHONE, bypassCSP: true })).newPage();
    await phone.goto(`${system.urls.site}/thanh-vien`);
    await phone.locator('#member-map .leaflet-marker-icon').first().waitFor();
    const { violations, wide, scrollWidth } = await problemsOnPhone(phone);
    await phone.close();
    expect(violations).toEqual([]);
    // Tiles run past the map's edge by design, clipped by its overflow: the page itself never scrolls sideways.
    expect(wide.filter((w) => !w.includes('.leaflet-tile'))).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
  });
});
