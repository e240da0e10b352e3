import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LocalWorkflow, synthesizeLocalWorkflow } from '../../infra/local/synth.ts';
import { createLocalSfn, type LocalSfn } from '../../infra/local/workflow/local-sfn.ts';
import { type SfnHttpServer, startSfnHttpServer } from '../../infra/local/workflow/sfn-http-server.ts';

const STATE_MACHINE_ARN = 'arn:aws:states:ap-southeast-1:000000000000:stateMachine:DossierWorkflow';

interface Call {
  readonly fn: string;
  readonly payload: Record<string, unknown>;
}

/** Stand-ins for the real handlers: the subject here is the emulator, not the functions. */
function fakeFunctions(calls: Call[]) {
  return async (fn: string, payload: unknown): Promise<unknown> => {
    const p = payload as Record<string, unknown>;
    calls.push({ fn, payload: p });
    switch (fn) {
      case 'checkDossier':
        if (p.dossierId === 'broken')
          throw Object.assign(new Error('dossier row missing'), { name: 'DossierMissing' });
        return { ok: true, problems: [] };
      case 'issueCertificate':
        return { certificateId: `CERT-${String(p.dossierId)}` };
      default:
        return { done: true };
    }
  };
}

describe('local Step Functions (connected: real SFN client over HTTP)', () => {
  let workflow: LocalWorkflow;
  let dataDir: string;
  let calls: Call[];
  let services: { sfn: LocalSfn; server: SfnHttpServer }[];

  beforeAll(() => {
    workflow = synthesizeLocalWorkflow({ reviewTimeoutSeconds: 2 });
  }, 60_000);

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'local-sfn-'));
    calls = [];
    services = [];
  });

  afterEach(async () => {
    for (const { sfn, server } of services) {
      await server.close();
      await sfn.close();
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  async function boot(definition = workflow.definition) {
    const sfn = createLocalSfn({
      definition,
      taskFunctions: workflow.taskFunctions,
      stateMachineArn: STATE_MACHINE_ARN,
      invoke: fakeFunctions(calls),
      dataDir,
    });
    await sfn.resume();
    const server = await startSfnHttpServer({ sfn, host: '127.0.0.1', port: 0 });
    services.push({ sfn, server });
    const client = new SFNClient({
      endpoint: server.url,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    return { sfn, server, client };
  }

  // AwaitReview and AwaitSignOff share the requestReview function; the sign-off's payload says `step`.
  const reviewRequests = () =>
    calls.filter((call) => call.fn === 'requestReview' && call.payload.step !== 'signOff');
  const signOffRequests = () =>
    calls.filter((call) => call.fn === 'requestReview' && call.payload.step === 'signOff');

  async function awaitSignOff() {
    await vi.waitFor(() => expect(signOffRequests()).toHaveLength(1), { timeout: 5_000, interval: 20 });
    return tokenOf(signOffRequests()[0]);
  }

  const director = {
    outcome: 'approved',
    by: 'giamdoc@kgst.example.vn',
    at: '2026-12-03T02:00:00.000Z',
    comment: 'Đồng ý',
  };
  const signOff = async (client: SFNClient) =>
    client.send(
      new SendTaskSuccessCommand({ taskToken: await awaitSignOff(), output: JSON.stringify(director) }),
    );
  const tokenOf = (call: Call | undefined) => String(call?.payload.taskToken);

  async function start(client: SFNClient, dossierId: string) {
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: STATE_MACHINE_ARN,
        name: `dossier-${dossierId}`,
        input: JSON.stringify({ dossierId, roundId: 'round-2026' }),
      }),
    );
    return executionArn!;
  }

  async function awaitReview(count = 1) {
    await vi.waitFor(() => expect(reviewRequests()).toHaveLength(count), { timeout: 5_000, interval: 20 });
    return tokenOf(reviewRequests()[count - 1]);
  }

  async function awaitStatus(client: SFNClient, executionArn: string, status: string) {
    await vi.waitFor(
      async () => {
        const execution = await client.send(new DescribeExecutionCommand({ executionArn }));
        expect(execution.status).toBe(status);
      },
      { timeout: 5_000, interval: 50 },
    );
    return client.send(new DescribeExecutionCommand({ executionArn }));
  }

  async function enteredStates(client: SFNClient, executionArn: string) {
    const { events = [] } = await client.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
    );
    return events
      .map((event: HistoryEvent) => event.stateEnteredEventDetails?.name)
      .filter((name): name is string => name !== undefined);
  }

  const approve = (client: SFNClient, taskToken: string) =>
    client.send(
      new SendTaskSuccessCommand({
        taskToken,
        output: JSON.stringify({ outcome: 'approved', reviewer: 'r-1' }),
      }),
    );

  it('waits in AwaitReview, then for the Director in AwaitSignOff, then issues the certificate', async () => {
    const { client } = await boot();

    const executionArn = await start(client, 'approve-1');
    const token = await awaitReview();
    await approve(client, token);
    // The recommendation waits for the Director: no certificate yet.
    await awaitSignOff();
    expect(calls.some((call) => call.fn === 'issueCertificate')).toBe(false);
    expect(signOffRequests()[0]?.payload).toMatchObject({
      dossierId: 'approve-1',
      attempt: 0,
      recommendation: { outcome: 'approved', reviewer: 'r-1' },
    });
    await signOff(client);

    const execution = await awaitStatus(client, executionArn, 'SUCCEEDED');
    expect(execution.startDate).toBeInstanceOf(Date);
    expect(reviewRequests()[0]?.payload).toMatchObject({ dossierId: 'approve-1', attempt: 0 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(await enteredStates(client, executionArn)).toEqual(
      expect.arrayContaining([
        'CheckDossier',
        'AwaitReview',
        'Decision',
        'AwaitSignOff',
        'SignOff',
        'IssueCertificate',
        'NotifyApproved',
      ]),
    );
    const { events = [] } = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(events[0]?.type).toBe('ExecutionStarted');
    expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
    expect(events[0]?.timestamp).toBeInstanceOf(Date);
    expect(
      calls.find((call) => call.fn === 'recordOutcome' && call.payload.action !== 'received')?.payload,
    ).toMatchObject({
      action: 'approved',
      // The Director's sign-off (who approved, recorded as the actor) and the certificate for the email.
      detail: { decision: director, certificate: { certificateId: 'CERT-approve-1' } },
    });
    // The certificate's issuer in the audit trail is the Director too.
    expect(calls.find((call) => call.fn === 'issueCertificate')?.payload).toEqual({
      dossierId: 'approve-1',
      by: director.by,
    });
  });

  it('takes the rejected path when the reviewer rejects', async () => {
    const { client } = await boot();

    const executionArn = await start(client, 'reject-1');
    const taskToken = await awaitReview();
    await client.send(
      new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ outcome: 'rejected' }) }),
    );

    await awaitStatus(client, executionArn, 'SUCCEEDED');
    const entered = await enteredStates(client, executionArn);
    expect(entered).toContain('NotifyRejected');
    expect(entered).not.toContain('IssueCertificate');
  });

  it('answers a token used twice with TaskTimedOut and an unknown token with TaskDoesNotExist', async () => {
    const { client } = await boot();

    const executionArn = await start(client, 'twice-1');
    const token = await awaitReview();
    await approve(client, token);
    const second = await approve(client, token).catch((error: Error) => error);
    const unknown = await approve(client, 'no-such-token').catch((error: Error) => error);

    expect((second as Error).name).toBe('TaskTimedOut');
    expect((unknown as Error).name).toBe('TaskDoesNotExist');
    await signOff(client);
    await awaitStatus(client, executionArn, 'SUCCEEDED');
  });

  it('starts an execution name once: same input returns the same ARN, different input is refused', async () => {
    const { client } = await boot();
    const input = JSON.stringify({ dossierId: 'dup-1', roundId: 'round-2026' });

    const first = await client.send(
      new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'dup', input }),
    );
    const again = await client.send(
      new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: 'dup', input }),
    );
    const other = await client
      .send(
        new StartExecutionCommand({
          stateMachineArn: STATE_MACHINE_ARN,
          name: 'dup',
          input: '{"dossierId":"x"}',
        }),
      )
      .catch((error: Error) => error);

    expect(again.executionArn).toBe(first.executionArn);
    expect(first.executionArn).toBe(
      'arn:aws:states:ap-southeast-1:000000000000:execution:DossierWorkflow:dup',
    );
    expect((other as Error).name).toBe('ExecutionAlreadyExists');
  });

  it('sends a reminder when the review times out (2 s), and the stale token is closed', async () => {
    const { client } = await boot();

    const executionArn = await start(client, 'timeout-1');
    const firstToken = await awaitReview(1);
    await awaitReview(2);

    expect(reviewRequests().map((call) => call.payload.attempt)).toEqual([0, 1]);
    expect(await enteredStates(client, executionArn)).toEqual(
      expect.arrayContaining(['CountReminder', 'EscalateOrRemind']),
    );
    const stale = await approve(client, firstToken).catch((error: Error) => error);
    expect((stale as Error).name).toBe('TaskTimedOut');
  });

  it('times a supplement request out after the seconds the decision carries (TimeoutSecondsPath)', async () => {
    const { client } = await boot();

    const executionArn = await start(client, 'supplement-1');
    const taskToken = await awaitReview();
    await client.send(
      new SendTaskSuccessCommand({
        taskToken,
        output: JSON.stringify({ outcome: 'supplement', timeoutSeconds: 1 }),
      }),
    );

    await awaitStatus(client, executionArn, 'SUCCEEDED');
    expect(calls.find((call) => call.fn === 'requestSupplement')?.payload).toMatchObject({
      dossierId: 'supplement-1',
      request: { outcome: 'supplement', timeoutSeconds: 1 },
    });
    expect(await enteredStates(client, executionArn)).toEqual(
      expect.arrayContaining(['AwaitSupplement', 'CloseIncomplete', 'ClosedIncomplete']),
    );
  });

  it('routes an error thrown by a task to RecordFailure and fails the execution', async () => {
    const { client } = await boot();

    const executionArn = await start(client, 'broken');

    const execution = await awaitStatus(client, executionArn, 'FAILED');
    expect(execution.error).toBe('DossierWorkflowFailed');
    expect(await enteredStates(client, executionArn)).toContain('RecordFailure');
    const failure = calls.find(
      (call) => call.fn === 'recordOutcome' && call.payload.action !== 'received',
    )?.payload;
    expect(failure).toMatchObject({ action: 'failed', detail: { Error: 'DossierMissing' } });
    expect(reviewRequests()).toHaveLength(0);
  });

  it('picks a waiting review up after a restart: the old token completes it without a second request', async () => {
    // A longer review timeout than the other tests, so a slow restart cannot race the reminder.
    const definition = structuredClone(workflow.definition);
    definition.States.AwaitReview!.TimeoutSeconds = 60;
    const before = await boot(definition);
    const executionArn = await start(before.client, 'restart-1');
    const token = await awaitReview();
    await before.server.close();
    await before.sfn.close();
    services = [];

    const after = await boot(definition);
    await approve(after.client, token);
    await signOff(after.client);

    await awaitStatus(after.client, executionArn, 'SUCCEEDED');
    expect(reviewRequests()).toHaveLength(1);
    const entered = await enteredStates(after.client, executionArn);
    expect(entered.filter((name) => name === 'AwaitReview')).toHaveLength(1);
    expect(entered).toContain('IssueCertificate');
  });

  it('keeps the review deadline across a restart: the reminder still comes', async () => {
    const before = await boot();
    await start(before.client, 'restart-timeout-1');
    await awaitReview();
    await before.server.close();
    await before.sfn.close();
    services = [];

    await boot();

    await awaitReview(2);
    expect(reviewRequests().map((call) => call.payload.attempt)).toEqual([0, 1]);
  });
});
