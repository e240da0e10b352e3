import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractWorkflow } from '../../infra/local/synth.ts';
import { type Resources, synthesizedStack } from '../support/synthesized.ts';

/** What only the cloud does for issue 13 item 5: the reconciler's schedule, its grants, the mail retries. */
describe('Reconciler and workflow retries (offline synth)', () => {
  let template: Template;
  let resources: Resources;
  let logicalIdOf: (fn: string) => string;

  beforeAll(() => {
    ({ template, resources, logicalIdOf } = synthesizedStack());
  });
  const policyOf = (fn: string) =>
    JSON.stringify(
      Object.values(resources).filter(
        (r) =>
          r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties!.Roles).includes(`"${roleOf(fn)}"`),
      ),
    );
  const roleOf = (fn: string) =>
    (resources[logicalIdOf(fn)]!.Properties!.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;

  it('runs the jobs function every 15 minutes with the reconcile event, no flexible window, dead letters kept', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf('jobs'), 'Arn'] },
        Input: JSON.stringify({ job: 'reconcile' }),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RoleArn: Match.anyValue(),
      },
    });
    // The schedule's role may invoke the jobs function.
    const schedule = Object.values(resources).find((r) => r.Type === 'AWS::Scheduler::Schedule')!;
    const role = (schedule.Properties!.Target as { RoleArn: { 'Fn::GetAtt': string[] } }).RoleArn[
      'Fn::GetAtt'
    ][0]!;
    const rolePolicies = JSON.stringify(
      Object.values(resources).filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties!.Roles).includes(`"${role}"`),
      ),
    );
    expect(rolePolicies).toContain('lambda:InvokeFunction');
    expect(rolePolicies).toContain(logicalIdOf('jobs'));
  });

  it('lets the jobs function start executions, answer tasks and read execution status, and no other function read them', () => {
    const jobs = policyOf('jobs');
    for (const action of ['states:StartExecution', 'states:SendTaskSuccess', 'states:DescribeExecution'])
      expect(jobs, action).toContain(action);
    for (const fn of ['intake', 'review', 'admin', 'site'])
      expect(policyOf(fn), fn).not.toContain('states:DescribeExecution');
    // The reconciler's outbox: the pending decisions partition of the index, the decision items.
    expect(jobs).toContain('DECISIONS#pending');
    expect(jobs).toContain('DECISION#');
  });

  it('retries SES throttling with backoff in every mail step, before the catch-all records a failure', () => {
    const { definition } = extractWorkflow(resources as Parameters<typeof extractWorkflow>[0]);
    const mailSteps = [
      'SendReceipt',
      'AwaitReview',
      'AwaitSupplement',
      'NotifyApproved',
      'NotifyRejected',
      'Escalate',
      'RecordFailure',
    ];
    for (const name of mailSteps) {
      const state = definition.States[name] as {
        Retry?: {
          ErrorEquals: string[];
          BackoffRate?: number;
          MaxAttempts?: number;
          IntervalSeconds?: number;
        }[];
        Catch?: { ErrorEquals: string[] }[];
      };
      const retry = state.Retry?.find((r) => r.ErrorEquals.includes('MailThrottled'));
      expect(retry, name).toBeDefined();
      expect(retry!.ErrorEquals, name).toEqual(
        expect.arrayContaining(['TooManyRequestsException', 'Throttling']),
      );
      expect(retry!.BackoffRate, name).toBeGreaterThan(1);
      expect(retry!.MaxAttempts, name).toBeGreaterThanOrEqual(5);
      // Retry is evaluated before Catch; the catch-all must not list the throttling name itself first.
      expect(
        state.Retry!.some((r) => r.ErrorEquals.includes('States.ALL')),
        name,
      ).toBe(false);
    }
  });
});
