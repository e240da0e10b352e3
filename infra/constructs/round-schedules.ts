import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  type RoundDates,
  SCHEDULE_TIME_ZONE,
  schedules,
  scheduleTimes,
} from '../../shared/domain/round-schedule.ts';

export interface RoundSchedulesProps {
  readonly target: IFunction;
  readonly deadLetterQueue: IQueue;
  readonly roundId: string;
  readonly dates: RoundDates;
}

/** One-time EventBridge Scheduler schedules for a round's jobs, in Asia/Ho_Chi_Minh. */
export class RoundSchedules extends Construct {
  constructor(scope: Construct, id: string, props: RoundSchedulesProps) {
    super(scope, id);
    const role = new Role(this, 'InvokeRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    props.target.grantInvoke(role);
    props.deadLetterQueue.grantSendMessages(role);
    const times = scheduleTimes(props.dates);
    for (const spec of schedules) {
      new CfnSchedule(this, `${spec.job}`, {
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
    }
  }
}
