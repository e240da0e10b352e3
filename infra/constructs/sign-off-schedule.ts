import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TIME_ZONE } from '../../shared/domain/time.ts';
import { SIGN_OFF_DIGEST_JOB } from '../../shared/usecases/sign-off.ts';

/** When the Director's digest goes out: 08:00 every day, Hanoi time (EventBridge Scheduler's cron). */
export const SIGN_OFF_DIGEST_CRON = 'cron(0 8 * * ? *)';

export interface SignOffScheduleProps {
  /** The jobs function, which emails the digest on `{ job: 'signOffDigest' }`. */
  readonly target: IFunction;
  /** The role the rounds' schedules invoke the jobs function with (RoundSchedules.invokeRole). */
  readonly invokeRole: IRole;
  readonly deadLetterQueue: IQueue;
}

/**
 * Every morning the Directors get the dossiers awaiting their sign-off, one link each to sign them. Not tied
 * to a round (it lists every round's), so it lives in the default group beside the reconciler; the local
 * scheduler runs the same job once a day.
 */
export class SignOffSchedule extends Construct {
  readonly schedule: CfnSchedule;

  constructor(scope: Construct, id: string, props: SignOffScheduleProps) {
    super(scope, id);
    this.schedule = new CfnSchedule(this, 'Schedule', {
      description: 'Emails each Director the dossiers awaiting sign-off (daily digest)',
      scheduleExpression: SIGN_OFF_DIGEST_CRON,
      scheduleExpressionTimezone: TIME_ZONE,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: props.target.functionArn,
        roleArn: props.invokeRole.roleArn,
        input: JSON.stringify({ job: SIGN_OFF_DIGEST_JOB }),
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        // A digest delayed by a throttle is still worth sending that morning; a day late, the next one is due.
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 4 * 3600 },
      },
    });
  }
}
