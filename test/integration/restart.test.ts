import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { type LocalSystem, startLocalSystem } from '../../infra/local/system.ts';
import { FILES, validForm } from './helpers.ts';

/**
 * `npm start` twice over the same data directory: the dossier, its files and the workflow waiting for
 * a reviewer survive, and the reviewer's link from before the restart still completes it.
 */
describe('restart keeps dossiers, files and waiting workflows (connected, own system)', () => {
  let dataDir: string;
  let system: LocalSystem | undefined;
  let ports: { api: number; dynamo: number; s3: number; ses: number; sfn: number };

  const start = () =>
    startLocalSystem({
      dataDir,
      persistDynamo: true,
      ports,
      reviewerEmails: 'thamdinh@kgst.test',
      coordinatorEmails: 'dieuphoi@kgst.test',
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hcsn-it-restart-'));
    ports = {
      api: await freePort(),
      dynamo: await freePort(),
      s3: await freePort(),
      ses: await freePort(),
      sfn: await freePort(),
    };
    system = await start();
  });
  afterAll(async () => {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const site = () => system!.urls.site;
  const call = async (p: string, body?: unknown, token?: string) => {
    const res = await fetch(`${site()}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body ?? {}),
    });
    return (await res.json()) as Record<string, any>;
  };
  const put = async (id: string, token: string, slot: string, name: string, type: string, bytes: Buffer) => {
    const req = await call(
      `/api/applications/${id}/uploads`,
      { slot, fileName: name, contentType: type, size: bytes.length },
      token,
    );
    const form = new FormData();
    for (const [k, v] of Object.entries(req.upload.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    await fetch(req.upload.url, { method: 'POST', body: form });
  };
  const lookup = async (code: string, email: string) =>
    (
      await fetch(`${site()}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `code=${code}&email=${encodeURIComponent(email)}`,
      })
    ).text();

  it('approves after a restart with the link emailed before it', async () => {
    const form = validForm('restart');
    const { id, editToken } = await call('/api/applications', form);
    await put(id, editToken, 'legal', 'Giấy phép.pdf', 'application/pdf', FILES.pdf);
    for (const n of [1, 2, 3]) await put(id, editToken, 'photos', `Ảnh ${n}.png`, 'image/png', FILES.png);
    await put(id, editToken, 'portfolio', 'Năng lực.pdf', 'application/pdf', FILES.pdf);
    const { code } = await call(`/api/applications/${id}/submit`, {}, editToken);
    let link = '';
    await vi.waitFor(
      async () => {
        const { emails } = (await (await fetch(`${system!.urls.mailbox}/store`)).json()) as {
          emails: { subject: string; body: { text?: string } }[];
        };
        const review = emails.find((e) => e.subject.includes(code) && e.subject.includes('Thẩm định'));
        expect(review).toBeDefined();
        link = /https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(review!.body.text ?? '')![0];
      },
      { timeout: 15_000 },
    );

    await system!.stop();
    system = await start();

    expect(await lookup(code, form.representative.email)).toContain('Đang thẩm định');
    const url = new URL(link);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ảnh 2.png');
    const decided = await fetch(url.origin + url.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `s=${url.searchParams.get('s')}&outcome=approved`,
    });
    expect(decided.status).toBe(200);
    await vi.waitFor(
      async () =>
        expect(await lookup(code, form.representative.email)).toContain('Được công nhận thành viên'),
      {
        timeout: 20_000,
      },
    );
  });
});
