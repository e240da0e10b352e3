import { DescribeExecutionCommand, GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it, vi } from 'vitest';
import { LOCAL_STATE_MACHINE_ARN } from '../../infra/local/system.ts';
import {
  api,
  FILES,
  getDossierItem,
  readyDraft,
  sdk,
  signOff,
  unique,
  upload,
  validForm,
  waitForEmail,
} from './helpers.ts';

const executionArn = (id: string) =>
  `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${id}`;

describe('applicants apply (connected: local emulators over HTTP)', () => {
  it('shows the open round read from DynamoDB', async () => {
    const { status, json } = await api('/api/round');
    expect(status).toBe(200);
    expect(json.accepting).toBe(true);
    expect(json.checklist.map((s: { slot: string }) => s.slot)).toEqual([
      'legal',
      'photos',
      'portfolio',
      'plan',
    ]);
    const home = await api('/');
    expect(home.text).toContain('Hạn nộp hồ sơ');
    expect(home.text).toMatch(/\d{2}\/\d{2}\/\d{4} 23:59/);
  });

  it('creates a draft, uploads through presigned POSTs, submits, and sends a receipt with the code', async () => {
    const tag = unique();
    const { id } = await readyDraft(tag);
    const resume = await waitForEmail(
      (e) => e.destination.to.includes(`dai.dien.${tag}@example.vn`) && /Tiếp tục/.test(e.subject),
    );
    const [, linkId, secret] = /\/resume\/([\w-]+)#([\w-]{40,})/.exec(resume.body.text ?? '')!;
    // The emailed link opens the draft in any tab, as often as needed (issue 11): the same access each time.
    const first = await api('/api/resume', { body: { linkId, secret } });
    expect(first.status).toBe(200);
    expect((await api('/api/resume', { body: { linkId, secret } })).json).toEqual(first.json);
    const editToken = first.json.editToken as string;
    expect((await api(`/api/applications/${id}`, { token: editToken })).status).toBe(200);

    const submitted = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    expect(submitted.status).toBe(200);
    expect(submitted.json.code).toMatch(/^KGST-DEMO-\d{4}$/);

    const item = await getDossierItem(id);
    // The workflow starts at submit and may already have asked for a review when this reads the item.
    expect(['submitted', 'in_review']).toContain(item?.status);
    expect(item?.code).toBe(submitted.json.code);
    expect(
      Object.values(item?.documents ?? {}).every((d) =>
        (d as { archivedKey?: string }).archivedKey?.startsWith(`dossiers/${id}/`),
      ),
    ).toBe(true);

    const receipt = await waitForEmail(
      (e) => e.subject.includes(submitted.json.code) && e.subject.includes('tiếp nhận'),
    );
    expect(receipt.body.text).toContain('Ảnh không gian 2.png');
    expect(receipt.body.html).toContain('Hồ sơ năng lực.pdf');

    // The workflow started (execution name = dossier id) and is waiting for a reviewer.
    await vi.waitFor(
      async () => {
        const out = await sdk().sfn.send(new GetExecutionHistoryCommand({ executionArn: executionArn(id) }));
        const entered = out.events?.map((e) => e.stateEnteredEventDetails?.name).filter(Boolean);
        expect(entered).toContain('AwaitReview');
      },
      { timeout: 15_000 },
    );

    // A double-clicked submit gives the same code, not a second dossier.
    const again = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    expect(again.json.code).toBe(submitted.json.code);

    // Status lookup: the code and email find it; a wrong email and a wrong code get the same answer.
    const found = await api('/status', {
      method: 'POST',
      body: `code=${encodeURIComponent(submitted.json.code.toLowerCase())}&email=dai.dien.${tag}%40example.vn`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(found.status).toBe(200);
    expect(found.text).toContain('Đã tiếp nhận');
    const wrongEmail = await api('/status', {
      method: 'POST',
      body: `code=${submitted.json.code}&email=someone%40example.vn`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const wrongCode = await api('/status', {
      method: 'POST',
      body: `code=KGST-DEMO-9999&email=dai.dien.${tag}%40example.vn`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongEmail.status).toBe(404);
    expect(wrongCode.status).toBe(404);
    const message = (t: string) => /role="alert">([^<]+)</.exec(t)?.[1];
    expect(message(wrongEmail.text)).toBe(message(wrongCode.text));
  });

  it('refuses at submit a file whose bytes do not match its declared type', async () => {
    const tag = unique();
    const created = await api('/api/applications', { body: validForm(tag) });
    const { id, editToken } = created.json;
    await upload(id, editToken, 'legal', 'giay-phep.pdf', 'application/pdf', FILES.png);
    for (const n of [1, 2, 3])
      await upload(id, editToken, 'photos', `anh-${n}.jpg`, 'image/jpeg', FILES.jpeg);
    await upload(id, editToken, 'portfolio', 'nang-luc.pdf', 'application/pdf', FILES.pdf);
    const res = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    expect(res.status).toBe(400);
    expect(res.json.issues).toContainEqual(
      expect.objectContaining({
        path: 'documents.legal',
        message: expect.stringContaining('“giay-phep.pdf” không phải là tệp PDF'),
      }),
    );
    expect((await getDossierItem(id))?.status).toBe('draft');
  });

  it('refuses missing documents at submit, naming the checklist item', async () => {
    const created = await api('/api/applications', { body: validForm(unique()) });
    const res = await api(`/api/applications/${created.json.id}/submit?lang=en`, {
      method: 'POST',
      token: created.json.editToken,
    });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { field: string }) => i.field)).toContain(
      'Photos of the space (at least 3)',
    );
  });

  it('validates every field with messages in the page language', async () => {
    const form = validForm(unique());
    const bad = {
      ...form,
      representative: { ...form.representative, phone: '12345', email: 'not-an-email' },
    };
    const vi = await api('/api/applications', { body: bad });
    expect(vi.status).toBe(400);
    expect(vi.json.issues).toContainEqual(
      expect.objectContaining({ path: 'representative.phone', field: 'Số điện thoại' }),
    );
    expect(vi.json.issues).toContainEqual(
      expect.objectContaining({
        path: 'representative.email',
        message: 'Email: nhập địa chỉ email đầy đủ, ví dụ lan@example.vn',
      }),
    );
    const en = await api('/api/applications?lang=en', { body: bad });
    expect(en.json.issues).toContainEqual(
      expect.objectContaining({ path: 'representative.phone', field: 'Phone number' }),
    );
    const notJson = await api('/api/applications', {
      body: '{"space":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    const huge = await api('/api/applications', { body: { ...form, padding: 'x'.repeat(70_000) } });
    expect(huge.status).toBe(413);
  });

  it('refuses a wrong file type or an oversized file when the upload is requested', async () => {
    const created = await api('/api/applications', { body: validForm(unique()) });
    const wrongType = await upload(
      created.json.id,
      created.json.editToken,
      'photos',
      'video.mp4',
      'video/mp4',
      FILES.pdf,
    );
    expect(wrongType.request.status).toBe(400);
    expect(wrongType.request.json.issues[0].message).toContain('video.mp4');
    const req = await api(`/api/applications/${created.json.id}/uploads`, {
      body: { slot: 'photos', fileName: 'to.png', contentType: 'image/png', size: 50 * 1024 * 1024 },
      token: created.json.editToken,
    });
    expect(req.status).toBe(400);
    expect(req.json.issues[0].message).toContain('tối đa 8 MB');
  });

  it('makes one dossier per Idempotency-Key and one per space and email', async () => {
    const tag = unique();
    const key = `idem-${tag}`;
    const [a, b] = await Promise.all([
      api('/api/applications', { body: validForm(tag), headers: { 'idempotency-key': key } }),
      api('/api/applications', { body: validForm(tag), headers: { 'idempotency-key': key } }),
    ]);
    expect(a.json.id).toBeDefined();
    expect(b.json.id).toBe(a.json.id);
    const second = await api('/api/applications', { body: validForm(tag) });
    expect(second.status).toBe(409);
    expect(second.json.message).toContain('đã có một hồ sơ nháp');
  });

  it('escapes user text in pages and emails', async () => {
    const tag = unique();
    const form = validForm(tag);
    form.space.nameVi = `<script>alert(1)</script> ${tag}`;
    const created = await api('/api/applications', { body: form });
    expect(created.status).toBe(201);
    const email = await waitForEmail((e) => e.destination.to.includes(form.representative.email));
    expect(email.body.html).not.toContain('<script>alert(1)</script>');
    expect(email.body.html).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('walks the skeleton: reviewer link (GET changes nothing) → approve → execution succeeds, applicant told', async () => {
    const tag = unique();
    const { id, editToken } = await readyDraft(tag);
    const { json } = await api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const reviewMail = await waitForEmail(
      (e) => e.destination.to.includes('reviewer.a@kgst.test') && e.subject.includes(json.code),
    );
    const link = /https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(reviewMail.body.text ?? '')![0];
    const url = new URL(link);

    // Link scanners: GET shows the page, HEAD is not a route; neither changes anything.
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { method: 'HEAD' })).status).toBeLessThan(500);
    expect((await fetch(url)).status).toBe(200);
    expect((await getDossierItem(id))?.status).toBe('in_review');

    const decide = await fetch(url.origin + url.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `s=${url.searchParams.get('s')}&confirm=1&outcome=approved&comment=${encodeURIComponent('Hồ sơ đầy đủ')}`,
    });
    expect(decide.status).toBe(200);
    expect(await decide.text()).toContain('reviewer.a@kgst.test');
    // The reviewer recommends; the Director signs off (the sign-off page: sign-off.test.ts).
    await signOff(id);
    await vi.waitFor(
      async () => {
        const out = await sdk().sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(id) }));
        expect(out.status).toBe('SUCCEEDED');
      },
      { timeout: 15_000 },
    );
    expect((await getDossierItem(id))?.status).toBe('approved');
    await waitForEmail(
      (e) => e.destination.to.includes(`dai.dien.${tag}@example.vn`) && /Chúc mừng/.test(e.body.text ?? ''),
    );
    // Opening the link again says who decided, not an error.
    const again = await fetch(url);
    expect(await again.text()).toContain('đã được quyết định');
  });
});
