import type { Text } from '../i18n/lang.ts';
import { SCHEDULE_TITLES } from '../i18n/messages/rounds.ts';
import { addDays, fromIctLocal, toIctLocal } from './time.ts';

/**
 * The schedules of a round, defined once: EventBridge Scheduler in AWS and the local scheduler both
 * read this list and these times. Times are Hanoi wall-clock times (Asia/Ho_Chi_Minh).
 */
export const SCHEDULE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const JOB_NAMES = ['deadline-reminder', 'close-round', 'send-invitations'] as const;
export type JobName = (typeof JOB_NAMES)[number];

// Titles in the catalog (shared/i18n/messages/rounds.ts); typed here so a job without one fails.
const TITLES: Record<JobName, Text> = SCHEDULE_TITLES;

export const schedules: readonly { job: JobName; title: Text }[] = JOB_NAMES.map((job) => ({
  job,
  title: TITLES[job],
}));

/**
 * Bulk emails that follow a coordinator's change: the dashboard sends what it can within its request and
 * hands the rest to the `jobs` function with the same event.
 */
export const FOLLOW_UP_JOBS = ['deadline-extended', 'ceremony-update'] as const;
export type FollowUpJobName = (typeof FOLLOW_UP_JOBS)[number];

/** The event a schedule (or a hand-over) delivers to the `jobs` function. */
export interface JobEvent {
  readonly job: JobName | FollowUpJobName;
  readonly roundId: string;
  /**
   * Set on a run scheduled to take over claims left in doubt by a run that may have died (1 for the first
   * such follow-up): bounds the chain (see `MAX_FOLLOW_UPS`).
   */
  readonly attempt?: number;
}

/** At most this many follow-up runs in a row for claims in doubt; then an error is logged for a person. */
export const MAX_FOLLOW_UPS = 3;

/** The name of the one-time schedule of a follow-up run (in the round's group, next to the job's own). */
export const followUpScheduleName = (event: JobEvent) => `${event.job}-again-${event.attempt ?? 1}`;

export interface RoundDates {
  /** Last day to submit (yyyy-MM-dd); the round closes at 23:59:59 ICT that day. */
  readonly deadlineDate: string;
  readonly reminderDaysBefore: number;
  /** Hanoi wall-clock time of the invitations, yyyy-MM-ddTHH:mm. */
  readonly invitationsAt: string;
}

/** Hanoi wall-clock times (yyyy-MM-ddTHH:mm:ss) at which each job runs. */
export function scheduleTimes(dates: RoundDates): Record<JobName, string> {
  return {
    'deadline-reminder': `${addDays(dates.deadlineDate, -dates.reminderDaysBefore)}T09:00:00`,
    // The server refuses writes after 23:59:59; the job only tidies up a moment later.
    'close-round': `${addDays(dates.deadlineDate, 1)}T00:00:00`,
    'send-invitations': toIctLocal(fromIctLocal(dates.invitationsAt)),
  };
}

/** Longest schedule group name EventBridge Scheduler accepts. */
const MAX_GROUP_NAME = 64;

/**
 * The schedule group of a round: `<prefix>-<roundId>`, the prefix cut so the whole fits 64 characters.
 * One group per round, so two rounds (even in one year) never share a schedule, and a round's schedules go
 * together. Each job's schedule in it is named after the job.
 */
export function scheduleGroupName(prefix: string, roundId: string): string {
  return `${prefix.slice(0, MAX_GROUP_NAME - roundId.length - 1)}-${roundId}`;
}
