import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';
import { LOCAL_TABLE, type LocalSystem } from '../../infra/local/system.ts';
import { resolveStageConfig } from '../../infra/stages.ts';
import { makeDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { Dossiers } from '../../shared/adapters/dynamodb/dossiers.ts';
import { Rounds } from '../../shared/adapters/dynamodb/rounds.ts';
import { Store } from '../../shared/adapters/dynamodb/store.ts';
import { makeClient, validForm } from '../support/client.ts';
import { RAISED_RATE_LIMITS, startOwnSystem } from '../support/own-system.ts';

const COUNCIL = ['hoidong.a@kgst.test', 'hoidong.b@kgst.test', 'hoidong.c@kgst.test'];
const CRITERIA = [
  { id: 'sang-tao', name: { vi: 'Tính sáng tạo', en: 'Creativity' } },
  { id: 'cong-dong', name: { vi: 'Gắn kết cộng đồng', en: 'Community' } },
];

/**
 * A round decided by a council of 3 with a quorum of 2 (issue 12), on its own system (the demo round's
 * policy changes here), driven through the emailed links: the council is seated, each member's opinion
 * is recorded once with their scores, the quorum decides early, and the third member is told their
 * opinion is no longer needed.
 */
describe('a review council decides by quorum (connected, own system)', () => {
  let system: LocalSystem;
  let stop: (() => Promise<void>) | undefined;
  let store: Store;
  const client = makeClient(() => system.urls);

  beforeAll(async () => {
    ({ system, stop } = await startOwnSystem('it-council', {
      reviewerEmails: COUNCIL.join(','),
      coordinatorEmails: 'dieuphoi@kgst.test',
      rateLimits: RAISED_RATE_LIMITS,
    }));
    Object.assign(process.env, system.env);
    store = new Store(makeDocumentClient(), LOCAL_TABLE);
    const rounds = new Rounds(store);
    const round = (await rounds.current())!;
    await rounds.save({
      ...round,
      reviewers: COUNCIL,
      decision: { mode: 'council', size: 3, quorum: 2, criteria: CRITERIA },
    });
  }, 120_000);
  afterAll(async () => stop?.());

  const linkOf = async (member: string, code: string) => {
    const mail = await client.waitForEmail(
      (e) => e.destination.to.includes(member) && e.subject.includes(code),
    );
    return new URL(/https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(mail.body.text ?? '')![0]);
  };
  const opinion = (link: URL, fields: Record<string, string>) =>
    client.postForm(link.origin + link.pathname, { s: link.searchParams.get('s')!, confirm: '1', ...fields });
  const status = async (id: string) => (await new Dossiers(store).get(id))?.status;

  it('seats all three, decides on the second approval, and tells the third their opinion is not needed', async () => {
    const { id, editToken } = await client.readyDraft('council', validForm('council'));
    const { json } = await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const code = json.code as string;
    const [a, b, c] = await Promise.all(COUNCIL.map((m) => linkOf(m, code)));

    // Scores are asked per criterion: a missing one is named, nothing is recorded.
    const unscored = await opinion(a!, { outcome: 'approved', comment: 'Tốt', score_sang_tao: '4' });
    expect(unscored.status).toBe(400);
    expect(await unscored.text()).toContain('Gắn kết cộng đồng');

    const first = await opinion(a!, {
      outcome: 'approved',
      comment: 'Không gian hoạt động đều',
      'score_sang-tao': '4',
      'score_cong-dong': '5',
    });
    expect(first.status).toBe(200);
    // One opinion of three: the council waits, and the dossier is still in review.
    expect(await status(id)).toBe('in_review');

    const second = await opinion(b!, {
      outcome: 'approved',
      comment: 'Đề nghị công nhận',
      'score_sang-tao': '5',
      'score_cong-dong': '4',
    });
    expect(second.status).toBe(200);
    await vi.waitFor(async () => expect(await status(id)).toBe('recommended'), { timeout: 20_000 });

    // The third member's link now says their opinion is no longer needed, and a POST changes nothing.
    const late = await opinion(c!, {
      outcome: 'rejected',
      comment: 'Chưa đủ',
      'score_sang-tao': '1',
      'score_cong-dong': '1',
    });
    expect(late.status).toBe(200);
    expect(await (await fetch(c!)).text()).toContain('không còn cần');

    const d = (await new Dossiers(store).get(id))!;
    expect(d.signOff?.recommendedBy).toBe(`${COUNCIL[0]}, ${COUNCIL[1]}`);
    expect(d.signOff?.opinions?.map((o) => o.by).sort()).toEqual([COUNCIL[0], COUNCIL[1]]);
    const trail = await new Dossiers(store).auditTrail(id);
    const opinions = trail.filter((e) => e.note?.vi.startsWith('Đề nghị công nhận'));
    expect(opinions.map((e) => e.by).sort()).toEqual([COUNCIL[0], COUNCIL[1]]);
    expect(opinions.map((e) => e.note?.vi).join('\n')).toContain('Tính sáng tạo: 4/5');
    expect(trail.filter((e) => e.to === 'recommended' && e.from === 'in_review')).toHaveLength(1);

    // The Director's sign-off (through the token the sign-off page resumes) issues the certificate.
    const sfn = new SFNClient({
      endpoint: system.urls.sfn,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    await sfn.send(
      new SendTaskSuccessCommand({
        taskToken: d.signOff!.taskToken,
        output: JSON.stringify({
          outcome: 'approved',
          by: 'giamdoc@kgst.test',
          at: new Date().toISOString(),
          comment: '',
        }),
      }),
    );
    await vi.waitFor(async () => expect(await status(id)).toBe('approved'), { timeout: 20_000 });
  });

  it('pauses for everyone when one member asks for a supplement', async () => {
    const { id, editToken } = await client.readyDraft('council-sup', validForm('council-sup'));
    const { json } = await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const code = json.code as string;
    const links = await Promise.all(COUNCIL.map((m) => linkOf(m, code)));
    const res = await opinion(links[2]!, {
      outcome: 'supplement',
      comment: 'Cần thêm ảnh mặt tiền',
      items: 'documents.photos',
      dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      'score_sang-tao': '3',
      'score_cong-dong': '3',
    });
    expect(res.status).toBe(200);
    await vi.waitFor(async () => expect(await status(id)).toBe('supplement_requested'), { timeout: 20_000 });
    // The others' links now show the council has decided: nobody gives an opinion on a paused dossier.
    expect(await (await fetch(links[0]!)).text()).toContain('không còn cần');
  });

  const scored = { 'score_sang-tao': '3', 'score_cong-dong': '3' };
  const submitted = async (tag: string) => {
    const { id, editToken } = await client.readyDraft(tag, validForm(tag));
    const { json } = await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const code = json.code as string;
    return { id, links: await Promise.all(COUNCIL.map((m) => linkOf(m, code))) };
  };

  it('waits on a split, and the third opinion decides: rejected, and the applicant is told the reasons', async () => {
    const { id, links } = await submitted('council-split');
    await opinion(links[0]!, { outcome: 'approved', comment: 'Đạt yêu cầu', ...scored });
    await opinion(links[1]!, { outcome: 'rejected', comment: 'Chưa đủ 1 năm hoạt động', ...scored });
    expect(await status(id)).toBe('in_review');
    await opinion(links[2]!, { outcome: 'rejected', comment: 'Thiếu giấy phép', ...scored });
    await vi.waitFor(async () => expect(await status(id)).toBe('rejected'), { timeout: 20_000 });
    const rejection = (await new Dossiers(store).auditTrail(id)).find((e) => e.to === 'rejected')!;
    expect(rejection.by).toBe(`${COUNCIL[1]}, ${COUNCIL[2]}`);
    expect(rejection.note?.vi).toContain('Chưa đủ 1 năm hoạt động');
    expect(rejection.note?.vi).toContain('Thiếu giấy phép');
    const told = await client.waitForEmail(
      (e) =>
        e.destination.to.includes('dai.dien.council-split@example.vn') &&
        /chưa được chấp thuận/.test(e.body.text ?? ''),
    );
    expect(told.body.text).toContain('Thiếu giấy phép');
  });

  it('20 racing POSTs from the three members record one opinion each and exactly one outcome', async () => {
    const { id, links } = await submitted('council-race');
    const outcomes = ['approved', 'rejected'] as const;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        opinion(links[i % 3]!, {
          outcome: outcomes[i % 2]!,
          comment: `Ý kiến ${i}`,
          ...scored,
        }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    await vi.waitFor(async () => expect(['recommended', 'rejected']).toContain(await status(id)), {
      timeout: 20_000,
    });
    await new Promise((r) => setTimeout(r, 500));
    const trail = await new Dossiers(store).auditTrail(id);
    const decisions = trail.filter((e) => e.from === 'in_review' && e.from !== e.to);
    expect(decisions).toHaveLength(1);
    const opinions = trail.filter((e) => e.from === 'in_review' && e.to === 'in_review' && e.by !== 'system');
    // At most one opinion per member, and the decision is what their opinions say.
    expect(new Set(opinions.map((e) => e.by)).size).toBe(opinions.length);
    expect(opinions.length).toBeLessThanOrEqual(3);
    const approving = opinions.filter((e) => e.note?.vi.startsWith('Đề nghị công nhận')).length;
    expect(decisions[0]!.to).toBe(approving >= 2 ? 'recommended' : 'rejected');
  });

  it('reminds only the silent members when the review time runs out (the clock moved past it)', async () => {
    const { id, links } = await submitted('council-remind');
    await opinion(links[0]!, { outcome: 'approved', comment: 'Đạt', ...scored });
    const code = (await new Dossiers(store).get(id))!.code!;
    const reminded = async () =>
      (await client.mailbox())
        .filter((e) => e.subject.includes(code) && e.subject.startsWith('[Nhắc lại]'))
        .flatMap((e) => e.destination.to);
    const { reviewTimeoutSeconds } = resolveStageConfig((key) => cdkJsonContext()[key]);
    const setClock = (seconds: number) =>
      fetch(`${system.urls.site}/_local/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ hours: String(seconds / 3600) }).toString(),
        redirect: 'manual',
      });
    try {
      expect((await setClock(reviewTimeoutSeconds + 3600)).status).toBe(303);
      await vi.waitFor(async () => expect((await reminded()).sort()).toEqual([COUNCIL[1], COUNCIL[2]]), {
        timeout: 30_000,
        interval: 100,
      });
    } finally {
      await setClock(0);
    }
    // The reminded members' new links still reach the same council: B's approval makes the quorum with A's.
    const fresh = await client.waitForEmail(
      (e) =>
        e.destination.to.includes(COUNCIL[1]!) &&
        e.subject.startsWith('[Nhắc lại]') &&
        e.subject.includes(code),
    );
    const link = new URL(/https?:\/\/\S+\/review\/[\w-]+\?s=[\w-]+/.exec(fresh.body.text ?? '')![0]);
    expect((await opinion(link, { outcome: 'approved', comment: 'Đồng ý', ...scored })).status).toBe(200);
    await vi.waitFor(async () => expect(await status(id)).toBe('recommended'), { timeout: 20_000 });
  });

  it("the Director's sign-off racing a member's late opinion: one outcome, and the late opinion changes nothing", async () => {
    const { id, links } = await submitted('council-late');
    await opinion(links[0]!, { outcome: 'approved', comment: 'Đạt', ...scored });
    await opinion(links[1]!, { outcome: 'approved', comment: 'Đạt', ...scored });
    await vi.waitFor(async () => expect(await status(id)).toBe('recommended'), { timeout: 20_000 });
    const token = (await new Dossiers(store).get(id))!.signOff!.taskToken;
    const sfn = new SFNClient({
      endpoint: system.urls.sfn,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    const [late] = await Promise.all([
      opinion(links[2]!, { outcome: 'rejected', comment: 'Muộn', ...scored }),
      sfn.send(
        new SendTaskSuccessCommand({
          taskToken: token,
          output: JSON.stringify({
            outcome: 'approved',
            by: 'giamdoc@kgst.test',
            at: new Date().toISOString(),
            comment: '',
          }),
        }),
      ),
    ]);
    expect(late.status).toBe(200);
    await vi.waitFor(async () => expect(await status(id)).toBe('approved'), { timeout: 20_000 });
    const trail = await new Dossiers(store).auditTrail(id);
    expect(trail.filter((e) => e.to === 'approved' && e.from === 'recommended')).toHaveLength(1);
    expect(trail.filter((e) => e.to === 'rejected')).toHaveLength(0);
    expect(trail.some((e) => e.by === COUNCIL[2])).toBe(false);
  });
});
