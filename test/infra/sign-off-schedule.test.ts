import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Resources, synthesizedStack } from '../support/synthesized.ts';

/** Issue 12 item 3: the Director's digest goes out every morning at 08:00 in Hanoi, whatever the UTC offset. */
describe("The Director's daily sign-off digest (offline synth)", () => {
  let template: Template;
  let resources: Resources;
  let logicalIdOf: (fn: string) => string;

  beforeAll(() => {
    ({ template, resources, logicalIdOf } = synthesizedStack());
  });

  it('invokes the jobs function with the digest event at 08:00 Asia/Ho_Chi_Minh, dead letters kept', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 8 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf('jobs'), 'Arn'] },
        Input: JSON.stringify({ job: 'signOffDigest' }),
        DeadLetterConfig: { Arn: Match.anyValue() },
        RoleArn: Match.anyValue(),
      },
    });
  });

  it('uses a role that may invoke the jobs function', () => {
    const schedule = Object.values(resources).find(
      (r) =>
        r.Type === 'AWS::Scheduler::Schedule' && String(r.Properties!.ScheduleExpression).startsWith('cron('),
    )!;
    const role = (schedule.Properties!.Target as { RoleArn: { 'Fn::GetAtt': string[] } }).RoleArn[
      'Fn::GetAtt'
    ][0]!;
    const policies = JSON.stringify(
      Object.values(resources).filter(
        (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties!.Roles).includes(`"${role}"`),
      ),
    );
    expect(policies).toContain('lambda:InvokeFunction');
    expect(policies).toContain(logicalIdOf('jobs'));
  });
});
