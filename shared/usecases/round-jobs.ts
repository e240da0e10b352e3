import type { JobStarter } from '../adapters/lambda/job-starter.ts';
import type { OutgoingEmail } from '../adapters/ses/mailer.ts';
import { DOSSIER_STATUSES, type Dossier, guardKeys, STATUS_LABELS } from '../domain/dossier.ts';
import { CREATIVE_FIELD_LABELS } from '../domain/form-labels.ts';
import { transition } from '../domain/lifecycle.ts';
import { deletionAt } from '../domain/retention.ts';
import { deadlineOf, type Round } from '../domain/round.ts';
import { type JobEvent, MAX_FOLLOW_UPS } from '../domain/round-schedule.ts';
import { wardByCode } from '../domain/wards.ts';
import {
  closingSummaryEmail,
  deadlineExtendedEmail,
  deadlineReminderEmail,
  type RoundSummary,
} from '../mail/round-emails.tsx';
import { logger } from '../observability.ts';
import {
  type BulkEmailUseCaseDeps,
  type BulkResult,
  makeBulkSender,
  NOTHING_SENT,
  pagesOf,
  pool,
} from './bulk-send.ts';
import type { Invitations } from './invitations.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface RoundJobsDeps extends BulkEmailUseCaseDeps {
  /** The coordinators now (staff items), who get the closing summary. */
  readonly coordinators: () => Promise<readonly string[]>;
  readonly invitations: Pick<Invitations, 'sendInvitations' | 'sendCeremonyUpdate'>;
}

/** What a job run reports (the jobs function's result, also in the logs); `complete: false` = more to send. */
export type JobResult = { readonly job: JobEvent['job']; readonly complete: boolean } & Partial<BulkResult> &
  Record<string, unknown>;

/** Runs a job again later: an EventBridge one-time schedule in AWS, the local scheduler locally. */
export interface FollowUpScheduler {
  followUp(event: JobEvent, at: Date): Promise<void>;
}

/** A follow-up run starts this long after the claims in doubt can be taken over. */
export const FOLLOW_UP_MARGIN_MS = 60_000;

/**
 * Runs a job until `until`. When it stops at its time limit with work left, starts another run of the
 * same job (the jobs function, asynchronously) at once, so no run is cut off by its Lambda timeout. When
 * it ends with claims in doubt (another run holds them and may have died), schedules a follow-up run for
 * when they can be taken over (`retryAt`), so nobody depends on a person noticing; a follow-up that finds
 * claims in doubt again schedules another, at most `MAX_FOLLOW_UPS` in a row.
 */
export async function runOrHandOver(
  jobs: Pick<RoundJobs, 'run'>,
  starter: JobStarter,
  event: JobEvent,
  until: number,
  followUps?: FollowUpScheduler,
): Promise<JobResult & { handedOver: boolean; followUpAt?: string }> {
  const result = await jobs.run(event, until);
  if (result.complete) return { ...result, handedOver: false };
  if (result.stoppedAtLimit || !result.inDoubt) {
    await starter.start(event);
    logger.info('Job handed over to a new run', { ...event, sent: result.sent });
    return { ...result, handedOver: true };
  }
  const attempt = (event.attempt ?? 0) + 1;
  if (!followUps || attempt > MAX_FOLLOW_UPS) {
    logger.error('Claims still in doubt and no follow-up run left: run the job again by hand', {
      ...event,
      inDoubt: result.inDoubt,
    });
    return { ...result, handedOver: false };
  }
  const at = new Date(Date.parse(result.retryAt!) + FOLLOW_UP_MARGIN_MS);
  await followUps.followUp({ job: event.job, roundId: event.roundId, attempt }, at);
  logger.warn('Claims in doubt: a follow-up run is scheduled', {
    ...event,
    inDoubt: result.inDoubt,
    followUpAt: at.toISOString(),
  });
  return { ...result, handedOver: false, followUpAt: at.toISOString() };
}

/** The emails that follow a change: those sent within the request, and whether the rest went on elsewhere. */
export type FollowUpResult = BulkResult & { readonly handedOver: boolean };

/**
 * The dashboard's follow-up emails (a deadline or ceremony change): the job runs for up to `budgetMs`
 * within the request, and hands what is left to the jobs function.
 */
export const makeFollowUp =
  (jobs: Pick<RoundJobs, 'run'>, starter: JobStarter, budgetMs: number) =>
  async (event: JobEvent): Promise<FollowUpResult> => {
    const r = await jobs.run(event, Date.now() + budgetMs);
    let handedOver = false;
    if (!r.complete) {
      // The change is saved and these emails went; if the hand-over fails, the page says to submit again.
      handedOver = await starter.start(event).then(
        () => true,
        (err) => {
          logger.error('Follow-up emails not handed over', { ...event, error: String(err) });
          return false;
        },
      );
    }
    return {
      complete: r.complete,
      stoppedAtLimit: r.stoppedAtLimit ?? false,
      handedOver,
      sent: r.sent ?? 0,
      skipped: r.skipped ?? 0,
      inDoubt: r.inDoubt ?? 0,
      ...(r.retryAt ? { retryAt: r.retryAt } : {}),
      recovered: r.recovered ?? 0,
      suppressed: r.suppressed ?? [],
      failed: r.failed ?? [],
    };
  };

/** The scheduled jobs of a round: the deadline reminder, closing (with the coordinators' summary), invitations. */
export function makeRoundJobs(deps: RoundJobsDeps) {
  const bulk = makeBulkSender(deps);

  /** Emails every unsubmitted draft of a round once per purpose, each with a fresh resume link (live to the deadline). */
  function emailDrafts(
    round: Round,
    purpose: string,
    compose: (d: Dossier, resumeUrl: string) => OutgoingEmail,
    until?: number,
  ) {
    const now = deps.clock();
    return bulk({
      until,
      purpose,
      roundId: round.id,
      recipients: pagesOf(deps.dossiers, round.id, 'draft'),
      link: (d) => ({
        purpose: 'resume',
        dossierId: d.id,
        person: d.form.representative.email,
        expiresAt: Math.floor(deadlineOf(round).getTime() / 1000),
        createdAt: now.toISOString(),
      }),
      compose: (d, link) => compose(d, `${deps.publicBaseUrl}/resume/${link.linkId}#${link.secret}`),
    });
  }

  /** A reminder to every unsubmitted draft, once per draft and round. */
  async function remindDrafts(roundId: string, until?: number) {
    const round = await deps.rounds.get(roundId);
    if (!round) return { done: false, reason: 'unknown round', ...NOTHING_SENT };
    const now = deps.clock();
    const deadline = deadlineOf(round);
    if (now > deadline) return { done: false, reason: 'deadline passed', ...NOTHING_SENT };
    const daysLeft = Math.max(1, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS));
    const result = await emailDrafts(
      round,
      'deadline-reminder',
      (d, resumeUrl) => deadlineReminderEmail(d, round, resumeUrl, daysLeft),
      until,
    );
    return { done: true, ...result };
  }

  /**
   * Tells every applicant with a draft of the round's (new) deadline, once per applicant and deadline: the
   * purpose names the date, so the same date again reaches only those not yet told.
   */
  async function tellDraftsOfDeadline(roundId: string, until?: number) {
    const round = await deps.rounds.get(roundId);
    if (!round) return { done: false, reason: 'unknown round', ...NOTHING_SENT };
    const result = await emailDrafts(
      round,
      `deadline-extended-${round.deadlineDate}`,
      (d, resumeUrl) => deadlineExtendedEmail(d, round, resumeUrl),
      until,
    );
    return { done: true, ...result };
  }

  /** Counts of a closed round for the coordinators: by status, and of the applications by field and ward. */
  async function summarize(round: Round, expiredDrafts: number): Promise<RoundSummary> {
    const byStatus: { label: RoundSummary['byStatus'][number]['label']; count: number }[] = [];
    const fields = new Map<string, number>();
    const wards = new Map<string, number>();
    for (const status of DOSSIER_STATUSES) {
      let count = 0;
      for await (const page of pagesOf(deps.dossiers, round.id, status)) {
        count += page.length;
        // Field and ward counts describe the applications actually made, not drafts that expired.
        if (status === 'draft' || status === 'expired') continue;
        for (const d of page) {
          for (const f of d.form.space.creativeFields ?? []) fields.set(f, (fields.get(f) ?? 0) + 1);
          const ward = d.form.space.wardCode;
          const wardName = ward ? (wardByCode(ward)?.name ?? ward) : '—';
          wards.set(wardName, (wards.get(wardName) ?? 0) + 1);
        }
      }
      if (count) byStatus.push({ label: STATUS_LABELS[status], count });
    }
    const sorted = <K>(m: Map<K, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
    return {
      byStatus,
      byField: sorted(fields).map(([f, count]) => ({
        label: CREATIVE_FIELD_LABELS[f as keyof typeof CREATIVE_FIELD_LABELS] ?? { vi: f, en: f },
        count,
      })),
      byWard: sorted(wards).map(([label, count]) => ({ label, count })),
      expiredDrafts,
    };
  }

  /** The coordinators' summary, sent once per round. */
  async function sendSummary(round: Round, expiredDrafts: number) {
    const coordinators = await deps.coordinators();
    if (!coordinators.length) return { summarySent: false };
    const now = deps.clock();
    // Once per deadline: a round extended after it closed sends a summary again when it closes again.
    const who = `coordinators-${round.deadlineDate}`;
    if (!(await deps.dossiers.claimSend('closing-summary', round.id, who, now.toISOString())))
      return { summarySent: false };
    try {
      const summary = await summarize(round, expiredDrafts);
      await deps.mailer.send(
        closingSummaryEmail(
          coordinators,
          round,
          summary,
          `${deps.publicBaseUrl}/admin/export.csv?round=${encodeURIComponent(round.id)}`,
          now,
        ),
      );
      return { summarySent: true, summary };
    } catch (err) {
      await deps.dossiers.releaseSend('closing-summary', round.id, who);
      throw err;
    }
  }

  /** Draft → expired, with its history entry; false if it was no longer a draft. */
  async function expire(id: string): Promise<boolean> {
    const d = await deps.dossiers.get(id);
    if (!d) return false;
    const expired = transition(d, { type: 'expire' }, 'system', deps.clock());
    if (!expired.ok) return false;
    await deps.dossiers.save(expired.dossier, d, {
      removeGuards: guardKeys(d.roundId, d.form),
      audit: [expired.entry],
    });
    // Deleted after the period the privacy notice states (its uploads by the bucket's lifecycle).
    const at = deletionAt(expired.dossier);
    if (at !== undefined) await deps.dossiers.scheduleDeletion(expired.dossier, at);
    return true;
  }

  /**
   * Closes a round: expires its drafts, then sends the coordinators' summary once. With `until` (epoch
   * ms), stops expiring at that time and answers `complete: false, stoppedAtLimit: true` (no summary yet):
   * the next run (see `runOrHandOver`) expires the rest and sends the summary at the end.
   */
  async function closeRound(roundId: string, until?: number) {
    const round = await deps.rounds.get(roundId);
    if (!round) return { complete: true, closed: false, reason: 'unknown round' };
    // A round a coordinator closed early is closed already; otherwise only once its deadline has passed.
    if (round.status !== 'closed' && deps.clock() <= deadlineOf(round))
      return { complete: true, closed: false, reason: 'deadline not reached' };
    if (round.status === 'draft') return { complete: true, closed: false, reason: 'draft' };
    if (round.status !== 'closed') await deps.rounds.save({ ...round, status: 'closed' });
    let expired = 0;
    // Every run expires at least one page, so a chain of runs always gets further.
    for (let page = 0; ; page++) {
      const { items } = await deps.dossiers.listByStatus(roundId, 'draft', 100);
      if (!items.length) break;
      if (page > 0 && until !== undefined && Date.now() >= until) {
        logger.info('Closing handed over before the time limit', { roundId, expiredDrafts: expired });
        return {
          complete: false,
          stoppedAtLimit: true,
          closed: true,
          expiredDrafts: expired,
          summarySent: false,
        };
      }
      let done = 0;
      await pool(items, 16, async (item) => {
        if (await expire(item.id)) done++;
      });
      expired += done;
      // Listed as drafts but none was one any more (the index lags behind): the rest is gone.
      if (!done) break;
    }
    // Exact counts at closing (the dashboard's counts item is rebuilt here too); drafts expired by earlier
    // runs of this closing (handed over, or crashed) count as well.
    const expiredTotal = (await deps.dossiers.recountStatuses(roundId)).expired;
    const { summarySent } = await sendSummary({ ...round, status: 'closed' }, expiredTotal);
    return { complete: true, closed: true, expiredDrafts: expired, summarySent };
  }

  return {
    /**
     * Runs one job. `until` (epoch ms) is when a bulk email stops claiming recipients (or the closing
     * stops expiring drafts): it then answers `complete: false, stoppedAtLimit: true` and another run does
     * the rest (see `runOrHandOver`).
     */
    async run(event: JobEvent, until?: number): Promise<JobResult> {
      switch (event.job) {
        case 'deadline-reminder':
          return { job: event.job, ...(await remindDrafts(event.roundId, until)) };
        case 'close-round':
          return { job: event.job, ...(await closeRound(event.roundId, until)) };
        case 'send-invitations':
          return { job: event.job, ...(await deps.invitations.sendInvitations(event.roundId, until)) };
        case 'deadline-extended':
          return { job: event.job, ...(await tellDraftsOfDeadline(event.roundId, until)) };
        case 'ceremony-update':
          return { job: event.job, ...(await deps.invitations.sendCeremonyUpdate(event.roundId, until)) };
      }
    },
  };
}

export type RoundJobs = ReturnType<typeof makeRoundJobs>;
