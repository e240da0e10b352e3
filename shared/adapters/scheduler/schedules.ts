import {
  ConflictException,
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
  UpdateScheduleCommand,
  type UpdateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import type { Round } from '../../domain/round.ts';
import {
  followUpScheduleName,
  type JobEvent,
  type JobName,
  SCHEDULE_TIME_ZONE,
  scheduleGroupName,
  schedules,
  scheduleTimes,
} from '../../domain/round-schedule.ts';
import { fromIctLocal, toIctLocal } from '../../domain/time.ts';

/** A round's one-time schedules, created and moved at run time as coordinators open and change rounds. */
export interface RoundScheduler {
  /**
   * Puts each of `jobs` (all by default) at the round's time for it: created if missing, moved if there.
   * A job whose time has already passed is left out (and its schedule, if any, deleted). Returns the jobs
   * that are now scheduled.
   */
  plan(round: Round, now: Date, jobs?: readonly JobName[]): Promise<JobName[]>;
  /** Deletes these jobs' schedules of the round (a round closed early needs no reminder or closing). */
  cancel(roundId: string, jobs: readonly JobName[]): Promise<void>;
}

export interface ScheduleTarget {
  /** Prefix of every round's schedule group (the stack's name). */
  readonly groupPrefix: string;
  /** The jobs function, the role Scheduler invokes it with, and the dead-letter queue. */
  readonly targetArn: string;
  readonly roleArn: string;
  readonly deadLetterArn: string;
}

const ignore =
  (...types: (new (...args: never[]) => Error)[]) =>
  (err: unknown) => {
    if (!types.some((t) => err instanceof t)) throw err;
  };

/** EventBridge Scheduler: one group per round, one one-time schedule per job, in Asia/Ho_Chi_Minh. */
export class EventBridgeRoundScheduler implements RoundScheduler {
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: ScheduleTarget,
  ) {}

  async plan(round: Round, now: Date, jobs: readonly JobName[] = schedules.map((s) => s.job)) {
    const group = scheduleGroupName(this.target.groupPrefix, round.id);
    await this.client.send(new CreateScheduleGroupCommand({ Name: group })).catch(ignore(ConflictException));
    const times = scheduleTimes(round);
    const planned: JobName[] = [];
    for (const job of jobs) {
      if (fromIctLocal(times[job]) <= now) {
        await this.delete(group, job);
        continue;
      }
      // A one-time schedule that has run is gone; moving it later creates it again.
      const spec = oneTimeSchedule(this.target, {
        name: job,
        group,
        description: schedules.find((s) => s.job === job)!.title.en,
        at: times[job]!,
        input: { job, roundId: round.id },
      });
      try {
        await this.client.send(new UpdateScheduleCommand(spec));
      } catch (err) {
        if (!(err instanceof ResourceNotFoundException)) throw err;
        await this.client.send(new CreateScheduleCommand(spec));
      }
      planned.push(job);
    }
    return planned;
  }

  async cancel(roundId: string, jobs: readonly JobName[]) {
    const group = scheduleGroupName(this.target.groupPrefix, roundId);
    for (const job of jobs) await this.delete(group, job);
  }

  private async delete(group: string, job: JobName) {
    await this.client
      .send(new DeleteScheduleCommand({ Name: job, GroupName: group }))
      .catch(ignore(ResourceNotFoundException));
  }
}

/**
 * Follow-up runs of a job (claims left in doubt by a run that may have died): a one-time schedule in the
 * round's group, named `<job>-again-<attempt>`, that invokes the jobs function with the event once and is
 * then deleted. The jobs function creates it itself, so its target is the function's own ARN as invoked
 * (its name in its environment would be a circular reference in the stack).
 */
export class EventBridgeFollowUps {
  constructor(
    private readonly client: SchedulerClient,
    private readonly target: ScheduleTarget,
  ) {}

  async followUp(event: JobEvent, at: Date): Promise<void> {
    const group = scheduleGroupName(this.target.groupPrefix, event.roundId);
    await this.client.send(new CreateScheduleGroupCommand({ Name: group })).catch(ignore(ConflictException));
    await this.client
      .send(
        new CreateScheduleCommand(
          oneTimeSchedule(this.target, {
            name: followUpScheduleName(event),
            group,
            description: `Follow-up ${event.attempt ?? 1} of ${event.job}: claims in doubt`,
            // Whole seconds, Hanoi wall-clock time, as the rounds' own schedules.
            at: toIctLocal(at),
            input: event,
          }),
        ),
      )
      // The same follow-up asked for twice (a retried invocation): the first one stands.
      .catch(ignore(ConflictException));
  }
}

/**
 * A one-time schedule of the jobs function at a Hanoi wall-clock time (`yyyy-MM-ddTHH:mm:ss`), deleted
 * once it has run, retried and then kept with the dead letters: the rounds' jobs and the follow-up runs.
 */
function oneTimeSchedule(
  target: ScheduleTarget,
  s: { name: string; group: string; description: string; at: string; input: unknown },
): UpdateScheduleCommandInput {
  return {
    Name: s.name,
    GroupName: s.group,
    Description: s.description,
    ScheduleExpression: `at(${s.at})`,
    ScheduleExpressionTimezone: SCHEDULE_TIME_ZONE,
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    Target: {
      Arn: target.targetArn,
      RoleArn: target.roleArn,
      Input: JSON.stringify(s.input),
      RetryPolicy: { MaximumRetryAttempts: 3 },
      DeadLetterConfig: { Arn: target.deadLetterArn },
    },
  };
}
