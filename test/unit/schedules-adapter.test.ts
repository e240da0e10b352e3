import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  EventBridgeFollowUps,
  EventBridgeRoundScheduler,
} from '../../shared/adapters/scheduler/schedules.ts';
import { ROUND_2025, type Round } from '../../shared/domain/round.ts';
import { scheduleGroupName } from '../../shared/domain/round-schedule.ts';

/**
 * There is no EventBridge Scheduler emulator, so this offline test stands a loopback HTTP server in its
 * place: it keeps groups and schedules as the service would (404 for a missing schedule, 409 for an
 * existing group) and the adapter talks to it with the real SDK client (REST-JSON protocol).
 */
const groups = new Set<string>();
const stored = new Map<string, Record<string, unknown>>();
const calls: string[] = [];

const server = createServer(async (req: IncomingMessage, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  const url = new URL(req.url!, 'http://x');
  const [, kind, rawName] = url.pathname.split('/');
  const name = decodeURIComponent(rawName ?? '');
  const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  calls.push(`${req.method} ${kind}/${name}`);
  const fail = (status: number, type: string) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
    res.end(JSON.stringify({ Message: type }));
  };
  const ok = (out: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out));
  };
  if (kind === 'schedule-groups' && req.method === 'POST') {
    if (groups.has(name)) return fail(409, 'ConflictException');
    groups.add(name);
    return ok({ ScheduleGroupArn: `arn:aws:scheduler:::schedule-group/${name}` });
  }
  const group = String(input.GroupName ?? url.searchParams.get('groupName') ?? 'default');
  const key = `${group}/${name}`;
  if (req.method === 'DELETE') {
    if (!stored.delete(key)) return fail(404, 'ResourceNotFoundException');
    return ok({});
  }
  if (!groups.has(group)) return fail(404, 'ResourceNotFoundException');
  if (req.method === 'PUT' && !stored.has(key)) return fail(404, 'ResourceNotFoundException');
  if (req.method === 'POST' && stored.has(key)) return fail(409, 'ConflictException');
  stored.set(key, input);
  return ok({ ScheduleArn: `arn:aws:scheduler:::schedule/${key}` });
});

let scheduler: EventBridgeRoundScheduler;
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new SchedulerClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  scheduler = new EventBridgeRoundScheduler(client, {
    groupPrefix: 'HanoiCreativeSpaces-prod',
    targetArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:jobs',
    roleArn: 'arn:aws:iam::000000000000:role/invoke',
    deadLetterArn: 'arn:aws:sqs:ap-southeast-1:000000000000:dlq',
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  groups.clear();
  stored.clear();
  calls.length = 0;
});

const round: Round = {
  ...ROUND_2025,
  id: '2026',
  deadlineDate: '2026-05-30',
  invitationsAt: '2026-06-16T09:00',
  status: 'open',
};
const before = new Date('2026-05-01T00:00:00+07:00');

describe('round schedules in EventBridge Scheduler (offline)', () => {
  it('opening a round creates its own group and three one-time schedules in Hanoi time', async () => {
    const planned = await scheduler.plan(round, before);
    expect(planned).toEqual(['deadline-reminder', 'close-round', 'send-invitations']);
    expect([...groups]).toEqual(['HanoiCreativeSpaces-prod-2026']);
    const close = stored.get('HanoiCreativeSpaces-prod-2026/close-round')!;
    expect(close).toMatchObject({
      ScheduleExpression: 'at(2026-05-31T00:00:00)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:jobs',
        RoleArn: 'arn:aws:iam::000000000000:role/invoke',
        Input: JSON.stringify({ job: 'close-round', roundId: '2026' }),
        DeadLetterConfig: { Arn: 'arn:aws:sqs:ap-southeast-1:000000000000:dlq' },
      },
    });
    expect(stored.get('HanoiCreativeSpaces-prod-2026/deadline-reminder')!.ScheduleExpression).toBe(
      'at(2026-05-27T09:00:00)',
    );
    expect(stored.get('HanoiCreativeSpaces-prod-2026/send-invitations')!.ScheduleExpression).toBe(
      'at(2026-06-16T09:00:00)',
    );
  });

  it('a new deadline moves the schedules in place, and planning twice changes nothing more', async () => {
    await scheduler.plan(round, before);
    calls.length = 0;
    const moved = await scheduler.plan({ ...round, deadlineDate: '2026-06-06' }, before, [
      'deadline-reminder',
      'close-round',
    ]);
    expect(moved).toEqual(['deadline-reminder', 'close-round']);
    expect(calls.filter((c) => c.startsWith('PUT'))).toHaveLength(2);
    expect(calls.some((c) => c.startsWith('POST schedules'))).toBe(false);
    expect(stored.get('HanoiCreativeSpaces-prod-2026/close-round')!.ScheduleExpression).toBe(
      'at(2026-06-07T00:00:00)',
    );
    expect(stored.size).toBe(3);
  });

  it('a job whose time has passed is not scheduled, and a schedule that already ran is created again', async () => {
    await scheduler.plan(round, before);
    // The reminder ran (one-time schedules delete themselves); then the deadline is extended.
    stored.delete('HanoiCreativeSpaces-prod-2026/deadline-reminder');
    const now = new Date('2026-05-29T10:00:00+07:00');
    const moved = await scheduler.plan({ ...round, deadlineDate: '2026-05-31' }, now, [
      'deadline-reminder',
      'close-round',
    ]);
    // The new reminder time (28/05 09:00) is past: not scheduled; closing moves to 01/06.
    expect(moved).toEqual(['close-round']);
    expect(stored.has('HanoiCreativeSpaces-prod-2026/deadline-reminder')).toBe(false);
    const later = await scheduler.plan({ ...round, deadlineDate: '2026-06-20' }, now, ['deadline-reminder']);
    expect(later).toEqual(['deadline-reminder']);
    expect(stored.get('HanoiCreativeSpaces-prod-2026/deadline-reminder')!.ScheduleExpression).toBe(
      'at(2026-06-17T09:00:00)',
    );
  });

  it('closing early deletes the reminder and closing, and keeps the invitations; other rounds are untouched', async () => {
    await scheduler.plan(round, before);
    await scheduler.plan({ ...round, id: '2026b' }, before);
    await scheduler.cancel('2026', ['deadline-reminder', 'close-round']);
    await scheduler.cancel('2026', ['deadline-reminder']); // already gone: no error
    expect([...stored.keys()].filter((k) => k.includes('-2026/'))).toEqual([
      'HanoiCreativeSpaces-prod-2026/send-invitations',
    ]);
    expect([...stored.keys()].filter((k) => k.includes('-2026b/'))).toHaveLength(3);
  });

  it('group names fit the 64-character limit and keep the round id whole', () => {
    const long = 'X'.repeat(80);
    expect(scheduleGroupName(long, '2026')).toHaveLength(64);
    expect(scheduleGroupName(long, '2026').endsWith('-2026')).toBe(true);
    expect(scheduleGroupName('HanoiCreativeSpaces-dev', '2026')).toBe('HanoiCreativeSpaces-dev-2026');
  });
});

describe('follow-up runs of claims in doubt: one-time schedules the jobs function creates', () => {
  it('creates the group if needed and a one-time schedule at the Hanoi time, to the invoked ARN; the same one twice is no error', async () => {
    const client = new SchedulerClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const followUps = new EventBridgeFollowUps(client, {
      groupPrefix: 'HanoiCreativeSpaces-prod',
      targetArn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:jobs-as-invoked',
      roleArn: 'arn:aws:iam::000000000000:role/invoke',
      deadLetterArn: 'arn:aws:sqs:ap-southeast-1:000000000000:dlq',
    });
    const event = { job: 'send-invitations' as const, roundId: '2026', attempt: 1 };

    await followUps.followUp(event, new Date('2026-06-01T02:16:30.500Z'));
    await followUps.followUp(event, new Date('2026-06-01T02:20:00Z'));

    const spec = stored.get('HanoiCreativeSpaces-prod-2026/send-invitations-again-1')!;
    expect(spec).toMatchObject({
      ScheduleExpression: 'at(2026-06-01T09:16:30)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: 'arn:aws:lambda:ap-southeast-1:000000000000:function:jobs-as-invoked',
        RoleArn: 'arn:aws:iam::000000000000:role/invoke',
        DeadLetterConfig: { Arn: 'arn:aws:sqs:ap-southeast-1:000000000000:dlq' },
      },
    });
    expect(JSON.parse(String((spec.Target as { Input: string }).Input))).toEqual(event);
    expect(groups.has('HanoiCreativeSpaces-prod-2026')).toBe(true);
  });
});
