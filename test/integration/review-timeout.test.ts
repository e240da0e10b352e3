import { afterAll, describe, expect, it, vi } from 'vitest';
import { cdkJsonContext } from '../../infra/local/synth.ts';
import { resolveStageConfig } from '../../infra/stages.ts';
import { type CapturedEmail, makeClient, reviewLinkIn, validForm } from '../support/client.ts';
import { local } from './helpers.ts';

const REVIEWER = 'reviewer.a@kgst.test';
const COORDINATOR = 'coordinator@kgst.test';
/** The review timeout the shared system's workflow was synthesized with (the stage's, as in AWS: 3 days). */
const { reviewTimeoutSeconds } = resolveStageConfig((key) => cdkJsonContext()[key]);

/**
 * The shared system, with the workflow's real timeout: the test moves the system's clock past each review
 * deadline (the jobs page's clock offset) and the local workflow's timer fires at once, so the reminder →
 * escalation path runs in well under a second per step, with the real handlers and the real ASL.
 * It moves the clock of the shared system: it runs in the integration-clock project, after the other files.
 */
describe('reviewer timeout: reminders, then escalation to the coordinator (connected, shared system, clock moved)', () => {
  const client = makeClient(() => local().urls);
  const site = (p: string) => `${local().urls.site}${p}`;
  /** Sets the system clock's offset, as the jobs page's form does. */
  const setClock = async (offsetSeconds: number) => {
    const res = await fetch(site('/_local/clock'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ hours: String(offsetSeconds / 3600) }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
  };
  afterAll(() => setClock(0));

  it('reminds the reviewer twice, then alerts the coordinator, and records it all in the history', async () => {
    const form = validForm('timeout');
    const { id, editToken } = await client.readyDraft('timeout', form);
    const { json } = await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const code = json.code as string;
    const toReviewer = (e: CapturedEmail) => e.destination.to.includes(REVIEWER) && e.subject.includes(code);
    const reminders = async () =>
      (await client.mailbox()).filter((e) => toReviewer(e) && e.subject.startsWith('[Nhắc lại]')).length;
    const escalations = async () =>
      (await client.mailbox()).filter(
        (e) => e.destination.to.includes(COORDINATOR) && e.subject.includes(code),
      );
    const waitFor = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 30_000, interval: 50 });
    await waitFor(async () => expect((await client.mailbox()).some(toReviewer)).toBe(true));

    // Each review task waits the full timeout on the system's clock: move it past each deadline in turn.
    // A step is a little more than the timeout, so each new task's deadline lies past the offset set.
    const step = reviewTimeoutSeconds + 3600;
    try {
      await setClock(step);
      await waitFor(async () => expect(await reminders()).toBe(1));
      await setClock(2 * step);
      await waitFor(async () => expect(await reminders()).toBe(2));
      await setClock(3 * step);
      await waitFor(async () => expect(await escalations()).toHaveLength(1));
    } finally {
      await setClock(0);
    }
    const escalation = (await escalations())[0]!;
    expect(escalation.body.text).toContain('quá thời hạn thẩm định');

    // The first link died with its task: using it now is refused politely, not an error page.
    const first = (await client.mailbox()).find((e) => toReviewer(e) && !e.subject.startsWith('['))!;
    const link = new URL(reviewLinkIn(first.body.text));
    const post = await client.postForm(link.origin + link.pathname, {
      s: link.searchParams.get('s')!,
      outcome: 'approved',
      confirm: '1',
    });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain('đường dẫn thẩm định mới');

    const status = await client.postForm(site('/status'), { code, email: form.representative.email });
    const page = await status.text();
    expect(page).toContain('Nhắc thẩm định lần 1');
    expect(page).toContain('Quá hạn thẩm định sau 2 lần nhắc');
  });
});
