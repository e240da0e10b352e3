import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators.ts';
import type { FaultSpec } from '../../infra/local/faults.ts';
import { LOCAL_STATE_MACHINE_ARN, LOCAL_TABLE, type LocalSystem } from '../../infra/local/system.ts';
import { addDays, ictDay } from '../../shared/domain/time.ts';
import { type CapturedEmail, makeClient, reviewLinkIn, validForm } from '../support/client.ts';
import { readDossier, startOwnSystem } from '../support/own-system.ts';

const REVIEWER = 'thamdinh.faults@kgst.test';
/** The SDK's default client tries a call 3 times: this many injected failures defeat its retries. */
const SDK_ATTEMPTS = 3;

/**
 * Faults injected on the local runtime (the Step Functions server and the SES proxy, never in function
 * code): a callback that fails, an execution that never starts, SES throttling in a workflow mail step.
 * Each case ends with no stranded dossier — after the reconciler's run where the person does not retry.
 */
describe('no dossier left stranded (fault injection on the local runtime, own system)', () => {
  let system: LocalSystem;
  let dataDir: string;
  let stop: () => Promise<void>;
  const client = makeClient(() => system.urls);
  let sfn: SFNClient;
  const ours: string[] = [];

  beforeAll(async () => {
    // Its own system: an armed fault fails the next calls of an action whoever makes them (another file's
    // decision would take it), and the reconciler's run covers the whole table (it would repair, and start
    // workflows for, the dossiers other files seed) while this file asserts what that run repaired.
    ({ system, dataDir, stop } = await startOwnSystem('it-faults', {
      reviewerEmails: REVIEWER,
      coordinatorEmails: 'dieuphoi.faults@kgst.test',
    }));
    sfn = new SFNClient({ endpoint: system.urls.sfn, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  });
  afterAll(async () => {
    sfn?.destroy();
    await stop?.();
  });

  /** Arms a fault through the local endpoint, as another process (a bench, a browser) would. */
  async function arm(spec: FaultSpec) {
    const res = await fetch(`${system.urls.site}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    expect(res.status).toBe(200);
  }
  /** The next SendTaskSuccess fails past the SDK's retries (a transient Step Functions error). */
  const failNextCallback = () =>
    arm({ service: 'sfn', action: 'SendTaskSuccess', count: SDK_ATTEMPTS, error: 'ServiceUnavailable' });
  const armed = async () =>
    (await (await fetch(`${system.urls.site}/_local/faults`)).json()) as { action: string; failed: number }[];
  const clearFaults = () => fetch(`${system.urls.site}/_local/faults`, { method: 'DELETE' });

  /** The reconciler's "run now" on /_local/jobs, and what that run reported. */
  async function reconcile(): Promise<{
    repaired: { kind: string; dossierId: string }[];
    failed: unknown[];
  }> {
    const res = await fetch(`${system.urls.site}/_local/jobs/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'job=reconcile&roundId=',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    const state = JSON.parse(readFileSync(path.join(dataDir, 'scheduler.json'), 'utf8')) as Record<
      string,
      { at: string; result: { repaired: { kind: string; dossierId: string }[]; failed: unknown[] } }
    >;
    const runs = Object.entries(state).filter(([k]) => k.startsWith('|reconcile|'));
    return runs.sort((a, b) => a[1].at.localeCompare(b[1].at)).at(-1)![1].result;
  }

  const status = async (id: string) => (await readDossier(system, id))?.status as string | undefined;
  const waitForStatus = (id: string, expected: string, timeout = 20_000) =>
    vi.waitFor(async () => expect(await status(id)).toBe(expected), { timeout, interval: 200 });
  const mailsTo = async (to: string, match: (e: CapturedEmail) => boolean = () => true) =>
    (await client.mailbox()).filter((e) => e.destination.to.includes(to) && match(e));
  const executionStatus = async (id: string) =>
    (
      await sfn.send(
        new DescribeExecutionCommand({
          executionArn: `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${id}`,
        }),
      )
    ).status;

  /** A draft with every document, not yet submitted. */
  async function draft(tag: string) {
    const form = validForm(tag);
    const { id, editToken } = await client.readyDraft(tag, form);
    ours.push(id);
    return { id, editToken, email: form.representative.email };
  }

  async function submitted(tag: string) {
    const d = await draft(tag);
    const res = await client.api(`/api/applications/${d.id}/submit`, { method: 'POST', token: d.editToken });
    expect(res.status).toBe(200);
    return { ...d, code: res.json.code as string };
  }

  /** The newest review link of a dossier (after `seen` links already used). */
  async function reviewLink(code: string, seen = 0) {
    const mails = await vi.waitFor(
      async () => {
        const m = await mailsTo(REVIEWER, (e) => e.subject.includes(code));
        expect(m.length).toBeGreaterThan(seen);
        return m;
      },
      { timeout: 20_000, interval: 200 },
    );
    return new URL(reviewLinkIn(mails.at(-1)!.body.text));
  }

  const decide = (link: URL, fields: Record<string, string>) =>
    client.postForm(link.origin + link.pathname, { s: link.searchParams.get('s')!, confirm: '1', ...fields });

  it('a decision whose delivery fails says "try again"; the retry delivers it, exactly once', async () => {
    const d = await submitted(`fd${Date.now() % 1e6}`);
    const link = await reviewLink(d.code);
    await waitForStatus(d.id, 'in_review');

    await failNextCallback();
    const first = await decide(link, { outcome: 'rejected', comment: 'Chưa phù hợp tiêu chí' });
    expect(first.status).toBe(409);
    expect(await first.text()).toContain('Vui lòng gửi lại');
    expect((await armed()).find((f) => f.action === 'SendTaskSuccess')?.failed).toBe(SDK_ATTEMPTS);
    expect(await status(d.id)).toBe('in_review');

    // The same person sends again (even with another choice): the recorded decision is the one delivered.
    const retry = await decide(link, { outcome: 'approved' });
    expect(retry.status).toBe(200);
    expect(await retry.text()).toMatch(/đã được quyết định/);
    await waitForStatus(d.id, 'rejected');
    // The email is a later step than the status: wait for it (a loaded machine is slow), then for any twin.
    const rejection = (e: CapturedEmail) => /chưa được chấp thuận/.test(e.body.text ?? '');
    await vi.waitFor(async () => expect(await mailsTo(d.email, rejection)).not.toHaveLength(0), {
      timeout: 30_000,
      interval: 200,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(d.email, rejection)).toHaveLength(1);
    expect(
      (await readDossier(system, d.id))!.history.filter((h: { to: string }) => h.to === 'rejected'),
    ).toHaveLength(1);
  });

  it('a decision nobody retries is delivered by the reconciler; the next run finds nothing to repair', async () => {
    const d = await submitted(`fr${Date.now() % 1e6}`);
    const link = await reviewLink(d.code);
    await waitForStatus(d.id, 'in_review');
    await failNextCallback();
    expect((await decide(link, { outcome: 'rejected', comment: 'Thiếu hồ sơ năng lực' })).status).toBe(409);

    // The decision is recorded (a GET shows it), not lost: the reconciler delivers it.
    expect(await (await fetch(link)).text()).toMatch(/đã được quyết định/);
    const run = await reconcile();
    expect(run.repaired).toContainEqual({ kind: 'decision-delivered', dossierId: d.id });
    await waitForStatus(d.id, 'rejected');
    expect((await reconcile()).repaired.filter((r) => r.dossierId === d.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(d.email, (e) => /chưa được chấp thuận/.test(e.body.text ?? ''))).toHaveLength(1);
  });

  it('a resubmitted supplement whose callback fails is delivered by the reconciler, then reviewed again', async () => {
    const d = await submitted(`fs${Date.now() % 1e6}`);
    const link = await reviewLink(d.code);
    await waitForStatus(d.id, 'in_review');
    const res = await decide(link, {
      outcome: 'supplement',
      comment: 'Cần mô tả rõ hơn',
      items: 'space.description',
      dueDate: addDays(ictDay(new Date()), 7),
    });
    expect(res.status).toBe(200);
    await waitForStatus(d.id, 'supplement_requested');
    const mail = await client.waitForEmail(
      (e) => e.destination.to.includes(d.email) && e.subject.includes('bổ sung'),
    );
    const [, linkId, secret] = /\/supplement\/([\w-]+)#([\w-]+)/.exec(mail.body.text ?? '')!;
    const open = await client.api('/api/supplement', { body: { linkId, secret } });
    expect(open.status).toBe(200);
    const token = open.json.editToken as string;
    const current = await client.api(`/api/applications/${d.id}`, { token });
    const form = { ...current.json.form, consent: true };
    form.space = { ...form.space, description: `${form.space.description} Mở cửa từ 9h đến 21h.` };
    expect((await client.api(`/api/applications/${d.id}`, { method: 'PUT', body: form, token })).status).toBe(
      200,
    );

    await failNextCallback();
    const resubmit = await client.api(`/api/applications/${d.id}/resubmit`, { method: 'POST', token });
    expect(resubmit.status).toBe(409);
    expect(resubmit.text).toContain('gửi lại');
    expect(await status(d.id)).toBe('submitted');

    const run = await reconcile();
    expect(run.repaired).toContainEqual({ kind: 'supplement-delivered', dossierId: d.id });
    await waitForStatus(d.id, 'in_review');
    // Asked again: a second review email with a fresh link, and the applicant's late retry is harmless.
    await reviewLink(d.code, 1);
    const late = await client.api(`/api/applications/${d.id}/resubmit`, { method: 'POST', token });
    expect(late.status).toBe(200);
    expect((await reconcile()).repaired.filter((r) => r.dossierId === d.id)).toEqual([]);
    expect(await mailsTo(REVIEWER, (e) => e.subject.includes(d.code))).toHaveLength(2);
  });

  it('a submit whose StartExecution is lost keeps its code; the reconciler starts the workflow once', async () => {
    const d = await draft(`fl${Date.now() % 1e6}`);
    await arm({ service: 'sfn', action: 'StartExecution', count: SDK_ATTEMPTS, error: 'ServiceUnavailable' });
    const res = await client.api(`/api/applications/${d.id}/submit`, { method: 'POST', token: d.editToken });
    expect(res.status).toBe(200);
    const code = res.json.code as string;
    expect(code).toBeTruthy();
    await expect(executionStatus(d.id)).rejects.toThrow(/does not exist/i);
    expect(await status(d.id)).toBe('submitted');

    const run = await reconcile();
    expect(run.repaired).toContainEqual({ kind: 'execution-started', dossierId: d.id });
    await waitForStatus(d.id, 'in_review');
    expect(await executionStatus(d.id)).toBe('RUNNING');
    expect((await reconcile()).repaired.filter((r) => r.dossierId === d.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailsTo(d.email, (e) => e.subject.includes('tiếp nhận'))).toHaveLength(1);
    expect(await mailsTo(REVIEWER, (e) => e.subject.includes(code))).toHaveLength(1);
  });

  it('a submit that died between its state change and its number is numbered and started by the reconciler', async () => {
    const d = await draft(`fn${Date.now() % 1e6}`);
    await arm({ service: 'sfn', action: 'StartExecution', count: SDK_ATTEMPTS, error: 'ServiceUnavailable' });
    const res = await client.api(`/api/applications/${d.id}/submit`, { method: 'POST', token: d.editToken });
    expect(res.status).toBe(200);
    // What a function dying right after the submit's transaction leaves: submitted, with no code, some
    // minutes ago (the reconciler leaves a fresh one to the submit still finishing).
    const ddb = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: system.urls.dynamo,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
      }),
    );
    await ddb.send(
      new UpdateCommand({
        TableName: LOCAL_TABLE,
        Key: { pk: `DOSSIER#${d.id}`, sk: 'DOSSIER' },
        UpdateExpression: 'REMOVE code, gsi2pk, gsi2sk SET submittedAt = :at',
        ExpressionAttributeValues: { ':at': new Date(Date.now() - 5 * 60_000).toISOString() },
      }),
    );
    ddb.destroy();
    expect((await readDossier(system, d.id))?.code).toBeUndefined();

    const run = await reconcile();
    const kinds = run.repaired.filter((r) => r.dossierId === d.id).map((r) => r.kind);
    expect(kinds).toEqual(['numbered', 'execution-started']);
    const code = (await readDossier(system, d.id))?.code as string;
    expect(code).toMatch(/^KGST-[A-Z0-9]+-\d{4}$/);
    await waitForStatus(d.id, 'in_review');
    // The receipt carries the code the reconciler gave; the applicant's status lookup finds it.
    await vi.waitFor(
      async () => expect(await mailsTo(d.email, (e) => e.subject.includes(code))).toHaveLength(1),
      { timeout: 20_000, interval: 200 },
    );
    expect((await reconcile()).repaired.filter((r) => r.dossierId === d.id)).toEqual([]);
  });

  it('SES throttling in a workflow mail step is retried with backoff, not recorded as a failure', async () => {
    const d = await draft(`ft${Date.now() % 1e6}`);
    // One Lambda attempt of the receipt step fails (all its SDK tries throttled), the Retry's next succeeds.
    await arm({
      service: 'ses',
      action: 'SendEmail',
      count: SDK_ATTEMPTS + 1,
      error: 'TooManyRequestsException',
    });
    const started = Date.now();
    const res = await client.api(`/api/applications/${d.id}/submit`, { method: 'POST', token: d.editToken });
    expect(res.status).toBe(200);
    await waitForStatus(d.id, 'in_review', 40_000);
    expect((await armed()).find((f) => f.action === 'SendEmail')?.failed).toBe(SDK_ATTEMPTS + 1);
    expect(await executionStatus(d.id)).toBe('RUNNING');
    // The step failed once with the stable name the Retry matches, and was retried (not caught).
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({
        executionArn: `${LOCAL_STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${d.id}`,
      }),
    );
    expect(events.filter((e) => e.type === 'TaskFailed').map((e) => e.taskFailedEventDetails?.error)).toEqual(
      ['MailThrottled'],
    );
    await new Promise((r) => setTimeout(r, 500));
    // Bound: the throttled attempt sent nothing, so the receipt goes out exactly once.
    expect(await mailsTo(d.email, (e) => e.subject.includes('tiếp nhận'))).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(40_000);
  });

  it('ends with no stranded dossier: nothing left for the reconciler, every execution alive or done', async () => {
    await clearFaults();
    const run = await reconcile();
    expect(run.repaired).toEqual([]);
    expect(run.failed).toEqual([]);
    for (const id of ours) {
      expect(['in_review', 'rejected', 'approved']).toContain(await status(id));
      expect(['RUNNING', 'SUCCEEDED']).toContain(await executionStatus(id));
    }
  });
});
