import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalSystem } from '../../infra/local/system.ts';
import { makeClient, reviewLinkIn, validForm } from '../support/client.ts';
import { startOwnSystem } from '../support/own-system.ts';

/**
 * Its own local system, synthesized with a 2-second review timeout (a CDK context override), so the
 * reminder → escalation path runs in seconds with the real handlers and the real ASL.
 */
describe('reviewer timeout: reminders, then escalation to the coordinator (connected, own system)', () => {
  let system: LocalSystem;
  let stop: () => Promise<void>;
  const client = makeClient(() => system.urls);

  beforeAll(async () => {
    ({ system, stop } = await startOwnSystem('it-timeout', {
      reviewerEmails: 'thamdinh@kgst.test',
      coordinatorEmails: 'dieuphoi@kgst.test',
      workflowContext: { reviewTimeoutSeconds: 2 },
    }));
  });
  afterAll(() => stop?.());

  it('reminds the reviewer twice, then alerts the coordinator, and records it all in the history', async () => {
    const form = validForm('timeout');
    const { id, editToken } = await client.readyDraft('timeout', form);
    const { json } = await client.api(`/api/applications/${id}/submit`, { method: 'POST', token: editToken });
    const code = json.code as string;

    await vi.waitFor(
      async () => {
        const mails = await client.mailbox();
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
    const escalation = (await client.mailbox()).find((e) => e.destination.to.includes('dieuphoi@kgst.test'))!;
    expect(escalation.body.text).toContain('quá thời hạn thẩm định');

    // The first link died with its task: using it now is refused politely, not an error page.
    const first = (await client.mailbox()).find(
      (e) => e.destination.to.includes('thamdinh@kgst.test') && !e.subject.startsWith('['),
    )!;
    const link = new URL(reviewLinkIn(first.body.text));
    const post = await client.postForm(link.origin + link.pathname, {
      s: link.searchParams.get('s')!,
      outcome: 'approved',
    });
    expect(post.status).toBe(403);
    expect(await post.text()).toContain('đường dẫn thẩm định mới');

    const status = await client.postForm(`${system.urls.site}/status`, {
      code,
      email: form.representative.email,
    });
    const page = await status.text();
    expect(page).toContain('Nhắc thẩm định lần 1');
    expect(page).toContain('Quá hạn thẩm định sau 2 lần nhắc');
  });
});
