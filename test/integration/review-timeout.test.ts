import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../infra/local/ports.ts';
import { type LocalSystem, startLocalSystem } from '../../infra/local/system.ts';
import { FILES, validForm } from './helpers.ts';

/**
 * Its own local system, synthesized with a 2-second review timeout (a CDK context override), so the
 * reminder → escalation path runs in seconds with the real handlers and the real ASL.
 */
describe('reviewer timeout: reminders, then escalation to the coordinator (connected, own system)', () => {
  let system: LocalSystem;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hcsn-it-timeout-'));
    system = await startLocalSystem({
      dataDir,
      persistDynamo: false,
      ports: { api: 0, dynamo: await freePort(), s3: await freePort(), ses: await freePort(), sfn: 0 },
      reviewerEmails: 'thamdinh@kgst.test',
      coordinatorEmails: 'dieuphoi@kgst.test',
      workflowContext: { reviewTimeoutSeconds: 2 },
    });
  });
  afterAll(async () => {
    await system?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = async (p: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const res = await fetch(`${system.urls.site}${p}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return res.json() as Promise<Record<string, any>>;
  };
  const put = async (id: string, token: string, slot: string, name: string, type: string, bytes: Buffer) => {
    const req = await call(`/api/applications/${id}/uploads`, {
      body: { slot, fileName: name, contentType: type, size: bytes.length },
      token,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(req.upload.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    await fetch(req.upload.url, { method: 'POST', body: form });
  };
  const emails = async () =>
    (
      (await (await fetch(`${system.urls.mailbox}/store`)).json()) as {
        emails: { subject: string; destination: { to: string[] }; body: { text?: string } }[];
      }
    ).emails;

  it('reminds the reviewer twice, then alerts the coordinator, and records it all in the history', async () => {
    const { id, editToken } = await call('/api/applications', { body: validForm('timeout') });
    await put(id, editToken, 'legal', 'a.pdf', 'application/pdf', FILES.pdf);
    for (const n of [1, 2, 3]) await put(id, editToken, 'photos', `p${n}.png`, 'image/png', FILES.png);
    await put(id, editToken, 'portfolio', 'b.pdf', 'application/pdf', FILES.pdf);
    const { code } = await call(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });

    await vi.waitFor(
      async () => {
        const mails = await emails();
        const toReviewer = mails.filter(
          (e) => e.destination.to.includes('thamdinh@kgst.test') && e.subject.includes(code),
        );
        expect(toReviewer.filter((e) => e.subject.startsWith('[Nhắc lại]')).length).toBeGreaterThanOrEqual(2);
        expect(
          mails.some((e) => e.destination.to.includes('dieuphoi@kgst.test') && e.subject.includes(code)),
        ).toBe(true);
      },
      { timeout: 20_000, interval: 250 },
    );
    const escalation = (await emails()).find((e) => e.destination.to.includes('dieuphoi@kgst.test'))!;
    expect(escalation.body.text).toContain('quá thời hạn thẩm định');

    // The first link died with its task: opening it now is refused politely, not an error page.
    const first = (await emails()).find(
      (e) => e.destination.to.includes('thamdinh@kgst.test') && !e.subject.startsWith('['),
    )!;
    const link = /https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(first.body.text ?? '')![0];
    const post = await fetch(link.split('?')[0]!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `s=${new URL(link).searchParams.get('s')}&outcome=approved`,
    });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain('đường dẫn thẩm định mới');

    const status = await fetch(`${system.urls.site}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `code=${code}&email=${encodeURIComponent(validForm('timeout').representative.email)}`,
    });
    const page = await status.text();
    expect(page).toContain('Nhắc thẩm định lần 1');
    expect(page).toContain('Quá hạn thẩm định sau 2 lần nhắc');
  });
});
