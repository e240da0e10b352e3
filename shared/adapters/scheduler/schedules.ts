import { GetScheduleCommand, type SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { type JobName, scheduleName } from '../../domain/round-schedule.ts';

/** Moves a round's one-time schedules. */
export interface ScheduleMover {
  /**
   * Moves one job's schedule of the round to a Hanoi wall-clock time (yyyy-MM-ddTHH:mm:ss). 'other-round'
   * when the schedule is there for another round (it is left alone).
   */
  move(job: JobName, roundId: string, atIctLocal: string): Promise<'moved' | 'other-round'>;
}

/**
 * EventBridge Scheduler: UpdateSchedule replaces the whole schedule, so the current one is read first and
 * everything but the expression (target, role, input, retry, DLQ, time zone, window, state) is kept.
 */
export class Schedules implements ScheduleMover {
  constructor(
    private readonly client: SchedulerClient,
    private readonly namePrefix: string,
  ) {}

  async move(job: JobName, roundId: string, atIctLocal: string): Promise<'moved' | 'other-round'> {
    const name = scheduleName(this.namePrefix, job);
    const current = await this.client.send(new GetScheduleCommand({ Name: name }));
    const input = JSON.parse(current.Target?.Input ?? '{}') as { roundId?: string };
    if (input.roundId !== roundId) return 'other-round';
    await this.client.send(
      new UpdateScheduleCommand({
        Name: name,
        GroupName: current.GroupName,
        Description: current.Description,
        ScheduleExpression: `at(${atIctLocal})`,
        ScheduleExpressionTimezone: current.ScheduleExpressionTimezone,
        FlexibleTimeWindow: current.FlexibleTimeWindow,
        Target: current.Target,
        State: current.State,
        StartDate: current.StartDate,
        EndDate: current.EndDate,
        KmsKeyArn: current.KmsKeyArn,
        ActionAfterCompletion: current.ActionAfterCompletion,
      }),
    );
    return 'moved';
  }
}
