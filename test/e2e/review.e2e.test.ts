import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { freePort } from '../../infra/local/ports.ts';
import { LOCAL_TABLE, type LocalSystem, startLocalSystem } from '../../infra/local/system.ts';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const REVIEWER = 'thamdinh.duyet@kgst.test';
const APPLICANT = 'quang.vu@example.vn';
const SPACE = 'Xưởng In Lụa Hàng Đào';

/** Small files whose first bytes are what the server's magic-byte check expects. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

interface Email {
  subject: string;
  destination: { to: string[] };
  body: { text?: string };
}

describe('reviewer approves in the browser (offline: local system + Chromium)', () => {
  let system: LocalSystem;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hcsn-e2e-review-'));
    const [dynamo, s3, ses] = [await freePort(), await freePort(), await freePort()];
    system = await startLocalSystem({
      dataDir,
      persistDynamo: false,
      ports: { api: 0, dynamo, s3, ses, sfn: 0 },
      scheduler: false,
      reviewerEmails: REVIEWER,
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  // ---- small helpers against this file's own system ----
  const api = async (route: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const res = await fetch(`${system.urls.site}${route}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: response shapes differ per route; each use reads its own fields.
    return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
  };
  const upload = async (
    id: string,
    token: string,
    slot: string,
    fileName: string,
    type: string,
    bytes: Buffer,
  ) => {
    const req = await api(`/api/applications/${id}/uploads`, {
      body: { slot, fileName, contentType: type, size: bytes.length },
      token,
    });
    expect(req.status).toBe(201);
    const form = new FormData();
    for (const [k, v] of Object.entries(req.json.upload.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
    expect((await fetch(req.json.upload.url, { method: 'POST', body: form })).status).toBeLessThan(300);
  };
  const waitForEmail = (match: (e: Email) => boolean) =>
    vi.waitFor(
      async () => {
        const store = (await (await fetch(`${system.urls.mailbox}/store`)).json()) as { emails: Email[] };
        const found = store.emails.find(match);
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 20_000, interval: 150 },
    );
  const dossierItem = async (id: string) => {
    const ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: system.urls.dynamo,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    const out = await ddb.send(
      new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `DOSSIER#${id}`, sk: 'DOSSIER' } }),
    );
    return out.Item;
  };

  it('opens the emailed review link, approves, and the applicant is emailed the verification link', async () => {
    // Prepare: a dossier submitted through the API, and the reviewer's email in the local mailbox
    const created = await api('/api/applications', {
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
    await upload(id, editToken, 'legal', 'Giấy phép.pdf', 'application/pdf', PDF);
    for (const n of [1, 2, 3]) await upload(id, editToken, 'photos', `Ảnh ${n}.png`, 'image/png', PNG_1X1);
    await upload(id, editToken, 'portfolio', 'Hồ sơ năng lực.pdf', 'application/pdf', PDF);
    const submitted = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    expect(submitted.status).toBe(200);
    const code = submitted.json.code as string;
    const reviewMail = await waitForEmail(
      (e) => e.destination.to.includes(REVIEWER) && e.subject.includes(code),
    );
    const reviewLink = /https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(reviewMail.body.text ?? '')![0];

    // Act: the reviewer opens the link in the browser and approves
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(reviewLink);
    const shown = (await page.locator('main').textContent()) ?? '';
    await page.getByRole('button', { name: 'Công nhận thành viên' }).click();
    await page.getByText('đã được quyết định').waitFor();
    const decided = (await page.locator('main').textContent()) ?? '';

    // Assess: the page, the dossier, the applicant's approval email with the certificate's verify URL
    expect(shown).toContain(SPACE);
    expect(shown).toContain(code);
    expect(decided).toContain(`Hồ sơ đã được quyết định (Công nhận thành viên) bởi ${REVIEWER}`);
    await vi.waitFor(async () => expect((await dossierItem(id))?.status).toBe('approved'), {
      timeout: 20_000,
      interval: 150,
    });
    const approval = await waitForEmail(
      (e) => e.destination.to.includes(APPLICANT) && e.subject.startsWith(`Hồ sơ ${code}:`),
    );
    expect(approval.body.text).toMatch(new RegExp(`${system.urls.site}/verify/[\\w-]{22}`));
    await page.close();
  }, 60_000);
});
