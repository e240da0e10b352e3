import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { reviewLinkIn } from '../support/client.ts';
import {
  api,
  FILES,
  getDossierItem,
  local,
  mailbox,
  postLinkForm,
  readyDraft,
  sdk,
  signInAs,
  signOff,
  submitForReview,
  unique,
  upload,
  waitForEmail,
  waitForStatus,
} from './helpers.ts';

// The store below reads the local endpoints from the functions' environment.
Object.assign(process.env, local().env);

/** Submits a fresh dossier and returns the reviewer links that arrived by email. */
async function submittedForReview() {
  const tag = unique();
  const draft = await readyDraft(tag);
  const { code, link: linkA } = await submitForReview(draft, 'reviewer.a@kgst.test');
  const linkFor = async (reviewer: string) => {
    const mail = await waitForEmail((e) => e.destination.to.includes(reviewer) && e.subject.includes(code));
    return new URL(reviewLinkIn(mail.body.text));
  };
  return {
    ...draft,
    tag,
    code,
    email: `dai.dien.${tag}@example.vn`,
    linkA,
    linkB: await linkFor('reviewer.b@kgst.test'),
  };
}

/** The confirmed step: these tests decide, they do not test the confirmation. */
const decide = (link: URL, fields: Record<string, string | string[]>) =>
  postLinkForm(link, { ...fields, confirm: '1' });

const linkItem = async (link: URL) => {
  const linkId = link.pathname.split('/').pop();
  const out = await sdk().ddb.send(
    new GetCommand({ TableName: LOCAL_TABLE, Key: { pk: `LINK#${linkId}`, sk: 'LINK' } }),
  );
  return out.Item!;
};

describe('reviewers decide through emailed links (connected)', () => {
  it('rejects with a required reason, and the applicant is told the reason', async () => {
    const d = await submittedForReview();
    const noReason = await decide(d.linkA, { outcome: 'rejected', comment: '' });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Ý kiến');
    expect((await getDossierItem(d.id))?.status).toBe('in_review');
    const res = await decide(d.linkA, { outcome: 'rejected', comment: 'Không gian chưa hoạt động đủ 1 năm' });
    expect(res.status).toBe(200);
    await waitForStatus(d.id, 'rejected');
    const mail = await waitForEmail(
      (e) => e.destination.to.includes(d.email) && /chưa được chấp thuận/.test(e.body.text ?? ''),
    );
    expect(mail.body.text).toContain('Không gian chưa hoạt động đủ 1 năm');
  });

  it('supplement → the applicant corrects only the requested items → back to review → approved', async () => {
    const d = await submittedForReview();
    const dueDate = addDays(ictDay(new Date()), 7);
    const res = await decide(d.linkB, {
      outcome: 'supplement',
      comment: 'Cần thêm ảnh mặt tiền và mô tả rõ hơn',
      items: ['documents.photos', 'space.description'],
      dueDate,
    });
    expect(res.status).toBe(200);
    await waitForStatus(d.id, 'supplement_requested');
    const mail = await waitForEmail(
      (e) => e.destination.to.includes(d.email) && e.subject.includes('bổ sung'),
    );
    expect(mail.body.text).toContain('Hình ảnh không gian');
    expect(mail.body.text).toContain('Cần thêm ảnh mặt tiền');
    const [, linkId, secret] = /\/supplement\/([\w-]+)#([\w-]+)/.exec(mail.body.text ?? '')!;

    // GET of the emailed page changes nothing; the secret is exchanged by POST, again and again while the
    // supplement is open (issue 11: a closed tab must not strand the applicant), for the same access.
    expect((await fetch(`${new URL(d.linkA).origin}/supplement/${linkId}`)).status).toBe(200);
    const open = await api('/api/supplement', { body: { linkId, secret } });
    expect(open.status).toBe(200);
    expect((await api('/api/supplement', { body: { linkId, secret } })).json).toEqual(open.json);
    const token = open.json.editToken as string;

    // Only requested slots accept files; only requested fields change.
    const legal = await upload(d.id, token, 'legal', 'khac.pdf', 'application/pdf', FILES.pdf);
    expect(legal.request.status).toBe(403);
    const photo = await upload(d.id, token, 'photos', 'Mặt tiền.jpg', 'image/jpeg', FILES.jpeg);
    expect(photo.s3Status).toBeLessThan(300);
    const current = await api(`/api/applications/${d.id}`, { token });
    const form = { ...current.json.form, consent: true };
    form.space = {
      ...form.space,
      description: `${form.space.description} Mặt tiền rộng 8 m, mở cửa từ 9h đến 21h.`,
      nameVi: 'Tên khác',
    };
    expect((await api(`/api/applications/${d.id}`, { method: 'PUT', body: form, token })).status).toBe(200);
    const resubmit = await api(`/api/applications/${d.id}/resubmit`, { method: 'POST', token });
    expect(resubmit.status).toBe(200);
    const item = await getDossierItem(d.id);
    expect(item?.form.space.description).toContain('Mặt tiền rộng 8 m');
    expect(item?.form.space.nameVi).not.toBe('Tên khác');

    // The workflow checks again and asks the reviewers again (new links), then approval completes it.
    const again = await waitForEmail(
      (e) =>
        e.destination.to.includes('reviewer.a@kgst.test') &&
        e.subject.includes(d.code) &&
        !e.body.text?.includes(d.linkA.searchParams.get('s')!),
    );
    const newLink = new URL(/https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(again.body.text ?? '')![0]);
    expect((await decide(newLink, { outcome: 'approved', comment: '' })).status).toBe(200);
    await waitForStatus(d.id, 'recommended');
    await signOff(d.id);
    await waitForStatus(d.id, 'approved');
    const history = (await getDossierItem(d.id))?.history.map((h: { to: string }) => h.to);
    expect(history).toEqual([
      'draft',
      'submitted',
      'in_review',
      'supplement_requested',
      'submitted',
      'in_review',
      'recommended',
      'approved',
    ]);
  });

  it('shows staff the reviewer who recommended, the Director who approved, and the certificate issued', async () => {
    const d = await submittedForReview();
    const comment = 'Không gian hoạt động đều đặn, hồ sơ đầy đủ';
    expect((await decide(d.linkB, { outcome: 'approved', comment })).status).toBe(200);
    await signOff(d.id, { comment: 'Đồng ý công nhận' });
    await waitForStatus(d.id, 'approved');
    const cookie = await signInAs(new Store(makeDocumentClient(), LOCAL_TABLE), 'coordinator@kgst.test');
    const page = await (
      await fetch(`${local().urls.site}/admin/dossiers/${d.id}`, { headers: { cookie } })
    ).text();
    const audit = page.slice(page.indexOf('id="audit"'));
    const lines = [...audit.matchAll(/<li data-from="(\w+)" data-to="(\w+)">([\s\S]*?)<\/li>/g)].map(
      ([, from, to, text]) => ({ from, to, text: text!.replace(/<[^>]+>/g, '') }),
    );
    const recommendation = lines.find((l) => l.from === 'in_review' && l.to === 'recommended');
    expect(recommendation?.text).toContain('reviewer.b@kgst.test');
    expect(recommendation?.text).toContain(comment);
    const approval = lines.find((l) => l.from === 'recommended' && l.to === 'approved');
    expect(approval?.text).toContain('director@kgst.test');
    expect(approval?.text).toContain('Đồng ý công nhận');
    const certificate = lines.find((l) => /giấy chứng nhận số \d{4}\/\d{4}\/GCN-KGST/.test(l.text));
    expect(certificate?.text).toContain('director@kgst.test');
    expect(audit).not.toContain('— → —');
    // Where a person acted, the trail names them; the workflow's own steps read "hệ thống" (the page's language).
    expect(lines.filter((l) => /· hệ thống/.test(l.text)).map((l) => l.to)).not.toContain('approved');
    expect(lines.find((l) => l.to === 'in_review' && l.from === 'submitted')?.text).toContain('· hệ thống');
    expect(audit).not.toMatch(/· system\b/);
    // The certificate's issue reads as such, not as a status change.
    expect(certificate?.text).not.toContain('→');
    // The applicant is told the approval with the comment of the Director, who approved it.
    await waitForEmail(
      (e) => e.destination.to.includes(d.email) && !!e.body.text?.includes('Đồng ý công nhận'),
    );
  });

  it('closes the dossier as incomplete when the supplement is not sent by its due time', async () => {
    const d = await submittedForReview();
    const { data } = await linkItem(d.linkA);
    // Resume the review task as the reviewer page would, with a 2-second supplement window.
    await sdk().sfn.send(
      new SendTaskSuccessCommand({
        taskToken: data.taskToken,
        output: JSON.stringify({
          outcome: 'supplement',
          by: 'reviewer.a@kgst.test',
          at: new Date().toISOString(),
          comment: 'Thiếu giấy phép',
          items: ['documents.legal'],
          dueDate: addDays(ictDay(new Date()), 1),
          timeoutSeconds: 2,
        }),
      }),
    );
    await waitForStatus(d.id, 'supplement_requested');
    await waitForStatus(d.id, 'incomplete');
    await waitForEmail(
      (e) => e.destination.to.includes(d.email) && /chưa bổ sung đủ/.test(e.body.text ?? ''),
    );
  });

  it('refuses tampered, unknown, expired and replayed links with a page, never an error', async () => {
    const d = await submittedForReview();
    const tampered = new URL(d.linkA);
    tampered.searchParams.set('s', `${tampered.searchParams.get('s')!.slice(0, -4)}AAAA`);
    const t = await fetch(tampered);
    expect(t.status).toBe(403);
    expect(await t.text()).toContain('không hợp lệ');
    expect((await decide(tampered, { outcome: 'approved' })).status).toBe(403);
    const unknown = new URL(d.linkA);
    unknown.pathname = '/review/doesnotexist';
    expect((await fetch(unknown)).status).toBe(403);
    // A link of reviewer A with reviewer B's secret is someone else's link.
    const crossed = new URL(d.linkA);
    crossed.searchParams.set('s', d.linkB.searchParams.get('s')!);
    expect((await fetch(crossed)).status).toBe(403);

    const linkId = d.linkB.pathname.split('/').pop();
    await sdk().ddb.send(
      new UpdateCommand({
        TableName: LOCAL_TABLE,
        Key: { pk: `LINK#${linkId}`, sk: 'LINK' },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 60 },
      }),
    );
    const expired = await fetch(d.linkB);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('hết hạn');

    expect((await decide(d.linkA, { outcome: 'approved' })).status).toBe(200);
    const replay = await fetch(d.linkA);
    expect(replay.status).toBe(200);
    expect(await replay.text()).toMatch(
      /đã được quyết định \(Công nhận thành viên\) bởi reviewer\.a@kgst\.test lúc \d{2}\/\d{2}\/\d{4}/,
    );
  });

  it('records exactly one decision when 20 POSTs race on one review (two reviewers, both outcomes)', async () => {
    const d = await submittedForReview();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? decide(d.linkA, { outcome: 'approved' })
          : decide(d.linkB, { outcome: 'rejected', comment: 'Không phù hợp' }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const decisions = await sdk().ddb.send(
      new QueryCommand({
        TableName: LOCAL_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `DOSSIER#${d.id}` },
      }),
    );
    const decided = (decisions.Items ?? []).filter(
      // A decision changes the status; the certificate's remark (approved → approved) is not one.
      (i) =>
        String(i.sk).startsWith('AUDIT#') && ['recommended', 'rejected'].includes(i.to) && i.from !== i.to,
    );
    await vi.waitFor(
      async () => expect(['recommended', 'rejected']).toContain((await getDossierItem(d.id))?.status),
      { timeout: 15_000 },
    );
    expect(decided.length).toBeLessThanOrEqual(1);
    const final = (await getDossierItem(d.id))!;
    expect(
      final.history.filter(
        (h: { from: string; to: string }) =>
          (h.to === 'recommended' || h.to === 'rejected') && h.from !== h.to,
      ),
    ).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    const applicantMails = (await mailbox()).filter(
      (e) =>
        e.destination.to.includes(d.email) && !e.subject.includes('tiếp nhận') && !/Tiếp tục/.test(e.subject),
    );
    // A rejection is told once; a recommendation tells the applicant nothing until the Director decides.
    expect(applicantMails).toHaveLength(final.status === 'rejected' ? 1 : 0);
  });
});
