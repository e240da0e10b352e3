import type { Dossiers } from '../adapters/dynamodb/dossiers.ts';
import type { Rounds } from '../adapters/dynamodb/rounds.ts';
import { guardKeys, type HistoryEntry } from '../domain/dossier.ts';
import { deadlineOf } from '../domain/round.ts';
import type { JobEvent } from '../domain/round-schedule.ts';
import type { Clock } from '../domain/time.ts';
import { logger } from '../observability.ts';

/** The scheduled jobs of a round. Only closing is built so far; reminders and invitations are issue 6. */
export function makeRoundJobs(deps: { rounds: Rounds; dossiers: Dossiers; clock: Clock }) {
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
    return { closed: true, expiredDrafts: expired };
  }

  return {
    async run(event: JobEvent): Promise<Record<string, unknown>> {
      if (event.job === 'close-round') return { job: event.job, ...(await closeRound(event.roundId)) };
      logger.warn('Job not built yet', { job: event.job });
      return { job: event.job, done: false, reason: 'not built yet (issue 6)' };
    },
  };
}
