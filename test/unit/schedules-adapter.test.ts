import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Schedules } from '../../shared/adapters/scheduler/schedules.ts';
import { scheduleName } from '../../shared/domain/round-schedule.ts';

/**
 * There is no EventBridge Scheduler emulator, so this offline test stands a loopback HTTP server in its
 * place and checks the wire requests the adapter makes with the real SDK client (REST-JSON protocol).
 */
const stored = {
  Arn: 'arn:aws:scheduler:ap-southeast-1:000000000000:schedule/default/HcsnProd-close-round',
  Name: 'HcsnProd-close-round',
  GroupName: 'default',
  Description: 'Close the round at the deadline',
  ScheduleExpression: 'at(2025-05-31T00:00:00)',
  ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
  FlexibleTimeWindow: { Mode: 'OFF' },
  State: 'ENABLED',
  ActionAfterCompletion: 'NONE',
  Target: {
    Arn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:jobs',
    RoleArn: 'arn:aws:iam::000000000000:role/invoke',
    Input: JSON.stringify({ job: 'close-round', roundId: '2025' }),
    RetryPolicy: { MaximumRetryAttempts: 3 },
    DeadLetterConfig: { Arn: 'arn:aws:sqs:ap-southeast-1:000000000000:dlq' },
  },
};

const requests: { method: string; url: string; body?: Record<string, unknown> }[] = [];
const server = createServer(async (req: IncomingMessage, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  requests.push({ method: req.method!, url: req.url!, body: body ? JSON.parse(body) : undefined });
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(req.method === 'GET' ? stored : { ScheduleArn: stored.Arn }));
});

let client: SchedulerClient;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = new SchedulerClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Schedules adapter (offline)', () => {
  it('reads the schedule, then updates only its at() expression, keeping target, role and time zone', async () => {
    requests.length = 0;
    const result = await new Schedules(client, 'HcsnProd').move('close-round', '2025', '2025-06-07T00:00:00');
    expect(result).toBe('moved');
    expect(requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'GET /schedules/HcsnProd-close-round',
      'PUT /schedules/HcsnProd-close-round',
    ]);
    const update = requests[1]!.body!;
    expect(update.ScheduleExpression).toBe('at(2025-06-07T00:00:00)');
    expect(update.ScheduleExpressionTimezone).toBe('Asia/Ho_Chi_Minh');
    expect(update.Target).toEqual(stored.Target);
    expect(update.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
    expect(update.State).toBe('ENABLED');
  });

  it("leaves another round's schedule alone", async () => {
    requests.length = 0;
    expect(await new Schedules(client, 'HcsnProd').move('close-round', '2026', '2026-06-07T00:00:00')).toBe(
      'other-round',
    );
    expect(requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('names fit the 64-character limit', () => {
    const long = 'X'.repeat(80);
    expect(scheduleName(long, 'send-invitations')).toHaveLength(64);
    expect(scheduleName(long, 'send-invitations').endsWith('-send-invitations')).toBe(true);
    expect(scheduleName('HcsnProd', 'close-round')).toBe('HcsnProd-close-round');
  });
});
