import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Links } from '../adapters/dynamodb/links.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import type { Mailer } from '../adapters/ses/mailer.ts';
import { CREATIVE_FIELD_LABELS } from '../domain/application-schema.ts';
import { DOSSIER_STATUSES, guardKeys, type HistoryEntry, STATUS_LABELS } from '../domain/dossier.ts';
import { deadlineOf, type Round } from '../domain/round.ts';
import type { JobEvent } from '../domain/round-schedule.ts';
import type { Clock } from '../domain/time.ts';
import { wardByCode } from '../domain/wards.ts';
import { closingSummaryEmail, deadlineReminderEmail, type RoundSummary } from '../mail/round-emails.tsx';
import { makeBulkSender, pagesOf, type SuppressionList } from './bulk-send.ts';
import type { Invitations } from './invitations.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface RoundJobsDeps {
  readonly rounds: Rounds;
  readonly dossiers: Dossiers;
  readonly links: Links;
  readonly mailer: Mailer;
  readonly clock: Clock;
  readonly publicBaseUrl: string;
  readonly coordinatorEmails: readonly string[];
  readonly invitations: Pick<Invitations, 'sendInvitations'>;
  /** Why an address must be skipped (it bounced or complained), or undefined; by default none is. */
  readonly suppressed?: SuppressionList;
  /** SES sending rate (emails per second); undefined or 0 = no limit. */
  readonly sendRatePerSecond?: number;
}

/** The scheduled jobs of a round: the deadline reminder, closing (with the coordinators' summary), invitations. */
export function makeRoundJobs(deps: RoundJobsDeps) {
  const bulk = makeBulkSender(deps);

  /** A fresh resume link and a reminder to every unsubmitted draft, once per draft and round. */
  async function remindDrafts(roundId: string) {
    const round = await deps.rounds.get(roundId);
    if (!round) return { done: false, reason: 'unknown round' };
    const now = deps.clock();
    const deadline = deadlineOf(round);
    if (now > deadline) return { done: false, reason: 'deadline passed' };
    const daysLeft = Math.max(1, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS));
    const result = await bulk({
      purpose: 'deadline-reminder',
      roundId,
      recipients: pagesOf(deps.dossiers, roundId, 'draft'),
      link: (d) => ({
        purpose: 'resume',
        dossierId: d.id,
        person: d.form.representative.email,
        expiresAt: Math.floor(deadline.getTime() / 1000),
        createdAt: now.toISOString(),
      }),
      compose: (d, link) =>
        deadlineReminderEmail(
          d,
          round,
          `${deps.publicBaseUrl}/resume/${link.linkId}#${link.secret}`,
          daysLeft,
        ),
    });
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
    if (!deps.coordinatorEmails.length) return { summarySent: false };
    const now = deps.clock();
    // Once per deadline: a round extended after it closed sends a summary again when it closes again.
    const who = `coordinators-${round.deadlineDate}`;
    if (!(await deps.dossiers.claimSend('closing-summary', round.id, who, now.toISOString())))
      return { summarySent: false };
    try {
      const summary = await summarize(round, expiredDrafts);
      await deps.mailer.send(
        closingSummaryEmail(
          deps.coordinatorEmails,
          round,
          summary,
          `${deps.publicBaseUrl}/admin/export.csv`,
          now,
        ),
      );
      return { summarySent: true, summary };
    } catch (err) {
      await deps.dossiers.releaseSend('closing-summary', round.id, who);
      throw err;
    }
  }

  async function closeRound(roundId: string) {
    const round = await deps.rounds.get(roundId);
    if (!round) return { closed: false, reason: 'unknown round' };
    if (deps.clock() <= deadlineOf(round)) return { closed: false, reason: 'deadline not reached' };
    if (round.status !== 'closed') await deps.rounds.save({ ...round, status: 'closed' });
    let expired = 0;
    for (;;) {
      const { items } = await deps.dossiers.listByStatus(roundId, 'draft', 100);
      if (!items.length) break;
      for (const item of items) {
        const d = (await deps.dossiers.get(item.id))!;
        const entry: HistoryEntry = {
          at: deps.clock().toISOString(),
          from: 'draft',
          to: 'expired',
          by: 'system',
        };
        await deps.dossiers.save(
          { ...d, status: 'expired', updatedAt: entry.at, history: [...d.history, entry] },
          d,
          {
            removeGuards: guardKeys(d.roundId, d.form),
            audit: [entry],
          },
        );
        expired++;
      }
    }
    // Exact counts at closing (the dashboard's counts item is rebuilt here too); expired drafts from a
    // crashed earlier run count as well.
    const expiredTotal = (await deps.dossiers.recountStatuses(roundId)).expired;
    const { summarySent } = await sendSummary({ ...round, status: 'closed' }, expiredTotal);
    return { closed: true, expiredDrafts: expired, summarySent };
  }

  return {
    async run(event: JobEvent): Promise<Record<string, unknown>> {
      switch (event.job) {
        case 'deadline-reminder':
          return { job: event.job, ...(await remindDrafts(event.roundId)) };
        case 'close-round':
          return { job: event.job, ...(await closeRound(event.roundId)) };
        case 'send-invitations':
          return { job: event.job, ...(await deps.invitations.sendInvitations(event.roundId)) };
      }
    },
  };
}
