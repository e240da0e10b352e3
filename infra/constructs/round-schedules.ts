import { Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  type RoundDates,
  SCHEDULE_TIME_ZONE,
  scheduleName,
  schedules,
  scheduleTimes,
} from '../../shared/domain/round-schedule.ts';
import { Env } from '../../shared/env.ts';

export interface RoundSchedulesProps {
  readonly target: IFunction;
  readonly deadLetterQueue: IQueue;
  readonly roundId: string;
  readonly dates: RoundDates;
}

/** One-time EventBridge Scheduler schedules for a round's jobs, in Asia/Ho_Chi_Minh. */
export class RoundSchedules extends Construct {
  /** Prefix of every schedule name (`<prefix>-<job>`). */
  readonly namePrefix: string;
  /** The role the schedules invoke their target with. */
  readonly invokeRole: Role;
  private readonly scheduleArns: string[] = [];

  constructor(scope: Construct, id: string, props: RoundSchedulesProps) {
    super(scope, id);
    // A physical name derived from the stack name (not hard-coded): unique per stack and stage, and
    // known to the admin function without a lookup, so it can move the schedules when a deadline moves.
    this.namePrefix = Stack.of(this).stackName;
    const role = new Role(this, 'InvokeRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    this.invokeRole = role;
    props.target.grantInvoke(role);
    props.deadLetterQueue.grantSendMessages(role);
    const times = scheduleTimes(props.dates);
    for (const spec of schedules) {
      const schedule = new CfnSchedule(this, `${spec.job}`, {
        name: scheduleName(this.namePrefix, spec.job),
        description: spec.title.en,
        scheduleExpression: `at(${times[spec.job]})`,
        scheduleExpressionTimezone: SCHEDULE_TIME_ZONE,
        flexibleTimeWindow: { mode: 'OFF' },
        target: {
          arn: props.target.functionArn,
          roleArn: role.roleArn,
          input: JSON.stringify({ job: spec.job, roundId: props.roundId }),
          retryPolicy: { maximumRetryAttempts: 3 },
          deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        },
      });
      this.scheduleArns.push(schedule.attrArn);
    }
  }

  /**
   * Lets a function move these schedules: their name prefix in its environment, next to read/update on
   * these schedules only and passing their invoke role (UpdateSchedule re-submits the target's role).
   */
  bindMover(fn: LambdaFunction & IGrantable): void {
    fn.addEnvironment(Env.scheduleNamePrefix, this.namePrefix);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['scheduler:GetSchedule', 'scheduler:UpdateSchedule'],
        resources: this.scheduleArns,
      }),
    );
    this.invokeRole.grantPassRole(fn.grantPrincipal);
  }
}
