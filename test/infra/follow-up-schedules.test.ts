import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { environmentOf } from '../../infra/function-env.ts';
import { cdkJsonContext } from '../../infra/local/synth.ts';

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }
>;

/**
 * The jobs function schedules the follow-up run of claims in doubt itself (a one-time EventBridge
 * schedule targeting its own ARN as invoked): what only the cloud does, asserted on the template.
 */
describe('follow-up runs of claims in doubt (CDK)', () => {
  let resources: Resources;
  const fnOf = (name: string) =>
    Object.entries(resources).find(([, r]) => r.Metadata?.['hcsn:function'] === name)!;
  /** Every policy statement attached to a function's role, as JSON. */
  const policyOf = (name: string) => {
    const roleRef = JSON.stringify(fnOf(name)[1].Properties!.Role);
    const role = /"Fn::GetAtt":\["([^"]+)"/.exec(roleRef)![1]!;
    return JSON.stringify(
      Object.values(resources).filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties?.Roles).includes(role),
      ),
    );
  };

  beforeAll(() => {
    // cdk-nag is stack.test.ts's concern; these assertions are about the template.
    const { stack } = buildApp(
      { context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } },
      { nag: false },
    );
    resources = Template.fromStack(stack).toJSON().Resources;
  });

  it('lets the jobs function create schedules in the stack prefix groups and pass only the schedules role', () => {
    const jobs = policyOf('jobs');
    expect(jobs).toContain('scheduler:CreateSchedule');
    expect(jobs).toContain('scheduler:CreateScheduleGroup');
    expect(jobs).toContain('schedule/HanoiCreativeSpaces-dev-*/*');
    expect(jobs).toContain('iam:PassRole');
    expect(jobs).not.toMatch(/"Action":"scheduler:\*"|"Resource":"\*"[^}]*scheduler/);
  });

  it('gives the jobs function the group prefix, role and dead letters, but not its own ARN (a cycle)', () => {
    const env = JSON.stringify((fnOf('jobs')[1].Properties as { Environment: unknown }).Environment);
    for (const name of ['SCHEDULE_GROUP_PREFIX', 'SCHEDULER_ROLE_ARN', 'SCHEDULER_DEAD_LETTER_ARN'])
      expect(env).toContain(name);
    expect(env).not.toContain('SCHEDULER_TARGET_ARN');
    expect(environmentOf('jobs', 'aws')).not.toContain('SCHEDULER_TARGET_ARN');
    expect(environmentOf('admin', 'aws')).toContain('SCHEDULER_TARGET_ARN');
    // Locally nothing is created in EventBridge: the local scheduler runs the follow-ups.
    expect(environmentOf('jobs', 'local')).not.toContain('SCHEDULE_GROUP_PREFIX');
  });
});
