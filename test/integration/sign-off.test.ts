import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLE } from '../../infra/local/system.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { reviewLinkIn } from '../support/client.ts';
import {
  adminPost,
  type CapturedEmail,
  getDossierItem,
  invoke,
  local,
  postLinkForm,
  readyDraft,
  signInAs,
  submitForReview,
  unique,
  waitForEmail,
  waitForStatus,
} from './helpers.ts';

// The store below reads the local endpoints from the functions' environment.
Object.assign(process.env, local().env);

/**
 * Issue 12 item 3, driven through the emails on the local runtime: reviewers recommend, the daily digest
 * emails each Director one link, and the Director signs several at once or sends one back.
 */
const REVIEWER = 'reviewer.b@kgst.test';
const tag = unique();
const DIRECTOR = `giamdoc.${tag}@kgst.test`;
/** A second Director, who loses the role before using their link. */
const FORMER = `pho.giamdoc.${tag}@kgst.test`;

/** A dossier submitted and recommended for approval by a reviewer through their emailed link. */
async function recommended(comment: string) {
  const t = unique();
  const draft = await readyDraft(t);
  // Generous waits: the shared system serves every file of the run at once.
  const { code, link } = await submitForReview(draft, REVIEWER, 60_000);
  const res = await postLinkForm(link, { outcome: 'approved', comment, confirm: '1' });
  expect(res.status).toBe(200);
  await waitForStatus(draft.id, 'recommended');
  return { id: draft.id, code, email: `dai.dien.${t}@example.vn`, reviewLink: link.href };
}

const signOffLinkIn = (mail: CapturedEmail) =>
  new URL(/https?:\/\/\S+\/sign-off\/[\w-]+\?s=[\w-]+/.exec(mail.body.text ?? '')![0]);

/** The audit trail as staff read it on the dossier page: one line per event (from, to, text). */
async function auditOf(id: string, cookie: string) {
  const page = await (
    await fetch(`${local().urls.site}/admin/dossiers/${id}`, { headers: { cookie } })
  ).text();
  const audit = page.slice(page.indexOf('id="audit"'));
  return [...audit.matchAll(/<li data-from="(\w+)" data-to="(\w+)">([\s\S]*?)<\/li>/g)].map(
    ([, from, to, text]) => ({ from, to, text: text!.replace(/<[^>]+>/g, '') }),
  );
}

describe('the Director signs off through the daily digest (connected)', () => {
  let cookie: string;
  let a: Awaited<ReturnType<typeof recommended>>;
  let b: Awaited<ReturnType<typeof recommended>>;
  let c: Awaited<ReturnType<typeof recommended>>;
  let link: URL;
  let formerLink: URL;

  beforeAll(async () => {
    // A coordinator gives two people the Director role on /admin/staff.
    cookie = await signInAs(new Store(makeDocumentClient(), LOCAL_TABLE), 'coordinator@kgst.test');
    for (const [email, name] of [
      [DIRECTOR, 'Nguyễn Thị Phê Duyệt'],
      [FORMER, 'Trần Văn Cựu'],
    ] as const)
      expect((await adminPost('/admin/staff', { email, name, roles: 'director' }, cookie)).status).toBe(303);
    [a, b, c] = await Promise.all([
      recommended('Hồ sơ đầy đủ, không gian hoạt động tốt'),
      recommended('Đạt các tiêu chí'),
      recommended('Đề nghị công nhận'),
    ]);
  }, 120_000);

  it('emails each Director one digest listing the waiting dossiers, with a link of their own', async () => {
    const result = (await invoke('jobs', { job: 'signOffDigest' })) as { waiting: number; emails: number };
    expect(result.waiting).toBeGreaterThanOrEqual(3);
    expect(result.emails).toBeGreaterThanOrEqual(2);
    const digestOf = (to: string) =>
      waitForEmail(
        (e) => e.destination.to.includes(to) && [a, b, c].every((d) => e.body.text?.includes(d.code)),
        60_000,
      );
    const mail = await digestOf(DIRECTOR);
    expect(mail.subject).toMatch(/hồ sơ chờ Giám đốc phê duyệt/);
    expect(mail.body.text).toContain('Kính gửi Nguyễn Thị Phê Duyệt');
    expect(mail.body.text).toContain(`đề nghị bởi ${REVIEWER}`);
    link = signOffLinkIn(mail);
    formerLink = signOffLinkIn(await digestOf(FORMER));
    expect(formerLink.pathname).not.toBe(link.pathname);
  });

  it('shows each dossier with its recommendation, and GET changes nothing', async () => {
    const res = await fetch(link);
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const d of [a, b, c]) {
      expect(page).toContain(d.code);
      expect(page).toContain(`name="approve" value="${d.id}"`);
      expect(page).toContain(`name="comment-${d.id}"`);
    }
    expect(page).toContain('Hồ sơ đầy đủ, không gian hoạt động tốt');
    expect((await getDossierItem(a.id))?.status).toBe('recommended');
  });

  it('refuses a send-back without a comment beside its field, keeping what was ticked', async () => {
    const res = await postLinkForm(link, { approve: [a.id, b.id], sendBack: c.id });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Hãy ghi ý kiến để chuyên viên biết cần thẩm định lại điều gì.');
    expect(page).toMatch(new RegExp(`id="comment-${c.id}"[^>]*aria-invalid="true"`));
    expect(page).toMatch(new RegExp(`value="${a.id}" checked`));
    expect(page).toMatch(new RegExp(`name="sendBack" value="${c.id}" checked`));
    expect((await getDossierItem(c.id))?.status).toBe('recommended');
  });

  it('restates the choice before acting, then signs two and sends one back in one confirmed POST', {
    timeout: 240_000,
  }, async () => {
    const comment = 'Cần thẩm định lại diện tích sàn thực tế';
    const choice = { approve: [a.id, b.id], sendBack: c.id, [`comment-${c.id}`]: comment };
    const first = await postLinkForm(link, choice);
    expect(first.status).toBe(200);
    const confirm = await first.text();
    expect(confirm).toContain(`Bạn sắp phê duyệt 2 hồ sơ: ${a.code}, ${b.code}.`);
    expect(confirm).toContain(`Bạn sắp trả lại 1 hồ sơ để thẩm định lại: ${c.code}.`);
    expect(confirm).toContain('name="confirm" value="1"');
    expect((await getDossierItem(a.id))?.status).toBe('recommended');

    const done = await postLinkForm(link, { ...choice, confirm: '1' });
    expect(done.status).toBe(200);
    const results = await done.text();
    expect(results).toMatch(new RegExp(`data-dossier="${a.id}" data-result="approved"`));
    expect(results).toMatch(new RegExp(`data-dossier="${c.id}" data-result="sentBack"`));

    // Both signed: certificates issued, the applicants emailed theirs.
    await Promise.all([waitForStatus(a.id, 'approved'), waitForStatus(b.id, 'approved')]);
    for (const d of [a, b]) {
      const mail = await waitForEmail(
        (e) =>
          e.destination.to.includes(d.email) && e.subject.includes(d.code) && /công nhận/.test(e.subject),
        60_000,
      );
      expect(mail.body.text).toMatch(/\d{4}\/\d{4}\/GCN-KGST/);
    }
    const approval = (await auditOf(a.id, cookie)).find(
      (l) => l.from === 'recommended' && l.to === 'approved',
    );
    expect(approval?.text).toContain(DIRECTOR);

    // Sent back: in review again with fresh reviewer links, and the trail names the Director and the comment.
    await waitForStatus(c.id, 'in_review');
    await waitForEmail(
      (e) =>
        e.destination.to.includes(REVIEWER) &&
        e.subject.includes(c.code) &&
        reviewLinkIn(e.body.text) !== c.reviewLink,
      60_000,
    );
    const sentBack = (await auditOf(c.id, cookie)).find(
      (l) => l.from === 'recommended' && l.to === 'in_review',
    );
    expect(sentBack?.text).toContain(DIRECTOR);
    expect(sentBack?.text).toContain(comment);
  });

  it('refuses a second POST of the same link, and shows what it did on a GET', async () => {
    const again = await postLinkForm(link, { approve: [a.id], confirm: '1' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Đường dẫn này đã được dùng lúc');
    const page = await (await fetch(link)).text();
    expect(page).toContain(`Đường dẫn này đã được dùng lúc`);
    expect(page).not.toContain('name="approve"');
  });

  it('reports a dossier already signed through another link instead of failing', async () => {
    // The other Director's link still lists them; while still a Director, they would find them done.
    const res = await fetch(formerLink);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Không còn chờ phê duyệt (tình trạng: Được công nhận thành viên)');
    expect(page).not.toContain(`name="approve" value="${a.id}"`);
  });

  it('refuses the link of someone who is no longer a Director', async () => {
    expect(
      (await adminPost('/admin/staff', { email: FORMER, name: 'Trần Văn Cựu', roles: 'reviewer' }, cookie))
        .status,
    ).toBe(303);
    const open = await fetch(formerLink);
    expect(open.status).toBe(403);
    expect(await open.text()).toContain('không còn giữ vai trò Giám đốc');
    const post = await postLinkForm(formerLink, { approve: [a.id], confirm: '1' });
    expect(post.status).toBe(403);
  });
});
