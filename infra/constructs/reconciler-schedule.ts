import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RECONCILE_EVERY_MINUTES, RECONCILE_JOB } from '../../shared/usecases/reconciler.ts';

export interface ReconcilerScheduleProps {
  /** The jobs function, which runs the reconciler on `{ job: 'reconcile' }`. */
  readonly target: IFunction;
  /** The role the rounds' schedules invoke the jobs function with (RoundSchedules.invokeRole). */
  readonly invokeRole: IRole;
  readonly deadLetterQueue: IQueue;
}

/**
 * The one schedule the stack itself holds: every 15 minutes, the reconciler finds dossiers left stranded by
 * a failed call (an execution never started, a decision or supplement not delivered) and moves them on.
 * Not tied to a round, so it lives in the default group; the local scheduler runs the same job.
 */
export class ReconcilerSchedule extends Construct {
  readonly schedule: CfnSchedule;

  constructor(scope: Construct, id: string, props: ReconcilerScheduleProps) {
    super(scope, id);
    this.schedule = new CfnSchedule(this, 'Schedule', {
      description: 'Repairs stranded dossiers (lost executions, undelivered decisions and supplements)',
      scheduleExpression: `rate(${RECONCILE_EVERY_MINUTES} minutes)`,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: props.target.functionArn,
        roleArn: props.invokeRole.roleArn,
        input: JSON.stringify({ job: RECONCILE_JOB }),
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        // A missed run is not retried: the next one, 15 minutes later, does the same work.
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 * RECONCILE_EVERY_MINUTES },
      },
    });
  }
}
