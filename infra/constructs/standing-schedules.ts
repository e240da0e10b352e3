import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TIME_ZONE } from '../../shared/domain/time.ts';
import { RECONCILE_EVERY_MINUTES, RECONCILE_JOB } from '../../shared/usecases/reconciler.ts';
import { SIGN_OFF_DIGEST_HOUR, SIGN_OFF_DIGEST_JOB } from '../../shared/usecases/sign-off.ts';

/** When the Director's digest goes out: every day at its hour, Hanoi time (EventBridge Scheduler's cron). */
export const SIGN_OFF_DIGEST_CRON = `cron(0 ${SIGN_OFF_DIGEST_HOUR} * * ? *)`;

/** A job the stack runs on its own clock, whatever the rounds: what, when, and how hard to retry. */
interface StandingJob {
  readonly job: string;
  readonly description: string;
  readonly expression: string;
  /** A cron read in Hanoi time; a `rate(...)` needs none. */
  readonly timeZone?: string;
  readonly retryPolicy: CfnSchedule.RetryPolicyProperty;
}

/**
 * The stack's standing jobs, by construct id (kept from the former one-construct-per-job layout, so the
 * deployed schedules keep their logical ids). The local scheduler runs the same jobs on the same clocks.
 */
export const STANDING_JOBS = {
  // Every 15 minutes, dossiers left stranded by a failed call (an execution never started, a decision or
  // supplement not delivered) are moved on. A missed run is not retried: the next one does the same work.
  Reconciler: {
    job: RECONCILE_JOB,
    description: 'Repairs stranded dossiers (lost executions, undelivered decisions and supplements)',
    expression: `rate(${RECONCILE_EVERY_MINUTES} minutes)`,
    retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 * RECONCILE_EVERY_MINUTES },
  },
  // Every morning the Directors get the dossiers awaiting their sign-off, one link each. A digest delayed by
  // a throttle is still worth sending that morning; a day late, the next one is due.
  SignOffDigest: {
    job: SIGN_OFF_DIGEST_JOB,
    description: 'Emails each Director the dossiers awaiting sign-off (daily digest)',
    expression: SIGN_OFF_DIGEST_CRON,
    timeZone: TIME_ZONE,
    retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 4 * 3600 },
  },
} as const satisfies Record<string, StandingJob>;

export interface StandingSchedulesProps {
  /** The jobs function, which runs each job on `{ job: '<name>' }`. */
  readonly target: IFunction;
  /** The role the rounds' schedules invoke the jobs function with (RoundSchedules.invokeRole). */
  readonly invokeRole: IRole;
  readonly deadLetterQueue: IQueue;
}

/**
 * One EventBridge schedule per standing job, in the default group (they belong to no round), each invoking
 * the jobs function through the rounds' invoke role, with the jobs' dead-letter queue.
 */
export function addStandingSchedules(scope: Construct, props: StandingSchedulesProps) {
  return Object.fromEntries(
    Object.entries(STANDING_JOBS).map(([id, spec]: [string, StandingJob]) => [
      id,
      new CfnSchedule(new Construct(scope, id), 'Schedule', {
        description: spec.description,
        scheduleExpression: spec.expression,
        ...(spec.timeZone ? { scheduleExpressionTimezone: spec.timeZone } : {}),
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: props.target.functionArn,
          roleArn: props.invokeRole.roleArn,
          input: JSON.stringify({ job: spec.job }),
          deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
          retryPolicy: spec.retryPolicy,
        },
      }),
    ]),
  ) as Record<keyof typeof STANDING_JOBS, CfnSchedule>;
}
