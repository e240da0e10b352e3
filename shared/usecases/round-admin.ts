import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import { ConditionFailed } from '../adapters/dynamodb/store.ts';
import type { ScheduleMover } from '../adapters/scheduler/schedules.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { deadlineOf, type Round } from '../domain/round.ts';
import { JOB_NAMES, type JobEvent, scheduleTimes } from '../domain/round-schedule.ts';
import { type Clock, formatIctDate, fromIctLocal, ictDay } from '../domain/time.ts';
import { logger } from '../observability.ts';
import type { FollowUpResult } from './round-jobs.ts';

export interface RoundAdminDeps {
  readonly rounds: Rounds;
  readonly clock: Clock;
  /** The round's EventBridge schedules; undefined locally, where the scheduler follows the round by itself. */
  readonly schedules?: ScheduleMover;
  /**
   * Sends the emails that follow a change (the drafts told of the new deadline, the invited members told
   * of the new time or venue): what fits in the request, the rest handed to the jobs function.
   */
  readonly followUp: (event: JobEvent) => Promise<FollowUpResult>;
}

const dateIssue = (message: string) =>
  new ValidationError([{ path: 'deadlineDate', field: 'Hạn nộp mới / New deadline', message }]);

/** A coordinator's changes to a round: extending the deadline (and, with invitations, the ceremony). */
export function makeRoundAdmin(deps: RoundAdminDeps) {
  const { rounds, clock } = deps;

  async function roundOf(roundId: string): Promise<Round> {
    const round = await rounds.get(roundId);
    if (!round) throw new NotFoundError({ vi: 'Không tìm thấy đợt đăng ký.', en: 'Call not found.' });
    return round;
  }

  return {
    /**
     * Changes the ceremony's time and/or venue: the round gets the new ceremony with SEQUENCE + 1 (saved
     * with its audit event), and every member already invited gets the updated invitation (same UID). The
     * same values again change nothing and finish sending what a failed attempt left.
     */
    async changeCeremony(
      roundId: string,
      change: { at: string; venue: Round['ceremony']['venue'] },
      by: string,
    ) {
      const now = clock();
      let round = await roundOf(roundId);
      const same =
        round.ceremony.at === change.at &&
        round.ceremony.venue.vi === change.venue.vi &&
        round.ceremony.venue.en === change.venue.en;
      if (!same) {
        if (fromIctLocal(change.at) <= now)
          throw new ValidationError([
            {
              path: 'at',
              field: 'Thời gian / Time',
              message: 'Thời gian này đã qua / This time is in the past',
            },
          ]);
        const sequence = (round.ceremony.sequence ?? 0) + 1;
        const next: Round = { ...round, ceremony: { at: change.at, venue: change.venue, sequence } };
        try {
          await rounds.change(next, 'ceremony', round.ceremony, {
            at: now.toISOString(),
            by,
            action: 'change-ceremony',
            from: round.ceremony,
            to: next.ceremony,
          });
        } catch (err) {
          if (!(err instanceof ConditionFailed)) throw err;
          throw new ConflictError({
            vi: 'Thông tin lễ vừa được người khác thay đổi. Hãy tải lại trang và thử lại.',
            en: 'Someone else just changed the ceremony. Reload the page and try again.',
          });
        }
        logger.info('Ceremony changed', { roundId, sequence, by });
        round = next;
      }
      const emails = await deps.followUp({ job: 'ceremony-update', roundId: round.id });
      return { round, emails };
    },

    /**
     * Extends the round's deadline to the end of `newDate` (yyyy-MM-dd, Hanoi): later than the current
     * deadline and not in the past. The round (which the server checks on every write) and its audit event
     * are saved together, the deadline's schedules are moved, and applicants with drafts are emailed. Sending
     * the same date again finishes what a failed attempt left (schedules, emails) and changes nothing else.
     */
    async extendDeadline(roundId: string, newDate: string, by: string) {
      const now = clock();
      let round = await roundOf(roundId);
      if (newDate !== round.deadlineDate) {
        if (newDate < round.deadlineDate)
          throw dateIssue(
            `Phải sau hạn hiện tại (${formatIctDate(deadlineOf(round))}) / Must be later than the current deadline`,
          );
        if (newDate < ictDay(now)) throw dateIssue('Ngày này đã qua / This day is in the past');
        const next: Round = { ...round, deadlineDate: newDate, status: 'open' };
        try {
          await rounds.change(next, 'deadlineDate', round.deadlineDate, {
            at: now.toISOString(),
            by,
            action: 'extend-deadline',
            from: round.deadlineDate,
            to: newDate,
          });
        } catch (err) {
          if (!(err instanceof ConditionFailed)) throw err;
          throw new ConflictError({
            vi: 'Hạn nộp vừa được người khác thay đổi. Hãy tải lại trang và thử lại.',
            en: 'Someone else just changed the deadline. Reload the page and try again.',
          });
        }
        logger.info('Deadline extended', { roundId, from: round.deadlineDate, to: newDate, by });
        round = next;
      }
      // The jobs whose time follows the deadline move with it; one whose new time is already past is left
      // alone (the reminder of a short extension: the applicants get this extension email instead).
      const times = scheduleTimes(round);
      const moved: string[] = [];
      if (deps.schedules) {
        for (const job of JOB_NAMES.filter((j) => j !== 'send-invitations')) {
          if (fromIctLocal(times[job]) <= now) continue;
          if ((await deps.schedules.move(job, round.id, times[job])) === 'moved') moved.push(job);
        }
      }
      const emails = await deps.followUp({ job: 'deadline-extended', roundId: round.id });
      return { round, deadline: deadlineOf(round), schedules: times, moved, emails };
    },
  };
}

export type RoundAdmin = ReturnType<typeof makeRoundAdmin>;
