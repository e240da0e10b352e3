import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import { ConditionFailed } from '../adapters/dynamodb/store.ts';
import type { RoundScheduler } from '../adapters/scheduler/schedules.ts';
import { ConflictError, invalidFields, NotFoundError } from '../domain/errors.ts';
import { deadlineOf, type Round } from '../domain/round.ts';
import { type JobEvent, type JobName, scheduleTimes } from '../domain/round-schedule.ts';
import { type RoundSettings, roundFromSettings, settingsOf } from '../domain/round-settings.ts';
import { type Clock, formatIctDate, fromIctLocal, ictDay } from '../domain/time.ts';
import { textOf } from '../i18n/catalog.ts';
import type { Text } from '../i18n/lang.ts';
import { ADMIN_ERRORS, ADMIN_ISSUE_FIELDS, ADMIN_ISSUES } from '../i18n/messages/admin.ts';
import { logger } from '../observability.ts';
import type { FollowUpResult } from './round-jobs.ts';

export interface RoundAdminDeps {
  readonly rounds: Rounds;
  readonly clock: Clock;
  /** The rounds' EventBridge schedules; undefined locally, where the scheduler follows the rounds by itself. */
  readonly schedules?: RoundScheduler;
  /**
   * Sends the emails that follow a change (the drafts told of the new deadline, the invited members told
   * of the new time or venue): what fits in the request, the rest handed to the jobs function.
   */
  readonly followUp: (event: JobEvent) => Promise<FollowUpResult>;
}

const dateIssue = (message: Text) =>
  invalidFields({ path: 'deadlineDate', field: ADMIN_ISSUE_FIELDS.newDeadline, message });

/** The jobs whose time follows the deadline (the invitations keep theirs). */
const DEADLINE_JOBS: readonly JobName[] = ['deadline-reminder', 'close-round'];

const changedMeanwhile = () => new ConflictError(ADMIN_ERRORS.roundChangedMeanwhile);

const notDraft = () => new ConflictError(ADMIN_ERRORS.notDraft);

/**
 * A coordinator's rounds: create and edit drafts, open, extend, change the ceremony, close early. Each
 * change is saved with its audit event in one transaction, and the round's schedules follow.
 */
export function makeRoundAdmin(deps: RoundAdminDeps) {
  const { rounds, clock } = deps;

  async function roundOf(roundId: string): Promise<Round> {
    const round = await rounds.get(roundId);
    if (!round) throw new NotFoundError(ADMIN_ERRORS.callNotFound);
    return round;
  }

  /** Saves a change guarded by the field's stored value; someone else's change in between is a 409. */
  async function change<K extends 'deadlineDate' | 'ceremony' | 'status'>(
    current: Round,
    next: Round,
    field: K,
    action: Parameters<Rounds['change']>[3]['action'],
    by: string,
    options: { makeCurrent?: boolean } = {},
  ) {
    try {
      await rounds.change(
        next,
        field,
        current[field],
        { at: clock().toISOString(), by, action, from: current[field], to: next[field] },
        options,
      );
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      throw changedMeanwhile();
    }
    logger.info('Round changed', { roundId: next.id, action, by });
  }

  return {
    list: () => rounds.list(),
    get: roundOf,
    auditTrail: (roundId: string) => rounds.auditTrail(roundId),
    settingsOf,

    /** A new round, as a draft: nothing public, nothing scheduled until it is opened. */
    async create(id: string, settings: RoundSettings, by: string): Promise<Round> {
      const round = roundFromSettings(id, settings);
      const at = clock().toISOString();
      if (!(await rounds.create(round, { at, by, action: 'create-round', from: null, to: settings })))
        throw invalidFields({ path: 'id', field: ADMIN_ISSUE_FIELDS.roundId, message: ADMIN_ISSUES.idTaken });
      logger.info('Round created', { roundId: id, by });
      return round;
    },

    /** Replaces a draft's settings (an opened round changes only by extension or ceremony change). */
    async update(id: string, settings: RoundSettings, by: string): Promise<Round> {
      const current = await roundOf(id);
      if (current.status !== 'draft') throw notDraft();
      const next = roundFromSettings(id, settings, current);
      await change(current, next, 'status', 'update-round', by);
      return next;
    },

    /** Deletes a draft (an opened round is history and stays). */
    async remove(id: string, by: string): Promise<void> {
      const current = await roundOf(id);
      if (current.status !== 'draft') throw notDraft();
      try {
        await rounds.removeDraft(id, {
          at: clock().toISOString(),
          by,
          action: 'delete-round',
          from: settingsOf(current),
          to: null,
        });
      } catch (err) {
        if (!(err instanceof ConditionFailed)) throw err;
        throw notDraft();
      }
    },

    /**
     * Opens a draft: it becomes the call the public site shows, takes applications from its opening day
     * to the end of its deadline day, and its reminder, closing and invitations are scheduled.
     */
    async open(id: string, by: string) {
      const now = clock();
      const current = await roundOf(id);
      if (current.status === 'open') return { round: current, scheduled: [] as JobName[] };
      if (current.status !== 'draft') throw new ConflictError(ADMIN_ERRORS.alreadyClosed);
      if (current.deadlineDate < ictDay(now)) throw dateIssue(ADMIN_ISSUES.deadlinePassed);
      if (!current.reviewers?.length)
        throw invalidFields({
          path: 'reviewers',
          field: ADMIN_ISSUE_FIELDS.reviewers,
          message: ADMIN_ISSUES.chooseReviewer,
        });
      const next: Round = { ...current, status: 'open' };
      await change(current, next, 'status', 'open-round', by, { makeCurrent: true });
      const scheduled = deps.schedules ? await deps.schedules.plan(next, now) : [];
      return { round: next, scheduled };
    },

    /**
     * Closes an open round now: no more writes from this moment (the server checks the status), the
     * reminder and closing schedules go, and the closing job (drafts expire, summary) runs at once.
     */
    async close(id: string, by: string) {
      const current = await roundOf(id);
      if (current.status === 'draft') throw new ConflictError(ADMIN_ERRORS.neverOpened);
      let round = current;
      if (current.status === 'open') {
        round = { ...current, status: 'closed' };
        await change(current, round, 'status', 'close-round', by);
      }
      if (deps.schedules) await deps.schedules.cancel(round.id, DEADLINE_JOBS);
      const emails = await deps.followUp({ job: 'close-round', roundId: round.id });
      return { round, emails };
    },

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
          throw invalidFields({ path: 'at', field: ADMIN_ISSUE_FIELDS.time, message: ADMIN_ISSUES.timePast });
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
          throw new ConflictError(ADMIN_ERRORS.ceremonyChangedMeanwhile);
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
      if (round.status === 'draft') throw new ConflictError(ADMIN_ERRORS.stillDraft);
      if (newDate !== round.deadlineDate) {
        if (newDate < round.deadlineDate)
          throw dateIssue(textOf(ADMIN_ISSUES.notLater, formatIctDate(deadlineOf(round))));
        if (newDate < ictDay(now)) throw dateIssue(ADMIN_ISSUES.dayPast);
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
          throw new ConflictError(ADMIN_ERRORS.deadlineChangedMeanwhile);
        }
        logger.info('Deadline extended', { roundId, from: round.deadlineDate, to: newDate, by });
        round = next;
      }
      // The jobs whose time follows the deadline move with it; one whose new time is already past is left
      // out (the reminder of a short extension: the applicants get this extension email instead).
      const times = scheduleTimes(round);
      const moved = deps.schedules ? await deps.schedules.plan(round, now, DEADLINE_JOBS) : [];
      const emails = await deps.followUp({ job: 'deadline-extended', roundId: round.id });
      return { round, deadline: deadlineOf(round), schedules: times, moved, emails };
    },
  };
}

export type RoundAdmin = ReturnType<typeof makeRoundAdmin>;
